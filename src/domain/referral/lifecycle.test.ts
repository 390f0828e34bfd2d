import { describe, expect, it } from 'vitest'
import type { Clock } from './clock.js'
import {
  draftReferral,
  type ReferralEventInput,
  type ReferralEventType,
  ReferralState,
  ReferralStatus,
  receivedReferral,
  referralEventTypes,
  rgTargetFor,
  transition,
} from './lifecycle.js'
import type { ReferralKind } from './referral-kind.js'

const clockAt = (iso: string): Clock => ({ now: () => new Date(iso) })
const clock = clockAt('2024-09-02T12:00:00Z')

function must(state: ReferralState, event: ReferralEventInput, at: Clock = clock): ReferralState {
  const result = transition(state, event, at)
  if (!result.ok) throw new Error(`${event.type}: ${result.message}`)
  return result.value
}

// A valid example of each event, for the referral fixtures below (submitted 1 March 2024, RG 7 March).
const sample: Record<ReferralEventType, ReferralEventInput> = {
  submit: { type: 'submit', at: '2024-03-01T10:00:00Z' },
  'record-reference': { type: 'record-reference', reference: 'NRM-2024-000123', at: '2024-03-01T16:00:00Z' },
  'rg-decision': { type: 'rg-decision', outcome: 'positive', decidedOn: '2024-03-07' },
  'recovery-period-ended': { type: 'recovery-period-ended' },
  'cg-decision': { type: 'cg-decision', outcome: 'human-trafficking', decidedOn: '2024-08-01' },
  'request-reconsideration': {
    type: 'request-reconsideration',
    requestedOn: '2024-08-20',
    grounds: 'New medical evidence',
  },
  transfer: {
    type: 'transfer',
    toForceId: 'kent',
    at: '2024-08-21T09:00:00Z',
    by: 'DS Patel',
    note: 'Exploitation in Kent',
  },
  withdraw: { type: 'withdraw', at: '2024-08-21T09:00:00Z', reason: 'Made in error: duplicate of another referral' },
}

function fixtures(kind: ReferralKind): Record<ReferralStatus, ReferralState> {
  const draft = draftReferral({ kind, forceId: 'metropolitan' })
  const submitted = must({ ...draft, kind: 'nrm-adult' }, sample.submit)
  const rgPending = must(submitted, sample['record-reference'])
  const rgPositive = must(rgPending, sample['rg-decision'])
  const rgNegative = must(rgPending, { type: 'rg-decision', outcome: 'negative', decidedOn: '2024-03-07' })
  const cgPending = must(rgPositive, sample['recovery-period-ended'])
  const cg = (outcome: string) =>
    must(cgPending, { type: 'cg-decision', outcome, decidedOn: '2024-08-01' } as ReferralEventInput)
  const states: Record<ReferralStatus, ReferralState> = {
    draft,
    submitted,
    'rg-pending': rgPending,
    'rg-positive': rgPositive,
    'rg-negative': rgNegative,
    'cg-pending': cgPending,
    'cg-positive-trafficking': cg('human-trafficking'),
    'cg-positive-slavery': cg('slavery-servitude-forced-labour'),
    'cg-insufficient-evidence': cg('insufficient-evidence'),
    notified: { ...rgPending, status: 'notified' },
    withdrawn: must(draft, sample.withdraw),
  }
  for (const status of ReferralStatus.options) states[status] = { ...states[status], kind }
  return states
}

// The legal moves, written out independently of LEGAL_TRANSITIONS: (status, event) → resulting status.
const NRM_LEGAL: Partial<Record<ReferralStatus, Partial<Record<ReferralEventType, ReferralStatus>>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { 'record-reference': 'rg-pending', transfer: 'submitted', withdraw: 'withdrawn' },
  'rg-pending': { 'rg-decision': 'rg-positive', transfer: 'rg-pending', withdraw: 'withdrawn' },
  'rg-positive': {
    'recovery-period-ended': 'cg-pending',
    'cg-decision': 'cg-positive-trafficking',
    transfer: 'rg-positive',
    withdraw: 'withdrawn',
  },
  'rg-negative': { 'request-reconsideration': 'rg-pending', transfer: 'rg-negative' },
  'cg-pending': { 'cg-decision': 'cg-positive-trafficking', transfer: 'cg-pending', withdraw: 'withdrawn' },
  'cg-positive-trafficking': { transfer: 'cg-positive-trafficking' },
  'cg-positive-slavery': { transfer: 'cg-positive-slavery' },
  'cg-insufficient-evidence': { 'request-reconsideration': 'cg-pending', transfer: 'cg-insufficient-evidence' },
}
const DTN_LEGAL: Partial<Record<ReferralStatus, Partial<Record<ReferralEventType, ReferralStatus>>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { 'record-reference': 'notified', transfer: 'submitted', withdraw: 'withdrawn' },
  notified: { transfer: 'notified' },
}

