import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()
const DAY = 86_400_000
const RATIONALE =
  'Financial enquiries, the phone downloads and the premises search are complete; no further line of enquiry would change the outcome of this case.'

/** Posts a page's form the way a browser does: GET it first (fresh CSRF token and version), then POST. */
async function submit(c: Client, url: string, form: Record<string, string | string[]>) {
  const page = await c.get(url)
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
  return c.post(url, { ...(version ? { version } : {}), ...form })
}

async function open(c: Client, title: string, extra: Record<string, string> = {}): Promise<string> {
  const page = await c.get('/investigations/new')
  expect(page.statusCode).toBe(200)
  const officer = /<option value="([0-9a-f-]{36})" selected>/.exec(page.body)?.[1] ?? ''
  const res = await c.post('/investigations', {
    submissionId: /name="submissionId" value="([^"]+)"/.exec(page.body)?.[1] ?? randomUUID(),
    title,
    source: 'direct',
    officerInCharge: officer,
    ...extra,
  })
  expect(res.statusCode, res.body.slice(0, 400)).toBe(302)
  const id = /\/investigations\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1]
  expect(id).toBeDefined()
  return id as string
}

async function status(c: Client, id: string): Promise<string> {
  const page = await c.get(`/investigations/${id}`)
  return /data-status="([a-z-]+)"/.exec(page.body)?.[1] ?? `no status (${page.statusCode})`
}

async function considerAtClosure(c: Client, id: string) {
  const res = await submit(c, `/investigations/${id}/orders-considered`, {
    stage: 'closure',
    decision: 'not-appropriate',
    rationale: 'No suspect to apply against',
  })
  expect(res.statusCode, res.body.slice(0, 300)).toBe(302)
}

async function requestClosure(c: Client, id: string, form: Record<string, string> = {}) {
  return submit(c, `/investigations/${id}/closure`, {
    reason: 'no-further-action-evidential',
    rationale: RATIONALE,
    victimContactStatus: 'engaged',
    ...form,
  })
}

/** A query on whichever database the test runs on. */
async function exec(t: TestApp, q: ReturnType<typeof sql>): Promise<{ rows: Record<string, unknown>[] }> {
  return (await t.database.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }
}

function errorSummary(body: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? ''
  return [...summary.matchAll(/<a href="[^"]*">([^<]+)<\/a>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&'),
  )
}

