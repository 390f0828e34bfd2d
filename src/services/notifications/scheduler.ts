import type { Db } from '../../db/client.js'
import {
  claimDueJobs,
  failJob,
  findNotificationWithRecipient,
  finishJob,
  type JobRow,
  listForceUserIdsByRole,
  sweepEncountersNeedingAction,
  sweepOverdueTasks,
  sweepTasksDueSoon,
} from '../../db/repositories/tasks.js'
import type { Role } from '../../domain/access/roles.js'
import { taskHref } from '../../domain/tasks/href.js'
import { auditSystem } from '../audit/audit.js'
import { ORDER_TASK_KIND, scheduleOrderReminderTasks } from '../investigate/orders.js'
import { ENCOUNTER_GRACE_HOURS } from '../tasks/worklists.js'
import { EMAIL_JOB, notify } from './notify.js'
import { sendMail } from './smtp.js'

export type Mailer = { send(msg: { to: string; subject: string; text: string }): Promise<void> }

export function smtpMailer(url: string, from: string): Mailer {
  return { send: (msg) => sendMail(url, { from, ...msg }) }
}

export type SchedulerDeps = {
  db: Db
  /** Links in emails are made absolute with this (PUBLIC_URL). */
  publicUrl: string
  /** Null when SMTP_URL is not set: email jobs finish as skipped, notifications stay in-app. */
  mailer: Mailer | null
  log?: { error(obj: object, msg: string): void }
}

export type RunSummary = { reminders: number; sent: number; skipped: number; retried: number; failed: number }

const HOUR = 3_600_000
const DUE_SOON_HOURS = 2
const LEASE_MS = 5 * 60_000
const MAX_ATTEMPTS = 5
const BATCH = 10
const MAX_BATCHES = 20
const TEAM: readonly Role[] = ['supervisor', 'force-lead']

/** Creates the reminders due at `now`; dedupe keys make each one happen once however often this runs. */
async function createReminders(deps: SchedulerDeps, now: Date): Promise<number> {
  const nowIso = now.toISOString()
  return deps.db.transaction(async (tx) => {
    const teams = new Map<string, string[]>()
    const teamOf = async (forceId: string) => {
      let ids = teams.get(forceId)
      if (!ids) {
        ids = await listForceUserIdsByRole(tx, forceId, TEAM)
        teams.set(forceId, ids)
      }
      return ids
    }
    const perForce = new Map<string, number>()
    const count = (forceId: string, n: number) => perForce.set(forceId, (perForce.get(forceId) ?? 0) + n)

    // First the order register's reminders that came within the horizon, so a task already due is notified now.
    for (const [forceId, { opened, closed }] of await scheduleOrderReminderTasks(tx, now)) {
      const kind = ORDER_TASK_KIND
      if (opened > 0) {
        await auditSystem(
          tx,
          { action: 'create', recordType: 'task', forceId, details: { kind, count: opened, by: 'scheduler' } },
          now,
        )
      }
      if (closed > 0) {
        await auditSystem(
          tx,
          { action: 'update', recordType: 'task', forceId, details: { kind, closed, by: 'scheduler' } },
          now,
        )
      }
    }

    for (const t of await sweepTasksDueSoon(
      tx,
      nowIso,
      new Date(now.getTime() + DUE_SOON_HOURS * HOUR).toISOString(),
    )) {
      if (!t.assigneeUserId) continue
      const dueAt = new Date(t.dueAt).toISOString()
      count(
        t.forceId,
        await notify(tx, {
          forceId: t.forceId,
          userIds: [t.assigneeUserId],
          message: { kind: 'task-due-soon', taskKind: t.kind, dueAt },
          link: taskHref(t),
          dedupeKey: `task-due-soon:${t.id}`,
          at: now,
        }),
      )
    }
    for (const t of await sweepOverdueTasks(tx, nowIso)) {
      const dueAt = new Date(t.dueAt).toISOString()
      const link = taskHref(t)
      if (t.assigneeUserId) {
        count(
          t.forceId,
          await notify(tx, {
            forceId: t.forceId,
            userIds: [t.assigneeUserId],
            message: { kind: 'task-overdue', taskKind: t.kind, dueAt },
            link,
            dedupeKey: `task-overdue:${t.id}`,
            at: now,
          }),
        )
      }
      const team = (await teamOf(t.forceId)).filter((u) => u !== t.assigneeUserId)
      count(
        t.forceId,
        await notify(tx, {
          forceId: t.forceId,
          userIds: team,
          message: { kind: 'team-task-overdue', taskKind: t.kind, dueAt },
          link,
          dedupeKey: `team-task-overdue:${t.id}`,
          at: now,
        }),
      )
    }
    // Encounters from the last 30 days only, so switching the scheduler on does not flood people.
    const since = new Date(now.getTime() - 30 * 24 * HOUR).toISOString()
    const before = new Date(now.getTime() - ENCOUNTER_GRACE_HOURS * HOUR).toISOString()
    for (const e of await sweepEncountersNeedingAction(tx, since, before)) {
      count(
        e.forceId,
        await notify(tx, {
          forceId: e.forceId,
          userIds: [e.officerUserId],
          message: { kind: 'encounter-needs-action' },
          link: `/encounters/${e.id}`,
          dedupeKey: `encounter-needs-action:${e.id}`,
          at: now,
        }),
      )
    }
    let total = 0
    for (const [forceId, n] of perForce) {
      if (n === 0) continue
      total += n
      await auditSystem(
        tx,
        { action: 'create', recordType: 'notification', forceId, details: { count: n, by: 'scheduler' } },
        now,
      )
    }
    return total
  })
}

