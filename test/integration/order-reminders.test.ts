import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, tasks } from '../../src/db/schema/index.js'
import { addDaysToIsoDate, isoDateOf } from '../../src/domain/investigation/dates.js'
import { runDueJobs, type SchedulerDeps } from '../../src/services/notifications/scheduler.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()
const KIND = 'prevention-order-reminder'
const SUBJECT = 'PNC 22/0004455K'

/** Posts a page's form the way a browser does: GET it first (fresh CSRF token and version), then POST. */
async function submit(c: Client, url: string, form: Record<string, string>) {
  const page = await c.get(url)
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1]
  return c.post(url, { ...(version ? { version } : {}), ...form })
}

const dateFields = (name: string, iso: string) => {
  const [year = '', month = '', day = ''] = iso.split('-')
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year }
}

/** Adds an order through the register's form; returns its id and reference. */
async function addOrder(c: Client, form: Record<string, string>) {
  const page = await c.get('/investigations/orders/new')
  const submissionId = /name="submissionId" value="([^"]+)"/.exec(page.body)?.[1] ?? randomUUID()
  const res = await c.post('/investigations/orders', {
    submissionId,
    kind: 'stpo',
    interim: 'no',
    route: 'on-sentencing',
    subjectRef: SUBJECT,
    court: 'Bradford Crown Court',
    courtType: 'crown',
    prohibitions: 'Not to act as a gangmaster',
    notification: 'no',
    durationType: 'fixed',
    ...form,
  })
  expect(res.statusCode, res.body.slice(0, 400)).toBe(302)
  const id = /\/investigations\/orders\/([0-9a-f-]{36})$/.exec(String(res.headers.location))?.[1] ?? ''
  const shown = await c.get(`/investigations/orders/${id}`)
  const reference = /(ORD-[0-9A-Z-]+)/.exec(shown.body)?.[1] ?? ''
  expect(reference).not.toBe('')
  return { id, reference }
}

/** The worklist rows of the order reminder kind on a page. */
const reminderRows = (body: string) =>
  body.match(new RegExp(`<tr class="govuk-table__row" data-kind="${KIND}"[\\s\\S]*?</tr>`, 'g')) ?? []
const rowsFor = (body: string, orderId: string) =>
  reminderRows(body).filter((r) => r.includes(`href="/investigations/orders/${orderId}"`))

