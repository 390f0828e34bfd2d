import { z } from 'zod'
import { Confidence, confidenceLabels, Jurisdiction, SourceRef } from '../shared/vocabulary.js'
import { type OffenceError, offenceErrorCodes, parseOffence, ResolvedOffence } from './parse-offence.js'
import {
  ADULT_ELEMENTS,
  BURDEN_SOURCE,
  BURDEN_TEXT,
  S45_COMMENCEMENT_DATE,
  S45_SOURCE,
  S45Element,
  S45Limb,
  STILL_APPLIES,
  STILL_APPLIES_SOURCES,
  UNDER_18_ELEMENTS,
} from './s45-elements.js'
import {
  ANCILLARY_FORMS,
  AncillaryForm,
  SCHEDULE_4_SOURCE_URL,
  SCHEDULE_4_VERSION,
  Schedule4Entry,
} from './schedule-4.js'

export const S45Request = z.object({
  /** Whole years at the time of the act. A string is accepted from forms and the command line. */
  ageAtOffence: z.union([z.number(), z.string()]),
  offence: z.string(),
  /** Where the act is prosecuted; England and Wales when absent. */
  jurisdiction: z.string().optional(),
  /** ISO date of the act, when known; s45 does not reach acts before it came into force. */
  offenceDate: z.string().optional(),
})
export type S45Request = z.infer<typeof S45Request>

export const s45ErrorCodes = [
  ...offenceErrorCodes,
  'age-missing',
  'age-not-a-number',
  'age-not-whole',
  'age-out-of-range',
  'jurisdiction-unknown',
  'offence-date-invalid',
] as const
export const S45InputError = z.object({
  code: z.enum(s45ErrorCodes),
  /** Which input the message is about, for a form's error summary. */
  field: z.enum(['ageAtOffence', 'offence', 'jurisdiction', 'offenceDate']),
  message: z.string(),
  suggestions: z.array(z.string()),
})
export type S45InputError = z.infer<typeof S45InputError>

export const NotApplicable = z.object({
  reason: z.enum(['outside-england-and-wales', 'before-commencement']),
  text: z.string(),
})

export const S45Assessment = z.object({
  scheduleVersion: z.string(),
  jurisdiction: Jurisdiction,
  ageAtOffence: z.number().int().min(0).max(120),
  offenceDate: z.string().nullable(),
  offenceText: z.string(),
  /** Null only outside England and Wales, where Schedule 4 is not consulted. */
  offence: ResolvedOffence.nullable(),
  available: z.boolean(),
  limb: S45Limb.nullable(),
  /** The Schedule 4 row the offence (or the offence an ancillary form relates to) falls under. */
  excludedBy: Schedule4Entry.nullable(),
  /** Set when the exclusion rests on the ancillary paragraph (attempt, conspiracy …). */
  excludedVia: AncillaryForm.nullable(),
  /** For an offence that is not excluded, the circumstances that would exclude a related form of it. */
  excludedIf: z.string().nullable(),
  notApplicable: NotApplicable.nullable(),
  summary: z.string(),
  elements: z.array(S45Element),
  burden: z.string(),
  stillApplies: z.array(z.string()),
  /** The weakest label among the facts the result rests on. */
  confidence: Confidence,
  confidenceNotes: z.array(z.string()),
  sources: z.array(SourceRef),
})
export type S45Assessment = z.infer<typeof S45Assessment>

export type S45Result =
  | { readonly ok: true; readonly assessment: S45Assessment }
  | { readonly ok: false; readonly errors: readonly S45InputError[] }

export function weakest(labels: readonly Confidence[]): Confidence {
  let index = 0
  for (const label of labels) index = Math.max(index, confidenceLabels.indexOf(label))
  return confidenceLabels[index] ?? 'UNCONFIRMED'
}

type AgeResult = { readonly ok: true; readonly age: number } | { readonly ok: false; readonly error: S45InputError }

/** Age at the time of the act: a whole number from 0 to 120, given as a number or digits. */
export function parseAge(value: unknown): AgeResult {
  const fail = (code: S45InputError['code'], message: string): AgeResult => ({
    ok: false,
    error: { code, field: 'ageAtOffence', message, suggestions: [] },
  })
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return fail('age-missing', 'Enter the person’s age when they did the act, in whole years.')
  }
  if (typeof value !== 'number' && typeof value !== 'string') {
    return fail('age-not-a-number', 'The age must be a number of whole years, for example 17.')
  }
  const text = String(value).trim()
  const n = typeof value === 'number' ? value : /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN
  if (!Number.isFinite(n)) {
    return fail(
      'age-not-a-number',
      `The age must be a number of whole years, for example 17; "${text}" is not a number.`,
    )
  }
  if (!Number.isInteger(n)) {
    return fail(
      'age-not-whole',
      `The age must be in whole years (the age on the day of the act); ${n} is not a whole number.`,
    )
  }
  if (n < 0 || n > 120)
    return fail('age-out-of-range', `The age must be between 0 and 120; ${n} is outside that range.`)
  return { ok: true, age: n }
}

