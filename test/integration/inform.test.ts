import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGES } from '../../src/domain/inform/languages.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()

async function submittedAdultEncounter(c: Client): Promise<string> {
  await c.get('/encounters')
  const id = /\/encounters\/([0-9a-f-]{36})\/when/.exec(
    String((await c.post('/encounters')).headers.location),
  )?.[1] as string
  const step = async (slug: string, form: Record<string, string | string[]>) => {
    await c.get(`/encounters/${id}/${slug}`)
    return c.post(`/encounters/${id}/${slug}`, form)
  }
  await step('when', {
    'occurred-day': '20',
    'occurred-month': '11',
    'occurred-year': '2026',
    'occurred-time': '10:00',
  })
  await step('place', { placeType: 'farm-or-factory' })
  await step('risk', { immediateRisk: 'no' })
  await step('role', { role: 'potential-victim' })
  await step('age', { ageKnown: 'adult' })
  await step('language', { language: 'Tigrinya', interpreter: 'none' })
  await step('indicators/living-conditions', { present: 'gen-poor-living-conditions' })
  await step('consent', { consent: 'not-asked' })
  await c.get(`/encounters/${id}/check`)
  await c.post(`/encounters/${id}/check`)
  return id
}

describe.each(kinds)('rights information on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('lists every language in its own name, publicly, setting no cookies', async () => {
    const res = await t.app.inject('/rights')
    expect(res.statusCode).toBe(200)
    expect(res.headers['set-cookie']).toBeUndefined()
    for (const l of LANGUAGES) expect(res.body).toContain(`href="/rights/${l.code}"`)
    expect(res.body).toContain('ትግርኛ')
    expect(res.body).toContain('العربية')
  })

  it('serves each language with the right lang and dir, its review status, and no cookies', async () => {
    for (const l of LANGUAGES) {
      const res = await t.app.inject(`/rights/${l.code}`)
      expect(res.statusCode, l.code).toBe(200)
      expect(res.headers['set-cookie'], l.code).toBeUndefined()
      expect(res.body, l.code).toContain(`<html lang="${l.htmlLang}" dir="${l.dir}"`)
      expect(res.body, l.code).toContain('data-qa="translation-status"')
      if (l.code !== 'en' && l.code !== 'en-easy')
        expect(res.body, l.code).toContain('draft — awaiting professional review')
      expect(res.body, l.code).toContain('08000 121 700')
    }
  })

  it('answers an unknown language with 404 and the list of languages', async () => {
    const res = await t.app.inject('/rights/klingon')
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain('href="/rights/ti"')
    expect((await t.app.inject('/rights/klingon.pdf')).statusCode).toBe(404)
  })

  it('serves an A4 PDF leaflet and the fonts, publicly', async () => {
    const pdf = await t.app.inject('/rights/am.pdf')
    expect(pdf.statusCode).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const css = await t.app.inject('/assets/fonts/rights.css')
    expect(css.body).toContain('@font-face')
    const file = /url\('\/assets\/fonts\/([^']+)'\)/.exec(css.body)?.[1] as string
    const font = await t.app.inject(`/assets/fonts/${file}`)
    expect(font.statusCode).toBe(200)
    expect(font.rawPayload.length).toBeGreaterThan(10_000)
    expect((await t.app.inject('/assets/fonts/..%2Fpackage.json')).statusCode).toBe(404)
  })

  it('hands the phone over: nothing of the case visible, locked to the hand-over pages, back only with the password', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await submittedAdultEncounter(c)
    const before = await c.get(`/encounters/${id}`)
    expect(before.body).toMatch(/data-action-code="inform-rights"/)
    await c.get(`/encounters/${id}/information`)
    const bad = await c.post(`/encounters/${id}/information/handover`, { language: 'xx' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Select the language the person reads or understands best')
    expect((await c.post(`/encounters/${id}/information/handover`, { language: 'ti' })).headers.location).toBe(
      '/handover',
    )

    const screen = await c.get('/handover')
    expect(screen.body).toContain('<html lang="ti" dir="ltr"')
    expect(screen.body).not.toContain('ENC-')
    expect(screen.body).not.toContain('Amira Khan')
    expect(screen.body).not.toContain('service-navigation')
    expect((await c.get(`/encounters/${id}`)).headers.location).toBe('/handover')
    expect((await c.get('/admin')).headers.location).toBe('/handover')

    await c.get('/handover/questions/1')
    expect((await c.post('/handover/questions/1', { answer: 'yes' })).headers.location).toBe('/handover/questions/2')
    await c.get('/handover/questions/2')
    await c.post('/handover/questions/2', { answer: 'yes' })
    await c.get('/handover/questions/3')
    expect((await c.post('/handover/questions/3', {})).statusCode).toBe(400)
    await c.post('/handover/questions/3', { answer: 'prefer-not-to-say' })

    await c.get('/handover/return')
    expect((await c.post('/handover/return', { password: 'wrong' })).statusCode).toBe(401)
    expect((await c.get(`/encounters/${id}`)).headers.location).toBe('/handover')
    const back = await c.post('/handover/return', { password: 'lantern-demo-2026' })
    expect(back.headers.location).toBe(`/encounters/${id}`)

    const after = await c.get(`/encounters/${id}`)
    expect(after.body).toContain('2 signs were added to the encounter as disclosed')
    expect(after.body).toContain('Given in Tigrinya, shown on screen')
    const rows = await t.database.db.execute(sql`select indicators from encounters where id = ${id}`)
    const indicators =
      (rows as unknown as { rows: { indicators: { id: string; provenance: string }[] }[] }).rows[0]?.indicators ?? []
    expect(
      indicators
        .filter((i) => i.provenance === 'disclosed')
        .map((i) => i.id)
        .sort(),
    ).toEqual(['gen-debt', 'gen-documents-held'])
    const info = await c.get(`/encounters/${id}/information`)
    expect(info.body).toContain('3 answered, 2 “yes”')
  })

  it('records a printed leaflet given, with specific errors for bad input', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await submittedAdultEncounter(c)
    await c.get(`/encounters/${id}/information`)
    const bad = await c.post(`/encounters/${id}/information/record`, { language: 'ar' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Select how you gave the information')
    const ok = await c.post(`/encounters/${id}/information/record`, { language: 'ar', formats: ['printed-leaflet'] })
    expect(ok.headers.location).toBe(`/encounters/${id}`)
    expect((await c.get(`/encounters/${id}`)).body).toContain('Given in Arabic, printed leaflet')
    const kent = await signIn(t.app, DEMO.kentResponse)
    await kent.get('/')
    expect(
      (await kent.post(`/encounters/${id}/information/record`, { language: 'ar', formats: ['printed-leaflet'] }))
        .statusCode,
    ).toBe(404)
  })
})
