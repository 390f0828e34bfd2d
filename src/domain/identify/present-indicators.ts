import { indicatorById } from './catalogue.js'
import type { ObservedIndicator, Provenance } from './encounter-input.js'
import type { Indicator } from './indicator.js'

/** One catalogue indicator recorded at the encounter, with every provenance it was recorded under. */
export type PresentIndicator = { indicator: Indicator; provenance: Provenance[] }

/**
 * The distinct indicators recorded, in the order first recorded. The same sign seen and also disclosed counts once
 * (with both provenances), so recording it twice cannot inflate the concern. Ids the catalogue does not hold are
 * skipped rather than thrown on: the input schema already rejects them.
 */
export function presentIndicators(recorded: readonly ObservedIndicator[]): PresentIndicator[] {
  const byId = new Map<string, PresentIndicator>()
  for (const { id, provenance } of recorded) {
    const existing = byId.get(id)
    if (existing !== undefined) {
      if (!existing.provenance.includes(provenance)) existing.provenance.push(provenance)
      continue
    }
    const indicator = indicatorById(id)
    if (indicator !== undefined) byId.set(id, { indicator, provenance: [provenance] })
  }
  return [...byId.values()]
}
