import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { taskKinds } from '../../domain/tasks/task-kind.js'
import { forces } from './forces.js'
import { users } from './identity.js'

/**
 * A follow-up someone must do by a time (issue 5 §6): crimes to record, decisions to chase,
 * periods ending. The subject is named by type and id so any capability can own tasks; titles
 * never hold personal data because they reach worklists and notifications.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    kind: text('kind', { enum: taskKinds }).notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'string' }).notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    /** How the due time was computed, in words, so a worklist can explain it. */
    basis: text('basis').notNull(),
    ruleVersion: text('rule_version').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    outcome: text('outcome'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
    /** Optimistic concurrency for changes made through pages (double submits apply once). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One open task per kind and subject: createTask is idempotent on this.
    uniqueIndex('tasks_open_subject_unique')
      .on(t.forceId, t.kind, t.subjectType, t.subjectId)
      .where(sql`status = 'open'`),
    index('tasks_force_status_due_idx').on(t.forceId, t.status, t.dueAt),
    index('tasks_assignee_status_idx').on(t.assigneeUserId, t.status),
  ],
)

/** The history of a task: created, completed, and what was recorded or requested against it. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    forceId: text('force_id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    event: text('event').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.at)],
)

/** A force's own settings for the rules that allow it (law-and-process.md §3: the crime-recording clock). */
export const forceTaskSettings = pgTable('force_task_settings', {
  forceId: text('force_id')
    .primaryKey()
    .references(() => forces.id),
  /** Null means the default (24 hours; the source is UNCONFIRMED for modern slavery). */
  crimeRecordingHours: integer('crime_recording_hours'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
})

export type StoredCancellation = {
  rationale: string
  evidence: { kind: string; description: string }[]
  requestedBy: string
  requestedAt: string
  decision: { outcome: 'approved' | 'rejected'; by: string; role: string; at: string; reason: string | null } | null
}

/**
 * The crime to record for one referral made or received (law-and-process.md §3, §9.5), with its clock,
 * the crime reference and classification once recorded, and any cancellation and its approval.
 */
export const crimeRecords = pgTable(
  'crime_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    /** 'referral' (made in Lantern or transferred in) or 'received-referral' (logged from another organisation). */
    subjectType: text('subject_type', { enum: ['referral', 'received-referral'] }).notNull(),
    subjectId: text('subject_id').notNull(),
    trigger: text('trigger', {
      enum: ['nrm-referral-made', 'nrm-referral-received', 'duty-to-notify-received'],
    }).notNull(),
    status: text('status', { enum: ['open', 'recorded', 'cancellation-requested', 'cancelled'] })
      .notNull()
      .default('open'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'string' }).notNull(),
    hours: integer('hours').notNull(),
    basis: text('basis').notNull(),
    ruleVersion: text('rule_version').notNull(),
    referralRules: text('referral_rules').notNull(),
    crimeReference: text('crime_reference'),
    classification: text('classification'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }),
    recordedBy: uuid('recorded_by').references(() => users.id),
    cancellation: jsonb('cancellation').$type<StoredCancellation>(),
    rejectedCancellations: jsonb('rejected_cancellations').$type<StoredCancellation[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('crime_records_subject_unique').on(t.forceId, t.subjectType, t.subjectId),
    index('crime_records_force_status_idx').on(t.forceId, t.status),
  ],
)

/**
 * A referral or Duty to Notify report another organisation sent to the force. It holds no names or other
 * identifying details: only what the force needs to record the crime and route the case.
 */
export const receivedReferrals = pgTable(
  'received_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    reference: text('reference').notNull().unique(),
    kind: text('kind', { enum: ['nrm-adult', 'nrm-child', 'duty-to-notify'] }).notNull(),
    firstResponderOrganisation: text('first_responder_organisation').notNull(),
    externalReference: text('external_reference'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
    exploitationLocation: text('exploitation_location', { enum: ['uk', 'overseas', 'both', 'not-known'] }).notNull(),
    exploitationForceId: text('exploitation_force_id').references(() => forces.id),
    loggedBy: uuid('logged_by')
      .notNull()
      .references(() => users.id),
    /** The form's one-time id: a double click or a retried request finds the first record instead of a second. */
    submissionId: uuid('submission_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('received_referrals_submission_unique').on(t.forceId, t.submissionId),
    index('received_referrals_force_received_idx').on(t.forceId, t.receivedAt),
  ],
)

/**
 * In-app notifications. They never carry personal data: a fixed subject, a sentence and a link, so the
 * same text can go by email. `dedupeKey` makes each reminder happen once however often the scheduler runs.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    link: text('link').notNull(),
    dedupeKey: text('dedupe_key').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
)

/**
 * The job queue and outbox: written in the same transaction as the change that needs it, claimed with
 * SELECT … FOR UPDATE SKIP LOCKED so several processes on PostgreSQL never run one job twice.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['pending', 'running', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** A claimed job whose lease has passed (its process died) is claimed again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true, mode: 'string' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    outcome: text('outcome'),
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('jobs_status_run_at_idx').on(t.status, t.runAt)],
)
