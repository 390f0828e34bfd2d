import { and, asc, desc, eq, gte, inArray, isNull, or, type SQL, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { TaskKind } from '../../domain/tasks/task-kind.js'
import type { DbOrTx } from '../client.js'
import { encounters } from '../schema/encounters.js'
import { users } from '../schema/identity.js'
import {
  closureRequests,
  custodyNotes,
  investigationActions,
  investigationEvents,
  investigationOutcomes,
  investigationReviews,
  investigationSettings,
  investigations,
  linesOfEnquiry,
  orderConsiderations,
  preventionOrders,
  victimContacts,
} from '../schema/investigations.js'
import { referrals } from '../schema/referrals.js'
import { crimeRecords, tasks } from '../schema/tasks.js'

export type InvestigationRow = typeof investigations.$inferSelect
export type InvestigationPatch = Partial<
  Pick<
    InvestigationRow,
    | 'title'
    | 'summary'
    | 'status'
    | 'exploitationTypes'
    | 'countyLines'
    | 'typologyIds'
    | 'officerInChargeUserId'
    | 'reopenedAt'
    | 'closedAt'
    | 'closureReason'
    | 'evidence'
  >
>
export type ReviewRow = typeof investigationReviews.$inferSelect
export type LineOfEnquiryRow = typeof linesOfEnquiry.$inferSelect
export type ActionRow = typeof investigationActions.$inferSelect
export type VictimContactRow = typeof victimContacts.$inferSelect
export type ClosureRequestRow = typeof closureRequests.$inferSelect
export type OrderConsiderationRow = typeof orderConsiderations.$inferSelect
export type OutcomeRow = typeof investigationOutcomes.$inferSelect
export type PreventionOrderRow = typeof preventionOrders.$inferSelect
export type InvestigationEventRow = typeof investigationEvents.$inferSelect
export type CustodyNoteRow = typeof custodyNotes.$inferSelect

type Insert<T extends { $inferInsert: unknown }> = Omit<T['$inferInsert'], 'id' | 'forceId'>

// ---- Investigations ----

export async function insertInvestigation(tx: DbOrTx, scope: ForceScope, row: Insert<typeof investigations>) {
  const [created] = await tx
    .insert(investigations)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoNothing({ target: [investigations.forceId, investigations.submissionId] })
    .returning()
  return created
}

export async function findInvestigation(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(investigations)
    .where(and(eq(investigations.id, id), eq(investigations.forceId, scope.forceId)))
  return row
}

export async function findInvestigationBySubmission(tx: DbOrTx, scope: ForceScope, submissionId: string) {
  const [row] = await tx
    .select()
    .from(investigations)
    .where(and(eq(investigations.forceId, scope.forceId), eq(investigations.submissionId, submissionId)))
  return row
}

export async function investigationReferenceExists(tx: DbOrTx, reference: string) {
  const [row] = await tx
    .select({ id: investigations.id })
    .from(investigations)
    .where(eq(investigations.reference, reference))
  return row !== undefined
}

/** Applies a patch only if the row is still at `expectedVersion`; undefined when someone else got there first. */
export async function updateInvestigation(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  patch: InvestigationPatch,
  now: Date,
) {
  const [row] = await tx
    .update(investigations)
    .set({ ...patch, version: sql`${investigations.version} + 1`, updatedAt: now.toISOString() })
    .where(
      and(
        eq(investigations.id, id),
        eq(investigations.forceId, scope.forceId),
        eq(investigations.version, expectedVersion),
      ),
    )
    .returning()
  return row
}

export type InvestigationListFilter = { statuses?: readonly string[]; types?: readonly string[] }

/** The force's investigations with the time of the last review, newest first. */
export async function listInvestigations(tx: DbOrTx, scope: ForceScope, filter: InvestigationListFilter = {}) {
  const lastReview = tx
    .select({
      investigationId: investigationReviews.investigationId,
      lastReviewAt: sql<string>`max(${investigationReviews.completedAt})`.as('last_review_at'),
    })
    .from(investigationReviews)
    .where(eq(investigationReviews.forceId, scope.forceId))
    .groupBy(investigationReviews.investigationId)
    .as('last_review')
  const conditions: SQL[] = [eq(investigations.forceId, scope.forceId)]
  if (filter.statuses && filter.statuses.length > 0) {
    conditions.push(inArray(investigations.status, filter.statuses as InvestigationRow['status'][]))
  }
  if (filter.types && filter.types.length > 0) {
    const any = filter.types.map((t) => sql`${investigations.exploitationTypes} @> ${JSON.stringify([t])}::jsonb`)
    const either = or(...any)
    if (either) conditions.push(either)
  }
  return tx
    .select({
      investigation: investigations,
      lastReviewAt: lastReview.lastReviewAt,
      officerName: users.displayName,
    })
    .from(investigations)
    .leftJoin(lastReview, eq(lastReview.investigationId, investigations.id))
    .innerJoin(users, eq(users.id, investigations.officerInChargeUserId))
    .where(and(...conditions))
    .orderBy(desc(investigations.openedAt))
    .limit(500)
}

// ---- Timeline ----

export async function insertInvestigationEvent(tx: DbOrTx, scope: ForceScope, row: Insert<typeof investigationEvents>) {
  await tx.insert(investigationEvents).values({ ...row, forceId: scope.forceId })
}

export async function listInvestigationEvents(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select({ event: investigationEvents, actorName: users.displayName })
    .from(investigationEvents)
    .leftJoin(users, eq(users.id, investigationEvents.actorUserId))
    .where(
      and(eq(investigationEvents.forceId, scope.forceId), eq(investigationEvents.investigationId, investigationId)),
    )
    .orderBy(desc(investigationEvents.at), desc(investigationEvents.id))
}

// ---- Reviews ----

export async function insertReview(tx: DbOrTx, scope: ForceScope, row: Insert<typeof investigationReviews>) {
  const [created] = await tx
    .insert(investigationReviews)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('review insert returned no row')
  return created
}

export async function listReviews(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select({ review: investigationReviews, reviewerName: users.displayName })
    .from(investigationReviews)
    .innerJoin(users, eq(users.id, investigationReviews.reviewerUserId))
    .where(
      and(eq(investigationReviews.forceId, scope.forceId), eq(investigationReviews.investigationId, investigationId)),
    )
    .orderBy(desc(investigationReviews.completedAt))
}

// ---- Plan and actions ----

export async function insertLineOfEnquiry(tx: DbOrTx, scope: ForceScope, row: Insert<typeof linesOfEnquiry>) {
  const [created] = await tx
    .insert(linesOfEnquiry)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('line of enquiry insert returned no row')
  return created
}

export async function listLinesOfEnquiry(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select()
    .from(linesOfEnquiry)
    .where(and(eq(linesOfEnquiry.forceId, scope.forceId), eq(linesOfEnquiry.investigationId, investigationId)))
    .orderBy(asc(linesOfEnquiry.createdAt), asc(linesOfEnquiry.id))
}

export async function updateLineOfEnquiry(
  tx: DbOrTx,
  scope: ForceScope,
  investigationId: string,
  id: string,
  patch: { status: LineOfEnquiryRow['status']; outcome: string | null; now: Date },
) {
  const [row] = await tx
    .update(linesOfEnquiry)
    .set({ status: patch.status, outcome: patch.outcome, updatedAt: patch.now.toISOString() })
    .where(
      and(
        eq(linesOfEnquiry.id, id),
        eq(linesOfEnquiry.forceId, scope.forceId),
        eq(linesOfEnquiry.investigationId, investigationId),
      ),
    )
    .returning()
  return row
}

export async function insertAction(tx: DbOrTx, scope: ForceScope, row: Insert<typeof investigationActions>) {
  const [created] = await tx
    .insert(investigationActions)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('action insert returned no row')
  return created
}

export async function listActions(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select({ action: investigationActions, ownerName: users.displayName })
    .from(investigationActions)
    .innerJoin(users, eq(users.id, investigationActions.ownerUserId))
    .where(
      and(eq(investigationActions.forceId, scope.forceId), eq(investigationActions.investigationId, investigationId)),
    )
    .orderBy(asc(investigationActions.dueOn), asc(investigationActions.createdAt))
}

/** Marks an open action done; undefined when it was already done (a double submit) or is not this force's. */
export async function completeAction(
  tx: DbOrTx,
  scope: ForceScope,
  investigationId: string,
  id: string,
  change: { result: string; by: string; now: Date },
) {
  const [row] = await tx
    .update(investigationActions)
    .set({ status: 'done', result: change.result, completedBy: change.by, completedAt: change.now.toISOString() })
    .where(
      and(
        eq(investigationActions.id, id),
        eq(investigationActions.forceId, scope.forceId),
        eq(investigationActions.investigationId, investigationId),
        eq(investigationActions.status, 'open'),
      ),
    )
    .returning()
  return row
}

// ---- Victim contact ----

export async function insertVictimContact(tx: DbOrTx, scope: ForceScope, row: Insert<typeof victimContacts>) {
  const [created] = await tx
    .insert(victimContacts)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('victim contact insert returned no row')
  return created
}

export async function listVictimContacts(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select({ contact: victimContacts, recordedByName: users.displayName })
    .from(victimContacts)
    .innerJoin(users, eq(users.id, victimContacts.recordedBy))
    .where(and(eq(victimContacts.forceId, scope.forceId), eq(victimContacts.investigationId, investigationId)))
    .orderBy(desc(victimContacts.contactedAt))
}

// ---- Closure ----

export async function insertClosureRequest(tx: DbOrTx, scope: ForceScope, row: Insert<typeof closureRequests>) {
  const [created] = await tx
    .insert(closureRequests)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('closure request insert returned no row')
  return created
}

export async function findLiveClosureRequest(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  const [row] = await tx
    .select()
    .from(closureRequests)
    .where(
      and(
        eq(closureRequests.forceId, scope.forceId),
        eq(closureRequests.investigationId, investigationId),
        inArray(closureRequests.status, ['pending', 'held']),
      ),
    )
  return row
}

export async function listClosureRequests(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select()
    .from(closureRequests)
    .where(and(eq(closureRequests.forceId, scope.forceId), eq(closureRequests.investigationId, investigationId)))
    .orderBy(desc(closureRequests.requestedAt))
}

export async function updateClosureRequest(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  fromStatus: ClosureRequestRow['status'],
  patch: Partial<
    Pick<ClosureRequestRow, 'status' | 'supervisorSignOff' | 'secondReview' | 'secondReviewReasons' | 'decidedAt'>
  >,
) {
  const [row] = await tx
    .update(closureRequests)
    .set(patch)
    .where(
      and(
        eq(closureRequests.id, id),
        eq(closureRequests.forceId, scope.forceId),
        eq(closureRequests.status, fromStatus),
      ),
    )
    .returning()
  return row
}

// ---- Order considerations and outcomes ----

export async function insertOrderConsideration(tx: DbOrTx, scope: ForceScope, row: Insert<typeof orderConsiderations>) {
  const [created] = await tx
    .insert(orderConsiderations)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('order consideration insert returned no row')
  return created
}

export async function listOrderConsiderations(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select({ consideration: orderConsiderations, decidedByName: users.displayName })
    .from(orderConsiderations)
    .innerJoin(users, eq(users.id, orderConsiderations.decidedBy))
    .where(
      and(eq(orderConsiderations.forceId, scope.forceId), eq(orderConsiderations.investigationId, investigationId)),
    )
    .orderBy(desc(orderConsiderations.decidedAt))
}

export async function insertOutcome(tx: DbOrTx, scope: ForceScope, row: Insert<typeof investigationOutcomes>) {
  const [created] = await tx
    .insert(investigationOutcomes)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('outcome insert returned no row')
  return created
}

export async function listOutcomes(tx: DbOrTx, scope: ForceScope, investigationId: string) {
  return tx
    .select()
    .from(investigationOutcomes)
    .where(
      and(eq(investigationOutcomes.forceId, scope.forceId), eq(investigationOutcomes.investigationId, investigationId)),
    )
    .orderBy(desc(investigationOutcomes.occurredAt), desc(investigationOutcomes.createdAt))
}

// ---- Prevention and risk orders ----

export async function insertPreventionOrder(tx: DbOrTx, scope: ForceScope, row: Insert<typeof preventionOrders>) {
  const [created] = await tx
    .insert(preventionOrders)
    .values({ ...row, forceId: scope.forceId })
    .onConflictDoNothing({ target: [preventionOrders.forceId, preventionOrders.submissionId] })
    .returning()
  return created
}

export async function findPreventionOrder(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(preventionOrders)
    .where(and(eq(preventionOrders.id, id), eq(preventionOrders.forceId, scope.forceId)))
  return row
}

export async function findPreventionOrderBySubmission(tx: DbOrTx, scope: ForceScope, submissionId: string) {
  const [row] = await tx
    .select()
    .from(preventionOrders)
    .where(and(eq(preventionOrders.forceId, scope.forceId), eq(preventionOrders.submissionId, submissionId)))
  return row
}

export async function orderReferenceExists(tx: DbOrTx, reference: string) {
  const [row] = await tx
    .select({ id: preventionOrders.id })
    .from(preventionOrders)
    .where(eq(preventionOrders.reference, reference))
  return row !== undefined
}

export async function listPreventionOrders(tx: DbOrTx, scope: ForceScope, investigationId?: string) {
  return tx
    .select()
    .from(preventionOrders)
    .where(
      and(
        eq(preventionOrders.forceId, scope.forceId),
        investigationId ? eq(preventionOrders.investigationId, investigationId) : undefined,
      ),
    )
    .orderBy(sql`${preventionOrders.endsOn} asc nulls last`, asc(preventionOrders.reference))
}

export async function updatePreventionOrder(
  tx: DbOrTx,
  scope: ForceScope,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<PreventionOrderRow, 'breaches' | 'mainApplicationDecidedOn' | 'endsOn'>>,
  now: Date,
) {
  const [row] = await tx
    .update(preventionOrders)
    .set({ ...patch, version: sql`${preventionOrders.version} + 1`, updatedAt: now.toISOString() })
    .where(
      and(
        eq(preventionOrders.id, id),
        eq(preventionOrders.forceId, scope.forceId),
        eq(preventionOrders.version, expectedVersion),
      ),
    )
    .returning()
  return row
}

// ---- Order reminders in the worklist ----
// A reminder task's subject is the order: subject_type 'prevention-order', subject_id '<order id>:<reminder key>'.

const ORDER_TASK_SUBJECT = 'prevention-order'

function reminderTaskOf(orderId: SQL | string) {
  return sql`${tasks.subjectType} = ${ORDER_TASK_SUBJECT} and ${tasks.subjectId} like cast(${orderId} as text) || ':%'`
}

/** The order's open reminder tasks. */
export async function listOpenOrderReminderTasks(tx: DbOrTx, scope: ForceScope, kind: TaskKind, orderId: string) {
  return tx
    .select({ id: tasks.id, subjectId: tasks.subjectId })
    .from(tasks)
    .where(
      and(eq(tasks.forceId, scope.forceId), eq(tasks.kind, kind), eq(tasks.status, 'open'), reminderTaskOf(orderId)),
    )
}

// The scheduler's sweep acts for no user and for every force: each row carries its force_id, and the caller
// works on it with that force's scope only.

/** Open order reminder tasks in every force. */
export async function sweepOpenOrderReminderTasks(tx: DbOrTx, kind: TaskKind, limit = 5000) {
  return tx
    .select({ id: tasks.id, forceId: tasks.forceId, subjectId: tasks.subjectId })
    .from(tasks)
    .where(and(eq(tasks.kind, kind), eq(tasks.status, 'open'), eq(tasks.subjectType, ORDER_TASK_SUBJECT)))
    .orderBy(asc(tasks.dueAt))
    .limit(limit)
}

/**
 * Orders in every force that may need reminder tasks opened or closed on `today`: not ended, with a breach and no
 * action recorded, or with a reminder task still open.
 */
export async function sweepPreventionOrdersForReminders(tx: DbOrTx, today: string, kind: TaskKind, limit = 5000) {
  return tx
    .select()
    .from(preventionOrders)
    .where(
      or(
        isNull(preventionOrders.endsOn),
        gte(preventionOrders.endsOn, today),
        sql`exists (select 1 from jsonb_array_elements(${preventionOrders.breaches}) as b where b->>'actionTaken' is null)`,
        sql`exists (select 1 from ${tasks} where ${tasks.forceId} = ${preventionOrders.forceId} and ${tasks.kind} = ${kind} and ${tasks.status} = 'open' and ${reminderTaskOf(sql`${preventionOrders.id}`)})`,
      ),
    )
    .orderBy(asc(preventionOrders.createdAt))
    .limit(limit)
}

// ---- Settings ----

export async function findInvestigationSettings(tx: DbOrTx, scope: ForceScope) {
  const [row] = await tx.select().from(investigationSettings).where(eq(investigationSettings.forceId, scope.forceId))
  return row
}

export async function saveInvestigationSettings(
  tx: DbOrTx,
  scope: ForceScope,
  values: { firstReviewAfterDays: number; reviewIntervalDays: number; earlyClosureDays: number },
  by: string,
  now: Date,
) {
  await tx
    .insert(investigationSettings)
    .values({ ...values, forceId: scope.forceId, updatedAt: now.toISOString(), updatedBy: by })
    .onConflictDoUpdate({
      target: investigationSettings.forceId,
      set: { ...values, updatedAt: now.toISOString(), updatedBy: by },
    })
}

// ---- People and linked records of the force ----

/** Investigators of the force, who may be the officer in charge. */
export async function listForceInvestigators(tx: DbOrTx, scope: ForceScope) {
  return tx
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.forceId, scope.forceId), eq(users.role, 'investigator'), isNull(users.disabledAt)))
    .orderBy(asc(users.displayName))
}

