import {
  insertTransfer,
  markTransfersReviewed,
  moveReferralToForce,
  type ReferralRow,
} from '../../db/repositories/referrals.js'
import { type Actor, assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import { addWorkingDays, ukDateOf } from '../../domain/deadlines/index.js'
import { forceById } from '../../domain/forces/forces.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { createCrimeToRecordTask } from '../crime/crime-tasks.js'
import { completeTasks, createTask } from '../tasks/tasks.js'
import { ReferralConflict } from './errors.js'
import { iso, regionOfForce } from './model.js'
import { applyEvent, loadOrExplain, saveOrConflict } from './referrals.js'
import { endOfUkDay, startOfUkDay } from './time.js'

// Lantern's default for the receiving force to look at a transferred referral; not a legal time limit.
export const REVIEW_TRANSFER_WORKING_DAYS = 1

/**
 * The receiving force's scope for the follow-ups a transfer hands over. Only this service makes one, after the
 * policy allowed 'referral:transfer'; the sending officer stays the actor in every task event and audit entry.
 */
function receivingScope(actor: Actor, forceId: string): ForceScope {
  return forceScopeOf({ ...actor, forceId })
}

/**
 * Transfers a referral about exploitation in another force area to that force (law-and-process.md §9.12, §9.13):
 * the referral and everything recorded under it move, a log row records who sent what when and why, the receiving
 * force gets a task to review it, and the sending force's open follow-ups move with the referral. The sending force
 * keeps the log row but no longer sees the person's details.
 */
export async function transferReferral(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: { toForceId: string; note?: string | undefined },
): Promise<{ row: ReferralRow; transferId: string }> {
  assertCan(ctx.actor, 'referral:transfer')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const note = input.note?.trim() || null
    const { after } = applyEvent(
      loaded,
      { type: 'transfer', toForceId: input.toForceId, at: now.toISOString(), by: ctx.actor.displayName, note },
      now,
    )
    if (expectedVersion !== loaded.row.version) throw new ReferralConflict(id)
    const moved = await moveReferralToForce(tx, scope, id, expectedVersion, after.forceId, now)
    if (!moved) throw new ReferralConflict(id)
    const transfer = await insertTransfer(tx, {
      referralId: id,
      referralReference: moved.reference,
      kind: moved.kind,
      encounterId: moved.encounterId,
      fromForceId: scope.forceId,
      toForceId: after.forceId,
      byUserId: ctx.actor.userId,
      byName: ctx.actor.displayName,
      at: now.toISOString(),
      note,
    })

    const receiving = receivingScope(ctx.actor, after.forceId)
    const toName = forceById(after.forceId)?.name ?? after.forceId
    const subject = { subjectType: 'referral', subjectId: id }
    for (const kind of ['chase-rg-decision', 'recovery-period-ending', 'revisit-consent'] as const) {
      await completeTasks(tx, scope, { kind, ...subject }, `transferred to ${toName}`, now)
    }
    const rgTarget = moved.rgTarget as {
      dueDate?: string
      basis?: string
      ruleVersion?: string
      referralRules?: string
    }
    if ((moved.status === 'submitted' || moved.status === 'rg-pending') && rgTarget?.dueDate) {
      await createTask(tx, receiving, {
        kind: 'chase-rg-decision',
        ...subject,
        title: `Chase the Reasonable Grounds decision for referral ${moved.reference}`,
        dueAt: endOfUkDay(rgTarget.dueDate).toISOString(),
        basis: rgTarget.basis ?? 'Reasonable Grounds decision target',
        ruleVersion: `${rgTarget.referralRules ?? moved.referralRules}; ${rgTarget.ruleVersion ?? moved.calendarRules}`,
        details: { href: `/referrals/${id}` },
        createdAt: now,
      })
    }
    const rp = moved.recoveryPeriod
    if (moved.status === 'rg-positive' && rp) {
      await createTask(tx, receiving, {
        kind: 'recovery-period-ending',
        ...subject,
        title: `The minimum recovery period for referral ${moved.reference} ends on ${rp.endsOn}`,
        dueAt: startOfUkDay(rp.endsOn).toISOString(),
        basis: `Minimum recovery period: ${rp.minimumDays} calendar days after ${rp.startsOn} (rules ${rp.referralRules})`,
        ruleVersion: `${rp.referralRules}; ${rp.calendarRules}`,
        details: { href: `/referrals/${id}` },
        createdAt: now,
      })
    }
    const reviewBy = addWorkingDays(ukDateOf(now), REVIEW_TRANSFER_WORKING_DAYS, regionOfForce(after.forceId))
    await createTask(tx, receiving, {
      kind: 'review-transfer',
      ...subject,
      title: `Review referral ${moved.reference}, transferred from ${forceById(scope.forceId)?.name ?? scope.forceId}`,
      dueAt: endOfUkDay(reviewBy).toISOString(),
      basis: `${REVIEW_TRANSFER_WORKING_DAYS} working day after the transfer on ${ukDateOf(now)}: Lantern's default, not a legal time limit`,
      ruleVersion: 'lantern.review-transfer.v1',
      details: { href: `/referrals/${id}`, transferId: transfer.id },
      createdAt: now,
    })
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: { transferredTo: after.forceId, transferId: transfer.id, ...(note ? { note } : {}) },
      },
      now,
    )
    return { row: moved, transferId: transfer.id }
  })
}

/**
 * The receiving force has looked at a transferred referral: its review task closes, and the crime to record for a
 * referral received opens with its clock from the moment of transfer (law-and-process.md §3, §9.5). A second call
 * changes nothing.
 */
export async function markTransferReviewed(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    if (!loaded.row.transferPendingReview) return loaded.row
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, { transferPendingReview: false }, now)
    await markTransfersReviewed(tx, scope, id, ctx.actor.userId, now)
    await completeTasks(tx, scope, { kind: 'review-transfer', subjectType: 'referral', subjectId: id }, 'reviewed', now)
    const received = loaded.transfers.filter((t) => t.toForceId === scope.forceId).at(-1)
    if (received && saved.status !== 'draft' && saved.status !== 'withdrawn') {
      await createCrimeToRecordTask(tx, scope, {
        referralId: id,
        referralKind: saved.kind,
        origin: 'received',
        receivedAt: iso(received.at),
        at: now,
      })
    }
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'referral', recordId: id, details: { transferReviewed: true } },
      now,
    )
    return saved
  })
}
