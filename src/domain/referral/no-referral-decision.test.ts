import { describe, expect, it } from 'vitest'
import {
  checkNoReferralDecision,
  checkWithdrawal,
  type NoReferralContext,
  type NoReferralDecisionInput,
  noReferralReasonInfo,
  noReferralReasons,
  reasonsAllowed,
} from './no-referral-decision.js'

const adultEw: NoReferralContext = {
  treatedAsChild: false,
  jurisdiction: 'england-and-wales',
  hasSubmittedReferral: false,
  hasLiveDecision: false,
}
const input = (over: Partial<NoReferralDecisionInput>): NoReferralDecisionInput => ({
  reason: 'not-a-potential-victim',
  rationale: 'Employer records, payslips and the tenancy checked by DC Patel; the worker lives independently.',
  otherOrganisation: null,
  otherReference: null,
  duplicateOfReference: null,
  ...over,
})
const paths = (r: ReturnType<typeof checkNoReferralDecision>) => (r.ok ? [] : r.issues.map((i) => i.path))

describe('reasons a supervisor may give (law-and-process.md §2.4, §2.5, §9.4)', () => {
  it('never offers "duty does not apply" in England and Wales, where s52 applies to every adult', () => {
    expect(reasonsAllowed({ treatedAsChild: false, jurisdiction: 'england-and-wales' })).not.toContain(
      'duty-does-not-apply',
    )
  })
  it('offers it for an adult in Scotland or Northern Ireland, where the Duty to Notify does not run', () => {
    expect(reasonsAllowed({ treatedAsChild: false, jurisdiction: 'scotland' })).toContain('duty-does-not-apply')
    expect(reasonsAllowed({ treatedAsChild: false, jurisdiction: 'northern-ireland' })).toContain('duty-does-not-apply')
  })
  it('never offers it for a child, wherever the force is: a child is always referred', () => {
    expect(reasonsAllowed({ treatedAsChild: true, jurisdiction: 'scotland' })).not.toContain('duty-does-not-apply')
    expect(reasonsAllowed({ treatedAsChild: true, jurisdiction: 'scotland' })).toHaveLength(3)
  })
  it('every reason has a label, a hint and a source with its confidence', () => {
    for (const r of noReferralReasons) {
      const info = noReferralReasonInfo[r]
      expect(info.label.length).toBeGreaterThan(10)
      expect(info.hint.length).toBeGreaterThan(10)
      expect(['CONFIRMED', 'PARTLY CONFIRMED', 'UNCONFIRMED', 'SECONDARY']).toContain(info.source.confidence)
    }
  })
})

describe('checkNoReferralDecision', () => {
  it('accepts a checked explanation for an adult and trims it', () => {
    const r = checkNoReferralDecision(
      input({ rationale: '  Checked with the employer and HMRC: paid, free to leave.  ' }),
      adultEw,
    )
    expect(r.ok).toBe(true)
    expect(r.ok && r.value.rationale).toBe('Checked with the employer and HMRC: paid, free to leave.')
    expect(r.ok && r.warnings).toEqual([])
  })

  it('refuses a missing or one-word rationale with the field named', () => {
    expect(checkNoReferralDecision(input({ rationale: '   ' }), adultEw)).toEqual({
      ok: false,
      issues: [{ path: 'rationale', message: 'Explain the decision' }],
    })
    const short = checkNoReferralDecision(input({ rationale: 'Not a victim' }), adultEw)
    expect(short.ok === false && short.issues[0]?.message).toMatch(/at least 20 characters/)
  })

  it('needs the other organisation and its reference when someone else referred', () => {
    const r = checkNoReferralDecision(input({ reason: 'already-referred-elsewhere' }), adultEw)
    expect(paths(r)).toEqual(['otherOrganisation', 'otherReference'])
    const bad = checkNoReferralDecision(
      input({ reason: 'already-referred-elsewhere', otherOrganisation: 'Leeds City Council', otherReference: '<x>' }),
      adultEw,
    )
    expect(paths(bad)).toEqual(['otherReference'])
    const good = checkNoReferralDecision(
      input({
        reason: 'already-referred-elsewhere',
        otherOrganisation: ' Salvation Army ',
        otherReference: 'NRM/2026/10443',
        duplicateOfReference: 'ignored',
      }),
      adultEw,
    )
    expect(good.ok && good.value).toMatchObject({
      otherOrganisation: 'Salvation Army',
      otherReference: 'NRM/2026/10443',
      duplicateOfReference: null,
    })
  })

  it('needs the other encounter’s reference for a duplicate, upper-cased', () => {
    expect(paths(checkNoReferralDecision(input({ reason: 'duplicate-encounter' }), adultEw))).toEqual([
      'duplicateOfReference',
    ])
    const r = checkNoReferralDecision(
      input({ reason: 'duplicate-encounter', duplicateOfReference: 'enc-ab12' }),
      adultEw,
    )
    expect(r.ok && r.value.duplicateOfReference).toBe('ENC-AB12')
  })

  it('refuses "duty does not apply" in England and Wales, and for a child anywhere, saying why', () => {
    const ew = checkNoReferralDecision(input({ reason: 'duty-does-not-apply' }), adultEw)
    expect(ew.ok === false && ew.issues[0]).toEqual({
      path: 'reason',
      message:
        'The Duty to Notify applies in England and Wales: an adult who does not consent needs a Duty to Notify report',
    })
    const child = checkNoReferralDecision(input({ reason: 'duty-does-not-apply' }), {
      ...adultEw,
      jurisdiction: 'scotland',
      treatedAsChild: true,
    })
    expect(child.ok === false && child.issues[0]?.message).toMatch(/A child must always be referred/)
    const scot = checkNoReferralDecision(input({ reason: 'duty-does-not-apply' }), {
      ...adultEw,
      jurisdiction: 'scotland',
    })
    expect(scot.ok).toBe(true)
  })

  it('warns, without refusing, when a child is judged not to be a victim', () => {
    const r = checkNoReferralDecision(input({}), { ...adultEw, treatedAsChild: true })
    expect(r.ok).toBe(true)
    expect(r.ok && r.warnings[0]).toMatch(/treated as a child/)
  })

  it('refuses when the encounter already has a referral or a standing decision', () => {
    expect(paths(checkNoReferralDecision(input({}), { ...adultEw, hasSubmittedReferral: true }))).toEqual(['form'])
    const again = checkNoReferralDecision(input({}), { ...adultEw, hasLiveDecision: true })
    expect(again.ok === false && again.issues[0]?.message).toMatch(/withdraw it before/)
  })

  it('returns every issue at once', () => {
    const r = checkNoReferralDecision(input({ reason: 'already-referred-elsewhere', rationale: '' }), adultEw)
    expect(paths(r)).toEqual(['rationale', 'otherOrganisation', 'otherReference'])
  })
})

describe('checkWithdrawal', () => {
  it('needs a reason of some substance', () => {
    expect(checkWithdrawal('  ')).toEqual({ ok: false, message: 'Say why the decision is withdrawn' })
    expect(checkWithdrawal('wrong').ok).toBe(false)
    expect(checkWithdrawal(' New information from the victim’s support worker ')).toEqual({
      ok: true,
      value: 'New information from the victim’s support worker',
    })
  })
})
