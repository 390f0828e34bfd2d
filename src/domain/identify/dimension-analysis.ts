import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'
import {
  AgeProfile,
  DELPHI_GRADES_SOURCE,
  DelphiDimensionId,
  DelphiPhase,
  delphiDimensionIds,
  delphiDimensions,
  Grade,
  gradeFor,
} from './delphi.js'
import type { PresentIndicator } from './present-indicators.js'

export const DIMENSIONS_LABEL =
  'Research classification only (ILO/EC Delphi operational indicators, 2009). It is not a legal test and not a ' +
  'referral threshold: follow the actions, which do not depend on it. The grades come from a secondary source ' +
  'that has not been checked against the ILO original, so treat them as low-reliability.'

// indicators.md §1.4 step 2. The adult rule is the compiler's recollection and the child rule follows Palermo
// Art. 3(c); neither was seen in the brochure.
const PATTERN_SOURCE: SourceRef = { ref: 'indicators.md §1.4 (step 2)', confidence: 'UNCONFIRMED' }

export const DimensionItemFinding = z.object({
  item: z.string(),
  grade: Grade.nullable(),
  indicators: z.array(z.string()),
})

export const DimensionFinding = z.object({
  id: DelphiDimensionId,
  title: z.string(),
  phase: DelphiPhase,
  items: z.array(DimensionItemFinding),
  positive: z.boolean(),
})
export type DimensionFinding = z.infer<typeof DimensionFinding>

export const DimensionAnalysis = z.object({
  label: z.string(),
  profile: AgeProfile,
  source: SourceRef,
  dimensions: z.array(DimensionFinding),
  pattern: z.object({ met: z.boolean(), rule: z.string(), source: SourceRef }),
})
export type DimensionAnalysis = z.infer<typeof DimensionAnalysis>

/**
 * indicators.md §1.4 step 1 (SECONDARY): a dimension is positive with at least 2 strong, or 1 strong and 1 medium
 * or weak, or 3 medium, or 2 medium and 1 weak. Counted over distinct Delphi items, so two signs that map to the
 * same item count once.
 */
export function dimensionIsPositive(grades: readonly Grade[]): boolean {
  const strong = grades.filter((g) => g === 'strong').length
  const medium = grades.filter((g) => g === 'medium').length
  const weak = grades.filter((g) => g === 'weak').length
  return strong >= 2 || (strong >= 1 && medium + weak >= 1) || medium >= 3 || (medium >= 2 && weak >= 1)
}

export function analyseDimensions(present: readonly PresentIndicator[], profile: AgeProfile): DimensionAnalysis {
  const dimensions = delphiDimensionIds.map((id): DimensionFinding => {
    const items = new Map<string, z.infer<typeof DimensionItemFinding>>()
    for (const { indicator } of present) {
      if (indicator.dimension?.id !== id || indicator.grade === null) continue
      const existing = items.get(indicator.dimension.item)
      if (existing !== undefined) existing.indicators.push(indicator.id)
      else {
        items.set(indicator.dimension.item, {
          item: indicator.dimension.item,
          grade: gradeFor(indicator.grade, profile),
          indicators: [indicator.id],
        })
      }
    }
    const findings = [...items.values()]
    const grades = findings.flatMap((f) => (f.grade === null ? [] : [f.grade]))
    return {
      id,
      title: delphiDimensions[id].title,
      phase: delphiDimensions[id].phase,
      items: findings,
      positive: dimensionIsPositive(grades),
    }
  })
  return {
    label: DIMENSIONS_LABEL,
    profile,
    source: DELPHI_GRADES_SOURCE,
    dimensions,
    pattern: pattern(dimensions, profile),
  }
}

function pattern(dimensions: DimensionFinding[], profile: AgeProfile): DimensionAnalysis['pattern'] {
  const positive = (id: DelphiDimensionId) => dimensions.some((d) => d.id === id && d.positive)
  const recruitmentPositive =
    positive('deceptive-recruitment') ||
    positive('coercive-recruitment') ||
    positive('recruitment-by-abuse-of-vulnerability')
  const conditionsPositive = positive('exploitative-conditions')
  if (profile === 'child') {
    const anyRecruitmentSign = dimensions.some((d) => d.phase === 'recruitment' && d.items.length > 0)
    return {
      met: anyRecruitmentSign && conditionsPositive,
      rule:
        'Children: any recruitment or movement sign plus a positive exploitative-conditions dimension. ' +
        'The means of control are not needed for a child.',
      source: PATTERN_SOURCE,
    }
  }
  const destinationPositive = positive('coercion-at-destination') || positive('abuse-of-vulnerability-at-destination')
  return {
    met: recruitmentPositive && conditionsPositive && destinationPositive,
    rule:
      'Adults: a positive recruitment dimension, a positive exploitative-conditions dimension and a positive ' +
      'destination dimension.',
    source: PATTERN_SOURCE,
  }
}
