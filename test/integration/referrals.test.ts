import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EncounterPatch } from '../../src/db/repositories/encounters.js'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import { LEGAL_TRANSITIONS, ReferralStatus } from '../../src/domain/referral/index.js'
import type { Ctx } from '../../src/services/context.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../../src/services/identify/encounters.js'
import { actorFromUser } from '../../src/services/identity/sign-in.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

/** Rows from a raw query, on either driver. */
async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.database.db.execute(query)
  return (result as unknown as { rows: T[] }).rows
}

async function ctxFor(t: TestApp, email: string): Promise<Ctx> {
  const found = await findUserForSignIn(t.database.db, email)
  if (!found) throw new Error(`no demo user ${email}`)
  return { actor: actorFromUser(found.user), requestId: 'test' }
}

const sign = (id: string) => ({ id, provenance: 'disclosed' as const, recordedAt: '' })

const PEOPLE = {
  adultConsents: { person: { age: 34, role: 'potential-victim', language: 'Romanian' }, consent: 'given' },
  adultDeclines: { person: { age: 29, role: 'potential-victim', language: 'Polish' }, consent: 'declined' },
  adultNotAsked: { person: { age: 40, role: 'potential-victim', language: 'Tigrinya' }, consent: 'not-asked' },
  child: { person: { age: 16, role: 'arrested', language: 'Vietnamese' } },
  ageDisputed: { person: { ageBand: 'adult', ageDisputed: true, role: 'potential-victim', language: 'Albanian' } },
} satisfies Record<string, EncounterPatch>

/** A submitted encounter made through the identify service, as an officer would through its pages. */
async function submittedEncounter(
  t: TestApp,
  email: string,
  patch: EncounterPatch,
  opts: { indicators?: string[] } = {},
): Promise<string> {
  const deps = { db: t.database.db, database: t.database, now: t.clock.now }
  const ctx = await ctxFor(t, email)
  const row = await startEncounter(deps, ctx)
  const at = new Date(t.clock.now().getTime() - 3_600_000).toISOString()
  const saved = await saveEncounterStep(deps, ctx, row.id, row.version, {
    occurredAt: at,
    location: 'Industrial estate, Leeds',
    placeType: 'car-wash',
    immediateRisk: 'no',
    interpreter: { used: true, independent: true },
    account: 'They took my passport and I work every day for no pay.',
    indicators: (opts.indicators ?? ['gen-documents-held', 'gen-wages-withheld']).map((id) => ({
      ...sign(id),
      recordedAt: at,
    })),
    ...patch,
  })
  await submitEncounter(deps, ctx, saved.id, saved.version)
  return saved.id
}

const versionIn = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? ''

/** GETs the page (fresh CSRF token and version), then POSTs the form with that version. */
async function submitPage(c: Client, url: string, form: Record<string, string | string[]>) {
  const page = await c.get(url)
  expect(page.statusCode, `GET ${url}`).toBe(200)
  return c.post(url, { version: versionIn(page.body), ...form })
}

async function startFromEncounter(c: Client, encounterId: string, form: Record<string, string> = {}) {
  const page = await c.get(`/encounters/${encounterId}/referral/new`)
  expect(page.statusCode).toBe(200)
  const res = await c.post(`/encounters/${encounterId}/referral/new`, form)
  expect(res.statusCode, res.body).toBe(302)
  const id = /\/referrals\/([0-9a-f-]{36})/.exec(String(res.headers.location))?.[1]
  expect(id).toBeDefined()
  return { id: id as string, location: String(res.headers.location) }
}

const consentGiven = {
  type: 'given',
  'at-day': '27',
  'at-month': '11',
  'at-year': '2026',
  'at-time': '09:30',
  language: 'Romanian',
  interpreter: 'independent',
  interpreterProvider: 'Language Line',
  wordsUsed: 'I explained the NRM gives safe housing, money, healthcare and legal help, and asked if they agree.',
}

const firstResponder = {
  name: 'PC Demo Response',
  role: 'Response officer, West Yorkshire Police',
  email: 'response@demo.lantern',
  phone: '0113 000 0000',
}

const adultPerson = {
  name: 'Ana Popescu',
  otherNames: 'Ana P',
  'dateOfBirth-day': '3',
  'dateOfBirth-month': '4',
  'dateOfBirth-year': '1992',
  ageStatus: 'adult',
  gender: 'female',
  nationalities: 'Romanian',
  languages: 'Romanian, English',
  interpreterNeeded: 'yes',
  phone: '07700 900123',
  address: '12 Example Street, Leeds',
}

const exploitation = {
  types: ['labour'],
  where: 'uk',
  policeForceArea: 'west-yorkshire',
  places: 'Hand car wash, Kirkstall Road, Leeds',
  'startedOn-day': '1',
  'startedOn-month': '6',
  'startedOn-year': '2026',
  ongoing: 'no',
  'endedOn-day': '26',
  'endedOn-month': '11',
  'endedOn-year': '2026',
}

const account = {
  account: 'They took my passport and made me work every day at the car wash for no pay.',
  exploiters: 'The boss, called Marius\nA man who drives the van',
}

const needs = { immediateRisk: 'no', accommodationNeeded: 'yes', medicalNeeds: 'Back pain' }
const supportRequested = {
  emergencyAccommodation: 'yes',
  emergencyAccommodationReason: 'no-safe-housing',
  placeOfSafety: 'no',
  msvcc: ['safe-accommodation', 'specialist-legal-advice'],
}
const agencies = { crimeReference: '13/123456/26', others: 'Salvation Army' }

const safeguarding = {
  localAuthority: 'Leeds City Council children’s services',
  'referredAt-day': '27',
  'referredAt-month': '11',
  'referredAt-year': '2026',
  'referredAt-time': '08:15',
  method: 'phone',
  reference: 'LCC-5521',
  madeBy: 'PC Demo Response',
}

const childPerson = {
  name: 'Minh Nguyen',
  estimatedAge: '16',
  ageStatus: 'child',
  gender: 'male',
  nationalities: 'Vietnamese',
  languages: 'Vietnamese',
  interpreterNeeded: 'yes',
}

const kinds = await testDatabaseKinds()

async function fillAdultNrm(c: Client, id: string, overrides: Record<string, Record<string, string | string[]>> = {}) {
  for (const [section, base] of [
    ['first-responder', firstResponder],
    ['person', adultPerson],
    ['exploitation', exploitation],
    ['account', account],
    ['needs', needs],
    ['support-requested', supportRequested],
    ['agencies', agencies],
  ] as const) {
    const form = { ...base, ...overrides[section] }
    const res = await submitPage(c, `/referrals/${id}/section/${section}`, form)
    expect(res.statusCode, `${section}: ${res.body.slice(0, 3000)}`).toBe(302)
  }
}

