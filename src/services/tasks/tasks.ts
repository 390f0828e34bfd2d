import type { DbOrTx } from '../../db/client.js'
import { closeOpenTasks, findOpenTaskFor, insertTaskEvent, insertTaskIfNoneOpen } from '../../db/repositories/tasks.js'
import type { ForceScope } from '../../domain/access/policy.js'
import { TaskKind } from '../../domain/tasks/task-kind.js'

export { TaskKind } from '../../domain/tasks/task-kind.js'

export type CreateTaskInput = {
  kind: TaskKind
  subjectType: string
  subjectId: string
  /** Shown in worklists and notifications: never put names or other personal data in it. */
  title: string
  /** ISO instant. */
  dueAt: string
  assigneeUserId?: string | null
  /** How the due time was computed, including the rule version, in plain English. */
  basis: string
  ruleVersion: string
  details?: Record<string, unknown>
  /** When the task was created: pass `deps.now()` (the injected clock); the system time is used if omitted. */
  createdAt?: Date
}

/**
 * Creates a task inside the caller's transaction (the caller audits the change that caused it).
 * Idempotent: while a task of the same kind is open for the same subject, returns that one.
 */
export async function createTask(tx: DbOrTx, scope: ForceScope, input: CreateTaskInput): Promise<{ id: string }> {
  const kind = TaskKind.parse(input.kind)
  const dueAt = new Date(input.dueAt)
  if (Number.isNaN(dueAt.getTime())) throw new RangeError(`Task due time is not an instant: ${input.dueAt}`)
  const where = { kind, subjectType: input.subjectType, subjectId: input.subjectId }
  const existing = await findOpenTaskFor(tx, scope, where)
  if (existing) return { id: existing.id }
  const createdAt = (input.createdAt ?? new Date()).toISOString()
  const created = await insertTaskIfNoneOpen(tx, scope, {
    ...where,
    title: input.title,
    dueAt: dueAt.toISOString(),
    assigneeUserId: input.assigneeUserId ?? null,
    basis: input.basis,
    ruleVersion: input.ruleVersion,
    details: input.details ?? {},
    createdAt,
  })
  if (!created) {
    // Another transaction created it between our look and our insert.
    const raced = await findOpenTaskFor(tx, scope, where)
    if (!raced) throw new Error('task insert conflicted but no open task was found')
    return { id: raced.id }
  }
  await insertTaskEvent(tx, scope, {
    taskId: created.id,
    at: createdAt,
    actorUserId: scope.actor.userId,
    event: 'created',
    details: { dueAt: created.dueAt, basis: input.basis, ruleVersion: input.ruleVersion },
  })
  return { id: created.id }
}

/** Closes the open tasks of a kind for a subject (e.g. the decision arrived); returns how many closed. */
export async function completeTasks(
  tx: DbOrTx,
  scope: ForceScope,
  where: { kind: TaskKind; subjectType: string; subjectId: string },
  outcome: string,
  at: Date,
): Promise<number> {
  const closed = await closeOpenTasks(
    tx,
    scope,
    { ...where, kind: TaskKind.parse(where.kind) },
    outcome,
    at.toISOString(),
  )
  for (const row of closed) {
    await insertTaskEvent(tx, scope, {
      taskId: row.id,
      at: at.toISOString(),
      actorUserId: scope.actor.userId,
      event: 'completed',
      details: { outcome },
    })
  }
  return closed.length
}
