import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { DbOrTx } from '../client.js'
import { entities, entityLinks } from '../schema/entities.js'
import { investigations } from '../schema/investigations.js'

export type EntityRow = typeof entities.$inferSelect
export type EntityLinkRow = typeof entityLinks.$inferSelect
export type LinkedEntity = { link: EntityLinkRow; entity: EntityRow }

/**
 * Finds the force's entity with this kind and key, or adds it. Two officers adding the same phone at once both
 * end up with the one row (the unique index decides).
 */
export async function findOrInsertEntity(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof entities.$inferInsert, 'id' | 'forceId'>,
): Promise<{ entity: EntityRow; created: boolean }> {
  const [inserted] = await tx
    .insert(entities)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoNothing({ target: [entities.forceId, entities.kind, entities.normalisedKey] })
    .returning()
  if (inserted) return { entity: inserted, created: true }
  const [found] = await tx
    .select()
    .from(entities)
    .where(
      and(
        eq(entities.forceId, scope.forceId),
        eq(entities.kind, row.kind),
        eq(entities.normalisedKey, row.normalisedKey),
      ),
    )
  if (!found) throw new Error('entity insert conflicted but no entity was found')
  return { entity: found, created: false }
}

export async function findEntity(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(entities)
    .where(and(eq(entities.id, id), eq(entities.forceId, scope.forceId)))
  return row
}

export async function insertEntityLink(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof entityLinks.$inferInsert, 'id' | 'forceId'>,
) {
  const [created] = await tx
    .insert(entityLinks)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('entity link insert returned no row')
  return created
}

/** The standing link of this entity in this role on the investigation or encounter, if there is one. */
export async function findStandingLink(
  tx: DbOrTx,
  scope: ForceScope,
  where: { entityId: string; role: EntityLinkRow['role']; investigationId?: string; encounterId?: string },
) {
  const [row] = await tx
    .select()
    .from(entityLinks)
    .where(
      and(
        eq(entityLinks.forceId, scope.forceId),
        eq(entityLinks.entityId, where.entityId),
        eq(entityLinks.role, where.role),
        isNull(entityLinks.removedAt),
        where.investigationId
          ? eq(entityLinks.investigationId, where.investigationId)
          : eq(entityLinks.encounterId, where.encounterId ?? ''),
      ),
    )
  return row
}

export async function findEntityLink(tx: DbOrTx, scope: ForceScope, id: string): Promise<LinkedEntity | undefined> {
  const [row] = await tx
    .select({ link: entityLinks, entity: entities })
    .from(entityLinks)
    .innerJoin(entities, eq(entities.id, entityLinks.entityId))
    .where(and(eq(entityLinks.id, id), eq(entityLinks.forceId, scope.forceId)))
  return row
}

/** Standing links of an investigation (or encounter), oldest first. */
export async function listEntityLinks(
  tx: DbOrTx,
  scope: ForceScope,
  target: { investigationId: string } | { encounterId: string },
): Promise<LinkedEntity[]> {
  return tx
    .select({ link: entityLinks, entity: entities })
    .from(entityLinks)
    .innerJoin(entities, eq(entities.id, entityLinks.entityId))
    .where(
      and(
        eq(entityLinks.forceId, scope.forceId),
        isNull(entityLinks.removedAt),
        'investigationId' in target
          ? eq(entityLinks.investigationId, target.investigationId)
          : eq(entityLinks.encounterId, target.encounterId),
      ),
    )
    .orderBy(asc(entityLinks.createdAt), asc(entityLinks.id))
}

export async function removeEntityLink(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  change: { removedBy: string; removedReason: string; now: Date },
) {
  const [row] = await tx
    .update(entityLinks)
    .set({ removedAt: change.now.toISOString(), removedBy: change.removedBy, removedReason: change.removedReason })
    .where(and(eq(entityLinks.id, id), eq(entityLinks.forceId, scope.forceId), isNull(entityLinks.removedAt)))
    .returning()
  return row
}

export async function updateSuspectPursuit(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  change: { identified: boolean; pursuit: NonNullable<EntityLinkRow['pursuit']> },
) {
  const [row] = await tx
    .update(entityLinks)
    .set(change)
    .where(
      and(
        eq(entityLinks.id, id),
        eq(entityLinks.forceId, scope.forceId),
        eq(entityLinks.role, 'suspect'),
        isNull(entityLinks.removedAt),
      ),
    )
    .returning()
  return row
}

/** Other investigations of the same force that the given entities are linked to: the start of a network. */
export async function otherInvestigationsOf(
  tx: DbOrTx,
  scope: ForceScope,
  entityIds: readonly string[],
  excludeInvestigationId: string,
) {
  if (entityIds.length === 0) return []
  return tx
    .selectDistinct({
      entityId: entityLinks.entityId,
      investigationId: investigations.id,
      reference: investigations.reference,
      title: investigations.title,
    })
    .from(entityLinks)
    .innerJoin(investigations, eq(investigations.id, entityLinks.investigationId))
    .where(
      and(
        eq(entityLinks.forceId, scope.forceId),
        eq(investigations.forceId, scope.forceId),
        inArray(entityLinks.entityId, [...entityIds]),
        isNull(entityLinks.removedAt),
        ne(entityLinks.investigationId, excludeInvestigationId),
      ),
    )
    .orderBy(asc(investigations.reference))
}

export async function countEntities(tx: DbOrTx, scope: ForceScope) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(entities)
    .where(eq(entities.forceId, scope.forceId))
  return row?.n ?? 0
}
