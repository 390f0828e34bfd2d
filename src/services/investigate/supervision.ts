import { oneAtATime } from '../../db/one-at-a-time.js'
import { listEntityLinks } from '../../db/repositories/entities.js'
import {
  findLiveClosureRequest,
  insertClosureRequest,
  insertOrderConsideration,
  insertReview,
  listInvestigations,
  listOrderConsiderations,
  listOutcomes,
  listReviews,
  saveInvestigationSettings,
  updateClosureRequest,
} from '../../db/repositories/investigations.js'
import type { StoredSignOff } from '../../db/schema/investigations.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import {
  type ClosureIssue,
  type ClosureReason,
  closureReasonLabels,
  evaluateClosure,
  type VictimContactStatus,
} from '../../domain/investigation/closure.js'
import { hasCharge, hasConviction } from '../../domain/investigation/outcomes.js'
import {
  type OrderConsiderationStage,
  type orderConsiderationDecisions,
  stageLabels,
} from '../../domain/investigation/prevention-order-consideration.js'
import { nextReviewDue, reviewState } from '../../domain/investigation/review-schedule.js'
import { type InvestigationEvent, transition } from '../../domain/investigation/status.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { Refused, refuse } from './errors.js'
import { assertWorkable, changeInvestigation } from './investigations.js'
import { closureContextOf, closureRequestOf, investigationConfig, outcomeOf } from './model.js'

function step(from: Parameters<typeof transition>[0], event: InvestigationEvent) {
  const result = transition(from, event)
  if (!result.ok) refuse('form', result.reason)
  return result.to
}

/**
 * A supervisory review: the rationale and the directions given. Reviews fall due 7 days after opening, then every
 * 28 days after the last one (configurable per force).
 */
export async function recordReview(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { rationale: string; directions: string[] },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:review', async (tx, scope, row, now) => {
    const rationale = input.rationale.trim()
    if (rationale === '')
      refuse('rationale', 'Record the rationale for the review: what you looked at and what you decided.')
    const under = step(row.status, { type: 'start-review' })
    const to = step(under, { type: 'complete-review' })
    const config = await investigationConfig(tx, scope)
    const reviews = await listReviews(tx, scope, id)
    const due = nextReviewDue(
      new Date(row.reopenedAt ?? row.openedAt),
      reviews.map((r) => ({ completedAt: new Date(r.review.completedAt) })),
      config.review,
    )
    const directions = input.directions.map((d) => d.trim()).filter((d) => d !== '')
    const review = await insertReview(tx, scope, {
      investigationId: id,
      reviewerUserId: ctx.actor.userId,
      completedAt: now.toISOString(),
      dueAt: due.toISOString(),
      rationale,
      directions,
    })
    const late = now.getTime() > due.getTime()
    return {
      patch: { status: to },
      event: {
        type: 'reviewed',
        summary: `Supervisory review${late ? ' (late)' : ''}: ${directions.length} direction${directions.length === 1 ? '' : 's'} given`,
        details: { reviewId: review.id, late },
      },
      result: review,
    }
  })
}

/** The supervisor's worklist: every active investigation of the force with its next review, most overdue first. */
export async function reviewsDue(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'investigation:review')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const config = await investigationConfig(tx, scope)
    const rows = await listInvestigations(tx, scope, {
      statuses: ['open', 'under-review', 'closure-requested', 'closure-held-for-second-review', 'reopened'],
    })
    const items = rows
      .map((r) => ({
        ...r,
        review: reviewState(
          {
            status: r.investigation.status,
            openedAt: new Date(r.investigation.openedAt),
            reopenedAt: r.investigation.reopenedAt ? new Date(r.investigation.reopenedAt) : null,
            reviews: r.lastReviewAt ? [{ completedAt: new Date(r.lastReviewAt) }] : [],
          },
          now,
          config.review,
        ),
      }))
      .filter((r) => r.review !== null)
      .sort((a, b) => (a.review?.due.getTime() ?? 0) - (b.review?.due.getTime() ?? 0))
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'investigation-list', details: { list: 'reviews-due', count: items.length } },
      now,
    )
    return { items, config, now }
  })
}

