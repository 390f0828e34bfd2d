import { z } from 'zod'
import { IsoDate, IsoInstant, type Region, ukDateOf } from '../deadlines/index.js'
import { forceById } from '../forces/forces.js'
import type { Clock } from './clock.js'
import {
  CgDecision,
  CgOutcome,
  type DecisionRefusalCode,
  RgDecision,
  RgOutcome,
  validateCgDecision,
  validateRgDecision,
} from './decisions.js'
import { ForceId } from './first-responder.js'
import { type ReferralDeadline, recoveryPeriodEnd, rgTargetDeadline } from './referral-deadlines.js'
import { isNrm, ReferralKind } from './referral-kind.js'
import { accept, type Result, refuse } from './result.js'
import { rulesAt } from './rules.js'

export const ReferralStatus = z.enum([
  'draft',
  'submitted',
  'rg-pending',
  'rg-positive',
  'rg-negative',
  'cg-pending',
  'cg-positive-trafficking',
  'cg-positive-slavery',
  'cg-insufficient-evidence',
  'notified',
  'withdrawn',
])
export type ReferralStatus = z.infer<typeof ReferralStatus>

export const referralStatusLabels: Record<ReferralStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted, awaiting Home Office reference',
  'rg-pending': 'Awaiting Reasonable Grounds decision',
  'rg-positive': 'Positive Reasonable Grounds decision: recovery period',
  'rg-negative': 'Negative Reasonable Grounds decision',
  'cg-pending': 'Awaiting Conclusive Grounds decision',
  'cg-positive-trafficking': 'Conclusive Grounds: victim of human trafficking',
  'cg-positive-slavery': 'Conclusive Grounds: victim of slavery, servitude or forced labour',
  'cg-insufficient-evidence': 'Conclusive Grounds: insufficient evidence',
  notified: 'Duty to Notify report received by the Home Office',
  withdrawn: 'Withdrawn',
}

const text = (message: string) => z.string({ error: message }).trim().min(1, message)

export const ReferralEvent = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('submit'), at: IsoInstant }),
    z.object({
      type: z.literal('record-reference'),
      reference: text('Enter the Home Office reference').pipe(
        z.string().max(100, 'A Home Office reference is at most 100 characters'),
      ),
      at: IsoInstant,
    }),
    z.object({ type: z.literal('rg-decision'), outcome: RgOutcome, decidedOn: IsoDate }),
    z.object({ type: z.literal('recovery-period-ended') }),
    z.object({ type: z.literal('cg-decision'), outcome: CgOutcome, decidedOn: IsoDate }),
    z.object({
      type: z.literal('request-reconsideration'),
      requestedOn: IsoDate,
      grounds: text('Give the grounds for asking for reconsideration'),
    }),
    z.object({
      type: z.literal('transfer'),
      toForceId: ForceId,
      at: IsoInstant,
      by: text('Record who transferred the referral'),
      note: z.string().trim().min(1).nullable().default(null),
    }),
    z.object({
      type: z.literal('withdraw'),
      at: IsoInstant,
      reason: text('Give the reason for withdrawing the referral'),
    }),
  ],
  { error: 'Unknown referral event' },
)
export type ReferralEvent = z.infer<typeof ReferralEvent>
export type ReferralEventInput = z.input<typeof ReferralEvent>
export type ReferralEventType = ReferralEvent['type']
export const referralEventTypes = ReferralEvent.options.map((o) => o.shape.type.value)

const eventLabels: Record<ReferralEventType, string> = {
  submit: 'Submitting the referral',
  'record-reference': 'Recording the Home Office reference',
  'rg-decision': 'Recording a Reasonable Grounds decision',
  'recovery-period-ended': 'Ending the recovery period',
  'cg-decision': 'Recording a Conclusive Grounds decision',
  'request-reconsideration': 'Asking for reconsideration',
  transfer: 'Transferring to another force',
  withdraw: 'Withdrawing the referral',
}

export const Reconsideration = z.object({
  stage: z.enum(['rg', 'cg']),
  requestedOn: IsoDate,
  grounds: z.string(),
  previousOutcome: z.union([RgOutcome, CgOutcome]),
  previousDecidedOn: IsoDate,
})
export type Reconsideration = z.infer<typeof Reconsideration>

export const Transfer = z.object({
  fromForceId: z.string(),
  toForceId: z.string(),
  at: IsoInstant,
  by: z.string(),
  note: z.string().nullable(),
})
export type Transfer = z.infer<typeof Transfer>

