import { z } from 'zod'
import { ExploitationType, SourceRef } from '../shared/vocabulary.js'
import { AgeProfile, DelphiDimensionId, DelphiGrades, DelphiItemKey, DelphiPhase } from './delphi.js'
import { IloForcedLabourKey } from './ilo-forced-labour.js'
import { ThemeId } from './themes.js'

export const AppliesTo = z.enum(['adult', 'child', 'both'])
export type AppliesTo = z.infer<typeof AppliesTo>

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')

/** How an indicator is written in the data files under indicators/. */
export const IndicatorEntry = z.object({
  /** Stable: encounters store it. Never reuse or rename one; retire it in a new catalogue version instead. */
  id: kebabId,
  /** What the officer ticks, in plain English. */
  title: z.string().min(1).max(90),
  /** "What this can look like": enough for an officer with no training to recognise it. */
  hint: z.string().min(1),
  /** The exploitation types it points to. Signs that fit most types list them all. */
  types: z.array(ExploitationType).min(1),
  appliesTo: AppliesTo,
  /** The ILO/EC Delphi item it corresponds to, where there is one (indicators.md §1.3). */
  delphi: DelphiItemKey.optional(),
  /** The ILO forced-labour indicators it corresponds to (indicators.md §3). */
  refs: z.array(IloForcedLabourKey),
  source: SourceRef,
  /** A caveat about the source that the officer should see. */
  sourceNote: z.string().optional(),
})
export type IndicatorEntry = z.infer<typeof IndicatorEntry>

export const IndicatorDimension = z.object({
  id: DelphiDimensionId,
  title: z.string(),
  phase: DelphiPhase,
  /** The Delphi item's own wording. */
  item: z.string(),
})
export type IndicatorDimension = z.infer<typeof IndicatorDimension>

/** A catalogue indicator, as served to the engine, the pages and the CLI. */
export const Indicator = IndicatorEntry.omit({ delphi: true }).extend({
  theme: ThemeId,
  dimension: IndicatorDimension.nullable(),
  /** Delphi grades per profile; null when no Delphi item corresponds. SECONDARY, low reliability (§1.3). */
  grade: DelphiGrades.nullable(),
  /**
   * The age groups for which this is a strong indicator for referral purposes: a Delphi "strong" grade for that
   * group (indicators.md §8.1, §8.2). One strong indicator raises the concern to high.
   */
  strongFor: z.array(AgeProfile),
})
export type Indicator = z.infer<typeof Indicator>
