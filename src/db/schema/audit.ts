import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

// Append-only and hash-chained: a trigger (migration 0002) refuses UPDATE, DELETE and TRUNCATE for
// every role, and each row's hash covers its content and the previous row's hash.
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    actorForceId: text('actor_force_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    /** The force that owns the record, so a force admin can search their own force's log. */
    forceId: text('force_id'),
    requestId: text('request_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_force_time_idx').on(t.forceId, t.occurredAt),
    index('audit_record_idx').on(t.recordType, t.recordId),
    index('audit_actor_idx').on(t.actorUserId),
  ],
)
