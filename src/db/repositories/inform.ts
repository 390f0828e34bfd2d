import { and, desc, eq } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { DbOrTx } from '../client.js'
import { informationGiven, privateAnswers } from '../schema/inform.js'

export type InformationGivenRow = typeof informationGiven.$inferSelect

export async function insertInformationGiven(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof informationGiven.$inferInsert, 'id' | 'forceId'>,
) {
  const [created] = await tx
    .insert(informationGiven)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  return created
}

export async function listInformationGiven(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  return tx
    .select()
    .from(informationGiven)
    .where(and(eq(informationGiven.forceId, scope.forceId), eq(informationGiven.encounterId, encounterId)))
    .orderBy(desc(informationGiven.givenAt))
}

export async function insertPrivateAnswers(
  tx: DbOrTx,
  scope: ForceScope,
  row: Omit<typeof privateAnswers.$inferInsert, 'id' | 'forceId'>,
) {
  await tx.insert(privateAnswers).values({ ...row, forceId: scope.forceId })
}

export async function listPrivateAnswers(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  return tx
    .select()
    .from(privateAnswers)
    .where(and(eq(privateAnswers.forceId, scope.forceId), eq(privateAnswers.encounterId, encounterId)))
    .orderBy(desc(privateAnswers.answeredAt))
}
