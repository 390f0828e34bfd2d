import { z } from 'zod'
import { can } from '../access/policy.js'
import { Role } from '../access/roles.js'
import { IsoInstant, isPastDueAt } from '../deadlines/index.js'
import type { Clock } from './clock.js'
import { hocrClassification } from './hocr-classifications.js'
import { crimeRecordingDeadline, ReferralTimeDeadline } from './referral-deadlines.js'
import type { ReferralKind } from './referral-kind.js'
import { accept, type Result, refuse } from './result.js'
import type { ReferralRulesConfig } from './rules.js'

// law-and-process.md §3, §9.5: every NRM referral made, and every referral or Duty to Notify report received,
// is recorded as a crime (or an N200 incident); "received" applying too is UNCONFIRMED wording in §3.
export const CrimeRecordingTrigger = z.enum(['nrm-referral-made', 'nrm-referral-received', 'duty-to-notify-received'])
export type CrimeRecordingTrigger = z.infer<typeof CrimeRecordingTrigger>

/**
 * Which trigger a referral raises, or null. A Duty to Notify report the force made itself is not listed as a
 * trigger in the issue or in §3; the force's crime-recording decision for that encounter is outside this rule.
 */
export function crimeRecordingTriggerFor(referral: {
  kind: ReferralKind
  origin: 'made' | 'received'
}): CrimeRecordingTrigger | null {
  if (referral.kind === 'duty-to-notify') return referral.origin === 'received' ? 'duty-to-notify-received' : null
  return referral.origin === 'made' ? 'nrm-referral-made' : 'nrm-referral-received'
}

export const CrimeTaskStatus = z.enum(['open', 'recorded', 'cancellation-requested', 'cancelled'])
export type CrimeTaskStatus = z.infer<typeof CrimeTaskStatus>

const text = (message: string) => z.string({ error: message }).trim().min(1, message)

export const CrimeRecorded = z.object({
  reference: text('Enter the crime reference'),
  classification: z.string().superRefine((code, ctx) => {
    if (!hocrClassification(code)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${code}" is not a classification on the list (106, or N200/1 to N200/6)`,
      })
    }
  }),
  recordedAt: IsoInstant,
  recordedBy: text('Record who recorded the crime'),
})
export type CrimeRecorded = z.infer<typeof CrimeRecorded>

// What the Additional Verifiable Information is. A negative NRM decision is listed so that it can be refused
// with an explanation (law-and-process.md §3, §9.5: not AVI by itself; UNCONFIRMED from memory, kept as a rule).
export const AviEvidenceKind = z.enum([
  'negative-nrm-decision',
  'document',
  'witness-statement',
  'recording',
  'official-record',
  'other',
])

export const AviEvidence = z.object({
  kind: AviEvidenceKind,
  description: text('Describe the information and how it was verified'),
})

const Approver = z.object({ userId: text('Record who decided'), role: Role })

export const CancellationRequest = z.object({
  rationale: text('Explain what Additional Verifiable Information shows that no crime took place'),
  evidence: z.array(AviEvidence).min(1, 'List the Additional Verifiable Information the cancellation relies on'),
  requestedBy: text('Record who asked for the cancellation'),
  requestedAt: IsoInstant,
})

export const Cancellation = CancellationRequest.extend({
  decision: z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      by: z.string(),
      role: Role,
      at: IsoInstant,
      reason: z.string().nullable(),
    })
    .nullable(),
})
export type Cancellation = z.infer<typeof Cancellation>

export const CrimeRecordTask = z.object({
  trigger: CrimeRecordingTrigger,
  referralId: z.string().min(1),
  forceId: z.string().min(1),
  createdAt: IsoInstant,
  due: ReferralTimeDeadline,
  status: CrimeTaskStatus,
  crime: CrimeRecorded.nullable(),
  cancellation: Cancellation.nullable(),
  /** Earlier cancellation requests a supervisor rejected. */
  rejectedCancellations: z.array(Cancellation),
})
export type CrimeRecordTask = z.infer<typeof CrimeRecordTask>

/** A "crime to record" task with its clock, created when a referral is made or a referral or report is received. */
export function crimeToRecordTask(input: {
  trigger: CrimeRecordingTrigger
  referralId: string
  forceId: string
  at: string
  config?: ReferralRulesConfig
}): CrimeRecordTask {
  const trigger = CrimeRecordingTrigger.parse(input.trigger)
  const at = IsoInstant.parse(input.at)
  return {
    trigger,
    referralId: input.referralId,
    forceId: input.forceId,
    createdAt: at,
    due: crimeRecordingDeadline({ from: at, ...(input.config ? { config: input.config } : {}) }),
    status: 'open',
    crime: null,
    cancellation: null,
    rejectedCancellations: [],
  }
}

export function isCrimeTaskOverdue(task: Pick<CrimeRecordTask, 'status' | 'due'>, now: Date): boolean {
  return task.status === 'open' && isPastDueAt(task.due, now)
}

