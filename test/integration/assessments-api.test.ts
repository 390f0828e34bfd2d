import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueApiToken } from '../../src/services/identity/users.js'
import { DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

const adultDeclines = {
  person: { age: 34, role: 'potential-victim' },
  indicators: [
    { id: 'gen-documents-held', provenance: 'disclosed' },
    { id: 'gen-debt', provenance: 'disclosed' },
  ],
  consent: 'declined',
  immediateRisk: false,
  placeType: 'car-wash',
  occurredAt: '2026-11-20T14:30:00Z',
}

describe.each(kinds)('POST /api/v1/assessments on %s', (kind) => {
  let t: TestApp
  let token: string
  beforeAll(async () => {
    t = await startTestApp(kind)
    token = await issueApiToken(
      { db: t.database.db, database: t.database, now: t.clock.now },
      DEMO.investigator,
      'test system',
    )
  })
  afterAll(async () => {
    await t?.close()
  })

  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: payload as object,
      headers: { authorization: `Bearer ${token}`, ...headers },
    })

  it('assesses an encounter for a system holding a bearer token', async () => {
    const res = await post(adultDeclines)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.pathway).toBe('duty-to-notify')
    expect(body.actions.map((a: { code: string }) => a.code)).toContain('notify-dtn')
    expect(['low', 'medium', 'high']).toContain(body.concern)
  })

  it('refuses callers without a token or session with 401 problem+json', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/assessments', payload: adultDeclines })
    expect(res.statusCode).toBe(401)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const bad = await post(adultDeclines, { authorization: 'Bearer lnt_not-a-real-token' })
    expect(bad.statusCode).toBe(401)
  })

  it('names the path of every invalid field', async () => {
    const res = await post({
      ...adultDeclines,
      person: { role: 'bystander' },
      indicators: [{ id: 'no-such-sign', provenance: 'rumour' }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    const paths = res.json().errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['person.role', 'indicators[0].id', 'indicators[0].provenance']))
  })

  it('accepts a signed-in browser session with a CSRF header, and refuses it without one', async () => {
    const c = await signIn(t.app, DEMO.response)
    const ok = await c.json('POST', '/api/v1/assessments', adultDeclines)
    expect(ok.statusCode).toBe(200)
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: adultDeclines,
      headers: { cookie: c.cookieHeader },
    })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.headers['content-type']).toContain('application/problem+json')
  })

  it('serves the indicator catalogue', async () => {
    const res = await t.app.inject({ url: '/api/v1/indicators', headers: { authorization: `Bearer ${token}` } })
    expect(res.statusCode).toBe(200)
    expect(res.json().indicators.find((i: { id: string }) => i.id === 'gen-debt').refs).toContain('ilo-fl:debt-bondage')
  })
})

describe('indicator catalogue page', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp('pglite')
  })
  afterAll(async () => {
    await t?.close()
  })

  it('searches and filters, showing each sign with its hint, source and confidence label', async () => {
    const c = await signIn(t.app, DEMO.response)
    const all = await c.get('/reference/indicators')
    expect(all.statusCode).toBe(200)
    const total = Number(/Showing (\d+) of (\d+)/.exec(all.body)?.[2])
    expect(total).toBeGreaterThan(60)
    const passport = await c.get('/reference/indicators?q=passport')
    const n = Number(/Showing (\d+) of/.exec(passport.body)?.[1])
    expect(n).toBeGreaterThan(0)
    expect(n).toBeLessThan(total)
    expect(passport.body).toContain('data-indicator="gen-documents-held"')
    const children = await c.get('/reference/indicators?appliesTo=child&type=criminal')
    expect(children.body).toContain('County lines')
    const unconfirmed = await c.get('/reference/indicators?confidence=UNCONFIRMED')
    expect(unconfirmed.body).toContain('UNCONFIRMED')
    expect(unconfirmed.body).not.toMatch(/govuk-tag--grey">\s*CONFIRMED/)
  })
})
