import { randomInt } from 'node:crypto'
import type { DbOrTx } from '../../db/client.js'
import { type EncounterRow, findEncounter } from '../../db/repositories/encounters.js'
import { findUserById } from '../../db/repositories/identity.js'
import {
  findReferral,
  findSafeguarding,
  insertReferral,
  listConsentEvents,
  listDecisions,
  listReferrals,
  listReferralsForEncounter,
  listSupport,
  listTransfersForReferral,
  listTransfersOut,
  listTransfersOutForEncounter,
  type ReferralFilter,
  type ReferralPatch,
  type ReferralRow,
  referralReferenceExists,
  updateReferral,
} from '../../db/repositories/referrals.js'
import { assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import { roleLabels } from '../../domain/access/roles.js'
import { RULE_VERSION, ukDateOf } from '../../domain/deadlines/index.js'
import { forceById } from '../../domain/forces/forces.js'
import type { Assessment } from '../../domain/identify/assessment.js'
import {
  checkReferralAllowed,
  decideReferral,
  type Issue,
  isNrm,
  isTreatedAsChild,
  type ReferralDecision,
  type ReferralEventInput,
  rgTargetDeadline,
  transition,
  validateDutyToNotify,
  validateNrmReferral,
} from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { createCrimeToRecordTask } from '../crime/crime-tasks.js'
import { EncounterNotFound } from '../identify/encounters.js'
import { completeTasks, createTask } from '../tasks/tasks.js'
import { ReferralConflict, ReferralNotFound, ReferralRefused, ReferralTransferredAway } from './errors.js'
import { ageStatusOfEncounter, consentStateOf, regionOfForce, stateOf, statePatch } from './model.js'
import {
  dtnInput,
  nrmInput,
  type SectionKey,
  sectionBlockedBy,
  sectionComplete,
  sectionOfIssue,
  sectionsFor,
  sectionTitleFor,
} from './sections.js'
import { endOfUkDay } from './time.js'

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

export async function newReference(deps: Deps): Promise<string> {
  const year = String(deps.now().getUTCFullYear()).slice(2)
  for (;;) {
    const body = Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('')
    const ref = `REF-${year}-${body}`
    if (!(await referralReferenceExists(deps.db, ref))) return ref
  }
}

/** Everything recorded under one referral, read in one transaction. */
export async function loadReferral(tx: DbOrTx, scope: ForceScope, id: string, now: Date) {
  const row = await findReferral(tx, scope, id)
  if (!row) return undefined
  // One after another: a transaction is one connection, and PostgreSQL runs its queries in turn anyway.
  const consentRows = await listConsentEvents(tx, scope, id)
  const safeguarding = await findSafeguarding(tx, scope, id)
  const decisions = await listDecisions(tx, scope, id)
  const support = await listSupport(tx, scope, id)
  const transfers = await listTransfersForReferral(tx, scope, id)
  const consent = consentStateOf(consentRows, now)
  return { row, consentRows, consent, safeguarding, decisions, support, transfers }
}
export type LoadedReferral = NonNullable<Awaited<ReturnType<typeof loadReferral>>>

/** Loads the referral or explains why not: not in this force, or sent to another force. */
export async function loadOrExplain(tx: DbOrTx, scope: ForceScope, id: string, now: Date): Promise<LoadedReferral> {
  const loaded = await loadReferral(tx, scope, id, now)
  if (loaded) return loaded
  const [sent] = (await listTransfersForReferral(tx, scope, id)).filter((t) => t.fromForceId === scope.forceId)
  if (sent) throw new ReferralTransferredAway(sent)
  throw new ReferralNotFound(id)
}

function assessmentOf(encounter: EncounterRow): Assessment {
  if (encounter.status !== 'submitted' || !encounter.assessment) {
    throw new ReferralRefused('Submit the encounter first: the referral follows from its assessment', 'encounter-draft')
  }
  return encounter.assessment as unknown as Assessment
}

/** What the officer may start for an encounter, and why (decision support: it never blocks a referral). */
export async function referralOptionsForEncounter(deps: Deps, ctx: Ctx, encounterId: string) {
  assertCan(ctx.actor, 'referral:create')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const encounter = await findEncounter(tx, scope, encounterId)
    if (!encounter) throw new EncounterNotFound(encounterId)
    const assessment = assessmentOf(encounter)
    const ageStatus = ageStatusOfEncounter(encounter, assessment.treatedAsChild)
    const decision: ReferralDecision = decideReferral({
      pathway: assessment.pathway,
      ageStatus,
      consentStatus: encounter.consent ?? 'not-asked',
      safeguardingReferralRecorded: false,
    })
    const existing = await listReferralsForEncounter(tx, scope, encounterId)
    const transfers = await listTransfersOutForEncounter(tx, scope, encounterId)
    await audit(tx, ctx, { action: 'read', recordType: 'encounter', recordId: encounterId }, deps.now())
    return { encounter, assessment, ageStatus, decision, existing, transfers }
  })
}