/** Police users of the force who may own an action. */
export async function listForceOfficers(tx: DbOrTx, scope: ForceScope) {
  return tx
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.forceId, scope.forceId),
        inArray(users.role, ['response-officer', 'custody-officer', 'investigator', 'supervisor', 'force-lead']),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.displayName))
}

export async function findForceUser(tx: DbOrTx, scope: ForceScope, userId: string) {
  const [row] = await tx
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.forceId, scope.forceId)))
  return row
}

export async function findEncounterSource(tx: DbOrTx, scope: ForceScope, idOrReference: string) {
  const [row] = await tx
    .select({
      id: encounters.id,
      reference: encounters.reference,
      status: encounters.status,
      occurredAt: encounters.occurredAt,
      submittedAt: encounters.submittedAt,
      placeType: encounters.placeType,
      person: encounters.person,
      assessment: encounters.assessment,
    })
    .from(encounters)
    .where(
      and(
        eq(encounters.forceId, scope.forceId),
        isUuid(idOrReference) ? eq(encounters.id, idOrReference) : eq(encounters.reference, idOrReference),
      ),
    )
  return row
}

export async function findReferralSource(tx: DbOrTx, scope: ForceScope, idOrReference: string) {
  const [row] = await tx
    .select({
      id: referrals.id,
      reference: referrals.reference,
      kind: referrals.kind,
      status: referrals.status,
      encounterId: referrals.encounterId,
      createdAt: referrals.createdAt,
      submittedAt: referrals.submittedAt,
    })
    .from(referrals)
    .where(
      and(
        eq(referrals.forceId, scope.forceId),
        isUuid(idOrReference) ? eq(referrals.id, idOrReference) : eq(referrals.reference, idOrReference),
      ),
    )
  return row
}

