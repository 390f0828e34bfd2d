import { z } from 'zod'
import { identifierFields } from './entity-kind.js'

export const vehicleRegistrationFormats = ['current', 'prefix', 'suffix', 'dateless', 'unrecognised'] as const

export const NormalisedVehicle = z.object({
  kind: z.literal('vehicle'),
  ...identifierFields,
  format: z.enum(vehicleRegistrationFormats),
})
export type NormalisedVehicle = z.infer<typeof NormalisedVehicle>

// GB registration shapes, checked loosely: current (since September 2001) AB12 CDE; prefix (1983–2001)
// A123 BCD; suffix (1963–1983) ABC 123D; dateless (and Northern Ireland) ABC 1234 or 1234 AB.
const FORMATS: readonly (readonly [
  format: (typeof vehicleRegistrationFormats)[number],
  pattern: RegExp,
  display: (m: RegExpExecArray) => string,
])[] = [
  ['current', /^([A-Z]{2}[0-9]{2})([A-Z]{3})$/, (m) => `${m[1]} ${m[2]}`],
  ['prefix', /^([A-Z][0-9]{1,3})([A-Z]{3})$/, (m) => `${m[1]} ${m[2]}`],
  ['suffix', /^([A-Z]{3})([0-9]{1,3}[A-Z])$/, (m) => `${m[1]} ${m[2]}`],
  ['dateless', /^([A-Z]{1,3})([0-9]{1,4})$/, (m) => `${m[1]} ${m[2]}`],
  ['dateless', /^([0-9]{1,4})([A-Z]{1,3})$/, (m) => `${m[1]} ${m[2]}`],
]

/** Upper case without spaces is the key ("ab12 cde" → "AB12CDE"); the display puts the space back. */
export function normaliseVehicleRegistration(raw: string): NormalisedVehicle {
  const compact = raw.toUpperCase().replace(/[\s.-]/g, '')
  if (compact === '') {
    return {
      kind: 'vehicle',
      normalised: '',
      display: '',
      valid: false,
      problems: ['Enter a registration.'],
      format: 'unrecognised',
    }
  }
  if (!/^[A-Z0-9]+$/.test(compact)) {
    return {
      kind: 'vehicle',
      normalised: compact,
      display: raw.trim(),
      valid: false,
      problems: ['A registration has only letters and numbers.'],
      format: 'unrecognised',
    }
  }
  for (const [format, pattern, display] of FORMATS) {
    const m = pattern.exec(compact)
    if (!m) continue
    const problems: string[] = []
    if (format === 'current') {
      const age = compact.slice(2, 4)
      // The age identifier runs 51 (September 2001), then 02, 52, 03 … so 00, 01 and 50 are never issued.
      if (age === '00' || age === '01' || age === '50')
        problems.push(`The age identifier ${age} has never been issued.`)
      if (/[IQ]/.test(compact.slice(0, 2) + compact.slice(4))) {
        problems.push('The letters I and Q are not used in current-format registrations (is it a 1 or a 0?).')
      }
    }
    return { kind: 'vehicle', normalised: compact, display: display(m), valid: problems.length === 0, problems, format }
  }
  return {
    kind: 'vehicle',
    normalised: compact,
    display: compact,
    valid: false,
    problems: ['This is not a recognised GB registration format; it may be a foreign or trade plate.'],
    format: 'unrecognised',
  }
}