function offenceInputError(error: OffenceError): S45InputError {
  return { ...error, field: 'offence' }
}

const JURISDICTION_SOURCE: SourceRef = {
  ref: 'law-and-process.md §4.6',
  url: 'https://www.legislation.gov.uk/nia/2015/2/section/22/enacted',
  confidence: 'CONFIRMED',
}

// law-and-process.md §4.6 (CONFIRMED): no s45 outside England and Wales.
const OUTSIDE_TEXT: Readonly<Record<Exclude<Jurisdiction, 'england-and-wales'>, string>> = {
  scotland:
    'Section 45 of the Modern Slavery Act 2015 applies in England and Wales only. Scotland has no statutory defence of this kind: the Human Trafficking and Exploitation (Scotland) Act 2015 relies on the Lord Advocate’s instructions on prosecuting victims of trafficking.',
  'northern-ireland':
    'Section 45 of the Modern Slavery Act 2015 applies in England and Wales only. In Northern Ireland the defence is s22 of the Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015: its adult limb is like s45; its child limb needs only that the act was a direct consequence of being a victim, with no reasonable-person test. Lantern does not hold the list of offences that section excludes.',
}

// indicators.md §6.6: the Act "does not apply to earlier conduct"; §6.2 and §6.5 for the earlier route.
function beforeCommencementText(date: string): string {
  return `The act was done on ${date}, before s45 came into force on 31 July 2015, and the defence does not apply to earlier conduct. For earlier acts the questions are whether prosecution is in the public interest and whether it is an abuse of process, looking at the link between the trafficking and the offence and whether the person had a reasonable alternative (R v Joseph [2017] EWCA Crim 36; R v AAD [2022] EWCA Crim 106).`
}

/**
 * The s45 statutory defence assistant (Modern Slavery Act 2015; England and Wales). Says whether the defence
 * is available for the offence, or which Schedule 4 row excludes it, which limb applies by age at the time of
 * the act, what to gather for each element, and what still applies when it is excluded. Never predicts the
 * outcome of a case (indicators.md §6.2).
 */
