import {
  countUnreadNotifications,
  findNotificationForUser,
  listEncountersNeedingAction,
  listForceUserNames,
  listNotificationsForUser,
  listOpenTasks,
  markNotificationsRead,
  type TaskRow,
} from '../../db/repositories/tasks.js'
import { assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import type { Region } from '../../domain/deadlines/index.js'
import { forceById } from '../../domain/forces/forces.js'
import { type DueDescription, describeDue } from '../../domain/tasks/due.js'
import { taskHref } from '../../domain/tasks/href.js'
import { type TaskKind, taskKindLabels } from '../../domain/tasks/task-kind.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'

/** Issue 5 §6: an encounter with signs needs a referral, a report or a supervisor's decision within 24 hours. */
export const ENCOUNTER_GRACE_HOURS = 24
const HOUR = 3_600_000

export type WorklistItem = {
  id: string
  source: 'task' | 'encounter'
  kind: TaskKind
  kindLabel: string
  title: string
  href: string
  dueAt: string
  due: DueDescription
  basis: string
  ruleVersion: string | null
  assignee: string | null
}

function regionOf(scope: ForceScope): Region {
  return forceById(scope.forceId)?.jurisdiction ?? 'england-and-wales'
}

function fromTask(task: TaskRow, now: Date, region: Region, names: Map<string, string>): WorklistItem {
  const dueAt = new Date(task.dueAt).toISOString()
  return {
    id: task.id,
    source: 'task',
    kind: task.kind,
    kindLabel: taskKindLabels[task.kind],
    title: task.title,
    href: taskHref(task),
    dueAt,
    due: describeDue(dueAt, now, region),
    basis: task.basis,
    ruleVersion: task.ruleVersion,
    assignee: task.assigneeUserId ? (names.get(task.assigneeUserId) ?? 'Another officer') : null,
  }
}

async function encounterItems(
  tx: Parameters<typeof listOpenTasks>[0],
  scope: ForceScope,
  now: Date,
  region: Region,
  names: Map<string, string>,
  tasks: readonly TaskRow[],
  officerUserId?: string,
): Promise<WorklistItem[]> {
  const before = new Date(now.getTime() - ENCOUNTER_GRACE_HOURS * HOUR).toISOString()
  const rows = await listEncountersNeedingAction(tx, scope, {
    submittedBefore: before,
    ...(officerUserId ? { officerUserId } : {}),
  })
  // A capability that opened its own refer-or-notify task for the encounter already shows it.
  const covered = new Set(
    tasks.filter((t) => t.kind === 'refer-or-notify' && t.subjectType === 'encounter').map((t) => t.subjectId),
  )
  return rows
    .filter((r) => !covered.has(r.id) && r.submittedAt)
    .map((r) => {
      const dueAt = new Date(new Date(r.submittedAt as string).getTime() + ENCOUNTER_GRACE_HOURS * HOUR).toISOString()
      return {
        id: r.id,
        source: 'encounter' as const,
        kind: 'refer-or-notify' as const,
        kindLabel: taskKindLabels['refer-or-notify'],
        title: `Encounter ${r.reference} has signs of modern slavery and no referral, report or decision`,
        href: `/encounters/${r.id}`,
        dueAt,
        due: describeDue(dueAt, now, region),
        basis: `${ENCOUNTER_GRACE_HOURS} hours after the encounter was submitted: every potential victim ends in an NRM referral, a Duty to Notify report or a supervisor's recorded decision`,
        ruleVersion: null,
        assignee: names.get(r.officerUserId) ?? 'Another officer',
      }
    })
}

const byDue = (a: WorklistItem, b: WorklistItem) => a.dueAt.localeCompare(b.dueAt)

/** "My actions": the officer's own open tasks and encounters, overdue first, and their notifications. */
export async function myActions(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'worklist:own')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  const region = regionOf(scope)
  return deps.db.transaction(async (tx) => {
    const names = await listForceUserNames(tx, scope)
    const tasks = await listOpenTasks(tx, scope, { assigneeUserId: ctx.actor.userId })
    const items = [
      ...tasks.map((t) => fromTask(t, now, region, names)),
      ...(await encounterItems(tx, scope, now, region, names, tasks, ctx.actor.userId)),
    ].sort(byDue)
    const notifications = await listNotificationsForUser(tx, scope, ctx.actor.userId)
    const unread = await countUnreadNotifications(tx, scope, ctx.actor.userId)
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'worklist', details: { list: 'own', count: items.length } },
      deps.now(),
    )
    return { items, notifications, unread }
  })
}

export type TeamFilter = { kinds: readonly TaskKind[]; overdueOnly: boolean }

/** "Team actions": everything open in the force, for supervisors and the force lead. */
export async function teamActions(deps: Deps, ctx: Ctx, filter: TeamFilter) {
  assertCan(ctx.actor, 'worklist:team')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  const region = regionOf(scope)
  return deps.db.transaction(async (tx) => {
    const names = await listForceUserNames(tx, scope)
    const tasks = await listOpenTasks(tx, scope, {
      kinds: filter.kinds,
      ...(filter.overdueOnly ? { dueBefore: now.toISOString() } : {}),
    })
    const wantEncounters = filter.kinds.length === 0 || filter.kinds.includes('refer-or-notify')
    const encounters = wantEncounters ? await encounterItems(tx, scope, now, region, names, tasks) : []
    const items = [...tasks.map((t) => fromTask(t, now, region, names)), ...encounters]
      .filter((i) => !filter.overdueOnly || i.due.overdue)
      .sort(byDue)
    await audit(
      tx,
      ctx,
      {
        action: 'read',
        recordType: 'worklist',
        details: { list: 'team', count: items.length, kinds: [...filter.kinds], overdueOnly: filter.overdueOnly },
      },
      deps.now(),
    )
    return { items }
  })
}

export async function unreadNotificationCount(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'worklist:own')
  return countUnreadNotifications(deps.db, forceScopeOf(ctx.actor), ctx.actor.userId)
}

/** Marks the user's notifications read (all, or the ones named); returns how many changed. */
export async function markRead(deps: Deps, ctx: Ctx, ids?: readonly string[]) {
  assertCan(ctx.actor, 'worklist:own')
  return markNotificationsRead(deps.db, forceScopeOf(ctx.actor), ctx.actor.userId, deps.now().toISOString(), ids)
}

/** Opens one notification: marks it read and returns where it points (only the user's own). */
export async function openNotification(deps: Deps, ctx: Ctx, id: string): Promise<string | null> {
  assertCan(ctx.actor, 'worklist:own')
  const scope = forceScopeOf(ctx.actor)
  const found = await findNotificationForUser(deps.db, scope, ctx.actor.userId, id)
  if (!found) return null
  await markNotificationsRead(deps.db, scope, ctx.actor.userId, deps.now().toISOString(), [id])
  return found.link
}
