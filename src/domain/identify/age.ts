import { z } from 'zod'
import type { Person } from './encounter-input.js'

// Indicators that themselves put the person's age in dispute.
export const AGE_DISPUTE_INDICATORS: readonly string[] = ['child-claims-older']

export const AgeDecision = z.object({
  treatedAsChild: z.boolean(),
  why: z.string(),
})
export type AgeDecision = z.infer<typeof AgeDecision>

/**
 * A person who is, or may be, under 18 is treated as a child until an age assessment decides otherwise: unknown,
 * disputed or unrecorded age all count (law-and-process.md §2.4, §9 item 1, CONFIRMED). Adult only when the record
 * positively says so and nothing points the other way.
 */
export function decideAge(person: Person, indicatorIds: readonly string[]): AgeDecision {
  const { age, ageBand, ageDisputed } = person
  if (ageDisputed === true) {
    return child('Their age is disputed, so treat them as a child until an age assessment decides otherwise.')
  }
  if (indicatorIds.some((id) => AGE_DISPUTE_INDICATORS.includes(id))) {
    return child('You noted they may be younger than they say, so treat them as a child until an age assessment.')
  }
  if (age !== undefined && age < 18) return child(`They are ${formatAge(age)}, which is under 18.`)
  if (ageBand === 'child') return child('They appear to be under 18.')
  if (ageBand === 'unknown') return child('Their age is not known, so they may be under 18. Treat them as a child.')
  if (age === undefined && ageBand === undefined) {
    return child('No age was recorded, so they may be under 18. Treat them as a child.')
  }
  return {
    treatedAsChild: false,
    why: age === undefined ? 'They appear to be an adult (18 or over).' : `They are ${formatAge(age)}, an adult.`,
  }
}

function child(why: string): AgeDecision {
  return { treatedAsChild: true, why }
}

// Whole years, as people state ages: 17.9 is "17".
function formatAge(age: number): string {
  return String(Math.floor(age))
}
