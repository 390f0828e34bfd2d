import type { DbOrTx } from '../../db/client.js'
import { oneAtATime } from '../../db/one-at-a-time.js'
import { listEntityLinks, otherInvestigationsOf } from '../../db/repositories/entities.js'
import {
  completeAction,
  findCrimeRecordSource,
  findEncounterSource,
  findForceUser,
  findInvestigation,
  findInvestigationBySubmission,
  findReferralSource,
  type InvestigationPatch,
  type InvestigationRow,
  insertAction,
  insertInvestigation,
  insertLineOfEnquiry,
  insertVictimContact,
  investigationReferenceExists,
  listActions,
  listClosureRequests,
  listForceInvestigators,
  listForceOfficers,
  listInvestigationEvents,
  listInvestigations,
  listLinesOfEnquiry,
  listOrderConsiderations,
  listOutcomes,
  listPreventionOrders,
  listReviews,
  listVictimContacts,
  updateInvestigation,
  updateLineOfEnquiry,
  type VictimContactRow,
} from '../../db/repositories/investigations.js'
import type { StoredEvidenceState } from '../../db/schema/investigations.js'
import { assertCan, type ForceScope, forceScopeOf, type Permission } from '../../domain/access/policy.js'
import { evaluateClosure, type VictimContactStatus } from '../../domain/investigation/closure.js'
import {
  EVIDENCE_CHECKLIST,
  type EvidenceCategoryId,
  EvidenceItemState,
} from '../../domain/investigation/evidence-checklist.js'
import { missingOrderConsiderations } from '../../domain/investigation/prevention-order-consideration.js'
import { reviewState } from '../../domain/investigation/review-schedule.js'
import { allowedEvents, type InvestigationStatus, isActive } from '../../domain/investigation/status.js'
import { typologyById } from '../../domain/investigation/typology.js'
import { type ExploitationType, exploitationTypeLabels } from '../../domain/shared/vocabulary.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { copyEncounterLinks } from '../entities/entities.js'
import { InvestigationConflict, InvestigationNotFound, type Issue, Refused, refuse } from './errors.js'
import {
  closureContextOf,
  closureRequestOf,
  considerationsInForce,
  investigationConfig,
  newReference,
  outcomeOf,
  recordEvent,
} from './model.js'

export type OpenSource =
  | { type: 'direct' }
  | { type: 'encounter'; ref: string }
  | { type: 'referral'; ref: string }
  | { type: 'crime-record'; ref: string }

export type OpenInput = {
  submissionId: string
  title: string
  summary: string | null
  source: OpenSource
  officerInChargeUserId: string
}

async function assertInvestigator(tx: DbOrTx, scope: ForceScope, userId: string, field: string) {
  const user = await findForceUser(tx, scope, userId)
  if (user?.role !== 'investigator') {
    refuse(field, 'Choose an investigator from your force as the officer in charge.')
  }
  return user
}

type Sources = { encounterId: string | null; referralId: string | null; crimeRecordId: string | null }

async function resolveSource(
  tx: DbOrTx,
  scope: ForceScope,
  source: OpenSource,
): Promise<Sources & { types: string[] }> {
  const none = { encounterId: null, referralId: null, crimeRecordId: null, types: [] as string[] }
  if (source.type === 'direct') return none
  const ref = source.ref.trim()
  if (source.type === 'encounter') {
    const e = await findEncounterSource(tx, scope, ref)
    if (!e)
      refuse(
        'encounterRef',
        `There is no encounter ${ref} in your force. Check the reference, for example ENC-26-7KQ2MX.`,
      )
    if (e.status !== 'submitted') refuse('encounterRef', `Encounter ${e.reference} is still a draft: submit it first.`)
    const types = ((e.assessment?.types as { type: string }[] | undefined) ?? []).map((t) => t.type)
    return { ...none, encounterId: e.id, types }
  }
  if (source.type === 'referral') {
    const r = await findReferralSource(tx, scope, ref)
    if (!r) refuse('referralRef', `There is no referral ${ref} held by your force. Check the reference.`)
    return { ...none, referralId: r.id, encounterId: r.encounterId }
  }
  const c = await findCrimeRecordSource(tx, scope, ref)
  if (!c) refuse('crimeRef', `There is no crime record ${ref} in your force. Give the crime reference.`)
  let referralId: string | null = null
  let encounterId: string | null = null
  if (c.subjectType === 'referral') {
    const r = await findReferralSource(tx, scope, c.subjectId)
    referralId = r?.id ?? null
    encounterId = r?.encounterId ?? null
  }
  return { ...none, crimeRecordId: c.id, referralId, encounterId }
}

