import { z } from 'zod'
import { identifierFields } from './entity-kind.js'

export const NormalisedPostcode = z.object({
  kind: z.literal('postcode'),
  ...identifierFields,
  /** The part before the space, e.g. "SW1A"; null when it cannot be split. */
  outward: z.string().nullable(),
})
export type NormalisedPostcode = z.infer<typeof NormalisedPostcode>

// Royal Mail postcode shapes: A9, A99, AA9, AA99, A9A and AA9A outward codes, then digit-letter-letter. The
// letter rules (Q, V, X never first; I, J, Z never second; inward letters never C, I, K, M, O or V) catch
// common mistypings such as the letter O for zero.
const OUTWARD =
  /^([A-PR-UWYZ][0-9][0-9]?|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])$/
const INWARD = /^[0-9][ABD-HJLNP-UW-Z]{2}$/

/** Upper case with one space before the last three characters ("sw1a1aa" → "SW1A 1AA"), and checked. */
export function normalisePostcode(raw: string): NormalisedPostcode {
  const compact = raw.toUpperCase().replace(/[^A-Z0-9]/g, '')
  if (compact === '') {
    return {
      kind: 'postcode',
      normalised: '',
      display: '',
      valid: false,
      problems: ['Enter a postcode.'],
      outward: null,
    }
  }
  if (compact.length < 5 || compact.length > 7) {
    return {
      kind: 'postcode',
      normalised: compact,
      display: raw.trim(),
      valid: false,
      problems: ['A UK postcode has 5 to 7 letters and numbers, such as SW1A 1AA.'],
      outward: null,
    }
  }
  const outward = compact.slice(0, -3)
  const inward = compact.slice(-3)
  const formatted = `${outward} ${inward}`
  const problems: string[] = []
  if (formatted !== 'GIR 0AA') {
    if (!OUTWARD.test(outward)) problems.push(`"${outward}" is not a valid first part of a UK postcode.`)
    if (!INWARD.test(inward)) {
      problems.push(
        inward.startsWith('O')
          ? `"${inward}" is not a valid last part of a UK postcode: it must start with a number (is the O a zero?).`
          : `"${inward}" is not a valid last part of a UK postcode: a number then two letters.`,
      )
    }
  }
  return {
    kind: 'postcode',
    normalised: formatted,
    display: formatted,
    valid: problems.length === 0,
    problems,
    outward,
  }
}
