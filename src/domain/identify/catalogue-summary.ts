import { z } from 'zod'
import { Confidence, ExploitationType, SourceRef } from '../shared/vocabulary.js'
import { indicators } from './catalogue.js'
import { AgeProfile, DelphiGrades, Grade, higherGrade } from './delphi.js'
import { IloForcedLabourKey } from './ilo-forced-labour.js'
import { AppliesTo, IndicatorDimension } from './indicator.js'
import { ThemeId, themeById } from './themes.js'

export const CatalogueSummaryItem = z.object({
  id: z.string(),
  title: z.string(),
  hint: z.string(),
  theme: ThemeId,
  themeTitle: z.string(),
  types: z.array(ExploitationType),
  appliesTo: AppliesTo,
  /** The highest research grade for any profile; null when the research does not grade this sign. */
  grade: Grade.nullable(),
  /** Research grades per profile (adult/child, labour/sexual), with their own SECONDARY source label. */
  grades: DelphiGrades.nullable(),
  strongFor: z.array(AgeProfile),
  dimension: IndicatorDimension.nullable(),
  refs: z.array(IloForcedLabourKey),
  /** The confidence label of the indicator's source, to show beside it. */
  confidence: Confidence,
  source: SourceRef,
  sourceNote: z.string().optional(),
})
export type CatalogueSummaryItem = z.infer<typeof CatalogueSummaryItem>

/** The catalogue as `lantern indicators --json` prints it, one item per indicator in theme order. */
export function catalogueSummary(): CatalogueSummaryItem[] {
  return indicators.map((i) => ({
    id: i.id,
    title: i.title,
    hint: i.hint,
    theme: i.theme,
    themeTitle: themeById(i.theme).title,
    types: i.types,
    appliesTo: i.appliesTo,
    grade:
      i.grade === null
        ? null
        : [i.grade.adultLabour, i.grade.childLabour, i.grade.adultSexual, i.grade.childSexual].reduce(
            higherGrade,
            null,
          ),
    grades: i.grade,
    strongFor: i.strongFor,
    dimension: i.dimension,
    refs: i.refs,
    confidence: i.source.confidence,
    source: i.source,
    ...(i.sourceNote === undefined ? {} : { sourceNote: i.sourceNote }),
  }))
}
