import { and, asc, desc, eq, inArray, ne, or, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { DbOrTx } from '../client.js'
import {
  referralConsentEvents,
  referralDecisions,
  referralSafeguarding,
  referralSupport,
  referrals,
  referralTransfers,
} from '../schema/referrals.js'

export type ReferralRow = typeof referrals.$inferSelect
export type NewReferral = Omit<
  typeof referrals.$inferInsert,
  'id' | 'forceId' | 'originForceId' | 'version' | 'createdAt' | 'updatedAt'
>
export type ReferralPatch = Partial<
  Omit<ReferralRow, 'id' | 'forceId' | 'originForceId' | 'reference' | 'version' | 'createdAt' | 'updatedAt'>
>
export type ConsentEventRow = typeof referralConsentEvents.$inferSelect
export type SafeguardingRow = typeof referralSafeguarding.$inferSelect
export type DecisionRow = typeof referralDecisions.$inferSelect
export type SupportRow = typeof referralSupport.$inferSelect
export type TransferRow = typeof referralTransfers.$inferSelect

export async function insertReferral(tx: DbOrTx, scope: ForceScope, row: NewReferral, now: Date) {
  const [created] = await tx
    .insert(referrals)
    .values({
      ...row,
      forceId: scope.forceId,
      originForceId: scope.forceId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .onConflictDoNothing()
    .returning()
  return created
}

export async function findReferral(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.forceId, scope.forceId)))
  return row
}

/** What the encounter record page needs to mark its actions: no personal details. */
export async function listReferralsForEncounter(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  return tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      kind: referrals.kind,
      status: referrals.status,
      submittedAt: referrals.submittedAt,
      followsReferralId: referrals.followsReferralId,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .where(and(eq(referrals.encounterId, encounterId), eq(referrals.forceId, scope.forceId)))
    .orderBy(asc(referrals.createdAt))
}

/** Applies a patch only if the row is still at `expectedVersion`; undefined when someone else got there first. */
export async function updateReferral(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  patch: ReferralPatch,
  now: Date,
) {
  const [row] = await tx
    .update(referrals)
    .set({ ...patch, version: sql`${referrals.version} + 1`, updatedAt: now.toISOString() })
    .where(and(eq(referrals.id, id), eq(referrals.forceId, scope.forceId), eq(referrals.version, expectedVersion)))
    .returning()
  return row
}

export type ReferralFilter = {
  statuses?: readonly ReferralRow['status'][]
  kinds?: readonly ReferralRow['kind'][]
  transferPendingReview?: boolean
}

/** The force's referrals for the list page: the reference, not the person's name. */
export async function listReferrals(tx: DbOrTx, scope: ForceScope, filter: ReferralFilter = {}, limit = 200) {
  const conditions = [eq(referrals.forceId, scope.forceId)]
  if (filter.statuses?.length) conditions.push(inArray(referrals.status, [...filter.statuses]))
  if (filter.kinds?.length) conditions.push(inArray(referrals.kind, [...filter.kinds]))
  if (filter.transferPendingReview !== undefined) {
    conditions.push(eq(referrals.transferPendingReview, filter.transferPendingReview))
  }
  return tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      kind: referrals.kind,
      status: referrals.status,
      ageStatus: referrals.ageStatus,
      submittedAt: referrals.submittedAt,
      homeOfficeReference: referrals.homeOfficeReference,
      rgTarget: referrals.rgTarget,
      recoveryPeriod: referrals.recoveryPeriod,
      originForceId: referrals.originForceId,
      transferPendingReview: referrals.transferPendingReview,
      createdAt: referrals.createdAt,
      updatedAt: referrals.updatedAt,
    })
    .from(referrals)
    .where(and(...conditions))
    .orderBy(desc(referrals.updatedAt))
    .limit(limit)
}

export async function countReferrals(tx: DbOrTx, scope: ForceScope) {
  return tx.$count(referrals, eq(referrals.forceId, scope.forceId))
}

export async function referralReferenceExists(tx: DbOrTx, reference: string) {
  const [row] = await tx.select({ id: referrals.id }).from(referrals).where(eq(referrals.reference, reference))
  return row !== undefined
}

// Consent history.

export async function insertConsentEvent(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof referralConsentEvents.$inferInsert, 'id' | 'forceId'>,
) {
  const [created] = await tx
    .insert(referralConsentEvents)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('consent event insert returned no row')
  return created
}

export async function listConsentEvents(tx: DbOrTx, scope: ForceScope, referralId: string) {
  return tx
    .select()
    .from(referralConsentEvents)
    .where(and(eq(referralConsentEvents.referralId, referralId), eq(referralConsentEvents.forceId, scope.forceId)))
    .orderBy(asc(referralConsentEvents.at), asc(referralConsentEvents.createdAt))
}

// Safeguarding referral (children).

export async function findSafeguarding(tx: DbOrTx, scope: ForceScope, referralId: string) {
  const [row] = await tx
    .select()
    .from(referralSafeguarding)
    .where(and(eq(referralSafeguarding.referralId, referralId), eq(referralSafeguarding.forceId, scope.forceId)))
  return row
}

export async function listSafeguardingForReferrals(tx: DbOrTx, scope: ForceScope, referralIds: readonly string[]) {
  if (referralIds.length === 0) return []
  return tx
    .select({
      referralId: referralSafeguarding.referralId,
      localAuthority: referralSafeguarding.localAuthority,
      referredAt: referralSafeguarding.referredAt,
    })
    .from(referralSafeguarding)
    .where(
      and(inArray(referralSafeguarding.referralId, [...referralIds]), eq(referralSafeguarding.forceId, scope.forceId)),
    )
}

