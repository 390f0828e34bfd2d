import { randomInt } from 'node:crypto'
import {
  findCrimeRecordForSubject,
  findReceivedReferralBySubmission,
  insertReceivedReferral,
  listReceivedReferrals,
  type ReceivedReferralRow,
  receivedReferralReferenceExists,
} from '../../db/repositories/tasks.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { type ReceivedReferralInput, receivedAtProblem } from '../../domain/tasks/received-referral.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { createCrimeToRecordTask } from './crime-tasks.js'

export class ReceivedReferralRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

async function newReference(deps: Deps): Promise<string> {
  const year = String(deps.now().getUTCFullYear()).slice(2)
  for (;;) {
    const body = Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('')
    const ref = `RCV-${year}-${body}`
    if (!(await receivedReferralReferenceExists(deps.db, ref))) return ref
  }
}

/**
 * Logs a referral or Duty to Notify report another organisation sent, and opens its crime-to-record task
 * in the same transaction. `submissionId` is the form's one-time id: sending the same form twice returns
 * the first record (duplicate: true) instead of a second one.
 */
export async function logReceivedReferral(
  deps: Deps,
  ctx: Ctx,
  submissionId: string,
  input: ReceivedReferralInput,
): Promise<{ referral: ReceivedReferralRow; crimeRecordId: string | null; duplicate: boolean }> {
  assertCan(ctx.actor, 'referral:create')
  const scope = forceScopeOf(ctx.actor)
  const future = receivedAtProblem(input.receivedAt, deps.now())
  if (future) throw new ReceivedReferralRefused('receivedAt', future)
  const reference = await newReference(deps)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const existing = await findReceivedReferralBySubmission(tx, scope, submissionId)
    const referral =
      existing ??
      (await insertReceivedReferral(tx, scope, {
        reference,
        kind: input.kind,
        firstResponderOrganisation: input.firstResponderOrganisation,
        externalReference: input.externalReference,
        receivedAt: new Date(input.receivedAt).toISOString(),
        exploitationLocation: input.exploitationLocation,
        exploitationForceId: input.exploitationForceId,
        loggedBy: ctx.actor.userId,
        submissionId,
        createdAt: now.toISOString(),
      })) ??
      (await findReceivedReferralBySubmission(tx, scope, submissionId))
    if (!referral) throw new Error('received referral insert conflicted but none was found')
    if (existing || referral.reference !== reference) {
      const crime = await findCrimeRecordForSubject(tx, scope, 'received-referral', referral.id)
      return { referral, crimeRecordId: crime?.id ?? null, duplicate: true }
    }
    const crime = await createCrimeToRecordTask(tx, scope, {
      referralId: referral.id,
      referralKind: referral.kind,
      origin: 'received',
      receivedAt: new Date(referral.receivedAt).toISOString(),
      subjectType: 'received-referral',
      at: now,
    })
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'received-referral',
        recordId: referral.id,
        details: { kind: referral.kind, crimeRecordId: crime?.crimeRecordId ?? null },
      },
      now,
    )
    return { referral, crimeRecordId: crime?.crimeRecordId ?? null, duplicate: false }
  })
}

export async function receivedReferralList(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'referral:read')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const rows = await listReceivedReferrals(tx, scope)
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'received-referral-list', details: { count: rows.length } },
      deps.now(),
    )
    return rows
  })
}
