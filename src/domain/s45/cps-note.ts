import { z } from 'zod'
import { assessS45, type S45Assessment, s45ErrorCodes, weakest } from './assess-s45.js'
import { SCHEDULE_4_SOURCE_URL, SCHEDULE_4_VERSION } from './schedule-4.js'

export const nrmStatuses = [
  'not-yet-referred',
  'referred-awaiting-decision',
  'positive-reasonable-grounds',
  'negative-reasonable-grounds',
  'positive-conclusive-grounds',
  'negative-conclusive-grounds',
  'declined-consent-duty-to-notify-made',
] as const
export const NrmStatus = z.enum(nrmStatuses)
export type NrmStatus = z.infer<typeof NrmStatus>

export const CpsNoteRequest = z.object({
  custodyRecordRef: z.string(),
  /** A person reference, not a name: the note travels with the file (law-and-process.md §9 item 18). */
  subjectRef: z.string(),
  ageAtOffence: z.union([z.number(), z.string()]),
  offences: z.array(z.string()),
  offenceDate: z.string().optional(),
  /** Indicators of modern slavery recorded for the person, in words. */
  indicators: z.array(z.string()),
  nrm: z.object({ status: NrmStatus, date: z.string().optional(), reference: z.string().optional() }),
  preparedBy: z.string(),
  preparedAt: z.date(),
  force: z.string().optional(),
})
export type CpsNoteRequest = z.infer<typeof CpsNoteRequest>

export const CpsNoteError = z.object({
  code: z.enum([
    ...s45ErrorCodes,
    'custody-record-missing',
    'subject-missing',
    'offences-missing',
    'indicators-missing',
    'prepared-by-missing',
  ]),
  field: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()),
})
export type CpsNoteError = z.infer<typeof CpsNoteError>

export type CpsNoteResult =
  | { readonly ok: true; readonly text: string; readonly assessments: readonly S45Assessment[] }
  | { readonly ok: false; readonly errors: readonly CpsNoteError[] }

const nrmLabels: Record<NrmStatus, string> = {
  'not-yet-referred': 'Not yet referred',
  'referred-awaiting-decision': 'Referred; awaiting a Reasonable Grounds decision',
  'positive-reasonable-grounds': 'Positive Reasonable Grounds decision',
  'negative-reasonable-grounds': 'Negative Reasonable Grounds decision',
  'positive-conclusive-grounds': 'Positive Conclusive Grounds decision',
  'negative-conclusive-grounds': 'Negative Conclusive Grounds decision',
  'declined-consent-duty-to-notify-made': 'Adult declined consent to referral; Duty to Notify made',
}

