import type { DbOrTx } from '../../db/client.js'
import {
  findForceUser,
  findInvestigation,
  findPreventionOrder,
  findPreventionOrderBySubmission,
  insertPreventionOrder,
  listActedOnOrderReminders,
  listOpenOrderReminderTasks,
  listOrderReminderTasks,
  listPreventionOrders,
  orderReferenceExists,
  type PreventionOrderRow,
  sweepOpenOrderReminderTasks,
  sweepPreventionOrdersForReminders,
  updatePreventionOrder,
} from '../../db/repositories/investigations.js'
import { findTask, insertTaskEvent, updateTask } from '../../db/repositories/tasks.js'
import { assertCan, type ForceScope, forceScopeOf, schedulerScopeFor } from '../../domain/access/policy.js'
import { isoDateOf } from '../../domain/investigation/dates.js'
import {
  ORDER_REMINDER_RULE_VERSION,
  orderReminders,
  orderStatusOn,
  remindersDue,
  remindersToSchedule,
  reminderTaskBasis,
  reminderTaskEnds,
  reminderTaskKey,
  reminderTaskTitle,
} from '../../domain/investigation/order-reminders.js'
import { orderEndDate, validateOrder } from '../../domain/investigation/order-validation.js'
import { orderKindLabels, type PreventionOrder } from '../../domain/investigation/orders.js'
import type { TaskKind } from '../../domain/tasks/task-kind.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { completeTasks, createTask } from '../tasks/tasks.js'
import { InvestigationNotFound, OrderNotFound, Refused, refuse } from './errors.js'
import { newReference, recordEvent } from './model.js'

export type OrderInput = Omit<PreventionOrder, 'breaches'> & { investigationId: string | null; submissionId: string }

export function orderOf(row: PreventionOrderRow): PreventionOrder {
  return {
    kind: row.kind,
    interim: row.interim,
    route: row.route,
    applicant: (row.applicant as PreventionOrder['applicant']) ?? null,
    chiefOfficerNotifiedOn: row.chiefOfficerNotifiedOn,
    subjectRef: row.subjectRef,
    subjectAgeAtApplication: row.subjectAgeAtApplication,
    court: row.court,
    courtType: row.courtType,
    madeOn: row.madeOn,
    startsOn: row.startsOn,
    duration: row.duration,
    mainApplicationDecidedOn: row.mainApplicationDecidedOn,
    prohibitions: row.prohibitions,
    notificationRequirements: { required: row.notificationRequired, details: row.notificationDetails },
    breaches: row.breaches.map(({ recordedBy: _r, ...b }) => b),
  }
}

/** Every order register reminder reaches the worklist as this kind (issue 6 §3). */
export const ORDER_TASK_KIND: TaskKind = 'prevention-order-reminder'
const ORDER_TASK_SUBJECT = 'prevention-order'

type OpenReminderTask = { id: string; subjectId: string }
type Synced = { opened: number; closed: number }

/**
 * Brings the order's reminder tasks up to date on `now`: opens those due within the horizon (idempotent) and
 * closes, with the reason, those that no longer apply. `open` saves a query when the caller already has them.
 */