type Outcome = { kind: 'done'; outcome: string } | { kind: 'error'; error: string }

async function runJob(deps: SchedulerDeps, job: JobRow): Promise<Outcome> {
  if (job.kind !== EMAIL_JOB) return { kind: 'error', error: `Unknown job kind "${job.kind}"` }
  const id = job.payload.notificationId
  if (typeof id !== 'string') return { kind: 'done', outcome: 'skipped: no notification named' }
  const found = await findNotificationWithRecipient(deps.db, id)
  if (!found) return { kind: 'done', outcome: 'skipped: the notification no longer exists' }
  if (found.disabledAt) return { kind: 'done', outcome: 'skipped: the account is disabled' }
  if (!deps.mailer) return { kind: 'done', outcome: 'skipped: SMTP_URL is not set' }
  const n = found.notification
  try {
    await deps.mailer.send({
      to: found.email,
      subject: n.subject,
      text:
        `${n.body}\n\nOpen it in Lantern: ${deps.publicUrl}${n.link}\n\n` +
        'This email holds no personal details. Sign in to Lantern to see the record.\n',
    })
    return { kind: 'done', outcome: 'sent' }
  } catch (e) {
    return { kind: 'error', error: e instanceof Error ? e.message : String(e) }
  }
}

/** Runs the queued jobs (the outbox) whose time has come. */
async function processJobs(deps: SchedulerDeps, now: Date, summary: RunSummary) {
  const nowIso = now.toISOString()
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const claimed = await deps.db.transaction((tx) =>
      claimDueJobs(tx, nowIso, new Date(now.getTime() + LEASE_MS).toISOString(), BATCH),
    )
    if (claimed.length === 0) return
    for (const job of claimed) {
      const result = await runJob(deps, job)
      if (result.kind === 'done') {
        await finishJob(deps.db, job.id, result.outcome, nowIso)
        if (result.outcome === 'sent') summary.sent += 1
        else summary.skipped += 1
        continue
      }
      deps.log?.error({ jobId: job.id, kind: job.kind, attempts: job.attempts }, `job failed: ${result.error}`)
      const retry = job.attempts < MAX_ATTEMPTS && job.kind === EMAIL_JOB
      // Back off 2, 4, 8, 16 minutes between attempts.
      const retryAt = retry ? new Date(now.getTime() + 2 ** job.attempts * 60_000).toISOString() : null
      await failJob(deps.db, job.id, result.error.slice(0, 500), retryAt, nowIso)
      if (retry) summary.retried += 1
      else summary.failed += 1
    }
  }
}

/**
 * One pass of the scheduler at `now`: create the reminders that are due, then deliver the outbox.
 * `lantern serve` calls it on an interval; tests call it directly with the injected clock's time.
 */
export async function runDueJobs(deps: SchedulerDeps, now: Date): Promise<RunSummary> {
  const summary: RunSummary = { reminders: 0, sent: 0, skipped: 0, retried: 0, failed: 0 }
  summary.reminders = await createReminders(deps, now)
  await processJobs(deps, now, summary)
  return summary
}

/** Runs `runDueJobs` every `intervalMs` in this process; a pass never overlaps the previous one. */
export function startScheduler(deps: SchedulerDeps, intervalMs: number, now: () => Date): { stop(): Promise<void> } {
  let running: Promise<unknown> | null = null
  const timer = setInterval(() => {
    if (running) return
    running = runDueJobs(deps, now())
      .catch((e: unknown) =>
        deps.log?.error({ err: e instanceof Error ? e.message : String(e) }, 'scheduler pass failed'),
      )
      .finally(() => {
        running = null
      })
  }, intervalMs)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      if (running) await running
    },
  }
}