describe.each(kinds)('investigations on %s', (kind) => {
  let t: TestApp
  let investigator: Client
  let supervisor: Client
  let lead: Client
  beforeAll(async () => {
    t = await startTestApp(kind)
    investigator = await signIn(t.app, DEMO.investigator)
    supervisor = await signIn(t.app, DEMO.supervisor)
    lead = await signIn(t.app, DEMO.lead)
  }, 120_000)
  afterAll(async () => {
    await t?.close()
  })

  /** Moves the injected clock on; sessions lapse after 30 idle minutes, so everyone signs in again. */
  async function advance(ms: number) {
    t.clock.advance(ms)
    investigator = await signIn(t.app, DEMO.investigator)
    supervisor = await signIn(t.app, DEMO.supervisor)
    lead = await signIn(t.app, DEMO.lead)
  }

  it('opens once however often the form is sent, and audits the opening and every read', async () => {
    const page = await investigator.get('/investigations/new')
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
    const officer = /<option value="([0-9a-f-]{36})" selected>/.exec(page.body)?.[1] ?? ''
    const form = { submissionId, title: 'Operation Idempotent', source: 'direct', officerInCharge: officer }
    const first = await investigator.post('/investigations', form)
    const second = await investigator.post('/investigations', form)
    expect(first.headers.location).toBe(second.headers.location)
    const id = String(first.headers.location).split('/').pop() as string
    const rows = await exec(
      t,
      sql`select action from audit_events where record_type = 'investigation' and record_id = ${id} order by id`,
    )
    expect(rows.rows.map((r) => (r as { action: string }).action)).toEqual(['create'])
    await investigator.get(`/investigations/${id}`)
    const after = await exec(
      t,
      sql`select count(*)::int as n from audit_events where record_type = 'investigation' and record_id = ${id} and action = 'read'`,
    )
    expect((after.rows[0] as { n: number }).n).toBe(1)
  })

  it('refuses an opening without a name, officer in charge or a known source, with specific messages', async () => {
    await investigator.get('/investigations/new')
    const res = await investigator.post('/investigations', {
      submissionId: randomUUID(),
      title: '',
      source: 'encounter',
      sourceRef: '',
      officerInCharge: '',
    })
    expect(res.statusCode).toBe(400)
    expect(errorSummary(res.body)).toEqual([
      'Enter the encounter reference',
      'Enter a name for the investigation, such as an operation name.',
      'Choose the officer in charge.',
    ])
    const officer = /<option value="([0-9a-f-]{36})"/.exec(res.body)?.[1] ?? ''
    const unknown = await investigator.post('/investigations', {
      submissionId: randomUUID(),
      title: 'Operation Nowhere',
      source: 'encounter',
      sourceRef: 'ENC-26-NOSUCH',
      officerInCharge: officer,
    })
    expect(unknown.statusCode).toBe(400)
    expect(errorSummary(unknown.body)[0]).toContain('There is no encounter ENC-26-NOSUCH in your force')
    // The supervisor is not an investigator, so cannot be officer in charge.
    const supervisorId = (
      (await exec(t, sql`select id from users where email = ${DEMO.supervisor}`)).rows[0] as {
        id: string
      }
    ).id
    const notInvestigator = await investigator.post('/investigations', {
      submissionId: randomUUID(),
      title: 'Operation Wrong Officer',
      source: 'direct',
      officerInCharge: supervisorId,
    })
    expect(errorSummary(notInvestigator.body)).toEqual([
      'Choose an investigator from your force as the officer in charge.',
    ])
  })

  it('opens from an encounter and shows it on the timeline', async () => {
    const custody = await (await signIn(t.app, DEMO.custody)).get('/custody')
    const encounterRef = /Encounter (ENC-\d\d-[A-Z0-9]+)/.exec(custody.body)?.[1] ?? ''
    expect(encounterRef).not.toBe('')
    const id = await open(investigator, 'Operation From Encounter', { source: 'encounter', sourceRef: encounterRef })
    const page = await investigator.get(`/investigations/${id}`)
    expect(page.body).toContain(`Encounter <a class="govuk-link" href="/encounters/`)
    expect(page.body).toContain('Investigation opened from an encounter')
  })

  describe('orders register', () => {
    const order = (form: Record<string, string> = {}) => ({
      kind: 'stpo',
      interim: 'no',
      route: 'on-sentencing',
      subjectRef: 'PNC 26/0001234A',
      court: 'Leeds Crown Court',
      courtType: 'crown',
      'madeOn-day': '20',
      'madeOn-month': '11',
      'madeOn-year': '2026',
      'startsOn-day': '20',
      'startsOn-month': '11',
      'startsOn-year': '2026',
      durationType: 'fixed',
      'expiresOn-day': '19',
      'expiresOn-month': '11',
      'expiresOn-year': '2031',
      prohibitions: 'Not to act as a gangmaster',
      notification: 'no',
      ...form,
    })

    it('refuses an expiry shorter than the statute allows, and saves nothing', async () => {
      const before = await exec(t, sql`select count(*)::int as n from prevention_orders`)
      const page = await investigator.get('/investigations/orders/new')
      const submissionId = /name="submissionId" value="([^"]+)"/.exec(page.body)?.[1] ?? ''
      const short = await investigator.post('/investigations/orders', { submissionId, ...order() })
      expect(short.statusCode).toBe(400)
      expect(errorSummary(short.body)).toEqual([
        'A Slavery and Trafficking Prevention Order must last at least 5 years or until further order (Modern Slavery Act 2015 s17). It starts on 2026-11-20, so the earliest expiry is 2031-11-20; 2031-11-19 is too soon.',
      ])
      const stro = await investigator.post('/investigations/orders', {
        submissionId,
        ...order({
          kind: 'stro',
          route: 'on-application',
          applicant: 'chief-officer-of-police',
          courtType: 'magistrates',
          'expiresOn-year': '2028',
        }),
      })
      expect(errorSummary(stro.body)[0]).toContain('must last at least 2 years')
      const after = await exec(t, sql`select count(*)::int as n from prevention_orders`)
      expect(after.rows[0]).toEqual(before.rows[0])
      const ok = await investigator.post('/investigations/orders', {
        submissionId,
        ...order({ 'expiresOn-day': '20' }),
      })
      expect(ok.statusCode).toBe(302)
      const twice = await investigator.post('/investigations/orders', {
        submissionId,
        ...order({ 'expiresOn-day': '20' }),
      })
      expect(twice.headers.location).toBe(ok.headers.location)
      const open = await investigator.post('/investigations/orders', {
        submissionId: randomUUID(),
        ...order({
          durationType: 'until-further-order',
          'expiresOn-day': '',
          'expiresOn-month': '',
          'expiresOn-year': '',
        }),
      })
      expect(open.statusCode).toBe(302)
      expect((await investigator.get(String(open.headers.location))).body).toContain('Until further order')
    })

    it('shows expiry and breach reminders on the register, and clears the breach one when action is recorded', async () => {
      const register = await investigator.get('/investigations/orders')
      // Demo data: an STPO ending within 90 days and an interim order whose main application is undecided.
      expect(register.body).toMatch(/expires on \d{4}-\d\d-\d\d: consider applying to renew it \(s20\)/)
      expect(register.body).toContain('is undecided: check its progress')
      expect(register.body).toContain('Record the action taken on the breach')
      const orderId =
        /href="\/investigations\/orders\/([0-9a-f-]{36})">ORD-[^<]+<\/a>: Record the action taken on the breach/.exec(
          register.body,
        )?.[1]
      expect(orderId).toBeDefined()
      const action = await submit(investigator, `/investigations/orders/${orderId}/breaches/1`, {
        actionTaken: 'Arrested and charged under s30',
      })
      expect(action.statusCode).toBe(302)
      expect((await investigator.get('/investigations/orders')).body).not.toContain(
        'Record the action taken on the breach',
      )
      const breachTooEarly = await submit(investigator, `/investigations/orders/${orderId}/breaches`, {
        'occurredOn-day': '1',
        'occurredOn-month': '1',
        'occurredOn-year': '2020',
        'reportedOn-day': '2',
        'reportedOn-month': '1',
        'reportedOn-year': '2020',
        description: 'Before the order',
      })
      expect(breachTooEarly.statusCode).toBe(400)
      expect(errorSummary(breachTooEarly.body)[0]).toMatch(
        /^Breach 2 \(2020-01-01\) is dated before the order started\.$/,
      )
    })
  })

  describe('linked records', () => {
    it('normalises identifiers, flags doubtful ones, and links the same phone across investigations', async () => {
      const a = await open(investigator, 'Operation Phone A')
      const b = await open(investigator, 'Operation Phone B')
      const first = await submit(investigator, `/investigations/${a}/people/add/phone`, {
        value: '0113 496 0000',
        role: 'used-by-suspect',
      })
      expect(first.statusCode, first.body.slice(0, 500)).toBe(302)
      const again = await submit(investigator, `/investigations/${b}/people/add/phone`, {
        value: '+44 113 496 0000',
        role: 'advertised',
      })
      expect(again.statusCode).toBe(302)
      const people = await investigator.get(`/investigations/${b}/people`)
      expect(people.body).toContain('0113 496 0000')
      expect(people.body).toMatch(/Also in <a class="govuk-link" href="\/investigations\/[0-9a-f-]{36}">INV-/)
      const n = await exec(
        t,
        sql`select count(*)::int as n from entities where kind = 'phone' and normalised_key = '+441134960000'`,
      )
      expect((n.rows[0] as { n: number }).n).toBe(1)

      const unknown = await submit(investigator, `/investigations/${a}/people/add/phone`, {
        value: 'call me',
        role: 'used-by-suspect',
      })
      expect(unknown.statusCode).toBe(400)
      expect(errorSummary(unknown.body)).toEqual(['This is not a recognisable phone number.'])
      const drama = await submit(investigator, `/investigations/${a}/people/add/phone`, {
        value: '07700 900001',
        role: 'used-by-victim',
      })
      expect(errorSummary(drama.body)).toEqual([
        '07700 900000 to 900999 is an Ofcom drama range: this is not a real phone number.',
      ])
      expect(drama.body).toContain('I have checked it: save it as recorded')
      const saved = await submit(investigator, `/investigations/${a}/people/add/phone`, {
        value: '07700 900001',
        role: 'used-by-victim',
        saveAnyway: 'yes',
      })
      expect(saved.statusCode).toBe(302)
      const vehicle = await submit(investigator, `/investigations/${a}/people/add/vehicle`, {
        value: 'yx19 klm',
        role: 'used-by-suspect',
      })
      expect(vehicle.statusCode).toBe(302)
      const address = await submit(investigator, `/investigations/${a}/people/add/address`, {
        line1: '12 High St',
        town: 'Leeds',
        postcode: 'ls84eu',
        role: 'exploitation-location',
      })
      expect(address.statusCode).toBe(302)
      const duplicate = await submit(investigator, `/investigations/${a}/people/add/vehicle`, {
        value: 'YX19KLM',
        role: 'used-by-suspect',
      })
      expect(errorSummary(duplicate.body)[0]).toContain('is already linked as used by a suspect')
      const list = await investigator.get(`/investigations/${a}/people`)
      expect(list.body).toContain('LS8 4EU')
      expect(list.body).toContain('Check the identifier')
    })

    it('two undescribed people are never merged', async () => {
      const id = await open(investigator, 'Operation Unknowns')
      for (const role of ['victim', 'witness']) {
        const res = await submit(investigator, `/investigations/${id}/people/add/person?role=${role}`, {
          name: 'Unknown male',
          unidentified: 'yes',
          role,
        })
        expect(res.statusCode).toBe(302)
      }
      const n = await exec(
        t,
        sql`select count(*)::int as n from entities where kind = 'person' and display = 'Unknown male'`,
      )
      expect((n.rows[0] as { n: number }).n).toBe(2)
    })
  })

  describe('force isolation', () => {
    it('another force cannot see or change an investigation or its linked records', async () => {
      const id = await open(investigator, 'Operation West Only')
      await submit(investigator, `/investigations/${id}/people/add/vehicle`, {
        value: 'AB12 CDE',
        role: 'used-by-suspect',
      })
      const linkId = /\/people\/([0-9a-f-]{36})"/.exec(
        (await investigator.get(`/investigations/${id}/people`)).body,
      )?.[1]
      const kent = await signIn(t.app, DEMO.kentInvestigator)
      for (const url of [
        `/investigations/${id}`,
        `/investigations/${id}/people`,
        `/investigations/${id}/people/${linkId}`,
        `/investigations/${id}/plan`,
        `/investigations/${id}/closure`,
      ]) {
        expect((await kent.get(url)).statusCode, url).toBe(404)
      }
      await kent.get('/investigations/new')
      const change = await kent.post(`/investigations/${id}/plan`, { version: '1', title: 'Kent was here' })
      expect(change.statusCode).toBe(404)
      const list = await kent.get('/investigations')
      expect(list.body).not.toContain('Operation West Only')
      expect(list.body).toContain('Operation Dover Gull')
      // Kent's own record of the same vehicle is Kent's entity, not a link into West Yorkshire's.
      const own = /href="\/investigations\/([0-9a-f-]{36})">INV/.exec(list.body)?.[1] ?? ''
      expect(
        (await submit(kent, `/investigations/${own}/people/add/vehicle`, { value: 'AB12CDE', role: 'used-by-suspect' }))
          .statusCode,
      ).toBe(302)
      expect((await kent.get(`/investigations/${own}/people`)).body).not.toContain('Also in')
      const rows = await exec(
        t,
        sql`select force_id from entities where kind = 'vehicle' and normalised_key = 'AB12CDE' order by force_id`,
      )
      expect(rows.rows.map((r) => (r as { force_id: string }).force_id)).toEqual(['kent', 'west-yorkshire'])
      // Roles outside investigation work cannot reach it at all.
      const response = await signIn(t.app, DEMO.response)
      expect((await response.get(`/investigations/${id}`)).statusCode).toBe(403)
      const inspector = await signIn(t.app, DEMO.inspector)
      expect((await inspector.get('/investigations')).statusCode).toBe(403)
    })
  })
  describe('review schedule', () => {
    it('falls due 7 days after opening, then 28 days after each review, and shows as overdue', async () => {
      const id = await open(investigator, 'Operation Schedule')
      const ref = /Investigation (INV-\d\d-[A-Z0-9]+)/.exec((await investigator.get(`/investigations/${id}`)).body)?.[1]
      const row = (due: string) => new RegExp(`data-qa="review-row-${ref}"[\\s\\S]*?${due}`)
      const dueList = await supervisor.get('/investigations/reviews-due')
      expect(dueList.body).toMatch(row('4 December 2026'))
      expect(dueList.body).not.toMatch(new RegExp(`data-qa="review-row-${ref}"[\\s\\S]*?Overdue[\\s\\S]*?</tr>`))

      await advance(7 * DAY - 60_000)
      expect((await supervisor.get('/investigations?overdue=yes')).body).not.toContain(ref)
      await advance(2 * 60_000)
      expect((await supervisor.get('/investigations?overdue=yes')).body).toContain(ref)
      expect((await supervisor.get('/investigations/reviews-due')).body).toMatch(
        new RegExp(`data-qa="review-row-${ref}"[\\s\\S]*?Overdue`),
      )

      const refused = await submit(supervisor, `/investigations/${id}/review`, { rationale: ' ', directions: '' })
      expect(refused.statusCode).toBe(400)
      expect(errorSummary(refused.body)).toEqual([
        'Record the rationale for the review: what you looked at and what you decided.',
      ])
      const reviewed = await submit(supervisor, `/investigations/${id}/review`, {
        rationale: 'Plan is right; victim is safe.',
        directions: 'Apply for the phone data\nSee the landlord',
      })
      expect(reviewed.statusCode).toBe(302)
      // 28 days from the review: 4 December + 1 minute + 28 days = 1 January 2027.
      expect((await supervisor.get('/investigations/reviews-due')).body).toMatch(row('1 January 2027'))
      const history = await investigator.get(`/investigations/${id}/reviews`)
      expect(history.body).toContain('Apply for the phone data')
      expect(history.body).toContain('See the landlord')

      await advance(28 * DAY - 60_000)
      expect((await supervisor.get('/investigations?overdue=yes')).body).not.toContain(ref)
      await advance(2 * 60_000)
      expect((await supervisor.get('/investigations?overdue=yes')).body).toContain(ref)
    })

    it('an investigator cannot record a review', async () => {
      const id = await open(investigator, 'Operation Not Mine To Review')
      expect((await investigator.get(`/investigations/${id}/review`)).statusCode).toBe(403)
    })

    it('follows the force’s own schedule once an administrator sets it', async () => {
      const admin = await signIn(t.app, DEMO.admin)
      const bad = await submit(admin, '/investigations/settings', {
        firstReviewAfterDays: 'three',
        reviewIntervalDays: '14',
        earlyClosureDays: '0',
      })
      expect(bad.statusCode).toBe(400)
      expect(errorSummary(bad.body)).toEqual([
        'Enter the first review as a number of days',
        'The early-closure window must be at least 1 day',
      ])
      const ok = await submit(admin, '/investigations/settings', {
        firstReviewAfterDays: '3',
        reviewIntervalDays: '14',
        earlyClosureDays: '28',
      })
      expect(ok.statusCode).toBe(302)
      const id = await open(investigator, 'Operation Three Days')
      const page = await investigator.get(`/investigations/${id}/reviews`)
      expect(page.body).toContain('Reviews fall due 3 days after opening (or reopening), then every 14 days')
      await advance(3 * DAY + 60_000)
      expect((await investigator.get(`/investigations/${id}`)).body).toContain('is overdue')
      await submit(await signIn(t.app, DEMO.admin), '/investigations/settings', {
        firstReviewAfterDays: '7',
        reviewIntervalDays: '28',
        earlyClosureDays: '28',
      })
    })
  })

  describe('closure rules', () => {
    it('refuses closure until the STPO/STRO decision at closure is recorded, and nothing is half-saved', async () => {
      const id = await open(investigator, 'Operation No Decision')
      const res = await requestClosure(investigator, id)
      expect(res.statusCode).toBe(400)
      expect(errorSummary(res.body)).toEqual([
        'Record whether a Slavery and Trafficking Prevention Order or Risk Order was considered at closure, and the decision.',
      ])
      expect(await status(investigator, id)).toBe('open')
      const requests = await exec(
        t,
        sql`select count(*)::int as n from investigation_closure_requests where investigation_id = ${id}`,
      )
      expect((requests.rows[0] as { n: number }).n).toBe(0)
    })

    it('needs a reason from the list, a written rationale and the victim-contact status', async () => {
      const id = await open(investigator, 'Operation Bad Request')
      await considerAtClosure(investigator, id)
      const missing = await submit(investigator, `/investigations/${id}/closure`, { rationale: 'Done.' })
      expect(missing.statusCode).toBe(400)
      expect(errorSummary(missing.body)).toEqual([
        'Choose a closure reason from the list.',
        'Record the victim-contact status before closing.',
      ])
      const short = await requestClosure(investigator, id, { rationale: 'Nothing more to do.' })
      expect(errorSummary(short.body)).toEqual([
        'Write a rationale of at least 100 characters explaining why the investigation should close (it has 19).',
      ])
      const contradiction = await requestClosure(investigator, id, { reason: 'victim-disengaged' })
      expect(errorSummary(contradiction.body)).toEqual([
        'The reason is that the victim disengaged, but the victim-contact status says they are engaged.',
      ])
      const charged = await requestClosure(investigator, id, { reason: 'charged' })
      expect(errorSummary(charged.body)).toEqual([
        'The reason is "charged", but no charge is recorded. Record the charge first.',
      ])
      expect(await status(investigator, id)).toBe('open')
    })

    it('within 28 days: supervisor sign-off holds it for the force lead, who approves; then it can be reopened', async () => {
      const id = await open(investigator, 'Operation Early')
      await considerAtClosure(investigator, id)
      const requested = await requestClosure(investigator, id)
      expect(requested.statusCode).toBe(302)
      expect(await status(investigator, id)).toBe('closure-requested')
      // The investigator has no sign-off permission; the force lead cannot skip the supervisor.
      expect((await investigator.get(`/investigations/${id}/closure/decision`)).statusCode).toBe(403)
      expect((await lead.get(`/investigations/${id}/closure/second-review`)).statusCode).toBe(404)

      const noRationale = await submit(supervisor, `/investigations/${id}/closure/decision`, {
        decision: 'approve',
        rationale: '',
      })
      expect(errorSummary(noRationale.body)).toEqual(['Record why you agree the investigation should close.'])
      const approved = await submit(supervisor, `/investigations/${id}/closure/decision`, {
        decision: 'approve',
        rationale: 'Agreed.',
      })
      expect(approved.statusCode).toBe(302)
      expect(await status(investigator, id)).toBe('closure-held-for-second-review')
      const held = await investigator.get(`/investigations/${id}`)
      expect(held.body).toContain('data-qa="closure-held"')
      expect(held.body).toMatch(/It would close 0 days after it was opened, within 28 days/)
      expect((await supervisor.get('/investigations?held=yes')).body).toContain('Operation Early')
      // Only the force lead gives the second-level review.
      expect((await supervisor.get(`/investigations/${id}/closure/second-review`)).statusCode).toBe(403)

      const closed = await submit(lead, `/investigations/${id}/closure/second-review`, {
        decision: 'approve',
        rationale: 'Every line of enquiry is exhausted.',
      })
      expect(closed.statusCode).toBe(302)
      expect(await status(investigator, id)).toBe('closed')
      expect((await investigator.get(`/investigations/${id}`)).body).toContain(
        'Closed after the force lead’s second-level review',
      )

      const noReason = await submit(investigator, `/investigations/${id}/reopen`, { reason: '' })
      expect(errorSummary(noReason.body)).toEqual(['Give the reason for reopening the investigation.'])
      const reopened = await submit(investigator, `/investigations/${id}/reopen`, {
        reason: 'The victim has come back.',
      })
      expect(reopened.statusCode).toBe(302)
      expect(await status(investigator, id)).toBe('reopened')
      const page = await investigator.get(`/investigations/${id}`)
      expect(page.body).toContain('Reopened: The victim has come back.')
      const audited = await exec(
        t,
        sql`select details->>'change' as change from audit_events where record_type = 'investigation' and record_id = ${id} and action = 'update' order by id`,
      )
      expect(audited.rows.map((r) => (r as { change: string }).change)).toEqual([
        'order-considered',
        'closure-requested',
        'closure-held',
        'closed',
        'reopened',
      ])
      // A reopened investigation is considered afresh: the earlier decision at closure no longer counts.
      expect(errorSummary((await requestClosure(investigator, id)).body)).toEqual([
        'Record whether a Slavery and Trafficking Prevention Order or Risk Order was considered at closure, and the decision.',
      ])
    })

    it('after 28 days with nothing else in the guard, the supervisor’s sign-off closes it', async () => {
      const id = await open(investigator, 'Operation Late')
      await advance(28 * DAY + 60_000)
      await considerAtClosure(investigator, id)
      await requestClosure(investigator, id)
      await submit(supervisor, `/investigations/${id}/closure/decision`, { decision: 'approve', rationale: 'Agreed.' })
      expect(await status(investigator, id)).toBe('closed')
    })

    it('after 28 days, a victim who disengaged still holds the closure for the force lead', async () => {
      const id = await open(investigator, 'Operation Disengaged')
      await advance(40 * DAY)
      await considerAtClosure(investigator, id)
      await requestClosure(investigator, id, { reason: 'victim-disengaged', victimContactStatus: 'disengaged' })
      await submit(supervisor, `/investigations/${id}/closure/decision`, { decision: 'approve', rationale: 'Agreed.' })
      expect(await status(investigator, id)).toBe('closure-held-for-second-review')
      const refused = await submit(lead, `/investigations/${id}/closure/second-review`, {
        decision: 'refuse',
        rationale: 'Try an evidence-led prosecution first.',
      })
      expect(refused.statusCode).toBe(302)
      expect(await status(investigator, id)).toBe('open')
    })

    it('after 28 days, an identified suspect who was not pursued holds the closure', async () => {
      const id = await open(investigator, 'Operation Suspect Left')
      const added = await submit(investigator, `/investigations/${id}/people/add/person?role=suspect`, {
        name: 'Ion Radu',
        role: 'suspect',
      })
      expect(added.statusCode, added.body.slice(0, 300)).toBe(302)
      await advance(30 * DAY)
      await considerAtClosure(investigator, id)
      await requestClosure(investigator, id)
      await submit(supervisor, `/investigations/${id}/closure/decision`, { decision: 'approve', rationale: 'Agreed.' })
      expect(await status(investigator, id)).toBe('closure-held-for-second-review')
      expect((await investigator.get(`/investigations/${id}`)).body).toContain(
        'A suspect has been identified but not pursued (Ion Radu).',
      )
    })

    it('the supervisor who asked to close cannot sign it off, and a refusal keeps it open', async () => {
      const id = await open(investigator, 'Operation Own Request')
      await advance(30 * DAY)
      await considerAtClosure(supervisor, id)
      await requestClosure(supervisor, id)
      expect((await supervisor.get(`/investigations/${id}`)).body).not.toContain('Decide on the closure')
      const own = await submit(supervisor, `/investigations/${id}/closure/decision`, {
        decision: 'approve',
        rationale: 'Mine.',
      })
      expect(own.statusCode).toBe(400)
      expect(errorSummary(own.body)).toEqual([
        'You asked to close this investigation, so another supervisor must sign off the closure.',
      ])
      const refused = await submit(lead, `/investigations/${id}/closure/decision`, {
        decision: 'refuse',
        rationale: '',
      })
      expect(errorSummary(refused.body)).toEqual(['Give the reason for refusing the closure.'])
      await submit(lead, `/investigations/${id}/closure/decision`, {
        decision: 'refuse',
        rationale: 'Speak to the victim again.',
      })
      expect(await status(investigator, id)).toBe('open')
    })

    it('a charge makes the decision at charge due before closure', async () => {
      const id = await open(investigator, 'Operation Charged')
      await submit(investigator, `/investigations/${id}/people/add/person?role=suspect`, {
        name: 'Andrei Pop',
        role: 'suspect',
      })
      const linkId =
        /\/people\/([0-9a-f-]{36})"/.exec((await investigator.get(`/investigations/${id}/people`)).body)?.[1] ?? ''
      const badCharge = await submit(investigator, `/investigations/${id}/outcomes/charge`, {
        suspect: linkId,
        'date-day': '1',
        'date-month': '1',
        'date-year': '2099',
        offences: '',
        authorisedBy: 'cps',
      })
      expect(errorSummary(badCharge.body)).toEqual(['The date must be today or in the past'])
      const noOffence = await submit(investigator, `/investigations/${id}/outcomes/charge`, {
        suspect: linkId,
        'date-day': '20',
        'date-month': '11',
        'date-year': '2026',
        offences: '',
        authorisedBy: 'cps',
      })
      expect(errorSummary(noOffence.body)).toEqual(['Record at least one offence charged.'])
      const charged = await submit(investigator, `/investigations/${id}/outcomes/charge`, {
        suspect: linkId,
        'date-day': '20',
        'date-month': '11',
        'date-year': '2026',
        offences: 'Modern Slavery Act 2015 s1',
        authorisedBy: 'cps',
      })
      expect(charged.headers.location).toBe(`/investigations/${id}/orders-considered?stage=charge`)
      expect((await investigator.get(`/investigations/${id}`)).body).toContain(
        'Record whether a Slavery and Trafficking Prevention Order or Risk Order was considered at charge',
      )
      await considerAtClosure(investigator, id)
      expect(errorSummary((await requestClosure(investigator, id, { reason: 'charged' })).body)).toEqual([
        'Record whether a Slavery and Trafficking Prevention Order or Risk Order was considered at charge, and the decision.',
      ])
      const conviction = await submit(investigator, `/investigations/${id}/orders-considered`, {
        stage: 'conviction',
        decision: 'seek-stpo',
        rationale: 'Too soon',
      })
      expect(errorSummary(conviction.body)).toEqual([
        'No conviction is recorded yet. Record the court result first, then the decision at conviction.',
      ])
      await submit(investigator, `/investigations/${id}/orders-considered`, {
        stage: 'charge',
        decision: 'seek-stpo',
        rationale: 'He recruits through his agency',
      })
      expect((await requestClosure(investigator, id, { reason: 'charged' })).statusCode).toBe(302)
    })

    it('a stale form is refused instead of applied twice', async () => {
      const id = await open(investigator, 'Operation Twice')
      const page = await investigator.get(`/investigations/${id}/plan`)
      const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? ''
      const first = await investigator.post(`/investigations/${id}/plan`, { version, title: 'Trace the money' })
      expect(first.statusCode).toBe(302)
      const second = await investigator.post(`/investigations/${id}/plan`, { version, title: 'Trace the money' })
      expect(second.statusCode).toBe(409)
      expect(
        (await investigator.get(`/investigations/${id}/plan`)).body.match(/<strong>Trace the money<\/strong>/g),
      ).toHaveLength(1)
    })
  })
})