async function syncOrderTasks(
  tx: DbOrTx,
  scope: ForceScope,
  row: PreventionOrderRow,
  now: Date,
  open?: readonly OpenReminderTask[],
): Promise<Synced> {
  const order = orderOf(row)
  const today = isoDateOf(now)
  const prefix = `${row.id}:`
  const current = open ?? (await listOpenOrderReminderTasks(tx, scope, ORDER_TASK_KIND, row.id))
  let closed = 0
  for (const task of current) {
    const reason = reminderTaskEnds(order, task.subjectId.slice(prefix.length), today)
    if (reason === null) continue
    closed += await completeTasks(
      tx,
      scope,
      { kind: ORDER_TASK_KIND, subjectType: ORDER_TASK_SUBJECT, subjectId: task.subjectId },
      reason,
      now,
    )
  }
  const already = new Set(current.map((t) => t.subjectId))
  const due = remindersToSchedule(order, today).filter((r) => !already.has(prefix + reminderTaskKey(r)))
  if (due.length === 0) return { opened: 0, closed }
  // A reminder an officer closed by recording what they did is done: it is never opened again.
  const actedOn = new Set(await listActedOnOrderReminders(tx, scope, ORDER_TASK_KIND, row.id))
  const missing = due.filter((r) => !actedOn.has(prefix + reminderTaskKey(r)))
  if (missing.length === 0) return { opened: 0, closed }
  // The officer who recorded the order, while they are still in its force; otherwise the team sees it unassigned.
  const recorder = await findForceUser(tx, scope, row.recordedBy)
  for (const r of missing) {
    await createTask(tx, scope, {
      kind: ORDER_TASK_KIND,
      subjectType: ORDER_TASK_SUBJECT,
      subjectId: prefix + reminderTaskKey(r),
      title: reminderTaskTitle(order, row.reference, r),
      dueAt: `${r.dueOn}T08:00:00.000Z`,
      assigneeUserId: recorder?.id ?? null,
      basis: reminderTaskBasis(r),
      ruleVersion: ORDER_REMINDER_RULE_VERSION,
      details: {
        orderId: row.id,
        reminder: r.kind,
        concernsDate: r.concernsDate,
        href: `/investigations/orders/${row.id}`,
      },
      createdAt: now,
    })
  }
  return { opened: missing.length, closed }
}

/**
 * The scheduler's pass over every force's order register: opens the reminder tasks whose due day has come within
 * the horizon and closes those that lapsed (the order ended, the date passed). Each order is handled in its own
 * force's scope. Returns the counts per force, for the caller to audit.
 */
export async function scheduleOrderReminderTasks(tx: DbOrTx, now: Date): Promise<Map<string, Synced>> {
  const open = new Map<string, OpenReminderTask[]>()
  for (const task of await sweepOpenOrderReminderTasks(tx, ORDER_TASK_KIND)) {
    const orderId = task.subjectId.slice(0, task.subjectId.indexOf(':'))
    open.set(orderId, [...(open.get(orderId) ?? []), task])
  }
  const perForce = new Map<string, Synced>()
  for (const row of await sweepPreventionOrdersForReminders(tx, isoDateOf(now), ORDER_TASK_KIND)) {
    const synced = await syncOrderTasks(tx, schedulerScopeFor(row.forceId), row, now, open.get(row.id) ?? [])
    if (synced.opened + synced.closed === 0) continue
    const sum = perForce.get(row.forceId) ?? { opened: 0, closed: 0 }
    perForce.set(row.forceId, { opened: sum.opened + synced.opened, closed: sum.closed + synced.closed })
  }
  return perForce
}

/**
 * Brings the reminder tasks of every order in the actor's force up to date at `deps.now()`: the demo seed adds
 * orders on earlier clocks, and this leaves the worklist as the scheduler would have it today.
 */
export async function syncForceOrderReminders(deps: Deps, ctx: Ctx): Promise<Synced> {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const total = { opened: 0, closed: 0 }
    for (const row of await listPreventionOrders(tx, scope)) {
      const synced = await syncOrderTasks(tx, scope, row, now)
      total.opened += synced.opened
      total.closed += synced.closed
    }
    await audit(tx, ctx, { action: 'update', recordType: 'task', details: { kind: ORDER_TASK_KIND, ...total } }, now)
    return total
  })
}