export async function findCrimeRecordSource(tx: DbOrTx, scope: ForceScope, idOrReference: string) {
  const [row] = await tx
    .select({
      id: crimeRecords.id,
      crimeReference: crimeRecords.crimeReference,
      status: crimeRecords.status,
      subjectType: crimeRecords.subjectType,
      subjectId: crimeRecords.subjectId,
      recordedAt: crimeRecords.recordedAt,
      createdAt: crimeRecords.createdAt,
    })
    .from(crimeRecords)
    .where(
      and(
        eq(crimeRecords.forceId, scope.forceId),
        isUuid(idOrReference) ? eq(crimeRecords.id, idOrReference) : eq(crimeRecords.crimeReference, idOrReference),
      ),
    )
  return row
}

function isUuid(text: string) {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
}

// ---- Custody ----

/**
 * Submitted encounters in custody, or with a suspect or arrested person, whose record has signs of modern
 * slavery, since `since`, newest first (issue 6 §4 "Custody").
 */
export async function listCustodyEncounters(tx: DbOrTx, scope: ForceScope, since: Date) {
  return tx
    .select({
      id: encounters.id,
      reference: encounters.reference,
      occurredAt: encounters.occurredAt,
      submittedAt: encounters.submittedAt,
      placeType: encounters.placeType,
      location: encounters.location,
      person: encounters.person,
      indicators: encounters.indicators,
      assessment: encounters.assessment,
    })
    .from(encounters)
    .where(
      and(
        eq(encounters.forceId, scope.forceId),
        eq(encounters.status, 'submitted'),
        gte(encounters.submittedAt, since.toISOString()),
        sql`jsonb_array_length(${encounters.indicators}) > 0`,
        or(eq(encounters.placeType, 'custody'), sql`${encounters.person}->>'role' in ('arrested', 'suspect')`),
      ),
    )
    .orderBy(desc(encounters.submittedAt))
    .limit(200)
}