async function submittedAdultReferral(
  t: TestApp,
  c: Client,
  overrides: Record<string, Record<string, string | string[]>> = {},
  email: string = DEMO.response,
) {
  const encounterId = await submittedEncounter(t, email, PEOPLE.adultConsents)
  const { id } = await startFromEncounter(c, encounterId)
  const today = t.clock.now()
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
  }).formatToParts(today)
  const get = (k: string) => parts.find((p) => p.type === k)?.value ?? ''
  const at = { 'at-day': get('day'), 'at-month': get('month'), 'at-year': get('year'), 'at-time': '00:01' }
  expect((await submitPage(c, `/referrals/${id}/consent`, { ...consentGiven, ...at })).statusCode).toBe(302)
  await fillAdultNrm(c, id, overrides)
  const check = await c.get(`/referrals/${id}/check`)
  const res = await c.post(`/referrals/${id}/check`, { version: versionIn(check.body) })
  expect(res.headers.location, res.body.slice(0, 2000)).toBe(`/referrals/${id}/confirmation`)
  return { id, encounterId }
}

async function decide(c: Client, id: string, form: Record<string, string>) {
  const page = await c.get(`/referrals/${id}/decisions/new?type=${form.type}`)
  return c.post(`/referrals/${id}/decisions/new`, { version: versionIn(page.body), ...form })
}

const onDate = (prefix: string, iso: string) => ({
  [`${prefix}-day`]: String(Number(iso.slice(8, 10))),
  [`${prefix}-month`]: String(Number(iso.slice(5, 7))),
  [`${prefix}-year`]: iso.slice(0, 4),
})

async function submittedDtn(t: TestApp, c: Client) {
  const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.adultDeclines)
  const { id } = await startFromEncounter(c, encounterId)
  expect((await submitPage(c, `/referrals/${id}/consent`, { ...consentGiven, type: 'declined' })).statusCode).toBe(302)
  return { id, encounterId }
}

async function versionOf(t: TestApp, id: string): Promise<string> {
  const [row] = await rows<{ version: number }>(t, sql`select version from referrals where id = ${id}`)
  return String(row?.version)
}

/** The refusal a database constraint gives, from either driver's error. */
async function refusedBy(run: Promise<unknown>): Promise<string> {
  try {
    await run
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string; constraint?: string } }
    return `${err.message ?? ''} ${err.cause?.message ?? ''} ${err.cause?.constraint ?? ''}`
  }
  return 'not refused'
}

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