/** Adds an order to the register; refused with every reason when the statute does not allow it (s17, s24 …). */
export async function addOrder(deps: Deps, ctx: Ctx, input: OrderInput) {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  const { investigationId, submissionId, ...rest } = input
  const order: PreventionOrder = { ...rest, breaches: [] }
  const validation = validateOrder(order)
  if (!validation.ok) {
    throw new Refused(validation.problems.map((p) => ({ field: fieldOfProblem(p.code), message: p.message })))
  }
  const reference = await newReference('ORD', now, (r) => orderReferenceExists(deps.db, r))
  return deps.db.transaction(async (tx) => {
    const existing = await findPreventionOrderBySubmission(tx, scope, submissionId)
    if (existing) return existing
    if (investigationId && !(await findInvestigation(tx, scope, investigationId))) {
      throw new InvestigationNotFound(investigationId)
    }
    const created = await insertPreventionOrder(tx, scope, {
      reference,
      investigationId,
      kind: order.kind,
      interim: order.interim,
      route: order.route,
      applicant: order.applicant,
      chiefOfficerNotifiedOn: order.chiefOfficerNotifiedOn,
      subjectRef: order.subjectRef,
      subjectAgeAtApplication: order.subjectAgeAtApplication,
      court: order.court,
      courtType: order.courtType,
      madeOn: order.madeOn,
      startsOn: order.startsOn,
      duration: order.duration,
      endsOn: orderEndDate(order),
      mainApplicationDecidedOn: order.mainApplicationDecidedOn,
      prohibitions: order.prohibitions,
      notificationRequired: order.notificationRequirements.required,
      notificationDetails: order.notificationRequirements.details,
      breaches: [],
      recordedBy: ctx.actor.userId,
      submissionId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    if (!created) {
      const raced = await findPreventionOrderBySubmission(tx, scope, submissionId)
      if (!raced) throw new Error('order insert conflicted but none was found')
      return raced
    }
    await syncOrderTasks(tx, scope, created, now)
    if (investigationId) {
      await recordEvent(
        tx,
        scope,
        ctx,
        investigationId,
        'order-made',
        `${order.interim ? 'Interim ' : ''}${orderKindLabels[order.kind]} ${reference} added to the register`,
        now,
        { orderId: created.id },
      )
    }
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'prevention-order',
        recordId: created.id,
        details: { kind: order.kind, investigationId },
      },
      now,
    )
    return created
  })
}

function fieldOfProblem(code: string): string {
  if (code.startsWith('expiry') || code.startsWith('interim-must')) return 'expiresOn'
  if (code.startsWith('prohibition') || code === 'no-prohibitions') return 'prohibitions'
  if (code === 'applicant-missing') return 'applicant'
  if (code === 'starts-before-made') return 'startsOn'
  if (code.startsWith('notification')) return 'notificationDetails'
  if (code.startsWith('breach')) return 'occurredOn'
  if (code === 'stro-needs-application' || code === 'interim-needs-application') return 'route'
  return 'form'
}

export type RegisterItem = {
  row: PreventionOrderRow
  status: ReturnType<typeof orderStatusOn>
  endsOn: string | null
  due: ReturnType<typeof remindersDue>
  warnings: ReturnType<typeof validateOrder>['warnings']
}

/** `actedOn`: subject ids of reminder tasks an officer closed; those reminders are dealt with, so not due. */
function registerItem(row: PreventionOrderRow, today: string, actedOn: ReadonlySet<string>): RegisterItem {
  const order = orderOf(row)
  return {
    row,
    status: orderStatusOn(order, today),
    endsOn: orderEndDate(order),
    due: remindersDue(order, today).filter((r) => !actedOn.has(`${row.id}:${reminderTaskKey(r)}`)),
    warnings: validateOrder(order).warnings,
  }
}

/** The register of STPOs and STROs with the reminders due today (expiry, interim applications, breaches). */
export async function orderRegister(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'investigation:read')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const rows = await listPreventionOrders(tx, scope)
    const actedOn = new Set(await listActedOnOrderReminders(tx, scope, ORDER_TASK_KIND))
    await audit(tx, ctx, { action: 'read', recordType: 'prevention-order-list', details: { count: rows.length } }, now)
    const today = isoDateOf(now)
    return { items: rows.map((r) => registerItem(r, today, actedOn)), today }
  })
}

/** An open reminder task of the order, as its page lists it. */
export type OpenOrderReminder = {
  id: string
  title: string
  dueOn: string
  overdue: boolean
  basis: string
  /** For a breach follow-up: the breach (numbered from 1) whose action closes it; the officer records that instead. */
  breach: number | null
}

/** A closed reminder task: what the officer recorded, or why Lantern closed it. */
export type ClosedOrderReminder = {
  id: string
  title: string
  closedAt: string | null
  outcome: string | null
  /** The officer who recorded what they did; null when Lantern closed it (the order ended, the date changed …). */
  actedByName: string | null
}