/**
 * Opens an investigation, directly or from an encounter, referral or crime record of the same force. The form's
 * one-time id makes a double submission return the first investigation instead of a second.
 */
export async function openInvestigation(deps: Deps, ctx: Ctx, input: OpenInput): Promise<InvestigationRow> {
  assertCan(ctx.actor, 'investigation:create')
  const scope = forceScopeOf(ctx.actor)
  const issues: Issue[] = []
  const title = input.title.trim()
  if (title === '')
    issues.push({ field: 'title', message: 'Enter a name for the investigation, such as an operation name.' })
  if (title.length > 120) issues.push({ field: 'title', message: 'The name must be 120 characters or fewer.' })
  if (issues.length > 0) throw new Refused(issues)
  const now = deps.now()
  const reference = await newReference('INV', now, (r) => investigationReferenceExists(deps.db, r))
  return deps.db.transaction(async (tx) => {
    const existing = await findInvestigationBySubmission(tx, scope, input.submissionId)
    if (existing) return existing
    await assertInvestigator(tx, scope, input.officerInChargeUserId, 'officerInCharge')
    const sources = await resolveSource(tx, scope, input.source)
    const created = await insertInvestigation(tx, scope, {
      reference,
      title,
      summary: input.summary?.trim() || null,
      openedFrom: input.source.type,
      encounterId: sources.encounterId,
      referralId: sources.referralId,
      crimeRecordId: sources.crimeRecordId,
      exploitationTypes: sources.types,
      officerInChargeUserId: input.officerInChargeUserId,
      openedBy: ctx.actor.userId,
      openedAt: now.toISOString(),
      submissionId: input.submissionId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    if (!created) {
      const raced = await findInvestigationBySubmission(tx, scope, input.submissionId)
      if (!raced) throw new Error('investigation insert conflicted but none was found')
      return raced
    }
    const from = {
      direct: 'directly',
      encounter: 'from an encounter',
      referral: 'from a referral',
      'crime-record': 'from a crime record',
    }[input.source.type]
    await recordEvent(tx, scope, ctx, created.id, 'opened', `Investigation opened ${from}`, now, {
      source: input.source.type,
    })
    if (sources.encounterId) await copyEncounterLinks(tx, scope, ctx, sources.encounterId, created.id, now)
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'investigation',
        recordId: created.id,
        details: { openedFrom: input.source.type },
      },
      now,
    )
    return created
  })
}

/** Runs a change to one investigation in one transaction: permission, scope, version check, timeline and audit. */
export async function changeInvestigation<T>(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  permission: Permission,
  change: (
    tx: DbOrTx,
    scope: ForceScope,
    row: InvestigationRow,
    now: Date,
  ) => Promise<{
    patch: InvestigationPatch
    event: { type: string; summary: string; details?: Record<string, unknown> }
    result: T
  }>,
): Promise<T> {
  assertCan(ctx.actor, permission)
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findInvestigation(tx, scope, id)
    if (!row) throw new InvestigationNotFound(id)
    if (row.version !== expectedVersion) throw new InvestigationConflict(id)
    const { patch, event, result } = await change(tx, scope, row, now)
    const after = await updateInvestigation(tx, scope, id, expectedVersion, patch, now)
    if (!after) throw new InvestigationConflict(id)
    await recordEvent(tx, scope, ctx, id, event.type, event.summary, now, event.details ?? {})
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'investigation',
        recordId: id,
        details: { change: event.type, ...(event.details ?? {}) },
      },
      now,
    )
    return result
  })
}

/** Work on the plan, actions, evidence and linked records needs an investigation that is not closed. */
export function assertWorkable(row: Pick<InvestigationRow, 'status'>) {
  if (row.status === 'closed') refuse('form', 'The investigation is closed. Reopen it before changing it.')
}