// law-and-process.md §2.8: the minimum length depends on the date of the positive RG decision.
export const RecoveryPeriod = z.object({
  startsOn: IsoDate,
  minimumDays: z.number().int().positive(),
  /** The first day on which the minimum period has run. */
  endsOn: IsoDate,
  referralRules: z.string(),
  calendarRules: z.string(),
})
export type RecoveryPeriod = z.infer<typeof RecoveryPeriod>

export const ReferralState = z.object({
  kind: ReferralKind,
  origin: z.enum(['made', 'received']),
  status: ReferralStatus,
  forceId: z.string(),
  submittedAt: IsoInstant.nullable(),
  homeOfficeReference: z.string().nullable(),
  /** The referral rule set in force when it was submitted (rulesAt). */
  referralRules: z.string().nullable(),
  rg: RgDecision.nullable(),
  recoveryPeriod: RecoveryPeriod.nullable(),
  cg: CgDecision.nullable(),
  pendingReconsideration: Reconsideration.nullable(),
  reconsiderations: z.array(Reconsideration),
  transfers: z.array(Transfer),
  withdrawal: z.object({ at: IsoInstant, reason: z.string(), fromStatus: ReferralStatus }).nullable(),
})
export type ReferralState = z.infer<typeof ReferralState>

export type TransitionRefusalCode =
  | DecisionRefusalCode
  | 'invalid-event'
  | 'illegal-transition'
  | 'not-for-duty-to-notify'
  | 'before-submission'
  | 'recovery-period-running'
  | 'same-force'
  | 'reconsideration-before-decision'

export type TransitionResult = Result<ReferralState, TransitionRefusalCode>

const AFTER_DRAFT: readonly ReferralStatus[] = ReferralStatus.options.filter((s) => s !== 'draft' && s !== 'withdrawn')

/** Which statuses each event may leave from. Anything else is refused. */
export const LEGAL_TRANSITIONS: Record<
  'nrm' | 'duty-to-notify',
  Record<ReferralEventType, readonly ReferralStatus[]>
> = {
  nrm: {
    submit: ['draft'],
    'record-reference': ['submitted'],
    'rg-decision': ['rg-pending'],
    'recovery-period-ended': ['rg-positive'],
    'cg-decision': ['rg-positive', 'cg-pending'],
    'request-reconsideration': ['rg-negative', 'cg-insufficient-evidence'],
    transfer: AFTER_DRAFT.filter((s) => s !== 'notified'),
    withdraw: ['draft', 'submitted', 'rg-pending', 'rg-positive', 'cg-pending'],
  },
  'duty-to-notify': {
    submit: ['draft'],
    'record-reference': ['submitted'],
    'rg-decision': [],
    'recovery-period-ended': [],
    'cg-decision': [],
    'request-reconsideration': [],
    transfer: ['submitted', 'notified'],
    withdraw: ['draft', 'submitted'],
  },
}

export function allowedEvents(state: Pick<ReferralState, 'kind' | 'status'>): ReferralEventType[] {
  const table = LEGAL_TRANSITIONS[isNrm(state.kind) ? 'nrm' : 'duty-to-notify']
  return referralEventTypes.filter((type) => table[type].includes(state.status))
}

const statusPhrases: Record<ReferralStatus, string> = {
  draft: 'is still a draft',
  submitted: 'has been submitted but has no Home Office reference yet',
  'rg-pending': 'is waiting for the Reasonable Grounds decision',
  'rg-positive': 'has a positive Reasonable Grounds decision and is in its recovery period',
  'rg-negative': 'has a negative Reasonable Grounds decision',
  'cg-pending': 'is waiting for the Conclusive Grounds decision',
  'cg-positive-trafficking': 'has a final Conclusive Grounds decision (human trafficking)',
  'cg-positive-slavery': 'has a final Conclusive Grounds decision (slavery, servitude or forced labour)',
  'cg-insufficient-evidence': 'has a Conclusive Grounds decision of insufficient evidence',
  notified: 'is a Duty to Notify report the Home Office has received',
  withdrawn: 'has been withdrawn',
}

function hint(status: ReferralStatus, type: ReferralEventType): string {
  if (status === 'draft') return ': submit it first'
  if (status === 'submitted' && (type === 'rg-decision' || type === 'cg-decision')) {
    return ': record the Home Office reference first'
  }
  if (status === 'rg-pending' && type === 'cg-decision') return ': a positive Reasonable Grounds decision comes first'
  if (type === 'request-reconsideration' && status !== 'withdrawn')
    return ': only a negative decision can be reconsidered'
  return ''
}

