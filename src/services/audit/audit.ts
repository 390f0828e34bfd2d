import type { Db, DbOrTx } from '../../db/client.js'
import { type AuditSearch, appendAuditEvent, readAuditBatch, searchAuditEvents } from '../../db/repositories/audit.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { GENESIS_HASH, verifyBatch } from '../../domain/audit/chain.js'
import type { Ctx, Deps } from '../context.js'

export const auditActions = [
  'create',
  'read',
  'update',
  'delete',
  'search',
  'export',
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'account-locked',
  'two-factor-enabled',
  'settings-changed',
] as const
export type AuditAction = (typeof auditActions)[number]

export type AuditEntry = {
  action: AuditAction
  recordType: string
  recordId?: string | null
  /** The force that owns the record; defaults to the actor's force. */
  forceId?: string | null
  reason?: string | null
  details?: Record<string, unknown> | null
}

/** Records what an actor did. Call it with the same transaction as the read or change it describes. */
export async function audit(tx: DbOrTx, ctx: Ctx, entry: AuditEntry, at: Date = new Date()): Promise<void> {
  await appendAuditEvent(tx, {
    occurredAt: at.toISOString(),
    actorUserId: ctx.actor.userId,
    actorRole: ctx.actor.role,
    actorForceId: ctx.actor.forceId,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    forceId: entry.forceId === undefined ? ctx.actor.forceId : entry.forceId,
    requestId: ctx.requestId,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  })
}

/** For events with no signed-in actor yet (a failed sign-in) or run by the system (seed, scheduler). */
export async function auditSystem(
  tx: DbOrTx,
  entry: AuditEntry & { actorUserId?: string | null; requestId?: string | null },
  at: Date = new Date(),
): Promise<void> {
  await appendAuditEvent(tx, {
    occurredAt: at.toISOString(),
    actorUserId: entry.actorUserId ?? null,
    actorRole: null,
    actorForceId: null,
    action: entry.action,
    recordType: entry.recordType,
    recordId: entry.recordId ?? null,
    forceId: entry.forceId ?? null,
    requestId: entry.requestId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  })
}

export type VerifyResult = Awaited<ReturnType<typeof verifyAuditChain>>

export async function verifyAuditChain(db: Db, batchSize = 1000) {
  let state = { hash: GENESIS_HASH, checked: 0 }
  let afterId = 0
  for (;;) {
    const batch = await readAuditBatch(db, afterId, batchSize)
    if (batch.length === 0) return { ok: true as const, checked: state.checked }
    const verdict = verifyBatch(batch, state)
    if (!verdict.ok) return verdict
    state = { hash: verdict.lastHash, checked: verdict.checked }
    afterId = batch[batch.length - 1]?.id ?? afterId
  }
}

export async function searchAudit(deps: Deps, ctx: Ctx, q: AuditSearch) {
  assertCan(ctx.actor, 'audit:search')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const result = await searchAuditEvents(tx, scope, q)
    await audit(tx, ctx, { action: 'search', recordType: 'audit-log', details: { filters: { ...q } } }, deps.now())
    return result
  })
}
