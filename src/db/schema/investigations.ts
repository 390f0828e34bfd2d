import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { closureReasons, victimContactStatuses } from '../../domain/investigation/closure.js'
import type { evidenceItemStatuses } from '../../domain/investigation/evidence-checklist.js'
import { orderKinds } from '../../domain/investigation/orders.js'
import {
  orderConsiderationDecisions,
  orderConsiderationStages,
} from '../../domain/investigation/prevention-order-consideration.js'
import { investigationStatuses } from '../../domain/investigation/status.js'
import { encounters } from './encounters.js'
import { forces } from './forces.js'
import { users } from './identity.js'
import { referrals } from './referrals.js'
import { crimeRecords } from './tasks.js'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' })

export type StoredEvidenceState = {
  itemId: string
  status: (typeof evidenceItemStatuses)[number]
  note: string | null
  updatedAt: string
  updatedBy: string
}

/**
 * An investigation into modern slavery or trafficking (issue 6 §1), opened from an encounter, a referral or a
 * crime record, or directly. Nothing closes without a supervisor's sign-off, and an early or risky closure is
 * held for the force lead (law-and-process.md §1.2 "closed too soon", §9 item 9).
 */
export const investigations = pgTable(
  'investigations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    reference: text('reference').notNull().unique(),
    /** An operation name or short title; never a victim's name (it appears in lists and worklists). */
    title: text('title').notNull(),
    /** What is being investigated, in short. */
    summary: text('summary'),
    status: text('status', { enum: investigationStatuses }).notNull().default('open'),
    openedFrom: text('opened_from', { enum: ['direct', 'encounter', 'referral', 'crime-record'] }).notNull(),
    encounterId: uuid('encounter_id').references(() => encounters.id),
    referralId: uuid('referral_id').references(() => referrals.id),
    crimeRecordId: uuid('crime_record_id').references(() => crimeRecords.id),
    /** NRM categories (law-and-process.md §5.1); several allowed. */
    exploitationTypes: jsonb('exploitation_types').$type<string[]>().notNull().default([]),
    countyLines: boolean('county_lines').notNull().default(false),
    /** Home Office typology sub-types (law-and-process.md §5.2). */
    typologyIds: jsonb('typology_ids').$type<string[]>().notNull().default([]),
    officerInChargeUserId: uuid('officer_in_charge_user_id')
      .notNull()
      .references(() => users.id),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: at('opened_at').notNull(),
    reopenedAt: at('reopened_at'),
    closedAt: at('closed_at'),
    closureReason: text('closure_reason', { enum: closureReasons }),
    evidence: jsonb('evidence').$type<StoredEvidenceState[]>().notNull().default([]),
    /** The open form's one-time id: a double click or a retried request finds the first record. */
    submissionId: uuid('submission_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('investigations_submission_unique').on(t.forceId, t.submissionId),
    index('investigations_force_status_idx').on(t.forceId, t.status),
    index('investigations_force_opened_idx').on(t.forceId, t.openedAt),
  ],
)

/** The timeline of an investigation: one row for everything that happened, in plain words. */
export const investigationEvents = pgTable(
  'investigation_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    at: at('at').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    type: text('type').notNull(),
    summary: text('summary').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('investigation_events_investigation_idx').on(t.investigationId, t.at)],
)

/** A supervisory review: rationale and directions (issue 6 §2). */
export const investigationReviews = pgTable(
  'investigation_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    reviewerUserId: uuid('reviewer_user_id')
      .notNull()
      .references(() => users.id),
    completedAt: at('completed_at').notNull(),
    /** When the review was due, so lateness can be reported. */
    dueAt: at('due_at').notNull(),
    rationale: text('rationale').notNull(),
    directions: jsonb('directions').$type<string[]>().notNull().default([]),
  },
  (t) => [index('investigation_reviews_investigation_idx').on(t.investigationId, t.completedAt)],
)

/** The investigation plan: lines of enquiry. */
export const linesOfEnquiry = pgTable(
  'investigation_lines_of_enquiry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    title: text('title').notNull(),
    rationale: text('rationale'),
    status: text('status', { enum: ['open', 'completed', 'discounted'] })
      .notNull()
      .default('open'),
    outcome: text('outcome'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('investigation_loe_investigation_idx').on(t.investigationId)],
)

/** Actions with an owner and a due date. */
export const investigationActions = pgTable(
  'investigation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    description: text('description').notNull(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    result: text('result'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    completedAt: at('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
  },
  (t) => [
    index('investigation_actions_investigation_idx').on(t.investigationId),
    index('investigation_actions_owner_idx').on(t.forceId, t.ownerUserId, t.status),
  ],
)

/** The victim-contact log: engagement, support worker, interpreter and needs. */
export const victimContacts = pgTable(
  'victim_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    /** The victim's entity link, when the contact is with a linked victim. */
    victimLinkId: uuid('victim_link_id'),
    contactedAt: at('contacted_at').notNull(),
    method: text('method', {
      enum: ['in-person', 'phone', 'video', 'through-support-worker', 'attempted-no-answer'],
    }).notNull(),
    engagement: text('engagement', { enum: victimContactStatuses }).notNull(),
    supportWorker: text('support_worker'),
    interpreter: text('interpreter', { enum: ['none', 'independent', 'not-independent'] }).notNull(),
    interpreterLanguage: text('interpreter_language'),
    needs: text('needs'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('victim_contacts_investigation_idx').on(t.investigationId, t.contactedAt)],
)

export type StoredSignOff = {
  userId: string
  role: string
  at: string
  decision: 'approve' | 'refuse'
  rationale: string
}

