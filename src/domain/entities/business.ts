import { z } from 'zod'
import { identifierFields } from './entity-kind.js'
import { textKey } from './text-key.js'

export const NormalisedBusiness = z.object({
  kind: z.literal('business'),
  ...identifierFields,
  /** Companies House number, 8 characters, when one was given and is well formed. */
  companyNumber: z.string().nullable(),
})
export type NormalisedBusiness = z.infer<typeof NormalisedBusiness>

// Legal-form words at the end of a name do not tell businesses apart ("Smith Cleaning Ltd" is "Smith
// Cleaning Limited"), nor does a leading "The".
const LEGAL_FORMS = new Set(['ltd', 'limited', 'plc', 'llp', 'lp', 'cic', 'co', 'company', 'uk ltd'])

function nameKey(name: string): string {
  const words = textKey(name)
    .split(' ')
    .filter((w) => w !== '')
  if (words[0] === 'the' && words.length > 1) words.shift()
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1) ?? '')) words.pop()
  return words.join(' ')
}

/** A business by name (the key drops case, punctuation and legal form) and, optionally, company number. */
export function normaliseBusiness(input: {
  readonly name: string
  readonly companyNumber?: string | null
}): NormalisedBusiness {
  const display = input.name.trim().replace(/\s+/g, ' ')
  const key = nameKey(display)
  const problems: string[] = []
  if (key === '') problems.push('Enter the business name.')
  let companyNumber: string | null = null
  const rawNumber = input.companyNumber?.toUpperCase().replace(/\s/g, '') ?? ''
  if (rawNumber !== '') {
    const padded = /^\d{1,8}$/.test(rawNumber) ? rawNumber.padStart(8, '0') : rawNumber
    if (/^(\d{8}|[A-Z]{2}\d{6})$/.test(padded)) companyNumber = padded
    else problems.push('A Companies House number is 8 digits, or 2 letters and 6 digits (such as SC123456).')
  }
  return { kind: 'business', normalised: key, display, valid: problems.length === 0, problems, companyNumber }
}
