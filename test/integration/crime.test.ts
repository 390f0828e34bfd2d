import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import {
  auditEvents,
  crimeRecords,
  notifications,
  receivedReferrals,
  taskEvents,
  tasks,
} from '../../src/db/schema/index.js'
import { forceScopeOf } from '../../src/domain/access/policy.js'
import type { Ctx, Deps } from '../../src/services/context.js'
import { CrimeRefused, requestCancellation } from '../../src/services/crime/crime-records.js'
import { createCrimeToRecordTask } from '../../src/services/crime/crime-tasks.js'
import { logReceivedReferral } from '../../src/services/crime/received-referrals.js'
import { actorFromUser } from '../../src/services/identity/sign-in.js'
import { type Client, DEMO, signIn, startTestApp, type TestApp } from '../support/app.js'
import { testDatabaseKinds } from '../support/databases.js'

const kinds = await testDatabaseKinds()
const HOUR = 3_600_000

/** Day, month, year and time fields for a UK-local moment, as typed on the pages. */
function ukFields(prefix: string, at: Date) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(at)
  const get = (t: string) => f.find((p) => p.type === t)?.value ?? ''
  return {
    [`${prefix}-day`]: get('day'),
    [`${prefix}-month`]: get('month'),
    [`${prefix}-year`]: get('year'),
    [`${prefix}-time`]: `${get('hour')}:${get('minute')}`,
  }
}

async function step(c: Client, path: string, form: Record<string, string | string[]>) {
  await c.get(path)
  return c.post(path, form)
}

/** Walks the received-referral journey and returns the crime record it opened. */
async function logReceived(
  c: Client,
  opts: { kind?: string; receivedAt: Date; org?: string } = { receivedAt: new Date() },
): Promise<string> {
  const start = await c.get('/crime/received/new')
  expect(start.headers.location).toBe('/crime/received/new/kind')
  expect((await step(c, '/crime/received/new/kind', { kind: opts.kind ?? 'nrm-adult' })).statusCode).toBe(302)
  expect(
    (
      await step(c, '/crime/received/new/sender', {
        firstResponderOrganisation: opts.org ?? 'Wakefield Council',
        externalReference: 'WC-1',
      })
    ).statusCode,
  ).toBe(302)
  expect((await step(c, '/crime/received/new/when', ukFields('received', opts.receivedAt))).statusCode).toBe(302)
  expect(
    (await step(c, '/crime/received/new/where', { exploitationLocation: 'uk', exploitationForceId: 'west-yorkshire' }))
      .statusCode,
  ).toBe(302)
  const check = await c.get('/crime/received/new/check')
  expect(check.statusCode).toBe(200)
  const done = await c.post('/crime/received/new/check')
  expect(done.statusCode).toBe(302)
  const id = /^\/crime\/([0-9a-f-]{36})$/.exec(String(done.headers.location))?.[1]
  expect(id).toBeDefined()
  return id as string
}

async function ctxOf(t: TestApp, email: string): Promise<Ctx> {
  const found = await findUserForSignIn(t.database.db, email)
  if (!found) throw new Error(`no user ${email}`)
  return { actor: actorFromUser(found.user), requestId: 'test' }
}

function depsOf(t: TestApp): Deps {
  return { db: t.database.db, database: t.database, now: t.clock.now }
}

async function recordIt(c: Client, id: string, at: Date, reference = '13/1/26') {
  const res = await step(c, `/crime/${id}/record`, {
    crimeReference: reference,
    classification: '106',
    ...ukFields('recorded', at),
  })
  expect(res.headers.location).toBe(`/crime/${id}/record/check`)
  await c.get(`/crime/${id}/record/check`)
  const saved = await c.post(`/crime/${id}/record/check`)
  expect(saved.headers.location).toBe(`/crime/${id}`)
}