/**
 * Starts a referral from a submitted encounter. A child (or a person whose age is unknown or disputed) starts on
 * the child route: safeguarding first, no consent (law-and-process.md §2.4, §9.1). An adult starts with consent.
 * With no indicators the officer can still refer, giving a reason. A second start (double click, retry) returns the
 * live referral already made for the encounter.
 */
export async function startReferral(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  input: { reason?: string | undefined },
): Promise<{ row: ReferralRow; created: boolean }> {
  assertCan(ctx.actor, 'referral:create')
  const scope = forceScopeOf(ctx.actor)
  const reference = await newReference(deps)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const encounter = await findEncounter(tx, scope, encounterId)
    if (!encounter) throw new EncounterNotFound(encounterId)
    const assessment = assessmentOf(encounter)
    const live = (await listReferralsForEncounter(tx, scope, encounterId)).filter((r) => r.status !== 'withdrawn')
    const current = live.at(-1)
    if (current) {
      const row = await findReferral(tx, scope, current.id)
      if (row) return { row, created: false }
    }
    const reason = input.reason?.trim() || null
    if (assessment.pathway === 'no-indicators' && !reason) {
      throw new ReferralRefused(
        'Say why you are referring: the assessment found no signs, so your reason is kept with the referral',
        'reason-needed',
        [{ path: 'reason', message: 'Say why you are referring although no signs were recorded' }],
      )
    }
    const ageStatus = ageStatusOfEncounter(encounter, assessment.treatedAsChild)
    const kind = isTreatedAsChild(ageStatus) ? 'nrm-child' : 'nrm-adult'
    const person: Record<string, unknown> = {}
    if (encounter.person.language) person.languages = [encounter.person.language]
    const row = await insertReferral(
      tx,
      scope,
      {
        encounterId,
        reference,
        kind,
        ageStatus,
        createdBy: ctx.actor.userId,
        referralReason: reason,
        person,
        exploitation: { indicatorIds: encounter.indicators.map((i) => i.id) },
      },
      now,
    )
    if (!row) {
      // A concurrent start won the race (one live referral of each kind per encounter).
      const [raced] = (await listReferralsForEncounter(tx, scope, encounterId)).filter((r) => r.status !== 'withdrawn')
      const found = raced && (await findReferral(tx, scope, raced.id))
      if (!found) throw new ReferralConflict(encounterId)
      return { row: found, created: false }
    }
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'referral',
        recordId: row.id,
        details: { encounterId, kind, ageStatus, pathway: assessment.pathway, ...(reason ? { reason } : {}) },
      },
      now,
    )
    return { row, created: true }
  })
}

/** Reads a referral with its history, audited. Throws ReferralTransferredAway for the force that sent it. */
export async function readReferral(deps: Deps, ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'referral:read')
  const scope = forceScopeOf(ctx.actor)
  try {
    return await deps.db.transaction(async (tx) => {
      const loaded = await loadOrExplain(tx, scope, id, deps.now())
      await audit(tx, ctx, { action: 'read', recordType: 'referral', recordId: id }, deps.now())
      return loaded
    })
  } catch (e) {
    if (e instanceof ReferralTransferredAway) {
      // The sending force reads only the transfer record, which holds no personal details.
      await deps.db.transaction((tx) =>
        audit(
          tx,
          ctx,
          { action: 'read', recordType: 'referral-transfer', recordId: e.transfer.id, details: { referralId: id } },
          deps.now(),
        ),
      )
    }
    throw e
  }
}

/** The signed-in officer as the first responder, to fill in the first section (law-and-process.md §2.11). */
export async function firstResponderDefaults(deps: Deps, ctx: Ctx) {
  const found = await findUserById(deps.db, ctx.actor.userId)
  const force = ctx.actor.forceId ? forceById(ctx.actor.forceId)?.name : undefined
  return {
    name: ctx.actor.displayName,
    role: `${roleLabels[ctx.actor.role]}${force ? `, ${force}` : ''}`,
    email: found?.user.email ?? '',
  }
}

