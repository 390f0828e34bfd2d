import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { z } from 'zod'
import { identifierFields } from './entity-kind.js'

export const NormalisedPhone = z.object({
  kind: z.literal('phone'),
  ...identifierFields,
  /** e.g. "mobile", "fixed-line", "toll-free"; null when the number's type is unknown. */
  phoneType: z.string().nullable(),
  /** ISO 3166 country of the number, e.g. "GB"; null when unknown. */
  country: z.string().nullable(),
})
export type NormalisedPhone = z.infer<typeof NormalisedPhone>

// Ofcom keeps 07700 900000–900999 for drama and fiction: never a real subscriber, so libphonenumber rejects
// it. Demo and test data use it on purpose; flag it clearly rather than as a mistyped number. (Ofcom's
// landline drama ranges, e.g. 020 7946 0xxx, pass libphonenumber's checks and are not flagged.)
const DRAMA_MOBILE = /^\+447700900\d{3}$/

/**
 * Normalises a phone number to E.164 (the matching key) with the metadata-rich libphonenumber build, reading
 * numbers without a country code as `defaultRegion` (GB unless told otherwise).
 */
export function normalisePhone(raw: string, defaultRegion: CountryCode = 'GB'): NormalisedPhone {
  const text = raw.trim()
  const empty = { kind: 'phone' as const, phoneType: null, country: null }
  if (text === '') return { ...empty, normalised: '', display: '', valid: false, problems: ['Enter a phone number.'] }

  const parsed = parsePhoneNumberFromString(text, { defaultCountry: defaultRegion })
  if (!parsed) {
    return {
      ...empty,
      normalised: text.replace(/[^\d+]/g, ''),
      display: text,
      valid: false,
      problems: ['This is not a recognisable phone number.'],
    }
  }

  const normalised = parsed.number
  const country = parsed.country ?? null
  const valid = parsed.isValid()
  const drama = DRAMA_MOBILE.test(normalised)
  const problems: string[] = []
  if (drama) {
    problems.push('07700 900000 to 900999 is an Ofcom drama range: this is not a real phone number.')
  } else if (!valid) {
    problems.push(
      parsed.isPossible()
        ? `This is not a valid number${country ? ` for ${country}` : ''}.`
        : `This has the wrong number of digits for a${country ? ` ${country}` : ''} phone number.`,
    )
  }
  const type = parsed.getType()
  return {
    kind: 'phone',
    normalised,
    // Crown dependencies share +44, so only numbers libphonenumber places in GB get the national format.
    display:
      valid || drama ? (country === 'GB' || drama ? parsed.formatNational() : parsed.formatInternational()) : text,
    valid,
    problems,
    phoneType: type ? type.toLowerCase().replaceAll('_', '-') : null,
    country,
  }
}