export async function saveSafeguarding(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof referralSafeguarding.$inferInsert, 'id' | 'forceId'>,
) {
  const [saved] = await tx
    .insert(referralSafeguarding)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoUpdate({
      target: referralSafeguarding.referralId,
      set: { ...row },
      setWhere: eq(referralSafeguarding.forceId, scope.forceId),
    })
    .returning()
  if (!saved) throw new Error('safeguarding referral was not saved')
  return saved
}

// Decisions.

export async function insertDecision(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof referralDecisions.$inferInsert, 'id' | 'forceId'>,
) {
  const [created] = await tx
    .insert(referralDecisions)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('decision insert returned no row')
  return created
}

export async function listDecisions(tx: DbOrTx, scope: ForceScope, referralId: string) {
  return tx
    .select()
    .from(referralDecisions)
    .where(and(eq(referralDecisions.referralId, referralId), eq(referralDecisions.forceId, scope.forceId)))
    .orderBy(asc(referralDecisions.recordedAt))
}

// Support.

export async function insertSupport(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof referralSupport.$inferInsert, 'id' | 'forceId' | 'version'>,
) {
  const [created] = await tx
    .insert(referralSupport)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('support insert returned no row')
  return created
}

export async function listSupport(tx: DbOrTx, scope: ForceScope, referralId: string) {
  return tx
    .select()
    .from(referralSupport)
    .where(and(eq(referralSupport.referralId, referralId), eq(referralSupport.forceId, scope.forceId)))
    .orderBy(asc(referralSupport.recordedAt))
}

export async function updateSupport(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  record: Record<string, unknown>,
) {
  const [row] = await tx
    .update(referralSupport)
    .set({ record, version: sql`${referralSupport.version} + 1` })
    .where(
      and(
        eq(referralSupport.id, id),
        eq(referralSupport.forceId, scope.forceId),
        eq(referralSupport.version, expectedVersion),
      ),
    )
    .returning()
  return row
}

// Transfers between forces.

export async function insertTransfer(tx: DbOrTx, row: Omit<typeof referralTransfers.$inferInsert, 'id'>) {
  const [created] = await tx.insert(referralTransfers).values(row).returning()
  if (!created) throw new Error('transfer insert returned no row')
  return created
}

/**
 * Hands the referral and everything recorded under it to another force, in the caller's transaction. Only the
 * holding force can do it (the scope filter), and only from the version it read.
 */
export async function moveReferralToForce(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  toForceId: string,
  now: Date,
) {
  const [moved] = await tx
    .update(referrals)
    .set({
      forceId: toForceId,
      transferPendingReview: true,
      version: sql`${referrals.version} + 1`,
      updatedAt: now.toISOString(),
    })
    .where(and(eq(referrals.id, id), eq(referrals.forceId, scope.forceId), eq(referrals.version, expectedVersion)))
    .returning()
  if (!moved) return undefined
  for (const table of [referralConsentEvents, referralSafeguarding, referralDecisions, referralSupport]) {
    await tx
      .update(table)
      .set({ forceId: toForceId })
      .where(and(eq(table.referralId, id), eq(table.forceId, scope.forceId)))
  }
  return moved
}

/** The transfer log of a referral as one force may see it: rows it sent or received. */
export async function listTransfersForReferral(tx: DbOrTx, scope: ForceScope, referralId: string) {
  return tx
    .select()
    .from(referralTransfers)
    .where(
      and(
        eq(referralTransfers.referralId, referralId),
        or(eq(referralTransfers.fromForceId, scope.forceId), eq(referralTransfers.toForceId, scope.forceId)),
      ),
    )
    .orderBy(asc(referralTransfers.at))
}

/** Referrals this force sent to others: the read-only record it keeps. */
export async function listTransfersOut(tx: DbOrTx, scope: ForceScope, limit = 200) {
  return tx
    .select()
    .from(referralTransfers)
    .where(eq(referralTransfers.fromForceId, scope.forceId))
    .orderBy(desc(referralTransfers.at))
    .limit(limit)
}

export async function listTransfersOutForEncounter(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  return tx
    .select()
    .from(referralTransfers)
    .where(and(eq(referralTransfers.fromForceId, scope.forceId), eq(referralTransfers.encounterId, encounterId)))
    .orderBy(asc(referralTransfers.at))
}

export async function markTransfersReviewed(
  tx: DbOrTx,
  scope: ForceScope,
  referralId: string,
  userId: string,
  now: Date,
) {
  return tx
    .update(referralTransfers)
    .set({ reviewedAt: now.toISOString(), reviewedByUserId: userId })
    .where(
      and(
        eq(referralTransfers.referralId, referralId),
        eq(referralTransfers.toForceId, scope.forceId),
        sql`${referralTransfers.reviewedAt} IS NULL`,
      ),
    )
    .returning({ id: referralTransfers.id })
}

/** Live referrals of other kinds on the same encounter (used to keep one live referral per kind). */
export async function findLiveReferralOfKind(
  tx: DbOrTx,
  scope: ForceScope,
  encounterId: string,
  kind: ReferralRow['kind'],
  exceptId: string,
) {
  const [row] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(
      and(
        eq(referrals.forceId, scope.forceId),
        eq(referrals.encounterId, encounterId),
        eq(referrals.kind, kind),
        ne(referrals.status, 'withdrawn'),
        ne(referrals.id, exceptId),
      ),
    )
  return row
}
