import { sql } from 'drizzle-orm'
import { boolean, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { entityKinds, entityLinkRoles } from '../../domain/entities/entity-kind.js'
import { suspectPursuits } from '../../domain/investigation/closure.js'
import { encounters } from './encounters.js'
import { forces } from './forces.js'
import { users } from './identity.js'
import { investigations } from './investigations.js'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' })

/**
 * People, phones, addresses, vehicles, bank accounts, online handles, businesses and emails as records of their
 * own, one per force for each normalised identifier, so the same phone in two cases is one record (issue 6 §1).
 */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    kind: text('kind', { enum: entityKinds }).notNull(),
    /** The matching key from src/domain/entities (E.164 phone, standard postcode, VRM …). */
    normalisedKey: text('normalised_key').notNull(),
    display: text('display').notNull(),
    valid: boolean('valid').notNull(),
    /** Why the identifier may be wrong, in plain words; shown for the officer to check. */
    problems: jsonb('problems').$type<string[]>().notNull().default([]),
    /** Kind-specific parts: date of birth, postcode, platform, phone type … */
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('entities_force_kind_key_unique').on(t.forceId, t.kind, t.normalisedKey)],
)

/** An entity's part in an investigation or an encounter, by role, with where the link came from. */
export const entityLinks = pgTable(
  'entity_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    investigationId: uuid('investigation_id').references(() => investigations.id),
    encounterId: uuid('encounter_id').references(() => encounters.id),
    role: text('role', { enum: entityLinkRoles }).notNull(),
    source: text('source', { enum: ['investigation', 'encounter', 'referral', 'crime-record', 'import'] }).notNull(),
    notes: text('notes'),
    /** For a suspect: whether they are identified, and how they are being pursued (the early-closure guard). */
    identified: boolean('identified'),
    pursuit: text('pursuit', { enum: suspectPursuits }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    removedAt: at('removed_at'),
    removedBy: uuid('removed_by').references(() => users.id),
    removedReason: text('removed_reason'),
  },
  (t) => [
    index('entity_links_entity_idx').on(t.forceId, t.entityId),
    index('entity_links_investigation_idx').on(t.investigationId),
    index('entity_links_encounter_idx').on(t.encounterId),
    // The same entity in the same role once per investigation or encounter while the link stands.
    uniqueIndex('entity_links_investigation_unique')
      .on(t.investigationId, t.entityId, t.role)
      .where(sql`removed_at is null and investigation_id is not null`),
    uniqueIndex('entity_links_encounter_unique')
      .on(t.encounterId, t.entityId, t.role)
      .where(sql`removed_at is null and encounter_id is not null`),
    check('entity_links_one_target', sql`(${t.investigationId} is null) <> (${t.encounterId} is null)`),
  ],
)
