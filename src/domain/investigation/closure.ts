import { z } from 'zod'
import { Role } from '../access/roles.js'
import { DAY_MS } from './dates.js'
import { hasCharge, Outcome } from './outcomes.js'
import { missingOrderConsiderations, OrderConsideration, stageLabels } from './prevention-order-consideration.js'
import { InvestigationStatus } from './status.js'

// Closing an investigation (law-and-process.md §1.2 "investigations closed too soon", CONFIRMED; §9 item 9:
// supervisor review, recorded rationale and victim-contact status before closure; STPO/STRO surfaced).
export const closureReasons = [
  'charged',
  'no-further-action-evidential',
  'no-further-action-public-interest',
  'victim-disengaged',
  'suspect-not-identified',
  'transferred',
  'no-offence-disclosed',
  'merged-with-another-investigation',
] as const
export const ClosureReason = z.enum(closureReasons, { error: 'Choose a closure reason from the list.' })
export type ClosureReason = z.infer<typeof ClosureReason>

export const closureReasonLabels: Record<ClosureReason, string> = {
  charged: 'Suspects charged; the case is with the CPS or the court',
  'no-further-action-evidential': 'No further action: not enough evidence',
  'no-further-action-public-interest': 'No further action: not in the public interest',
  'victim-disengaged': 'The victim has disengaged',
  'suspect-not-identified': 'No suspect identified',
  transferred: 'Transferred to another force or agency',
  'no-offence-disclosed': 'No offence disclosed',
  'merged-with-another-investigation': 'Merged with another investigation',
}

export const victimContactStatuses = [
  'engaged',
  'disengaged',
  'not-contactable',
  'declined-contact',
  'no-identified-victim',
] as const
export const VictimContactStatus = z.enum(victimContactStatuses, {
  error: 'Record the victim-contact status before closing.',
})
export type VictimContactStatus = z.infer<typeof VictimContactStatus>

export const suspectPursuits = [
  'charged',
  'reported-to-cps',
  'no-further-action-after-enquiries',
  'eliminated',
  'circulated-as-wanted',
  'transferred',
  'not-pursued',
] as const
export const ClosureSuspect = z.object({
  id: z.string().min(1),
  identified: z.boolean(),
  pursuit: z.enum(suspectPursuits),
})
export type ClosureSuspect = z.infer<typeof ClosureSuspect>

export const SignOff = z.object({
  userId: z.string().min(1),
  role: Role,
  at: z.date(),
  decision: z.enum(['approve', 'refuse']),
  rationale: z.string(),
})
export type SignOff = z.infer<typeof SignOff>

export const ClosureRequest = z.object({
  reason: ClosureReason,
  rationale: z.string(),
  requestedBy: z.string().min(1),
  requestedAt: z.date(),
  victimContactStatus: VictimContactStatus,
  supervisorSignOff: SignOff.nullable(),
  secondReview: SignOff.nullable(),
})
export type ClosureRequest = z.infer<typeof ClosureRequest>

/** What closure rules need to know about the investigation. */
export const ClosureContext = z.object({
  status: InvestigationStatus,
  openedAt: z.date(),
  reopenedAt: z.date().nullable().optional(),
  suspects: z.array(ClosureSuspect),
  outcomes: z.array(Outcome),
  orderConsiderations: z.array(OrderConsideration),
})
export type ClosureContext = z.infer<typeof ClosureContext>

export const ClosureConfig = z.object({
  /** A closure within this many days of opening (or reopening) needs the force lead's review. */
  earlyClosureDays: z.number().int().positive(),
  minRationaleLength: z.number().int().positive(),
})
export type ClosureConfig = z.infer<typeof ClosureConfig>

export const DEFAULT_CLOSURE_CONFIG: ClosureConfig = { earlyClosureDays: 28, minRationaleLength: 100 }

export const ClosureIssue = z.object({ code: z.string(), message: z.string() })
export type ClosureIssue = z.infer<typeof ClosureIssue>

export const approvalKinds = ['supervisor-sign-off', 'force-lead-second-review'] as const
export const ApprovalNeeded = z.object({
  approval: z.enum(approvalKinds),
  reasons: z.array(z.string()),
})
export type ApprovalNeeded = z.infer<typeof ApprovalNeeded>

export const ClosureEvaluation = z.object({
  /** True only when nothing is wrong and no approval is outstanding. */
  canClose: z.boolean(),
  /** Things that must be put right; an approval does not cure them. */
  problems: z.array(ClosureIssue),
  /** Why the early-closure guard applies; empty when it does not. */
  secondReviewReasons: z.array(ClosureIssue),
  secondReviewRequired: z.boolean(),
  /** Approvals still to be given, each with the plain-English reasons it is needed. */
  approvalsNeeded: z.array(ApprovalNeeded),
})
export type ClosureEvaluation = z.infer<typeof ClosureEvaluation>

const SUPERVISORS: ReadonlySet<Role> = new Set(['supervisor', 'force-lead'])

