import { describe, expect, it } from 'vitest'
import {
  type AuditContent,
  canonicalJson,
  GENESIS_HASH,
  hashAuditEvent,
  type StoredAuditEvent,
  verifyBatch,
} from './chain.js'

const content = (n: number): AuditContent => ({
  occurredAt: `2026-11-28T10:0${n}:00.000Z`,
  actorUserId: '00000000-0000-4000-8000-000000000001',
  actorRole: 'investigator',
  actorForceId: 'kent',
  action: 'read',
  recordType: 'encounter',
  recordId: `e-${n}`,
  forceId: 'kent',
  requestId: `req-${n}`,
  reason: null,
  details: { b: 1, a: [2, { d: 3, c: 4 }] },
})

function chain(n: number): StoredAuditEvent[] {
  const out: StoredAuditEvent[] = []
  let prev = GENESIS_HASH
  for (let i = 1; i <= n; i++) {
    const c = content(i)
    const hash = hashAuditEvent(prev, c)
    out.push({ ...c, id: i, prevHash: prev, hash })
    prev = hash
  }
  return out
}

describe('audit hash chain', () => {
  it('sorts keys at every level so jsonb reordering does not change the hash', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}')
  })

  it('treats timestamps that PostgreSQL reformats as the same instant', () => {
    const c = content(1)
    expect(hashAuditEvent(GENESIS_HASH, c)).toBe(
      hashAuditEvent(GENESIS_HASH, { ...c, occurredAt: '2026-11-28 10:01:00+00' }),
    )
  })

  it('verifies an intact chain', () => {
    expect(verifyBatch(chain(5), { hash: GENESIS_HASH, checked: 0 })).toMatchObject({ ok: true, checked: 5 })
  })

  it('names the first event whose content was changed', () => {
    const events = chain(5)
    events[2] = { ...(events[2] as StoredAuditEvent), action: 'delete' }
    expect(verifyBatch(events, { hash: GENESIS_HASH, checked: 0 })).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'content-changed',
    })
  })

  it('detects a deleted event as a broken link', () => {
    const events = chain(5)
    events.splice(1, 1)
    expect(verifyBatch(events, { hash: GENESIS_HASH, checked: 0 })).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'link-broken',
    })
  })
})
