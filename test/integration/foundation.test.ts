import { generateSync } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

describe.each(kinds)('foundation on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('reports health with the database, without a session cookie', async () => {
    const res = await t.app.inject('/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'UP', database: { status: 'UP', kind } })
    expect(res.headers['set-cookie']).toBeUndefined()
    expect((await t.app.inject('/ready')).json()).toEqual({ status: 'READY' })
  })

  it('sends strict security headers and a request id on every page', async () => {
    const res = await t.app.inject('/sign-in')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toMatch(/script-src 'self' 'nonce-[a-f0-9]+'/)
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
  })

  it('sends people who are not signed in to the sign-in page', async () => {
    const res = await t.app.inject('/')
    expect(res.statusCode).toBe(302)
    expect(res.headers.location).toBe('/sign-in')
  })

  it('signs in, rotates the session id, and shows the home page for the role', async () => {
    const c = new Client(t.app)
    await c.get('/sign-in')
    const before = c.cookies.get('lantern.sid')
    expect(before).toBeDefined()
    const res = await c.post('/sign-in', { email: DEMO.admin, password: 'lantern-demo-2026' })
    expect(res.statusCode).toBe(302)
    expect(c.cookies.get('lantern.sid')).not.toBe(before)
    const home = await c.get('/')
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Signed in as <strong>Tom Walsh</strong>, Force administrator, West Yorkshire Police')
    expect(home.body).toContain('href="/admin/audit"')
  })

  it('shows an inspector that they see aggregates only, with no admin tasks', async () => {
    const c = await signIn(t.app, DEMO.inspector)
    const home = await c.get('/')
    expect(home.body).toContain('never shows you personal data')
    expect(home.body).not.toContain('href="/admin/audit"')
  })

  it('refuses a wrong password with the GOV.UK error summary and says nothing about which part was wrong', async () => {
    const c = new Client(t.app)
    await c.get('/sign-in')
    const res = await c.post('/sign-in', { email: DEMO.response, password: 'not-the-password' })
    expect(res.statusCode).toBe(401)
    expect(res.body).toContain('<title>Error: Sign in – Lantern</title>')
    expect(res.body).toContain('govuk-error-summary')
    expect(res.body).toContain('Enter a correct email address and password')
    const unknown = await c.post('/sign-in', { email: 'nobody@demo.lantern', password: 'not-the-password' })
    expect(unknown.statusCode).toBe(401)
  })

  it('validates the sign-in form field by field', async () => {
    const c = new Client(t.app)
    await c.get('/sign-in')
    const res = await c.post('/sign-in', { email: '', password: '' })
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('href="#email">Enter your email address')
    expect(res.body).toContain('href="#password">Enter your password')
  })

  it('locks an account after repeated failures, and the right password does not open it until the lock ends', async () => {
    const c = new Client(t.app)
    await c.get('/sign-in')
    const statuses: number[] = []
    for (let i = 0; i < 5; i++)
      statuses.push((await c.post('/sign-in', { email: DEMO.analyst, password: `wrong-${i}` })).statusCode)
    expect(statuses).toEqual([401, 401, 401, 401, 423])
    const locked = await c.post('/sign-in', { email: DEMO.analyst, password: 'lantern-demo-2026' })
    expect(locked.statusCode).toBe(423)
    expect(locked.body).toContain('This account is locked')
    t.clock.advance(16 * 60_000)
    const ok = await c.post('/sign-in', { email: DEMO.analyst, password: 'lantern-demo-2026' })
    expect(ok.statusCode).toBe(302)
  })

  it('signs a user out after 30 idle minutes and after 12 hours in all', async () => {
    const c = await signIn(t.app, DEMO.supervisor)
    t.clock.advance(29 * 60_000)
    expect((await c.get('/')).statusCode).toBe(200)
    t.clock.advance(31 * 60_000)
    const idle = await c.get('/')
    expect(idle.statusCode).toBe(302)
    expect(idle.headers.location).toBe('/sign-in?expired=idle')
    expect((await c.get('/sign-in?expired=idle')).body).toContain('did nothing for 30 minutes')

    const d = await signIn(t.app, DEMO.supervisor)
    // Active every 25 minutes: never idle, but 29 × 25 minutes passes the 12-hour limit.
    for (let i = 0; i < 28; i++) {
      t.clock.advance(25 * 60_000)
      expect((await d.get('/')).statusCode).toBe(200)
    }
    t.clock.advance(25 * 60_000)
    const absolute = await d.get('/')
    expect(absolute.headers.location).toBe('/sign-in?expired=absolute')
  })

  it('refuses a form without a CSRF token and changes nothing', async () => {
    const c = await signIn(t.app, DEMO.admin)
    const res = await c.post('/admin/settings/two-factor', { requireTwoFactor: 'yes' }, { csrf: false })
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('Your form could not be sent')
    const users = await c.get('/admin/users')
    expect(users.body).toMatch(/value="no" checked/)
  })

  it('refuses an oversized body with 413', async () => {
    const c = await signIn(t.app, DEMO.admin)
    const res = await c.post('/admin/users/new', { displayName: 'x'.repeat(1_100_000) })
    expect(res.statusCode).toBe(413)
    expect(res.body).toContain('What you sent is too large')
  })

  it('shows GOV.UK style 404 pages and problem+json for unknown API routes', async () => {
    const res = await t.app.inject('/no-such-page')
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain('Page not found')
    const api = await t.app.inject('/api/v1/nothing')
    expect(api.statusCode).toBe(404)
    expect(api.headers['content-type']).toContain('application/problem+json')
  })

  it('shows a 403 page to a role without access', async () => {
    const c = await signIn(t.app, DEMO.response)
    const res = await c.get('/admin/audit')
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('You do not have access to this page')
  })

  it('signs out and the old session no longer works', async () => {
    const c = await signIn(t.app, DEMO.custody)
    const old = c.cookieHeader
    expect((await c.post('/sign-out')).headers.location).toBe('/sign-in?signed-out=1')
    const res = await t.app.inject({ url: '/', headers: { cookie: old } })
    expect(res.statusCode).toBe(302)
  })

  it('sets up TOTP, then asks for a code at sign-in; a force admin can require it for everyone', async () => {
    const c = await signIn(t.app, DEMO.lead)
    const setup = await c.get('/account/two-factor')
    const secret = /data-qa="totp-secret">([A-Z2-7]+)</.exec(setup.body)?.[1] as string
    expect(secret).toBeDefined()
    const wrong = await c.post('/account/two-factor', { code: '000000' })
    expect(wrong.statusCode).toBe(400)
    const code = generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) })
    expect((await c.post('/account/two-factor', { code })).statusCode).toBe(302)

    const d = new Client(t.app)
    await d.get('/sign-in')
    const step1 = await d.post('/sign-in', { email: DEMO.lead, password: 'lantern-demo-2026' })
    expect(step1.headers.location).toBe('/sign-in/two-factor')
    expect((await d.get('/')).statusCode).toBe(302)
    await d.get('/sign-in/two-factor')
    const bad = await d.post('/sign-in/two-factor', { code: '123456' })
    expect(bad.statusCode).toBe(401)
    t.clock.advance(30_000)
    const good = await d.post('/sign-in/two-factor', {
      code: generateSync({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) }),
    })
    expect(good.statusCode).toBe(302)
    expect((await d.get('/')).statusCode).toBe(200)

    const admin = await signIn(t.app, DEMO.admin)
    await admin.get('/admin/users')
    expect((await admin.post('/admin/settings/two-factor', { requireTwoFactor: 'yes' })).statusCode).toBe(302)
    const e = new Client(t.app)
    await e.get('/sign-in')
    const forced = await e.post('/sign-in', { email: DEMO.investigator, password: 'lantern-demo-2026' })
    expect(forced.headers.location).toBe('/account/two-factor')
    expect((await e.get('/admin')).headers.location).toBe('/account/two-factor')
    await admin.post('/admin/settings/two-factor', { requireTwoFactor: 'no' })
  })

  it('lets a force admin add a user, with field errors for bad input and nothing saved', async () => {
    const c = await signIn(t.app, DEMO.admin)
    await c.get('/admin/users/new')
    const bad = await c.post('/admin/users/new', {
      displayName: '',
      email: 'not-an-email',
      role: 'wizard',
      password: 'short',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('href="#displayName"')
    expect(bad.body).toContain('href="#email"')
    expect(bad.body).toContain('href="#role"')
    expect(bad.body).toContain('href="#password"')
    const ok = await c.post('/admin/users/new', {
      displayName: 'PC New Starter',
      email: 'new.starter@demo.lantern',
      role: 'response-officer',
      password: 'a-long-temporary-pass',
    })
    expect(ok.statusCode).toBe(302)
    const dup = await c.post('/admin/users/new', {
      displayName: 'PC New Starter',
      email: 'NEW.starter@demo.lantern',
      role: 'response-officer',
      password: 'a-long-temporary-pass',
    })
    expect(dup.statusCode).toBe(400)
    expect(dup.body).toContain('already exists')
    const n = await signIn(t.app, 'new.starter@demo.lantern', 'a-long-temporary-pass')
    expect((await n.get('/')).body).toContain('PC New Starter')
  })
})

describe('outside demo mode', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite', {
      env: { LANTERN_DEMO: 'false', SESSION_SECRET: 'a-real-secret-of-at-least-32-characters' },
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('refuses the published demo password even for an account that has it', async () => {
    const c = new Client(t.app)
    await c.get('/sign-in')
    const res = await c.post('/sign-in', { email: DEMO.admin, password: 'lantern-demo-2026' })
    expect(res.statusCode).toBe(401)
  })
})

describe('when the database is down', () => {
  it('reports DOWN on /health with 503', async () => {
    const t = await startTestApp('pglite')
    const { buildApp } = await import('../../src/web/app.js')
    const { loadConfig } = await import('../../src/config.js')
    const app = await buildApp({
      db: t.database.db,
      database: {
        kind: 'pglite',
        ping: async () => {
          throw new Error('connection refused')
        },
      },
      now: t.clock.now,
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      logger: false,
    })
    const res = await app.inject('/health')
    expect(res.statusCode).toBe(503)
    expect(res.json()).toEqual({ status: 'DOWN', database: { status: 'DOWN', kind: 'pglite' } })
    await app.close()
    await t.close()
  })
})
