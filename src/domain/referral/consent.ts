import { z } from 'zod'
import { IsoInstant } from '../deadlines/index.js'
import type { Clock } from './clock.js'
import { accept, type Result, refuse } from './result.js'

// law-and-process.md §9.15, §2.3: record the language, the interpreter and whether they were independent.
export const Interpreter = z.discriminatedUnion(
  'used',
  [
    z.object({ used: z.literal(false) }),
    z.object({
      used: z.literal(true),
      independent: z.boolean({
        error: 'Say whether the interpreter was independent of the person and of anyone with them',
      }),
      provider: z.string().trim().min(1).nullable().default(null),
    }),
  ],
  { error: 'Say whether an interpreter was used' },
)
export type Interpreter = z.infer<typeof Interpreter>

/** How consent was asked: informed consent needs a language the person understands (law-and-process.md §2.3). */
export const ConsentConversation = z.object({
  language: z.string({ error: 'Record the language the conversation was in' }).trim().min(1, {
    error: 'Record the language the conversation was in',
  }),
  interpreter: Interpreter,
  wordsUsed: z.string({ error: 'Record the words used to explain the NRM and ask for consent' }).trim().min(1, {
    error: 'Record the words used to explain the NRM and ask for consent',
  }),
})
export type ConsentConversation = z.infer<typeof ConsentConversation>

const recordedBy = z.string().trim().min(1, { error: 'Record who took the answer' })

// law-and-process.md §2.3: consent can be updated later, so it is a history of events, not a flag.
export const ConsentEvent = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('given'), at: IsoInstant, recordedBy, conversation: ConsentConversation }),
    z.object({
      type: z.literal('declined'),
      at: IsoInstant,
      recordedBy,
      conversation: ConsentConversation,
      reason: z.string().trim().min(1).nullable().default(null),
    }),
    z.object({
      type: z.literal('withdrawn'),
      at: IsoInstant,
      recordedBy,
      /** Withdrawal may arrive through a support worker or solicitor, so the conversation is optional. */
      conversation: ConsentConversation.nullable().default(null),
      reason: z.string().trim().min(1).nullable().default(null),
    }),
  ],
  { error: 'A consent event is given, declined or withdrawn' },
)
export type ConsentEvent = z.infer<typeof ConsentEvent>

export const ConsentStatus = z.enum(['not-asked', 'given', 'declined', 'withdrawn'])
export type ConsentStatus = z.infer<typeof ConsentStatus>

export const ConsentState = z.object({
  status: ConsentStatus,
  /** When the current status began. */
  since: IsoInstant.nullable(),
  /** True when consent is current and was given after an earlier refusal or withdrawal. */
  givenLater: z.boolean(),
  history: z.array(ConsentEvent),
})
export type ConsentState = z.infer<typeof ConsentState>

export const NO_CONSENT_ASKED: ConsentState = { status: 'not-asked', since: null, givenLater: false, history: [] }

export type ConsentRefusalCode =
  | 'invalid-event'
  | 'date-in-future'
  | 'out-of-order'
  | 'already-given'
  | 'already-not-consenting'
  | 'nothing-to-withdraw'
  | 'withdraw-instead'

export function applyConsentEvent(
  state: ConsentState,
  input: ConsentEvent,
  clock: Clock,
): Result<ConsentState, ConsentRefusalCode> {
  const parsed = ConsentEvent.safeParse(input)
  if (!parsed.success)
    return refuse('invalid-event', parsed.error.issues[0]?.message ?? 'The consent event is not valid')
  const event = parsed.data
  const at = Date.parse(event.at)
  if (at > clock.now().getTime())
    return refuse('date-in-future', `Consent cannot be recorded at ${event.at}, which is in the future`)
  if (state.since !== null && at < Date.parse(state.since)) {
    return refuse('out-of-order', `This answer (${event.at}) is earlier than the last one recorded (${state.since})`)
  }
  if (event.type === 'given' && state.status === 'given') {
    return refuse('already-given', `Consent is already recorded as given (${state.since})`)
  }
  if (event.type === 'declined' && state.status === 'given') {
    return refuse('withdraw-instead', 'The person had consented: record that they withdrew consent')
  }
  if (event.type === 'declined' && (state.status === 'declined' || state.status === 'withdrawn')) {
    return refuse('already-not-consenting', `The person is already recorded as not consenting (${state.since})`)
  }
  if (event.type === 'withdrawn' && state.status !== 'given') {
    return refuse('nothing-to-withdraw', 'Consent can only be withdrawn after it was given')
  }
  const givenLater = event.type === 'given' && (state.status === 'declined' || state.status === 'withdrawn')
  return accept({ status: event.type, since: event.at, givenLater, history: [...state.history, event] })
}

/** Folds a consent history in order; refuses at the first event that does not follow from the ones before. */
export function reduceConsent(events: readonly ConsentEvent[], clock: Clock): Result<ConsentState, ConsentRefusalCode> {
  let state = NO_CONSENT_ASKED
  for (const [index, event] of events.entries()) {
    const next = applyConsentEvent(state, event, clock)
    if (!next.ok) return refuse(next.code, `Consent event ${index + 1}: ${next.message}`)
    state = next.value
  }
  return accept(state)
}

// law-and-process.md §2.3 (CONFIRMED): an adult NRM referral needs consent that is current now.
export function hasCurrentConsent(state: Pick<ConsentState, 'status'>): boolean {
  return state.status === 'given'
}

// law-and-process.md §2.3, §2.5: Duty to Notify is for an adult who does not consent.
export function isNotConsenting(state: Pick<ConsentState, 'status'>): boolean {
  return state.status === 'declined' || state.status === 'withdrawn'
}
