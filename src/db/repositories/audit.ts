import { and, asc, desc, eq, gt, gte, lte, type SQL, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import { type AuditContent, GENESIS_HASH, hashAuditEvent, type StoredAuditEvent } from '../../domain/audit/chain.js'
import type { DbOrTx } from '../client.js'
import { oneAtATime } from '../one-at-a-time.js'
import { auditEvents } from '../schema/audit.js'

// Any fixed 64-bit key: every writer takes it for the rest of its transaction, so the chain
// stays linear across web and worker processes.
const AUDIT_CHAIN_LOCK = 7_426_301_615

/** Appends one event; call inside the transaction that makes the change it records. */
export async function appendAuditEvent(tx: DbOrTx, content: AuditContent): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`)
  const last = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1)
  const prevHash = last[0]?.hash ?? GENESIS_HASH
  const hash = hashAuditEvent(prevHash, content)
  const [row] = await tx
    .insert(auditEvents)
    .values({ ...content, prevHash, hash })
    .returning({ id: auditEvents.id })
  if (!row) throw new Error('audit insert returned no row')
  return row.id
}

/** System-level read for `lantern audit verify`: the whole chain, in order, a batch at a time. */
export async function readAuditBatch(db: DbOrTx, afterId: number, limit: number): Promise<StoredAuditEvent[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.id, afterId))
    .orderBy(asc(auditEvents.id))
    .limit(limit)
  return rows.map((r) => ({ ...r, details: r.details ?? null }))
}

export type AuditSearch = {
  actorUserId?: string
  recordType?: string
  recordId?: string
  action?: string
  from?: string
  to?: string
  limit: number
  offset: number
}

/** A force admin's search: only events about their own force's records, or by their own users. */
export async function searchAuditEvents(db: DbOrTx, scope: ForceScope, q: AuditSearch) {
  const conditions: SQL[] = [
    sql`(${auditEvents.forceId} = ${scope.forceId} or ${auditEvents.actorForceId} = ${scope.forceId})`,
  ]
  if (q.actorUserId) conditions.push(eq(auditEvents.actorUserId, q.actorUserId))
  if (q.recordType) conditions.push(eq(auditEvents.recordType, q.recordType))
  if (q.recordId) conditions.push(eq(auditEvents.recordId, q.recordId))
  if (q.action) conditions.push(eq(auditEvents.action, q.action))
  if (q.from) conditions.push(gte(auditEvents.occurredAt, q.from))
  if (q.to) conditions.push(lte(auditEvents.occurredAt, q.to))
  const where = and(...conditions)
  const [rows, total] = await oneAtATime([
    () => db.select().from(auditEvents).where(where).orderBy(desc(auditEvents.id)).limit(q.limit).offset(q.offset),
    () => db.$count(auditEvents, where),
  ])
  return { rows, total }
}
