import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jobs, notifications, referrals, tasks } from '../../src/db/schema/index.js'
import { logReceivedReferral } from '../../src/services/crime/received-referrals.js'
import { runDueJobs, type SchedulerDeps, smtpMailer } from '../../src/services/notifications/scheduler.js'
import { startSmtpSink } from '../../src/services/notifications/smtp-sink.js'
import { DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'
import { ctxOf, depsOf, submittedEncounterWithSigns } from '../support/records.js'

const kinds = await testDatabaseKinds()
const HOUR = 3_600_000

/** A received referral logged by `email` at the test clock's time, received `hoursAgo` hours earlier. */
async function received(t: TestApp, email: string, hoursAgo: number, submissionId: string) {
  const result = await logReceivedReferral(depsOf(t), await ctxOf(t, email), submissionId, {
    kind: 'nrm-adult',
    firstResponderOrganisation: 'Calderdale Council',
    externalReference: null,
    receivedAt: new Date(t.clock.now().getTime() - hoursAgo * HOUR).toISOString(),
    exploitationLocation: 'uk',
    exploitationForceId: null,
  })
  const crimeId = result.crimeRecordId as string
  const [task] = await t.database.db.select().from(tasks).where(eq(tasks.subjectId, crimeId))
  return { crimeId, taskId: task?.id as string }
}

const rowFor = (body: string, id: string) =>
  new RegExp(`<tr class="govuk-table__row" data-kind="([a-z-]+)" data-overdue="(yes|no)" data-item="${id}">`).exec(body)

describe.each(kinds)('worklists on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('puts a crime to record in My actions, and moves it to overdue when its 24 hours pass', async () => {
    const { taskId } = await received(t, DEMO.response, 1, '7a0e0000-0000-4000-8000-000000000001')
    const officer = await signIn(t.app, DEMO.response)
    let page = await officer.get('/actions')
    expect(page.statusCode).toBe(200)
    expect(rowFor(page.body, taskId)?.slice(1)).toEqual(['record-crime', 'no'])
    expect(page.body).toContain('Due in 23 hours')
    expect(page.body).toContain('24 hours (default; the source is unconfirmed)')
    // Only the assignee sees it in My actions.
    const investigator = await signIn(t.app, DEMO.investigator)
    expect(rowFor((await investigator.get('/actions')).body, taskId)).toBeNull()

    // Sessions expire as the clock moves on, so sign in again after each jump.
    t.clock.advance(22 * HOUR)
    expect(rowFor((await (await signIn(t.app, DEMO.response)).get('/actions')).body, taskId)?.[2]).toBe('no')
    t.clock.advance(2 * HOUR)
    page = await (await signIn(t.app, DEMO.response)).get('/actions')
    expect(rowFor(page.body, taskId)?.[2]).toBe('yes')
    expect(page.body).toContain('Overdue by 1 hour')
    // Overdue actions come first: no row that is not overdue comes before an overdue one.
    const order = [...page.body.matchAll(/data-overdue="(yes|no)"/g)].map((m) => m[1])
    expect(order.indexOf('no') === -1 || order.lastIndexOf('yes') < order.indexOf('no')).toBe(true)
  })

  it('shows everything open in the force in Team actions, filtered by kind and overdue', async () => {
    const fresh = await received(t, DEMO.investigator, 0, '7a0e0000-0000-4000-8000-000000000002')
    const late = await received(t, DEMO.investigator, 30, '7a0e0000-0000-4000-8000-000000000003')
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const all = await supervisor.get('/team-actions')
    expect(all.statusCode).toBe(200)
    expect(rowFor(all.body, fresh.taskId)?.[2]).toBe('no')
    expect(rowFor(all.body, late.taskId)?.[2]).toBe('yes')
    expect(all.body).toContain('DC Ruth Adeyemi')
    expect(all.body).toContain('data-module="moj-sortable-table"')
    const overdue = await supervisor.get('/team-actions?overdue=yes')
    expect(rowFor(overdue.body, fresh.taskId)).toBeNull()
    expect(rowFor(overdue.body, late.taskId)).not.toBeNull()
    expect(overdue.body).toContain('Overdue only')
    const otherKind = await supervisor.get('/team-actions?kind=chase-rg-decision')
    expect(rowFor(otherKind.body, late.taskId)).toBeNull()
    const crimeKind = await supervisor.get('/team-actions?kind=record-crime&overdue=yes')
    expect(rowFor(crimeKind.body, late.taskId)).not.toBeNull()
    // Another force never sees West Yorkshire's actions.
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect(rowFor((await kent.get('/actions')).body, late.taskId)).toBeNull()
  })

  it('lists an encounter with signs and no referral after 24 hours, for its officer and the team', async () => {
    const { id } = await submittedEncounterWithSigns(t, DEMO.response)
    expect(rowFor((await (await signIn(t.app, DEMO.response)).get('/actions')).body, id)).toBeNull()
    t.clock.advance(23 * HOUR)
    expect(rowFor((await (await signIn(t.app, DEMO.response)).get('/actions')).body, id)).toBeNull()
    t.clock.advance(2 * HOUR)
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const mine = await (await signIn(t.app, DEMO.response)).get('/actions')
    expect(rowFor(mine.body, id)?.slice(1)).toEqual(['refer-or-notify', 'yes'])
    expect(mine.body).toContain(`href="/encounters/${id}"`)
    expect(rowFor((await supervisor.get('/team-actions?kind=refer-or-notify')).body, id)).not.toBeNull()
    expect(rowFor((await supervisor.get('/team-actions?kind=record-crime')).body, id)).toBeNull()
    const other = await signIn(t.app, DEMO.investigator)
    expect(rowFor((await other.get('/actions')).body, id)).toBeNull()

    // A draft referral is still work to do; once it is sent, the encounter leaves the worklists.
    const officerId = (await ctxOf(t, DEMO.response)).actor.userId
    const now = t.clock.now().toISOString()
    const [referral] = await t.database.db
      .insert(referrals)
      .values({
        forceId: 'west-yorkshire',
        originForceId: 'west-yorkshire',
        encounterId: id,
        reference: `REF-TEST-${kind}`,
        kind: 'nrm-adult',
        ageStatus: 'adult',
        createdBy: officerId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    const officerAgain = await signIn(t.app, DEMO.response)
    expect(rowFor((await officerAgain.get('/actions')).body, id)).not.toBeNull()
    await t.database.db
      .update(referrals)
      .set({ status: 'submitted' })
      .where(eq(referrals.id, referral?.id ?? ''))
    expect(rowFor((await officerAgain.get('/actions')).body, id)).toBeNull()
    expect(rowFor((await supervisor.get('/team-actions')).body, id)).toBeNull()
  })

  it('lets only the right roles open each worklist, and puts Actions first in the navigation', async () => {
    const officer = await signIn(t.app, DEMO.response)
    expect((await officer.get('/team-actions')).statusCode).toBe(403)
    const home = await officer.get('/')
    const nav = [...home.body.matchAll(/class="govuk-service-navigation__link"[^>]*>\s*([^<]+?)\s*</g)].map((m) => m[1])
    expect(nav[0]).toBe('Actions')
    for (const who of [DEMO.analyst, DEMO.admin, DEMO.inspector]) {
      const c = await signIn(t.app, who)
      expect((await c.get('/actions')).statusCode).toBe(403)
      expect((await c.get('/team-actions')).statusCode).toBe(403)
      expect((await c.get('/')).body).not.toContain('href="/actions"')
    }
    const lead = await signIn(t.app, DEMO.lead)
    expect((await lead.get('/team-actions')).statusCode).toBe(200)
  })

  it('creates reminders once when tasks fall due, for the assignee and the supervisors, with no personal data', async () => {
    const { taskId, crimeId } = await received(t, DEMO.response, 23.5, '7a0e0000-0000-4000-8000-000000000004')
    const scheduler: SchedulerDeps = { db: t.database.db, publicUrl: 'https://lantern.example', mailer: null }
    const officerId = (await ctxOf(t, DEMO.response)).actor.userId
    const supervisorId = (await ctxOf(t, DEMO.supervisor)).actor.userId
    const forTask = async () =>
      (await t.database.db.select().from(notifications)).filter((n) => n.link === `/crime/${crimeId}`)

    await runDueJobs(scheduler, t.clock.now())
    let sent = await forTask()
    expect(sent.map((n) => [n.kind, n.userId])).toEqual([['task-due-soon', officerId]])

    t.clock.advance(HOUR)
    const run = await runDueJobs(scheduler, t.clock.now())
    expect(run.reminders).toBeGreaterThan(0)
    sent = await forTask()
    expect(sent.filter((n) => n.kind === 'task-overdue').map((n) => n.userId)).toEqual([officerId])
    expect(sent.filter((n) => n.kind === 'team-task-overdue').map((n) => n.userId)).toContain(supervisorId)
    expect(sent.find((n) => n.kind === 'task-overdue')?.subject).toBe('Lantern: a crime record is overdue')
    // Nothing personal: no organisation, no officer's name, no reference.
    for (const n of sent) {
      expect(`${n.subject} ${n.body}`).not.toMatch(/Calderdale|Amira|Khan|RCV-/)
    }
    // Email jobs finish as skipped without SMTP; running again adds nothing.
    const emailJobs = await t.database.db.select().from(jobs)
    expect(emailJobs.every((j) => j.status === 'done')).toBe(true)
    expect(emailJobs.some((j) => j.outcome === 'skipped: SMTP_URL is not set')).toBe(true)
    const count = (await forTask()).length
    await runDueJobs(scheduler, t.clock.now())
    expect((await forTask()).length).toBe(count)

    // The officer sees them on My actions, with an unread count, and can open and clear them.
    const officer = await signIn(t.app, DEMO.response)
    const page = await officer.get('/actions')
    expect(page.body).toMatch(/data-qa="unread"[^>]*>\s*\d+ unread/)
    expect(page.body).toContain('Lantern: a crime record is overdue')
    const mine = sent.find((n) => n.kind === 'task-overdue')
    const open = await officer.get(`/notifications/${mine?.id}`)
    expect(open.headers.location).toBe(`/crime/${crimeId}`)
    const [read] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, mine?.id ?? ''))
    expect(read?.readAt).not.toBeNull()
    const other = await signIn(t.app, DEMO.investigator)
    expect((await other.get(`/notifications/${mine?.id}`)).statusCode).toBe(404)
    await officer.get('/actions')
    expect((await officer.post('/actions/notifications/read')).statusCode).toBe(302)
    expect((await officer.get('/actions')).body).not.toContain('data-qa="unread"')
    void taskId
  })

  it('emails notifications through SMTP to a local sink, and retries when the server refuses', async () => {
    const sink = await startSmtpSink()
    try {
      const { crimeId } = await received(t, DEMO.investigator, 25, '7a0e0000-0000-4000-8000-000000000005')
      const scheduler: SchedulerDeps = {
        db: t.database.db,
        publicUrl: 'https://lantern.example',
        mailer: smtpMailer(sink.url, 'Lantern <lantern@lantern.example>'),
      }
      const run = await runDueJobs(scheduler, t.clock.now())
      expect(run.sent).toBeGreaterThan(0)
      const mail = sink.messages.find(
        (m) => m.to[0] === DEMO.investigator && m.subject === 'Lantern: a crime record is overdue',
      )
      expect(mail).toBeDefined()
      expect(mail?.from).toBe('lantern@lantern.example')
      expect(mail?.body).toContain(`https://lantern.example/crime/${crimeId}`)
      expect(mail?.body).not.toMatch(/Calderdale|Ruth|Adeyemi/)
      expect(sink.messages.some((m) => m.to[0] === DEMO.supervisor)).toBe(true)
    } finally {
      await sink.close()
    }

    const refusing = await startSmtpSink({ rejectRecipients: true })
    try {
      await received(t, DEMO.custody, 25, '7a0e0000-0000-4000-8000-000000000006')
      const scheduler: SchedulerDeps = {
        db: t.database.db,
        publicUrl: 'https://lantern.example',
        mailer: smtpMailer(refusing.url, 'lantern@lantern.example'),
      }
      const run = await runDueJobs(scheduler, t.clock.now())
      expect(run.retried).toBeGreaterThan(0)
      const pending = (await t.database.db.select().from(jobs)).filter((j) => j.status === 'pending')
      expect(pending.length).toBeGreaterThan(0)
      expect(pending[0]?.lastError).toContain('550')
      expect(new Date(pending[0]?.runAt ?? '').getTime()).toBeGreaterThan(t.clock.now().getTime())
      // Not due again until the back-off has passed.
      expect((await runDueJobs(scheduler, t.clock.now())).retried).toBe(0)
    } finally {
      await refusing.close()
    }
  })

  it('never sends one email twice when two scheduler passes run at once', async () => {
    const sink = await startSmtpSink()
    try {
      await received(t, DEMO.lead, 26, '7a0e0000-0000-4000-8000-000000000007')
      await received(t, DEMO.custody, 27, '7a0e0000-0000-4000-8000-000000000008')
      const scheduler: SchedulerDeps = {
        db: t.database.db,
        publicUrl: 'https://lantern.example',
        mailer: smtpMailer(sink.url, 'lantern@lantern.example'),
      }
      const sentBefore = (await t.database.db.select().from(jobs)).filter((j) => j.outcome === 'sent').length
      // Let earlier back-offs lapse so every queued email is due.
      t.clock.advance(HOUR)
      const [a, b] = await Promise.all([runDueJobs(scheduler, t.clock.now()), runDueJobs(scheduler, t.clock.now())])
      expect(a.sent + b.sent).toBe(sink.messages.length)
      const ids = sink.messages.map((m) => /crime\/([0-9a-f-]{36})/.exec(m.body)?.[1] + m.to.join())
      expect(new Set(ids).size).toBe(ids.length)
      const done = (await t.database.db.select().from(jobs)).filter((j) => j.outcome === 'sent')
      expect(done.length - sentBefore).toBe(sink.messages.length)
      expect(sink.messages.length).toBeGreaterThan(0)
    } finally {
      await sink.close()
    }
  })
})