/** A request to close, with the supervisor's sign-off and, when the early-closure guard applies, the force lead's. */
export const closureRequests = pgTable(
  'investigation_closure_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    reason: text('reason', { enum: closureReasons }).notNull(),
    rationale: text('rationale').notNull(),
    victimContactStatus: text('victim_contact_status', { enum: victimContactStatuses }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: at('requested_at').notNull(),
    status: text('status', { enum: ['pending', 'held', 'approved', 'refused', 'withdrawn'] })
      .notNull()
      .default('pending'),
    supervisorSignOff: jsonb('supervisor_sign_off').$type<StoredSignOff>(),
    secondReview: jsonb('second_review').$type<StoredSignOff>(),
    /** Why the early-closure guard applied, as it stood at sign-off. */
    secondReviewReasons: jsonb('second_review_reasons').$type<{ code: string; message: string }[]>(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    index('closure_requests_investigation_idx').on(t.investigationId, t.requestedAt),
    // At most one live request per investigation.
    uniqueIndex('closure_requests_live_unique').on(t.investigationId).where(sql`status in ('pending', 'held')`),
  ],
)

/** STPO/STRO consideration decisions at charge, conviction and closure (law-and-process.md §4.4, §9 item 9). */
export const orderConsiderations = pgTable(
  'investigation_order_considerations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    stage: text('stage', { enum: orderConsiderationStages }).notNull(),
    decision: text('decision', { enum: orderConsiderationDecisions }).notNull(),
    rationale: text('rationale').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: at('decided_at').notNull(),
  },
  (t) => [index('order_considerations_investigation_idx').on(t.investigationId)],
)

/** Charge, NFA, CPS decision, court result and sentence, each about one suspect (domain shape in `data`). */
export const investigationOutcomes = pgTable(
  'investigation_outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    investigationId: uuid('investigation_id')
      .notNull()
      .references(() => investigations.id),
    /** The suspect's entity link. */
    suspectLinkId: uuid('suspect_link_id').notNull(),
    type: text('type', { enum: ['charge', 'no-further-action', 'cps-decision', 'court-result', 'sentence'] }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    occurredAt: at('occurred_at').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('investigation_outcomes_investigation_idx').on(t.investigationId, t.occurredAt)],
)

export type StoredOrderDuration = { type: 'fixed'; expiresOn: string } | { type: 'until-further-order' }
export type StoredProhibition = { text: string; foreignTravel: boolean; duration: StoredOrderDuration | null }
export type StoredBreach = {
  occurredOn: string
  reportedOn: string
  description: string
  actionTaken: string | null
  recordedBy: string
}

/** The register of Slavery and Trafficking Prevention and Risk Orders (law-and-process.md §4.4, §9 item 10). */
export const preventionOrders = pgTable(
  'prevention_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    reference: text('reference').notNull().unique(),
    investigationId: uuid('investigation_id').references(() => investigations.id),
    kind: text('kind', { enum: orderKinds }).notNull(),
    interim: boolean('interim').notNull(),
    route: text('route', { enum: ['on-sentencing', 'on-application'] }).notNull(),
    applicant: text('applicant'),
    chiefOfficerNotifiedOn: date('chief_officer_notified_on', { mode: 'string' }),
    /** A reference for the person the order is against (the register is read by many; no names). */
    subjectRef: text('subject_ref').notNull(),
    subjectAgeAtApplication: integer('subject_age_at_application'),
    court: text('court').notNull(),
    courtType: text('court_type', { enum: ['magistrates', 'youth', 'crown'] }).notNull(),
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    duration: jsonb('duration').$type<StoredOrderDuration>().notNull(),
    /** The last day in force; null while it runs until further order. Kept for sorting and reminders. */
    endsOn: date('ends_on', { mode: 'string' }),
    mainApplicationDecidedOn: date('main_application_decided_on', { mode: 'string' }),
    prohibitions: jsonb('prohibitions').$type<StoredProhibition[]>().notNull(),
    notificationRequired: boolean('notification_required').notNull(),
    notificationDetails: text('notification_details'),
    breaches: jsonb('breaches').$type<StoredBreach[]>().notNull().default([]),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    submissionId: uuid('submission_id').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('prevention_orders_submission_unique').on(t.forceId, t.submissionId),
    index('prevention_orders_force_ends_idx').on(t.forceId, t.endsOn),
  ],
)

/** A force's own review schedule and early-closure window (issue 6 §2: "configurable"). */
export const investigationSettings = pgTable('investigation_settings', {
  forceId: text('force_id')
    .primaryKey()
    .references(() => forces.id),
  firstReviewAfterDays: integer('first_review_after_days').notNull(),
  reviewIntervalDays: integer('review_interval_days').notNull(),
  earlyClosureDays: integer('early_closure_days').notNull(),
  updatedAt: at('updated_at').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
})

/** The prepared note for the CPS file for a person in custody with indicators (issue 6 §4). */
export const custodyNotes = pgTable(
  'custody_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id').notNull(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    custodyRecordRef: text('custody_record_ref').notNull(),
    ageAtOffence: integer('age_at_offence').notNull(),
    offenceDate: date('offence_date', { mode: 'string' }),
    offences: jsonb('offences').$type<string[]>().notNull(),
    nrmStatus: text('nrm_status').notNull(),
    text: text('text').notNull(),
    /** Whether s45 is available for at least one offence, for the custody list. */
    anyAvailable: boolean('any_available').notNull(),
    scheduleVersion: text('schedule_version').notNull(),
    preparedBy: uuid('prepared_by')
      .notNull()
      .references(() => users.id),
    preparedAt: at('prepared_at').notNull(),
  },
  (t) => [index('custody_notes_encounter_idx').on(t.forceId, t.encounterId, t.preparedAt)],
)
