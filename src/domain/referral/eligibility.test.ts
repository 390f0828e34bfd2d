import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Pathway } from '../identify/pathway.js'
import { AgeStatus, ageInYears } from './age-status.js'
import { ConsentStatus } from './consent.js'
import { checkReferralAllowed, decideReferral, type ReferralSituation } from './eligibility.js'

const situation = (over: Partial<ReferralSituation>): ReferralSituation => ({
  pathway: 'nrm-adult',
  ageStatus: 'adult',
  consentStatus: 'not-asked',
  safeguardingReferralRecorded: false,
  ...over,
})

describe('which referral, and why', () => {
  it('adult not yet asked: ask for consent; nothing can be made yet', () => {
    const decision = decideReferral(situation({ pathway: 'ask-consent' }))
    expect(decision.nextStep).toBe('ask-consent')
    expect(decision.allowed).toEqual([])
    expect(decision.options.find((o) => o.kind === 'duty-to-notify')?.reason).toBe(
      'A Duty to Notify report is for an adult who does not consent: ask for consent and record the answer first',
    )
  })

  it('adult who consents: NRM adult referral only; it meets the duty to notify', () => {
    const decision = decideReferral(situation({ consentStatus: 'given' }))
    expect(decision).toMatchObject({ treatAsChild: false, nextStep: 'make-nrm-adult-referral', allowed: ['nrm-adult'] })
    expect(decision.options.find((o) => o.kind === 'nrm-adult')?.source).toBe('law-and-process.md §2.3, §9.3')
  })

  it.each(['declined', 'withdrawn'] as const)('adult who has %s consent: Duty to Notify only', (consentStatus) => {
    const decision = decideReferral(situation({ pathway: 'duty-to-notify', consentStatus }))
    expect(decision).toMatchObject({ nextStep: 'make-duty-to-notify-report', allowed: ['duty-to-notify'] })
    expect(decision.options.find((o) => o.kind === 'nrm-adult')?.reason).toBe(
      `The person has ${consentStatus} consent: an adult NRM referral needs consent that is current`,
    )
  })

  it.each(['child', 'age-unknown', 'age-disputed'] as const)(
    '%s: safeguard first, then NRM child; never Duty to Notify, whatever the consent',
    (ageStatus) => {
      const before = decideReferral(situation({ pathway: 'duty-to-notify', ageStatus, consentStatus: 'declined' }))
      expect(before).toMatchObject({ treatAsChild: true, nextStep: 'record-safeguarding-referral', allowed: [] })
      const after = decideReferral(
        situation({
          pathway: 'duty-to-notify',
          ageStatus,
          consentStatus: 'declined',
          safeguardingReferralRecorded: true,
        }),
      )
      expect(after).toMatchObject({ nextStep: 'make-nrm-child-referral', allowed: ['nrm-child'] })
      expect(after.explanation).toContain(
        'A child is safeguarded first and then referred; no consent is asked (§2.4, §9.2)',
      )
    },
  )

  it('treats the person as a child when the assessment says so, even if recorded as an adult', () => {
    const decision = decideReferral(situation({ pathway: 'nrm-child', consentStatus: 'given' }))
    expect(decision.treatAsChild).toBe(true)
    expect(decision.allowed).toEqual([])
    expect(decision.explanation[0]).toBe(
      'The assessment found the person may be under 18, so they are treated as a child (§2.4)',
    )
  })

  it('no indicators: no referral needed, but the options still follow age and consent', () => {
    const decision = decideReferral(situation({ pathway: 'no-indicators', consentStatus: 'given' }))
    expect(decision.nextStep).toBe('no-referral-needed')
    expect(decision.allowed).toEqual(['nrm-adult'])
  })

  it('refuses a Duty to Notify for a child with the reason', () => {
    expect(checkReferralAllowed(situation({ ageStatus: 'child' }), 'duty-to-notify')).toEqual({
      ok: false,
      code: 'referral-not-allowed',
      message:
        'Duty to Notify report is not possible: A Duty to Notify report cannot be used for a child, or for a person whose age is unknown or disputed',
    })
    expect(checkReferralAllowed(situation({ consentStatus: 'given' }), 'nrm-adult').ok).toBe(true)
  })

  it('holds for every combination: no DtN for a possible child, adult NRM only with current consent, one kind at most', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Pathway.options),
        fc.constantFrom(...AgeStatus.options),
        fc.constantFrom(...ConsentStatus.options),
        fc.boolean(),
        (pathway, ageStatus, consentStatus, safeguardingReferralRecorded) => {
          const decision = decideReferral({ pathway, ageStatus, consentStatus, safeguardingReferralRecorded })
          expect(decision.allowed.length).toBeLessThanOrEqual(1)
          expect(decision.options).toHaveLength(3)
          if (ageStatus !== 'adult') expect(decision.allowed).not.toContain('duty-to-notify')
          expect(decision.allowed.includes('nrm-adult')).toBe(
            ageStatus === 'adult' && pathway !== 'nrm-child' && consentStatus === 'given',
          )
          if (decision.allowed.includes('nrm-child')) expect(safeguardingReferralRecorded).toBe(true)
        },
      ),
    )
  })
})

describe('age', () => {
  it('counts whole years, with a 29 February birthday on 1 March in common years', () => {
    expect(ageInYears('2006-06-15', '2024-06-14')).toBe(17)
    expect(ageInYears('2006-06-15', '2024-06-15')).toBe(18)
    expect(ageInYears('2004-02-29', '2022-02-28')).toBe(17)
    expect(ageInYears('2004-02-29', '2022-03-01')).toBe(18)
  })
})
