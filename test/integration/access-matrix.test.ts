import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, type Permission } from '../../src/domain/access/policy.js'
import { type Role, roles } from '../../src/domain/access/roles.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

const accountFor: Record<Role, string> = {
  'response-officer': DEMO.response,
  'custody-officer': DEMO.custody,
  investigator: DEMO.investigator,
  supervisor: DEMO.supervisor,
  'force-lead': DEMO.lead,
  analyst: DEMO.analyst,
  'force-admin': DEMO.admin,
  inspector: DEMO.inspector,
}

// Hand-written expectations for the routes whose access matters most, so the table below is not
// only the policy checked against itself.
const explicit: { method: string; url: string; allowed: Role[] }[] = [
  { method: 'GET', url: '/admin/audit', allowed: ['force-admin'] },
  { method: 'GET', url: '/admin/users', allowed: ['force-admin'] },
  { method: 'POST', url: '/admin/settings/two-factor', allowed: ['force-admin'] },
  { method: 'GET', url: '/', allowed: [...roles] },
]

const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-00000000abcd')

describe.each(kinds)('every route × every role on %s', (kind) => {
  let t: TestApp
  const clients = new Map<Role, Client>()
  beforeAll(async () => {
    t = await startTestApp(kind)
    for (const r of roles) clients.set(r, await signIn(t.app, accountFor[r]))
  })
  afterAll(async () => {
    await t?.close()
  })

  async function call(role: Role, method: string, url: string) {
    const c = clients.get(role) as Client
    await c.get('/')
    return method === 'GET' ? c.get(concrete(url)) : c.json(method as 'POST', concrete(url), {})
  }

  it('declares an access rule on every route', () => {
    expect(t.app.lanternRoutes.length).toBeGreaterThan(10)
    for (const r of t.app.lanternRoutes) expect(r.access, `${r.method} ${r.url}`).toBeTruthy()
  })

  it('allows exactly the roles the policy names, and refuses the rest with 403', async () => {
    const guarded = t.app.lanternRoutes.filter((r) => r.access !== 'public' && !r.url.startsWith('/assets/'))
    const failures: string[] = []
    for (const route of guarded) {
      for (const role of roles) {
        const res = await call(role, route.method, route.url)
        const allowed = route.access === 'signed-in' || can({ role }, route.access as Permission)
        const refused = res.statusCode === 403 && !/form could not be sent|CSRF/.test(res.body)
        if (allowed && refused) failures.push(`${role} refused ${route.method} ${route.url}`)
        if (!allowed && !refused) failures.push(`${role} got ${res.statusCode} for ${route.method} ${route.url}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('matches the hand-written expectations for the key routes', async () => {
    for (const e of explicit) {
      for (const role of roles) {
        const res = await call(role, e.method, e.url)
        expect(res.statusCode === 403, `${role} ${e.method} ${e.url} → ${res.statusCode}`).toBe(
          !e.allowed.includes(role),
        )
      }
    }
  })

  it("never shows one force's audit events or users to another force's admin", async () => {
    const wy = clients.get('force-admin') as Client
    await wy.get('/admin/users')
    const kent = await signIn(t.app, DEMO.kentAdmin)
    const kentUsers = await kent.get('/admin/users')
    expect(kentUsers.body).toContain('Jo Fielding')
    expect(kentUsers.body).not.toContain('Tom Walsh')
    const kentAudit = await kent.get('/admin/audit?recordType=user-list')
    const wyAdminId = /lantern-mono">([0-9a-f-]{36})<\/span><br>force-admin/.exec(
      (await wy.get('/admin/audit')).body,
    )?.[1]
    expect(wyAdminId).toBeDefined()
    expect(kentAudit.body).not.toContain(wyAdminId as string)
  })

  it("cannot change another force's records: a Kent admin cannot unlock a West Yorkshire account", async () => {
    const rows = await t.database.db.execute<{ id: string }>(sql`select id from users where email = ${DEMO.analyst}`)
    const analystId = (rows as unknown as { rows: { id: string }[] }).rows[0]?.id as string
    await t.database.db.execute(sql`update users set locked_until = now() + interval '1 hour' where id = ${analystId}`)
    const kent = await signIn(t.app, DEMO.kentAdmin)
    await kent.get('/admin/users')
    const res = await kent.post(`/admin/users/${analystId}/unlock`)
    expect(res.statusCode).toBe(404)
    const still = await t.database.db.execute<{ locked: boolean }>(
      sql`select locked_until > now() as locked from users where id = ${analystId}`,
    )
    expect((still as unknown as { rows: { locked: boolean }[] }).rows[0]?.locked).toBe(true)
  })
})
