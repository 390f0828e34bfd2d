import { z } from 'zod'
import { identifierFields } from './entity-kind.js'
import { textKey } from './text-key.js'

export const NormalisedPerson = z.object({
  kind: z.literal('person'),
  ...identifierFields,
  dateOfBirth: z.string().nullable(),
})
export type NormalisedPerson = z.infer<typeof NormalisedPerson>

/**
 * A person's key is their name without accents or case, with the words sorted, so that family-name-first and
 * given-name-first spellings match ("NGUYEN Van An" and "An Van Nguyen"), plus the date of birth when known.
 */
export function normalisePerson(input: {
  readonly name: string
  readonly dateOfBirth?: string | null
}): NormalisedPerson {
  const display = input.name.trim().replace(/\s+/g, ' ')
  const words = textKey(display)
    .split(' ')
    .filter((w) => w !== '')
  const problems: string[] = []
  if (words.length === 0) problems.push('Enter the person’s name, or a description if it is not known.')
  const dob = input.dateOfBirth?.trim() || null
  if (dob !== null && !z.iso.date().safeParse(dob).success)
    problems.push('The date of birth must be a real date written as YYYY-MM-DD.')
  const nameKey = [...words].sort().join(' ')
  return {
    kind: 'person',
    normalised: dob && problems.length === 0 ? `${nameKey}|${dob}` : nameKey,
    display,
    valid: problems.length === 0,
    problems,
    dateOfBirth: problems.length === 0 ? dob : null,
  }
}