/** Early-closure guard (issue 6 "Supervision"): when a closure must go to the force lead as well. */
export function secondReviewReasons(
  investigation: Pick<ClosureContext, 'openedAt' | 'reopenedAt' | 'suspects'>,
  reason: ClosureReason,
  now: Date,
  config: ClosureConfig = DEFAULT_CLOSURE_CONFIG,
): ClosureIssue[] {
  const reasons: ClosureIssue[] = []
  const window = config.earlyClosureDays * DAY_MS
  const sinceOpening = now.getTime() - investigation.openedAt.getTime()
  if (sinceOpening < window) {
    reasons.push({
      code: 'closed-within-early-window',
      message: `It would close ${Math.floor(sinceOpening / DAY_MS)} days after it was opened, within ${config.earlyClosureDays} days: early closures leave exploiters free to exploit others.`,
    })
  }
  const reopenedAt = investigation.reopenedAt
  if (reopenedAt && now.getTime() - reopenedAt.getTime() < window) {
    reasons.push({
      code: 'closed-within-early-window-of-reopening',
      message: `It would close ${Math.floor((now.getTime() - reopenedAt.getTime()) / DAY_MS)} days after it was reopened, within ${config.earlyClosureDays} days.`,
    })
  }
  const notPursued = investigation.suspects.filter((s) => s.identified && s.pursuit === 'not-pursued')
  if (notPursued.length > 0) {
    reasons.push({
      code: 'identified-suspects-not-pursued',
      message: `${notPursued.length === 1 ? 'A suspect has' : `${notPursued.length} suspects have`} been identified but not pursued (${notPursued.map((s) => s.id).join(', ')}).`,
    })
  }
  if (reason === 'victim-disengaged') {
    reasons.push({
      code: 'victim-disengaged',
      message:
        'The reason is that the victim disengaged: consider a prosecution that does not rest on the victim’s evidence first.',
    })
  }
  return reasons
}

/**
 * Whether an investigation can be closed now, and if not, what is wrong and which approvals are still needed.
 * `now` is the moment of closure, used for the early-closure guard.
 */
export function evaluateClosure(
  investigation: ClosureContext,
  request: ClosureRequest,
  now: Date,
  config: ClosureConfig = DEFAULT_CLOSURE_CONFIG,
): ClosureEvaluation {
  const problems: ClosureIssue[] = []
  const problem = (code: string, message: string) => problems.push({ code, message })

  if (investigation.status === 'closed') problem('already-closed', 'The investigation is already closed.')
  if (investigation.status === 'under-review') {
    problem('review-in-progress', 'A supervisory review is in progress; complete it before closing.')
  }

  const rationale = request.rationale.trim()
  if (rationale.length < config.minRationaleLength) {
    problem(
      'rationale-too-short',
      `Write a rationale of at least ${config.minRationaleLength} characters explaining why the investigation should close (it has ${rationale.length}).`,
    )
  }

  if (request.reason === 'charged' && !hasCharge(investigation.outcomes)) {
    problem('charge-not-recorded', 'The reason is "charged", but no charge is recorded. Record the charge first.')
  }
  if (request.reason === 'victim-disengaged' && request.victimContactStatus === 'engaged') {
    problem(
      'victim-contact-contradicts-reason',
      'The reason is that the victim disengaged, but the victim-contact status says they are engaged.',
    )
  }

  for (const stage of missingOrderConsiderations(investigation.outcomes, investigation.orderConsiderations, true)) {
    problem(
      `order-consideration-missing-${stage}`,
      `Record whether a Slavery and Trafficking Prevention Order or Risk Order was considered ${stageLabels[stage]}, and the decision.`,
    )
  }

  const guard = secondReviewReasons(investigation, request.reason, now, config)
  const approvalsNeeded: ApprovalNeeded[] = []

  const supervisor = request.supervisorSignOff
  if (supervisor === null) {
    approvalsNeeded.push({
      approval: 'supervisor-sign-off',
      reasons: ['Every closure needs a supervisor to review the investigation and sign off the closure.'],
    })
  } else {
    if (!SUPERVISORS.has(supervisor.role)) {
      problem('sign-off-not-by-supervisor', 'The closure must be signed off by a supervisor or the force lead.')
    }
    if (supervisor.userId === request.requestedBy) {
      problem('sign-off-by-requester', 'The supervisor who signs off must not be the officer who asked to close it.')
    }
    if (supervisor.at.getTime() < request.requestedAt.getTime()) {
      problem('sign-off-before-request', 'The supervisor’s sign-off is dated before the closure was requested.')
    }
    if (supervisor.decision === 'refuse') {
      problem(
        'closure-refused',
        `The supervisor refused the closure: ${supervisor.rationale.trim() || 'no reason given'}.`,
      )
    }
  }

  const second = request.secondReview
  if (guard.length > 0) {
    if (second === null) {
      approvalsNeeded.push({ approval: 'force-lead-second-review', reasons: guard.map((g) => g.message) })
    } else {
      if (second.role !== 'force-lead') {
        problem('second-review-not-by-force-lead', 'The second-level review must be by the force lead.')
      }
      if (supervisor && second.userId === supervisor.userId) {
        problem(
          'second-review-by-same-person',
          'The second-level review must be by a different person from the supervisor who signed off.',
        )
      }
      if (second.userId === request.requestedBy) {
        problem(
          'second-review-by-requester',
          'The force lead reviewing the closure must not be the officer who asked to close it.',
        )
      }
      if (supervisor && second.at.getTime() < supervisor.at.getTime()) {
        problem('second-review-before-sign-off', 'The second-level review is dated before the supervisor’s sign-off.')
      }
      if (second.decision === 'refuse') {
        problem(
          'closure-refused-on-second-review',
          `The force lead refused the closure: ${second.rationale.trim() || 'no reason given'}.`,
        )
      }
    }
  }

  return {
    canClose: problems.length === 0 && approvalsNeeded.length === 0,
    problems,
    secondReviewReasons: guard,
    secondReviewRequired: guard.length > 0,
    approvalsNeeded,
  }
}