// law-and-process.md §2.3–§2.5, §9 items 1 and 3; indicators.md §6.1 (SECONDARY), §6.3, §6.6.
function nrmGuidance(status: NrmStatus, child: boolean): string | null {
  switch (status) {
    case 'not-yet-referred':
      return child
        ? 'A child must be referred to the NRM; consent is not needed.'
        : 'Refer with the person’s informed consent; without consent, notify the Home Office under the Duty to Notify (s52). The CPS expects a referral unless there is clear and sufficient evidence that the person is not a victim.'
    case 'positive-conclusive-grounds':
    case 'positive-reasonable-grounds':
      return 'A prosecutor who disagrees with the Competent Authority needs clear reasons consistent with the definition of trafficking (V.C.L. and A.N. v United Kingdom, 2021).'
    case 'negative-reasonable-grounds':
    case 'negative-conclusive-grounds':
      return 'A negative decision does not bind the court and does not by itself answer the s45 question (SECONDARY: case digest of R v L(C) and later cases).'
    case 'declined-consent-duty-to-notify-made':
      return 'Without consent, the charging decision is made on the other information available.'
    case 'referred-awaiting-decision':
      return 'The threshold test may be applied before the NRM decision is known.'
  }
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

/**
 * The prepared note for the CPS file for a person in custody with indicators of modern slavery: the indicators,
 * NRM position, the s45 assessment of each offence, the evidence to gather, the burden, and what still applies.
 * Plain text; nothing is produced unless every offence is identified.
 */
export function cpsNote(request: CpsNoteRequest): CpsNoteResult {
  const errors: CpsNoteError[] = []
  const need = (ok: boolean, code: CpsNoteError['code'], field: string, message: string) => {
    if (!ok) errors.push({ code, field, message, suggestions: [] })
  }
  need(
    present(request.custodyRecordRef),
    'custody-record-missing',
    'custodyRecordRef',
    'Enter the custody record reference.',
  )
  need(present(request.subjectRef), 'subject-missing', 'subjectRef', 'Enter the person’s reference.')
  need(present(request.preparedBy), 'prepared-by-missing', 'preparedBy', 'Enter who prepared the note.')
  const indicators = request.indicators.map((i) => i.trim()).filter((i) => i !== '')
  need(
    indicators.length > 0,
    'indicators-missing',
    'indicators',
    'Record at least one indicator of modern slavery: this note is for a person in custody with indicators.',
  )
  const offences = request.offences.filter(present)
  need(offences.length > 0, 'offences-missing', 'offences', 'Enter at least one offence.')

  const assessments: S45Assessment[] = []
  offences.forEach((offence, index) => {
    const result = assessS45({
      ageAtOffence: request.ageAtOffence,
      offence,
      ...(request.offenceDate === undefined ? {} : { offenceDate: request.offenceDate }),
    })
    if (result.ok) assessments.push(result.assessment)
    else {
      for (const e of result.errors) {
        const duplicate = e.field !== 'offence' && errors.some((x) => x.code === e.code)
        if (!duplicate) errors.push({ ...e, field: e.field === 'offence' ? `offences[${index}]` : e.field })
      }
    }
  })
  const first = assessments[0]
  if (errors.length > 0 || !first) return { ok: false, errors }

  const child = first.ageAtOffence < 18
  const lines: string[] = [
    'PREPARED NOTE FOR THE CPS FILE',
    'Possible victim of modern slavery: section 45 of the Modern Slavery Act 2015',
    '',
    `Custody record: ${request.custodyRecordRef.trim()}`,
    `Person: ${request.subjectRef.trim()} (reference only; identity is on the custody record)`,
    ...(present(request.force) ? [`Force: ${request.force.trim()}`] : []),
    `Prepared by: ${request.preparedBy.trim()}, ${request.preparedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Age at the time of the act: ${first.ageAtOffence} (${child ? 'under 18' : '18 or over'})`,
    `Date of the act: ${first.offenceDate ?? 'not recorded'}`,
    '',
    'Why this note',
    'Indicators of modern slavery were recorded for this person in custody. Prosecutors are asked to make proper inquiries, to ask the police to investigate the trafficking situation and to consider a National Referral Mechanism referral, even if a guilty plea is indicated.',
    '',
    'Indicators recorded',
    ...indicators.map((i) => `- ${i}`),
    '',
    'National Referral Mechanism',
    `- ${nrmLabels[request.nrm.status]}${present(request.nrm.date) ? ` (${request.nrm.date.trim()})` : ''}${present(request.nrm.reference) ? `, reference ${request.nrm.reference.trim()}` : ''}`,
  ]
  const guidance = nrmGuidance(request.nrm.status, child)
  if (guidance) lines.push(`- ${guidance}`)

  lines.push('', 'Offences and the section 45 defence')
  assessments.forEach((a, index) => {
    const name = a.offence ? `${a.offence.citation}: ${a.offence.label}` : a.offenceText
    lines.push(`${index + 1}. ${name}`)
    lines.push(`   ${a.available ? 'AVAILABLE IN PRINCIPLE' : 'NOT AVAILABLE'}. ${a.summary}`)
  })

  const available = assessments.find((a) => a.available)
  if (available) {
    lines.push(
      '',
      `Elements to consider (${available.limb === 'adult' ? 'adult limb, s45(1)' : 'under-18 limb, s45(4)'}) and evidence to gather`,
    )
    available.elements.forEach((element, index) => {
      lines.push(`${String.fromCharCode(97 + index)}) ${element.statute}: ${element.text}`)
      for (const item of element.evidenceToGather) lines.push(`   - ${item}`)
    })
    lines.push('', 'Burden of proof', available.burden)
  }

  lines.push('', 'Whether or not section 45 is available', ...first.stillApplies.map((s) => `- ${s}`))

  const confidence = weakest(assessments.map((a) => a.confidence))
  const notes = [...new Set(assessments.flatMap((a) => a.confidenceNotes))]
  lines.push('', `How sure Lantern is (${confidence})`, ...notes.map((n) => `- ${n}`))
  lines.push(
    '',
    `Schedule 4 data version ${SCHEDULE_4_VERSION} (${SCHEDULE_4_SOURCE_URL}). This note supports the charging decision; it is not legal advice and does not predict the outcome.`,
  )
  return { ok: true, text: `${lines.join('\n')}\n`, assessments }
}
