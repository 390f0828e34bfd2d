import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'

// ILO/EC Delphi "Operational indicators of trafficking in human beings" (2009): six dimensions that follow the
// Palermo elements, each at the recruitment or destination phase (indicators.md §1.1, CONFIRMED). Built for
// research and data collection, not front-line identification, so Lantern shows it as supporting detail only.
export const delphiDimensionIds = [
  'deceptive-recruitment',
  'coercive-recruitment',
  'recruitment-by-abuse-of-vulnerability',
  'exploitative-conditions',
  'coercion-at-destination',
  'abuse-of-vulnerability-at-destination',
] as const
export const DelphiDimensionId = z.enum(delphiDimensionIds)
export type DelphiDimensionId = z.infer<typeof DelphiDimensionId>

// Exploitative conditions are met at destination in the brochure's structure (indicators.md §1.1).
export const DelphiPhase = z.enum(['recruitment', 'destination'])
export type DelphiPhase = z.infer<typeof DelphiPhase>

export const Grade = z.enum(['strong', 'medium', 'weak'])
export type Grade = z.infer<typeof Grade>

export const delphiDimensions: Record<DelphiDimensionId, { title: string; phase: DelphiPhase }> = {
  'deceptive-recruitment': { title: 'Deceptive recruitment', phase: 'recruitment' },
  'coercive-recruitment': { title: 'Coercive recruitment', phase: 'recruitment' },
  'recruitment-by-abuse-of-vulnerability': { title: 'Recruitment by abuse of vulnerability', phase: 'recruitment' },
  'exploitative-conditions': { title: 'Exploitative conditions', phase: 'destination' },
  'coercion-at-destination': { title: 'Coercion at destination', phase: 'destination' },
  'abuse-of-vulnerability-at-destination': { title: 'Abuse of vulnerability at destination', phase: 'destination' },
}

// The grades come from a secondary, machine-drafted transcription that has not been checked against the ILO PDF;
// the two sexual-exploitation sets were not retrieved (indicators.md §1.3, gap 3). Low reliability: shown as such.
export const DELPHI_GRADES_SOURCE: SourceRef = {
  ref: 'indicators.md §1.3',
  url: 'https://www.ilo.org/global/topics/forced-labour/publications/WCMS_105023/lang--en/index.htm',
  confidence: 'SECONDARY',
}

export const DelphiGrades = z.object({
  adultLabour: Grade.nullable(),
  childLabour: Grade.nullable(),
  adultSexual: Grade.nullable(),
  childSexual: Grade.nullable(),
  source: SourceRef,
})
export type DelphiGrades = z.infer<typeof DelphiGrades>

type Row = {
  dimension: DelphiDimensionId
  item: string
  adultLabour: Grade | null
  childLabour: Grade | null
  adultSexual?: Grade
  childSexual?: Grade
}

const S = 'strong'
const M = 'medium'
const W = 'weak'

