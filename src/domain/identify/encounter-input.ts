import { z } from 'zod'
import { indicatorIds } from './catalogue.js'

// What an officer records at an encounter, as the engine, the CLI (`lantern assess`) and the HTTP API accept it.
// Strict objects: a misspelt optional field (say "agedisputed") is an error, not silently dropped, because dropping
// it could change the pathway.

export const provenances = ['observed', 'disclosed', 'reported'] as const
/** Who the indicator came from (indicators.md §8.1): seen by the officer, told by the person, or by someone else. */
export const Provenance = z.enum(provenances)
export type Provenance = z.infer<typeof Provenance>

export const AgeBand = z.enum(['child', 'adult', 'unknown'])
export type AgeBand = z.infer<typeof AgeBand>

export const PersonRole = z.enum(['potential-victim', 'witness', 'suspect', 'arrested'])
export type PersonRole = z.infer<typeof PersonRole>

export const Consent = z.enum(['given', 'declined', 'not-asked'])
export type Consent = z.infer<typeof Consent>

export const placeTypes = [
  'car-wash',
  'nail-bar',
  'cannabis-grow',
  'brothel-or-residential',
  'hotel',
  'roadside-or-vehicle',
  'farm-or-factory',
  'construction',
  'private-home',
  'street-or-public-place',
  'transport-hub',
  'custody',
  'other',
] as const
export const PlaceType = z.enum(placeTypes)
export type PlaceType = z.infer<typeof PlaceType>

export const IndicatorId = z.enum(indicatorIds as [string, ...string[]], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `unknown indicator id "${issue.input}": see \`lantern indicators\` for the catalogue`
      : issue.input === undefined
        ? 'required (expected an indicator id from the catalogue)'
        : 'expected an indicator id from the catalogue',
})

export const ObservedIndicator = z
  .strictObject({
    id: IndicatorId,
    provenance: Provenance.describe(
      'observed: seen by the officer; disclosed: told by the person; reported: told by someone else',
    ),
  })
  .describe('An indicator present at the encounter. Record the same id again with another provenance if it is.')
export type ObservedIndicator = z.infer<typeof ObservedIndicator>

export const Person = z.strictObject({
  age: z.number().min(0).max(120).optional().describe('Age in years, stated or estimated'),
  ageBand: AgeBand.optional().describe('Apparent age band when the age is not known'),
  ageDisputed: z
    .boolean()
    .optional()
    .describe('True when the age given is doubted; the person is then treated as a child'),
  role: PersonRole,
  language: z.string().min(1).max(100).optional().describe('The language the person chose to speak'),
})
export type Person = z.infer<typeof Person>

export const Interpreter = z.strictObject({
  used: z.boolean(),
  independent: z
    .boolean()
    .optional()
    .describe('True only for a professional interpreter with no link to companions, employers or co-workers'),
})
export type Interpreter = z.infer<typeof Interpreter>

export const AssessmentInput = z
  .strictObject({
    person: Person,
    indicators: z.array(ObservedIndicator).max(500),
    consent: Consent.describe('Adults only: whether they agreed to an NRM referral. Ignored for children.'),
    immediateRisk: z.boolean().describe('Immediate risk to the person, others or children'),
    placeType: PlaceType,
    occurredAt: z.iso.datetime({ offset: true }).describe('When the encounter happened (ISO 8601 with offset)'),
    interpreter: Interpreter.optional(),
    account: z.string().max(20_000).optional().describe('The person’s own account, in their words'),
  })
  .meta({
    title: 'Lantern encounter (assessment input)',
    description: 'One encounter with a person who may be a victim of modern slavery, as recorded by an officer.',
  })
export type AssessmentInput = z.infer<typeof AssessmentInput>
