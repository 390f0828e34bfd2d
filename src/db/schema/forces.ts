import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

export const forces = pgTable('forces', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  jurisdiction: text('jurisdiction', { enum: ['england-and-wales', 'scotland', 'northern-ireland'] }).notNull(),
  territorial: boolean('territorial').notNull().default(true),
  /** A force admin can require a second factor (TOTP) for every user of the force. */
  requireTwoFactor: boolean('require_two_factor').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})
