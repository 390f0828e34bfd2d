import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  notExists,
  or,
  type SQL,
  sql,
} from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { Role } from '../../domain/access/roles.js'
import type { TaskKind } from '../../domain/tasks/task-kind.js'
import type { DbOrTx } from '../client.js'
import { noReferralDecisions } from '../schema/encounter-outcomes.js'
import { encounters } from '../schema/encounters.js'
import { users } from '../schema/identity.js'
import { referrals } from '../schema/referrals.js'
import {
  crimeRecords,
  forceTaskSettings,
  jobs,
  notifications,
  receivedReferrals,
  taskEvents,
  tasks,
} from '../schema/tasks.js'

export type TaskRow = typeof tasks.$inferSelect
export type TaskEventRow = typeof taskEvents.$inferSelect

export type NewTask = {
  kind: TaskKind
  subjectType: string
  subjectId: string
  title: string
  dueAt: string
  assigneeUserId: string | null
  basis: string
  ruleVersion: string
  details: Record<string, unknown>
  createdAt: string
}

export async function findOpenTaskFor(
  tx: DbOrTx,
  scope: ForceScope,
  where: { kind: TaskKind; subjectType: string; subjectId: string },
) {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.forceId, scope.forceId),
        eq(tasks.kind, where.kind),
        eq(tasks.subjectType, where.subjectType),
        eq(tasks.subjectId, where.subjectId),
        eq(tasks.status, 'open'),
      ),
    )
  return row
}

/** Inserts unless an open task of the same kind and subject exists (then returns undefined). */
export async function insertTaskIfNoneOpen(tx: DbOrTx, scope: ForceScope, row: NewTask) {
  const [created] = await tx
    .insert(tasks)
    .values({ ...row, forceId: scope.forceId, status: 'open' })
    .onConflictDoNothing({
      target: [tasks.forceId, tasks.kind, tasks.subjectType, tasks.subjectId],
      where: sql`status = 'open'`,
    })
    .returning()
  return created
}

export async function findTask(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), eq(tasks.forceId, scope.forceId)))
  return row
}

/** Closes every open task of a kind for a subject; returns the closed rows. */
export async function closeOpenTasks(
  tx: DbOrTx,
  scope: ForceScope,
  where: { kind: TaskKind; subjectType: string; subjectId: string },
  outcome: string,
  at: string,
) {
  return tx
    .update(tasks)
    .set({ status: 'done', outcome, completedAt: at, version: sql`${tasks.version} + 1` })
    .where(
      and(
        eq(tasks.forceId, scope.forceId),
        eq(tasks.kind, where.kind),
        eq(tasks.subjectType, where.subjectType),
        eq(tasks.subjectId, where.subjectId),
        eq(tasks.status, 'open'),
      ),
    )
    .returning({ id: tasks.id })
}

/** Changes a task only if it is still at `expectedVersion`; undefined when someone else got there first. */
export async function updateTask(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<TaskRow, 'status' | 'outcome' | 'completedAt' | 'details' | 'assigneeUserId'>>,
) {
  const [row] = await tx
    .update(tasks)
    .set({ ...patch, version: sql`${tasks.version} + 1` })
    .where(and(eq(tasks.id, id), eq(tasks.forceId, scope.forceId), eq(tasks.version, expectedVersion)))
    .returning()
  return row
}

/** Only for undoing a task opened in the same transaction (a lost race); tasks are otherwise closed, never deleted. */
export async function deleteTask(tx: DbOrTx, scope: ForceScope, id: string) {
  await tx.delete(taskEvents).where(and(eq(taskEvents.taskId, id), eq(taskEvents.forceId, scope.forceId)))
  await tx.delete(tasks).where(and(eq(tasks.id, id), eq(tasks.forceId, scope.forceId)))
}

export async function insertTaskEvent(
  tx: DbOrTx,
  scope: ForceScope,
  row: { taskId: string; at: string; actorUserId: string | null; event: string; details?: Record<string, unknown> },
) {
  await tx.insert(taskEvents).values({ ...row, details: row.details ?? {}, forceId: scope.forceId })
}

export async function listTaskEvents(tx: DbOrTx, scope: ForceScope, taskId: string) {
  return tx
    .select()
    .from(taskEvents)
    .where(and(eq(taskEvents.taskId, taskId), eq(taskEvents.forceId, scope.forceId)))
    .orderBy(asc(taskEvents.at))
}

export type TaskFilter = {
  assigneeUserId?: string
  kinds?: readonly TaskKind[]
  /** Only tasks due before this instant. */
  dueBefore?: string
}

