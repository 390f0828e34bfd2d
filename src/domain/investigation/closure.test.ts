import { describe, expect, it } from 'vitest'
import { type ClosureContext, type ClosureRequest, evaluateClosure, type SignOff } from './closure.js'
import { DAY_MS } from './dates.js'
import type { Outcome } from './outcomes.js'
import type { OrderConsideration } from './prevention-order-consideration.js'

const openedAt = new Date('2025-01-06T09:00:00Z')
const now = new Date(openedAt.getTime() + 60 * DAY_MS)
const rationale =
  'Both suspects were charged with s2 trafficking offences and remanded; the file is with the CPS and victim care continues through the support worker.'

const charge: Outcome = {
  type: 'charge',
  id: 'o1',
  suspectId: 's1',
  recordedBy: 'u-investigator',
  chargedAt: new Date('2025-02-20T12:00:00Z'),
  offences: ['Modern Slavery Act 2015 s2'],
  authorisedBy: 'cps',
}
const considered = (stage: OrderConsideration['stage']): OrderConsideration => ({
  stage,
  decision: 'seek-stpo',
  rationale: 'Risk to other workers recruited through the same agency',
  decidedBy: 'u-investigator',
  decidedAt: new Date('2025-02-21T12:00:00Z'),
})
const supervisor: SignOff = {
  userId: 'u-sergeant',
  role: 'supervisor',
  at: new Date(now.getTime() - DAY_MS),
  decision: 'approve',
  rationale: 'Agreed',
}
const forceLead: SignOff = { userId: 'u-lead', role: 'force-lead', at: now, decision: 'approve', rationale: 'Agreed' }

const context: ClosureContext = {
  status: 'closure-requested',
  openedAt,
  reopenedAt: null,
  suspects: [
    { id: 's1', identified: true, pursuit: 'charged' },
    { id: 's2', identified: true, pursuit: 'charged' },
  ],
  outcomes: [charge],
  orderConsiderations: [considered('charge'), considered('closure')],
}
const request: ClosureRequest = {
  reason: 'charged',
  rationale,
  requestedBy: 'u-investigator',
  requestedAt: new Date(now.getTime() - 2 * DAY_MS),
  victimContactStatus: 'engaged',
  supervisorSignOff: supervisor,
  secondReview: null,
}

const codes = (r: ReturnType<typeof evaluateClosure>) => r.problems.map((p) => p.code)

