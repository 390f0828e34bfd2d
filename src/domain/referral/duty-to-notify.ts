import { z } from 'zod'
import { IsoDate, IsoInstant, ukDateOf } from '../deadlines/index.js'
import { ConsentConversation } from './consent.js'
import { ExploitationDetails } from './exploitation.js'
import { FirstResponder } from './first-responder.js'
import { ContactDetails, Gender } from './person.js'
import { type Issue, invalid, issuesOf, type Validated } from './validation.js'

// Modern Slavery Act 2015 s52(3), law-and-process.md §2.5 (CONFIRMED): a notification about an adult may identify
// them only if they consent. These fields exist only in the variant that records that consent.
export const identifyingFields = {
  name: 'name',
  otherNames: 'other names',
  dateOfBirth: 'date of birth',
  contactDetails: 'contact details',
  addresses: 'addresses',
  photographs: 'photographs',
} as const
export type IdentifyingField = keyof typeof identifyingFields

function refusedWithoutConsent(label: string) {
  return z
    .never({
      error: `A Duty to Notify report cannot hold the person's ${label} unless they consent to share their identity (Modern Slavery Act 2015 s52(3)): record that consent or remove the ${label}`,
    })
    .optional()
}

const unknownKeys = {
  error: (issue: { code?: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `A Duty to Notify report holds only the listed non-identifying details; it cannot take: ${(issue.keys ?? []).join(', ')}`
      : undefined,
}

// law-and-process.md §2.5 (PARTLY CONFIRMED; the field list is UNCONFIRMED): gender, age at exploitation,
// nationality, exploitation types, where and when, details of the exploitation and the exploiters.
const nonIdentifying = {
  firstResponder: FirstResponder,
  // law-and-process.md §2.4 (CONFIRMED): Duty to Notify cannot be used for a child, or a possible child.
  ageStatus: z.literal('adult', {
    error:
      'A Duty to Notify report is only for an adult: a child, or a person whose age is unknown or disputed, needs an NRM referral (§2.4)',
  }),
  // law-and-process.md §2.3, §2.5 (CONFIRMED): it is how the duty is met when an adult does not consent.
  nrmConsent: z.enum(['declined', 'withdrawn'], {
    error: 'A Duty to Notify report is for an adult who has declined or withdrawn consent to an NRM referral (§2.5)',
  }),
  gender: Gender,
  ageAtExploitation: z.number().int().min(0).max(120).nullable().default(null),
  nationalities: z.array(z.string().trim().min(1)).default([]),
  exploitation: ExploitationDetails,
}

export const AnonymousDutyToNotifyReport = z.strictObject(
  {
    consentToShareIdentity: z.literal(false),
    ...nonIdentifying,
    name: refusedWithoutConsent(identifyingFields.name),
    otherNames: refusedWithoutConsent(identifyingFields.otherNames),
    dateOfBirth: refusedWithoutConsent(identifyingFields.dateOfBirth),
    contactDetails: refusedWithoutConsent(identifyingFields.contactDetails),
    addresses: refusedWithoutConsent(identifyingFields.addresses),
    photographs: refusedWithoutConsent(identifyingFields.photographs),
  },
  unknownKeys,
)

export const PhotographRef = z.object({
  fileId: z.string().trim().min(1, 'A photograph needs the id of its stored file'),
  takenAt: IsoInstant.nullable().default(null),
})

export const IdentifiedDutyToNotifyReport = z.strictObject(
  {
    consentToShareIdentity: z.literal(true),
    identityConsent: z.object(
      { givenAt: IsoInstant, recordedBy: z.string().trim().min(1), conversation: ConsentConversation },
      { error: 'Record when and how the person consented to share their identity in the report' },
    ),
    ...nonIdentifying,
    name: z.string({ error: 'Record the person’s name' }).trim().min(1, 'Record the person’s name'),
    otherNames: z.array(z.string().trim().min(1)).default([]),
    dateOfBirth: IsoDate.nullable().default(null),
    contactDetails: ContactDetails.default({ phone: null, email: null }),
    addresses: z.array(z.string().trim().min(1)).default([]),
    photographs: z.array(PhotographRef).default([]),
  },
  unknownKeys,
)

/**
 * The privacy guarantee: without `consentToShareIdentity: true` (and the consent record that goes with it), the
 * report has no place for a name, date of birth, contact details, addresses or photographs, in the type or at runtime.
 */
export const DutyToNotifyReport = z.discriminatedUnion(
  'consentToShareIdentity',
  [AnonymousDutyToNotifyReport, IdentifiedDutyToNotifyReport],
  {
    error:
      'Record whether the person consents to their identity being shared in the Duty to Notify report (consentToShareIdentity: true or false)',
  },
)
export type DutyToNotifyReport = z.infer<typeof DutyToNotifyReport>
export type AnonymousDutyToNotifyReport = z.infer<typeof AnonymousDutyToNotifyReport>

/** Schema, then the rules that need today's date: nothing in the future. */
export function validateDutyToNotify(input: unknown, now: Date): Validated<DutyToNotifyReport> {
  const parsed = DutyToNotifyReport.safeParse(input)
  if (!parsed.success) return invalid(issuesOf(parsed.error))
  const report = parsed.data
  const today = ukDateOf(now)
  const issues: Issue[] = []
  const { startedOn, endedOn } = report.exploitation.period
  if (startedOn !== null && startedOn > today) {
    issues.push({
      path: 'exploitation.period.startedOn',
      message: `The start of the exploitation (${startedOn}) cannot be in the future`,
    })
  }
  if (endedOn !== null && endedOn > today) {
    issues.push({
      path: 'exploitation.period.endedOn',
      message: `The end of the exploitation (${endedOn}) cannot be in the future`,
    })
  }
  if (report.consentToShareIdentity) {
    if (Date.parse(report.identityConsent.givenAt) > now.getTime()) {
      issues.push({
        path: 'identityConsent.givenAt',
        message: `Consent cannot be dated in the future (${report.identityConsent.givenAt})`,
      })
    }
    if (report.dateOfBirth !== null && report.dateOfBirth > today) {
      issues.push({ path: 'dateOfBirth', message: `The date of birth (${report.dateOfBirth}) cannot be in the future` })
    }
  }
  return issues.length > 0 ? invalid(issues) : { ok: true, value: report, warnings: [] }
}

/** The same report with every identifying detail removed, e.g. when consent to share identity is withdrawn. */
export function anonymiseDutyToNotify(report: DutyToNotifyReport): AnonymousDutyToNotifyReport {
  if (!report.consentToShareIdentity) return report
  const { firstResponder, ageStatus, nrmConsent, gender, ageAtExploitation, nationalities, exploitation } = report
  return {
    consentToShareIdentity: false,
    firstResponder,
    ageStatus,
    nrmConsent,
    gender,
    ageAtExploitation,
    nationalities,
    exploitation,
  }
}
