import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Assessment, assess } from './assessment.js'
import { indicatorIds } from './catalogue.js'
import { concernRank } from './concern.js'
import { AssessmentInput, type Interpreter, ObservedIndicator, Person } from './encounter-input.js'

// Arbitraries built from the schema's own enums and bounds, so they follow the schema as it changes.
const shape = AssessmentInput.shape
const observedIndicator = fc.record({
  id: fc.constantFrom(...indicatorIds),
  provenance: fc.constantFrom(...ObservedIndicator.shape.provenance.options),
})
const age = fc.double({ min: 0, max: 120, noNaN: true })
const person = fc.record(
  {
    age,
    ageBand: fc.constantFrom(...Person.shape.ageBand.unwrap().options),
    ageDisputed: fc.boolean(),
    role: fc.constantFrom(...Person.shape.role.options),
    language: fc.string({ minLength: 1, maxLength: 100 }),
  },
  { requiredKeys: ['role'] },
)
const occurredAt = fc
  .date({ min: new Date('2015-07-31T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString())
const interpreter: fc.Arbitrary<Interpreter> = fc.record(
  { used: fc.boolean(), independent: fc.boolean() },
  { requiredKeys: ['used'] },
)

function encounterWith(
  people: fc.Arbitrary<Person>,
  minIndicators: number,
  maxIndicators = 25,
): fc.Arbitrary<AssessmentInput> {
  return fc.record(
    {
      person: people,
      indicators: fc.array(observedIndicator, { minLength: minIndicators, maxLength: maxIndicators }),
      consent: fc.constantFrom(...shape.consent.options),
      immediateRisk: fc.boolean(),
      placeType: fc.constantFrom(...shape.placeType.options),
      occurredAt,
      interpreter,
      account: fc.string({ maxLength: 300 }),
    },
    { requiredKeys: ['person', 'indicators', 'consent', 'immediateRisk', 'placeType', 'occurredAt'] },
  )
}

const anyEncounter = encounterWith(person, 0)
// Few signs, where a single extra one can move the level, so a rule that subtracts would show.
const fewSigns = encounterWith(person, 0, 4)

// Someone who is, or may be, under 18 (law-and-process.md §2.4).
const role = fc.constantFrom(...Person.shape.role.options)
const possibleChild: fc.Arbitrary<Person> = fc.oneof(
  fc.record({ age: fc.double({ min: 0, max: 18, maxExcluded: true, noNaN: true }), role }),
  fc.record(
    { ageBand: fc.constantFrom('child' as const, 'unknown' as const), age, role },
    { requiredKeys: ['ageBand', 'role'] },
  ),
  fc.record({ ageDisputed: fc.constant(true), age, role }, { requiredKeys: ['ageDisputed', 'role'] }),
  fc.record({ role }),
)
const adult: fc.Arbitrary<Person> = fc.record(
  { age: fc.double({ min: 18, max: 120, noNaN: true }), ageBand: fc.constant('adult' as const), role },
  { requiredKeys: ['role', 'ageBand'] },
)

describe('assess: properties', () => {
  it('never throws on schema-valid input, and always returns a schema-valid assessment', () => {
    fc.assert(
      fc.property(anyEncounter, (input) => {
        const parsed = AssessmentInput.parse(input)
        const result = assess(parsed)
        expect(Assessment.safeParse(result).success).toBe(true)
        expect(result.canStillRefer).toBe(true)
      }),
      { numRuns: 400 },
    )
  })

  it('sends any child with at least one indicator to nrm-child, never Duty to Notify or a consent question', () => {
    fc.assert(
      fc.property(encounterWith(possibleChild, 1), (input) => {
        const result = assess(AssessmentInput.parse(input))
        const codes = result.actions.map((a) => a.code)
        expect(result.pathway).toBe('nrm-child')
        expect(result.treatedAsChild).toBe(true)
        expect(codes).not.toContain('notify-dtn')
        expect(codes).not.toContain('ask-consent')
        expect(codes.indexOf('safeguard-child')).toBeLessThan(codes.indexOf('refer-nrm'))
        expect(concernRank[result.concern]).toBeGreaterThanOrEqual(concernRank.medium)
      }),
      { numRuns: 300 },
    )
  })

  it('never lowers the concern when an indicator is added', () => {
    fc.assert(
      fc.property(fc.oneof(fewSigns, anyEncounter), observedIndicator, fc.nat(), (input, extra, at) => {
        const before = assess(input)
        const indicators = [...input.indicators]
        indicators.splice(at % (indicators.length + 1), 0, extra)
        const after = assess({ ...input, indicators })
        expect(concernRank[after.concern]).toBeGreaterThanOrEqual(concernRank[before.concern])
      }),
      { numRuns: 3000 },
    )
  })

  it('puts every adult with an indicator on a referral route chosen by consent alone', () => {
    const expected = { given: 'nrm-adult', declined: 'duty-to-notify', 'not-asked': 'ask-consent' } as const
    fc.assert(
      fc.property(encounterWith(adult, 1), (input) => {
        const result = assess(input)
        // An indicator such as "says they are older than they look" puts the age in dispute.
        if (result.treatedAsChild) expect(result.pathway).toBe('nrm-child')
        else expect(result.pathway).toBe(expected[input.consent])
      }),
      { numRuns: 300 },
    )
  })

  it('puts make-safe first whenever there is an immediate risk', () => {
    fc.assert(
      fc.property(anyEncounter, (input) => {
        const result = assess({ ...input, immediateRisk: true })
        expect(result.actions[0]?.code).toBe('make-safe')
        expect(result.concern).toBe('high')
      }),
    )
  })

  it('does not let the role, the account, the language or the place change the concern or the pathway', () => {
    fc.assert(
      fc.property(
        anyEncounter,
        role,
        fc.string({ maxLength: 300 }),
        fc.constantFrom(...shape.placeType.options),
        (input, otherRole, account, placeType) => {
          const before = assess(input)
          const after = assess({ ...input, person: { ...input.person, role: otherRole }, account, placeType })
          expect(after.concern).toBe(before.concern)
          expect(after.pathway).toBe(before.pathway)
          expect(after.reasons).toEqual(before.reasons)
        },
      ),
    )
  })
})
