import { type AgeProfile, delphiDimensions, delphiItem, gradeFor } from './delphi.js'
import type { Indicator, IndicatorEntry } from './indicator.js'
import { beggingAndAcquisitiveCrimeIndicators } from './indicators/begging-and-acquisitive-crime.js'
import { cannabisCultivationIndicators } from './indicators/cannabis-cultivation.js'
import { childrenIndicators } from './indicators/children.js'
import { controlAndMovementIndicators } from './indicators/control-and-movement.js'
import { countyLinesAndCuckooingIndicators } from './indicators/county-lines-and-cuckooing.js'
import { domesticServitudeIndicators } from './indicators/domestic-servitude.js'
import { generalIndicators } from './indicators/general.js'
import { labourExploitationIndicators } from './indicators/labour-exploitation.js'
import { livingConditionsIndicators } from './indicators/living-conditions.js'
import { organHarvestingIndicators } from './indicators/organ-harvesting.js'
import { physicalAndPsychologicalIndicators } from './indicators/physical-and-psychological.js'
import { sexualExploitationIndicators } from './indicators/sexual-exploitation.js'
import { threatsAndViolenceIndicators } from './indicators/threats-and-violence.js'
import { workAndPayIndicators } from './indicators/work-and-pay.js'
import { type ThemeId, themeIds } from './themes.js'

/**
 * Bump on any change to the indicators (ids, wording, grades, sources). Encounters and assessments record the
 * version they used (law-and-process.md §9 item 7). Ids are never reused or renamed.
 */
export const CATALOGUE_VERSION = '2026-11-28.1'

const byTheme: Record<ThemeId, IndicatorEntry[]> = {
  general: generalIndicators,
  'control-and-movement': controlAndMovementIndicators,
  'threats-and-violence': threatsAndViolenceIndicators,
  'work-and-pay': workAndPayIndicators,
  'living-conditions': livingConditionsIndicators,
  'physical-and-psychological': physicalAndPsychologicalIndicators,
  'county-lines-and-cuckooing': countyLinesAndCuckooingIndicators,
  'cannabis-cultivation': cannabisCultivationIndicators,
  'begging-and-acquisitive-crime': beggingAndAcquisitiveCrimeIndicators,
  'sexual-exploitation': sexualExploitationIndicators,
  'labour-exploitation': labourExploitationIndicators,
  'domestic-servitude': domesticServitudeIndicators,
  'organ-harvesting': organHarvestingIndicators,
  children: childrenIndicators,
}

const profiles: AgeProfile[] = ['adult', 'child']

function resolve(theme: ThemeId, entry: IndicatorEntry): Indicator {
  const { delphi, ...fields } = entry
  // Own copies: the data files share type lists between entries.
  const rest = { ...fields, types: [...fields.types], refs: [...fields.refs] }
  if (delphi === undefined) return { ...rest, theme, dimension: null, grade: null, strongFor: [] }
  const item = delphiItem(delphi)
  return {
    ...rest,
    theme,
    dimension: {
      id: item.dimension,
      title: delphiDimensions[item.dimension].title,
      phase: item.phase,
      item: item.item,
    },
    grade: item.grades,
    // A Delphi "strong" grade for the age group makes the sign strong for referral purposes (indicators.md §8.2).
    strongFor: profiles.filter((p) => gradeFor(item.grades, p) === 'strong'),
  }
}

export const indicators: readonly Indicator[] = themeIds.flatMap((theme) =>
  byTheme[theme].map((entry) => resolve(theme, entry)),
)

const index = new Map(indicators.map((i) => [i.id, i]))

export const indicatorIds: readonly string[] = indicators.map((i) => i.id)

export function indicatorById(id: string): Indicator | undefined {
  return index.get(id)
}