/** The encounter the referral came from, when this force holds it (for pre-filling pages). */
export async function encounterOfReferral(deps: Deps, ctx: Ctx, referral: ReferralRow) {
  if (!referral.encounterId) return null
  const scope = forceScopeOf(ctx.actor)
  const encounter = await findEncounter(deps.db, scope, referral.encounterId)
  return encounter ?? null
}

export async function listForceReferrals(deps: Deps, ctx: Ctx, filter: ReferralFilter) {
  assertCan(ctx.actor, 'referral:read')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const rows = await listReferrals(tx, scope, filter)
    const sent = await listTransfersOut(tx, scope)
    await audit(
      tx,
      ctx,
      {
        action: 'read',
        recordType: 'referral-list',
        details: { count: rows.length, filter: { ...filter }, transfersOut: sent.length },
      },
      deps.now(),
    )
    return { rows, sent }
  })
}

/** The situation the eligibility rules need (law-and-process.md §2.3–§2.5). */
export function situationOf(loaded: LoadedReferral, encounter: EncounterRow | null | undefined) {
  const assessment = encounter?.assessment as unknown as Assessment | undefined
  const pathway =
    assessment?.pathway ??
    (loaded.row.kind === 'nrm-child' ? 'nrm-child' : loaded.row.kind === 'nrm-adult' ? 'nrm-adult' : 'duty-to-notify')
  return {
    pathway,
    ageStatus: loaded.row.ageStatus,
    consentStatus: loaded.consent.status,
    safeguardingReferralRecorded: loaded.safeguarding !== undefined,
  }
}

export type SectionStatus = { key: SectionKey; title: string; complete: boolean; blockedBy: string | null }

export function sectionStatuses(loaded: LoadedReferral): SectionStatus[] {
  return sectionsFor(loaded.row.kind).map((key) => ({
    key,
    title: sectionTitleFor(key, loaded.row),
    complete: sectionComplete(key, loaded.row, loaded.consent, loaded.safeguarding),
    blockedBy: sectionBlockedBy(key, loaded.row, loaded.consent, loaded.safeguarding),
  }))
}

/** Everything that stops submission, each with the section page that fixes it. */
export function submissionProblems(
  loaded: LoadedReferral,
  encounter: EncounterRow | null | undefined,
  now: Date,
): { issues: (Issue & { section: SectionKey })[]; warnings: readonly string[] } {
  const { row } = loaded
  const incomplete = sectionStatuses(loaded).filter((s) => !s.complete)
  if (incomplete.length > 0) {
    return {
      issues: incomplete.map((s) => ({
        path: s.key,
        section: s.key,
        message: s.blockedBy ?? `Complete the section: ${s.title.toLowerCase()}`,
      })),
      warnings: [],
    }
  }
  const allowed = checkReferralAllowed(situationOf(loaded, encounter), row.kind)
  if (!allowed.ok) {
    return {
      issues: [
        { path: 'kind', section: row.kind === 'nrm-child' ? 'safeguarding' : 'consent', message: allowed.message },
      ],
      warnings: [],
    }
  }
  const identityConsent = loaded.consentRows.find((c) => c.id === row.identityConsentId)
  const checked = isNrm(row.kind)
    ? validateNrmReferral(nrmInputOf(loaded), now)
    : validateDutyToNotify(dtnInput(row, loaded.consent, identityConsent), now)
  if (!checked.ok) {
    return { issues: checked.issues.map((i) => ({ ...i, section: sectionOfIssue(i, row.kind) })), warnings: [] }
  }
  return { issues: [], warnings: checked.warnings }
}

export function nrmInputOf(loaded: LoadedReferral) {
  return nrmInput(loaded.row, loaded.consentRows, loaded.safeguarding)
}

/** Applies a lifecycle event; the domain's refusal (with its specific message) becomes ReferralRefused. */
export function applyEvent(loaded: LoadedReferral, event: ReferralEventInput, now: Date) {
  const state = stateOf(loaded.row, loaded.decisions, loaded.transfers)
  const result = transition(state, event, { now: () => now })
  if (!result.ok) throw new ReferralRefused(result.message, result.code)
  return { before: state, after: result.value, warnings: result.warnings }
}

