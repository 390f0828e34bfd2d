import { inflateSync } from 'node:zlib'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EncounterPatch } from '../../src/db/repositories/encounters.js'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../../src/services/identify/encounters.js'
import { actorFromUser } from '../../src/services/identity/sign-in.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

// Issue 5 §1, MSA 2015 s52(3) (law-and-process.md §2.5): a Duty to Notify report names the person only with their
// recorded consent to share their identity, given and withdrawn through the pages, with the history kept.

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.database.db.execute(query)
  return (result as unknown as { rows: T[] }).rows
}

async function submittedEncounter(t: TestApp, patch: EncounterPatch): Promise<string> {
  const deps = { db: t.database.db, database: t.database, now: t.clock.now }
  const found = await findUserForSignIn(t.database.db, DEMO.response)
  if (!found) throw new Error('no demo response officer')
  const ctx = { actor: actorFromUser(found.user), requestId: 'test' }
  const row = await startEncounter(deps, ctx)
  const at = new Date(t.clock.now().getTime() - 3_600_000).toISOString()
  const saved = await saveEncounterStep(deps, ctx, row.id, row.version, {
    occurredAt: at,
    location: 'Industrial estate, Leeds',
    placeType: 'car-wash',
    immediateRisk: 'no',
    interpreter: { used: true, independent: true },
    account: 'They took my passport and I work every day for no pay.',
    indicators: ['gen-documents-held', 'gen-wages-withheld'].map((id) => ({
      id,
      provenance: 'disclosed' as const,
      recordedAt: at,
    })),
    ...patch,
  })
  await submitEncounter(deps, ctx, saved.id, saved.version)
  return saved.id
}

const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? ''

async function submitPage(c: Client, url: string, form: Record<string, string | string[]>) {
  const page = await c.get(url)
  expect(page.statusCode, `GET ${url}`).toBe(200)
  return c.post(url, { version: versionIn(page.body), ...form })
}

const adultDeclines: EncounterPatch = {
  person: { age: 29, role: 'potential-victim', language: 'Polish' },
  consent: 'declined',
}

/** A draft Duty to Notify report: an adult who declined an NRM referral (law-and-process.md §2.3, §2.5). */
async function draftReport(t: TestApp, c: Client): Promise<string> {
  const encounterId = await submittedEncounter(t, adultDeclines)
  await c.get(`/encounters/${encounterId}/referral/new`)
  const started = await c.post(`/encounters/${encounterId}/referral/new`, {})
  const id = /\/referrals\/([0-9a-f-]{36})/.exec(String(started.headers.location))?.[1] as string
  const declined = await submitPage(c, `/referrals/${id}/consent`, {
    type: 'declined',
    ...at('27', '09:30'),
    language: 'Polish',
    interpreter: 'independent',
    wordsUsed: 'I explained the NRM and asked if they agree to be referred.',
  })
  expect(declined.statusCode, declined.body.slice(0, 2000)).toBe(302)
  const [row] = await rows<{ kind: string }>(t, sql`select kind from referrals where id = ${id}`)
  expect(row?.kind).toBe('duty-to-notify')
  return id
}

const at = (day: string, time: string) => ({ 'at-day': day, 'at-month': '11', 'at-year': '2026', 'at-time': time })

const identityGiven = {
  type: 'given',
  ...at('27', '09:40'),
  language: 'Polish',
  interpreter: 'independent',
  interpreterProvider: 'Language Line',
  wordsUsed: 'May we give your name and phone number to the Home Office with this report?',
}

const identified = {
  name: 'Ana Nowak',
  otherNames: 'Anka',
  'dateOfBirth-day': '2',
  'dateOfBirth-month': '1',
  'dateOfBirth-year': '1995',
  gender: 'female',
  ageAtExploitation: '31',
  nationalities: 'Polish',
  phone: '07700 900456',
  email: 'ana@example.com',
  address: '4 Safe Street, Leeds',
}

