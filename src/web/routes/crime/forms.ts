import { z } from 'zod'
import { AviEvidenceKind, HOCR_CLASSIFICATIONS, ReferralKind } from '../../../domain/referral/index.js'
import { ukLocalToInstant } from '../identify/encounter-steps.js'

const required = (msg: string) => z.string({ error: msg }).trim().min(1, msg)

/** Day, month, year and time typed on a page (fields `<prefix>-day` …) → an ISO instant in UK time, not in the future. */
export function dateTimeFields(prefix: string, what: string, now: () => Date) {
  return {
    shape: {
      [`${prefix}-day`]: required(`Enter the day ${what}`),
      [`${prefix}-month`]: required(`Enter the month ${what}`),
      [`${prefix}-year`]: required(`Enter the year ${what}`),
      [`${prefix}-time`]: required(`Enter the time ${what}`),
    },
    toInstant(v: Record<string, string>, ctx: z.RefinementCtx): string | null {
      const [d, m, y] = [Number(v[`${prefix}-day`]), Number(v[`${prefix}-month`]), Number(v[`${prefix}-year`])]
      const time = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(v[`${prefix}-time`] ?? '')
      const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
      if (
        ![d, m, y].every(Number.isInteger) ||
        Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) ||
        new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) !== iso
      ) {
        ctx.addIssue({ code: 'custom', message: `The date ${what} must be a real date`, path: [`${prefix}-day`] })
        return null
      }
      if (!time) {
        ctx.addIssue({
          code: 'custom',
          message: 'Enter the time as hours and minutes, like 14:30',
          path: [`${prefix}-time`],
        })
        return null
      }
      if (y < 2015) {
        ctx.addIssue({ code: 'custom', message: 'The year must be 2015 or later', path: [`${prefix}-year`] })
        return null
      }
      const instant = ukLocalToInstant(`${iso}T${(time[1] ?? '0').padStart(2, '0')}:${time[2] ?? '00'}:00`)
      if (instant.getTime() > now().getTime()) {
        ctx.addIssue({
          code: 'custom',
          message: `The date and time ${what} must be in the past`,
          path: [`${prefix}-day`],
        })
        return null
      }
      return instant.toISOString()
    },
  }
}

const classificationCodes = HOCR_CLASSIFICATIONS.map((c) => c.code) as [string, ...string[]]

export function recordCrimeForm(now: () => Date) {
  const when = dateTimeFields('recorded', 'the crime was recorded', now)
  return z
    .object({
      crimeReference: required('Enter the crime reference').pipe(
        z.string().max(50, 'The crime reference must be 50 characters or fewer'),
      ),
      classification: z.enum(classificationCodes, { error: 'Select the classification' }),
      ...when.shape,
    })
    .transform((v, ctx) => {
      const recordedAt = when.toInstant(v as unknown as Record<string, string>, ctx)
      if (recordedAt === null) return z.NEVER
      return { crimeReference: v.crimeReference, classification: v.classification, recordedAt }
    })
}
export type RecordCrimeForm = z.infer<ReturnType<typeof recordCrimeForm>>

export const aviKindLabels: Record<z.infer<typeof AviEvidenceKind>, string> = {
  'negative-nrm-decision': 'A negative NRM decision (Reasonable or Conclusive Grounds)',
  document: 'A document',
  'witness-statement': 'A witness statement',
  recording: 'A recording (for example CCTV or body-worn video)',
  'official-record': 'An official record (for example payroll, HMRC or immigration records)',
  other: 'Something else',
}

export const CancelForm = z.object({
  evidenceKind: z.enum(AviEvidenceKind.options, { error: 'Select what the Additional Verifiable Information is' }),
  evidenceDescription: required('Describe the information and how it was verified').pipe(
    z.string().max(2000, 'The description must be 2000 characters or fewer'),
  ),
  rationale: required('Explain what the Additional Verifiable Information shows').pipe(
    z.string().max(5000, 'The explanation must be 5000 characters or fewer'),
  ),
})
export type CancelForm = z.infer<typeof CancelForm>

export const DecisionForm = z
  .object({
    outcome: z.enum(['approved', 'rejected'], { error: 'Select whether you approve the cancellation' }),
    reason: z.string().trim().max(2000, 'The reason must be 2000 characters or fewer').optional(),
  })
  .refine((v) => v.outcome === 'approved' || (v.reason ?? '').length > 0, {
    message: 'Say why you are rejecting the cancellation',
    path: ['reason'],
  })

export const SettingsForm = z
  .object({
    useDefault: z.enum(['default', 'custom'], { error: 'Select the time limit your force uses' }),
    hours: z.string().trim().optional(),
  })
  .transform((v, ctx) => {
    if (v.useDefault === 'default') return { hours: null }
    if (!v.hours || !/^\d{1,3}$/.test(v.hours)) {
      ctx.addIssue({ code: 'custom', message: 'Enter the time limit as a whole number of hours', path: ['hours'] })
      return z.NEVER
    }
    const hours = Number(v.hours)
    if (hours < 1 || hours > 720) {
      ctx.addIssue({ code: 'custom', message: 'The time limit must be between 1 and 720 hours', path: ['hours'] })
      return z.NEVER
    }
    return { hours }
  })

// ---- The received-referral journey, one question per page ----

export const ReceivedKindForm = z.object({
  kind: z.enum(ReferralKind.options, { error: 'Select what you received' }),
})

export const ReceivedSenderForm = z.object({
  firstResponderOrganisation: required('Enter the organisation that sent it').pipe(
    z.string().max(200, 'The organisation name must be 200 characters or fewer'),
  ),
  externalReference: z.string().trim().max(100, 'Their reference must be 100 characters or fewer').optional(),
})

export function receivedWhenForm(now: () => Date) {
  const when = dateTimeFields('received', 'it was received', now)
  return z.object({ ...when.shape }).transform((v, ctx) => {
    const receivedAt = when.toInstant(v as unknown as Record<string, string>, ctx)
    if (receivedAt === null) return z.NEVER
    return { receivedAt }
  })
}

export const ReceivedWhereForm = z
  .object({
    exploitationLocation: z.enum(['uk', 'overseas', 'both', 'not-known'], {
      error: 'Select where the exploitation happened',
    }),
    exploitationForceId: z.string().optional(),
  })
  .transform((v) => ({
    exploitationLocation: v.exploitationLocation,
    exploitationForceId: v.exploitationLocation === 'overseas' ? '' : (v.exploitationForceId ?? ''),
  }))

/** UK-time parts for pre-filling a date-time question from an ISO instant. */
export function ukParts(prefix: string, iso: string | null | undefined): Record<string, string> {
  if (!iso) return {}
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso))
  const get = (t: string) => f.find((p) => p.type === t)?.value ?? ''
  return {
    [`${prefix}-day`]: get('day'),
    [`${prefix}-month`]: get('month'),
    [`${prefix}-year`]: get('year'),
    [`${prefix}-time`]: `${get('hour')}:${get('minute')}`,
  }
}
