import type { Tx } from '../../db/client.js'
import {
  type CrimeRecordRow,
  findCrimeRecord,
  findForceTaskSettings,
  findReceivedReferral,
  findTask,
  insertTaskEvent,
  listCrimeRecordsByStatus,
  listForceUserIdsByRole,
  listForceUserNames,
  listTaskEvents,
  updateCrimeRecord,
  upsertForceTaskSettings,
} from '../../db/repositories/tasks.js'
import type { StoredCancellation } from '../../db/schema/tasks.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import type { Role } from '../../domain/access/roles.js'
import { todayOf } from '../../domain/referral/clock.js'
import {
  type CrimeRecordTask,
  type CrimeTaskEvent,
  crimeTaskTransition,
  isCrimeTaskOverdue,
  ReferralRulesConfig,
  rulesAt,
} from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { notify } from '../notifications/notify.js'
import { completeTasks } from '../tasks/tasks.js'
import { crimeClockLabel } from './crime-tasks.js'

export class CrimeRecordNotFound extends Error {}
/** Someone else changed the record first (a double click, a retried request, a second tab). */
export class CrimeRecordConflict extends Error {}
/** A rule refused the change; `code` is the domain's refusal code, the message is for the user. */
export class CrimeRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const APPROVERS: readonly Role[] = ['supervisor', 'force-lead']

function toDomain(row: CrimeRecordRow): CrimeRecordTask {
  return {
    trigger: row.trigger,
    referralId: row.subjectId,
    forceId: row.forceId,
    createdAt: new Date(row.startedAt).toISOString(),
    due: {
      dueAt: new Date(row.dueAt).toISOString(),
      basis: row.basis,
      hours: row.hours,
      ruleVersion: row.ruleVersion,
      referralRules: row.referralRules,
    },
    status: row.status,
    crime:
      row.crimeReference && row.classification && row.recordedAt && row.recordedBy
        ? {
            reference: row.crimeReference,
            classification: row.classification,
            recordedAt: new Date(row.recordedAt).toISOString(),
            recordedBy: row.recordedBy,
          }
        : null,
    cancellation: (row.cancellation ?? null) as CrimeRecordTask['cancellation'],
    rejectedCancellations: row.rejectedCancellations as CrimeRecordTask['rejectedCancellations'],
  }
}

export async function readCrimeRecord(deps: Deps, ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'crime:record')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const record = await findCrimeRecord(tx, scope, id)
    if (!record) throw new CrimeRecordNotFound(id)
    const task = await findTask(tx, scope, record.taskId)
    const events = await listTaskEvents(tx, scope, record.taskId)
    const received =
      record.subjectType === 'received-referral' ? await findReceivedReferral(tx, scope, record.subjectId) : undefined
    const names = await listForceUserNames(tx, scope)
    await audit(tx, ctx, { action: 'read', recordType: 'crime-record', recordId: id }, deps.now())
    return {
      record,
      task,
      events,
      received,
      names,
      overdue: isCrimeTaskOverdue(toDomain(record), deps.now()),
      clockLabel: crimeClockLabel(record.hours, record.referralRules.includes('+crime-recording-')),
    }
  })
}

type EventInput = Parameters<typeof crimeTaskTransition>[1]
type Change = {
  event: EventInput
  auditDetails: Record<string, unknown>
  historyEvent: string
  historyDetails: Record<string, unknown>
}

/** Applies one domain transition to a stored record, in one transaction with its history and audit. */
async function change(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  build: (record: CrimeRecordRow) => Change,
  after?: (tx: Tx, row: CrimeRecordRow) => Promise<void>,
) {
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const record = await findCrimeRecord(tx, scope, id)
    if (!record) throw new CrimeRecordNotFound(id)
    if (record.version !== expectedVersion) throw new CrimeRecordConflict(id)
    const { event, auditDetails, historyEvent, historyDetails } = build(record)
    const result = crimeTaskTransition(toDomain(record), event, { now: deps.now })
    if (!result.ok) throw new CrimeRefused(result.code, result.message)
    const next = result.value
    const now = deps.now()
    const updated = await updateCrimeRecord(
      tx,
      scope,
      id,
      expectedVersion,
      {
        status: next.status,
        crimeReference: next.crime?.reference ?? null,
        classification: next.crime?.classification ?? null,
        recordedAt: next.crime?.recordedAt ?? null,
        recordedBy: next.crime?.recordedBy ?? null,
        cancellation: (next.cancellation ?? null) as StoredCancellation | null,
        rejectedCancellations: next.rejectedCancellations as StoredCancellation[],
      },
      now.toISOString(),
    )
    if (!updated) throw new CrimeRecordConflict(id)
    await insertTaskEvent(tx, scope, {
      taskId: record.taskId,
      at: now.toISOString(),
      actorUserId: ctx.actor.userId,
      event: historyEvent,
      details: { ...historyDetails, ...(result.warnings.length ? { warnings: result.warnings } : {}) },
    })
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'crime-record', recordId: id, details: { ...auditDetails, status: next.status } },
      now,
    )
    if (after) await after(tx, updated)
    return { record: updated, warnings: result.warnings }
  })
}

export async function recordCrime(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: { reference: string; classification: string; recordedAt: string },
) {
  assertCan(ctx.actor, 'crime:record')
  const scope = forceScopeOf(ctx.actor)
  return change(
    deps,
    ctx,
    id,
    expectedVersion,
    () => ({
      event: {
        type: 'record-crime',
        crime: { ...input, recordedBy: ctx.actor.userId },
      } satisfies Extract<CrimeTaskEvent, { type: 'record-crime' }>,
      auditDetails: { event: 'record-crime', classification: input.classification },
      historyEvent: 'crime-recorded',
      historyDetails: {
        reference: input.reference,
        classification: input.classification,
        recordedAt: input.recordedAt,
      },
    }),
    async (tx, row) => {
      await completeTasks(
        tx,
        scope,
        { kind: 'record-crime', subjectType: 'crime-record', subjectId: row.id },
        `Crime recorded: ${input.classification}`,
        deps.now(),
      )
    },
  )
}