async function askToCancel(c: Client, id: string) {
  const res = await step(c, `/crime/${id}/cancel`, {
    evidenceKind: 'official-record',
    evidenceDescription: 'Payroll records checked with HMRC',
    rationale: 'The records show lawful, paid employment and free movement.',
  })
  expect(res.headers.location).toBe(`/crime/${id}/cancel/check`)
  await c.get(`/crime/${id}/cancel/check`)
  const sent = await c.post(`/crime/${id}/cancel/check`)
  expect(sent.headers.location).toBe(`/crime/${id}`)
}

describe.each(kinds)('crime recording on %s', (kind) => {
  let t: TestApp
  beforeAll(async () => {
    t = await startTestApp(kind)
  })
  afterAll(async () => {
    await t?.close()
  })

  it('logs a referral received from another organisation and starts a 24-hour clock marked as unconfirmed', async () => {
    const c = await signIn(t.app, DEMO.response)
    const receivedAt = new Date(t.clock.now().getTime() - 2 * HOUR)
    receivedAt.setUTCSeconds(0, 0)
    const id = await logReceived(c, { kind: 'duty-to-notify', receivedAt })
    const page = await c.get(`/crime/${id}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('24 hours (default; the source is unconfirmed)')
    expect(page.body).toContain('Duty to Notify report received')
    expect(page.body).toContain('Wakefield Council')
    const [row] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(new Date(row?.dueAt ?? '').getTime()).toBe(receivedAt.getTime() + 24 * HOUR)
    expect(row?.trigger).toBe('duty-to-notify-received')
    expect(row?.referralRules).toBe('nrm-rules.2023-07-24')
    const [task] = await t.database.db
      .select()
      .from(tasks)
      .where(eq(tasks.id, row?.taskId ?? ''))
    expect(task).toMatchObject({ kind: 'record-crime', status: 'open', subjectType: 'crime-record', subjectId: id })
    expect(task?.basis).toContain('24 hours (default; the source is unconfirmed)')
    expect(task?.ruleVersion).toContain('working-days.v1')
    const audited = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.recordType, 'received-referral'), eq(auditEvents.action, 'create')))
    expect(audited.length).toBeGreaterThan(0)
  })

  it('refuses bad answers on the received journey with specific messages', async () => {
    const c = await signIn(t.app, DEMO.response)
    await c.get('/crime/received/new')
    const noKind = await step(c, '/crime/received/new/kind', {})
    expect(noKind.statusCode).toBe(400)
    expect(noKind.body).toContain('Select what you received')
    const noOrg = await step(c, '/crime/received/new/sender', { firstResponderOrganisation: '  ' })
    expect(noOrg.body).toContain('Enter the organisation that sent it')
    const future = await step(
      c,
      '/crime/received/new/when',
      ukFields('received', new Date(t.clock.now().getTime() + 3 * HOUR)),
    )
    expect(future.statusCode).toBe(400)
    expect(future.body).toContain('The date and time it was received must be in the past')
    const notReal = await step(c, '/crime/received/new/when', {
      ...ukFields('received', t.clock.now()),
      'received-day': '31',
      'received-month': '2',
    })
    expect(notReal.body).toContain('The date it was received must be a real date')
    // Check answers with nothing answered names the first missing answer.
    const check = await c.post('/crime/received/new/check')
    expect(check.statusCode).toBe(400)
    expect(check.body).toContain('Select what you received')
  })

  it('keeps one record when the same form is sent twice', async () => {
    const ctx = await ctxOf(t, DEMO.response)
    const submissionId = '0b1f5d2e-8f0e-4f41-9c43-1b1d3d7a9a01'
    const input = {
      kind: 'nrm-adult' as const,
      firstResponderOrganisation: 'Leeds City Council',
      externalReference: null,
      receivedAt: new Date(t.clock.now().getTime() - HOUR).toISOString(),
      exploitationLocation: 'uk' as const,
      exploitationForceId: null,
    }
    const [first, second] = await Promise.all([
      logReceivedReferral(depsOf(t), ctx, submissionId, input),
      logReceivedReferral(depsOf(t), ctx, submissionId, input),
    ])
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true])
    expect(first.referral.id).toBe(second.referral.id)
    expect(first.crimeRecordId).toBe(second.crimeRecordId)
    const rows = await t.database.db
      .select()
      .from(receivedReferrals)
      .where(eq(receivedReferrals.submissionId, submissionId))
    expect(rows).toHaveLength(1)
    const crimes = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.subjectId, first.referral.id))
    expect(crimes).toHaveLength(1)
  })

  it('records the crime reference and classification, with history, and closes the task', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await logReceived(c, { receivedAt: new Date(t.clock.now().getTime() - HOUR) })
    const form = await c.get(`/crime/${id}/record`)
    expect(form.body).toContain('N200/3')
    expect(form.body).toContain('Source: SECONDARY')
    const bad = await c.post(`/crime/${id}/record`, {
      crimeReference: '',
      classification: 'N999',
      ...ukFields('recorded', new Date(t.clock.now().getTime() + 2 * HOUR)),
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('Enter the crime reference')
    expect(bad.body).toContain('Select the classification')
    await c.get(`/crime/${id}/record`)
    const future = await c.post(`/crime/${id}/record`, {
      crimeReference: '13/555/26',
      classification: '106',
      ...ukFields('recorded', new Date(t.clock.now().getTime() + 2 * HOUR)),
    })
    expect(future.body).toContain('The date and time the crime was recorded must be in the past')

    await recordIt(c, id, new Date(t.clock.now().getTime() - 5 * 60_000), '13/555/26')
    // A second click on "Save" after the first one saved changes nothing.
    const again = await c.post(`/crime/${id}/record/check`)
    expect(again.headers.location).toBe(`/crime/${id}`)
    const page = await c.get(`/crime/${id}`)
    expect(page.body).toContain('13/555/26')
    expect(page.body).toContain('106: Modern slavery')
    expect(page.body).toContain('Crime recorded')
    const [row] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(row?.status).toBe('recorded')
    const events = await t.database.db
      .select()
      .from(taskEvents)
      .where(eq(taskEvents.taskId, row?.taskId ?? ''))
    expect(events.filter((e) => e.event === 'crime-recorded')).toHaveLength(1)
    const [task] = await t.database.db
      .select()
      .from(tasks)
      .where(eq(tasks.id, row?.taskId ?? ''))
    expect(task?.status).toBe('done')
    // Recording is possible once only.
    expect((await c.get(`/crime/${id}/record`)).headers.location).toBe(`/crime/${id}`)
  })

  it('refuses a negative NRM decision as Additional Verifiable Information, on the page and in the service', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await logReceived(c, { receivedAt: new Date(t.clock.now().getTime() - HOUR) })
    await recordIt(c, id, new Date(t.clock.now().getTime() - 60_000))
    await c.get(`/crime/${id}/cancel`)
    const refused = await c.post(`/crime/${id}/cancel`, {
      evidenceKind: 'negative-nrm-decision',
      evidenceDescription: 'The Reasonable Grounds decision was negative',
      rationale: 'The Home Office decided she is not a victim.',
    })
    expect(refused.statusCode).toBe(400)
    expect(refused.body).toContain('A negative NRM decision is not Additional Verifiable Information')
    const empty = await c.post(`/crime/${id}/cancel`, {})
    expect(empty.body).toContain('Select what the Additional Verifiable Information is')
    expect(empty.body).toContain('Explain what the Additional Verifiable Information shows')

    const [row] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    await expect(
      requestCancellation(depsOf(t), await ctxOf(t, DEMO.response), id, row?.version ?? 0, {
        rationale: 'Negative RG',
        evidence: [{ kind: 'negative-nrm-decision', description: 'RG negative' }],
      }),
    ).rejects.toSatisfy((e: unknown) => e instanceof CrimeRefused && e.code === 'nrm-decision-not-avi')
    const [after] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(after?.status).toBe('recorded')
  })

  it('needs a supervisor to approve a cancellation, never the person who asked', async () => {
    const officer = await signIn(t.app, DEMO.response)
    const id = await logReceived(officer, { receivedAt: new Date(t.clock.now().getTime() - HOUR) })
    await recordIt(officer, id, new Date(t.clock.now().getTime() - 60_000))
    await askToCancel(officer, id)
    const [row] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(row?.status).toBe('cancellation-requested')
    // The officer cannot decide; supervisors and the lead were told.
    expect((await officer.get(`/crime/${id}/decision`)).statusCode).toBe(403)
    const supervisorUser = await findUserForSignIn(t.database.db, DEMO.supervisor)
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, supervisorUser?.user.id ?? ''), eq(notifications.kind, 'cancellation-requested')),
      )
    expect(told.map((n) => n.link)).toContain(`/crime/${id}/decision`)

    const supervisor = await signIn(t.app, DEMO.supervisor)
    await supervisor.get(`/crime/${id}/decision`)
    const noReason = await supervisor.post(`/crime/${id}/decision`, {
      outcome: 'rejected',
      version: String(row?.version),
    })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.body).toContain('Say why you are rejecting the cancellation')
    const approved = await supervisor.post(`/crime/${id}/decision`, {
      outcome: 'approved',
      version: String(row?.version),
    })
    expect(approved.headers.location).toBe(`/crime/${id}`)
    // The same decision sent again finds nothing to decide.
    const twice = await supervisor.post(`/crime/${id}/decision`, { outcome: 'approved', version: String(row?.version) })
    expect(twice.headers.location).toBe(`/crime/${id}`)
    const page = await supervisor.get(`/crime/${id}`)
    expect(page.body).toContain('Cancelled')
    expect(page.body).toContain('Cancellation approved')
  })

  it('refuses self-approval by a supervisor who asked for the cancellation', async () => {
    const supervisor = await signIn(t.app, DEMO.supervisor)
    const id = await logReceived(supervisor, { receivedAt: new Date(t.clock.now().getTime() - HOUR) })
    await recordIt(supervisor, id, new Date(t.clock.now().getTime() - 60_000))
    await askToCancel(supervisor, id)
    const [row] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    const page = await supervisor.get(`/crime/${id}/decision`)
    expect(page.body).toContain('You asked for this cancellation, so you cannot decide on it')
    const self = await supervisor.post(`/crime/${id}/decision`, { outcome: 'approved', version: String(row?.version) })
    expect(self.statusCode).toBe(400)
    expect(self.body).toContain('The person who asked for the cancellation cannot also decide on it')
    const [still] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(still?.status).toBe('cancellation-requested')

    const lead = await signIn(t.app, DEMO.lead)
    await lead.get(`/crime/${id}/decision`)
    const rejected = await lead.post(`/crime/${id}/decision`, {
      outcome: 'rejected',
      reason: 'The records do not cover the period of the account.',
      version: String(row?.version),
    })
    expect(rejected.headers.location).toBe(`/crime/${id}`)
    const [after] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(after?.status).toBe('recorded')
    expect(after?.rejectedCancellations).toHaveLength(1)
    // A rejected request lets the officer ask again with better information.
    expect((await supervisor.get(`/crime/${id}`)).body).toContain('Ask to cancel the crime record')
  })

  it('keeps crime records inside the force and behind the permissions', async () => {
    const c = await signIn(t.app, DEMO.response)
    const id = await logReceived(c, { receivedAt: new Date(t.clock.now().getTime() - HOUR) })
    expect((await c.get(`/crime/${id}`)).statusCode).toBe(200)
    const kent = await signIn(t.app, DEMO.kentResponse)
    expect((await kent.get(`/crime/${id}`)).statusCode).toBe(404)
    const analyst = await signIn(t.app, DEMO.analyst)
    expect((await analyst.get(`/crime/${id}`)).statusCode).toBe(403)
    expect((await analyst.get('/crime/received/new')).statusCode).toBe(403)
    const inspector = await signIn(t.app, DEMO.inspector)
    expect((await inspector.get(`/crime/${id}`)).statusCode).toBe(403)
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.recordType, 'crime-record'), eq(auditEvents.recordId, id), eq(auditEvents.action, 'read')),
      )
    expect(reads.length).toBeGreaterThan(0)
  })

  it('lets a force administrator set the time limit, used by new tasks only', async () => {
    const officer = await signIn(t.app, DEMO.response)
    expect((await officer.get('/crime/settings')).statusCode).toBe(403)
    const admin = await signIn(t.app, DEMO.admin)
    const page = await admin.get('/crime/settings')
    expect(page.body).toContain('24 hours (default; the source is unconfirmed)')
    const bad = await admin.post('/crime/settings', { useDefault: 'custom', hours: '0' })
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('The time limit must be between 1 and 720 hours')
    const words = await admin.post('/crime/settings', { useDefault: 'custom', hours: 'a day' })
    expect(words.body).toContain('Enter the time limit as a whole number of hours')
    await admin.get('/crime/settings')
    expect((await admin.post('/crime/settings', { useDefault: 'custom', hours: '36' })).statusCode).toBe(302)
    expect((await admin.get('/crime/settings')).body).toContain('36 hours (set by your force)')

    const receivedAt = new Date(t.clock.now().getTime() - HOUR)
    receivedAt.setUTCSeconds(0, 0)
    const id = await logReceived(officer, { receivedAt })
    const [row] = await t.database.db.select().from(crimeRecords).where(eq(crimeRecords.id, id))
    expect(new Date(row?.dueAt ?? '').getTime()).toBe(receivedAt.getTime() + 36 * HOUR)
    expect(row?.referralRules).toBe('nrm-rules.2023-07-24+crime-recording-36h')
    expect((await officer.get(`/crime/${id}`)).body).toContain('36 hours (set by your force)')

    await admin.get('/crime/settings')
    await admin.post('/crime/settings', { useDefault: 'default' })
    expect((await admin.get('/crime/settings')).body).toContain('24 hours (default; the source is unconfirmed)')
    const changed = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordType, 'force-task-settings'))
    expect(changed.length).toBe(2)
  })

  it('opens a crime task for every NRM referral made, none for a Duty to Notify report made, idempotently', async () => {
    const ctx = await ctxOf(t, DEMO.investigator)
    const scope = forceScopeOf(ctx.actor)
    const referralId = 'a4c1e7a2-7b9e-4c55-9d62-5b1f0a2b3c4d'
    const at = new Date(t.clock.now().getTime() - HOUR).toISOString()
    const first = await t.database.db.transaction((tx) =>
      createCrimeToRecordTask(tx, scope, { referralId, referralKind: 'nrm-child', origin: 'made', receivedAt: at }),
    )
    const second = await t.database.db.transaction((tx) =>
      createCrimeToRecordTask(tx, scope, { referralId, referralKind: 'nrm-child', origin: 'made', receivedAt: at }),
    )
    expect(first).not.toBeNull()
    expect(second).toEqual(first)
    const dtn = await t.database.db.transaction((tx) =>
      createCrimeToRecordTask(tx, scope, {
        referralId: 'dtn-made-1',
        referralKind: 'duty-to-notify',
        origin: 'made',
        receivedAt: at,
      }),
    )
    expect(dtn).toBeNull()
    const [task] = await t.database.db
      .select()
      .from(tasks)
      .where(eq(tasks.id, first?.taskId ?? ''))
    expect(task).toMatchObject({ kind: 'record-crime', assigneeUserId: ctx.actor.userId })
    expect(task?.title).toBe('Record the crime for an NRM referral made by the force')
    const count = await t.database.db.execute(
      sql`select count(*)::int as n from crime_records where subject_id = ${referralId}`,
    )
    expect((count as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1)
  })
})
