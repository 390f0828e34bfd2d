import type { AssessmentInput, ObservedIndicator, Provenance } from './encounter-input.js'

// Test helper: a schema-valid encounter with sensible defaults, for the tests beside this file.
export function encounter(overrides: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    person: { age: 30, role: 'potential-victim' },
    indicators: [],
    consent: 'not-asked',
    immediateRisk: false,
    placeType: 'other',
    occurredAt: '2026-11-28T14:30:00Z',
    ...overrides,
  }
}

export function signs(ids: readonly string[], provenance: Provenance = 'observed'): ObservedIndicator[] {
  return ids.map((id) => ({ id, provenance }))
}
