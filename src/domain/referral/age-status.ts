import { z } from 'zod'
import { type IsoDate, parseIsoDate } from '../deadlines/index.js'

export const AgeStatus = z.enum(['adult', 'child', 'age-unknown', 'age-disputed'], {
  error: 'Say whether the person is an adult, a child, or their age is unknown or disputed',
})
export type AgeStatus = z.infer<typeof AgeStatus>

export const ageStatusLabels: Record<AgeStatus, string> = {
  adult: 'Adult (18 or over)',
  child: 'Child (under 18)',
  'age-unknown': 'Age not known',
  'age-disputed': 'Age disputed',
}

// law-and-process.md §2.4, §9.1 (CONFIRMED): a person who is, or may be, under 18 is treated as a child until an
// age assessment decides otherwise, so an unknown or disputed age counts as a child.
export function isTreatedAsChild(ageStatus: AgeStatus): boolean {
  return ageStatus !== 'adult'
}

/** Whole years of age on `on`; someone born on 29 February turns a year older on 1 March in common years. */
export function ageInYears(dateOfBirth: IsoDate, on: IsoDate): number {
  parseIsoDate(dateOfBirth)
  parseIsoDate(on)
  const years = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4))
  return on.slice(5) >= dateOfBirth.slice(5) ? years : years - 1
}