describe.each(kinds)('order register reminders in the worklists on %s', (kind) => {
  let t: TestApp
  let scheduler: SchedulerDeps
  const today = () => isoDateOf(t.clock.now())
  const tasksOf = async (orderId: string) =>
    (await t.database.db.select().from(tasks).where(eq(tasks.kind, KIND))).filter((r) =>
      r.subjectId.startsWith(`${orderId}:`),
    )
  /** Moves the clock to 10:00 UTC on `date` and runs one scheduler pass. */
  const passOn = async (date: string) => {
    t.clock.current = new Date(`${date}T10:00:00.000Z`)
    await runDueJobs(scheduler, t.clock.now())
  }

  beforeAll(async () => {
    t = await startTestApp(kind)
    scheduler = { db: t.database.db, publicUrl: 'https://lantern.example', mailer: null }
  })
  afterAll(async () => {
    await t?.close()
  })

  it('seeds the demo orders’ reminders into the investigator’s actions', async () => {
    const investigator = await signIn(t.app, DEMO.investigator)
    const mine = await investigator.get('/actions')
    const titles = reminderRows(mine.body).join('\n')
    // The STPO ending in about 40 days (both its reminders are within 30 days of falling due), and the interim
    // order's undecided main application and unactioned breach.
    expect(titles.match(/expires on \d{4}-\d\d-\d\d: consider applying to renew it/g)).toHaveLength(2)
    expect(titles).toContain('is undecided: check its progress')
    expect(titles).toContain('Record the action taken on the breach')
    expect(titles).not.toMatch(/PNC 21\/0012345X|Car wash manager/)
  })

  let order: { id: string; reference: string }

  it('puts an order’s reminder in the worklist 30 days before it falls due, and only once', async () => {
    // Expiry 130 days ahead: the 90-day reminder falls due in 40 days, so it reaches the worklist in 10.
    const start = today()
    const expiry = addDaysToIsoDate(start, 130)
    const investigator = await signIn(t.app, DEMO.investigator)
    order = await addOrder(investigator, {
      ...dateFields('madeOn', '2022-01-10'),
      ...dateFields('startsOn', '2022-01-10'),
      ...dateFields('expiresOn', expiry),
    })
    expect(await tasksOf(order.id)).toEqual([])
    expect(rowsFor((await investigator.get('/actions')).body, order.id)).toEqual([])

    await passOn(addDaysToIsoDate(start, 9))
    expect(await tasksOf(order.id)).toEqual([])

    await passOn(addDaysToIsoDate(start, 10))
    await runDueJobs(scheduler, t.clock.now())
    const opened = await tasksOf(order.id)
    expect(opened.map((r) => [r.status, r.dueAt.slice(0, 10)])).toEqual([['open', addDaysToIsoDate(expiry, -90)]])
    expect(opened[0]?.title).toBe(
      `Slavery and Trafficking Prevention Order ${order.reference} expires on ${expiry}: consider applying to renew it`,
    )
    expect(opened[0]?.title).not.toContain(SUBJECT)

    // The scheduler's pass is audited for the force, with the count and no user.
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'task'), eq(auditEvents.forceId, 'west-yorkshire')))
    expect(
      audited.some((e) => e.actorUserId === null && e.details?.by === 'scheduler' && e.details?.kind === KIND),
    ).toBe(true)

    const again = await signIn(t.app, DEMO.investigator)
    const mine = rowsFor((await again.get('/actions')).body, order.id)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toContain('Prevention or risk order reminder')
    expect(mine[0]).toContain('Due in')

    const supervisor = await signIn(t.app, DEMO.supervisor)
    const team = await supervisor.get(`/team-actions?kind=${KIND}`)
    expect(team.statusCode).toBe(200)
    expect(rowsFor(team.body, order.id)).toHaveLength(1)
    expect(rowsFor(team.body, order.id)[0]).toMatch(/Assigned to [A-Z]/)
    expect(rowsFor((await supervisor.get('/team-actions?kind=record-crime')).body, order.id)).toEqual([])
    const lead = await signIn(t.app, DEMO.lead)
    expect(rowsFor((await lead.get('/team-actions')).body, order.id)).toHaveLength(1)
  })

  it('never shows the reminder to another force', async () => {
    const kent = await signIn(t.app, DEMO.kentInvestigator)
    const theirs = await kent.get('/actions')
    expect(theirs.statusCode).toBe(200)
    expect(theirs.body).not.toContain(order.id)
    expect(theirs.body).not.toContain(order.reference)
    expect((await kent.get(`/investigations/orders/${order.id}`)).statusCode).toBe(404)
    const kentTasks = await t.database.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.kind, KIND), eq(tasks.forceId, 'kent')))
    expect(kentTasks).toEqual([])
  })

  it('opens a breach follow-up when a breach is recorded, and closes it when the action is recorded', async () => {
    const investigator = await signIn(t.app, DEMO.investigator)
    const breach = await submit(investigator, `/investigations/orders/${order.id}/breaches`, {
      ...dateFields('occurredOn', addDaysToIsoDate(today(), -2)),
      ...dateFields('reportedOn', addDaysToIsoDate(today(), -1)),
      description: 'Seen recruiting workers outside a job centre',
    })
    expect(breach.statusCode, breach.body.slice(0, 300)).toBe(302)
    const followUp = (await tasksOf(order.id)).find((r) => r.subjectId.includes(':breach-follow-up:'))
    expect(followUp?.status).toBe('open')
    expect(followUp?.dueAt.slice(0, 10)).toBe(addDaysToIsoDate(today(), 13))
    const page = await investigator.get('/actions')
    expect(
      rowsFor(page.body, order.id).filter((r) => r.includes('Record the action taken on the breach')),
    ).toHaveLength(1)

    const action = await submit(investigator, `/investigations/orders/${order.id}/breaches/1`, {
      actionTaken: 'Arrested and charged under s30',
    })
    expect(action.statusCode, action.body.slice(0, 300)).toBe(302)
    const closed = (await tasksOf(order.id)).find((r) => r.id === followUp?.id)
    expect([closed?.status, closed?.outcome]).toEqual(['done', 'The action taken on the breach was recorded.'])
    const after = await investigator.get('/actions')
    expect(rowsFor(after.body, order.id).filter((r) => r.includes('Record the action taken on the breach'))).toEqual([])
    expect(rowsFor(after.body, order.id)).toHaveLength(1)
  })

  it('closes the chase for an interim order’s main application when the decision is recorded', async () => {
    const investigator = await signIn(t.app, DEMO.investigator)
    const start = today()
    const interim = await addOrder(investigator, {
      kind: 'stro',
      interim: 'yes',
      route: 'on-application',
      applicant: 'chief-officer-of-police',
      courtType: 'magistrates',
      court: 'Bradford and Keighley Magistrates’ Court',
      ...dateFields('madeOn', start),
      ...dateFields('startsOn', start),
      ...dateFields('expiresOn', addDaysToIsoDate(start, 180)),
    })
    // 28 days after it starts: within the horizon from the first day.
    const [chase] = await tasksOf(interim.id)
    expect([chase?.status, chase?.dueAt.slice(0, 10)]).toEqual(['open', addDaysToIsoDate(start, 28)])
    expect(chase?.title).toBe(
      `The main application behind interim Slavery and Trafficking Risk Order ${interim.reference} is undecided: check its progress`,
    )
    const decided = await submit(investigator, `/investigations/orders/${interim.id}/decided`, {
      ...dateFields('decidedOn', start),
    })
    expect(decided.statusCode, decided.body.slice(0, 300)).toBe(302)
    const [closed] = await tasksOf(interim.id)
    expect([closed?.status, closed?.outcome]).toEqual([
      'done',
      `The main application was decided on ${start}, which ends the interim order (s21).`,
    ])
    await runDueJobs(scheduler, t.clock.now())
    expect((await tasksOf(interim.id)).map((r) => r.status)).toEqual(['done'])
  })

  it('adds the 30-day reminder as its day nears, and closes both when the order ends', async () => {
    const expiry = /expires on (\d{4}-\d\d-\d\d)/.exec((await tasksOf(order.id))[0]?.title ?? '')?.[1] ?? ''
    await passOn(addDaysToIsoDate(expiry, -61))
    expect((await tasksOf(order.id)).filter((r) => r.status === 'open')).toHaveLength(1)
    await passOn(addDaysToIsoDate(expiry, -60))
    const open = (await tasksOf(order.id)).filter((r) => r.status === 'open')
    expect(open.map((r) => r.dueAt.slice(0, 10)).sort()).toEqual([
      addDaysToIsoDate(expiry, -90),
      addDaysToIsoDate(expiry, -30),
    ])
    // Still in force on its last day; ended the day after.
    await passOn(expiry)
    expect((await tasksOf(order.id)).filter((r) => r.status === 'open')).toHaveLength(2)
    await passOn(addDaysToIsoDate(expiry, 1))
    const ended = (await tasksOf(order.id)).filter((r) => r.subjectId.includes(':order-expiring:'))
    expect(ended.map((r) => [r.status, r.outcome])).toEqual([
      ['done', `The order ended on ${expiry}.`],
      ['done', `The order ended on ${expiry}.`],
    ])
    const investigator = await signIn(t.app, DEMO.investigator)
    expect(rowsFor((await investigator.get('/actions')).body, order.id)).toEqual([])
  })
})