/**
 * Checks a cancellation request against the rules without saving it, so the form can say at once why it
 * cannot be accepted (a negative NRM decision is not Additional Verifiable Information). Null when it can.
 */
export function cancellationProblem(
  record: CrimeRecordRow,
  actorUserId: string,
  input: { rationale: string; evidence: { kind: string; description: string }[] },
  now: Date,
): { code: string; message: string } | null {
  const result = crimeTaskTransition(
    toDomain(record),
    {
      type: 'request-cancellation',
      request: {
        rationale: input.rationale,
        evidence: input.evidence as Extract<CrimeTaskEvent, { type: 'request-cancellation' }>['request']['evidence'],
        requestedBy: actorUserId,
        requestedAt: now.toISOString(),
      },
    },
    { now: () => now },
  )
  return result.ok ? null : { code: result.code, message: result.message }
}

export async function requestCancellation(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: { rationale: string; evidence: { kind: string; description: string }[] },
) {
  assertCan(ctx.actor, 'crime:record')
  return change(
    deps,
    ctx,
    id,
    expectedVersion,
    () => ({
      event: {
        type: 'request-cancellation',
        request: {
          rationale: input.rationale,
          evidence: input.evidence as Extract<CrimeTaskEvent, { type: 'request-cancellation' }>['request']['evidence'],
          requestedBy: ctx.actor.userId,
          requestedAt: deps.now().toISOString(),
        },
      },
      auditDetails: { event: 'request-cancellation', evidence: input.evidence.map((e) => e.kind) },
      historyEvent: 'cancellation-requested',
      historyDetails: { rationale: input.rationale, evidence: input.evidence },
    }),
    async (tx, row) => {
      const approvers = await listForceUserIdsByRole(tx, row.forceId, APPROVERS)
      await notify(tx, {
        forceId: row.forceId,
        userIds: approvers.filter((u) => u !== ctx.actor.userId),
        message: { kind: 'cancellation-requested' },
        link: `/crime/${row.id}/decision`,
        dedupeKey: `cancellation-requested:${row.id}:${row.version}`,
        at: deps.now(),
      })
    },
  )
}

export async function decideCancellation(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: { outcome: 'approved' | 'rejected'; reason?: string },
) {
  assertCan(ctx.actor, 'crime:cancel-approve')
  let requestedBy: string | null = null
  return change(
    deps,
    ctx,
    id,
    expectedVersion,
    (record) => {
      requestedBy = record.cancellation?.requestedBy ?? null
      const approver = { userId: ctx.actor.userId, role: ctx.actor.role }
      const at = deps.now().toISOString()
      return {
        event:
          input.outcome === 'approved'
            ? { type: 'approve-cancellation', approver, at }
            : { type: 'reject-cancellation', approver, at, reason: input.reason ?? '' },
        auditDetails: { event: `${input.outcome === 'approved' ? 'approve' : 'reject'}-cancellation` },
        historyEvent: `cancellation-${input.outcome}`,
        historyDetails: input.outcome === 'rejected' ? { reason: input.reason ?? '' } : {},
      }
    },
    async (tx, row) => {
      if (requestedBy === null) return
      await notify(tx, {
        forceId: row.forceId,
        userIds: [requestedBy],
        message: { kind: 'cancellation-decided', outcome: input.outcome },
        link: `/crime/${row.id}`,
        dedupeKey: `cancellation-decided:${row.id}:${row.version}`,
        at: deps.now(),
      })
    },
  )
}

/** Cancellations waiting for a supervisor, oldest first (Team actions). */
export async function pendingCancellations(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'worklist:team')
  return listCrimeRecordsByStatus(deps.db, forceScopeOf(ctx.actor), ['cancellation-requested'])
}

// ---- The force's crime-recording clock (law-and-process.md §3: configurable, default UNCONFIRMED) ----

export async function crimeSettings(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'force:settings')
  const row = await findForceTaskSettings(deps.db, forceScopeOf(ctx.actor))
  const defaultHours = rulesAt(todayOf(deps)).crimeRecordingHours.value
  const hours = row?.crimeRecordingHours ?? null
  return {
    hours,
    defaultHours,
    label: hours === null ? crimeClockLabel(defaultHours, false) : crimeClockLabel(hours, true),
  }
}

export async function setCrimeRecordingHours(deps: Deps, ctx: Ctx, hours: number | null) {
  assertCan(ctx.actor, 'force:settings')
  if (hours !== null) ReferralRulesConfig.parse({ crimeRecordingHours: hours })
  const scope = forceScopeOf(ctx.actor)
  await deps.db.transaction(async (tx) => {
    const before = await findForceTaskSettings(tx, scope)
    const now = deps.now()
    await upsertForceTaskSettings(tx, scope, {
      crimeRecordingHours: hours,
      updatedAt: now.toISOString(),
      updatedBy: ctx.actor.userId,
    })
    await audit(
      tx,
      ctx,
      {
        action: 'settings-changed',
        recordType: 'force-task-settings',
        recordId: scope.forceId,
        details: { crimeRecordingHours: { before: before?.crimeRecordingHours ?? null, after: hours } },
      },
      now,
    )
  })
}