describe.each(kinds)('referrals on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('refers an adult who consents: consent, the form sections, check, submit, tasks and crime to record', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.adultConsents)
    const before = await c.get(`/encounters/${encounterId}`)
    expect(before.body).toContain(`href="/encounters/${encounterId}/referral/new"`)

    const { id, location } = await startFromEncounter(c, encounterId)
    expect(location).toBe(`/referrals/${id}/consent`)
    // A second start (double click) returns the same referral.
    const again = await c.post(`/encounters/${encounterId}/referral/new`, {})
    expect(again.headers.location).toBe(`/referrals/${id}`)

    // The form waits for consent.
    const blocked = await submitPage(c, `/referrals/${id}/section/first-responder`, firstResponder)
    expect(blocked.statusCode).toBe(409)
    expect(blocked.body).toContain('Record the person’s informed consent to the NRM referral first')

    const noWords = await submitPage(c, `/referrals/${id}/consent`, { ...consentGiven, wordsUsed: '' })
    expect(noWords.statusCode).toBe(400)
    expect(noWords.body).toContain('Enter the words you used to explain the NRM and ask for consent')
    const future = await submitPage(c, `/referrals/${id}/consent`, { ...consentGiven, 'at-year': '2027' })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('in the future')

    const consent = await submitPage(c, `/referrals/${id}/consent`, consentGiven)
    expect(consent.headers.location).toBe(`/referrals/${id}/section/first-responder`)
    await fillAdultNrm(c, id)

    const check = await c.get(`/referrals/${id}/check`)
    expect(check.statusCode).toBe(200)
    expect(check.body).toContain('Ana Popescu')
    expect(check.body).toContain('Language Line')
    expect(check.body).toContain('Kirkstall Road')
    const version = versionIn(check.body)
    const submitted = await c.post(`/referrals/${id}/check`, { version })
    expect(submitted.headers.location).toBe(`/referrals/${id}/confirmation`)
    // The same form sent again (double click, retried request) writes nothing twice.
    const twice = await c.post(`/referrals/${id}/check`, { version })
    expect(twice.headers.location).toBe(`/referrals/${id}/confirmation`)
    const confirmation = await c.get(`/referrals/${id}/confirmation`)
    expect(confirmation.body).toContain('NRM referral submitted')

    const [row] = await rows<{
      status: string
      referral_rules: string
      calendar_rules: string
      rg_target: { dueDate: string }
    }>(t, sql`select status, referral_rules, calendar_rules, rg_target from referrals where id = ${id}`)
    expect(row?.status).toBe('submitted')
    expect(row?.referral_rules).toBe('nrm-rules.2023-07-24')
    expect(row?.calendar_rules).toMatch(/^working-days\.v1\+one-off-changes\./)
    // Submitted on Friday 27 November 2026: 5 working days later is Friday 4 December.
    expect(row?.rg_target.dueDate).toBe('2026-12-04')
    const tasks = await rows<{ kind: string; due_at: string }>(
      t,
      sql`select kind, due_at from tasks where subject_id = ${id} and status = 'open' order by kind`,
    )
    expect(tasks.map((x) => x.kind)).toEqual(['chase-rg-decision'])
    const crime = await rows<{ trigger: string }>(t, sql`select trigger from crime_records where subject_id = ${id}`)
    expect(crime.map((x) => x.trigger)).toEqual(['nrm-referral-made'])
    const submits = await rows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_events where record_id = ${id} and details->>'submitted' = 'true'`,
    )
    expect(submits[0]?.n).toBe(1)

    // The encounter's actions now point at the referral.
    const record = await c.get(`/encounters/${encounterId}`)
    expect(record.body).toContain(`href="/referrals/${id}"`)
    expect(record.body).toContain('Referred (REF-')
  })

  it('records the Home Office reference, the decisions and the recovery period, and refuses bad dates', async () => {
    const c = await signIn(t.app, DEMO.response)
    const { id } = await submittedAdultReferral(t, c)

    const early = await decide(c, id, { type: 'rg', outcome: 'positive', ...onDate('decidedOn', '2026-11-27') })
    expect(early.statusCode).toBe(409)
    expect(early.body).toContain(
      'Recording a Reasonable Grounds decision is not possible: the referral has been submitted but has no Home Office reference yet: record the Home Office reference first',
    )
    const ref = await submitPage(c, `/referrals/${id}/reference`, { homeOfficeReference: 'NRM-26-000123' })
    expect(ref.headers.location).toBe(`/referrals/${id}`)
    // The same reference sent again changes nothing.
    expect(
      (await c.post(`/referrals/${id}/reference`, { version: '1', homeOfficeReference: 'NRM-26-000123' })).statusCode,
    ).toBe(302)

    const cgFirst = await decide(c, id, {
      type: 'cg',
      outcome: 'human-trafficking',
      ...onDate('decidedOn', '2026-11-27'),
    })
    expect(cgFirst.statusCode).toBe(409)
    expect(cgFirst.body).toContain('a positive Reasonable Grounds decision comes first')
    const future = await decide(c, id, { type: 'rg', outcome: 'positive', ...onDate('decidedOn', '2026-12-01') })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('A decision cannot be dated 2026-12-01, which is in the future')
    const before = await decide(c, id, { type: 'rg', outcome: 'positive', ...onDate('decidedOn', '2026-11-20') })
    expect(before.statusCode).toBe(400)
    expect(before.body).toContain('cannot be before the referral (2026-11-27)')
    const notADate = await decide(c, id, { type: 'rg', outcome: 'positive', ...onDate('decidedOn', '2026-02-30') })
    expect(notADate.body).toContain('The date of the decision must be a real date')

    expect(
      (await decide(c, id, { type: 'rg', outcome: 'positive', ...onDate('decidedOn', '2026-11-27') })).statusCode,
    ).toBe(302)
    const [afterRg] = await rows<{ status: string; recovery_period: Record<string, unknown> }>(
      t,
      sql`select status, recovery_period from referrals where id = ${id}`,
    )
    expect(afterRg?.status).toBe('rg-positive')
    expect(afterRg?.recovery_period).toMatchObject({
      startsOn: '2026-11-27',
      minimumDays: 30,
      endsOn: '2026-12-27',
      referralRules: 'nrm-rules.2023-07-24',
    })
    const page = await c.get(`/referrals/${id}`)
    expect(page.body).toContain('At least 30 days from the positive Reasonable Grounds decision')
    expect(page.body).toContain('Rule version nrm-rules.2023-07-24')
    const tasks = await rows<{ kind: string; status: string }>(
      t,
      sql`select kind, status from tasks where subject_id = ${id} order by kind`,
    )
    expect(tasks).toEqual([
      { kind: 'chase-rg-decision', status: 'done' },
      { kind: 'recovery-period-ending', status: 'open' },
    ])

    const cgBeforeRg = await decide(c, id, {
      type: 'cg',
      outcome: 'human-trafficking',
      ...onDate('decidedOn', '2026-11-26'),
    })
    expect(cgBeforeRg.statusCode).toBe(400)
    expect(cgBeforeRg.body).toContain(
      'The Conclusive Grounds decision (2026-11-26) cannot be before the Reasonable Grounds decision (2026-11-27)',
    )
    const tooSoon = await c.post(`/referrals/${id}/recovery-period-ended`, { version: versionIn(page.body) })
    expect(tooSoon.statusCode).toBe(400)
    expect(tooSoon.body).toContain('The recovery period runs until 2026-12-27')

    t.clock.advance(31 * 86_400_000)
    try {
      const c2 = await signIn(t.app, DEMO.response)
      const ended = await c2.post(`/referrals/${id}/recovery-period-ended`, {
        version: versionIn((await c2.get(`/referrals/${id}`)).body),
      })
      expect(ended.statusCode).toBe(302)
      const cg = await decide(c2, id, {
        type: 'cg',
        outcome: 'human-trafficking',
        ...onDate('decidedOn', '2026-12-28'),
      })
      expect(cg.statusCode).toBe(302)
      const recon = await decide(c2, id, {
        type: 'reconsideration',
        grounds: 'New evidence',
        ...onDate('decidedOn', '2026-12-28'),
      })
      expect(recon.statusCode).toBe(409)
      expect(recon.body).toContain('Asking for reconsideration is not possible')
      const [final] = await rows<{ status: string }>(t, sql`select status from referrals where id = ${id}`)
      expect(final?.status).toBe('cg-positive-trafficking')
      const open = await rows<{ kind: string }>(
        t,
        sql`select kind from tasks where subject_id = ${id} and status = 'open'`,
      )
      expect(open).toEqual([])

      const json = await c2.get(`/referrals/${id}.json`)
      expect(json.statusCode).toBe(200)
      const doc = JSON.parse(json.body)
      expect(doc.homeOfficeReference).toBe('NRM-26-000123')
      expect(doc.data.person.name).toBe('Ana Popescu')
      expect(doc.sections.map((x: { key: string }) => x.key)).toEqual([
        'firstResponder',
        'kind',
        'consent',
        'person',
        'exploitation',
        'needsAndRisks',
        'supportRequested',
        'agencies',
      ])
      expect(doc.decisions.map((d: { type: string }) => d.type)).toEqual(['rg', 'cg'])
      const pdf = await c2.get(`/referrals/${id}.pdf`)
      expect(pdf.statusCode).toBe(200)
      expect(pdf.headers['content-type']).toBe('application/pdf')
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
      const exports = await rows<{ details: { format: string } }>(
        t,
        sql`select details from audit_events where record_id = ${id} and action = 'export' order by id`,
      )
      expect(exports.map((e) => e.details.format)).toEqual(['json', 'pdf'])
    } finally {
      t.clock.advance(-31 * 86_400_000)
    }
  })

  it('makes an anonymous Duty to Notify report for an adult who declines, then an NRM referral when they agree later', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.adultDeclines)
    const { id } = await startFromEncounter(c, encounterId)
    const declined = await submitPage(c, `/referrals/${id}/consent`, {
      ...consentGiven,
      type: 'declined',
      language: 'Polish',
      reason: 'Afraid of what the boss will do',
    })
    expect(declined.headers.location).toBe(`/referrals/${id}/section/first-responder`)
    const record = await c.get(`/referrals/${id}`)
    expect(record.body).toContain('Duty to Notify report')
    expect(record.body).toContain('Without consent, this is now an anonymous Duty to Notify report.')

    // The report has no page for the person's identity, and the service refuses it.
    expect((await c.get(`/referrals/${id}/section/person`)).headers.location).toBe(`/referrals/${id}`)
    const identity = await c.post(`/referrals/${id}/section/person`, {
      version: versionIn(record.body),
      ...adultPerson,
    })
    expect(identity.statusCode).toBe(409)
    expect(identity.body).toContain('A Duty to Notify report cannot hold the person’s name')

    for (const [section, form] of [
      ['first-responder', firstResponder],
      ['dtn-person', { gender: 'male', ageAtExploitation: '29', nationalities: 'Polish' }],
      ['exploitation', exploitation],
      ['account', account],
    ] as const) {
      const res = await submitPage(c, `/referrals/${id}/section/${section}`, form)
      expect(res.statusCode, `${section}: ${res.body.slice(0, 2000)}`).toBe(302)
    }
    const check = await c.get(`/referrals/${id}/check`)
    expect(check.body).toContain('None: a Duty to Notify report without consent is anonymous')
    expect((await c.post(`/referrals/${id}/check`, { version: versionIn(check.body) })).headers.location).toBe(
      `/referrals/${id}/confirmation`,
    )
    const [row] = await rows<{ kind: string; status: string; person_name: string | null }>(
      t,
      sql`select kind, status, person_name from referrals where id = ${id}`,
    )
    expect(row).toEqual({ kind: 'duty-to-notify', status: 'submitted', person_name: null })
    // A Duty to Notify report the force made itself raises no crime-to-record task (crime-recording.ts).
    expect(await rows(t, sql`select id from crime_records where subject_id = ${id}`)).toEqual([])
    const open = await rows<{ kind: string }>(
      t,
      sql`select kind from tasks where subject_id = ${id} and status = 'open'`,
    )
    expect(open.map((x) => x.kind)).toEqual(['revisit-consent'])
    const encounter = await c.get(`/encounters/${encounterId}`)
    expect(encounter.body).toContain('Reported (REF-')

    // Consent given later: the history keeps both answers, and an NRM referral can follow the report.
    const later = await submitPage(c, `/referrals/${id}/consent`, { ...consentGiven, language: 'Polish' })
    expect(later.headers.location).toBe(`/referrals/${id}`)
    const after = await c.get(`/referrals/${id}`)
    expect(after.body).toContain('data-qa="follow-on"')
    expect(after.body).toContain('Consent declined')
    expect(after.body).toContain('Consent given')
    const follow = await c.post(`/referrals/${id}/nrm-referral`, {})
    const nrmId = /\/referrals\/([0-9a-f-]{36})/.exec(String(follow.headers.location))?.[1] as string
    expect(nrmId).not.toBe(id)
    const [nrm] = await rows<{ kind: string; follows_referral_id: string }>(
      t,
      sql`select kind, follows_referral_id from referrals where id = ${nrmId}`,
    )
    expect(nrm).toEqual({ kind: 'nrm-adult', follows_referral_id: id })
    const copied = await rows<{ type: string }>(
      t,
      sql`select type from referral_consent_events where referral_id = ${nrmId} order by at`,
    )
    expect(copied.map((x) => x.type)).toEqual(['declined', 'given'])
    // Starting it twice gives the same referral.
    expect((await c.post(`/referrals/${id}/nrm-referral`, {})).headers.location).toBe(`/referrals/${nrmId}`)
    const revisit = await rows<{ status: string }>(
      t,
      sql`select status from tasks where subject_id = ${id} and kind = 'revisit-consent'`,
    )
    expect(revisit.map((x) => x.status)).toEqual(['done'])
  })

  it('turns a draft into an anonymous report when consent is withdrawn, removing what identifies the person', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.adultNotAsked)
    const before = await c.get(`/encounters/${encounterId}`)
    expect(before.body).toContain('data-action-code="ask-consent"')
    const { id } = await startFromEncounter(c, encounterId)
    expect((await submitPage(c, `/referrals/${id}/consent`, consentGiven)).statusCode).toBe(302)
    expect((await submitPage(c, `/referrals/${id}/section/person`, adultPerson)).statusCode).toBe(302)
    // Declining after consenting is a withdrawal: the domain says which to record.
    const wrong = await submitPage(c, `/referrals/${id}/consent`, { ...consentGiven, type: 'declined' })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.body).toContain('The person had consented: record that they withdrew consent')
    const withdrawn = await submitPage(c, `/referrals/${id}/consent`, {
      type: 'withdrawn',
      'at-day': '27',
      'at-month': '11',
      'at-year': '2026',
      'at-time': '09:45',
      reason: 'Told their support worker they no longer agree',
    })
    expect(withdrawn.statusCode).toBe(302)
    const page = await c.get(`/referrals/${id}`)
    expect(page.body).toContain('The name, date of birth and contact details you entered have been removed')
    const [row] = await rows<Record<string, unknown>>(
      t,
      sql`select kind, person_name, date_of_birth, contact_phone, address, other_names from referrals where id = ${id}`,
    )
    expect(row).toEqual({
      kind: 'duty-to-notify',
      person_name: null,
      date_of_birth: null,
      contact_phone: null,
      address: null,
      other_names: null,
    })
    const encounter = await c.get(`/encounters/${encounterId}`)
    expect(encounter.body).toContain('Consent withdrawn')
  })

  it('safeguards a child first, asks no consent and never allows a Duty to Notify report', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.child, {
      indicators: ['gen-debt', 'gen-not-free-to-leave'],
    })
    const start = await c.get(`/encounters/${encounterId}/referral/new`)
    expect(start.body).toContain('a Duty to Notify report is not possible')
    expect(start.body).not.toContain('data-kind="duty-to-notify"')
    const { id, location } = await startFromEncounter(c, encounterId)
    expect(location).toBe(`/referrals/${id}/safeguarding`)

    const early = await submitPage(c, `/referrals/${id}/section/first-responder`, firstResponder)
    expect(early.statusCode).toBe(409)
    expect(early.body).toContain('Record the safeguarding referral to the local authority first')
    expect((await c.get(`/referrals/${id}/consent`)).headers.location).toBe(`/referrals/${id}`)
    const consent = await c.post(`/referrals/${id}/consent`, { version: versionIn(early.body), ...consentGiven })
    expect(consent.statusCode).toBe(400)
    expect(consent.body).toContain('A child is referred without asking for consent')
    const api = await c.json(
      'POST',
      `/api/v1/referrals/${id}/duty-to-notify`,
      { consentToShareIdentity: false },
      {
        'content-type': 'application/json',
      },
    )
    expect(api.statusCode).toBe(409)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(JSON.parse(api.body).detail).toContain('is an NRM referral, not a Duty to Notify report')

    const future = await submitPage(c, `/referrals/${id}/safeguarding`, { ...safeguarding, 'referredAt-year': '2027' })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The safeguarding referral cannot be dated in the future')
    const saved = await submitPage(c, `/referrals/${id}/safeguarding`, safeguarding)
    expect(saved.headers.location).toBe(`/referrals/${id}/section/first-responder`)
    const asAdult = await submitPage(c, `/referrals/${id}/section/person`, { ...childPerson, ageStatus: 'adult' })
    expect(asAdult.statusCode).toBe(302)
    for (const [section, form] of [
      ['first-responder', firstResponder],
      ['exploitation', { ...exploitation, types: ['criminal'] }],
      ['account', account],
      ['needs', needs],
      ['support-requested', { emergencyAccommodation: 'no', placeOfSafety: 'no' }],
      ['agencies', { localAuthority: 'Leeds City Council' }],
    ] as [string, Record<string, string | string[]>][]) {
      expect((await submitPage(c, `/referrals/${id}/section/${section}`, form)).statusCode).toBe(302)
    }
    // Recorded as an adult, the child referral cannot be submitted: the domain names the fix.
    const check = await c.get(`/referrals/${id}/check`)
    const refused = await c.post(`/referrals/${id}/check`, { version: versionIn(check.body) })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain(
      'The person is recorded as an adult: make an adult NRM referral with their consent, or correct the age status',
    )
    expect((await submitPage(c, `/referrals/${id}/section/person`, childPerson)).statusCode).toBe(302)
    const check2 = await c.get(`/referrals/${id}/check`)
    expect(check2.body).toContain('Leeds City Council children’s services')
    expect((await c.post(`/referrals/${id}/check`, { version: versionIn(check2.body) })).statusCode).toBe(302)
    const crime = await rows<{ trigger: string }>(t, sql`select trigger from crime_records where subject_id = ${id}`)
    expect(crime.map((x) => x.trigger)).toEqual(['nrm-referral-made'])
    const encounter = await c.get(`/encounters/${encounterId}`)
    expect(encounter.body).toContain('Referred to Leeds City Council children’s services on 27 November 2026')
    expect(encounter.body).toContain(`href="/referrals/${id}/safeguarding"`)
  })

  it('treats a person whose age is disputed as a child', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.ageDisputed)
    const { id, location } = await startFromEncounter(c, encounterId)
    expect(location).toBe(`/referrals/${id}/safeguarding`)
    const [row] = await rows<{ kind: string; age_status: string }>(
      t,
      sql`select kind, age_status from referrals where id = ${id}`,
    )
    expect(row).toEqual({ kind: 'nrm-child', age_status: 'age-disputed' })
  })

  it('never blocks a referral: with no signs recorded the officer gives a reason', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.adultNotAsked, { indicators: [] })
    const page = await c.get(`/encounters/${encounterId}/referral/new`)
    expect(page.body).toContain('Why are you referring?')
    const refused = await c.post(`/encounters/${encounterId}/referral/new`, {})
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('Say why you are referring although no signs were recorded')
    expect(await rows(t, sql`select id from referrals where encounter_id = ${encounterId}`)).toEqual([])
    const { id } = await startFromEncounter(c, encounterId, {
      reason: 'She whispered that she is not allowed to leave',
    })
    const [row] = await rows<{ referral_reason: string }>(
      t,
      sql`select referral_reason from referrals where id = ${id}`,
    )
    expect(row?.referral_reason).toBe('She whispered that she is not allowed to leave')
  })

  it('refuses identifying details on a Duty to Notify report in the database itself, whatever writes the row', async () => {
    const [user] = await rows<{ id: string }>(t, sql`select id from users where email = ${DEMO.response}`)
    const uid = user?.id as string
    const insert = (
      ref: string,
      columns: ReturnType<typeof sql>,
      values: ReturnType<typeof sql>,
      kind = 'duty-to-notify',
      age = 'adult',
    ) =>
      t.database.db.execute(
        sql`insert into referrals (force_id, origin_force_id, reference, kind, age_status, created_by, created_at, updated_at, ${columns})
            values ('west-yorkshire', 'west-yorkshire', ${ref}, ${kind}, ${age}, ${uid}, now(), now(), ${values})`,
      )
    const identifying: [string, ReturnType<typeof sql>, ReturnType<typeof sql>][] = [
      ['name', sql.raw('person_name'), sql`${'Ana Popescu'}`],
      ['date of birth', sql.raw('date_of_birth'), sql`${'1992-04-03'}`],
      ['phone', sql.raw('contact_phone'), sql`${'07700 900123'}`],
      ['email', sql.raw('contact_email'), sql`${'ana@example.com'}`],
      ['address', sql.raw('address'), sql`${'12 Example Street'}`],
      ['other names', sql.raw('other_names'), sql`${'["Ana P"]'}::jsonb`],
      ['photographs', sql.raw('photographs'), sql`${'[{"fileId":"f1","takenAt":null}]'}::jsonb`],
      ['contact preferences', sql.raw('contact_preferences'), sql`${'{"methods":[]}'}::jsonb`],
      ['a name inside the person section', sql.raw('person'), sql`${'{"gender":"female","name":"Ana"}'}::jsonb`],
    ]
    for (const [what, column, value] of identifying) {
      const refused = await refusedBy(insert(`RAW-${what}`, column, value))
      expect(refused, what).toContain('referrals_dtn_anonymous_without_consent')
    }
    // The same details are fine on an NRM referral, and an anonymous report is fine.
    await insert('RAW-NRM', sql.raw('person_name'), sql`${'Ana Popescu'}`, 'nrm-adult')
    await insert('RAW-ANON', sql.raw('person'), sql`${'{"gender":"female","nationalities":["Polish"]}'}::jsonb`)
    // Changing a stored anonymous report to add a name is refused too.
    const update = await refusedBy(
      t.database.db.execute(sql`update referrals set person_name = 'Ana Popescu' where reference = 'RAW-ANON'`),
    )
    expect(update).toContain('referrals_dtn_anonymous_without_consent')
    // A report about a child, or a possible child, cannot exist.
    const child = await refusedBy(
      insert('RAW-CHILD', sql.raw('person'), sql`${'{}'}::jsonb`, 'duty-to-notify', 'age-disputed'),
    )
    expect(child).toContain('referrals_dtn_adults_only')
    // With the person's recorded consent to share their identity, the report may name them (s52(3)).
    const [anon] = await rows<{ id: string }>(t, sql`select id from referrals where reference = 'RAW-ANON'`)
    const [consent] = await rows<{ id: string }>(
      t,
      sql`insert into referral_consent_events (referral_id, force_id, scope, type, at, recorded_by, language, interpreter_used, words_used, created_at)
          values (${anon?.id}, 'west-yorkshire', 'share-identity', 'given', now(), 'PC Demo', 'English', false, 'May we give your name?', now()) returning id`,
    )
    await t.database.db.execute(
      sql`update referrals set person_name = 'Ana Popescu', identity_consent_id = ${consent?.id} where id = ${anon?.id}`,
    )
    const [named] = await rows<{ person_name: string }>(
      t,
      sql`select person_name from referrals where id = ${anon?.id}`,
    )
    expect(named?.person_name).toBe('Ana Popescu')
  })

  it('refuses identifying data sent to a Duty to Notify report through the API, with problem details, writing nothing', async () => {
    const c = await signIn(t.app, DEMO.response)
    const { id } = await submittedDtn(t, c)
    const json = { 'content-type': 'application/json' }
    const named = await c.json(
      'POST',
      `/api/v1/referrals/${id}/duty-to-notify`,
      { ...anonymousReport, name: 'Ana Popescu' },
      json,
    )
    expect(named.statusCode).toBe(422)
    expect(named.headers['content-type']).toContain('application/problem+json')
    const problem = JSON.parse(named.body)
    expect(problem.title).toBe('The Duty to Notify report is not valid')
    expect(problem.errors[0]).toMatchObject({ path: 'name' })
    expect(problem.errors[0].message).toContain(
      "A Duty to Notify report cannot hold the person's name unless they consent to share their identity (Modern Slavery Act 2015 s52(3))",
    )
    const dob = await c.json(
      'POST',
      `/api/v1/referrals/${id}/duty-to-notify`,
      { ...anonymousReport, dateOfBirth: '1992-04-03', passportNumber: 'X1' },
      json,
    )
    expect(dob.statusCode).toBe(422)
    expect(dob.body).toContain('passportNumber')
    const [untouched] = await rows<{ first_responder: unknown; person_name: unknown; version: number }>(
      t,
      sql`select first_responder, person_name, version from referrals where id = ${id}`,
    )
    expect(untouched?.first_responder).toBeNull()
    expect(untouched?.person_name).toBeNull()
    expect(
      (
        await c.json('POST', `/api/v1/referrals/${id}/duty-to-notify`, anonymousReport, {
          'content-type': 'text/plain',
        })
      ).statusCode,
    ).toBe(415)

    const ok = await c.json('POST', `/api/v1/referrals/${id}/duty-to-notify`, anonymousReport, json)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(JSON.parse(ok.body).data).toMatchObject({
      consentToShareIdentity: false,
      gender: 'female',
      nationalities: ['Polish'],
    })
    expect(JSON.parse(ok.body).data.name).toBeUndefined()
    // The same report again gives the same record.
    expect((await c.json('POST', `/api/v1/referrals/${id}/duty-to-notify`, anonymousReport, json)).statusCode).toBe(200)

    const identified = await c.json(
      'POST',
      `/api/v1/referrals/${id}/duty-to-notify`,
      {
        ...anonymousReport,
        consentToShareIdentity: true,
        identityConsent: {
          givenAt: '2026-11-27T09:00:00Z',
          recordedBy: 'PC Demo',
          conversation: {
            language: 'Polish',
            interpreter: { used: true, independent: true },
            wordsUsed: 'May we give your name to the Home Office?',
          },
        },
        name: 'Ana Nowak',
        dateOfBirth: '1995-01-02',
      },
      json,
    )
    expect(identified.statusCode, identified.body).toBe(200)
    const [row] = await rows<{ person_name: string; identity_consent_id: string | null }>(
      t,
      sql`select person_name, identity_consent_id from referrals where id = ${id}`,
    )
    expect(row?.person_name).toBe('Ana Nowak')
    expect(row?.identity_consent_id).not.toBeNull()
  })

  it('refuses every illegal lifecycle move with a specific message and changes nothing', async () => {
    const c = await signIn(t.app, DEMO.response)
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const { id } = await submittedAdultReferral(t, c)
    const attempts: Record<string, (v: string) => Promise<{ statusCode: number; body: string }>> = {
      'record-reference': (v) => c.post(`/referrals/${id}/reference`, { version: v, homeOfficeReference: 'NRM-OTHER' }),
      'rg-decision': (v) =>
        c.post(`/referrals/${id}/decisions/new`, {
          version: v,
          type: 'rg',
          outcome: 'positive',
          ...onDate('decidedOn', '2026-11-27'),
        }),
      'cg-decision': (v) =>
        c.post(`/referrals/${id}/decisions/new`, {
          version: v,
          type: 'cg',
          outcome: 'insufficient-evidence',
          ...onDate('decidedOn', '2026-11-27'),
        }),
      'request-reconsideration': (v) =>
        c.post(`/referrals/${id}/decisions/new`, {
          version: v,
          type: 'reconsideration',
          grounds: 'New evidence',
          ...onDate('decidedOn', '2026-11-27'),
        }),
      'recovery-period-ended': (v) => c.post(`/referrals/${id}/recovery-period-ended`, { version: v }),
      transfer: (v) => supervisor.post(`/referrals/${id}/transfer`, { version: v, toForceId: 'kent' }),
      withdraw: (v) => c.post(`/referrals/${id}/withdraw`, { version: v, reason: 'Test' }),
    }
    await c.get(`/referrals/${id}/reference`)
    await supervisor.get(`/referrals/${id}`)
    let checked = 0
    for (const status of ReferralStatus.options) {
      await t.database.db.execute(sql`update referrals set status = ${status} where id = ${id}`)
      for (const [event, attempt] of Object.entries(attempts)) {
        const legal = (
          LEGAL_TRANSITIONS.nrm[event as keyof typeof LEGAL_TRANSITIONS.nrm] as readonly string[]
        ).includes(status)
        if (legal) continue
        const version = await versionOf(t, id)
        const res = await attempt(version)
        expect(res.statusCode, `${event} from ${status}`).toBe(409)
        expect(res.body, `${event} from ${status}`).toMatch(/is not possible: the referral (is|has)/)
        const [after] = await rows<{ status: string; version: number }>(
          t,
          sql`select status, version from referrals where id = ${id}`,
        )
        expect(after, `${event} from ${status}`).toEqual({ status, version: Number(version) })
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(40)

    const dtn = await submittedDtn(t, c)
    await t.database.db.execute(sql`update referrals set status = 'notified' where id = ${dtn.id}`)
    const rg = await c.post(`/referrals/${dtn.id}/decisions/new`, {
      version: await versionOf(t, dtn.id),
      type: 'rg',
      outcome: 'positive',
      ...onDate('decidedOn', '2026-11-27'),
    })
    expect(rg.statusCode).toBe(409)
    expect(rg.body).toContain(
      'Recording a Reasonable Grounds decision is not possible for a Duty to Notify report: only NRM referrals get Reasonable and Conclusive Grounds decisions',
    )
  })

  it('transfers a referral to the force where the exploitation happened: the other force reads it only after', async () => {
    const c = await signIn(t.app, DEMO.response)
    const { id, encounterId } = await submittedAdultReferral(t, c)
    expect((await submitPage(c, `/referrals/${id}/reference`, { homeOfficeReference: 'NRM-26-TR1' })).statusCode).toBe(
      302,
    )
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect((await kent.get(`/referrals/${id}`)).statusCode).toBe(404)
    expect((await kent.get(`/referrals/${id}.json`)).statusCode).toBe(404)
    expect((await kent.get('/referrals')).body).not.toContain(id)

    // Only a supervisor or the force lead may transfer.
    expect((await c.get(`/referrals/${id}/transfer`)).statusCode).toBe(403)
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const own = await submitPage(supervisor, `/referrals/${id}/transfer`, { toForceId: 'west-yorkshire' })
    expect(own.statusCode).toBe(400)
    expect(own.body).toContain('The referral is already with your force: select another force')
    const sent = await submitPage(supervisor, `/referrals/${id}/transfer`, {
      toForceId: 'kent',
      note: 'Exploitation was at a farm near Ashford',
    })
    expect(sent.headers.location).toBe(`/referrals/${id}`)

    // The receiving force now sees it, with a task to review it and the RG chase.
    const received = await kent.get(`/referrals/${id}`)
    expect(received.statusCode).toBe(200)
    expect(received.body).toContain('Transferred in')
    expect(received.body).toContain('Exploitation was at a farm near Ashford')
    const kentList = await kent.get('/referrals')
    expect(kentList.body).toContain(`href="/referrals/${id}"`)
    expect(kentList.body).toContain('Transferred in: review')
    const kentTasks = await rows<{ kind: string; status: string }>(
      t,
      sql`select kind, status from tasks where subject_id = ${id} and force_id = 'kent' order by kind`,
    )
    expect(kentTasks).toEqual([
      { kind: 'chase-rg-decision', status: 'open' },
      { kind: 'review-transfer', status: 'open' },
    ])
    const wyTasks = await rows<{ kind: string; status: string; outcome: string }>(
      t,
      sql`select kind, status, outcome from tasks where subject_id = ${id} and force_id = 'west-yorkshire' and kind = 'chase-rg-decision'`,
    )
    expect(wyTasks).toEqual([{ kind: 'chase-rg-decision', status: 'done', outcome: 'transferred to Kent Police' }])

    // The sending force keeps a read-only record without the person's details.
    const kept = await c.get(`/referrals/${id}`)
    expect(kept.statusCode).toBe(200)
    expect(kept.body).toContain('Transferred to Kent Police')
    expect(kept.body).not.toContain('Ana Popescu')
    expect((await c.get(`/referrals/${id}.json`)).body).not.toContain('Ana Popescu')
    expect((await c.get(`/referrals/${id}/section/person`)).statusCode).toBe(200)
    expect((await c.get(`/referrals/${id}/section/person`)).body).not.toContain('Ana Popescu')
    const wyList = await c.get('/referrals')
    expect(wyList.body).toContain('Transferred to other forces')
    const encounter = await c.get(`/encounters/${encounterId}`)
    expect(encounter.body).toContain('Referred, then transferred to Kent Police')
    const decision = await c.post(`/referrals/${id}/decisions/new`, {
      version: await versionOf(t, id),
      type: 'rg',
      outcome: 'positive',
      ...onDate('decidedOn', '2026-11-27'),
    })
    expect(decision.body).not.toContain('The decision has been recorded')
    const [still] = await rows<{ status: string; force_id: string }>(
      t,
      sql`select status, force_id from referrals where id = ${id}`,
    )
    expect(still).toEqual({ status: 'rg-pending', force_id: 'kent' })

    // Reviewing it starts the receiving force's crime to record, from the moment of transfer.
    const reviewed = await kent.post(`/referrals/${id}/transfer-reviewed`, { version: versionIn(received.body) })
    expect(reviewed.headers.location).toBe(`/referrals/${id}`)
    const crime = await rows<{ force_id: string; trigger: string }>(
      t,
      sql`select force_id, trigger from crime_records where subject_id = ${id} order by force_id`,
    )
    expect(crime).toEqual([
      { force_id: 'kent', trigger: 'nrm-referral-received' },
      { force_id: 'west-yorkshire', trigger: 'nrm-referral-made' },
    ])
    const log = await rows<{ from_force_id: string; to_force_id: string; by_name: string; reviewed_at: string | null }>(
      t,
      sql`select from_force_id, to_force_id, by_name, reviewed_at from referral_transfers where referral_id = ${id}`,
    )
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ from_force_id: 'west-yorkshire', to_force_id: 'kent' })
    expect(log[0]?.reviewed_at).not.toBeNull()
  })

  it('records support with its limits: Places of Safety up to 3 working days, guardians for children only', async () => {
    const c = await signIn(t.app, DEMO.response)
    const { id } = await submittedAdultReferral(t, c)
    const tooLong = await submitPage(c, `/referrals/${id}/support/new/place-of-safety`, {
      ...onDate('offeredOn', '2026-11-20'),
      response: 'accepted',
      ...onDate('respondedOn', '2026-11-20'),
      ...onDate('startedOn', '2026-11-20'),
      ...onDate('endedOn', '2026-11-27'),
    })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.body).toContain(
      'A Place of Safety is for up to 3 working days: a stay from 2026-11-20 ends by 2026-11-25',
    )
    const guardian = await submitPage(c, `/referrals/${id}/support/new/ictg`, {
      ...onDate('offeredOn', '2026-11-27'),
      response: 'pending',
      localAuthority: 'Leeds',
    })
    expect(guardian.statusCode).toBe(400)
    expect(guardian.body).toContain('An Independent Child Trafficking Guardian is only for a child')
    const future = await submitPage(c, `/referrals/${id}/support/new/msvcc`, {
      item: 'counselling',
      ...onDate('offeredOn', '2026-12-25'),
      response: 'pending',
    })
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('Support cannot be recorded as offered on 2026-12-25, which is in the future')

    const stay = await submitPage(c, `/referrals/${id}/support/new/place-of-safety`, {
      ...onDate('offeredOn', '2026-11-26'),
      response: 'accepted',
      ...onDate('respondedOn', '2026-11-26'),
      ...onDate('startedOn', '2026-11-26'),
      provider: 'Salvation Army',
    })
    expect(stay.statusCode).toBe(302)
    const [support] = await rows<{ id: string }>(t, sql`select id from referral_support where referral_id = ${id}`)
    const task = await rows<{ status: string; due_at: string }>(
      t,
      sql`select status, due_at from tasks where subject_id = ${support?.id} and kind = 'place-of-safety-ending'`,
    )
    expect(task.map((x) => x.status)).toEqual(['open'])
    // Thursday 26 November + 3 working days = Tuesday 1 December; due at the end of that day (UK time).
    expect(new Date(task[0]?.due_at as string).toISOString()).toBe('2026-12-02T00:00:00.000Z')
    const end = await submitPage(c, `/referrals/${id}/support/${support?.id}/end`, {
      supportVersion: '1',
      ...onDate('endedOn', '2026-11-27'),
    })
    expect(end.statusCode).toBe(302)
    const done = await rows<{ status: string }>(t, sql`select status from tasks where subject_id = ${support?.id}`)
    expect(done.map((x) => x.status)).toEqual(['done'])

    const prefs = await submitPage(c, `/referrals/${id}/contact-preferences`, {
      channels: ['via-support-worker'],
      safeToLeaveMessage: 'no',
      language: 'Romanian',
      interpreterNeeded: 'yes',
    })
    expect(prefs.statusCode).toBe(302)
    const dtn = await submittedDtn(t, c)
    const refused = await submitPage(c, `/referrals/${dtn.id}/contact-preferences`, {
      channels: ['phone-call'],
      detail: '07700 900123',
      safeToLeaveMessage: 'yes',
      language: 'Polish',
      interpreterNeeded: 'no',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('A Duty to Notify report cannot hold how to contact the person')
  })

  it('shows a Reasonable Grounds decision as overdue once its working-day target has passed (injected clock)', async () => {
    const c = await signIn(t.app, DEMO.response)
    const { id } = await submittedAdultReferral(t, c)
    const [ref] = await rows<{ reference: string }>(t, sql`select reference from referrals where id = ${id}`)
    const row = (body: string) => body.split(`data-reference="${ref?.reference}"`)[1]?.split('</tr>')[0] ?? ''
    expect(row((await c.get('/referrals?status=submitted')).body)).not.toContain('RG decision overdue')
    // Due by Friday 4 December; on Saturday 5 December it is overdue.
    t.clock.advance(8 * 86_400_000)
    try {
      const again = await signIn(t.app, DEMO.response)
      const list = await again.get('/referrals?status=submitted&kind=nrm-adult')
      expect(row(list.body)).toContain('RG decision overdue')
      expect(list.body).not.toContain('Duty to Notify report</td>')
      const page = await again.get(`/referrals/${id}`)
      expect(page.body).toContain('Overdue: chase it')
    } finally {
      t.clock.advance(-8 * 86_400_000)
    }
  })

  it('applies the 45-day recovery period to a positive decision before 30 January 2023, and says which rule', async () => {
    const saved = t.clock.current
    t.clock.current = new Date('2022-12-01T10:00:00Z')
    try {
      const c = await signIn(t.app, DEMO.response)
      const { id } = await submittedAdultReferral(t, c, {
        exploitation: { ...onDate('startedOn', '2022-06-01'), ...onDate('endedOn', '2022-11-20') },
      })
      expect(
        (await submitPage(c, `/referrals/${id}/reference`, { homeOfficeReference: 'NRM-22-OLD' })).statusCode,
      ).toBe(302)
      t.clock.current = new Date('2022-12-06T10:00:00Z')
      const c2 = await signIn(t.app, DEMO.response)
      expect(
        (await decide(c2, id, { type: 'rg', outcome: 'positive', ...onDate('decidedOn', '2022-12-05') })).statusCode,
      ).toBe(302)
      const [row] = await rows<{ recovery_period: Record<string, unknown>; referral_rules: string }>(
        t,
        sql`select recovery_period, referral_rules from referrals where id = ${id}`,
      )
      expect(row?.referral_rules).toBe('nrm-rules.pre-2023-01-30')
      expect(row?.recovery_period).toMatchObject({
        minimumDays: 45,
        endsOn: '2023-01-19',
        referralRules: 'nrm-rules.pre-2023-01-30',
      })
      const page = await c2.get(`/referrals/${id}`)
      expect(page.body).toContain('At least 45 days')
      expect(page.body).toContain('Rule version nrm-rules.pre-2023-01-30')
    } finally {
      t.clock.current = saved
    }
  })

  it('refuses a stale form (a retried request) with 409 and writes nothing twice', async () => {
    const c = await signIn(t.app, DEMO.response)
    const encounterId = await submittedEncounter(t, DEMO.response, PEOPLE.adultConsents)
    const { id } = await startFromEncounter(c, encounterId)
    await submitPage(c, `/referrals/${id}/consent`, consentGiven)
    const page = await c.get(`/referrals/${id}/section/needs`)
    const version = versionIn(page.body)
    expect((await c.post(`/referrals/${id}/section/needs`, { version, ...needs })).statusCode).toBe(302)
    const retry = await c.post(`/referrals/${id}/section/needs`, { version, ...needs, medicalNeeds: 'Changed' })
    expect(retry.statusCode).toBe(409)
    expect(retry.body).toContain('This referral has changed since you opened the page')
    const [row] = await rows<{ needs_and_risks: { medicalNeeds: string } }>(
      t,
      sql`select needs_and_risks from referrals where id = ${id}`,
    )
    expect(row?.needs_and_risks.medicalNeeds).toBe('Back pain')
    const consentTwice = await c.post(`/referrals/${id}/consent`, { version: '2', ...consentGiven })
    expect(consentTwice.statusCode).toBe(409)
    const events = await rows(t, sql`select id from referral_consent_events where referral_id = ${id}`)
    expect(events).toHaveLength(1)
  })

  it('seeds demo referrals at every stage, once', async () => {
    const seeded = await rows<{ kind: string; status: string; force_id: string }>(
      t,
      sql`select r.kind, r.status, r.force_id from referrals r join encounters e on e.id = r.encounter_id
          where e.location like 'Demo:%' order by r.created_at`,
    )
    expect(seeded.map((r) => r.status).sort()).toEqual(
      [
        'cg-positive-slavery',
        'draft',
        'notified',
        'rg-pending',
        'rg-pending',
        'rg-pending',
        'rg-pending',
        'rg-positive',
        'rg-positive',
      ].sort(),
    )
    expect(seeded.filter((r) => r.force_id === 'kent')).toEqual([
      { kind: 'nrm-adult', status: 'rg-pending', force_id: 'kent' },
    ])
    expect(seeded.filter((r) => r.kind === 'nrm-child')).toHaveLength(1)
    const { seedDemo } = await import('../../src/services/seed/demo.js')
    const again = await seedDemo({ db: t.database.db, database: t.database, now: t.clock.now })
    expect(again.referrals).toBe(0)
    const lead = await signIn(t.app, DEMO.lead)
    const list = await lead.get('/referrals?status=rg-pending')
    expect(list.body).toContain('RG decision overdue')
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect((await kent.get('/referrals')).body).toContain('Transferred in: review')
  })
})