export async function saveOrConflict(
  tx: DbOrTx,
  scope: ForceScope,
  loaded: LoadedReferral,
  expectedVersion: number,
  patch: ReferralPatch,
  now: Date,
): Promise<ReferralRow> {
  if (expectedVersion !== loaded.row.version) throw new ReferralConflict(loaded.row.id)
  const saved = await updateReferral(tx, scope, loaded.row.id, expectedVersion, patch, now)
  if (!saved) throw new ReferralConflict(loaded.row.id)
  return saved
}

/**
 * Submits a complete draft: checks every section and the eligibility rules, moves it to "submitted", records the
 * rule and calendar versions, and opens the follow-ups in the same transaction: the Reasonable Grounds chase
 * (law-and-process.md §2.7) and, for every NRM referral made, the crime to record (§3, §9.5). A second submit of
 * a referral already submitted changes nothing (double click, retried request).
 */
export async function submitReferral(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
): Promise<{ row: ReferralRow; alreadySubmitted: boolean; warnings: readonly string[] }> {
  assertCan(ctx.actor, 'referral:create')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    if (loaded.row.status !== 'draft' && loaded.row.submittedAt !== null) {
      return { row: loaded.row, alreadySubmitted: true, warnings: [] }
    }
    const encounter = loaded.row.encounterId ? await findEncounter(tx, scope, loaded.row.encounterId) : null
    const problems = submissionProblems(loaded, encounter, now)
    if (problems.issues.length > 0) {
      throw new ReferralRefused(problems.issues[0]?.message ?? 'The referral is not complete', 'incomplete', [
        ...problems.issues.map((i) => ({ path: i.section, message: i.message })),
      ])
    }
    const { after } = applyEvent(loaded, { type: 'submit', at: now.toISOString() }, now)
    const region = regionOfForce(scope.forceId)
    const rgTarget = isNrm(loaded.row.kind) ? rgTargetDeadline({ referredOn: ukDateOf(now), region }) : null
    const saved = await saveOrConflict(
      tx,
      scope,
      loaded,
      expectedVersion,
      { ...statePatch(after), calendarRules: RULE_VERSION, rgTarget },
      now,
    )
    if (rgTarget) {
      await createTask(tx, scope, {
        kind: 'chase-rg-decision',
        subjectType: 'referral',
        subjectId: saved.id,
        title: `Chase the Reasonable Grounds decision for referral ${saved.reference}`,
        dueAt: endOfUkDay(rgTarget.dueDate).toISOString(),
        assigneeUserId: ctx.actor.userId,
        basis: rgTarget.basis,
        ruleVersion: `${rgTarget.referralRules}; ${rgTarget.ruleVersion}`,
        details: { href: `/referrals/${saved.id}` },
        createdAt: now,
      })
      await createCrimeToRecordTask(tx, scope, {
        referralId: saved.id,
        referralKind: saved.kind,
        origin: 'made',
        receivedAt: now.toISOString(),
        at: now,
      })
    }
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: saved.id,
        details: {
          submitted: true,
          kind: saved.kind,
          referralRules: saved.referralRules,
          calendarRules: saved.calendarRules,
        },
      },
      now,
    )
    return { row: saved, alreadySubmitted: false, warnings: problems.warnings }
  })
}

/** Records the Home Office reference once the referral is in the Home Office system (law-and-process.md §2.11). */
export async function recordHomeOfficeReference(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  reference: string,
): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    // The same reference sent twice (double click, retried request) is already recorded: nothing to do.
    if (loaded.row.homeOfficeReference !== null && loaded.row.homeOfficeReference === reference.trim()) {
      return loaded.row
    }
    const { after } = applyEvent(loaded, { type: 'record-reference', reference, at: now.toISOString() }, now)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, statePatch(after), now)
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'referral', recordId: id, details: { homeOfficeReference: true } },
      now,
    )
    return saved
  })
}

/** Withdraws a referral with a reason; its open follow-ups close with it. */
export async function withdrawReferral(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const { after } = applyEvent(loaded, { type: 'withdraw', at: now.toISOString(), reason }, now)
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, statePatch(after), now)
    for (const kind of ['chase-rg-decision', 'recovery-period-ending', 'revisit-consent'] as const) {
      await completeTasks(tx, scope, { kind, subjectType: 'referral', subjectId: id }, 'referral withdrawn', now)
    }
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'referral', recordId: id, reason, details: { withdrawn: true } },
      now,
    )
    return saved
  })
}