function illegal(state: ReferralState, type: ReferralEventType): TransitionResult {
  if (
    !isNrm(state.kind) &&
    ['rg-decision', 'recovery-period-ended', 'cg-decision', 'request-reconsideration'].includes(type)
  ) {
    return refuse(
      'not-for-duty-to-notify',
      `${eventLabels[type]} is not possible for a Duty to Notify report: only NRM referrals get Reasonable and Conclusive Grounds decisions`,
    )
  }
  return refuse(
    'illegal-transition',
    `${eventLabels[type]} is not possible: the referral ${statusPhrases[state.status]}${hint(state.status, type)}`,
  )
}

function regionOf(state: ReferralState): Region {
  const force = forceById(state.forceId)
  if (!force) throw new Error(`Unknown force ${state.forceId}`)
  return force.jurisdiction
}

function futureInstant(at: string, clock: Clock): TransitionResult | null {
  return Date.parse(at) > clock.now().getTime() ? refuse('date-in-future', `${at} is in the future`) : null
}

function cgStatus(outcome: CgOutcome): ReferralStatus {
  if (outcome === 'human-trafficking') return 'cg-positive-trafficking'
  if (outcome === 'slavery-servitude-forced-labour') return 'cg-positive-slavery'
  return 'cg-insufficient-evidence'
}

/** A new referral the force is preparing. */
export function draftReferral(input: { kind: ReferralKind; forceId: string }): ReferralState {
  const kind = ReferralKind.parse(input.kind)
  const forceId = ForceId.parse(input.forceId)
  return {
    kind,
    origin: 'made',
    status: 'draft',
    forceId,
    submittedAt: null,
    homeOfficeReference: null,
    referralRules: null,
    rg: null,
    recoveryPeriod: null,
    cg: null,
    pendingReconsideration: null,
    reconsiderations: [],
    transfers: [],
    withdrawal: null,
  }
}

/** A referral or Duty to Notify report another organisation made, now received by the force. */
export function receivedReferral(
  input: { kind: ReferralKind; forceId: string; submittedAt: string; homeOfficeReference: string | null },
  clock: Clock,
): TransitionResult {
  const submittedAt = IsoInstant.safeParse(input.submittedAt)
  if (!submittedAt.success) return refuse('invalid-event', submittedAt.error.issues[0]?.message ?? 'Invalid date')
  const force = ForceId.safeParse(input.forceId)
  if (!force.success) return refuse('invalid-event', force.error.issues[0]?.message ?? 'Unknown force')
  const future = futureInstant(submittedAt.data, clock)
  if (future) return future
  const reference = input.homeOfficeReference?.trim() || null
  const nrm = isNrm(input.kind)
  const status: ReferralStatus = reference === null ? 'submitted' : nrm ? 'rg-pending' : 'notified'
  return accept({
    ...draftReferral(input),
    origin: 'received',
    status,
    submittedAt: submittedAt.data,
    homeOfficeReference: reference,
    referralRules: rulesAt(ukDateOf(submittedAt.data)).id,
  })
}

/**
 * The referral lifecycle: draft → submitted → (Home Office reference) rg-pending → rg-positive (recovery period) or
 * rg-negative → cg-pending → a CG outcome; a negative decision can be reconsidered; transfers keep the status.
 * A Duty to Notify report goes draft → submitted → notified. Every other move is refused with a reason.
 */
