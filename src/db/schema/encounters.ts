import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { forces } from './forces.js'
import { users } from './identity.js'

export type StoredIndicator = { id: string; provenance: 'observed' | 'disclosed' | 'reported'; recordedAt: string }
export type StoredPerson = {
  age?: number
  ageBand?: 'child' | 'adult' | 'unknown'
  ageDisputed?: boolean
  role?: 'potential-victim' | 'witness' | 'suspect' | 'arrested'
  language?: string
}
export type StoredInterpreter = { used: boolean; independent?: boolean }

/**
 * One encounter with one person (journeys.md: Encounter → Assessment). A draft fills in page by
 * page; on submission the assessment is stored with the catalogue and rules versions it used.
 */
export const encounters = pgTable(
  'encounters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    reference: text('reference').notNull().unique(),
    officerUserId: uuid('officer_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }),
    location: text('location'),
    placeType: text('place_type'),
    immediateRisk: text('immediate_risk', { enum: ['yes', 'no'] }),
    person: jsonb('person').$type<StoredPerson>().notNull().default({}),
    interpreter: jsonb('interpreter').$type<StoredInterpreter>(),
    indicators: jsonb('indicators').$type<StoredIndicator[]>().notNull().default([]),
    /** Themes the officer has looked through, so the task list can show what is left. */
    themesReviewed: jsonb('themes_reviewed').$type<string[]>().notNull().default([]),
    account: text('account'),
    consent: text('consent', { enum: ['given', 'declined', 'not-asked'] }),
    assessment: jsonb('assessment').$type<Record<string, unknown>>(),
    catalogueVersion: text('catalogue_version'),
    rulesVersion: text('rules_version'),
    /** Optimistic concurrency: each save names the version it changed, so a double submit cannot apply twice. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('encounters_force_officer_idx').on(t.forceId, t.officerUserId),
    index('encounters_force_status_idx').on(t.forceId, t.status),
  ],
)

/** Every amendment after submission keeps the previous state, who changed it, when and why. */
export const encounterRevisions = pgTable(
  'encounter_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    forceId: text('force_id').notNull(),
    version: integer('version').notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    changes: jsonb('changes').$type<{ field: string; before: unknown; after: unknown }[]>().notNull(),
    pathwayBefore: text('pathway_before'),
    pathwayAfter: text('pathway_after'),
  },
  (t) => [index('encounter_revisions_encounter_idx').on(t.encounterId)],
)