async function closureFacts(
  tx: Parameters<typeof listOutcomes>[0],
  scope: Parameters<typeof listOutcomes>[1],
  row: Parameters<typeof closureContextOf>[0],
) {
  const [links, outcomes, considerations] = await oneAtATime([
    () => listEntityLinks(tx, scope, { investigationId: row.id }),
    () => listOutcomes(tx, scope, row.id),
    () => listOrderConsiderations(tx, scope, row.id),
  ])
  return closureContextOf(
    row,
    links,
    outcomes,
    considerations.map((c) => c.consideration),
  )
}

function refuseProblems(problems: readonly ClosureIssue[]) {
  if (problems.length > 0) {
    throw new Refused(
      problems.map((p) => ({
        field:
          p.code === 'rationale-too-short'
            ? 'rationale'
            : p.code === 'victim-contact-contradicts-reason'
              ? 'victimContactStatus'
              : p.code === 'charge-not-recorded'
                ? 'reason'
                : 'form',
        message: p.message,
      })),
    )
  }
}

/**
 * Asks to close the investigation. Refused, with every reason, when the rationale is too short, a stage's
 * STPO/STRO decision is not recorded, or the reason contradicts what is recorded. A supervisor then signs off.
 */
export async function requestClosure(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { reason: ClosureReason; rationale: string; victimContactStatus: VictimContactStatus },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    const to = step(row.status, { type: 'request-closure' })
    const config = await investigationConfig(tx, scope)
    const context = await closureFacts(tx, scope, row)
    const request = {
      reason: input.reason,
      rationale: input.rationale,
      requestedBy: ctx.actor.userId,
      requestedAt: now,
      victimContactStatus: input.victimContactStatus,
      supervisorSignOff: null,
      secondReview: null,
    }
    const evaluation = evaluateClosure(context, request, now, config.closure)
    refuseProblems(evaluation.problems)
    const created = await insertClosureRequest(tx, scope, {
      investigationId: id,
      reason: input.reason,
      rationale: input.rationale.trim(),
      victimContactStatus: input.victimContactStatus,
      requestedBy: ctx.actor.userId,
      requestedAt: now.toISOString(),
      status: 'pending',
      secondReviewReasons: evaluation.secondReviewReasons,
    })
    return {
      patch: { status: to },
      event: {
        type: 'closure-requested',
        summary: `Closure requested: ${closureReasonLabels[input.reason]}${evaluation.secondReviewRequired ? '. The early-closure guard applies: the force lead must review it too' : ''}`,
        details: {
          closureRequestId: created.id,
          reason: input.reason,
          guard: evaluation.secondReviewReasons.map((g) => g.code),
        },
      },
      result: { request: created, evaluation },
    }
  })
}

function signOff(ctx: Ctx, decision: 'approve' | 'refuse', rationale: string, now: Date): StoredSignOff {
  return { userId: ctx.actor.userId, role: ctx.actor.role, at: now.toISOString(), decision, rationale }
}

/**
 * The supervisor's decision on a requested closure. Approval closes it, unless the early-closure guard applies
 * (within 28 days of opening, identified suspects not pursued, or the victim disengaged): then it is held for the
 * force lead's second-level review. The officer who asked to close cannot sign it off.
 */