// Only the items Lantern's indicators map to. "adultSexual"/"childSexual" are set only where the secondary source
// mentions a sexual-set grade ("sec:" in indicators.md §1.3); everything else in those sets is unknown.
const rows = {
  'deceived-about-job': {
    dimension: 'deceptive-recruitment',
    item: 'Deceived about the nature of the job, its location or the employer',
    adultLabour: S,
    childLabour: S,
  },
  'abduction-or-sale': {
    dimension: 'coercive-recruitment',
    item: 'Abduction, forced marriage, forced adoption or sale of the victim',
    adultLabour: M,
    childLabour: S,
  },
  'abuse-of-lack-of-information': {
    dimension: 'recruitment-by-abuse-of-vulnerability',
    item: 'Abuse of lack of information',
    adultLabour: M,
    childLabour: M,
  },
  'abuse-of-beliefs': {
    dimension: 'recruitment-by-abuse-of-vulnerability',
    item: 'Abuse of cultural or religious beliefs',
    adultLabour: W,
    childLabour: M,
  },
  'difficulty-organising-travel': {
    dimension: 'recruitment-by-abuse-of-vulnerability',
    item: 'Difficulty organising the travel',
    adultLabour: M,
    childLabour: M,
  },
  'personal-situation': {
    dimension: 'recruitment-by-abuse-of-vulnerability',
    item: 'Personal situation',
    adultLabour: M,
    childLabour: M,
  },
  'excessive-hours': {
    dimension: 'exploitative-conditions',
    item: 'Excessive working days or hours',
    adultLabour: S,
    childLabour: S,
  },
  'low-or-no-salary': {
    dimension: 'exploitative-conditions',
    item: 'Low or no salary',
    adultLabour: M,
    childLabour: M,
  },
  'wage-manipulation': {
    dimension: 'exploitative-conditions',
    item: 'Wage manipulation',
    adultLabour: M,
    childLabour: M,
  },
  'bad-living-conditions': {
    dimension: 'exploitative-conditions',
    item: 'Bad living conditions',
    adultLabour: M,
    childLabour: M,
  },
  'very-bad-working-conditions': {
    dimension: 'exploitative-conditions',
    item: 'Very bad working conditions',
    adultLabour: M,
    childLabour: M,
  },
  'hazardous-work': {
    dimension: 'exploitative-conditions',
    item: 'Hazardous work',
    adultLabour: M,
    childLabour: M,
    childSexual: S,
  },
  'labour-law-not-respected': {
    dimension: 'exploitative-conditions',
    item: 'No respect for labour laws or the signed contract',
    adultLabour: M,
    childLabour: M,
  },
  'no-access-to-education': {
    dimension: 'exploitative-conditions',
    item: 'No access to education',
    adultLabour: W,
    childLabour: M,
  },
  'documents-confiscated': {
    dimension: 'coercion-at-destination',
    item: 'Confiscation of documents',
    adultLabour: S,
    childLabour: S,
  },
  'debt-bondage': {
    dimension: 'coercion-at-destination',
    item: 'Debt bondage',
    adultLabour: S,
    childLabour: S,
  },
  'isolation-confinement-surveillance': {
    dimension: 'coercion-at-destination',
    item: 'Isolation, confinement or surveillance',
    adultLabour: S,
    childLabour: S,
  },
  violence: {
    dimension: 'coercion-at-destination',
    item: 'Violence against the victim',
    adultLabour: S,
    childLabour: S,
  },
  'threats-of-violence': {
    dimension: 'coercion-at-destination',
    item: 'Threats of violence against the victim',
    adultLabour: M,
    childLabour: S,
  },
  'forced-into-crime': {
    dimension: 'coercion-at-destination',
    item: 'Forced into illicit or criminal activities',
    adultLabour: M,
    childLabour: S,
  },
  'forced-tasks-or-clients': {
    dimension: 'coercion-at-destination',
    item: 'Forced tasks or clients',
    adultLabour: M,
    childLabour: S,
    adultSexual: S,
    childSexual: S,
  },
  'under-strong-influence': {
    dimension: 'coercion-at-destination',
    item: 'Under strong influence',
    adultLabour: M,
    childLabour: S,
  },
  'forced-to-lie': {
    dimension: 'coercion-at-destination',
    item: 'Forced to lie to the authorities, family etc.',
    adultLabour: M,
    childLabour: M,
  },
  'threat-of-denunciation': {
    dimension: 'coercion-at-destination',
    item: 'Threat of denunciation to the authorities',
    adultLabour: M,
    childLabour: M,
  },
  'wages-withheld': {
    dimension: 'coercion-at-destination',
    item: 'Withholding of wages',
    adultLabour: M,
    childLabour: M,
  },
  'dependency-on-exploiters': {
    dimension: 'abuse-of-vulnerability-at-destination',
    item: 'Dependency on the exploiters',
    adultLabour: M,
    childLabour: M,
  },
  'unknown-area': {
    dimension: 'abuse-of-vulnerability-at-destination',
    item: 'Difficulty living in an unknown area',
    adultLabour: M,
    childLabour: M,
  },
  'relationship-with-authorities': {
    dimension: 'abuse-of-vulnerability-at-destination',
    item: 'Relationship with the authorities / legal status',
    adultLabour: M,
    childLabour: M,
  },
} as const satisfies Record<string, Row>

export type DelphiItemKey = keyof typeof rows
export const DelphiItemKey = z.enum(Object.keys(rows) as [DelphiItemKey, ...DelphiItemKey[]])

export const DelphiItem = z.object({
  key: DelphiItemKey,
  dimension: DelphiDimensionId,
  phase: DelphiPhase,
  item: z.string(),
  grades: DelphiGrades,
})
export type DelphiItem = z.infer<typeof DelphiItem>

export function delphiItem(key: DelphiItemKey): DelphiItem {
  const row: Row = rows[key]
  return {
    key,
    dimension: row.dimension,
    phase: delphiDimensions[row.dimension].phase,
    item: row.item,
    grades: {
      adultLabour: row.adultLabour,
      childLabour: row.childLabour,
      adultSexual: row.adultSexual ?? null,
      childSexual: row.childSexual ?? null,
      source: DELPHI_GRADES_SOURCE,
    },
  }
}

const gradeRank: Record<Grade, number> = { weak: 1, medium: 2, strong: 3 }

export function higherGrade(a: Grade | null, b: Grade | null): Grade | null {
  if (a === null) return b
  if (b === null) return a
  return gradeRank[a] >= gradeRank[b] ? a : b
}

export const AgeProfile = z.enum(['adult', 'child'])
export type AgeProfile = z.infer<typeof AgeProfile>

// Lantern uses the highest grade known for the age group across the labour and sexual sets, because the sexual
// sets were not retrieved (indicators.md §1.3) and §8.2 favours sensitivity.
export function gradeFor(grades: DelphiGrades, profile: AgeProfile): Grade | null {
  return profile === 'child'
    ? higherGrade(grades.childLabour, grades.childSexual)
    : higherGrade(grades.adultLabour, grades.adultSexual)
}