export async function readInvestigation(deps: Deps, ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'investigation:read')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findInvestigation(tx, scope, id)
    if (!row) throw new InvestigationNotFound(id)
    const [config, links, events, reviews, plan, actions, contacts, closures, considerations, outcomes, orders] =
      await oneAtATime([
        () => investigationConfig(tx, scope),
        () => listEntityLinks(tx, scope, { investigationId: id }),
        () => listInvestigationEvents(tx, scope, id),
        () => listReviews(tx, scope, id),
        () => listLinesOfEnquiry(tx, scope, id),
        () => listActions(tx, scope, id),
        () => listVictimContacts(tx, scope, id),
        () => listClosureRequests(tx, scope, id),
        () => listOrderConsiderations(tx, scope, id),
        () => listOutcomes(tx, scope, id),
        () => listPreventionOrders(tx, scope, id),
      ])
    const [encounter, referral, crimeRecord, officer, network] = await oneAtATime([
      () => (row.encounterId ? findEncounterSource(tx, scope, row.encounterId) : undefined),
      () => (row.referralId ? findReferralSource(tx, scope, row.referralId) : undefined),
      () => (row.crimeRecordId ? findCrimeRecordSource(tx, scope, row.crimeRecordId) : undefined),
      () => findForceUser(tx, scope, row.officerInChargeUserId),
      () =>
        otherInvestigationsOf(
          tx,
          scope,
          links.map((l) => l.entity.id),
          id,
        ),
    ])
    const considerationRows = considerations.map((c) => c.consideration)
    const context = closureContextOf(row, links, outcomes, considerationRows)
    const live = closures.find((c) => c.status === 'pending' || c.status === 'held') ?? null
    const review = reviewState(
      {
        status: row.status,
        openedAt: new Date(row.openedAt),
        reopenedAt: row.reopenedAt ? new Date(row.reopenedAt) : null,
        reviews: reviews.map((r) => ({ completedAt: new Date(r.review.completedAt) })),
      },
      now,
      config.review,
    )
    const closureEvaluation = live ? evaluateClosure(context, closureRequestOf(live), now, config.closure) : null
    await audit(tx, ctx, { action: 'read', recordType: 'investigation', recordId: id }, now)
    return {
      row,
      config,
      links,
      events,
      reviews,
      plan,
      actions,
      contacts,
      closures,
      liveClosure: live,
      closureEvaluation,
      considerations,
      considerationsInForce: considerationsInForce(row, considerationRows),
      missingConsiderations: missingOrderConsiderations(context.outcomes, context.orderConsiderations, false),
      outcomes: outcomes.map((o) => ({ row: o, outcome: outcomeOf(o) })),
      orders,
      encounter: encounter ?? null,
      referral: referral ?? null,
      crimeRecord: crimeRecord ?? null,
      officer: officer ?? null,
      network,
      review,
      allowed: allowedEvents(row.status),
      now,
    }
  })
}
export type InvestigationView = Awaited<ReturnType<typeof readInvestigation>>

export type ListFilter = { statuses: InvestigationStatus[]; types: ExploitationType[]; overdue: boolean; held: boolean }

/** The force's investigations with review state, filtered (issue 6 §5: status, type, reviews overdue, holds). */
export async function listForceInvestigations(deps: Deps, ctx: Ctx, filter: ListFilter) {
  assertCan(ctx.actor, 'investigation:read')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const config = await investigationConfig(tx, scope)
    const statuses = filter.held
      ? filter.statuses.length === 0 || filter.statuses.includes('closure-held-for-second-review')
        ? ['closure-held-for-second-review']
        : ['none']
      : filter.statuses
    const rows = await listInvestigations(tx, scope, { statuses, types: filter.types })
    const items = rows
      .map((r) => ({
        ...r,
        review: reviewState(
          {
            status: r.investigation.status,
            openedAt: new Date(r.investigation.openedAt),
            reopenedAt: r.investigation.reopenedAt ? new Date(r.investigation.reopenedAt) : null,
            reviews: r.lastReviewAt ? [{ completedAt: new Date(r.lastReviewAt) }] : [],
          },
          now,
          config.review,
        ),
      }))
      .filter((r) => !filter.overdue || r.review?.overdue === true)
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'investigation-list', details: { count: items.length, filter } },
      now,
    )
    return { items, config }
  })
}

