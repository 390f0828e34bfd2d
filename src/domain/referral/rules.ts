import { z } from 'zod'
import { IsoDate, parseIsoDate } from '../deadlines/index.js'
import { SourceRef } from '../shared/vocabulary.js'

const Sourced = <T extends z.ZodType>(value: T) =>
  z.object({ value, source: SourceRef.extend({ note: z.string().optional() }) })

/** The NRM and crime-recording rules in force from one date; each record stores the `id` it was worked out under. */
export const ReferralRuleSet = z.object({
  id: z.string().min(1),
  /** First day in force (inclusive); null for the earliest set. */
  effectiveFrom: IsoDate.nullable(),
  /** First day of the next set (exclusive); null for the current set. */
  effectiveUntil: IsoDate.nullable(),
  rgThreshold: Sourced(z.object({ wording: z.string(), objectiveFactorsRequired: z.boolean() })),
  rgTargetWorkingDays: Sourced(z.number().int().positive()),
  recoveryPeriodMinimumDays: Sourced(z.number().int().positive()),
  placesOfSafetyMaxWorkingDays: Sourced(z.number().int().positive()),
  crimeRecordingHours: Sourced(z.number().positive()).extend({ configured: z.boolean() }),
})
export type ReferralRuleSet = z.infer<typeof ReferralRuleSet>

const rgTarget = {
  value: 5,
  source: {
    ref: 'law-and-process.md §2.7',
    url: 'https://athub.org.uk/knowledge-base/nrm-decisions-and-challenges/',
    confidence: 'CONFIRMED',
  },
} as const

const placesOfSafety = {
  value: 3,
  source: {
    ref: 'law-and-process.md §2.10',
    url: 'https://www.theicon.org.uk/new-contract-to-deliver-improved-support-for-modern-slavery-victims/',
    confidence: 'CONFIRMED',
    note: 'Part of the victim care contract that began on 4 January 2021',
  },
} as const

// law-and-process.md §3: 24 hours is the general crime-recording limit (CONFIRMED); no limit specific to modern
// slavery was found, so it is labelled UNCONFIRMED for MSHT and each force can configure it.
const crimeRecording = {
  value: 24,
  configured: false,
  source: {
    ref: 'law-and-process.md §3',
    url: 'https://hmicfrs.justiceinspectorates.gov.uk/glossary/national-crime-recording-standard/',
    confidence: 'UNCONFIRMED',
    note: 'The 24-hour limit is CONFIRMED for crime recording in general; no MSHT-specific limit was found',
  },
} as const

const NABA_URL =
  'https://yjlc.uk/resources/legal-updates/nationality-and-borders-act-2022-yet-another-setback-victims-modern-slavery'

// law-and-process.md §2.7, §2.8: NABA 2022 s60 and guidance from 30 January 2023 changed the RG wording and the
// recovery period; guidance of 24 July 2023 dropped the January 2023 "objective factors" requirement.
export const REFERRAL_RULE_SETS: readonly ReferralRuleSet[] = [
  {
    id: 'nrm-rules.pre-2023-01-30',
    effectiveFrom: null,
    effectiveUntil: '2023-01-30',
    rgThreshold: {
      value: { wording: 'reasonable grounds to believe the person may be a victim', objectiveFactorsRequired: false },
      source: { ref: 'law-and-process.md §2.7', url: NABA_URL, confidence: 'CONFIRMED' },
    },
    rgTargetWorkingDays: {
      value: 5,
      source: {
        ...rgTarget.source,
        confidence: 'PARTLY CONFIRMED',
        note: 'The 5-working-day target is CONFIRMED as current practice; that it applied before 2023 is assumed',
      },
    },
    recoveryPeriodMinimumDays: {
      value: 45,
      source: { ref: 'law-and-process.md §2.8', url: NABA_URL, confidence: 'CONFIRMED', note: '45 days, as policy' },
    },
    placesOfSafetyMaxWorkingDays: placesOfSafety,
    crimeRecordingHours: crimeRecording,
  },
  {
    id: 'nrm-rules.2023-01-30',
    effectiveFrom: '2023-01-30',
    effectiveUntil: '2023-07-24',
    rgThreshold: {
      value: { wording: 'reasonable grounds to believe the person is a victim', objectiveFactorsRequired: true },
      source: {
        ref: 'law-and-process.md §2.7',
        url: 'https://athub.org.uk/knowledge-base/nrm-decisions-and-challenges/',
        confidence: 'CONFIRMED',
        note: 'January 2023 guidance required objective factors beyond the account; withdrawn in June/July 2023',
      },
    },
    rgTargetWorkingDays: rgTarget,
    recoveryPeriodMinimumDays: {
      value: 30,
      source: { ref: 'law-and-process.md §2.8', url: NABA_URL, confidence: 'CONFIRMED' },
    },
    placesOfSafetyMaxWorkingDays: placesOfSafety,
    crimeRecordingHours: crimeRecording,
  },
  {
    id: 'nrm-rules.2023-07-24',
    effectiveFrom: '2023-07-24',
    effectiveUntil: null,
    rgThreshold: {
      value: { wording: 'reasonable grounds to believe the person is a victim', objectiveFactorsRequired: false },
      source: {
        ref: 'law-and-process.md §2.7',
        url: 'https://www.helenbamber.org/resources/latest-news/new-test-reasonable-grounds-decisions-modern-slavery-guidance-withdrawn',
        confidence: 'CONFIRMED',
        note: 'Revised guidance of 24 July 2023 (updated 9 October 2023) dropped the need for objective evidence',
      },
    },
    rgTargetWorkingDays: rgTarget,
    recoveryPeriodMinimumDays: {
      value: 30,
      source: { ref: 'law-and-process.md §2.8', url: NABA_URL, confidence: 'CONFIRMED' },
    },
    placesOfSafetyMaxWorkingDays: placesOfSafety,
    crimeRecordingHours: crimeRecording,
  },
]

/** A force's settings that override a default rule. */
export const ReferralRulesConfig = z.object({
  crimeRecordingHours: z
    .number({ error: 'The crime-recording time limit must be a number of hours' })
    .positive('The crime-recording time limit must be more than 0 hours')
    .max(720, 'The crime-recording time limit must be at most 720 hours (30 days)')
    .optional(),
})
export type ReferralRulesConfig = z.infer<typeof ReferralRulesConfig>

/** The rule set in force on `date`, with a force's configuration applied; the id records any override. */
export function rulesAt(date: IsoDate, config: ReferralRulesConfig = {}): ReferralRuleSet {
  parseIsoDate(date)
  const settings = ReferralRulesConfig.parse(config)
  const base = REFERRAL_RULE_SETS.find(
    (set) =>
      (set.effectiveFrom === null || date >= set.effectiveFrom) &&
      (set.effectiveUntil === null || date < set.effectiveUntil),
  )
  if (!base) throw new Error(`No referral rule set covers ${date}`)
  const hours = settings.crimeRecordingHours
  if (hours === undefined || hours === base.crimeRecordingHours.value) return base
  return {
    ...base,
    id: `${base.id}+crime-recording-${hours}h`,
    crimeRecordingHours: { ...base.crimeRecordingHours, value: hours, configured: true },
  }
}
