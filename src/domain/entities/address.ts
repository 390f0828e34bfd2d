import { z } from 'zod'
import { identifierFields } from './entity-kind.js'
import { normalisePostcode } from './postcode.js'

export const NormalisedAddress = z.object({
  kind: z.literal('address'),
  ...identifierFields,
  /** The postcode in standard form; empty when none was given. */
  postcode: z.string(),
})
export type NormalisedAddress = z.infer<typeof NormalisedAddress>

// Street-type abbreviations expanded when they end a line ("12 High St" → "12 high street"), so two spellings of
// one address share a key. Only at the end of a line: "St Mary's Road" keeps its Saint.
const STREET_TYPES: Readonly<Record<string, string>> = {
  st: 'street',
  rd: 'road',
  ave: 'avenue',
  av: 'avenue',
  ln: 'lane',
  cl: 'close',
  cres: 'crescent',
  dr: 'drive',
  ct: 'court',
  pl: 'place',
  sq: 'square',
  gdns: 'gardens',
  tce: 'terrace',
}

function lineKey(line: string): string {
  const words = line
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '')
  const last = words.at(-1)
  if (last && STREET_TYPES[last]) words[words.length - 1] = STREET_TYPES[last]
  return words.join(' ')
}

/** An address as lines plus a postcode; the key is the postcode and the lines in a canonical spelling. */
export function normaliseAddress(input: {
  readonly lines: readonly string[]
  readonly postcode: string
}): NormalisedAddress {
  const lines = input.lines.map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '')
  const postcode = input.postcode.trim() === '' ? null : normalisePostcode(input.postcode)
  const problems: string[] = []
  if (lines.length === 0) problems.push('Enter the first line of the address.')
  if (postcode === null) problems.push('Enter the postcode, or record why it is not known.')
  else problems.push(...postcode.problems)
  const postcodeText = postcode?.normalised ?? ''
  return {
    kind: 'address',
    normalised: `${postcodeText}|${lines.map(lineKey).join(' ')}`,
    display: [...lines, ...(postcode ? [postcode.display] : [])].join(', '),
    valid: problems.length === 0,
    problems,
    postcode: postcodeText,
  }
}