export const CrimeTaskEvent = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('record-crime'), crime: CrimeRecorded }),
    z.object({ type: z.literal('request-cancellation'), request: CancellationRequest }),
    z.object({ type: z.literal('approve-cancellation'), approver: Approver, at: IsoInstant }),
    z.object({
      type: z.literal('reject-cancellation'),
      approver: Approver,
      at: IsoInstant,
      reason: text('Say why the cancellation is rejected'),
    }),
  ],
  { error: 'Unknown crime-recording event' },
)
export type CrimeTaskEvent = z.infer<typeof CrimeTaskEvent>
export type CrimeTaskEventType = CrimeTaskEvent['type']

export const CRIME_TASK_TRANSITIONS: Record<CrimeTaskEventType, readonly CrimeTaskStatus[]> = {
  'record-crime': ['open'],
  'request-cancellation': ['recorded'],
  'approve-cancellation': ['cancellation-requested'],
  'reject-cancellation': ['cancellation-requested'],
}

export type CrimeTaskRefusalCode =
  | 'invalid-event'
  | 'illegal-transition'
  | 'date-in-future'
  | 'nrm-decision-not-avi'
  | 'not-a-supervisor'
  | 'self-approval'

const statusPhrases: Record<CrimeTaskStatus, string> = {
  open: 'no crime has been recorded yet',
  recorded: 'the crime is recorded and no cancellation has been asked for',
  'cancellation-requested': 'a cancellation is waiting for a supervisor',
  cancelled: 'the crime record has been cancelled',
}

const eventLabels: Record<CrimeTaskEventType, string> = {
  'record-crime': 'Recording the crime',
  'request-cancellation': 'Asking to cancel the crime record',
  'approve-cancellation': 'Approving the cancellation',
  'reject-cancellation': 'Rejecting the cancellation',
}

function inFuture(at: string, clock: Clock): boolean {
  return Date.parse(at) > clock.now().getTime()
}

export function crimeTaskTransition(
  task: CrimeRecordTask,
  input: z.input<typeof CrimeTaskEvent>,
  clock: Clock,
): Result<CrimeRecordTask, CrimeTaskRefusalCode> {
  const parsed = CrimeTaskEvent.safeParse(input)
  if (!parsed.success) return refuse('invalid-event', parsed.error.issues[0]?.message ?? 'The event is not valid')
  const event = parsed.data
  if (!CRIME_TASK_TRANSITIONS[event.type].includes(task.status)) {
    return refuse('illegal-transition', `${eventLabels[event.type]} is not possible: ${statusPhrases[task.status]}`)
  }
  switch (event.type) {
    case 'record-crime': {
      if (inFuture(event.crime.recordedAt, clock))
        return refuse('date-in-future', `${event.crime.recordedAt} is in the future`)
      const late = Date.parse(event.crime.recordedAt) > Date.parse(task.due.dueAt)
      return accept(
        { ...task, status: 'recorded', crime: event.crime },
        late ? [`Recorded after the ${task.due.hours}-hour time limit (${task.due.dueAt})`] : [],
      )
    }
    case 'request-cancellation': {
      const { request } = event
      if (inFuture(request.requestedAt, clock))
        return refuse('date-in-future', `${request.requestedAt} is in the future`)
      // law-and-process.md §3, §9.5: a negative NRM decision is not by itself Additional Verifiable Information.
      if (request.evidence.some((e) => e.kind === 'negative-nrm-decision')) {
        return refuse(
          'nrm-decision-not-avi',
          'A negative NRM decision is not Additional Verifiable Information: the crime record stands unless verifiable information shows no offence took place (§3)',
        )
      }
      return accept({ ...task, status: 'cancellation-requested', cancellation: { ...request, decision: null } })
    }
    case 'approve-cancellation':
    case 'reject-cancellation': {
      if (inFuture(event.at, clock)) return refuse('date-in-future', `${event.at} is in the future`)
      if (!can(event.approver, 'crime:cancel-approve')) {
        return refuse('not-a-supervisor', 'Only a supervisor or the force lead can decide on cancelling a crime record')
      }
      const cancellation = task.cancellation
      if (!cancellation)
        return refuse('illegal-transition', `${eventLabels[event.type]} is not possible: no cancellation was asked for`)
      // An approval is a second person's check, so the requester cannot decide their own request.
      if (event.approver.userId === cancellation.requestedBy) {
        return refuse('self-approval', 'The person who asked for the cancellation cannot also decide on it')
      }
      const approved = event.type === 'approve-cancellation'
      const decided: Cancellation = {
        ...cancellation,
        decision: {
          outcome: approved ? 'approved' : 'rejected',
          by: event.approver.userId,
          role: event.approver.role,
          at: event.at,
          reason: approved ? null : event.reason,
        },
      }
      return approved
        ? accept({ ...task, status: 'cancelled', cancellation: decided })
        : accept({
            ...task,
            status: 'recorded',
            cancellation: null,
            rejectedCancellations: [...task.rejectedCancellations, decided],
          })
    }
  }
}