export async function decideClosure(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { decision: 'approve' | 'refuse'; rationale: string },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:review', async (tx, scope, row, now) => {
    const live = await findLiveClosureRequest(tx, scope, id)
    if (!live) refuse('form', 'Nobody has asked to close this investigation.')
    if (live.status === 'held') {
      refuse('form', 'The closure is held for the force lead’s second-level review; only that review can decide it.')
    }
    if (live.requestedBy === ctx.actor.userId) {
      refuse('form', 'You asked to close this investigation, so another supervisor must sign off the closure.')
    }
    const rationale = input.rationale.trim()
    if (rationale === '') {
      refuse(
        'rationale',
        input.decision === 'approve'
          ? 'Record why you agree the investigation should close.'
          : 'Give the reason for refusing the closure.',
      )
    }
    if (input.decision === 'refuse') {
      const to = step(row.status, { type: 'refuse-closure', reason: rationale })
      await updateClosureRequest(tx, scope, live.id, 'pending', {
        status: 'refused',
        supervisorSignOff: signOff(ctx, 'refuse', rationale, now),
        decidedAt: now.toISOString(),
      })
      return {
        patch: { status: to },
        event: {
          type: 'closure-refused',
          summary: `Closure refused by the supervisor: ${rationale}`,
          details: { closureRequestId: live.id },
        },
        result: { status: to },
      }
    }
    const config = await investigationConfig(tx, scope)
    const context = await closureFacts(tx, scope, row)
    const supervisor = signOff(ctx, 'approve', rationale, now)
    const evaluation = evaluateClosure(
      context,
      closureRequestOf({ ...live, supervisorSignOff: supervisor }),
      now,
      config.closure,
    )
    refuseProblems(evaluation.problems)
    const to = step(row.status, { type: 'approve-closure', secondReviewRequired: evaluation.secondReviewRequired })
    const closed = to === 'closed'
    await updateClosureRequest(tx, scope, live.id, 'pending', {
      status: closed ? 'approved' : 'held',
      supervisorSignOff: supervisor,
      secondReviewReasons: evaluation.secondReviewReasons,
      decidedAt: closed ? now.toISOString() : null,
    })
    return {
      patch: closed ? { status: to, closedAt: now.toISOString(), closureReason: live.reason } : { status: to },
      event: closed
        ? {
            type: 'closed',
            summary: `Closed: ${closureReasonLabels[live.reason]}. Signed off by the supervisor`,
            details: { closureRequestId: live.id },
          }
        : {
            type: 'closure-held',
            summary: `Closure held for the force lead’s second-level review: ${evaluation.secondReviewReasons.map((r) => r.message).join(' ')}`,
            details: { closureRequestId: live.id, guard: evaluation.secondReviewReasons.map((g) => g.code) },
          },
      result: { status: to },
    }
  })
}

/** The force lead's second-level review of a held closure. */
export async function secondReview(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { decision: 'approve' | 'refuse'; rationale: string },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:second-review', async (tx, scope, row, now) => {
    const live = await findLiveClosureRequest(tx, scope, id)
    if (live?.status !== 'held') refuse('form', 'No closure is held for second-level review.')
    if (live.requestedBy === ctx.actor.userId) {
      refuse('form', 'You asked to close this investigation, so you cannot give the second-level review.')
    }
    if (live.supervisorSignOff?.userId === ctx.actor.userId) {
      refuse('form', 'You signed off this closure as supervisor; the second-level review must be by someone else.')
    }
    const rationale = input.rationale.trim()
    if (rationale === '') {
      refuse(
        'rationale',
        input.decision === 'approve'
          ? 'Record why the closure may go ahead despite the early-closure guard.'
          : 'Give the reason for refusing the closure.',
      )
    }
    if (input.decision === 'refuse') {
      const to = step(row.status, { type: 'refuse-closure', reason: rationale })
      await updateClosureRequest(tx, scope, live.id, 'held', {
        status: 'refused',
        secondReview: signOff(ctx, 'refuse', rationale, now),
        decidedAt: now.toISOString(),
      })
      return {
        patch: { status: to },
        event: {
          type: 'closure-refused',
          summary: `Closure refused on second-level review: ${rationale}`,
          details: { closureRequestId: live.id },
        },
        result: { status: to },
      }
    }
    const config = await investigationConfig(tx, scope)
    const context = await closureFacts(tx, scope, row)
    const review = signOff(ctx, 'approve', rationale, now)
    const evaluation = evaluateClosure(
      context,
      closureRequestOf({ ...live, secondReview: review }),
      now,
      config.closure,
    )
    refuseProblems(evaluation.problems)
    const to = step(row.status, { type: 'approve-second-review' })
    await updateClosureRequest(tx, scope, live.id, 'held', {
      status: 'approved',
      secondReview: review,
      decidedAt: now.toISOString(),
    })
    return {
      patch: { status: to, closedAt: now.toISOString(), closureReason: live.reason },
      event: {
        type: 'closed',
        summary: `Closed after the force lead’s second-level review: ${closureReasonLabels[live.reason]}`,
        details: { closureRequestId: live.id },
      },
      result: { status: to },
    }
  })
}

