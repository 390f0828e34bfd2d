import type { DbOrTx } from '../../db/client.js'
import {
  type ConsentEventRow,
  insertConsentEvent,
  type ReferralPatch,
  type ReferralRow,
} from '../../db/repositories/referrals.js'
import { assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import { applyConsentEvent, type ConsentEvent, type ConsentState } from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { ukDateTime } from './document.js'
import { ReferralConflict, ReferralRefused } from './errors.js'
import { holdsIdentity, type IdentityConsentState, identityConsentStateOf, NO_IDENTITY } from './model.js'
import { loadOrExplain, saveOrConflict } from './referrals.js'

export type IdentityConsentInput = {
  type: 'given' | 'withdrawn'
  at: string
  language?: string | undefined
  interpreter?: 'none' | 'independent' | 'not-independent' | undefined
  interpreterProvider?: string | undefined
  wordsUsed?: string | undefined
  reason?: string | undefined
}

type Issue = { path: string; message: string }

/** Informed consent needs a language the person understands and a record of what was said (§2.3, §9.15). */
function conversationIssues(input: IdentityConsentInput): Issue[] {
  const issues: Issue[] = []
  if (!input.language?.trim()) issues.push({ path: 'language', message: 'Record the language the conversation was in' })
  if (input.interpreter === undefined) {
    issues.push({ path: 'interpreter', message: 'Record whether an interpreter was used' })
  }
  if (!input.wordsUsed?.trim()) {
    issues.push({
      path: 'wordsUsed',
      message: 'Record the words you used to ask whether they agree to be named in the report',
    })
  }
  return issues
}

function eventOf(input: IdentityConsentInput, recordedBy: string): ConsentEvent {
  if (input.type === 'withdrawn') {
    // A withdrawal may come through a support worker or solicitor, so it needs no conversation.
    return { type: 'withdrawn', at: input.at, recordedBy, conversation: null, reason: input.reason?.trim() || null }
  }
  return {
    type: 'given',
    at: input.at,
    recordedBy,
    conversation: {
      language: input.language?.trim() ?? '',
      interpreter:
        input.interpreter === 'none' || input.interpreter === undefined
          ? { used: false }
          : {
              used: true,
              independent: input.interpreter === 'independent',
              provider: input.interpreterProvider?.trim() || null,
            },
      wordsUsed: input.wordsUsed?.trim() ?? '',
    },
  }
}

/**
 * The domain's consent rules (given, then withdrawn, then given again; nothing in the future or out of order).
 * `reportField` names the field of a report sent through the API, so a refusal there is an invalid report.
 */
export function checkIdentityConsentTransition(
  current: IdentityConsentState,
  event: ConsentEvent,
  now: Date,
  reportField?: string,
) {
  const state: ConsentState = {
    status: current.status,
    since: current.lastAt,
    givenLater: false,
    history: [],
  }
  const applied = applyConsentEvent(state, event, { now: () => now })
  if (applied.ok) return
  const refuse = (path: string, message: string): never => {
    const where = reportField ?? path
    throw new ReferralRefused(message, reportField ? 'invalid' : applied.code, [{ path: where, message }])
  }
  switch (applied.code) {
    case 'date-in-future':
      return refuse('at', `The date they answered (${ukDateTime(event.at)}) cannot be in the future`)
    case 'out-of-order':
      return refuse(
        'at',
        `This answer (${ukDateTime(event.at)}) is earlier than the last answer about sharing their identity (${ukDateTime(current.lastAt)})`,
      )
    case 'already-given':
      return refuse(
        'type',
        `The person’s consent to share their identity is already recorded${current.since ? ` as given on ${ukDateTime(current.since)}` : ' as given'}`,
      )
    case 'nothing-to-withdraw':
      return refuse(
        'type',
        current.status === 'withdrawn'
          ? 'Consent to share their identity has already been withdrawn: there is nothing to withdraw'
          : 'Consent to share their identity cannot be withdrawn: it has not been given',
      )
    default:
      return refuse('at', applied.message)
  }
}

/** Writes one answer about sharing identity to the referral's consent history (scope 'share-identity'). */
export async function insertIdentityConsentEvent(
  tx: DbOrTx,
  scope: ForceScope,
  ctx: Ctx,
  referralId: string,
  event: ConsentEvent,
  now: Date,
): Promise<ConsentEventRow> {
  const conversation = event.type === 'withdrawn' ? null : event.conversation
  return insertConsentEvent(tx, scope, {
    referralId,
    scope: 'share-identity',
    type: event.type,
    at: event.at,
    recordedByUserId: ctx.actor.userId,
    recordedBy: event.recordedBy,
    language: conversation?.language ?? null,
    interpreterUsed: conversation ? conversation.interpreter.used : null,
    interpreterIndependent: conversation?.interpreter.used ? conversation.interpreter.independent : null,
    interpreterProvider: conversation?.interpreter.used ? conversation.interpreter.provider : null,
    wordsUsed: conversation?.wordsUsed ?? null,
    reason: event.type === 'given' ? null : event.reason,
    createdAt: now.toISOString(),
  })
}

/**
 * Another change is removing the identifying details (an anonymous report sent through the API, a draft that becomes
 * a Duty to Notify report without NRM consent). If consent to share identity stood as given, its history records the
 * withdrawal, so the record page shows "Withdrawn on …" (MSA 2015 s52(3)). Dated no earlier than the last answer about
 * sharing identity, so the history stays in order. Returns the event written, or null when there was nothing to
 * withdraw.
 */
export async function withdrawIdentityConsentOnClearing(
  tx: DbOrTx,
  scope: ForceScope,
  ctx: Ctx,
  row: Pick<ReferralRow, 'id' | 'identityConsentId'>,
  consentRows: readonly ConsentEventRow[],
  change: { at: string; reason: string },
  now: Date,
): Promise<ConsentEventRow | null> {
  const current = identityConsentStateOf(row, consentRows)
  if (current.status !== 'given') return null
  const at = current.lastAt !== null && Date.parse(current.lastAt) > Date.parse(change.at) ? current.lastAt : change.at
  const event: ConsentEvent = {
    type: 'withdrawn',
    at,
    recordedBy: ctx.actor.displayName,
    conversation: null,
    reason: change.reason,
  }
  checkIdentityConsentTransition(current, event, now)
  return insertIdentityConsentEvent(tx, scope, ctx, row.id, event, now)
}

/**
 * Records that the person agreed to be named in a Duty to Notify report, or withdrew that agreement (MSA 2015 s52(3),
 * law-and-process.md §2.5). Given: the report may hold their name, date of birth, contact details and address.
 * Withdrawn: every identifying detail is removed in the same transaction, so the database CHECK keeps holding.
 */
export async function recordIdentityConsent(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: IdentityConsentInput,
): Promise<{ row: ReferralRow; state: IdentityConsentState; identityRemoved: boolean }> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const { row } = loaded
    if (row.kind !== 'duty-to-notify') {
      throw new ReferralRefused(
        `Referral ${row.reference} is an NRM referral: the person's consent to the referral covers their details, so there is no separate consent to share their identity`,
        'not-for-kind',
      )
    }
    if (row.status === 'withdrawn') {
      throw new ReferralRefused(
        `Report ${row.reference} has been withdrawn: consent to share identity can no longer be recorded`,
        'submitted',
      )
    }
    // Once submitted, the Home Office holds the report as it was sent: changing Lantern's copy would not change theirs,
    // and the copy is the force's record of how it met the duty. So neither answer is recorded here after submission:
    // the officer asks the Home Office to update or remove the details.
    if (row.status !== 'draft') {
      throw new ReferralRefused(
        `Report ${row.reference} has been sent to the Home Office, so consent to share identity can no longer be changed here: contact the Home Office Modern Slavery Unit to give or withdraw it`,
        'submitted',
      )
    }
    if (expectedVersion !== row.version) throw new ReferralConflict(id)
    if (input.type === 'given') {
      const issues = conversationIssues(input)
      const first = issues[0]
      if (first) throw new ReferralRefused(first.message, 'invalid', issues)
    }
    const current = identityConsentStateOf(row, loaded.consentRows)
    const event = eventOf(input, ctx.actor.displayName)
    checkIdentityConsentTransition(current, event, now)

    const recorded = await insertIdentityConsentEvent(tx, scope, ctx, id, event, now)
    // MSA 2015 s52(3): without consent the report holds nothing that identifies the person.
    const patch: ReferralPatch =
      event.type === 'given' ? { identityConsentId: recorded.id } : { ...NO_IDENTITY, identityConsentId: null }
    const identityRemoved = event.type === 'withdrawn' && holdsIdentity(row)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, patch, now)
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: { identityConsent: event.type, ...(identityRemoved ? { identityRemoved: true } : {}) },
      },
      now,
    )
    return {
      row: saved,
      state: identityConsentStateOf(saved, [...loaded.consentRows, recorded]),
      identityRemoved,
    }
  })
}
