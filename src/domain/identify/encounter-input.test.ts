import { describe, expect, it } from 'vitest'
import { AssessmentInput } from './encounter-input.js'
import { formatIssues } from './format-issues.js'
import { encounter } from './test-encounter.js'

function issuesFor(value: unknown): string[] {
  const result = AssessmentInput.safeParse(value)
  if (result.success) throw new Error('expected the input to be rejected')
  return formatIssues(result.error)
}

describe('AssessmentInput', () => {
  it('accepts a minimal encounter and the optional extras', () => {
    expect(AssessmentInput.safeParse(encounter()).success).toBe(true)
    const full = encounter({
      person: { age: 16.5, ageBand: 'child', ageDisputed: true, role: 'arrested', language: 'Vietnamese' },
      indicators: [
        { id: 'gen-debt', provenance: 'disclosed' },
        { id: 'gen-debt', provenance: 'observed' },
      ],
      consent: 'declined',
      immediateRisk: true,
      placeType: 'cannabis-grow',
      occurredAt: '2026-11-28T14:30:00+01:00',
      interpreter: { used: true, independent: false },
      account: 'I came to work in a restaurant.',
    })
    expect(AssessmentInput.parse(full)).toEqual(full)
  })

  it('needs no age, no nationality, no documents and no account', () => {
    const result = AssessmentInput.safeParse({
      person: { role: 'potential-victim' },
      indicators: [],
      consent: 'not-asked',
      immediateRisk: false,
      placeType: 'street-or-public-place',
      occurredAt: '2026-11-28T14:30:00Z',
    })
    expect(result.success).toBe(true)
  })

  it('rejects an age outside 0–120', () => {
    expect(issuesFor(encounter({ person: { age: 121, role: 'witness' } }))).toEqual([
      'person.age: expected a value of at most 120',
    ])
    expect(issuesFor(encounter({ person: { age: -1, role: 'witness' } }))).toEqual([
      'person.age: expected a value of at least 0',
    ])
  })

  it('names an unknown indicator id', () => {
    expect(issuesFor(encounter({ indicators: [{ id: 'gen-made-up', provenance: 'observed' }] }))).toEqual([
      'indicators[0].id: unknown indicator id "gen-made-up": see `lantern indicators` for the catalogue',
    ])
  })

  it('lists the path of every invalid field, including unknown fields', () => {
    const issues = issuesFor({
      person: { role: 'bystander', agedisputed: true },
      indicators: [
        { id: 'gen-debt', provenance: 'observed' },
        { id: 'gen-threats', provenance: 'observed' },
        { id: 'gen-violence', provenance: 'seen' },
        { provenance: 'observed' },
      ],
      consent: 'yes',
      placeType: 'moon',
      occurredAt: '28/11/2026',
      nationality: 'British',
    })
    expect(issues).toEqual([
      'person.role: expected one of potential-victim|witness|suspect|arrested',
      'person.agedisputed: unknown field',
      'indicators[2].provenance: expected one of observed|disclosed|reported',
      'indicators[3].id: required (expected an indicator id from the catalogue)',
      'consent: expected one of given|declined|not-asked',
      'immediateRisk: required (expected boolean)',
      'placeType: expected one of car-wash|nail-bar|cannabis-grow|brothel-or-residential|hotel|roadside-or-vehicle|farm-or-factory|construction|private-home|street-or-public-place|transport-hub|custody|other',
      'occurredAt: expected an ISO 8601 date-time with a time zone, e.g. 2026-11-28T14:30:00Z',
      'nationality: unknown field',
    ])
  })

  it('reports a wrong type with what it received', () => {
    expect(issuesFor(encounter({ immediateRisk: 'yes' as unknown as boolean }))).toEqual([
      'immediateRisk: expected boolean, received string',
    ])
    expect(issuesFor('not an object')).toEqual(['(root): expected object, received string'])
  })
})
