import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { encounters } from './encounters.js'
import { forces } from './forces.js'
import { users } from './identity.js'

const referralKinds = ['nrm-adult', 'nrm-child', 'duty-to-notify'] as const
const referralStatuses = [
  'draft',
  'submitted',
  'rg-pending',
  'rg-positive',
  'rg-negative',
  'cg-pending',
  'cg-positive-trafficking',
  'cg-positive-slavery',
  'cg-insufficient-evidence',
  'notified',
  'withdrawn',
] as const
const ageStatuses = ['adult', 'child', 'age-unknown', 'age-disputed'] as const

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' })

/** Sections of the record kept as JSON: shapes are the domain's (src/domain/referral), partly filled while draft. */
export type ReferralSection = Record<string, unknown>

/**
 * An NRM referral or a Duty to Notify report (law-and-process.md §2.3–§2.5, §2.11), started from an encounter.
 * The person's identifying details live only in the nullable identity columns; the CHECK below keeps them empty on
 * a Duty to Notify report unless the person's consent to share their identity is recorded (MSA 2015 s52(3)).
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The force that holds the referral now; it changes when the referral is transferred. */
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    originForceId: text('origin_force_id')
      .notNull()
      .references(() => forces.id),
    encounterId: uuid('encounter_id').references(() => encounters.id),
    reference: text('reference').notNull().unique(),
    kind: text('kind', { enum: referralKinds }).notNull(),
    origin: text('origin', { enum: ['made', 'received'] })
      .notNull()
      .default('made'),
    status: text('status', { enum: referralStatuses }).notNull().default('draft'),
    ageStatus: text('age_status', { enum: ageStatuses }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** Why the officer referred although the assessment found no indicators (Lantern never blocks a referral). */
    referralReason: text('referral_reason'),
    followsReferralId: uuid('follows_referral_id').references((): AnyPgColumn => referrals.id),

    // Sections of the Home Office form (§2.11), non-identifying.
    firstResponder: jsonb('first_responder').$type<ReferralSection>(),
    /** Non-identifying details of the person: gender, nationalities, languages, estimated age, dependants. */
    person: jsonb('person').$type<ReferralSection>().notNull().default({}),
    exploitation: jsonb('exploitation').$type<ReferralSection>().notNull().default({}),
    needsAndRisks: jsonb('needs_and_risks').$type<ReferralSection>(),
    supportRequested: jsonb('support_requested').$type<ReferralSection>(),
    agencies: jsonb('agencies').$type<ReferralSection>(),

    // Identifying details: never on a Duty to Notify report without consent to share them (CHECK below).
    personName: text('person_name'),
    nameInOriginalScript: text('name_in_original_script'),
    otherNames: jsonb('other_names').$type<string[]>(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    address: text('address'),
    photographs: jsonb('photographs').$type<{ fileId: string; takenAt: string | null }[]>(),
    contactPreferences: jsonb('contact_preferences').$type<ReferralSection>(),
    identityConsentId: uuid('identity_consent_id').references((): AnyPgColumn => referralConsentEvents.id),

    // Lifecycle (src/domain/referral/lifecycle.ts), with the rule and calendar versions each date was worked out under.
    homeOfficeReference: text('home_office_reference'),
    submittedAt: at('submitted_at'),
    referralRules: text('referral_rules'),
    calendarRules: text('calendar_rules'),
    rgTarget: jsonb('rg_target').$type<ReferralSection>(),
    rg: jsonb('rg').$type<{ outcome: 'positive' | 'negative'; decidedOn: string }>(),
    recoveryPeriod: jsonb('recovery_period').$type<{
      startsOn: string
      minimumDays: number
      endsOn: string
      referralRules: string
      calendarRules: string
    }>(),
    cg: jsonb('cg').$type<{
      outcome: 'human-trafficking' | 'slavery-servitude-forced-labour' | 'insufficient-evidence'
      decidedOn: string
    }>(),
    pendingReconsideration: jsonb('pending_reconsideration').$type<ReferralSection>(),
    withdrawal: jsonb('withdrawal').$type<{
      at: string
      reason: string
      fromStatus: (typeof referralStatuses)[number]
    }>(),
    transferPendingReview: boolean('transfer_pending_review').notNull().default(false),

    /** Optimistic concurrency: each change names the version it read, so a double submit applies once. */
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('referrals_force_status_idx').on(t.forceId, t.status),
    index('referrals_force_kind_idx').on(t.forceId, t.kind),
    index('referrals_encounter_idx').on(t.encounterId),
    // One live referral of each kind per encounter: a double click or a retried request cannot make a second one.
    uniqueIndex('referrals_encounter_kind_live').on(t.encounterId, t.kind).where(sql`status <> 'withdrawn'`),
    // MSA 2015 s52(3), law-and-process.md §2.5, §9.3: a Duty to Notify report is anonymous unless the person
    // consents to share their identity. Enforced here as well as in the domain schema and the service.
    check(
      'referrals_dtn_anonymous_without_consent',
      sql`${t.kind} <> 'duty-to-notify' OR ${t.identityConsentId} IS NOT NULL OR (
        ${t.personName} IS NULL AND ${t.nameInOriginalScript} IS NULL AND ${t.otherNames} IS NULL
        AND ${t.dateOfBirth} IS NULL AND ${t.contactPhone} IS NULL AND ${t.contactEmail} IS NULL
        AND ${t.address} IS NULL AND ${t.photographs} IS NULL AND ${t.contactPreferences} IS NULL
        AND NOT (${t.person} ?| array['name', 'nameInOriginalScript', 'aliases', 'otherNames', 'dateOfBirth',
          'contact', 'contactDetails', 'address', 'addresses', 'photographs'])
      )`,
    ),
    // law-and-process.md §2.4, §9.1: a Duty to Notify report is never used for a child or a possible child.
    check('referrals_dtn_adults_only', sql`${t.kind} <> 'duty-to-notify' OR ${t.ageStatus} = 'adult'`),
    check('referrals_child_kind', sql`${t.kind} <> 'nrm-adult' OR ${t.ageStatus} = 'adult'`),
  ],
)