export async function withdrawClosure(deps: Deps, ctx: Ctx, id: string, version: number) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    const live = await findLiveClosureRequest(tx, scope, id)
    if (!live) refuse('form', 'There is no closure request to withdraw.')
    const to = step(row.status, { type: 'withdraw-closure-request' })
    await updateClosureRequest(tx, scope, live.id, live.status, { status: 'withdrawn', decidedAt: now.toISOString() })
    return {
      patch: { status: to },
      event: {
        type: 'closure-withdrawn',
        summary: 'Closure request withdrawn',
        details: { closureRequestId: live.id },
      },
      result: { status: to },
    }
  })
}

/** Reopens a closed investigation with a reason; the review schedule and the early-closure window restart. */
export async function reopenInvestigation(deps: Deps, ctx: Ctx, id: string, version: number, reason: string) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (_tx, _scope, row, now) => {
    const why = reason.trim()
    if (why === '') refuse('reason', 'Give the reason for reopening the investigation.')
    const to = step(row.status, { type: 'reopen', reason: why })
    return {
      patch: { status: to, reopenedAt: now.toISOString(), closedAt: null, closureReason: null },
      event: { type: 'reopened', summary: `Reopened: ${why}`, details: {} },
      result: { status: to },
    }
  })
}

/**
 * Records whether a Slavery and Trafficking Prevention Order or Risk Order was considered at charge, conviction
 * or closure, and the decision (law-and-process.md §4.4, §9 item 9).
 */
export async function recordOrderConsideration(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { stage: OrderConsiderationStage; decision: (typeof orderConsiderationDecisions)[number]; rationale: string },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    const rationale = input.rationale.trim()
    if (rationale === '') refuse('rationale', 'Record why this decision was made about a prevention or risk order.')
    const outcomes = (await listOutcomes(tx, scope, id)).map(outcomeOf)
    if (input.stage === 'charge' && !hasCharge(outcomes)) {
      refuse('stage', 'No charge is recorded yet. Record the charge first, then the decision at charge.')
    }
    if (input.stage === 'conviction' && !hasConviction(outcomes)) {
      refuse('stage', 'No conviction is recorded yet. Record the court result first, then the decision at conviction.')
    }
    if (input.stage === 'closure') assertWorkable(row)
    const created = await insertOrderConsideration(tx, scope, {
      investigationId: id,
      stage: input.stage,
      decision: input.decision,
      rationale,
      decidedBy: ctx.actor.userId,
      decidedAt: now.toISOString(),
    })
    return {
      patch: {},
      event: {
        type: 'order-considered',
        summary: `Prevention and risk orders considered ${stageLabels[input.stage]}: ${input.decision.replaceAll('-', ' ').replace('stpo', 'STPO').replace('stro', 'STRO')}`,
        details: { considerationId: created.id, stage: input.stage, decision: input.decision },
      },
      result: created,
    }
  })
}

export async function investigationSettings(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'force:settings')
  return investigationConfig(deps.db, forceScopeOf(ctx.actor))
}

export async function saveSettings(
  deps: Deps,
  ctx: Ctx,
  values: { firstReviewAfterDays: number; reviewIntervalDays: number; earlyClosureDays: number },
) {
  assertCan(ctx.actor, 'force:settings')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    await saveInvestigationSettings(tx, scope, values, ctx.actor.userId, now)
    await audit(
      tx,
      ctx,
      { action: 'settings-changed', recordType: 'investigation-settings', recordId: scope.forceId, details: values },
      now,
    )
  })
}
