import type { DbOrTx } from '../../db/client.js'
import { type EncounterRow, findEncounter } from '../../db/repositories/encounters.js'
import {
  findEncounterByReference,
  findLiveNoReferralDecision,
  findNoReferralDecisionBySubmission,
  insertNoReferralDecision,
  listNoReferralDecisions,
  type NoReferralDecisionRow,
  withdrawNoReferralDecision as withdrawRow,
} from '../../db/repositories/no-referral-decisions.js'
import { listReferralsForEncounter, listTransfersOutForEncounter } from '../../db/repositories/referrals.js'
import { assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import { forceById } from '../../domain/forces/forces.js'
import type { Assessment } from '../../domain/identify/assessment.js'
import {
  checkNoReferralDecision,
  checkWithdrawal,
  type DecisionIssue,
  NO_REFERRAL_RULES_VERSION,
  type NoReferralContext,
  type NoReferralDecisionInput,
  reasonsAllowed,
} from '../../domain/referral/no-referral-decision.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { EncounterNotFound } from '../identify/encounters.js'
import { completeTasks } from '../tasks/tasks.js'

/** A rule refused the decision; each issue names its field so the page can show an error summary. */
export class NoReferralDecisionRefused extends Error {
  constructor(readonly issues: readonly DecisionIssue[]) {
    super(issues.map((i) => i.message).join('; '))
  }
}

export type NoReferralSubmission = NoReferralDecisionInput & { submissionId: string }

async function submittedEncounter(tx: DbOrTx, scope: ForceScope, id: string): Promise<EncounterRow> {
  const row = await findEncounter(tx, scope, id)
  if (!row) throw new EncounterNotFound(id)
  if (row.status !== 'submitted') {
    throw new NoReferralDecisionRefused([
      { path: 'form', message: 'Submit the encounter first: a decision is made on its assessment' },
    ])
  }
  return row
}

async function contextOf(tx: DbOrTx, scope: ForceScope, encounter: EncounterRow): Promise<NoReferralContext> {
  // One after another: a transaction is one connection, and pg warns about overlapping queries on it.
  const referrals = await listReferralsForEncounter(tx, scope, encounter.id)
  const transfers = await listTransfersOutForEncounter(tx, scope, encounter.id)
  const live = await findLiveNoReferralDecision(tx, scope, encounter.id)
  const assessment = encounter.assessment as unknown as Assessment | null
  return {
    treatedAsChild: assessment?.treatedAsChild ?? true,
    jurisdiction: forceById(scope.forceId)?.jurisdiction ?? 'england-and-wales',
    // A referral sent and then transferred to another force still met the duty.
    hasSubmittedReferral:
      referrals.some((r) => r.status !== 'draft' && r.status !== 'withdrawn') || transfers.length > 0,
    hasLiveDecision: live !== undefined,
  }
}

/** What the decision pages need: the encounter, the reasons allowed for this person, and every past decision. */
export async function noReferralDecisionView(deps: Deps, ctx: Ctx, encounterId: string) {
  assertCan(ctx.actor, 'encounter:read')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const encounter = await findEncounter(tx, scope, encounterId)
    if (!encounter) throw new EncounterNotFound(encounterId)
    const decisionContext = await contextOf(tx, scope, encounter)
    const decisions = await listNoReferralDecisions(tx, scope, encounterId)
    const duplicateReferences = new Map<string, string>()
    for (const d of decisions) {
      if (d.duplicateOfEncounterId === null || duplicateReferences.has(d.duplicateOfEncounterId)) continue
      const other = await findEncounter(tx, scope, d.duplicateOfEncounterId)
      if (other) duplicateReferences.set(other.id, other.reference)
    }
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'no-referral-decision', recordId: encounterId, details: { encounterId } },
      deps.now(),
    )
    return {
      encounter: { id: encounter.id, reference: encounter.reference, status: encounter.status },
      context: decisionContext,
      allowedReasons: reasonsAllowed(decisionContext),
      decisions,
      duplicateReferences,
      live: decisions.find((d) => d.withdrawnAt === null) ?? null,
    }
  })
}

/** Every check a decision must pass, without saving it: the check-answers page and the save share it. */
async function prepare(tx: DbOrTx, scope: ForceScope, encounterId: string, input: NoReferralDecisionInput) {
  const encounter = await submittedEncounter(tx, scope, encounterId)
  const decisionContext = await contextOf(tx, scope, encounter)
  const checked = checkNoReferralDecision(input, decisionContext)
  if (!checked.ok) throw new NoReferralDecisionRefused(checked.issues)
  const value = checked.value
  let duplicateOfEncounterId: string | null = null
  if (value.reason === 'duplicate-encounter' && value.duplicateOfReference !== null) {
    const other = await findEncounterByReference(tx, scope, value.duplicateOfReference)
    const problem = !other
      ? `No encounter ${value.duplicateOfReference} was found in your force`
      : other.id === encounterId
        ? 'Enter the other encounter’s reference, not this one’s'
        : other.status !== 'submitted'
          ? `Encounter ${value.duplicateOfReference} is still a draft: submit it first`
          : null
    if (problem) throw new NoReferralDecisionRefused([{ path: 'duplicateOfReference', message: problem }])
    duplicateOfEncounterId = other?.id ?? null
  }
  return { value, decisionContext, duplicateOfEncounterId, warnings: checked.warnings }
}

