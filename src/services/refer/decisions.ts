import { insertDecision, type ReferralRow } from '../../db/repositories/referrals.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { RULE_VERSION } from '../../domain/deadlines/index.js'
import { type CgOutcome, type RgOutcome, rulesAt } from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { completeTasks, createTask } from '../tasks/tasks.js'
import { statePatch } from './model.js'
import { applyEvent, loadOrExplain, saveOrConflict } from './referrals.js'
import { startOfUkDay } from './time.js'

export type DecisionInput =
  | { type: 'rg'; outcome: RgOutcome; decidedOn: string }
  | { type: 'cg'; outcome: CgOutcome; decidedOn: string }
  | { type: 'reconsideration'; requestedOn: string; grounds: string }

/**
 * Records a Reasonable Grounds or Conclusive Grounds decision, or a request for reconsideration, through the
 * lifecycle rules (law-and-process.md §2.7–§2.9): nothing in the future, no CG before the RG, no decision the
 * referral is not waiting for. A positive RG starts the recovery period under the rule in force on the day of the
 * decision, and the follow-ups move with it: the RG chase closes, the recovery-period task opens, a CG closes it.
 */
export async function recordDecision(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: DecisionInput,
): Promise<{ row: ReferralRow; warnings: readonly string[] }> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const event =
      input.type === 'rg'
        ? { type: 'rg-decision' as const, outcome: input.outcome, decidedOn: input.decidedOn }
        : input.type === 'cg'
          ? { type: 'cg-decision' as const, outcome: input.outcome, decidedOn: input.decidedOn }
          : { type: 'request-reconsideration' as const, requestedOn: input.requestedOn, grounds: input.grounds }
    const { after, warnings } = applyEvent(loaded, event, now)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, statePatch(after), now)
    const on = input.type === 'reconsideration' ? input.requestedOn : input.decidedOn
    const recon = after.pendingReconsideration
    await insertDecision(tx, scope, {
      referralId: id,
      type: input.type === 'reconsideration' ? 'reconsideration-request' : input.type,
      outcome: input.type === 'reconsideration' ? null : input.outcome,
      decidedOn: on,
      grounds: input.type === 'reconsideration' ? input.grounds : null,
      referralRules: after.recoveryPeriod && input.type === 'rg' ? after.recoveryPeriod.referralRules : rulesAt(on).id,
      calendarRules: RULE_VERSION,
      details:
        input.type === 'reconsideration' && recon
          ? { ...recon }
          : input.type === 'rg' && after.recoveryPeriod
            ? { recoveryPeriod: after.recoveryPeriod }
            : {},
      warnings: [...warnings],
      recordedByUserId: ctx.actor.userId,
      recordedAt: now.toISOString(),
    })

    const subject = { subjectType: 'referral', subjectId: id }
    if (input.type === 'rg') {
      await completeTasks(tx, scope, { kind: 'chase-rg-decision', ...subject }, `RG ${input.outcome}`, now)
      const rp = after.recoveryPeriod
      if (input.outcome === 'positive' && rp) {
        await createTask(tx, scope, {
          kind: 'recovery-period-ending',
          ...subject,
          title: `The minimum recovery period for referral ${saved.reference} ends on ${rp.endsOn}`,
          dueAt: startOfUkDay(rp.endsOn).toISOString(),
          assigneeUserId: saved.createdBy,
          basis: `Minimum recovery period: ${rp.minimumDays} calendar days after the positive Reasonable Grounds decision of ${rp.startsOn} (rules ${rp.referralRules})`,
          ruleVersion: `${rp.referralRules}; ${rp.calendarRules}`,
          details: { href: `/referrals/${id}` },
          createdAt: now,
        })
      }
    }
    if (input.type === 'cg') {
      await completeTasks(tx, scope, { kind: 'recovery-period-ending', ...subject }, `CG ${input.outcome}`, now)
    }
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: {
          decision: input.type,
          ...(input.type === 'reconsideration' ? {} : { outcome: input.outcome }),
          on,
          status: after.status,
        },
      },
      now,
    )
    return { row: saved, warnings }
  })
}

/** The minimum recovery period has run and the referral waits for its CG decision (law-and-process.md §2.8). */
export async function endRecoveryPeriod(deps: Deps, ctx: Ctx, id: string, expectedVersion: number) {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const { after } = applyEvent(loaded, { type: 'recovery-period-ended' }, now)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, statePatch(after), now)
    await completeTasks(
      tx,
      scope,
      { kind: 'recovery-period-ending', subjectType: 'referral', subjectId: id },
      'recovery period ended',
      now,
    )
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'referral', recordId: id, details: { recoveryPeriodEnded: true } },
      now,
    )
    return saved
  })
}