function reminderKindOf(key: string): string {
  return key.slice(0, key.indexOf(':'))
}

export async function readOrder(deps: Deps, ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'investigation:read')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findPreventionOrder(tx, scope, id)
    if (!row) throw new OrderNotFound(id)
    const investigation = row.investigationId ? await findInvestigation(tx, scope, row.investigationId) : undefined
    const reminderTasks = await listOrderReminderTasks(tx, scope, ORDER_TASK_KIND, row.id)
    await audit(tx, ctx, { action: 'read', recordType: 'prevention-order', recordId: id }, now)
    const prefix = `${row.id}:`
    const open: OpenOrderReminder[] = []
    const closed: ClosedOrderReminder[] = []
    for (const task of reminderTasks) {
      if (task.status === 'open') {
        const key = task.subjectId.slice(prefix.length)
        const concerns = key.split(':')[1]
        const breach =
          reminderKindOf(key) === 'breach-follow-up'
            ? row.breaches.findIndex((b) => b.actionTaken === null && b.reportedOn === concerns)
            : -1
        open.push({
          id: task.id,
          title: task.title,
          dueOn: isoDateOf(new Date(task.dueAt)),
          overdue: new Date(task.dueAt) < now,
          basis: task.basis,
          breach: breach >= 0 ? breach + 1 : null,
        })
      } else {
        closed.push({
          id: task.id,
          title: task.title,
          closedAt: task.completedAt,
          outcome: task.outcome,
          actedByName: task.actedBy === null ? null : (task.actedByName ?? 'An officer'),
        })
      }
    }
    closed.sort((a, b) => (b.closedAt ?? '').localeCompare(a.closedAt ?? ''))
    const actedOn = new Set(reminderTasks.filter((t) => t.actedBy !== null).map((t) => t.subjectId))
    return {
      ...registerItem(row, isoDateOf(now), actedOn),
      all: orderReminders(orderOf(row)),
      investigation: investigation ?? null,
      openReminders: open,
      closedReminders: closed,
    }
  })
}

/** The reminder task was closed before this request reached it (a second tab, a double submit, the order ended). */
export class ReminderAlreadyClosed extends Error {
  constructor(
    readonly closedAt: string | null,
    readonly outcome: string | null,
  ) {
    super('The reminder is already closed')
  }
}

export const REMINDER_NOTE_MAX_LENGTH = 500

/**
 * An officer records what they did about one of the order's open reminder tasks (issue 6 §3): renewed, decided not
 * to renew, checked the application. The note closes that task alone, for good: the scheduler does not open it
 * again. A breach follow-up is closed by recording the action taken on the breach instead.
 */
export async function recordReminderAction(deps: Deps, ctx: Ctx, orderId: string, taskId: string, note: string) {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  const text = note.trim()
  return deps.db.transaction(async (tx) => {
    const row = await findPreventionOrder(tx, scope, orderId)
    if (!row) throw new OrderNotFound(orderId)
    const task = await findTask(tx, scope, taskId)
    const prefix = `${row.id}:`
    if (
      !task ||
      task.kind !== ORDER_TASK_KIND ||
      task.subjectType !== ORDER_TASK_SUBJECT ||
      !task.subjectId.startsWith(prefix)
    ) {
      throw new OrderNotFound(`${orderId}/${taskId}`)
    }
    if (task.status !== 'open') throw new ReminderAlreadyClosed(task.completedAt, task.outcome)
    const reminder = reminderKindOf(task.subjectId.slice(prefix.length))
    if (reminder === 'breach-follow-up') {
      refuse('note', 'Record the action taken on the breach instead: that closes this reminder.')
    }
    if (text === '') refuse('note', 'Enter what you did about this reminder')
    if (text.length > REMINDER_NOTE_MAX_LENGTH) {
      refuse('note', `What you did must be ${REMINDER_NOTE_MAX_LENGTH} characters or fewer`)
    }
    const at = now.toISOString()
    const updated = await updateTask(tx, scope, task.id, task.version, {
      status: 'done',
      outcome: text,
      completedAt: at,
      details: { ...task.details, actedBy: ctx.actor.userId, actedAt: at },
    })
    if (!updated) throw new ReminderAlreadyClosed(null, null)
    await insertTaskEvent(tx, scope, {
      taskId: task.id,
      at,
      actorUserId: ctx.actor.userId,
      event: 'completed',
      details: { outcome: text, by: 'officer' },
    })
    if (row.investigationId) {
      await recordEvent(
        tx,
        scope,
        ctx,
        row.investigationId,
        'order-updated',
        `Reminder on order ${row.reference} closed: ${text}`,
        now,
        { orderId: row.id, taskId: task.id, reminder },
      )
    }
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'prevention-order',
        recordId: row.id,
        details: { taskId: task.id, reminder, closedBy: 'officer' },
      },
      now,
    )
    return { reference: row.reference, title: task.title }
  })
}