export async function listOpenTasks(tx: DbOrTx, scope: ForceScope, filter: TaskFilter = {}, limit = 500) {
  const conditions = [eq(tasks.forceId, scope.forceId), eq(tasks.status, 'open')]
  if (filter.assigneeUserId !== undefined) conditions.push(eq(tasks.assigneeUserId, filter.assigneeUserId))
  if (filter.kinds !== undefined && filter.kinds.length > 0) conditions.push(inArray(tasks.kind, [...filter.kinds]))
  if (filter.dueBefore !== undefined) conditions.push(lt(tasks.dueAt, filter.dueBefore))
  return tx
    .select()
    .from(tasks)
    .where(and(...conditions))
    .orderBy(asc(tasks.dueAt))
    .limit(limit)
}

// ---- Encounters with signs and nothing done after the grace period (issue 5 §6) ----

export type EncounterNeedingAction = {
  id: string
  reference: string
  officerUserId: string
  submittedAt: string | null
  occurredAt: string | null
  placeType: string | null
  pathway: string | null
}

/** Submitted encounters with signs, submitted before `submittedBefore`, with no referral or report yet. */
export async function listEncountersNeedingAction(
  tx: DbOrTx,
  scope: ForceScope,
  filter: { submittedBefore: string; officerUserId?: string },
  limit = 500,
): Promise<EncounterNeedingAction[]> {
  const conditions = [
    eq(encounters.forceId, scope.forceId),
    eq(encounters.status, 'submitted'),
    sql`jsonb_array_length(${encounters.indicators}) > 0`,
    lt(encounters.submittedAt, filter.submittedBefore),
    ...encounterHasNoOutcome(),
  ]
  if (filter.officerUserId !== undefined) conditions.push(eq(encounters.officerUserId, filter.officerUserId))
  return tx
    .select({
      id: encounters.id,
      reference: encounters.reference,
      officerUserId: encounters.officerUserId,
      submittedAt: encounters.submittedAt,
      occurredAt: encounters.occurredAt,
      placeType: encounters.placeType,
      pathway: sql<string | null>`${encounters.assessment}->>'pathway'`,
    })
    .from(encounters)
    .where(and(...conditions))
    .orderBy(asc(encounters.submittedAt))
    .limit(limit)
}

// ---- Force settings ----

export async function findForceTaskSettings(tx: DbOrTx, scope: ForceScope) {
  const [row] = await tx.select().from(forceTaskSettings).where(eq(forceTaskSettings.forceId, scope.forceId))
  return row
}

export async function upsertForceTaskSettings(
  tx: DbOrTx,
  scope: ForceScope,
  values: { crimeRecordingHours: number | null; updatedAt: string; updatedBy: string },
) {
  await tx
    .insert(forceTaskSettings)
    .values({ forceId: scope.forceId, ...values })
    .onConflictDoUpdate({ target: forceTaskSettings.forceId, set: values })
}

// ---- Crime records ----

export type CrimeRecordRow = typeof crimeRecords.$inferSelect
export type CrimeRecordPatch = Partial<
  Pick<
    CrimeRecordRow,
    | 'status'
    | 'crimeReference'
    | 'classification'
    | 'recordedAt'
    | 'recordedBy'
    | 'cancellation'
    | 'rejectedCancellations'
  >
>

export async function insertCrimeRecord(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof crimeRecords.$inferInsert, 'forceId' | 'status' | 'version'> & { id: string },
) {
  const [created] = await tx
    .insert(crimeRecords)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoNothing({ target: [crimeRecords.forceId, crimeRecords.subjectType, crimeRecords.subjectId] })
    .returning()
  return created
}

export async function findCrimeRecord(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(crimeRecords)
    .where(and(eq(crimeRecords.id, id), eq(crimeRecords.forceId, scope.forceId)))
  return row
}

export async function findCrimeRecordForSubject(
  tx: DbOrTx,
  scope: ForceScope,
  subjectType: CrimeRecordRow['subjectType'],
  subjectId: string,
) {
  const [row] = await tx
    .select()
    .from(crimeRecords)
    .where(
      and(
        eq(crimeRecords.forceId, scope.forceId),
        eq(crimeRecords.subjectType, subjectType),
        eq(crimeRecords.subjectId, subjectId),
      ),
    )
  return row
}

export async function updateCrimeRecord(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  patch: CrimeRecordPatch,
  now: string,
) {
  const [row] = await tx
    .update(crimeRecords)
    .set({ ...patch, updatedAt: now, version: sql`${crimeRecords.version} + 1` })
    .where(
      and(eq(crimeRecords.id, id), eq(crimeRecords.forceId, scope.forceId), eq(crimeRecords.version, expectedVersion)),
    )
    .returning()
  return row
}

export async function listCrimeRecordsByStatus(
  tx: DbOrTx,
  scope: ForceScope,
  statuses: readonly CrimeRecordRow['status'][],
  limit = 500,
) {
  return tx
    .select()
    .from(crimeRecords)
    .where(and(eq(crimeRecords.forceId, scope.forceId), inArray(crimeRecords.status, [...statuses])))
    .orderBy(asc(crimeRecords.updatedAt))
    .limit(limit)
}