export async function formOptions(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'investigation:read')
  const scope = forceScopeOf(ctx.actor)
  const [investigators, officers] = await Promise.all([
    listForceInvestigators(deps.db, scope),
    listForceOfficers(deps.db, scope),
  ])
  return { investigators, officers }
}

export async function classify(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { types: ExploitationType[]; countyLines: boolean; typologyIds: string[] },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (_tx, _scope, row) => {
    assertWorkable(row)
    if (input.types.length === 0) refuse('types', 'Select at least one type of exploitation.')
    for (const t of input.typologyIds) {
      const found = typologyById(t)
      if (!found) refuse('typology', 'Choose a typology sub-type from the list.')
      if (!input.types.includes(found.group)) {
        refuse(
          'typology',
          `The sub-type "${found.name}" belongs to ${exploitationTypeLabels[found.group].toLowerCase()}, which is not selected.`,
        )
      }
    }
    return {
      patch: { exploitationTypes: input.types, countyLines: input.countyLines, typologyIds: input.typologyIds },
      event: {
        type: 'classified',
        summary: `Exploitation types recorded: ${input.types.map((t) => exploitationTypeLabels[t]).join(', ')}${input.countyLines ? ' (county lines)' : ''}`,
        details: { types: input.types, typologyIds: input.typologyIds, countyLines: input.countyLines },
      },
      result: undefined,
    }
  })
}

export async function changeOfficerInCharge(deps: Deps, ctx: Ctx, id: string, version: number, userId: string) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row) => {
    assertWorkable(row)
    const user = await assertInvestigator(tx, scope, userId, 'officerInCharge')
    return {
      patch: { officerInChargeUserId: user.id },
      event: { type: 'officer-changed', summary: `Officer in charge is now ${user.displayName}`, details: { userId } },
      result: undefined,
    }
  })
}

export async function addLine(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { title: string; rationale: string | null },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    assertWorkable(row)
    const title = input.title.trim()
    if (title === '') refuse('title', 'Describe the line of enquiry.')
    const line = await insertLineOfEnquiry(tx, scope, {
      investigationId: id,
      title,
      rationale: input.rationale?.trim() || null,
      createdBy: ctx.actor.userId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    return {
      patch: {},
      event: { type: 'line-added', summary: `Line of enquiry added: ${title}`, details: { lineId: line.id } },
      result: line,
    }
  })
}

export async function closeLine(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  lineId: string,
  input: { status: 'completed' | 'discounted'; outcome: string },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    assertWorkable(row)
    const outcome = input.outcome.trim()
    if (outcome === '') {
      refuse(
        'outcome',
        input.status === 'completed' ? 'Record what the enquiry found.' : 'Record why the line was discounted.',
      )
    }
    const line = await updateLineOfEnquiry(tx, scope, id, lineId, { status: input.status, outcome, now })
    if (!line) throw new InvestigationNotFound(lineId)
    return {
      patch: {},
      event: {
        type: 'line-closed',
        summary: `Line of enquiry ${input.status}: ${line.title}`,
        details: { lineId, status: input.status },
      },
      result: line,
    }
  })
}

export async function addAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { description: string; ownerUserId: string; dueOn: string },
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    assertWorkable(row)
    const description = input.description.trim()
    if (description === '') refuse('description', 'Describe the action.')
    const owner = await findForceUser(tx, scope, input.ownerUserId)
    if (
      !owner ||
      !['response-officer', 'custody-officer', 'investigator', 'supervisor', 'force-lead'].includes(owner.role)
    ) {
      refuse('owner', 'Choose an officer of your force to own the action.')
    }
    const action = await insertAction(tx, scope, {
      investigationId: id,
      description,
      ownerUserId: owner.id,
      dueOn: input.dueOn,
      createdBy: ctx.actor.userId,
      createdAt: now.toISOString(),
    })
    return {
      patch: {},
      event: {
        type: 'action-added',
        summary: `Action for ${owner.displayName}, due ${input.dueOn}: ${description}`,
        details: { actionId: action.id, ownerUserId: owner.id, dueOn: input.dueOn },
      },
      result: action,
    }
  })
}

