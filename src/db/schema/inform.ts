import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { encounters } from './encounters.js'
import { forces } from './forces.js'
import { users } from './identity.js'

/** Each time rights and support information is given: which language, in what form, when, by whom. */
export const informationGiven = pgTable(
  'information_given',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    language: text('language').notNull(),
    format: text('format', { enum: ['screen', 'read-aloud', 'printed-leaflet', 'pdf-leaflet'] }).notNull(),
    /** The translation's status when it was given: 'draft' until a professional review is recorded. */
    translationStatus: text('translation_status', { enum: ['draft', 'reviewed'] }).notNull(),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    givenAt: timestamp('given_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('information_given_encounter_idx').on(t.forceId, t.encounterId)],
)

/** Answers the person gave alone on the hand-over screen (after Apprise, indicators.md §5.2). */
export const privateAnswers = pgTable(
  'private_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    language: text('language').notNull(),
    answers: jsonb('answers').$type<Record<string, 'yes' | 'no' | 'prefer-not-to-say'>>().notNull(),
    indicatorsAdded: jsonb('indicators_added').$type<string[]>().notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('private_answers_encounter_idx').on(t.forceId, t.encounterId)],
)
