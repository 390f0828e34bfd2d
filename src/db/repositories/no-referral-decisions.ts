import { and, asc, eq, isNull } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { DbOrTx } from '../client.js'
import { noReferralDecisions } from '../schema/encounter-outcomes.js'
import { encounters } from '../schema/encounters.js'
import { users } from '../schema/identity.js'

export type NoReferralDecisionRow = typeof noReferralDecisions.$inferSelect
export type NewNoReferralDecision = Omit<
  typeof noReferralDecisions.$inferInsert,
  'id' | 'forceId' | 'withdrawnAt' | 'withdrawnBy' | 'withdrawalReason'
>

/**
 * Inserts a decision; undefined when the insert would break a rule the database keeps: a decision already stands for
 * the encounter, or this form was already submitted (the caller then looks up which).
 */
export async function insertNoReferralDecision(tx: DbOrTx, scope: ForceScope, row: NewNoReferralDecision) {
  const [created] = await tx
    .insert(noReferralDecisions)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoNothing()
    .returning()
  return created
}

export async function findNoReferralDecisionBySubmission(tx: DbOrTx, scope: ForceScope, submissionId: string) {
  const [row] = await tx
    .select()
    .from(noReferralDecisions)
    .where(and(eq(noReferralDecisions.forceId, scope.forceId), eq(noReferralDecisions.submissionId, submissionId)))
  return row
}

export async function findLiveNoReferralDecision(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  const [row] = await tx
    .select()
    .from(noReferralDecisions)
    .where(
      and(
        eq(noReferralDecisions.forceId, scope.forceId),
        eq(noReferralDecisions.encounterId, encounterId),
        isNull(noReferralDecisions.withdrawnAt),
      ),
    )
  return row
}

/** Every decision for the encounter, oldest first, with the names of who decided and who withdrew. */
export async function listNoReferralDecisions(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  const rows = await tx
    .select({ decision: noReferralDecisions, decidedByName: users.displayName })
    .from(noReferralDecisions)
    .innerJoin(users, eq(users.id, noReferralDecisions.decidedBy))
    .where(and(eq(noReferralDecisions.forceId, scope.forceId), eq(noReferralDecisions.encounterId, encounterId)))
    .orderBy(asc(noReferralDecisions.decidedAt))
  const withdrawers = new Map<string, string>()
  for (const id of new Set(rows.map((r) => r.decision.withdrawnBy).filter((v): v is string => v !== null))) {
    const [u] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, id))
    if (u) withdrawers.set(id, u.name)
  }
  return rows.map((r) => ({
    ...r.decision,
    decidedByName: r.decidedByName,
    withdrawnByName: r.decision.withdrawnBy ? (withdrawers.get(r.decision.withdrawnBy) ?? null) : null,
  }))
}

/** Withdraws the standing decision; undefined when none stands (already withdrawn by someone else). */
export async function withdrawNoReferralDecision(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  values: { withdrawnAt: string; withdrawnBy: string; withdrawalReason: string },
) {
  const [row] = await tx
    .update(noReferralDecisions)
    .set(values)
    .where(
      and(
        eq(noReferralDecisions.id, id),
        eq(noReferralDecisions.forceId, scope.forceId),
        isNull(noReferralDecisions.withdrawnAt),
      ),
    )
    .returning()
  return row
}

export async function findEncounterByReference(tx: DbOrTx, scope: ForceScope, reference: string) {
  const [row] = await tx
    .select({ id: encounters.id, reference: encounters.reference, status: encounters.status })
    .from(encounters)
    .where(and(eq(encounters.forceId, scope.forceId), eq(encounters.reference, reference)))
  return row
}

export async function countNoReferralDecisions(tx: DbOrTx, scope: ForceScope) {
  const rows = await tx
    .select({ id: noReferralDecisions.id })
    .from(noReferralDecisions)
    .where(eq(noReferralDecisions.forceId, scope.forceId))
  return rows.length
}