describe('evaluateClosure', () => {
  it('allows a closure with a reason, a rationale, a supervisor’s sign-off and STPO/STRO decisions recorded', () => {
    expect(evaluateClosure(context, request, now)).toEqual({
      canClose: true,
      problems: [],
      secondReviewReasons: [],
      secondReviewRequired: false,
      approvalsNeeded: [],
    })
  })

  it('refuses a closure without a supervisor’s sign-off', () => {
    const r = evaluateClosure(context, { ...request, supervisorSignOff: null }, now)
    expect(r.canClose).toBe(false)
    expect(r.approvalsNeeded).toEqual([
      { approval: 'supervisor-sign-off', reasons: [expect.stringMatching(/supervisor to review/)] },
    ])
  })

  describe('early-closure guard: second-level review by the force lead', () => {
    it('applies to a closure within 28 days of opening, and not on day 28', () => {
      const early = new Date(openedAt.getTime() + 28 * DAY_MS - 1)
      const earlyRequest = {
        ...request,
        requestedAt: new Date(early.getTime() - DAY_MS),
        supervisorSignOff: { ...supervisor, at: early },
      }
      const r = evaluateClosure(context, earlyRequest, early)
      expect(r.problems).toEqual([])
      expect(r.secondReviewRequired).toBe(true)
      expect(r.canClose).toBe(false)
      expect(r.approvalsNeeded).toEqual([
        {
          approval: 'force-lead-second-review',
          reasons: [expect.stringMatching(/27 days after it was opened, within 28 days/)],
        },
      ])
      const onDay28 = new Date(openedAt.getTime() + 28 * DAY_MS)
      expect(
        evaluateClosure(context, { ...earlyRequest, supervisorSignOff: { ...supervisor, at: onDay28 } }, onDay28)
          .canClose,
      ).toBe(true)
    })

    it('applies when an identified suspect was not pursued', () => {
      const r = evaluateClosure(
        { ...context, suspects: [...context.suspects, { id: 's3', identified: true, pursuit: 'not-pursued' }] },
        request,
        now,
      )
      expect(r.secondReviewReasons.map((x) => x.code)).toEqual(['identified-suspects-not-pursued'])
      expect(r.secondReviewReasons[0]?.message).toContain('s3')
    })

    it('does not apply to an unidentified suspect left unpursued', () => {
      const r = evaluateClosure(
        { ...context, suspects: [...context.suspects, { id: 's4', identified: false, pursuit: 'not-pursued' }] },
        request,
        now,
      )
      expect(r.secondReviewRequired).toBe(false)
    })

    it('applies when the reason is that the victim disengaged', () => {
      const r = evaluateClosure(
        context,
        { ...request, reason: 'victim-disengaged', victimContactStatus: 'disengaged' },
        now,
      )
      expect(r.secondReviewReasons.map((x) => x.code)).toEqual(['victim-disengaged'])
    })

    it('applies to a closure within 28 days of reopening', () => {
      const r = evaluateClosure({ ...context, reopenedAt: new Date(now.getTime() - 10 * DAY_MS) }, request, now)
      expect(r.secondReviewReasons.map((x) => x.code)).toEqual(['closed-within-early-window-of-reopening'])
    })

    it('is satisfied by the force lead, who must not be the supervisor or the requester', () => {
      const held = { ...request, reason: 'victim-disengaged' as const, victimContactStatus: 'disengaged' as const }
      expect(evaluateClosure(context, { ...held, secondReview: forceLead }, now).canClose).toBe(true)
      expect(
        codes(evaluateClosure(context, { ...held, secondReview: { ...forceLead, role: 'supervisor' } }, now)),
      ).toEqual(['second-review-not-by-force-lead'])
      expect(
        codes(
          evaluateClosure(
            context,
            {
              ...held,
              supervisorSignOff: { ...supervisor, role: 'force-lead', userId: 'u-lead' },
              secondReview: forceLead,
            },
            now,
          ),
        ),
      ).toEqual(['second-review-by-same-person'])
      expect(
        codes(
          evaluateClosure(
            context,
            { ...held, secondReview: { ...forceLead, decision: 'refuse', rationale: 'Pursue the phone evidence' } },
            now,
          ),
        ),
      ).toEqual(['closure-refused-on-second-review'])
      expect(
        codes(
          evaluateClosure(
            context,
            { ...held, secondReview: { ...forceLead, at: new Date(supervisor.at.getTime() - 1) } },
            now,
          ),
        ),
      ).toEqual(['second-review-before-sign-off'])
    })
  })

  it('needs a written rationale of the configured length', () => {
    const r = evaluateClosure(context, { ...request, rationale: '  NFA.  ' }, now)
    expect(r.problems).toEqual([
      { code: 'rationale-too-short', message: expect.stringMatching(/at least 100 characters .* \(it has 4\)/) },
    ])
    expect(
      evaluateClosure(context, { ...request, rationale: 'Short but enough.' }, now, {
        earlyClosureDays: 28,
        minRationaleLength: 10,
      }).canClose,
    ).toBe(true)
  })

  it('needs the STPO/STRO decision recorded at charge, conviction and closure', () => {
    const convicted: Outcome = {
      type: 'court-result',
      id: 'o2',
      suspectId: 's1',
      recordedBy: 'u-investigator',
      date: new Date('2025-03-01T10:00:00Z'),
      court: 'Maidstone Crown Court',
      offence: 'Modern Slavery Act 2015 s2',
      result: 'convicted-guilty-plea',
    }
    const r = evaluateClosure({ ...context, outcomes: [charge, convicted], orderConsiderations: [] }, request, now)
    expect(codes(r)).toEqual([
      'order-consideration-missing-charge',
      'order-consideration-missing-conviction',
      'order-consideration-missing-closure',
    ])
    expect(r.problems[1]?.message).toMatch(/Prevention Order or Risk Order was considered at conviction/)
  })

  it('checks the reason against the record', () => {
    expect(
      codes(evaluateClosure({ ...context, outcomes: [], orderConsiderations: [considered('closure')] }, request, now)),
    ).toEqual(['charge-not-recorded'])
    expect(codes(evaluateClosure(context, { ...request, reason: 'victim-disengaged' }, now))).toContain(
      'victim-contact-contradicts-reason',
    )
  })

  it('refuses sign-off by the requester, by a non-supervisor, before the request, or a refusal', () => {
    expect(
      codes(
        evaluateClosure(context, { ...request, supervisorSignOff: { ...supervisor, userId: 'u-investigator' } }, now),
      ),
    ).toEqual(['sign-off-by-requester'])
    expect(
      codes(evaluateClosure(context, { ...request, supervisorSignOff: { ...supervisor, role: 'investigator' } }, now)),
    ).toEqual(['sign-off-not-by-supervisor'])
    expect(
      codes(
        evaluateClosure(
          context,
          { ...request, supervisorSignOff: { ...supervisor, at: new Date(request.requestedAt.getTime() - 1) } },
          now,
        ),
      ),
    ).toEqual(['sign-off-before-request'])
    const refused = evaluateClosure(
      context,
      { ...request, supervisorSignOff: { ...supervisor, decision: 'refuse', rationale: 'Do the ANPR work' } },
      now,
    )
    expect(refused.problems).toEqual([
      { code: 'closure-refused', message: 'The supervisor refused the closure: Do the ANPR work.' },
    ])
  })

  it('refuses to close an investigation already closed or under review', () => {
    expect(codes(evaluateClosure({ ...context, status: 'closed' }, request, now))).toEqual(['already-closed'])
    expect(codes(evaluateClosure({ ...context, status: 'under-review' }, request, now))).toEqual(['review-in-progress'])
  })
})
