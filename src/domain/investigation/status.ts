import { z } from 'zod'

// The life of an investigation with supervisory oversight: nothing closes without a supervisor's sign-off,
// and an early or risky closure is held for the force lead (law-and-process.md §1.2 "closed too soon",
// CONFIRMED; §9 item 9). The rules deciding whether a hold is needed live in closure.ts.
export const investigationStatuses = [
  'open',
  'under-review',
  'closure-requested',
  'closure-held-for-second-review',
  'closed',
  'reopened',
] as const
export const InvestigationStatus = z.enum(investigationStatuses)
export type InvestigationStatus = z.infer<typeof InvestigationStatus>

export const investigationStatusLabels: Record<InvestigationStatus, string> = {
  open: 'Open',
  'under-review': 'Under supervisory review',
  'closure-requested': 'Closure requested',
  'closure-held-for-second-review': 'Closure held for second-level review',
  closed: 'Closed',
  reopened: 'Reopened',
}

export const InvestigationEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start-review') }),
  z.object({ type: z.literal('complete-review') }),
  z.object({ type: z.literal('request-closure') }),
  z.object({ type: z.literal('withdraw-closure-request') }),
  /** The supervisor's sign-off; `secondReviewRequired` comes from evaluateClosure. */
  z.object({ type: z.literal('approve-closure'), secondReviewRequired: z.boolean() }),
  /** The force lead's second-level review approves a held closure. */
  z.object({ type: z.literal('approve-second-review') }),
  /** A supervisor refuses a requested closure, or the force lead refuses a held one. */
  z.object({ type: z.literal('refuse-closure'), reason: z.string() }),
  z.object({ type: z.literal('reopen'), reason: z.string() }),
])
export type InvestigationEvent = z.infer<typeof InvestigationEvent>
export type InvestigationEventType = InvestigationEvent['type']
export const investigationEventTypes: readonly InvestigationEventType[] = InvestigationEvent.options.map(
  (o) => o.shape.type.value,
)

export type TransitionResult =
  | { readonly ok: true; readonly from: InvestigationStatus; readonly to: InvestigationStatus }
  | { readonly ok: false; readonly from: InvestigationStatus; readonly reason: string }

const active = (s: InvestigationStatus) => s === 'open' || s === 'reopened'
const awaitingClosure = (s: InvestigationStatus) => s === 'closure-requested' || s === 'closure-held-for-second-review'

function refuse(from: InvestigationStatus, reason: string): TransitionResult {
  return { ok: false, from, reason }
}

function busyReason(from: InvestigationStatus): string {
  if (from === 'under-review') return 'A supervisory review is in progress; complete it first.'
  if (awaitingClosure(from)) return 'The investigation is awaiting a closure decision; decide that first.'
  return 'The investigation is closed; reopen it first.'
}

/** Applies one event to a status, or says in plain words why it cannot happen. */
export function transition(from: InvestigationStatus, event: InvestigationEvent): TransitionResult {
  switch (event.type) {
    case 'start-review':
      return active(from) ? { ok: true, from, to: 'under-review' } : refuse(from, busyReason(from))
    case 'complete-review':
      return from === 'under-review'
        ? { ok: true, from, to: 'open' }
        : refuse(from, 'There is no review in progress to complete.')
    case 'request-closure':
      if (active(from)) return { ok: true, from, to: 'closure-requested' }
      if (awaitingClosure(from)) return refuse(from, 'Closure has already been requested.')
      return refuse(from, from === 'closed' ? 'The investigation is already closed.' : busyReason(from))
    case 'withdraw-closure-request':
      return awaitingClosure(from)
        ? { ok: true, from, to: 'open' }
        : refuse(from, 'There is no closure request to withdraw.')
    case 'approve-closure':
      if (from === 'closure-requested') {
        return { ok: true, from, to: event.secondReviewRequired ? 'closure-held-for-second-review' : 'closed' }
      }
      if (from === 'closure-held-for-second-review') {
        return refuse(
          from,
          'The closure is held for the force lead’s second-level review; only that review can approve it.',
        )
      }
      return refuse(
        from,
        from === 'closed' ? 'The investigation is already closed.' : 'Nobody has asked to close this investigation.',
      )
    case 'approve-second-review':
      if (from === 'closure-held-for-second-review') return { ok: true, from, to: 'closed' }
      return refuse(
        from,
        from === 'closure-requested'
          ? 'A supervisor must sign off the closure before the force lead’s second-level review.'
          : 'No closure is held for second-level review.',
      )
    case 'refuse-closure':
      if (!awaitingClosure(from)) return refuse(from, 'There is no closure request to refuse.')
      if (event.reason.trim() === '') return refuse(from, 'Give the reason for refusing the closure.')
      return { ok: true, from, to: 'open' }
    case 'reopen':
      if (from !== 'closed') return refuse(from, 'Only a closed investigation can be reopened.')
      if (event.reason.trim() === '') return refuse(from, 'Give the reason for reopening the investigation.')
      return { ok: true, from, to: 'reopened' }
  }
}

/** Events that can happen from a status (given a reason where one is needed), for offering actions. */
export function allowedEvents(from: InvestigationStatus): InvestigationEventType[] {
  const samples: readonly InvestigationEvent[] = [
    { type: 'start-review' },
    { type: 'complete-review' },
    { type: 'request-closure' },
    { type: 'withdraw-closure-request' },
    { type: 'approve-closure', secondReviewRequired: false },
    { type: 'approve-second-review' },
    { type: 'refuse-closure', reason: 'reason' },
    { type: 'reopen', reason: 'reason' },
  ]
  return samples.filter((e) => transition(from, e).ok).map((e) => e.type)
}

/** Still being worked: reviews fall due and it appears in worklists. */
export function isActive(status: InvestigationStatus): boolean {
  return status !== 'closed'
}
