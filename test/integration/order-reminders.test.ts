import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditEvents, investigationEvents, investigations, tasks } from '../../src/db/schema/index.js'
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

describe.each(kinds)('recording what was done about an order reminder on %s', (kind) => {
  let t: TestApp
  let scheduler: SchedulerDeps
  let start: string
  let order: { id: string; reference: string }
  let investigationId: string
  const NOTE = 'Applied to Leeds Magistrates’ Court to renew it on 2 December 2026'
  const today = () => isoDateOf(t.clock.now())
  const tasksOf = async (orderId: string) =>
    (await t.database.db.select().from(tasks).where(eq(tasks.kind, KIND))).filter((r) =>
      r.subjectId.startsWith(`${orderId}:`),
    )
  const openTasksOf = async (orderId: string) => (await tasksOf(orderId)).filter((r) => r.status === 'open')
  const passOn = async (date: string) => {
    t.clock.current = new Date(`${date}T10:00:00.000Z`)
    await runDueJobs(scheduler, t.clock.now())
  }
  /** Posts the note against one reminder from the order's page, as the page's form does. */
  const recordAction = async (c: Client, orderId: string, taskId: string, note: string) => {
    await c.get(`/investigations/orders/${orderId}`)
    return c.post(`/investigations/orders/${orderId}/reminders/${taskId}`, { note })
  }
  const errorSummary = (body: string) => {
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? ''
    return [...summary.matchAll(/<a href="([^"]*)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]])
  }
  const openCards = (body: string) => [...body.matchAll(/data-qa="open-reminder" data-task="([0-9a-f-]{36})"/g)]

  beforeAll(async () => {
    t = await startTestApp(kind)
    scheduler = { db: t.database.db, publicUrl: 'https://lantern.example', mailer: null }
    const [inv] = await t.database.db
      .select({ id: investigations.id })
      .from(investigations)
      .where(eq(investigations.forceId, 'west-yorkshire'))
      .limit(1)
    investigationId = inv?.id ?? ''
    expect(investigationId).not.toBe('')
    // Expiry 100 days ahead: the 90-day reminder falls due in 10 days (in the worklist at once), the 30-day one in
    // 70 (in the worklist from day 40).
    start = today()
    const investigator = await signIn(t.app, DEMO.investigator)
    order = await addOrder(investigator, {
      investigation: investigationId,
      ...dateFields('madeOn', '2022-03-01'),
      ...dateFields('startsOn', '2022-03-01'),
      ...dateFields('expiresOn', addDaysToIsoDate(start, 100)),
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('closes the reminder with what the officer did, for good, and still brings the next one when its day comes', async () => {
    const expiry = addDaysToIsoDate(start, 100)
    // Sessions lapse as the clock moves on: sign in again after each jump.
    let investigator = await signIn(t.app, DEMO.investigator)
    let supervisor = await signIn(t.app, DEMO.supervisor)
    const [ninety] = await openTasksOf(order.id)
    expect(ninety?.dueAt.slice(0, 10)).toBe(addDaysToIsoDate(expiry, -90))
    expect(rowsFor((await investigator.get('/actions')).body, order.id)).toHaveLength(1)
    expect(rowsFor((await supervisor.get(`/team-actions?kind=${KIND}`)).body, order.id)).toHaveLength(1)

    // Overdue by 10 days; the scheduler keeps it open.
    await passOn(addDaysToIsoDate(start, 20))
    investigator = await signIn(t.app, DEMO.investigator)
    supervisor = await signIn(t.app, DEMO.supervisor)
    const page = await investigator.get(`/investigations/orders/${order.id}`)
    expect(openCards(page.body).map((m) => m[1])).toEqual([ninety?.id])
    expect(page.body).toContain(`action="/investigations/orders/${order.id}/reminders/${ninety?.id}"`)
    expect(page.body).toContain('Record what you did')
    expect(page.body).toContain('Overdue')

    const saved = await recordAction(investigator, order.id, ninety?.id ?? '', `  ${NOTE}  `)
    expect(saved.statusCode, saved.body.slice(0, 400)).toBe(302)
    expect(saved.headers.location).toBe(`/investigations/orders/${order.id}`)
    const after = await investigator.get(`/investigations/orders/${order.id}`)
    expect(after.body).toContain('Reminder closed')
    expect(openCards(after.body)).toEqual([])
    const history = after.body.slice(after.body.indexOf('data-qa="reminder-history"'))
    expect(history).toContain(`What was done: ${NOTE}`)
    expect(history).toMatch(/moj-timeline__byline">\s*by DC Ruth Adeyemi/)

    const [closed] = await tasksOf(order.id)
    expect([closed?.status, closed?.outcome]).toEqual(['done', NOTE])
    expect(closed?.details.actedBy).toEqual(expect.any(String))
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'prevention-order'), eq(auditEvents.recordId, order.id)))
    expect(audited.some((e) => e.action === 'update' && e.details?.closedBy === 'officer')).toBe(true)
    const events = await t.database.db
      .select()
      .from(investigationEvents)
      .where(eq(investigationEvents.investigationId, investigationId))
    expect(events.map((e) => e.summary)).toContain(`Reminder on order ${order.reference} closed: ${NOTE}`)

    // It leaves My actions and Team actions, and the register's reminders.
    expect(rowsFor((await investigator.get('/actions')).body, order.id)).toEqual([])
    expect(rowsFor((await supervisor.get(`/team-actions?kind=${KIND}`)).body, order.id)).toEqual([])
    const register = await investigator.get('/investigations/orders')
    expect(register.statusCode).toBe(200)
    expect(register.body).not.toContain(`href="/investigations/orders/${order.id}">${order.reference}</a>:`)

    // The scheduler's next passes do not bring it back.
    await runDueJobs(scheduler, t.clock.now())
    await passOn(addDaysToIsoDate(start, 39))
    expect((await tasksOf(order.id)).map((r) => r.status)).toEqual(['done'])
    investigator = await signIn(t.app, DEMO.investigator)
    expect(rowsFor((await investigator.get('/actions')).body, order.id)).toEqual([])

    // The 30-day reminder reaches the worklist on its own day, 30 days before it falls due.
    await passOn(addDaysToIsoDate(start, 40))
    const open = await openTasksOf(order.id)
    expect(open.map((r) => r.dueAt.slice(0, 10))).toEqual([addDaysToIsoDate(expiry, -30)])
    expect(await tasksOf(order.id)).toHaveLength(2)
    investigator = await signIn(t.app, DEMO.investigator)
    supervisor = await signIn(t.app, DEMO.supervisor)
    expect(rowsFor((await investigator.get('/actions')).body, order.id)).toHaveLength(1)
    expect(rowsFor((await supervisor.get(`/team-actions?kind=${KIND}`)).body, order.id)).toHaveLength(1)
    expect(openCards((await investigator.get(`/investigations/orders/${order.id}`)).body).map((m) => m[1])).toEqual([
      open[0]?.id,
    ])
  })

  it('refuses an empty note, another order’s task, a closed task, another force and a role that cannot update', async () => {
    const investigator = await signIn(t.app, DEMO.investigator)
    const [thirty] = await openTasksOf(order.id)
    const [done] = (await tasksOf(order.id)).filter((r) => r.status === 'done')
    if (!thirty || !done) throw new Error('the first test leaves one open and one closed reminder')
    const url = `/investigations/orders/${order.id}/reminders/${thirty.id}`

    for (const note of ['', '   \n ']) {
      const empty = await recordAction(investigator, order.id, thirty.id, note)
      expect(empty.statusCode).toBe(400)
      expect(errorSummary(empty.body)).toEqual([[`#note-${thirty.id}`, 'Enter what you did about this reminder']])
      expect(empty.body).toContain(`id="note-${thirty.id}"`)
      expect(empty.body).toMatch(/govuk-error-message[\s\S]*?Enter what you did about this reminder/)
    }
    const long = await recordAction(investigator, order.id, thirty.id, 'x'.repeat(501))
    expect(long.statusCode).toBe(400)
    expect(errorSummary(long.body)[0]?.[1]).toBe('What you did must be 500 characters or fewer')

    // Another order's reminder, a task that is no order's reminder, and no task at all.
    // Five years and a day or two before its expiry, 20 days ahead.
    const otherStart = addDaysToIsoDate(today(), 20 - 5 * 366)
    const other = await addOrder(investigator, {
      ...dateFields('madeOn', otherStart),
      ...dateFields('startsOn', otherStart),
      ...dateFields('expiresOn', addDaysToIsoDate(today(), 20)),
    })
    const [otherTask] = await openTasksOf(other.id)
    expect(otherTask).toBeDefined()
    expect((await recordAction(investigator, order.id, otherTask?.id ?? '', 'Renewed')).statusCode).toBe(404)
    const [crimeTask] = await t.database.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.forceId, 'west-yorkshire'), eq(tasks.kind, 'record-crime')))
      .limit(1)
    expect(crimeTask).toBeDefined()
    expect((await recordAction(investigator, order.id, crimeTask?.id ?? '', 'Renewed')).statusCode).toBe(404)
    expect((await recordAction(investigator, order.id, randomUUID(), 'Renewed')).statusCode).toBe(404)
    expect((await recordAction(investigator, order.id, 'not-a-task', 'Renewed')).statusCode).toBe(404)

    // Already closed: 409 with the reason, and the first note stands.
    const again = await recordAction(investigator, order.id, done.id, 'Renewed a second time')
    expect(again.statusCode).toBe(409)
    expect(errorSummary(again.body)).toEqual([
      [
        '#reminder-history',
        'This reminder was already closed, so nothing was saved. What was recorded is in the history.',
      ],
    ])
    expect((await tasksOf(order.id)).find((r) => r.id === done.id)?.outcome).toBe(NOTE)

    // Another force sees no such order; an analyst may read the order but not close its reminders.
    const kent = await signIn(t.app, DEMO.kentInvestigator)
    expect((await kent.post(url, { note: 'Renewed' })).statusCode).toBe(404)
    const analyst = await signIn(t.app, DEMO.analyst)
    const read = await analyst.get(`/investigations/orders/${order.id}`)
    expect(read.statusCode).toBe(200)
    expect(openCards(read.body)).toHaveLength(1)
    expect(read.body).not.toContain(`action="${url}"`)
    expect((await analyst.post(url, { note: 'Renewed' })).statusCode).toBe(403)
    expect((await openTasksOf(order.id)).map((r) => [r.id, r.outcome])).toEqual([[thirty.id, null]])

    // A breach follow-up closes when the action on the breach is recorded, not with a note.
    const breach = await submit(investigator, `/investigations/orders/${order.id}/breaches`, {
      ...dateFields('occurredOn', addDaysToIsoDate(today(), -2)),
      ...dateFields('reportedOn', addDaysToIsoDate(today(), -1)),
      description: 'Seen recruiting workers outside a job centre',
    })
    expect(breach.statusCode).toBe(302)
    const followUp = (await openTasksOf(order.id)).find((r) => r.subjectId.includes(':breach-follow-up:'))
    expect(followUp).toBeDefined()
    const page = await investigator.get(`/investigations/orders/${order.id}`)
    expect(page.body).toContain(
      `href="/investigations/orders/${order.id}/breaches/1">Record the action taken on breach 1`,
    )
    expect(page.body).not.toContain(`action="/investigations/orders/${order.id}/reminders/${followUp?.id}"`)
    const refused = await recordAction(investigator, order.id, followUp?.id ?? '', 'Arrested')
    expect(refused.statusCode).toBe(400)
    expect(errorSummary(refused.body)[0]?.[1]).toBe(
      'Record the action taken on the breach instead: that closes this reminder.',
    )
    expect((await openTasksOf(order.id)).map((r) => r.id).sort()).toEqual([thirty.id, followUp?.id].sort())
  })
})
