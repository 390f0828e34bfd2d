import { sql } from 'drizzle-orm'
import { boolean, check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { noReferralReasons } from '../../domain/referral/no-referral-decision.js'
import { encounters } from './encounters.js'
import { forces } from './forces.js'
import { users } from './identity.js'

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' })

/**
 * A supervisor's recorded decision that an encounter needs neither an NRM referral nor a Duty to Notify report
 * (issue 5). At most one stands per encounter; a withdrawn one is kept, with who withdrew it and why.
 */
export const noReferralDecisions = pgTable(
  'no_referral_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    forceId: text('force_id')
      .notNull()
      .references(() => forces.id),
    encounterId: uuid('encounter_id')
      .notNull()
      .references(() => encounters.id),
    reason: text('reason', { enum: noReferralReasons }).notNull(),
    rationale: text('rationale').notNull(),
    otherOrganisation: text('other_organisation'),
    otherReference: text('other_reference'),
    duplicateOfEncounterId: uuid('duplicate_of_encounter_id').references(() => encounters.id),
    treatedAsChild: boolean('treated_as_child').notNull(),
    ruleVersion: text('rule_version').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedByRole: text('decided_by_role').notNull(),
    decidedAt: at('decided_at').notNull(),
    /** The form's one-time id: a double click or retried request finds the first decision. */
    submissionId: uuid('submission_id').notNull(),
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [
    uniqueIndex('no_referral_decisions_live_unique').on(t.encounterId).where(sql`withdrawn_at is null`),
    uniqueIndex('no_referral_decisions_submission_unique').on(t.forceId, t.submissionId),
    index('no_referral_decisions_force_idx').on(t.forceId, t.decidedAt),
    // A child is always referred: the "does not apply" reason can never be stored for one (law-and-process.md §2.4).
    check('no_referral_decisions_child_check', sql`not (${t.treatedAsChild} and ${t.reason} = 'duty-does-not-apply')`),
    check(
      'no_referral_decisions_withdrawal_check',
      sql`(${t.withdrawnAt} is null) = (${t.withdrawnBy} is null) and (${t.withdrawnAt} is null) = (${t.withdrawalReason} is null)`,
    ),
  ],
)