export function transition(state: ReferralState, input: ReferralEventInput, clock: Clock): TransitionResult {
  const parsed = ReferralEvent.safeParse(input)
  if (!parsed.success) return refuse('invalid-event', parsed.error.issues[0]?.message ?? 'The event is not valid')
  const event = parsed.data
  if (!allowedEvents(state).includes(event.type)) return illegal(state, event.type)
  const today = ukDateOf(clock.now())

  switch (event.type) {
    case 'submit': {
      const future = futureInstant(event.at, clock)
      if (future) return future
      return accept({
        ...state,
        status: 'submitted',
        submittedAt: event.at,
        referralRules: rulesAt(ukDateOf(event.at)).id,
      })
    }
    case 'record-reference': {
      const future = futureInstant(event.at, clock)
      if (future) return future
      if (state.submittedAt && Date.parse(event.at) < Date.parse(state.submittedAt)) {
        return refuse(
          'before-submission',
          `The reference cannot be recorded before the referral was submitted (${state.submittedAt})`,
        )
      }
      return accept({
        ...state,
        status: isNrm(state.kind) ? 'rg-pending' : 'notified',
        homeOfficeReference: event.reference,
      })
    }
    case 'rg-decision': {
      const checked = validateRgDecision(event, {
        referredOn: ukDateOf(state.submittedAt ?? clock.now()),
        reconsiderationRequestedOn: state.pendingReconsideration?.requestedOn ?? null,
        now: clock.now(),
      })
      if (!checked.ok) return checked
      const rg = checked.value
      if (rg.outcome === 'negative') {
        return accept({ ...state, status: 'rg-negative', rg, recoveryPeriod: null, pendingReconsideration: null })
      }
      // law-and-process.md §2.8 (CONFIRMED): at least 45 days before 30 January 2023, at least 30 days from it.
      const end = recoveryPeriodEnd({ rgPositiveOn: rg.decidedOn, region: regionOf(state) })
      const recoveryPeriod: RecoveryPeriod = {
        startsOn: rg.decidedOn,
        minimumDays: end.days,
        endsOn: end.dueDate,
        referralRules: end.referralRules,
        calendarRules: end.ruleVersion,
      }
      return accept({ ...state, status: 'rg-positive', rg, recoveryPeriod, pendingReconsideration: null })
    }
    case 'recovery-period-ended': {
      const endsOn = state.recoveryPeriod?.endsOn
      if (endsOn && today < endsOn) {
        return refuse('recovery-period-running', `The recovery period runs until ${endsOn}; today is ${today}`)
      }
      return accept({ ...state, status: 'cg-pending' })
    }
    case 'cg-decision': {
      const checked = validateCgDecision(event, {
        rg: state.rg,
        recoveryPeriodEndsOn: state.recoveryPeriod?.endsOn ?? null,
        reconsiderationRequestedOn: state.pendingReconsideration?.requestedOn ?? null,
        region: regionOf(state),
        now: clock.now(),
      })
      if (!checked.ok) return checked
      return accept(
        { ...state, status: cgStatus(checked.value.outcome), cg: checked.value, pendingReconsideration: null },
        checked.warnings,
      )
    }
    case 'request-reconsideration': {
      const decision = state.status === 'rg-negative' ? state.rg : state.cg
      if (!decision) return illegal(state, event.type)
      if (event.requestedOn > today) return refuse('date-in-future', `${event.requestedOn} is in the future`)
      if (event.requestedOn < decision.decidedOn) {
        return refuse(
          'reconsideration-before-decision',
          `Reconsideration (${event.requestedOn}) cannot be asked for before the decision (${decision.decidedOn})`,
        )
      }
      const stage = state.status === 'rg-negative' ? 'rg' : 'cg'
      const reconsideration: Reconsideration = {
        stage,
        requestedOn: event.requestedOn,
        grounds: event.grounds,
        previousOutcome: decision.outcome,
        previousDecidedOn: decision.decidedOn,
      }
      return accept({
        ...state,
        status: stage === 'rg' ? 'rg-pending' : 'cg-pending',
        ...(stage === 'rg' ? { rg: null } : { cg: null }),
        pendingReconsideration: reconsideration,
        reconsiderations: [...state.reconsiderations, reconsideration],
      })
    }
    case 'transfer': {
      const future = futureInstant(event.at, clock)
      if (future) return future
      if (event.toForceId === state.forceId) return refuse('same-force', 'The referral is already with that force')
      const transfer: Transfer = {
        fromForceId: state.forceId,
        toForceId: event.toForceId,
        at: event.at,
        by: event.by,
        note: event.note,
      }
      return accept({ ...state, forceId: event.toForceId, transfers: [...state.transfers, transfer] })
    }
    case 'withdraw': {
      const future = futureInstant(event.at, clock)
      if (future) return future
      return accept({
        ...state,
        status: 'withdrawn',
        withdrawal: { at: event.at, reason: event.reason, fromStatus: state.status },
      })
    }
  }
}

/** The RG target for a referral still waiting for its first decision, or null (no target after reconsideration). */
export function rgTargetFor(state: ReferralState): ReferralDeadline | null {
  if (!isNrm(state.kind) || state.status !== 'rg-pending' || state.submittedAt === null) return null
  if (state.pendingReconsideration !== null) return null
  return rgTargetDeadline({ referredOn: ukDateOf(state.submittedAt), region: regionOf(state) })
}