const firstResponder = {
  name: 'PC Demo Response',
  role: 'Response officer, West Yorkshire Police',
  email: 'response@demo.lantern',
}
const exploitation = {
  types: ['labour'],
  where: 'uk',
  policeForceArea: 'west-yorkshire',
  places: 'Hand car wash, Leeds',
  'startedOn-day': '1',
  'startedOn-month': '6',
  'startedOn-year': '2026',
  ongoing: 'yes',
}
const account = { account: 'Worked every day without pay; the boss kept her passport.' }

type IdentityRow = {
  person_name: string | null
  other_names: string[] | null
  date_of_birth: string | null
  contact_phone: string | null
  contact_email: string | null
  address: string | null
  identity_consent_id: string | null
}
const identityOf = async (t: TestApp, id: string) =>
  (
    await rows<IdentityRow & { version: number }>(
      t,
      sql`select person_name, other_names, date_of_birth::text as date_of_birth, contact_phone, contact_email, address,
          identity_consent_id, version from referrals where id = ${id}`,
    )
  )[0]

const eventsOf = (t: TestApp, id: string) =>
  rows<{ type: string; language: string | null; interpreter_provider: string | null; reason: string | null }>(
    t,
    sql`select type, language, interpreter_provider, reason from referral_consent_events
        where referral_id = ${id} and scope = 'share-identity' order by at, created_at`,
  )

const identityEventsAt = (t: TestApp, id: string) =>
  rows<{ id: string; type: string; at: string; reason: string | null }>(
    t,
    sql`select id, type, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as at, reason from referral_consent_events
        where referral_id = ${id} and scope = 'share-identity' order by at, created_at`,
  )

/** The report another system sends (POST /api/v1/referrals/:id/duty-to-notify): anonymous unless told otherwise. */
const anonymousReport = {
  consentToShareIdentity: false,
  firstResponder: {
    name: 'PC Demo',
    role: 'Response officer',
    forceId: 'west-yorkshire',
    email: 'response@demo.lantern',
  },
  ageStatus: 'adult',
  nrmConsent: 'declined',
  gender: 'female',
  ageAtExploitation: 31,
  nationalities: ['Polish'],
  exploitation: {
    types: ['labour'],
    location: { where: 'uk', policeForceArea: 'west-yorkshire', places: ['Car wash, Leeds'] },
    period: { startedOn: '2026-05-01', ongoing: true },
    account: 'Worked every day without pay; the boss kept her passport.',
  },
}
const namedReport = (givenAt: string) => ({
  ...anonymousReport,
  consentToShareIdentity: true,
  identityConsent: {
    givenAt,
    recordedBy: 'PC Demo',
    conversation: {
      language: 'Polish',
      interpreter: { used: true, independent: true, provider: 'Language Line' },
      wordsUsed: 'May we give your name to the Home Office?',
    },
  },
  name: 'Ana Nowak',
  dateOfBirth: '1995-01-02',
  contactDetails: { phone: '07700 900456' },
})
const asJson = { 'content-type': 'application/json' }