const kinds: ReferralKind[] = ['nrm-adult', 'nrm-child', 'duty-to-notify']
const cases = kinds.flatMap((kind) =>
  ReferralStatus.options.flatMap((status) =>
    referralEventTypes.map((event) => {
      const table = kind === 'duty-to-notify' ? DTN_LEGAL : NRM_LEGAL
      return { kind, status, event, expected: table[status]?.[event] ?? null }
    }),
  ),
)

describe('referral lifecycle: every state × event × kind', () => {
  const byKind = Object.fromEntries(kinds.map((k) => [k, fixtures(k)])) as Record<
    ReferralKind,
    Record<ReferralStatus, ReferralState>
  >

  it('covers all 3 kinds × 11 statuses × 8 events', () => {
    expect(cases).toHaveLength(3 * 11 * 8)
    expect(cases.filter((c) => c.expected !== null)).toHaveLength(2 * 21 + 6)
  })

  it.each(cases.filter((c) => c.expected === null))('$kind: refuses $event when $status', ({ kind, status, event }) => {
    const state = byKind[kind][status]
    const result = transition(state, sample[event], clock)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const decisionEvent = ['rg-decision', 'recovery-period-ended', 'cg-decision', 'request-reconsideration'].includes(
      event,
    )
    if (kind === 'duty-to-notify' && decisionEvent) {
      expect(result.code).toBe('not-for-duty-to-notify')
      expect(result.message).toContain('only NRM referrals get Reasonable and Conclusive Grounds decisions')
    } else {
      expect(result.code).toBe('illegal-transition')
      expect(result.message).toMatch(/ is not possible: the referral /)
    }
  })

  it.each(cases.filter((c) => c.expected !== null))(
    '$kind: $event from $status gives $expected',
    ({ kind, status, event, expected }) => {
      const result = transition(byKind[kind][status], sample[event], clock)
      expect(result.ok && result.value.status).toBe(expected)
      if (result.ok) expect(ReferralState.parse(result.value)).toEqual(result.value)
    },
  )

  it('explains what to do first', () => {
    const states = byKind['nrm-adult']
    expect(transition(states.draft, sample['rg-decision'], clock)).toEqual({
      ok: false,
      code: 'illegal-transition',
      message:
        'Recording a Reasonable Grounds decision is not possible: the referral is still a draft: submit it first',
    })
    expect(transition(states.submitted, sample['rg-decision'], clock)).toMatchObject({
      message:
        'Recording a Reasonable Grounds decision is not possible: the referral has been submitted but has no Home Office reference yet: record the Home Office reference first',
    })
    expect(transition(states['cg-positive-slavery'], sample['request-reconsideration'], clock)).toMatchObject({
      message:
        'Asking for reconsideration is not possible: the referral has a final Conclusive Grounds decision (slavery, servitude or forced labour): only a negative decision can be reconsidered',
    })
  })
})