export async function completeActionOf(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  actionId: string,
  result: string,
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, row, now) => {
    assertWorkable(row)
    const text = result.trim()
    if (text === '') refuse('result', 'Record the result of the action.')
    const done = await completeAction(tx, scope, id, actionId, { result: text, by: ctx.actor.userId, now })
    if (!done) refuse('form', 'This action is already done, or is not part of this investigation.')
    return {
      patch: {},
      event: { type: 'action-done', summary: `Action done: ${done.description}`, details: { actionId } },
      result: done,
    }
  })
}

export async function updateEvidence(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  categoryId: EvidenceCategoryId,
  states: { itemId: string; status: string; note: string | null }[],
) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (_tx, _scope, row, now) => {
    assertWorkable(row)
    const category = EVIDENCE_CHECKLIST.find((c) => c.id === categoryId)
    if (!category) throw new InvestigationNotFound(categoryId)
    const issues: Issue[] = []
    const parsed: StoredEvidenceState[] = []
    for (const item of category.items) {
      const s = states.find((x) => x.itemId === item.id)
      const result = EvidenceItemState.safeParse({
        itemId: item.id,
        status: s?.status ?? 'not-started',
        note: s?.note?.trim() || null,
      })
      if (!result.success) {
        issues.push({
          field: `note-${item.id}`,
          message: `${item.text}: say why this line of evidence does not apply.`,
        })
        continue
      }
      parsed.push({ ...result.data, updatedAt: now.toISOString(), updatedBy: ctx.actor.userId })
    }
    if (issues.length > 0) throw new Refused(issues)
    const ids = new Set(category.items.map((i) => i.id))
    const evidence = [...row.evidence.filter((e) => !ids.has(e.itemId)), ...parsed]
    const done = parsed.filter((p) => p.status === 'done').length
    return {
      patch: { evidence },
      event: {
        type: 'evidence-updated',
        summary: `Evidence checklist, ${category.title.toLowerCase()}: ${done} of ${category.items.length} done`,
        details: { categoryId },
      },
      result: undefined,
    }
  })
}

export type VictimContactInput = {
  contactedAt: string
  method: VictimContactRow['method']
  engagement: VictimContactStatus
  victimLinkId: string | null
  supportWorker: string | null
  interpreter: VictimContactRow['interpreter']
  interpreterLanguage: string | null
  needs: string | null
  notes: string | null
}

export async function addVictimContact(deps: Deps, ctx: Ctx, id: string, version: number, input: VictimContactInput) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, _row, now) => {
    if (new Date(input.contactedAt).getTime() > now.getTime())
      refuse('contactedAt', 'The contact cannot be in the future.')
    if (input.victimLinkId) {
      const links = await listEntityLinks(tx, scope, { investigationId: id })
      if (!links.some((l) => l.link.id === input.victimLinkId && l.link.role === 'victim')) {
        refuse('victim', 'Choose a victim linked to this investigation.')
      }
    }
    if (input.interpreter !== 'none' && !input.interpreterLanguage?.trim()) {
      refuse('interpreterLanguage', 'Enter the language the interpreter used.')
    }
    const contact = await insertVictimContact(tx, scope, {
      investigationId: id,
      victimLinkId: input.victimLinkId,
      contactedAt: input.contactedAt,
      method: input.method,
      engagement: input.engagement,
      supportWorker: input.supportWorker?.trim() || null,
      interpreter: input.interpreter,
      interpreterLanguage: input.interpreter === 'none' ? null : (input.interpreterLanguage?.trim() ?? null),
      needs: input.needs?.trim() || null,
      notes: input.notes?.trim() || null,
      recordedBy: ctx.actor.userId,
      createdAt: now.toISOString(),
    })
    return {
      patch: {},
      event: {
        type: 'victim-contact',
        summary: `Victim contact recorded: ${input.engagement.replaceAll('-', ' ')}`,
        details: { contactId: contact.id, engagement: input.engagement },
      },
      result: contact,
    }
  })
}

export { isActive }