export function assessS45(request: S45Request): S45Result {
  const errors: S45InputError[] = []
  const age = parseAge(request.ageAtOffence)
  if (!age.ok) errors.push(age.error)

  const jurisdiction = Jurisdiction.safeParse(request.jurisdiction ?? 'england-and-wales')
  if (!jurisdiction.success) {
    errors.push({
      code: 'jurisdiction-unknown',
      field: 'jurisdiction',
      message: `The jurisdiction must be one of: england-and-wales, scotland, northern-ireland; "${request.jurisdiction}" is not.`,
      suggestions: ['england-and-wales', 'scotland', 'northern-ireland'],
    })
  }

  const offenceDate = request.offenceDate?.trim() || null
  if (offenceDate !== null && !z.iso.date().safeParse(offenceDate).success) {
    errors.push({
      code: 'offence-date-invalid',
      field: 'offenceDate',
      message: `The date of the act must be a real date written as YYYY-MM-DD; "${offenceDate}" is not.`,
      suggestions: [],
    })
  }

  const inEnglandAndWales = !jurisdiction.success || jurisdiction.data === 'england-and-wales'
  const parsed = parseOffence(request.offence ?? '')
  let offence: ResolvedOffence | null = null
  if (parsed.ok) offence = parsed.offence
  else if (inEnglandAndWales || parsed.error.code === 'offence-missing') errors.push(offenceInputError(parsed.error))

  if (!age.ok || !jurisdiction.success || errors.length > 0) return { ok: false, errors }

  const base = {
    scheduleVersion: SCHEDULE_4_VERSION,
    jurisdiction: jurisdiction.data,
    ageAtOffence: age.age,
    offenceDate,
    offenceText: request.offence.trim(),
    offence,
    burden: BURDEN_TEXT,
    stillApplies: [...STILL_APPLIES],
  }
  const labelled = `${offence?.label ?? request.offence.trim()}${offence && offence.citation !== offence.label ? ` (${offence.citation})` : ''}`

  if (jurisdiction.data !== 'england-and-wales') {
    const text = OUTSIDE_TEXT[jurisdiction.data]
    return {
      ok: true,
      assessment: {
        ...base,
        available: false,
        limb: null,
        excludedBy: null,
        excludedVia: null,
        excludedIf: null,
        notApplicable: { reason: 'outside-england-and-wales', text },
        summary: text,
        elements: [],
        confidence: 'CONFIRMED',
        confidenceNotes: ['The devolved comparison is CONFIRMED in outline (law-and-process.md §4.6).'],
        sources: [JURISDICTION_SOURCE, ...STILL_APPLIES_SOURCES],
      },
    }
  }

  // E&W from here; the offence parsed, or an error was returned above.
  if (!offence) return { ok: false, errors }

  const versionNote = `Schedule 4 data version ${SCHEDULE_4_VERSION}. Check the current text at ${SCHEDULE_4_SOURCE_URL} before relying on this result.`
  const outcomeNote =
    'Lantern does not predict the outcome of a case; it makes sure the defence, identification and referral are considered (indicators.md §6.2).'

  if (offenceDate !== null && offenceDate < S45_COMMENCEMENT_DATE) {
    const text = beforeCommencementText(offenceDate)
    return {
      ok: true,
      assessment: {
        ...base,
        available: false,
        limb: null,
        excludedBy: null,
        excludedVia: null,
        excludedIf: null,
        notApplicable: { reason: 'before-commencement', text },
        summary: text,
        elements: [],
        confidence: 'CONFIRMED',
        confidenceNotes: [
          'The commencement date and that s45 does not reach earlier conduct are CONFIRMED (law-and-process.md §4.2; indicators.md §6.6).',
          outcomeNote,
        ],
        sources: [S45_SOURCE, ...STILL_APPLIES_SOURCES],
      },
    }
  }

  const match = offence.match
  const ancillary = offence.ancillary ? ANCILLARY_FORMS[offence.ancillary] : null

  if (match.list === 'schedule-4') {
    const entry = match.entry
    const confidence = weakest([entry.confidence, ...(ancillary ? [ancillary.confidence] : [])])
    const paragraph = entry.paragraph ? ` para ${entry.paragraph}` : ''
    const notes = [
      `The Schedule 4 row${entry.paragraph ? ` (para ${entry.paragraph})` : ''} is ${entry.confidence}: ${entry.note} (law-and-process.md §4.3).`,
      ...(ancillary
        ? [
            `That ${ancillary.label.replace(/ \(.*\)$/, '')} a listed offence is itself excluded is ${ancillary.confidence}: ${ancillary.note} (law-and-process.md §4.3).`,
          ]
        : []),
      versionNote,
      outcomeNote,
    ]
    return {
      ok: true,
      assessment: {
        ...base,
        available: false,
        limb: null,
        excludedBy: entry,
        excludedVia: ancillary,
        excludedIf: null,
        notApplicable: null,
        summary: `The s45 defence is not available: ${labelled} is excluded by Schedule 4${paragraph}${ancillary ? ' (ancillary forms of listed offences)' : ''} (${confidence}). Identification, referral and the public-interest test still apply.`,
        elements: [],
        confidence,
        confidenceNotes: notes,
        sources: [
          S45_SOURCE,
          { ref: 'law-and-process.md §4.3', url: entry.sourceUrl, confidence: entry.confidence },
          BURDEN_SOURCE,
          ...STILL_APPLIES_SOURCES,
        ],
      },
    }
  }

  const entry = match.entry
  const limb: S45Limb = age.age >= 18 ? 'adult' : 'under-18'
  const limbText =
    limb === 'adult'
      ? 'adult limb, s45(1): compulsion attributable to slavery or exploitation, and no realistic alternative'
      : 'under-18 limb, s45(4): a direct consequence of being a victim, and a reasonable person would do the act'
  return {
    ok: true,
    assessment: {
      ...base,
      available: true,
      limb,
      excludedBy: null,
      excludedVia: null,
      excludedIf: entry.excludedIf,
      notApplicable: null,
      summary: `The s45 defence is available in principle (${limbText}): ${labelled} is not on Schedule 4 (${entry.confidence}).${entry.excludedIf ? ` ${entry.excludedIf}` : ''}`,
      elements: [...(limb === 'adult' ? ADULT_ELEMENTS : UNDER_18_ELEMENTS)],
      confidence: entry.confidence,
      confidenceNotes: [
        `That this offence is not on Schedule 4 is ${entry.confidence}: ${entry.note} (${entry.ref}).`,
        ...(ancillary
          ? [`An ancillary form (${ancillary.label}) of an offence that is not on Schedule 4 is not excluded either.`]
          : []),
        'The elements of the defence and the evidential burden are CONFIRMED (law-and-process.md §4.2; indicators.md §6.4).',
        versionNote,
        outcomeNote,
      ],
      sources: [
        S45_SOURCE,
        { ref: entry.ref, url: entry.sourceUrl, confidence: entry.confidence },
        BURDEN_SOURCE,
        ...STILL_APPLIES_SOURCES,
      ],
    },
  }
}
