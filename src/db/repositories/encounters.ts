import { and, desc, eq, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { DbOrTx } from '../client.js'
import { encounterRevisions, encounters } from '../schema/encounters.js'

export type EncounterRow = typeof encounters.$inferSelect
export type EncounterPatch = Partial<
  Pick<
    EncounterRow,
    | 'occurredAt'
    | 'location'
    | 'placeType'
    | 'immediateRisk'
    | 'person'
    | 'interpreter'
    | 'indicators'
    | 'themesReviewed'
    | 'account'
    | 'consent'
    | 'assessment'
    | 'catalogueVersion'
    | 'rulesVersion'
    | 'status'
    | 'submittedAt'
  >
>

export async function insertEncounter(
  tx: DbOrTx,
  scope: ForceScope,
  row: { reference: string; officerUserId: string; now: Date } & EncounterPatch,
) {
  const { now, ...values } = row
  const [created] = await tx
    .insert(encounters)
    .values({ ...values, forceId: scope.forceId, createdAt: now.toISOString(), updatedAt: now.toISOString() })
    .returning()
  if (!created) throw new Error('encounter insert returned no row')
  return created
}

export async function findEncounter(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(encounters)
    .where(and(eq(encounters.id, id), eq(encounters.forceId, scope.forceId)))
  return row
}

/** Applies a patch only if the row is still at `expectedVersion`; returns undefined when someone else got there first. */
export async function updateEncounter(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  patch: EncounterPatch,
  now: Date,
) {
  const [row] = await tx
    .update(encounters)
    .set({ ...patch, version: sql`${encounters.version} + 1`, updatedAt: now.toISOString() })
    .where(and(eq(encounters.id, id), eq(encounters.forceId, scope.forceId), eq(encounters.version, expectedVersion)))
    .returning()
  return row
}

export async function listEncountersByOfficer(tx: DbOrTx, scope: ForceScope, officerUserId: string, limit = 100) {
  return tx
    .select({
      id: encounters.id,
      reference: encounters.reference,
      status: encounters.status,
      occurredAt: encounters.occurredAt,
      location: encounters.location,
      placeType: encounters.placeType,
      assessment: encounters.assessment,
      updatedAt: encounters.updatedAt,
    })
    .from(encounters)
    .where(and(eq(encounters.forceId, scope.forceId), eq(encounters.officerUserId, officerUserId)))
    .orderBy(desc(encounters.updatedAt))
    .limit(limit)
}

export async function insertEncounterRevision(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof encounterRevisions.$inferInsert, 'id' | 'forceId'>,
) {
  await tx.insert(encounterRevisions).values({ ...row, forceId: scope.forceId })
}

export async function listEncounterRevisions(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  return tx
    .select()
    .from(encounterRevisions)
    .where(and(eq(encounterRevisions.encounterId, encounterId), eq(encounterRevisions.forceId, scope.forceId)))
    .orderBy(desc(encounterRevisions.version))
}

export async function encounterReferenceExists(tx: DbOrTx, reference: string) {
  const [row] = await tx.select({ id: encounters.id }).from(encounters).where(eq(encounters.reference, reference))
  return row !== undefined
}

export async function countEncountersByOfficer(tx: DbOrTx, scope: ForceScope, officerUserId: string) {
  return tx.$count(encounters, and(eq(encounters.forceId, scope.forceId), eq(encounters.officerUserId, officerUserId)))
}