// ---- Referrals received from other organisations ----

export type ReceivedReferralRow = typeof receivedReferrals.$inferSelect

export async function insertReceivedReferral(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof receivedReferrals.$inferInsert, 'forceId' | 'id'>,
) {
  const [created] = await tx
    .insert(receivedReferrals)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoNothing({ target: [receivedReferrals.forceId, receivedReferrals.submissionId] })
    .returning()
  return created
}

export async function findReceivedReferralBySubmission(tx: DbOrTx, scope: ForceScope, submissionId: string) {
  const [row] = await tx
    .select()
    .from(receivedReferrals)
    .where(and(eq(receivedReferrals.forceId, scope.forceId), eq(receivedReferrals.submissionId, submissionId)))
  return row
}

export async function findReceivedReferral(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(receivedReferrals)
    .where(and(eq(receivedReferrals.id, id), eq(receivedReferrals.forceId, scope.forceId)))
  return row
}

export async function receivedReferralReferenceExists(tx: DbOrTx, reference: string) {
  const [row] = await tx
    .select({ id: receivedReferrals.id })
    .from(receivedReferrals)
    .where(eq(receivedReferrals.reference, reference))
  return row !== undefined
}

export async function listReceivedReferrals(tx: DbOrTx, scope: ForceScope, limit = 200) {
  return tx
    .select({ referral: receivedReferrals, crime: crimeRecords })
    .from(receivedReferrals)
    .leftJoin(
      crimeRecords,
      and(
        eq(crimeRecords.forceId, receivedReferrals.forceId),
        eq(crimeRecords.subjectType, 'received-referral'),
        eq(crimeRecords.subjectId, sql`${receivedReferrals.id}::text`),
      ),
    )
    .where(eq(receivedReferrals.forceId, scope.forceId))
    .orderBy(desc(receivedReferrals.receivedAt))
    .limit(limit)
}

// ---- People to tell ----

/** Active members of the force with one of `roles` (e.g. the supervisors told about overdue work). */
export async function listForceUserIdsByRole(tx: DbOrTx, forceId: string, roles: readonly Role[]) {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.forceId, forceId), inArray(users.role, [...roles]), isNull(users.disabledAt)))
  return rows.map((r) => r.id)
}

/** Display names of the force's users, to show who a task is assigned to. */
export async function listForceUserNames(tx: DbOrTx, scope: ForceScope) {
  const rows = await tx
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.forceId, scope.forceId))
  return new Map(rows.map((r) => [r.id, r.displayName]))
}

// ---- Notifications ----

export type NotificationRow = typeof notifications.$inferSelect

/** Inserts the notification unless one with the same dedupe key exists; returns the new row or undefined. */
export async function insertNotification(tx: DbOrTx, row: Omit<typeof notifications.$inferInsert, 'id'>) {
  const [created] = await tx
    .insert(notifications)
    .values(row)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning()
  return created
}

export async function listNotificationsForUser(tx: DbOrTx, scope: ForceScope, userId: string, limit = 20) {
  return tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.forceId, scope.forceId), eq(notifications.userId, userId)))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
}

export async function findNotificationForUser(tx: DbOrTx, scope: ForceScope, userId: string, id: string) {
  const [row] = await tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.forceId, scope.forceId), eq(notifications.userId, userId)))
  return row
}

export async function countUnreadNotifications(tx: DbOrTx, scope: ForceScope, userId: string) {
  return tx.$count(
    notifications,
    and(eq(notifications.forceId, scope.forceId), eq(notifications.userId, userId), isNull(notifications.readAt)),
  )
}

export async function markNotificationsRead(
  tx: DbOrTx,
  scope: ForceScope,
  userId: string,
  at: string,
  ids?: readonly string[],
) {
  const conditions = [
    eq(notifications.forceId, scope.forceId),
    eq(notifications.userId, userId),
    isNull(notifications.readAt),
  ]
  if (ids !== undefined) conditions.push(inArray(notifications.id, [...ids]))
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(...conditions))
    .returning({ id: notifications.id })
  return rows.length
}

export async function findNotificationWithRecipient(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select({ notification: notifications, email: users.email, disabledAt: users.disabledAt })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(eq(notifications.id, id))
  return row
}

// ---- The scheduler's sweep ----
// The scheduler acts for no user and for every force. It reads task metadata only (titles never hold
// personal data) and returns each row's force, so every notification it writes belongs to one force.

