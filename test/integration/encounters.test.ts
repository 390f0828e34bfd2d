import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

async function startEncounter(c: Client): Promise<string> {
  await c.get('/encounters')
  const res = await c.post('/encounters')
  expect(res.statusCode).toBe(302)
  const id = /\/encounters\/([0-9a-f-]{36})\/when/.exec(String(res.headers.location))?.[1]
  expect(id).toBeDefined()
  return id as string
}

async function step(c: Client, id: string, slug: string, form: Record<string, string | string[]>) {
  await c.get(`/encounters/${id}/${slug}`)
  return c.post(`/encounters/${id}/${slug}`, form)
}

describe.each(kinds)('encounter journey on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('walks a child in a cannabis grow to an NRM child referral, safeguarding first, never Duty to Notify', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await startEncounter(c)
    expect(
      (
        await step(c, id, 'when', {
          'occurred-day': '26',
          'occurred-month': '11',
          'occurred-year': '2026',
          'occurred-time': '06:15',
          location: 'Harehills Lane',
        })
      ).headers.location,
    ).toBe(`/encounters/${id}/place`)
    expect((await step(c, id, 'place', { placeType: 'cannabis-grow' })).headers.location).toBe(`/encounters/${id}/risk`)
    await step(c, id, 'risk', { immediateRisk: 'no' })
    await step(c, id, 'role', { role: 'arrested' })
    await step(c, id, 'age', { ageKnown: 'known', age: '16' })
    await step(c, id, 'language', { language: 'Vietnamese', interpreter: 'independent' })
    const theme = await c.get(`/encounters/${id}/indicators/work-and-pay`)
    expect(theme.statusCode).toBe(200)
    const ids = [...theme.body.matchAll(/name="present" type="checkbox" value="([a-z0-9-]+)"/g)].map(
      (m) => m[1] as string,
    )
    expect(ids).toContain('gen-debt')
    const saved = await c.post(`/encounters/${id}/indicators/work-and-pay`, {
      present: ['gen-debt'],
      'provenance-gen-debt': 'disclosed',
    })
    expect(saved.headers.location).toBe(`/encounters/${id}/indicators`)
    await c.get(`/encounters/${id}/indicators/control-and-movement`)
    await c.post(`/encounters/${id}/indicators/control-and-movement`, {
      present: ['gen-not-free-to-leave'],
      'provenance-gen-not-free-to-leave': 'observed',
    })
    const list = await c.get(`/encounters/${id}/indicators`)
    expect(list.body).toContain('2 signs recorded so far')
    // A child is never asked for consent: the account page leads straight to check your answers.
    expect(
      (await step(c, id, 'account', { account: 'I came in a lorry. I must pay for the journey.' })).headers.location,
    ).toBe(`/encounters/${id}/check`)
    const check = await c.get(`/encounters/${id}/check`)
    expect(check.body).toContain('Check your answers')
    expect(check.body).not.toContain('Agrees to NRM referral')
    const submitted = await c.post(`/encounters/${id}/check`, {
      version: /name="version" value="(\d+)"/.exec(check.body)?.[1] ?? '',
    })
    expect(submitted.headers.location).toBe(`/encounters/${id}`)
    const record = await c.get(`/encounters/${id}`)
    expect(record.body).toContain('data-pathway="nrm-child"')
    const codes = [...record.body.matchAll(/data-action-code="([a-z0-9-]+)"/g)].map((m) => m[1])
    expect(codes).toContain('safeguard-child')
    expect(codes).toContain('refer-nrm')
    expect(codes).toContain('s45-flag')
    expect(codes).not.toContain('notify-dtn')
    expect(codes).not.toContain('ask-consent')
    expect(codes.indexOf('safeguard-child')).toBeLessThan(codes.indexOf('refer-nrm'))
  })

  it('gives each question page a specific error and saves nothing when the answer is bad', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await startEncounter(c)
    const future = await step(c, id, 'when', {
      'occurred-day': '1',
      'occurred-month': '1',
      'occurred-year': '2030',
      'occurred-time': '10:00',
    })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The encounter must be today or in the past')
    const notADate = await step(c, id, 'when', {
      'occurred-day': '31',
      'occurred-month': '2',
      'occurred-year': '2026',
      'occurred-time': '25:00',
    })
    expect(notADate.body).toContain('The date of the encounter must be a real date')
    expect(notADate.body).toContain('Enter the time as hours and minutes')
    expect((await step(c, id, 'place', {})).body).toContain('Select the type of place')
    expect((await step(c, id, 'age', { ageKnown: 'known', age: 'seventeen' })).body).toContain(
      'Enter their age as a whole number',
    )
    expect((await step(c, id, 'indicators/general', { present: 'not-a-sign' })).statusCode).toBe(400)
    const rows = await t.database.db.execute(
      sql`select occurred_at, place_type, person from encounters where id = ${id}`,
    )
    expect((rows as unknown as { rows: unknown[] }).rows[0]).toEqual({
      occurred_at: null,
      place_type: null,
      person: {},
    })
    const check = await c.get(`/encounters/${id}/check`)
    const incomplete = await c.post(`/encounters/${id}/check`, {})
    expect(incomplete.statusCode).toBe(400)
    expect(incomplete.body).toContain('Enter when the encounter happened')
    expect(check.statusCode).toBe(200)
  })

  it('routes an adult who declines to an anonymous Duty to Notify, and keeps a reasoned history when amended', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await startEncounter(c)
    await step(c, id, 'when', {
      'occurred-day': '20',
      'occurred-month': '11',
      'occurred-year': '2026',
      'occurred-time': '14:30',
    })
    await step(c, id, 'place', { placeType: 'car-wash' })
    await step(c, id, 'risk', { immediateRisk: 'no' })
    await step(c, id, 'role', { role: 'potential-victim' })
    await step(c, id, 'age', { ageKnown: 'adult' })
    await step(c, id, 'language', { language: 'Romanian', interpreter: 'not-independent' })
    await c.get(`/encounters/${id}/indicators/control-and-movement`)
    await c.post(`/encounters/${id}/indicators/control-and-movement`, {
      present: ['gen-documents-held'],
      'provenance-gen-documents-held': 'disclosed',
    })
    expect((await step(c, id, 'consent', { consent: 'declined' })).headers.location).toBe(`/encounters/${id}/check`)
    await c.get(`/encounters/${id}/check`)
    await c.post(`/encounters/${id}/check`)
    const record = await c.get(`/encounters/${id}`)
    expect(record.body).toContain('data-pathway="duty-to-notify"')
    expect(record.body).toContain('data-action-code="notify-dtn"')
    expect(record.body).toContain('data-action-code="independent-interpreter"')

    // A second submit (double click) changes nothing.
    expect((await c.post(`/encounters/${id}/check`)).headers.location).toBe(`/encounters/${id}`)

    const noReason = await step(c, id, 'consent', { consent: 'given' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Give a reason for the change')
    const amended = await step(c, id, 'consent', {
      consent: 'given',
      reason: 'Agreed after speaking to a support worker',
    })
    expect(amended.headers.location).toBe(`/encounters/${id}`)
    const after = await c.get(`/encounters/${id}`)
    expect(after.body).toContain('data-pathway="nrm-adult"')
    expect(after.body).toContain('Agreed after speaking to a support worker')
    expect(after.body).toContain('Amended: the pathway changed')
    const audit = await t.database.db.execute(
      sql`select reason from audit_events where record_type = 'encounter' and record_id = ${id} and reason is not null`,
    )
    expect((audit as unknown as { rows: { reason: string }[] }).rows.map((r) => r.reason)).toEqual([
      'Agreed after speaking to a support worker',
    ])
  })

  it('refuses a stale form (a retried request) with 409 and writes nothing twice', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await startEncounter(c)
    await c.get(`/encounters/${id}/place`)
    const first = await c.post(`/encounters/${id}/place`, { placeType: 'hotel', version: '1' })
    expect(first.statusCode).toBe(302)
    const retry = await c.post(`/encounters/${id}/place`, { placeType: 'nail-bar', version: '1' })
    expect(retry.statusCode).toBe(409)
    const rows = await t.database.db.execute(sql`select place_type from encounters where id = ${id}`)
    expect((rows as unknown as { rows: { place_type: string }[] }).rows[0]?.place_type).toBe('hotel')
  })

  it("never shows one force's encounter to another force", async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await startEncounter(c)
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect((await kent.get(`/encounters/${id}`)).statusCode).toBe(404)
    expect((await kent.get(`/encounters/${id}/place`)).statusCode).toBe(404)
    await kent.get('/encounters')
    expect((await kent.post(`/encounters/${id}/place`, { placeType: 'hotel' })).statusCode).toBe(404)
    expect((await kent.get('/encounters')).body).not.toContain(id)
  })
})