async function changeOrder(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  change: (
    row: PreventionOrderRow,
    now: Date,
  ) => { patch: Parameters<typeof updatePreventionOrder>[4]; summary: string; details: Record<string, unknown> },
) {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findPreventionOrder(tx, scope, id)
    if (!row) throw new OrderNotFound(id)
    const { patch, summary, details } = change(row, now)
    const merged = { ...row, ...patch } as PreventionOrderRow
    const validation = validateOrder(orderOf(merged))
    if (!validation.ok) {
      throw new Refused(validation.problems.map((p) => ({ field: fieldOfProblem(p.code), message: p.message })))
    }
    const updated = await updatePreventionOrder(
      tx,
      scope,
      id,
      version,
      { ...patch, endsOn: orderEndDate(orderOf(merged)) },
      now,
    )
    if (!updated) refuse('form', 'The order has changed since you opened the page. Check it and try again.')
    await syncOrderTasks(tx, scope, updated, now)
    if (updated.investigationId)
      await recordEvent(tx, scope, ctx, updated.investigationId, 'order-updated', summary, now, { orderId: id })
    await audit(tx, ctx, { action: 'update', recordType: 'prevention-order', recordId: id, details }, now)
    return updated
  })
}

export async function recordBreach(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  input: { occurredOn: string; reportedOn: string; description: string },
) {
  return changeOrder(deps, ctx, id, version, (row, now) => {
    const description = input.description.trim()
    if (description === '') refuse('description', 'Describe the breach.')
    if (input.reportedOn > isoDateOf(now))
      refuse('reportedOn', 'The breach cannot be reported on a date in the future.')
    return {
      patch: {
        breaches: [...row.breaches, { ...input, description, actionTaken: null, recordedBy: ctx.actor.userId }],
      },
      summary: `Breach of order ${row.reference} recorded (happened ${input.occurredOn})`,
      details: { breach: row.breaches.length + 1 },
    }
  })
}

export async function recordBreachAction(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  index: number,
  actionTaken: string,
) {
  const text = actionTaken.trim()
  // The breach's follow-up task closes as the order's tasks are brought up to date.
  return changeOrder(deps, ctx, id, version, (row) => {
    if (text === '') refuse('actionTaken', 'Record the action taken on the breach.')
    const breach = row.breaches[index]
    if (!breach) throw new OrderNotFound(`${id}#${index}`)
    if (breach.actionTaken !== null) refuse('form', 'The action on this breach is already recorded.')
    return {
      patch: { breaches: row.breaches.map((b, i) => (i === index ? { ...b, actionTaken: text } : b)) },
      summary: `Action on breach ${index + 1} of order ${row.reference} recorded`,
      details: { breach: index + 1 },
    }
  })
}

export async function recordMainApplicationDecided(
  deps: Deps,
  ctx: Ctx,
  id: string,
  version: number,
  decidedOn: string,
) {
  return changeOrder(deps, ctx, id, version, (row) => {
    if (!row.interim) refuse('form', 'Only an interim order waits for a main application.')
    if (row.mainApplicationDecidedOn) refuse('form', 'The main application is already recorded as decided.')
    return {
      patch: { mainApplicationDecidedOn: decidedOn },
      summary: `Main application behind interim order ${row.reference} decided on ${decidedOn}`,
      details: { decidedOn },
    }
  })
}