export async function sweepOverdueTasks(tx: DbOrTx, now: string, limit = 500) {
  return tx
    .select({
      id: tasks.id,
      forceId: tasks.forceId,
      kind: tasks.kind,
      dueAt: tasks.dueAt,
      assigneeUserId: tasks.assigneeUserId,
      subjectType: tasks.subjectType,
      subjectId: tasks.subjectId,
      details: tasks.details,
    })
    .from(tasks)
    .where(and(eq(tasks.status, 'open'), lt(tasks.dueAt, now)))
    .orderBy(asc(tasks.dueAt))
    .limit(limit)
}

export async function sweepTasksDueSoon(tx: DbOrTx, now: string, until: string, limit = 500) {
  return tx
    .select({
      id: tasks.id,
      forceId: tasks.forceId,
      kind: tasks.kind,
      dueAt: tasks.dueAt,
      assigneeUserId: tasks.assigneeUserId,
      subjectType: tasks.subjectType,
      subjectId: tasks.subjectId,
      details: tasks.details,
    })
    .from(tasks)
    .where(
      and(eq(tasks.status, 'open'), gte(tasks.dueAt, now), lte(tasks.dueAt, until), isNotNull(tasks.assigneeUserId)),
    )
    .orderBy(asc(tasks.dueAt))
    .limit(limit)
}

/** Encounters with signs and no outcome, submitted between `since` and `before`, in every force. */
export async function sweepEncountersNeedingAction(tx: DbOrTx, since: string, before: string, limit = 500) {
  return tx
    .select({ id: encounters.id, forceId: encounters.forceId, officerUserId: encounters.officerUserId })
    .from(encounters)
    .where(
      and(
        eq(encounters.status, 'submitted'),
        sql`jsonb_array_length(${encounters.indicators}) > 0`,
        lt(encounters.submittedAt, before),
        gt(encounters.submittedAt, since),
        ...encounterHasNoOutcome(),
      ),
    )
    .orderBy(asc(encounters.submittedAt))
    .limit(limit)
}

// ---- Jobs (the outbox) ----

export type JobRow = typeof jobs.$inferSelect

export async function insertJob(
  tx: DbOrTx,
  row: { kind: string; payload: Record<string, unknown>; runAt: string; createdAt: string; dedupeKey?: string },
) {
  const [created] = await tx
    .insert(jobs)
    .values({ ...row, dedupeKey: row.dedupeKey ?? null })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id })
  return created
}

/**
 * Claims up to `limit` due jobs: pending ones whose time has come, and running ones whose lease ran out.
 * FOR UPDATE SKIP LOCKED lets several processes claim at once without taking the same job; the lease
 * is written before the transaction ends, so the work itself runs outside any transaction.
 */
export async function claimDueJobs(tx: DbOrTx, now: string, leaseUntil: string, limit: number) {
  const due = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(
      or(
        and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)),
        and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now)),
      ),
    )
    .orderBy(asc(jobs.runAt))
    .limit(limit)
    .for('update', { skipLocked: true })
  if (due.length === 0) return []
  return tx
    .update(jobs)
    .set({ status: 'running', leaseUntil, attempts: sql`${jobs.attempts} + 1` })
    .where(
      inArray(
        jobs.id,
        due.map((d) => d.id),
      ),
    )
    .returning()
}

export async function finishJob(tx: DbOrTx, id: string, outcome: string, at: string) {
  await tx
    .update(jobs)
    .set({ status: 'done', outcome, finishedAt: at, leaseUntil: null, lastError: null })
    .where(eq(jobs.id, id))
}

export async function failJob(tx: DbOrTx, id: string, error: string, retryAt: string | null, at: string) {
  await tx
    .update(jobs)
    .set(
      retryAt === null
        ? { status: 'failed', lastError: error, finishedAt: at, leaseUntil: null }
        : { status: 'pending', lastError: error, runAt: retryAt, leaseUntil: null },
    )
    .where(eq(jobs.id, id))
}

export async function listJobs(tx: DbOrTx, kind?: string) {
  return tx
    .select()
    .from(jobs)
    .where(kind === undefined ? undefined : eq(jobs.kind, kind))
    .orderBy(asc(jobs.createdAt))
}

// ---- What counts as an outcome for an encounter ----

// An encounter has its outcome once a referral or Duty to Notify report made from it has been sent: a draft
// is still work to do, and a withdrawn one leaves the encounter needing a decision again. The referral may have
// been transferred to another force since, so this looks for it by encounter in any force.
function encounterHasNoOutcome(): SQL[] {
  return [
    notExists(
      sql`(select 1 from ${referrals} where ${referrals.encounterId} = ${encounters.id} and ${referrals.status} not in ('draft', 'withdrawn'))`,
    ),
    // A supervisor's standing decision that neither a referral nor a report is needed is an outcome too (issue 5).
    notExists(
      sql`(select 1 from ${noReferralDecisions} where ${noReferralDecisions.encounterId} = ${encounters.id} and ${noReferralDecisions.withdrawnAt} is null)`,
    ),
  ]
}