/** Checks a decision for the check-answers page; throws NoReferralDecisionRefused as saving would. */
export async function previewNoReferralDecision(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  input: NoReferralDecisionInput,
): Promise<{ value: NoReferralDecisionInput; warnings: string[] }> {
  assertCan(ctx.actor, 'referral:decide-none')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const { value, warnings } = await prepare(tx, scope, encounterId, input)
    return { value, warnings }
  })
}

/**
 * Records a supervisor's decision that the encounter needs neither an NRM referral nor a Duty to Notify report
 * (issue 5). The encounter leaves the worklists and its open "refer or notify" task closes. Submitting the same form
 * twice gives the first decision back.
 */
export async function recordNoReferralDecision(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  input: NoReferralSubmission,
): Promise<{ decision: NoReferralDecisionRow; warnings: string[]; replayed: boolean }> {
  assertCan(ctx.actor, 'referral:decide-none')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const earlier = await findNoReferralDecisionBySubmission(tx, scope, input.submissionId)
    if (earlier) {
      if (earlier.encounterId !== encounterId) {
        throw new NoReferralDecisionRefused([
          { path: 'form', message: 'This form was already used for another encounter' },
        ])
      }
      return { decision: earlier, warnings: [], replayed: true }
    }
    const { value, decisionContext, duplicateOfEncounterId, warnings } = await prepare(tx, scope, encounterId, input)
    const decision = await insertNoReferralDecision(tx, scope, {
      encounterId,
      reason: value.reason,
      rationale: value.rationale,
      otherOrganisation: value.otherOrganisation,
      otherReference: value.otherReference,
      duplicateOfEncounterId,
      treatedAsChild: decisionContext.treatedAsChild,
      ruleVersion: NO_REFERRAL_RULES_VERSION,
      decidedBy: ctx.actor.userId,
      decidedByRole: ctx.actor.role,
      decidedAt: now.toISOString(),
      submissionId: input.submissionId,
    })
    if (!decision) {
      // Lost a race: the same form from another request, or another supervisor's decision.
      const raced = await findNoReferralDecisionBySubmission(tx, scope, input.submissionId)
      if (raced) return { decision: raced, warnings: [], replayed: true }
      throw new NoReferralDecisionRefused([
        { path: 'form', message: 'A decision is already recorded: withdraw it before recording another' },
      ])
    }
    await completeTasks(
      tx,
      scope,
      { kind: 'refer-or-notify', subjectType: 'encounter', subjectId: encounterId },
      'supervisor decided no referral or report is needed',
      now,
    )
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'no-referral-decision',
        recordId: decision.id,
        details: { encounterId, reason: value.reason, ruleVersion: NO_REFERRAL_RULES_VERSION },
      },
      now,
    )
    return { decision, warnings, replayed: false }
  })
}

/** Withdraws the standing decision with a reason; the encounter goes back into the worklists. */
export async function withdrawNoReferralDecision(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  decisionId: string,
  reason: string,
): Promise<NoReferralDecisionRow> {
  assertCan(ctx.actor, 'referral:decide-none')
  const scope = forceScopeOf(ctx.actor)
  const checked = checkWithdrawal(reason)
  if (!checked.ok) throw new NoReferralDecisionRefused([{ path: 'withdrawalReason', message: checked.message }])
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const encounter = await findEncounter(tx, scope, encounterId)
    if (!encounter) throw new EncounterNotFound(encounterId)
    const live = await findLiveNoReferralDecision(tx, scope, encounterId)
    if (!live || live.id !== decisionId) {
      throw new NoReferralDecisionRefused([
        { path: 'form', message: 'This decision has already been withdrawn: the page you used was out of date' },
      ])
    }
    const row = await withdrawRow(tx, scope, decisionId, {
      withdrawnAt: now.toISOString(),
      withdrawnBy: ctx.actor.userId,
      withdrawalReason: checked.value,
    })
    if (!row) {
      throw new NoReferralDecisionRefused([{ path: 'form', message: 'This decision has already been withdrawn' }])
    }
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'no-referral-decision',
        recordId: decisionId,
        details: { encounterId, withdrawn: true },
      },
      now,
    )
    return row
  })
}
