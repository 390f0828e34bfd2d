import { createHash } from 'node:crypto'

/** The fields an audit event's hash covers, in the shape they are stored. */
export type AuditContent = {
  occurredAt: string
  actorUserId: string | null
  actorRole: string | null
  actorForceId: string | null
  action: string
  recordType: string
  recordId: string | null
  forceId: string | null
  requestId: string | null
  reason: string | null
  details: Record<string, unknown> | null
}

export const GENESIS_HASH = '0'.repeat(64)

// jsonb reorders object keys, so the hash is taken over JSON with keys sorted at every level.
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

export function hashAuditEvent(prevHash: string, content: AuditContent): string {
  // Pick the content fields by name, so a stored row's id and hashes never leak into its own hash.
  const normalised: AuditContent = {
    occurredAt: new Date(content.occurredAt).toISOString(),
    actorUserId: content.actorUserId,
    actorRole: content.actorRole,
    actorForceId: content.actorForceId,
    action: content.action,
    recordType: content.recordType,
    recordId: content.recordId,
    forceId: content.forceId,
    requestId: content.requestId,
    reason: content.reason,
    details: content.details,
  }
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(normalised)).digest('hex')
}

export type StoredAuditEvent = AuditContent & { id: number; prevHash: string; hash: string }

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; problem: 'content-changed' | 'link-broken' }

/** Walks events in id order; `previous` carries the last verified hash across batches. */
export function verifyBatch(
  events: readonly StoredAuditEvent[],
  previous: { hash: string; checked: number },
): ChainVerdict & { lastHash: string } {
  let prev = previous.hash
  let checked = previous.checked
  for (const e of events) {
    if (e.prevHash !== prev) return { ok: false, checked, brokenAt: e.id, problem: 'link-broken', lastHash: prev }
    if (hashAuditEvent(e.prevHash, e) !== e.hash) {
      return { ok: false, checked, brokenAt: e.id, problem: 'content-changed', lastHash: prev }
    }
    prev = e.hash
    checked += 1
  }
  return { ok: true, checked, lastHash: prev }
}
