import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'
import { type AgeProfile, type Grade, gradeFor } from './delphi.js'
import type { Indicator } from './indicator.js'
import type { PresentIndicator } from './present-indicators.js'
import { themeById } from './themes.js'

export const ConcernLevel = z.enum(['none', 'low', 'medium', 'high'])
export type ConcernLevel = z.infer<typeof ConcernLevel>

export const concernRank: Record<ConcernLevel, number> = { none: 0, low: 1, medium: 2, high: 3 }

export const ConcernRule = z.object({ text: z.string(), source: SourceRef })
export type ConcernRule = z.infer<typeof ConcernRule>

/**
 * Lantern's own thresholds, built on indicators.md §8.2 (favour sensitivity; one strong indicator, or indicators
 * across two or more dimensions, should trigger referral; any indicator in a child means referral) and §8.1 (Delphi
 * grades as starting weights). Not yet validated against NRM outcomes (§8.4), so labelled UNCONFIRMED.
 */
export const CONCERN_RULE: ConcernRule = {
  text:
    'High: immediate risk, or at least one strong sign, or signs in three or more areas. ' +
    'Medium: a sign rated medium, or signs in two areas, or three or more signs, or any sign in a child. ' +
    'Low: any other sign. None: no signs. ' +
    'Strong and medium are the ILO/EC research grades for the person’s age group (secondary source, not yet ' +
    'checked). An area is the research dimension of a sign, or its theme when it has none. ' +
    'These are Lantern’s thresholds and still need checking against local NRM outcomes.',
  source: { ref: 'indicators.md §8.1, §8.2, §8.4 (Lantern rule)', confidence: 'UNCONFIRMED' },
}

/** Where a sign sits for the "breadth" test: its Delphi dimension, or its theme when it has none. */
export function areaOf(indicator: Indicator): { id: string; title: string } {
  if (indicator.dimension !== null) {
    return { id: `dimension:${indicator.dimension.id}`, title: indicator.dimension.title }
  }
  return { id: `theme:${indicator.theme}`, title: themeById(indicator.theme).title }
}

export function gradeOf(indicator: Indicator, profile: AgeProfile): Grade | null {
  return indicator.grade === null ? null : gradeFor(indicator.grade, profile)
}

export type ConcernFinding = { level: ConcernLevel; why: string[] }

/**
 * Every test below asks whether something is present (a strong sign, a medium sign, enough areas, enough signs,
 * a child with a sign, immediate risk); none subtracts. Adding an indicator only grows those sets, and an indicator
 * that makes the person a child only raises grades (child grades are never below adult ones, see catalogue.test.ts),
 * so the level can never fall.
 */
export function assessConcern(
  present: readonly PresentIndicator[],
  profile: AgeProfile,
  immediateRisk: boolean,
): ConcernFinding {
  const count = present.length
  const titlesGraded = (grade: Grade) =>
    present.filter((p) => gradeOf(p.indicator, profile) === grade).map((p) => p.indicator.title)
  const strong = titlesGraded('strong')
  const medium = titlesGraded('medium')
  const areas = new Map(present.map((p) => areaOf(p.indicator)).map((a) => [a.id, a.title]))
  const people = profile === 'child' ? 'children' : 'adults'
  const isChildWithSign = profile === 'child' && count >= 1

  const level: ConcernLevel =
    immediateRisk || strong.length >= 1 || areas.size >= 3
      ? 'high'
      : medium.length >= 1 || areas.size >= 2 || count >= 3 || isChildWithSign
        ? 'medium'
        : count >= 1
          ? 'low'
          : 'none'

  const why: string[] = []
  // indicators.md §8.2: immediate risk always escalates.
  if (immediateRisk) why.push('You recorded an immediate risk to the person or others.')
  if (strong.length > 0) {
    why.push(`${plural(strong.length, 'sign')} rated strong for ${people} in the research: ${strong.join('; ')}.`)
  }
  if (medium.length > 0 && level === 'medium') {
    why.push(`${plural(medium.length, 'sign')} rated medium for ${people} in the research: ${medium.join('; ')}.`)
  }
  if (areas.size >= 2) why.push(`Signs in ${areas.size} different areas: ${[...areas.values()].join('; ')}.`)
  if (count >= 3) why.push(`${count} different signs recorded.`)
  // indicators.md §8.2: any child with any indicator is referred.
  if (isChildWithSign)
    why.push('Any sign of exploitation in a child needs a safeguarding referral and an NRM referral.')
  if (level === 'low') why.push(`${plural(count, 'sign')} in one area, none rated medium or strong in the research.`)
  if (level === 'none') why.push('No signs of exploitation were recorded.')
  return { level, why }
}

function plural(n: number, noun: string): string {
  return n === 1 ? `1 ${noun}` : `${n} ${noun}s`
}
