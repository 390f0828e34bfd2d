import { and, asc, eq } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { DbOrTx } from '../client.js'
import { investigations } from '../schema/investigations.js'

export type LinkedRecord = { encounterId: string } | { referralId: string } | { crimeRecordId: string }

/** The investigations opened from an encounter, a referral or a crime record: references and status only. */
export async function listInvestigationsLinkedTo(tx: DbOrTx, scope: ForceScope, link: LinkedRecord) {
  const where =
    'encounterId' in link
      ? eq(investigations.encounterId, link.encounterId)
      : 'referralId' in link
        ? eq(investigations.referralId, link.referralId)
        : eq(investigations.crimeRecordId, link.crimeRecordId)
  return tx
    .select({
      id: investigations.id,
      reference: investigations.reference,
      title: investigations.title,
      status: investigations.status,
    })
    .from(investigations)
    .where(and(eq(investigations.forceId, scope.forceId), where))
    .orderBy(asc(investigations.openedAt))
}
