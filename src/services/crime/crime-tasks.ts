import { randomUUID } from 'node:crypto'
import type { DbOrTx } from '../../db/client.js'
import {
  type CrimeRecordRow,
  deleteTask,
  findCrimeRecordForSubject,
  findForceTaskSettings,
  insertCrimeRecord,
} from '../../db/repositories/tasks.js'
import type { ForceScope } from '../../domain/access/policy.js'
import { parseIsoInstant, ukDateOf } from '../../domain/deadlines/index.js'
import {
  crimeRecordingTriggerFor,
  crimeToRecordTask,
  type ReferralKind,
  ReferralKind as ReferralKindSchema,
  type ReferralRulesConfig,
  rulesAt,
} from '../../domain/referral/index.js'
import { createTask } from '../tasks/tasks.js'

const triggerTitles = {
  'nrm-referral-made': 'Record the crime for an NRM referral made by the force',
  'nrm-referral-received': 'Record the crime for an NRM referral received',
  'duty-to-notify-received': 'Record the crime for a Duty to Notify report received',
} as const

const startPhrases = {
  'nrm-referral-made': 'the NRM referral being made',
  'nrm-referral-received': 'the NRM referral being received',
  'duty-to-notify-received': 'the Duty to Notify report being received',
} as const

const ukTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
})

/** The force's crime-recording setting as the rules take it; an empty object means the default. */
export async function crimeRulesConfig(tx: DbOrTx, scope: ForceScope): Promise<ReferralRulesConfig> {
  const settings = await findForceTaskSettings(tx, scope)
  return settings?.crimeRecordingHours ? { crimeRecordingHours: settings.crimeRecordingHours } : {}
}

/**
 * How the time limit is shown to users. law-and-process.md §3: 24 hours is the general crime-recording
 * limit; no modern-slavery limit was found, so the default is labelled as unconfirmed.
 */
export function crimeClockLabel(hours: number, configured: boolean): string {
  return configured ? `${hours} hours (set by your force)` : `${hours} hours (default; the source is unconfirmed)`
}

/**
 * Opens the "crime to record" task for a referral made or received (issue 5 §3), inside the caller's
 * transaction. Returns null when the referral raises no crime-recording task (a Duty to Notify report the
 * force made itself). Idempotent: a second call for the same referral returns the first record.
 */
export async function createCrimeToRecordTask(
  tx: DbOrTx,
  scope: ForceScope,
  input: {
    referralId: string
    referralKind: ReferralKind
    origin: 'made' | 'received'
    /** ISO instant the clock starts from: when the referral was made or received. */
    receivedAt: string
    /** 'referral' (the referral records) unless logged on the received-referral page. */
    subjectType?: CrimeRecordRow['subjectType']
    /** When the record is written (pass deps.now()); defaults to receivedAt. */
    at?: Date
  },
): Promise<{ crimeRecordId: string; taskId: string } | null> {
  const kind = ReferralKindSchema.parse(input.referralKind)
  const trigger = crimeRecordingTriggerFor({ kind, origin: input.origin })
  if (trigger === null) return null
  const subjectType = input.subjectType ?? 'referral'
  const existing = await findCrimeRecordForSubject(tx, scope, subjectType, input.referralId)
  if (existing) return { crimeRecordId: existing.id, taskId: existing.taskId }

  const startedAt = new Date(parseIsoInstant(input.receivedAt)).toISOString()
  const config = await crimeRulesConfig(tx, scope)
  const domain = crimeToRecordTask({
    trigger,
    referralId: input.referralId,
    forceId: scope.forceId,
    at: startedAt,
    config,
  })
  const rules = rulesAt(ukDateOf(startedAt), config)
  const clock = crimeClockLabel(domain.due.hours, rules.crimeRecordingHours.configured)
  const basis = `Record the crime within ${domain.due.hours} hours of ${startPhrases[trigger]} (${ukTime.format(new Date(startedAt))}). Time limit: ${clock}.`
  const id = randomUUID()
  const task = await createTask(tx, scope, {
    kind: 'record-crime',
    subjectType: 'crime-record',
    subjectId: id,
    title: triggerTitles[trigger],
    dueAt: domain.due.dueAt,
    assigneeUserId: scope.actor.userId,
    basis,
    ruleVersion: `${domain.due.referralRules}; ${domain.due.ruleVersion}`,
    details: { href: `/crime/${id}`, trigger, referralSubjectType: subjectType, referralId: input.referralId },
    createdAt: new Date(startedAt),
  })
  const now = (input.at ?? new Date(startedAt)).toISOString()
  const created = await insertCrimeRecord(tx, scope, {
    id,
    taskId: task.id,
    subjectType,
    subjectId: input.referralId,
    trigger,
    startedAt,
    dueAt: domain.due.dueAt,
    hours: domain.due.hours,
    basis,
    ruleVersion: domain.due.ruleVersion,
    referralRules: domain.due.referralRules,
    createdAt: startedAt,
    updatedAt: now,
  })
  if (!created) {
    // A concurrent call recorded the same referral first: drop the task this call opened and use theirs.
    await deleteTask(tx, scope, task.id)
    const raced = await findCrimeRecordForSubject(tx, scope, subjectType, input.referralId)
    if (!raced) throw new Error('crime record insert conflicted but none was found')
    return { crimeRecordId: raced.id, taskId: raced.taskId }
  }
  return { crimeRecordId: created.id, taskId: task.id }
}