describe('referral lifecycle rules', () => {
  const states = fixtures('nrm-adult')

  it('records the rule set in force at submission and the Home Office reference', () => {
    expect(states['rg-pending']).toMatchObject({
      submittedAt: '2024-03-01T10:00:00Z',
      homeOfficeReference: 'NRM-2024-000123',
      referralRules: 'nrm-rules.2023-07-24',
    })
  })

  it('refuses dates in the future', () => {
    const early = clockAt('2024-03-06T12:00:00Z')
    expect(transition(states['rg-pending'], sample['rg-decision'], early)).toEqual({
      ok: false,
      code: 'date-in-future',
      message: 'A decision cannot be dated 2024-03-07, which is in the future',
    })
    expect(transition(states.draft, { type: 'submit', at: '2024-09-02T12:00:01Z' }, clock)).toMatchObject({
      code: 'date-in-future',
    })
  })

  it('refuses an RG decision before the referral', () => {
    expect(
      transition(states['rg-pending'], { type: 'rg-decision', outcome: 'positive', decidedOn: '2024-02-29' }, clock),
    ).toEqual({
      ok: false,
      code: 'rg-before-referral',
      message: 'The Reasonable Grounds decision (2024-02-29) cannot be before the referral (2024-03-01)',
    })
  })

  it('refuses a CG decision before the RG decision', () => {
    expect(
      transition(
        states['cg-pending'],
        { type: 'cg-decision', outcome: 'human-trafficking', decidedOn: '2024-03-06' },
        clock,
      ),
    ).toEqual({
      ok: false,
      code: 'cg-before-rg',
      message:
        'The Conclusive Grounds decision (2024-03-06) cannot be before the Reasonable Grounds decision (2024-03-07)',
    })
  })

  it('refuses a CG outcome that is not one of the three', () => {
    expect(
      transition(
        states['cg-pending'],
        { type: 'cg-decision', outcome: 'victim', decidedOn: '2024-08-01' } as never,
        clock,
      ),
    ).toEqual({
      ok: false,
      code: 'invalid-event',
      message:
        'A Conclusive Grounds decision is one of: human trafficking; slavery, servitude or forced or compulsory labour; insufficient evidence',
    })
  })

  it('sets a 30-day recovery period from a positive RG on or after 30 January 2023', () => {
    expect(states['rg-positive'].recoveryPeriod).toMatchObject({
      startsOn: '2024-03-07',
      minimumDays: 30,
      endsOn: '2024-04-06',
      referralRules: 'nrm-rules.2023-07-24',
    })
  })

  it('sets 45 days for a positive RG on 29 January 2023 and 30 days for one on 30 January 2023', () => {
    const pending = must(
      must(draftReferral({ kind: 'nrm-adult', forceId: 'kent' }), { type: 'submit', at: '2023-01-20T09:00:00Z' }),
      {
        type: 'record-reference',
        reference: 'X1',
        at: '2023-01-20T10:00:00Z',
      },
    )
    const before = must(pending, { type: 'rg-decision', outcome: 'positive', decidedOn: '2023-01-29' })
    expect(before.recoveryPeriod).toMatchObject({
      minimumDays: 45,
      endsOn: '2023-03-15',
      referralRules: 'nrm-rules.pre-2023-01-30',
    })
    const after = must(pending, { type: 'rg-decision', outcome: 'positive', decidedOn: '2023-01-30' })
    expect(after.recoveryPeriod).toMatchObject({
      minimumDays: 30,
      endsOn: '2023-03-01',
      referralRules: 'nrm-rules.2023-01-30',
    })
  })

  it('refuses to end the recovery period early', () => {
    expect(transition(states['rg-positive'], sample['recovery-period-ended'], clockAt('2024-04-05T12:00:00Z'))).toEqual(
      {
        ok: false,
        code: 'recovery-period-running',
        message: 'The recovery period runs until 2024-04-06; today is 2024-04-05',
      },
    )
    expect(transition(states['rg-positive'], sample['recovery-period-ended'], clockAt('2024-04-06T08:00:00Z')).ok).toBe(
      true,
    )
  })

  it('warns when a CG decision is dated inside the recovery period', () => {
    const result = transition(
      states['rg-positive'],
      { type: 'cg-decision', outcome: 'human-trafficking', decidedOn: '2024-04-01' },
      clock,
    )
    expect(result.ok && result.warnings).toEqual([
      'The decision is dated before the recovery period ends (2024-04-06); check the date (rule UNCONFIRMED, §2.9)',
    ])
  })

  it('warns on a slavery outcome for a Scottish force', () => {
    const scottish = { ...states['cg-pending'], forceId: 'police-scotland' }
    const result = transition(
      scottish,
      { type: 'cg-decision', outcome: 'slavery-servitude-forced-labour', decidedOn: '2024-08-01' },
      clock,
    )
    expect(result.ok && result.warnings[0]).toContain('Scotland and Northern Ireland')
  })

  it('reconsiders a negative RG: back to pending, then a new decision not before the request', () => {
    const requested = must(states['rg-negative'], {
      type: 'request-reconsideration',
      requestedOn: '2024-03-20',
      grounds: 'Account not considered',
    })
    expect(requested).toMatchObject({
      status: 'rg-pending',
      rg: null,
      pendingReconsideration: { stage: 'rg', previousOutcome: 'negative', previousDecidedOn: '2024-03-07' },
    })
    expect(rgTargetFor(requested)).toBeNull()
    expect(
      transition(requested, { type: 'rg-decision', outcome: 'positive', decidedOn: '2024-03-19' }, clock),
    ).toMatchObject({
      code: 'rg-before-reconsideration',
      message: 'The reconsidered decision (2024-03-19) cannot be before the request for reconsideration (2024-03-20)',
    })
    const decided = must(requested, { type: 'rg-decision', outcome: 'positive', decidedOn: '2024-04-02' })
    expect(decided).toMatchObject({
      status: 'rg-positive',
      pendingReconsideration: null,
      reconsiderations: [{ stage: 'rg' }],
    })
  })

  it('reconsiders a CG of insufficient evidence', () => {
    const requested = must(states['cg-insufficient-evidence'], sample['request-reconsideration'])
    expect(requested).toMatchObject({ status: 'cg-pending', cg: null, pendingReconsideration: { stage: 'cg' } })
    const decided = must(requested, {
      type: 'cg-decision',
      outcome: 'slavery-servitude-forced-labour',
      decidedOn: '2024-08-30',
    })
    expect(decided.status).toBe('cg-positive-slavery')
    expect(
      transition(
        states['cg-insufficient-evidence'],
        { ...sample['request-reconsideration'], requestedOn: '2024-07-31' } as ReferralEventInput,
        clock,
      ),
    ).toMatchObject({
      code: 'reconsideration-before-decision',
    })
  })

  it('transfers to another force with a log, keeping the stage', () => {
    const moved = must(states['rg-positive'], sample.transfer)
    expect(moved).toMatchObject({
      status: 'rg-positive',
      forceId: 'kent',
      transfers: [{ fromForceId: 'metropolitan', toForceId: 'kent', at: '2024-08-21T09:00:00Z', by: 'DS Patel' }],
    })
    expect(transition(moved, sample.transfer, clock)).toEqual({
      ok: false,
      code: 'same-force',
      message: 'The referral is already with that force',
    })
    expect(transition(moved, { ...sample.transfer, toForceId: 'gotham' } as ReferralEventInput, clock)).toMatchObject({
      code: 'invalid-event',
      message: '"gotham" is not a police force Lantern knows',
    })
  })

  it('records where a withdrawal came from', () => {
    expect(must(states['rg-pending'], sample.withdraw).withdrawal).toEqual({
      at: '2024-08-21T09:00:00Z',
      reason: 'Made in error: duplicate of another referral',
      fromStatus: 'rg-pending',
    })
  })

  it('gives the RG target: 5 working days after the referral, in the force’s calendar', () => {
    expect(rgTargetFor(states['rg-pending'])).toMatchObject({ dueDate: '2024-03-08', region: 'england-and-wales' })
    const january = clockAt('2025-01-10T12:00:00Z')
    const draft = draftReferral({ kind: 'nrm-child', forceId: 'police-scotland' })
    const submitted = must(draft, { type: 'submit', at: '2024-12-27T10:00:00Z' }, january)
    const christmas = must(submitted, { type: 'record-reference', reference: 'X', at: '2024-12-27T11:00:00Z' }, january)
    expect(rgTargetFor(christmas)).toMatchObject({ dueDate: '2025-01-07', region: 'scotland' })
    expect(rgTargetFor(states['rg-positive'])).toBeNull()
  })

  it('starts received referrals at the right stage', () => {
    const received = receivedReferral(
      { kind: 'nrm-adult', forceId: 'kent', submittedAt: '2024-08-01T09:00:00Z', homeOfficeReference: 'NRM-9' },
      clock,
    )
    expect(received.ok && received.value).toMatchObject({
      origin: 'received',
      status: 'rg-pending',
      referralRules: 'nrm-rules.2023-07-24',
    })
    const dtn = receivedReferral(
      { kind: 'duty-to-notify', forceId: 'kent', submittedAt: '2024-08-01T09:00:00Z', homeOfficeReference: 'DTN-1' },
      clock,
    )
    expect(dtn.ok && dtn.value.status).toBe('notified')
    const noRef = receivedReferral(
      { kind: 'nrm-child', forceId: 'kent', submittedAt: '2024-08-01T09:00:00Z', homeOfficeReference: null },
      clock,
    )
    expect(noRef.ok && noRef.value.status).toBe('submitted')
    expect(
      receivedReferral(
        { kind: 'nrm-adult', forceId: 'kent', submittedAt: '2024-09-03T09:00:00Z', homeOfficeReference: null },
        clock,
      ),
    ).toMatchObject({
      ok: false,
      code: 'date-in-future',
    })
    expect(
      receivedReferral(
        { kind: 'nrm-adult', forceId: 'gotham', submittedAt: '2024-08-01T09:00:00Z', homeOfficeReference: null },
        clock,
      ),
    ).toEqual({ ok: false, code: 'invalid-event', message: '"gotham" is not a police force Lantern knows' })
  })
})
