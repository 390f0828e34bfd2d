import {
  findLiveReferralOfKind,
  findReferral,
  insertConsentEvent,
  insertReferral,
  listReferralsForEncounter,
  type ReferralPatch,
  type ReferralRow,
  saveSafeguarding,
} from '../../db/repositories/referrals.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { addCalendarDays, ukDateOf } from '../../domain/deadlines/index.js'
import {
  applyConsentEvent,
  type ConsentEvent,
  type ConsentState,
  SafeguardingReferral,
} from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { completeTasks, createTask } from '../tasks/tasks.js'
import { ReferralConflict, ReferralRefused } from './errors.js'
import { withdrawIdentityConsentOnClearing } from './identity-consent.js'
import { NO_IDENTITY } from './model.js'
import { loadOrExplain, newReference, saveOrConflict } from './referrals.js'
import { endOfUkDay } from './time.js'

export type ConsentInput = {
  type: ConsentEvent['type']
  at: string
  language?: string | undefined
  interpreter?: 'none' | 'independent' | 'not-independent' | undefined
  interpreterProvider?: string | undefined
  wordsUsed?: string | undefined
  reason?: string | undefined
}

// Lantern's own default for coming back to a person who said no; not a legal rule (law-and-process.md §2.3 says only
// that consent can be updated later).
export const REVISIT_CONSENT_DAYS = 14

function conversationOf(input: ConsentInput) {
  const empty = !input.language?.trim() && !input.wordsUsed?.trim() && input.interpreter === undefined
  // A withdrawal may come through a support worker or solicitor, so it can come without a conversation.
  if (input.type === 'withdrawn' && empty) return null
  return {
    language: input.language ?? '',
    interpreter:
      input.interpreter === undefined
        ? undefined
        : input.interpreter === 'none'
          ? { used: false as const }
          : {
              used: true as const,
              independent: input.interpreter === 'independent',
              provider: input.interpreterProvider?.trim() || null,
            },
    wordsUsed: input.wordsUsed ?? '',
  }
}

/**
 * Records an answer about consent to the NRM referral (law-and-process.md §2.3, §9.3, §9.15): given, declined,
 * withdrawn, or given later, with the language, the interpreter and the words used. While the referral is a draft
 * the answer decides its kind: no consent makes it an anonymous Duty to Notify report (identifying details are
 * removed), consent given later makes it an NRM referral again. A child is never asked (§2.4).
 */
export async function recordConsent(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: ConsentInput,
): Promise<{ row: ReferralRow; consent: ConsentState; kindChanged: boolean; identityRemoved: boolean }> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const { row } = loaded
    if (row.kind === 'nrm-child') {
      throw new ReferralRefused(
        'A child is referred without asking for consent: record the safeguarding referral and make the NRM referral (law-and-process.md §2.4)',
        'child-no-consent',
      )
    }
    if (expectedVersion !== row.version) throw new ReferralConflict(id)
    const event = {
      type: input.type,
      at: input.at,
      recordedBy: ctx.actor.displayName,
      conversation: conversationOf(input),
      reason: input.reason?.trim() || null,
    }
    const applied = applyConsentEvent(loaded.consent, event as ConsentEvent, { now: () => now })
    if (!applied.ok) {
      throw new ReferralRefused(applied.message, applied.code, [
        { path: fieldOfConsentMessage(applied.message), message: applied.message },
      ])
    }
    const recorded = applied.value.history.at(-1) as ConsentEvent
    const rc = recorded.conversation
    await insertConsentEvent(tx, scope, {
      referralId: id,
      scope: 'nrm',
      type: recorded.type,
      at: recorded.at,
      recordedByUserId: ctx.actor.userId,
      recordedBy: recorded.recordedBy,
      language: rc?.language ?? null,
      interpreterUsed: rc ? rc.interpreter.used : null,
      interpreterIndependent: rc?.interpreter.used ? rc.interpreter.independent : null,
      interpreterProvider: rc?.interpreter.used ? rc.interpreter.provider : null,
      wordsUsed: rc?.wordsUsed ?? null,
      reason: recorded.type === 'given' ? null : recorded.reason,
      createdAt: now.toISOString(),
    })

    let patch: ReferralPatch = {}
    const notConsenting = recorded.type !== 'given'
    if (row.status === 'draft' && row.followsReferralId === null) {
      const target = notConsenting ? 'duty-to-notify' : 'nrm-adult'
      const clash = row.encounterId ? await findLiveReferralOfKind(tx, scope, row.encounterId, target, id) : undefined
      if (row.kind !== target && !clash) {
        // MSA 2015 s52(3): a report about an adult who does not consent holds nothing that identifies them.
        patch = notConsenting ? { kind: target, ...NO_IDENTITY, identityConsentId: null } : { kind: target }
      }
    }
    // The identity goes with the consent to share it: its history says so, dated with this answer (s52(3)).
    const identityWithdrawn =
      patch.kind === 'duty-to-notify'
        ? await withdrawIdentityConsentOnClearing(
            tx,
            scope,
            ctx,
            row,
            loaded.consentRows,
            {
              at: recorded.at,
              reason: `NRM consent ${recorded.type}: a Duty to Notify report holds no identifying details without consent to share them`,
            },
            now,
          )
        : null
    const identityRemoved =
      patch.kind === 'duty-to-notify' &&
      (row.personName !== null || row.dateOfBirth !== null || row.contactPhone !== null || row.address !== null)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, patch, now)

    if (notConsenting) {
      const due = addCalendarDays(ukDateOf(recorded.at), REVISIT_CONSENT_DAYS)
      await createTask(tx, scope, {
        kind: 'revisit-consent',
        subjectType: 'referral',
        subjectId: id,
        title: `Ask again about consent to an NRM referral (referral ${row.reference})`,
        dueAt: endOfUkDay(due).toISOString(),
        assigneeUserId: ctx.actor.userId,
        basis: `${REVISIT_CONSENT_DAYS} days after the person ${recorded.type} consent on ${ukDateOf(recorded.at)}: Lantern's default, not a legal time limit (consent can be given later, law-and-process.md §2.3)`,
        ruleVersion: 'lantern.revisit-consent.v1',
        details: { href: `/referrals/${id}/consent` },
        createdAt: now,
      })
    } else {
      await completeTasks(
        tx,
        scope,
        { kind: 'revisit-consent', subjectType: 'referral', subjectId: id },
        'consent given',
        now,
      )
    }
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: {
          consent: recorded.type,
          givenLater: applied.value.givenLater,
          ...(patch.kind ? { kindChangedTo: patch.kind } : {}),
          ...(identityWithdrawn ? { identityConsent: 'withdrawn' } : {}),
        },
      },
      now,
    )
    return { row: saved, consent: applied.value, kindChanged: patch.kind !== undefined, identityRemoved }
  })
}