export async function findCustodyEncounter(tx: DbOrTx, scope: ForceScope, id: string) {
  const [row] = await tx
    .select()
    .from(encounters)
    .where(
      and(
        eq(encounters.id, id),
        eq(encounters.forceId, scope.forceId),
        eq(encounters.status, 'submitted'),
        sql`jsonb_array_length(${encounters.indicators}) > 0`,
        or(eq(encounters.placeType, 'custody'), sql`${encounters.person}->>'role' in ('arrested', 'suspect')`),
      ),
    )
  return row
}

/** The live NRM referrals and Duty to Notify reports for encounters, to prefill the CPS note. */
export async function listReferralsForEncounters(tx: DbOrTx, scope: ForceScope, encounterIds: readonly string[]) {
  if (encounterIds.length === 0) return []
  return tx
    .select({
      id: referrals.id,
      encounterId: referrals.encounterId,
      reference: referrals.reference,
      kind: referrals.kind,
      status: referrals.status,
      submittedAt: referrals.submittedAt,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .where(and(eq(referrals.forceId, scope.forceId), inArray(referrals.encounterId, [...encounterIds])))
    .orderBy(desc(referrals.createdAt))
}

export async function insertCustodyNote(tx: DbOrTx, scope: ForceScope, row: Insert<typeof custodyNotes>) {
  const [created] = await tx
    .insert(custodyNotes)
    .values({ ...row, forceId: scope.forceId })
    .returning()
  if (!created) throw new Error('custody note insert returned no row')
  return created
}

export async function listCustodyNotes(tx: DbOrTx, scope: ForceScope, encounterIds: readonly string[]) {
  if (encounterIds.length === 0) return []
  return tx
    .select({ note: custodyNotes, preparedByName: users.displayName })
    .from(custodyNotes)
    .innerJoin(users, eq(users.id, custodyNotes.preparedBy))
    .where(and(eq(custodyNotes.forceId, scope.forceId), inArray(custodyNotes.encounterId, [...encounterIds])))
    .orderBy(desc(custodyNotes.preparedAt))
}

export async function findCustodyNote(tx: DbOrTx, scope: ForceScope, encounterId: string, noteId: string) {
  const [row] = await tx
    .select({ note: custodyNotes, preparedByName: users.displayName })
    .from(custodyNotes)
    .innerJoin(users, eq(users.id, custodyNotes.preparedBy))
    .where(
      and(
        eq(custodyNotes.id, noteId),
        eq(custodyNotes.encounterId, encounterId),
        eq(custodyNotes.forceId, scope.forceId),
      ),
    )
  return row
}

/** Investigations opened from this encounter, for the custody page and the assessment's action list. */
export async function listInvestigationsForEncounter(tx: DbOrTx, scope: ForceScope, encounterId: string) {
  return tx
    .select({ id: investigations.id, reference: investigations.reference, status: investigations.status })
    .from(investigations)
    .where(and(eq(investigations.forceId, scope.forceId), eq(investigations.encounterId, encounterId)))
}

// ---- What officers recorded against order reminders ----
// An officer closes a reminder task by recording what they did: the note is the task's outcome, and
// details.actedBy (their user id) marks it, so the scheduler treats that reminder as done and never re-opens it.

/** Every reminder task of the order, open and closed, with the name of the officer who recorded what they did. */
export async function listOrderReminderTasks(tx: DbOrTx, scope: ForceScope, kind: TaskKind, orderId: string) {
  return tx
    .select({
      id: tasks.id,
      subjectId: tasks.subjectId,
      title: tasks.title,
      status: tasks.status,
      dueAt: tasks.dueAt,
      basis: tasks.basis,
      outcome: tasks.outcome,
      completedAt: tasks.completedAt,
      actedBy: sql<string | null>`${tasks.details}->>'actedBy'`,
      actedByName: users.displayName,
    })
    .from(tasks)
    .leftJoin(users, sql`cast(${users.id} as text) = ${tasks.details}->>'actedBy'`)
    .where(and(eq(tasks.forceId, scope.forceId), eq(tasks.kind, kind), reminderTaskOf(orderId)))
    .orderBy(asc(tasks.dueAt), asc(tasks.createdAt))
}

/** Subject ids of the reminder tasks an officer closed by recording what they did: one order's, or the force's. */
export async function listActedOnOrderReminders(tx: DbOrTx, scope: ForceScope, kind: TaskKind, orderId?: string) {
  const rows = await tx
    .select({ subjectId: tasks.subjectId })
    .from(tasks)
    .where(
      and(
        eq(tasks.forceId, scope.forceId),
        eq(tasks.kind, kind),
        eq(tasks.status, 'done'),
        eq(tasks.subjectType, ORDER_TASK_SUBJECT),
        sql`${tasks.details}->>'actedBy' is not null`,
        orderId ? reminderTaskOf(orderId) : undefined,
      ),
    )
  return rows.map((r) => r.subjectId)
}
