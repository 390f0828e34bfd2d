import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'
import { type AgeProfile, gradeFor } from './delphi.js'
import { Provenance } from './encounter-input.js'
import type { PresentIndicator } from './present-indicators.js'

export const CitedIndicator = z.object({
  id: z.string(),
  provenance: z.array(Provenance),
})

export const Reason = z.object({
  text: z.string(),
  indicators: z.array(CitedIndicator),
  /** The research dimension the sign falls in, where it has one. */
  dimension: z.string().nullable(),
  source: SourceRef,
})
export type Reason = z.infer<typeof Reason>

const provenanceWords: Record<Provenance, string> = {
  observed: 'you saw this',
  disclosed: 'they told you',
  reported: 'someone else reported it',
}

export function describeProvenance(provenance: readonly Provenance[]): string {
  const words = provenance.map((p) => provenanceWords[p])
  if (words.length <= 1) return words.join('')
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`
}

/** One plain-English reason per recorded sign: what it is, where it came from and how the research grades it. */
export function indicatorReasons(present: readonly PresentIndicator[], profile: AgeProfile): Reason[] {
  const people = profile === 'child' ? 'children' : 'adults'
  return present.map(({ indicator, provenance }) => {
    const grade = indicator.grade === null ? null : gradeFor(indicator.grade, profile)
    // The grade is SECONDARY and unchecked (indicators.md §1.3), so the text says so wherever it is shown.
    const research =
      indicator.dimension === null
        ? ''
        : ` Research grouping: ${indicator.dimension.title.toLowerCase()}` +
          (grade === null ? '.' : `; research grade for ${people}: ${grade} (secondary source, not yet checked).`)
    return {
      text: `${indicator.title} (${describeProvenance(provenance)}).${research}`,
      indicators: [{ id: indicator.id, provenance }],
      dimension: indicator.dimension?.title ?? null,
      source: indicator.source,
    }
  })
}