function fieldOfConsentMessage(message: string): string {
  if (/language/i.test(message)) return 'language'
  if (/words/i.test(message)) return 'wordsUsed'
  if (/interpreter/i.test(message)) return 'interpreter'
  if (/future|earlier/i.test(message)) return 'at'
  return 'type'
}

/**
 * Consent given after a Duty to Notify report was sent: the person can now be referred (law-and-process.md §2.3).
 * Starts an adult NRM referral that follows the report, carrying its consent history and its non-identifying
 * sections. A second call returns the referral already started.
 */
export async function startReferralAfterConsent(deps: Deps, ctx: Ctx, dtnId: string): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:create')
  const scope = forceScopeOf(ctx.actor)
  const reference = await newReference(deps)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, dtnId, now)
    const { row } = loaded
    if (row.kind !== 'duty-to-notify' || row.status === 'draft') {
      throw new ReferralRefused(
        'An NRM referral follows a Duty to Notify report only once the report has been sent',
        'not-a-sent-report',
      )
    }
    if (loaded.consent.status !== 'given') {
      throw new ReferralRefused(
        'The person has not given consent: record their consent before making an NRM referral',
        'no-consent',
      )
    }
    const siblings = row.encounterId ? await listReferralsForEncounter(tx, scope, row.encounterId) : []
    const existing = siblings.find((s) => s.followsReferralId === dtnId && s.status !== 'withdrawn')
    if (existing) {
      const found = await findReferral(tx, scope, existing.id)
      if (found) return found
    }
    const created = await insertReferral(
      tx,
      scope,
      {
        encounterId: row.encounterId,
        reference,
        kind: 'nrm-adult',
        ageStatus: 'adult',
        createdBy: ctx.actor.userId,
        followsReferralId: dtnId,
        firstResponder: row.firstResponder,
        person: { ...row.person },
        exploitation: row.exploitation,
      },
      now,
    )
    if (!created) throw new ReferralConflict(dtnId)
    for (const c of loaded.consentRows.filter((r) => r.scope === 'nrm')) {
      const { id: _id, forceId: _f, referralId: _r, ...copy } = c
      await insertConsentEvent(tx, scope, { ...copy, referralId: created.id })
    }
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'referral',
        recordId: created.id,
        details: { followsReferralId: dtnId, kind: 'nrm-adult', reason: 'consent given after a Duty to Notify report' },
      },
      now,
    )
    return created
  })
}

export type SafeguardingInput = {
  localAuthority: string
  referredAt: string
  method: string
  reference?: string | undefined
  madeBy: string
  contactName?: string | undefined
  contactDetails?: string | undefined
}

/**
 * The child's safeguarding referral to a named local authority, recorded before the NRM referral
 * (law-and-process.md §2.4, §9.2). Can be corrected while the referral is a draft.
 */
export async function recordSafeguarding(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: SafeguardingInput,
): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    if (loaded.row.kind !== 'nrm-child') {
      throw new ReferralRefused(
        'A safeguarding referral is recorded here for a child, or a person whose age is unknown or disputed',
        'not-a-child',
      )
    }
    if (loaded.row.status !== 'draft') {
      throw new ReferralRefused(
        'The referral has been submitted: the safeguarding referral can no longer be changed',
        'submitted',
      )
    }
    const parsed = SafeguardingReferral.safeParse({
      localAuthority: input.localAuthority,
      referredAt: input.referredAt,
      method: input.method,
      reference: input.reference?.trim() || null,
      madeBy: input.madeBy,
    })
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      throw new ReferralRefused(issues[0]?.message ?? 'The safeguarding referral is not valid', 'invalid', issues)
    }
    if (Date.parse(parsed.data.referredAt) > now.getTime()) {
      const message = 'The safeguarding referral cannot be dated in the future'
      throw new ReferralRefused(message, 'date-in-future', [{ path: 'referredAt', message }])
    }
    const s = parsed.data
    await saveSafeguarding(tx, scope, {
      referralId: id,
      localAuthority: s.localAuthority,
      referredAt: s.referredAt,
      method: s.method,
      reference: s.reference,
      madeBy: s.madeBy,
      contactName: input.contactName?.trim() || null,
      contactDetails: input.contactDetails?.trim() || null,
      recordedByUserId: ctx.actor.userId,
      recordedAt: now.toISOString(),
    })
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, {}, now)
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: { safeguarding: true, localAuthority: s.localAuthority },
      },
      now,
    )
    return saved
  })
}
