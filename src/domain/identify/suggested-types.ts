import { z } from 'zod'
import { ExploitationType, exploitationTypeLabels, exploitationTypes } from '../shared/vocabulary.js'
import type { PresentIndicator } from './present-indicators.js'

export const SuggestedType = z.object({
  type: ExploitationType,
  label: z.string(),
  /** The recorded signs that point to this type. */
  indicators: z.array(z.string()),
})
export type SuggestedType = z.infer<typeof SuggestedType>

// A sign that fits most types (documents held, debt) says nothing about which type this is, so only signs that point
// to one or two types suggest a type. Lantern's rule; the type is finally recorded by the officer (law-and-process.md
// §5.1, §9 item 11), and several types may apply.
const MAX_TYPES_FOR_A_SPECIFIC_SIGN = 2

export function suggestTypes(present: readonly PresentIndicator[]): SuggestedType[] {
  const specific = present.filter((p) => p.indicator.types.length <= MAX_TYPES_FOR_A_SPECIFIC_SIGN)
  return exploitationTypes
    .map((type) => ({
      type,
      label: exploitationTypeLabels[type],
      indicators: specific.filter((p) => p.indicator.types.includes(type)).map((p) => p.indicator.id),
    }))
    .filter((s) => s.indicators.length > 0)
    .sort((a, b) => b.indicators.length - a.indicators.length)
}