/** The text drawn in a PDF: pdfmake writes each word as a hex string in a compressed content stream. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1')
  let content = ''
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length
    try {
      content += inflateSync(pdf.subarray(start, raw.indexOf('endstream', start))).toString('latin1')
    } catch {
      // Not a compressed stream (fonts, images): no text to read.
    }
  }
  return [...content.matchAll(/<([0-9a-f]+)>/gi)].map((x) => Buffer.from(x[1] ?? '', 'hex').toString('latin1')).join('')
}

const kinds = await testDatabaseKinds()

describe.each(kinds)('consent to share identity on a Duty to Notify report, on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('refuses identifying details before consent, takes them once consent is given, and removes them when it is withdrawn', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await draftReport(t, c)

    const record = await c.get(`/referrals/${id}`)
    expect(record.body).toContain('Consent to share identity')
    expect(record.body).toContain('<span data-qa="identity-consent">Not asked</span>')
    expect(record.body).toContain(`href="/referrals/${id}/identity-consent"`)

    // Before consent: the page has no place for the identity, and the service refuses it (s52(3)).
    const anonymous = await c.get(`/referrals/${id}/section/dtn-person`)
    expect(anonymous.body).toContain('About the person (no identifying details)')
    expect(anonymous.body).toContain('data-qa="anonymous"')
    expect(anonymous.body).not.toContain('id="name"')
    const refused = await c.post(`/referrals/${id}/section/dtn-person`, {
      version: versionIn(anonymous.body),
      ...identified,
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain(
      'A Duty to Notify report cannot hold the person’s name unless they consent to share their identity (Modern Slavery Act 2015 s52(3))',
    )
    expect(refused.body).toContain('cannot hold the person’s date of birth unless')
    expect(refused.body).toContain('cannot hold the person’s contact details unless')
    const before = await identityOf(t, id)
    expect(before).toMatchObject({ person_name: null, date_of_birth: null, contact_phone: null, address: null })
    expect(before?.version).toBe(Number(versionIn(anonymous.body)))

    // Consent given: the conversation is required, and nothing in the future.
    const page = await c.get(`/referrals/${id}/identity-consent`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Record consent to share their identity')
    expect(page.body).toContain('value="Polish"')
    const missing = await c.post(`/referrals/${id}/identity-consent`, {
      version: versionIn(page.body),
      type: 'given',
      ...at('27', '09:40'),
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.body).toContain('There is a problem')
    expect(missing.body).toContain('Enter the language the conversation was in')
    expect(missing.body).toContain('Select whether an interpreter was used')
    expect(missing.body).toContain('Enter the words you used to ask whether they agree to be named in the report')
    const future = await submitPage(c, `/referrals/${id}/identity-consent`, {
      ...identityGiven,
      ...at('28', '09:00'),
    })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('cannot be in the future')
    expect(future.body).toContain('href="#at-day"')
    expect(await eventsOf(t, id)).toEqual([])

    const given = await submitPage(c, `/referrals/${id}/identity-consent`, identityGiven)
    expect(given.statusCode, given.body.slice(0, 2000)).toBe(302)
    expect(given.headers.location).toBe(`/referrals/${id}/section/dtn-person`)
    expect(await eventsOf(t, id)).toEqual([
      { type: 'given', language: 'Polish', interpreter_provider: 'Language Line', reason: null },
    ])
    expect((await identityOf(t, id))?.identity_consent_id).not.toBeNull()

    // Given twice is refused, with when it was given.
    const twice = await submitPage(c, `/referrals/${id}/identity-consent`, identityGiven)
    expect(twice.statusCode).toBe(400)
    expect(twice.body).toContain(
      'The person’s consent to share their identity is already recorded as given on 27 November 2026',
    )

    // With consent the person section asks for the identity; the name is needed.
    const named = await c.get(`/referrals/${id}/section/dtn-person`)
    expect(named.body).toContain('<title>About the person – Lantern</title>')
    expect(named.body).toContain('id="name"')
    expect(named.body).toContain('id="dateOfBirth-day"')
    const noName = await c.post(`/referrals/${id}/section/dtn-person`, {
      version: versionIn(named.body),
      gender: 'female',
    })
    expect(noName.statusCode).toBe(400)
    expect(noName.body).toContain('Enter the person’s name, as they give it')
    const saved = await submitPage(c, `/referrals/${id}/section/dtn-person`, identified)
    expect(saved.statusCode, saved.body.slice(0, 2000)).toBe(302)
    expect(await identityOf(t, id)).toMatchObject({
      person_name: 'Ana Nowak',
      other_names: ['Anka'],
      date_of_birth: '1995-01-02',
      contact_phone: '07700 900456',
      contact_email: 'ana@example.com',
      address: '4 Safe Street, Leeds',
    })
    const [person] = await rows<{ person: Record<string, unknown> }>(
      t,
      sql`select person from referrals where id = ${id}`,
    )
    // The identity lives only in the columns the database CHECK watches, never in the person section.
    expect(Object.keys(person?.person ?? {})).not.toContain('name')
    expect(person?.person).toMatchObject({ gender: 'female', ageAtExploitation: 31, nationalities: ['Polish'] })

    const shown = await c.get(`/referrals/${id}`)
    expect(shown.body).toContain('<span data-qa="identity-consent">Given on 27 November 2026</span>')
    expect(shown.body).toContain('Consent to share identity given')

    for (const [section, form] of [
      ['first-responder', firstResponder],
      ['exploitation', exploitation],
      ['account', account],
    ] as const) {
      const res = await submitPage(c, `/referrals/${id}/section/${section}`, form)
      expect(res.statusCode, `${section}: ${res.body.slice(0, 2000)}`).toBe(302)
    }
    const check = await c.get(`/referrals/${id}/check`)
    expect(check.body).toContain('Ana Nowak')
    expect(check.body).toContain('It names the person: they agreed to share their identity.')
    expect(check.body).toContain(`href="/referrals/${id}/identity-consent?return=check"`)

    const json = JSON.parse((await c.get(`/referrals/${id}.json`)).body)
    expect(json.data).toMatchObject({
      consentToShareIdentity: true,
      name: 'Ana Nowak',
      otherNames: ['Anka'],
      dateOfBirth: '1995-01-02',
      contactDetails: { phone: '07700 900456', email: 'ana@example.com' },
      addresses: ['4 Safe Street, Leeds'],
      identityConsent: { conversation: { language: 'Polish' } },
    })
    const personFields = json.sections.find((s: { key: string }) => s.key === 'person').fields
    expect(personFields).toContainEqual({ label: 'Phone', value: '07700 900456' })
    const pdf = await c.get(`/referrals/${id}.pdf`)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    const printed = pdfText(pdf.rawPayload)
    expect(printed).toContain('Ana Nowak')
    expect(printed).toContain('07700 900456')
    expect(printed).toContain('4 Safe Street, Leeds')

    // An answer earlier than the last one is refused.
    const early = await submitPage(c, `/referrals/${id}/identity-consent`, { type: 'withdrawn', ...at('27', '09:00') })
    expect(early.statusCode).toBe(400)
    expect(early.body).toContain('is earlier than the last answer about sharing their identity')

    // Withdrawn: every identifying detail leaves the row, in the same change.
    const withdrawPage = await c.get(`/referrals/${id}/identity-consent`)
    expect(withdrawPage.body).toContain('Record that they withdrew consent to share their identity')
    expect(withdrawPage.body).toContain('will be removed from the report')
    const withdrawn = await c.post(`/referrals/${id}/identity-consent`, {
      version: versionIn(withdrawPage.body),
      type: 'withdrawn',
      ...at('27', '09:55'),
      reason: 'Told her support worker she no longer wants to be named',
    })
    expect(withdrawn.statusCode, withdrawn.body.slice(0, 2000)).toBe(302)
    expect(withdrawn.headers.location).toBe(`/referrals/${id}`)
    expect(await identityOf(t, id)).toMatchObject({
      person_name: null,
      other_names: null,
      date_of_birth: null,
      contact_phone: null,
      contact_email: null,
      address: null,
      identity_consent_id: null,
    })
    const after = await c.get(`/referrals/${id}`)
    expect(after.body).toContain('Their name, date of birth, contact details and address have been removed')
    expect(after.body).toContain('<span data-qa="identity-consent">Withdrawn on 27 November 2026</span>')
    expect(after.body).toContain('Consent to share identity withdrawn')
    expect(after.body).toContain('Any identifying details were removed from the report.')
    const anonymousJson = JSON.parse((await c.get(`/referrals/${id}.json`)).body)
    expect(anonymousJson.data.consentToShareIdentity).toBe(false)
    expect(JSON.stringify(anonymousJson)).not.toContain('Ana Nowak')
    expect(JSON.stringify(anonymousJson)).not.toContain('07700 900456')
    const anonymousPdf = pdfText((await c.get(`/referrals/${id}.pdf`)).rawPayload)
    expect(anonymousPdf).toContain('None: a Duty to Notify report without consent is anonymous')
    expect(anonymousPdf).not.toContain('Ana Nowak')

    // Withdrawn twice is refused; given again later is allowed (consent can change, law-and-process.md §2.3).
    const again = await submitPage(c, `/referrals/${id}/identity-consent`, { type: 'withdrawn', ...at('27', '09:56') })
    expect(again.statusCode).toBe(400)
    expect(again.body).toContain(
      'Consent to share their identity has already been withdrawn: there is nothing to withdraw',
    )
    const later = await submitPage(c, `/referrals/${id}/identity-consent`, { ...identityGiven, ...at('27', '09:58') })
    expect(later.statusCode).toBe(302)
    expect((await eventsOf(t, id)).map((e) => e.type)).toEqual(['given', 'withdrawn', 'given'])
    // The name is needed again before the report can go.
    const incomplete = await c.get(`/referrals/${id}/check`)
    expect(incomplete.body).toContain('data-qa="check-problems"')
    expect(incomplete.body).toContain(`href="/referrals/${id}/section/dtn-person?return=check"`)
    expect((await submitPage(c, `/referrals/${id}/section/dtn-person`, identified)).statusCode).toBe(302)
    const ready = await c.get(`/referrals/${id}/check`)
    const sent = await c.post(`/referrals/${id}/check`, { version: versionIn(ready.body) })
    expect(sent.headers.location).toBe(`/referrals/${id}/confirmation`)

    // Once sent, the Home Office holds the report: the change is refused here, with who to contact.
    const version = String((await identityOf(t, id))?.version)
    const closed = await c.post(`/referrals/${id}/identity-consent`, {
      version,
      type: 'withdrawn',
      ...at('27', '10:00'),
    })
    expect(closed.statusCode).toBe(409)
    expect(closed.body).toContain(
      'has been sent to the Home Office, so consent to share identity can no longer be changed',
    )
    expect(closed.body).toContain('contact the Home Office')
    expect((await c.get(`/referrals/${id}/identity-consent`)).headers.location).toBe(`/referrals/${id}`)
    expect((await identityOf(t, id))?.person_name).toBe('Ana Nowak')

    const audits = await rows<{ details: Record<string, unknown> }>(
      t,
      sql`select details from audit_events where record_id = ${id} and details ? 'identityConsent' order by id`,
    )
    expect(audits.map((a) => a.details)).toEqual([
      { identityConsent: 'given' },
      { identityConsent: 'withdrawn', identityRemoved: true },
      { identityConsent: 'given' },
    ])
  })

  it('writes the consent to share identity once for the same named report sent twice through the API, and its withdrawal when an anonymous one follows', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await draftReport(t, c)
    const api = `/api/v1/referrals/${id}/duty-to-notify`

    const first = await c.json('POST', api, namedReport('2026-11-27T09:40:00Z'), asJson)
    expect(first.statusCode, first.body).toBe(200)
    const again = await c.json('POST', api, namedReport('2026-11-27T09:40:00Z'), asJson)
    expect(again.statusCode, again.body).toBe(200)
    const given = await identityEventsAt(t, id)
    expect(given).toEqual([{ id: given[0]?.id, type: 'given', at: '2026-11-27T09:40', reason: null }])
    expect(await identityOf(t, id)).toMatchObject({
      person_name: 'Ana Nowak',
      contact_phone: '07700 900456',
      identity_consent_id: given[0]?.id,
    })
    expect((await c.get(`/referrals/${id}`)).body).toContain(
      '<span data-qa="identity-consent">Given on 27 November 2026</span>',
    )

    // Sent anonymously after a named report: the identity goes, and the history says when and why.
    const anonymous = await c.json('POST', api, anonymousReport, asJson)
    expect(anonymous.statusCode, anonymous.body).toBe(200)
    expect(JSON.parse(anonymous.body).data.consentToShareIdentity).toBe(false)
    expect(await identityEventsAt(t, id)).toEqual([
      given[0],
      { id: expect.any(String), type: 'withdrawn', at: '2026-11-27T10:00', reason: 'sent anonymously through the API' },
    ])
    expect(await identityOf(t, id)).toMatchObject({
      person_name: null,
      date_of_birth: null,
      contact_phone: null,
      identity_consent_id: null,
    })
    expect((await c.json('POST', api, anonymousReport, asJson)).statusCode).toBe(200)
    expect((await identityEventsAt(t, id)).map((e) => e.type)).toEqual(['given', 'withdrawn'])
    const record = await c.get(`/referrals/${id}`)
    expect(record.body).toContain('<span data-qa="identity-consent">Withdrawn on 27 November 2026</span>')
    expect(record.body).toContain('Reason: sent anonymously through the API')

    // Consent given again must be dated after its withdrawal; the report as first sent is refused, writing nothing.
    const stale = await c.json('POST', api, namedReport('2026-11-27T09:40:00Z'), asJson)
    expect(stale.statusCode).toBe(422)
    expect(stale.headers['content-type']).toContain('application/problem+json')
    expect(JSON.parse(stale.body).errors).toEqual([
      {
        path: 'identityConsent.givenAt',
        message: expect.stringContaining('is earlier than the last answer about sharing their identity'),
      },
    ])
    expect((await identityEventsAt(t, id)).map((e) => e.type)).toEqual(['given', 'withdrawn'])
    t.clock.advance(5 * 60_000)
    const renewed = await c.json('POST', api, namedReport('2026-11-27T10:03:00Z'), asJson)
    expect(renewed.statusCode, renewed.body).toBe(200)
    const history = await identityEventsAt(t, id)
    expect(history.map((e) => e.type)).toEqual(['given', 'withdrawn', 'given'])
    expect((await identityOf(t, id))?.identity_consent_id).toBe(history[2]?.id)

    const audits = await rows<{ details: Record<string, unknown> }>(
      t,
      sql`select details from audit_events where record_id = ${id} and details ? 'viaApi' order by id`,
    )
    expect(audits.map((a) => a.details.identityConsent ?? null)).toEqual(['given', null, 'withdrawn', null, 'given'])
  })

  it('withdraws consent to share identity when a draft becomes a Duty to Notify report again without NRM consent', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await draftReport(t, c)
    expect((await submitPage(c, `/referrals/${id}/identity-consent`, identityGiven)).statusCode).toBe(302)
    expect((await submitPage(c, `/referrals/${id}/section/dtn-person`, identified)).statusCode).toBe(302)
    // Consent to the NRM referral makes the draft an NRM referral, which keeps the details it holds.
    const nrm = await submitPage(c, `/referrals/${id}/consent`, {
      type: 'given',
      ...at('27', '09:35'),
      language: 'Polish',
      interpreter: 'independent',
      wordsUsed: 'I explained the NRM again and asked if they now agree to be referred.',
    })
    expect(nrm.statusCode, nrm.body.slice(0, 2000)).toBe(302)
    expect(await rows<{ kind: string }>(t, sql`select kind from referrals where id = ${id}`)).toEqual([
      { kind: 'nrm-adult' },
    ])
    expect((await identityOf(t, id))?.person_name).toBe('Ana Nowak')

    // Withdrawn before the answer about identity (09:40): the withdrawal of that consent is dated no earlier, so the
    // history stays in order and the status has its date.
    const withdrawn = await submitPage(c, `/referrals/${id}/consent`, {
      type: 'withdrawn',
      ...at('27', '09:38'),
      reason: 'Told her support worker she no longer agrees',
    })
    expect(withdrawn.statusCode, withdrawn.body.slice(0, 2000)).toBe(302)
    expect(await identityOf(t, id)).toMatchObject({
      person_name: null,
      date_of_birth: null,
      contact_phone: null,
      address: null,
      identity_consent_id: null,
    })
    const history = await identityEventsAt(t, id)
    expect(history.map(({ type, at, reason }) => ({ type, at, reason }))).toEqual([
      { type: 'given', at: '2026-11-27T09:40', reason: null },
      {
        type: 'withdrawn',
        at: '2026-11-27T09:40',
        reason:
          'NRM consent withdrawn: a Duty to Notify report holds no identifying details without consent to share them',
      },
    ])
    const record = await c.get(`/referrals/${id}`)
    expect(record.body).toContain('<span data-qa="identity-consent">Withdrawn on 27 November 2026</span>')
    expect(record.body).toContain('Consent to share identity withdrawn')
    const [audit] = await rows<{ details: Record<string, unknown> }>(
      t,
      sql`select details from audit_events where record_id = ${id} and details ? 'kindChangedTo' order by id desc limit 1`,
    )
    expect(audit?.details).toMatchObject({
      consent: 'withdrawn',
      kindChangedTo: 'duty-to-notify',
      identityConsent: 'withdrawn',
    })

    // Without consent to share identity standing, the next change writes nothing more about it.
    const again = await submitPage(c, `/referrals/${id}/consent`, {
      type: 'given',
      ...at('27', '09:45'),
      language: 'Polish',
      interpreter: 'independent',
      wordsUsed: 'I asked again whether they agree to be referred.',
    })
    expect(again.statusCode).toBe(302)
    const back = await submitPage(c, `/referrals/${id}/consent`, { type: 'withdrawn', ...at('27', '09:50') })
    expect(back.statusCode).toBe(302)
    expect((await identityEventsAt(t, id)).map((e) => e.type)).toEqual(['given', 'withdrawn'])
  })

  it('refuses a withdrawal that has nothing to withdraw, and consent to share identity on an NRM referral', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await draftReport(t, c)
    const nothing = await submitPage(c, `/referrals/${id}/identity-consent`, {
      type: 'withdrawn',
      ...at('27', '09:45'),
    })
    expect(nothing.statusCode).toBe(400)
    expect(nothing.body).toContain('Consent to share their identity cannot be withdrawn: it has not been given')
    expect(await eventsOf(t, id)).toEqual([])

    const encounterId = await submittedEncounter(t, {
      person: { age: 34, role: 'potential-victim', language: 'Romanian' },
      consent: 'given',
    })
    await c.get(`/encounters/${encounterId}/referral/new`)
    const started = await c.post(`/encounters/${encounterId}/referral/new`, {})
    const nrmId = /\/referrals\/([0-9a-f-]{36})/.exec(String(started.headers.location))?.[1] as string
    expect((await c.get(`/referrals/${nrmId}/identity-consent`)).headers.location).toBe(`/referrals/${nrmId}`)
    const nrm = await c.get(`/referrals/${nrmId}`)
    expect(nrm.body).not.toContain('Consent to share identity')
    const refused = await c.post(`/referrals/${nrmId}/identity-consent`, {
      version: versionIn(nrm.body),
      ...identityGiven,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.body).toContain('is an NRM referral')
    expect(await eventsOf(t, nrmId)).toEqual([])
  })

  it('refuses a stale form with 409 and a form without its CSRF token with 403, writing nothing twice', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await draftReport(t, c)
    const page = await c.get(`/referrals/${id}/identity-consent`)
    const version = versionIn(page.body)
    const noToken = await c.post(`/referrals/${id}/identity-consent`, { version, ...identityGiven }, { csrf: false })
    expect(noToken.statusCode).toBe(403)
    expect(await eventsOf(t, id)).toEqual([])
    expect((await c.post(`/referrals/${id}/identity-consent`, { version, ...identityGiven })).statusCode).toBe(302)
    // The same form sent again (a double click, a retried request) names the version it read.
    const stale = await c.post(`/referrals/${id}/identity-consent`, {
      version,
      type: 'withdrawn',
      ...at('27', '09:50'),
    })
    expect(stale.statusCode).toBe(409)
    expect(stale.body).toContain('This referral has changed since you opened the page')
    expect((await eventsOf(t, id)).map((e) => e.type)).toEqual(['given'])
    expect((await identityOf(t, id))?.identity_consent_id).not.toBeNull()
  })

  it('lets no officer of another force see or record consent to share identity', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await draftReport(t, c)
    const version = versionIn((await c.get(`/referrals/${id}`)).body)
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect((await kent.get(`/referrals/${id}/identity-consent`)).statusCode).toBe(404)
    const posted = await kent.post(`/referrals/${id}/identity-consent`, { version, ...identityGiven })
    expect(posted.statusCode).toBe(404)
    const section = await kent.post(`/referrals/${id}/section/dtn-person`, { version, ...identified })
    expect(section.statusCode).toBe(404)
    expect(await eventsOf(t, id)).toEqual([])
    expect(await identityOf(t, id)).toMatchObject({ person_name: null, identity_consent_id: null })
  })
})
