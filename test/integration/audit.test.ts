import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../src/services/audit/audit.js'
import { DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

describe.each(kinds)('audit log on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  const rows = async <T>(q: ReturnType<typeof sql>) =>
    ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows

  it('writes an event for sign-ins, reads and changes, with who, role, force and request id', async () => {
    const c = await signIn(t.app, DEMO.admin)
    const page = await c.get('/admin/users')
    const requestId = page.headers['x-request-id']
    const events = await rows<{ action: string; actor_role: string; actor_force_id: string; record_type: string }>(
      sql`select action, actor_role, actor_force_id, record_type from audit_events where request_id = ${requestId}`,
    )
    expect(events).toEqual([
      { action: 'read', actor_role: 'force-admin', actor_force_id: 'west-yorkshire', record_type: 'user-list' },
    ])
    const signIns = await rows<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'sign-in'`)
    expect(signIns[0]?.n).toBeGreaterThan(0)
  })

  it('lets a force admin search the audit log in the browser, and audits the search itself', async () => {
    const c = await signIn(t.app, DEMO.admin)
    const res = await c.get('/admin/audit?action=sign-in')
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(/\d+ events? found/)
    const bad = await c.get('/admin/audit?from=2026-13-45&actorUserId=nope')
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('href="#from"')
    expect(bad.body).toContain('href="#actorUserId"')
  })

  it('refuses UPDATE, DELETE and TRUNCATE on audit events', async () => {
    // drizzle wraps the driver's error; the database's own message is the cause.
    const reason = (q: ReturnType<typeof sql>) =>
      t.database.db.execute(q).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      )
    expect(await reason(sql`update audit_events set action = 'x'`)).toMatch(/append-only: UPDATE refused/)
    expect(await reason(sql`delete from audit_events`)).toMatch(/append-only: DELETE refused/)
    expect(await reason(sql`truncate audit_events`)).toMatch(/append-only: TRUNCATE refused/)
  })

  it('verifies the chain, and names the first event after someone with superuser rights tampers with it', async () => {
    const before = await verifyAuditChain(t.database.db)
    expect(before.ok).toBe(true)
    const target = await rows<{ id: number }>(sql`select id from audit_events order by id limit 1 offset 2`)
    const id = Number(target[0]?.id)
    await t.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`)
    await t.database.db.execute(sql`update audit_events set action = 'read' , reason = 'edited' where id = ${id}`)
    await t.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`)
    const after = await verifyAuditChain(t.database.db)
    expect(after).toMatchObject({ ok: false, brokenAt: id, problem: 'content-changed' })
  })
})
