import { describe, expect, it } from 'vitest'
import type { Clock } from './clock.js'
import {
  applyConsentEvent,
  type ConsentEvent,
  hasCurrentConsent,
  isNotConsenting,
  NO_CONSENT_ASKED,
  reduceConsent,
} from './consent.js'

const clock: Clock = { now: () => new Date('2024-06-10T12:00:00Z') }
const conversation = {
  language: 'Romanian',
  interpreter: { used: true as const, independent: true, provider: 'Language Line' },
  wordsUsed: 'I explained the NRM in Romanian through the interpreter and asked whether they wanted to be referred',
}
const given = (at: string): ConsentEvent => ({ type: 'given', at, recordedBy: 'PC 123', conversation })
const declined = (at: string): ConsentEvent => ({
  type: 'declined',
  at,
  recordedBy: 'PC 123',
  conversation,
  reason: null,
})
const withdrawn = (at: string): ConsentEvent => ({
  type: 'withdrawn',
  at,
  recordedBy: 'PC 123',
  conversation: null,
  reason: 'Told their support worker they no longer want to take part',
})

describe('consent history', () => {
  it('starts not asked', () => {
    expect(NO_CONSENT_ASKED.status).toBe('not-asked')
    expect(hasCurrentConsent(NO_CONSENT_ASKED)).toBe(false)
    expect(isNotConsenting(NO_CONSENT_ASKED)).toBe(false)
  })

  it('records consent given, with the language, interpreter and words used', () => {
    const result = applyConsentEvent(NO_CONSENT_ASKED, given('2024-06-01T10:00:00Z'), clock)
    expect(result.ok && result.value).toMatchObject({
      status: 'given',
      since: '2024-06-01T10:00:00Z',
      givenLater: false,
    })
    expect(result.ok && result.value.history[0]).toMatchObject({ conversation: { language: 'Romanian' } })
  })

  it('declined, then given later: consent is current and marked as given later', () => {
    const result = reduceConsent([declined('2024-06-01T10:00:00Z'), given('2024-06-05T09:00:00Z')], clock)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toMatchObject({ status: 'given', givenLater: true, since: '2024-06-05T09:00:00Z' })
    expect(result.value.history.map((e) => e.type)).toEqual(['declined', 'given'])
    expect(hasCurrentConsent(result.value)).toBe(true)
  })

  it('given, then withdrawn: no current consent, so the person is not consenting', () => {
    const result = reduceConsent([given('2024-06-01T10:00:00Z'), withdrawn('2024-06-03T10:00:00Z')], clock)
    expect(result.ok && result.value.status).toBe('withdrawn')
    expect(result.ok && hasCurrentConsent(result.value)).toBe(false)
    expect(result.ok && isNotConsenting(result.value)).toBe(true)
  })

  it('given, withdrawn, given again', () => {
    const result = reduceConsent(
      [given('2024-06-01T10:00:00Z'), withdrawn('2024-06-03T10:00:00Z'), given('2024-06-04T10:00:00Z')],
      clock,
    )
    expect(result.ok && result.value).toMatchObject({ status: 'given', givenLater: true })
  })

  it.each<[string, ConsentEvent[], string, string]>([
    [
      'withdrawing what was never given',
      [withdrawn('2024-06-01T10:00:00Z')],
      'nothing-to-withdraw',
      'Consent event 1: Consent can only be withdrawn after it was given',
    ],
    [
      'declining after consenting',
      [given('2024-06-01T10:00:00Z'), declined('2024-06-02T10:00:00Z')],
      'withdraw-instead',
      'Consent event 2: The person had consented: record that they withdrew consent',
    ],
    [
      'giving consent twice',
      [given('2024-06-01T10:00:00Z'), given('2024-06-02T10:00:00Z')],
      'already-given',
      'Consent event 2: Consent is already recorded as given (2024-06-01T10:00:00Z)',
    ],
    [
      'declining twice',
      [declined('2024-06-01T10:00:00Z'), declined('2024-06-02T10:00:00Z')],
      'already-not-consenting',
      'Consent event 2: The person is already recorded as not consenting (2024-06-01T10:00:00Z)',
    ],
    [
      'an answer earlier than the last one',
      [declined('2024-06-02T10:00:00Z'), given('2024-06-01T10:00:00Z')],
      'out-of-order',
      'Consent event 2: This answer (2024-06-01T10:00:00Z) is earlier than the last one recorded (2024-06-02T10:00:00Z)',
    ],
    [
      'an answer in the future',
      [given('2024-06-11T10:00:00Z')],
      'date-in-future',
      'Consent event 1: Consent cannot be recorded at 2024-06-11T10:00:00Z, which is in the future',
    ],
  ])('refuses %s', (_label, events, code, message) => {
    expect(reduceConsent(events, clock)).toEqual({ ok: false, code, message })
  })

  it('refuses consent without the interpreter’s independence or the words used', () => {
    const noIndependence = {
      ...given('2024-06-01T10:00:00Z'),
      conversation: { ...conversation, interpreter: { used: true } },
    } as unknown as ConsentEvent
    expect(applyConsentEvent(NO_CONSENT_ASKED, noIndependence, clock)).toMatchObject({
      ok: false,
      code: 'invalid-event',
      message: 'Say whether the interpreter was independent of the person and of anyone with them',
    })
    const noWords = { ...given('2024-06-01T10:00:00Z'), conversation: { ...conversation, wordsUsed: '  ' } }
    expect(applyConsentEvent(NO_CONSENT_ASKED, noWords, clock)).toMatchObject({
      message: 'Record the words used to explain the NRM and ask for consent',
    })
  })
})