/**
 * Consent history (law-and-process.md §2.3, §9.15): given, declined, withdrawn, given later; in which language,
 * with which interpreter, whether independent, and the words used. `scope` separates consent to the NRM referral
 * from consent to share identity in a Duty to Notify report (s52(3)).
 */
export const referralConsentEvents = pgTable(
  'referral_consent_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references((): AnyPgColumn => referrals.id),
    forceId: text('force_id').notNull(),
    scope: text('scope', { enum: ['nrm', 'share-identity'] })
      .notNull()
      .default('nrm'),
    type: text('type', { enum: ['given', 'declined', 'withdrawn'] }).notNull(),
    at: at('at').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedBy: text('recorded_by').notNull(),
    language: text('language'),
    interpreterUsed: boolean('interpreter_used'),
    interpreterIndependent: boolean('interpreter_independent'),
    interpreterProvider: text('interpreter_provider'),
    wordsUsed: text('words_used'),
    reason: text('reason'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    index('referral_consent_events_referral_idx').on(t.referralId, t.at),
    check(
      'referral_consent_events_informed',
      sql`${t.type} = 'withdrawn' OR (${t.language} IS NOT NULL AND ${t.wordsUsed} IS NOT NULL AND ${t.interpreterUsed} IS NOT NULL)`,
    ),
  ],
)

/** law-and-process.md §2.4, §9.2: the child safeguarding referral to a named local authority, recorded first. */
export const referralSafeguarding = pgTable(
  'referral_safeguarding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    forceId: text('force_id').notNull(),
    localAuthority: text('local_authority').notNull(),
    referredAt: at('referred_at').notNull(),
    method: text('method', { enum: ['phone', 'email', 'online-form', 'in-person'] }).notNull(),
    reference: text('reference'),
    madeBy: text('made_by').notNull(),
    contactName: text('contact_name'),
    contactDetails: text('contact_details'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('referral_safeguarding_referral_unique').on(t.referralId)],
)

/** Reasonable Grounds and Conclusive Grounds decisions and reconsideration requests, as a history. */
export const referralDecisions = pgTable(
  'referral_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    forceId: text('force_id').notNull(),
    type: text('type', { enum: ['rg', 'cg', 'reconsideration-request'] }).notNull(),
    outcome: text('outcome'),
    /** The decision date, or the date reconsideration was asked for. */
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    grounds: text('grounds'),
    referralRules: text('referral_rules').notNull(),
    calendarRules: text('calendar_rules').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('referral_decisions_referral_idx').on(t.referralId, t.recordedAt)],
)

/** Support offered and accepted (law-and-process.md §2.10, §9.14): victim care contract, Places of Safety, ICTG. */
export const referralSupport = pgTable(
  'referral_support',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    forceId: text('force_id').notNull(),
    type: text('type', { enum: ['msvcc', 'emergency-accommodation', 'place-of-safety', 'ictg'] }).notNull(),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('referral_support_referral_idx').on(t.referralId)],
)

/**
 * Who sent which referral to which force, when and why (law-and-process.md §9.12, §9.13). Both forces can read the
 * row; it holds no personal details, so the sending force keeps it after the referral itself has gone.
 */
export const referralTransfers = pgTable(
  'referral_transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    referralReference: text('referral_reference').notNull(),
    kind: text('kind', { enum: referralKinds }).notNull(),
    /** The sending force's encounter, so its record page can show where the referral went. */
    encounterId: uuid('encounter_id'),
    fromForceId: text('from_force_id')
      .notNull()
      .references(() => forces.id),
    toForceId: text('to_force_id')
      .notNull()
      .references(() => forces.id),
    byUserId: uuid('by_user_id').references(() => users.id),
    byName: text('by_name').notNull(),
    at: at('at').notNull(),
    note: text('note'),
    reviewedAt: at('reviewed_at'),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id),
  },
  (t) => [
    index('referral_transfers_from_idx').on(t.fromForceId, t.at),
    index('referral_transfers_to_idx').on(t.toForceId, t.at),
    index('referral_transfers_referral_idx').on(t.referralId),
  ],
)
