import { z } from 'zod'
import { type IsoDate, IsoInstant, ukDateOf } from '../deadlines/index.js'
import type { SourceRef } from '../shared/vocabulary.js'
import { ageInYears, isTreatedAsChild } from './age-status.js'
import { ConsentConversation } from './consent.js'
import { ExploitationDetails } from './exploitation.js'
import { FirstResponder } from './first-responder.js'
import { PersonDetails } from './person.js'
import { SafeguardingReferral } from './safeguarding-referral.js'
import { EmergencyAccommodationReason, MsvccItem } from './support.js'
import { type Issue, invalid, issuesOf, type Validated } from './validation.js'

// law-and-process.md §2.11: the section structure is from memory and UNCONFIRMED against the gov.uk prompt sheet.
export const NRM_FORM_STRUCTURE_SOURCE: SourceRef = {
  ref: 'law-and-process.md §2.11',
  url: 'https://westmidlandsantislavery.org/how-to-do-an-nrm-form/',
  confidence: 'UNCONFIRMED',
}

const optionalText = z.string().trim().min(1).nullable().default(null)

export const NeedsAndRisks = z
  .object({
    immediateRisk: z.boolean({ error: 'Say whether the person is at immediate risk' }),
    riskDetails: optionalText,
    accommodationNeeded: z.boolean({ error: 'Say whether the person needs somewhere safe to stay' }),
    medicalNeeds: optionalText,
    otherNeeds: optionalText,
  })
  .superRefine((needs, ctx) => {
    if (needs.immediateRisk && needs.riskDetails === null) {
      ctx.addIssue({ code: 'custom', path: ['riskDetails'], message: 'Describe the immediate risk to the person' })
    }
  })

// law-and-process.md §2.10 (CONFIRMED): first responders can ask for emergency housing and medical care at once.
export const SupportRequested = z
  .object({
    emergencyAccommodation: z.boolean({ error: 'Say whether emergency accommodation is requested' }),
    emergencyAccommodationReason: EmergencyAccommodationReason.nullable().default(null),
    placeOfSafety: z.boolean({ error: 'Say whether a Place of Safety is requested' }),
    msvcc: z.array(MsvccItem).default([]),
  })
  .superRefine((support, ctx) => {
    if (support.emergencyAccommodation && support.emergencyAccommodationReason === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyAccommodationReason'],
        message:
          'Say why emergency accommodation is needed: destitute now, destitute within two weeks, or no safe housing',
      })
    }
  })

export const AgenciesInvolved = z.object({
  crimeReference: optionalText,
  localAuthority: optionalText,
  socialWorker: optionalText,
  others: z.array(z.string().trim().min(1)).default([]),
})

const sections = {
  firstResponder: FirstResponder,
  person: PersonDetails,
  exploitation: ExploitationDetails,
  needsAndRisks: NeedsAndRisks,
  supportRequested: SupportRequested,
  agencies: AgenciesInvolved.default({ crimeReference: null, localAuthority: null, socialWorker: null, others: [] }),
}

// law-and-process.md §2.3 (CONFIRMED): an adult's referral carries their informed consent.
export const AdultConsentRecord = z.object(
  { givenAt: IsoInstant, recordedBy: z.string().trim().min(1), conversation: ConsentConversation },
  { error: 'An adult NRM referral needs the consent record: when consent was given, by whom and how it was asked' },
)

export const NrmReferral = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('nrm-adult'), ...sections, consent: AdultConsentRecord }),
    z.object({
      kind: z.literal('nrm-child'),
      ...sections,
      // law-and-process.md §2.4, §9.1 (CONFIRMED): a child does not consent; they are safeguarded first.
      consent: z
        .never({ error: 'A child is referred without asking for consent: remove the consent section (§2.4)' })
        .optional(),
      safeguardingReferral: SafeguardingReferral,
    }),
  ],
  { error: 'Say whether this is an NRM referral for an adult (nrm-adult) or a child (nrm-child)' },
)
export type NrmReferral = z.infer<typeof NrmReferral>

function notInFuture(date: IsoDate | null, today: IsoDate, path: string, what: string): Issue[] {
  return date !== null && date > today ? [{ path, message: `${what} (${date}) cannot be in the future` }] : []
}

function instantNotInFuture(instant: string | null, now: Date, path: string, what: string): Issue[] {
  return instant !== null && Date.parse(instant) > now.getTime()
    ? [{ path, message: `${what} (${instant}) cannot be in the future` }]
    : []
}

/** Schema, then the rules that need today's date or cross sections: age against kind, and no future dates. */
export function validateNrmReferral(input: unknown, now: Date): Validated<NrmReferral> {
  const parsed = NrmReferral.safeParse(input)
  if (!parsed.success) return invalid(issuesOf(parsed.error))
  const referral = parsed.data
  const today = ukDateOf(now)
  const { person, exploitation } = referral
  const issues: Issue[] = [
    ...notInFuture(person.dateOfBirth, today, 'person.dateOfBirth', 'The date of birth'),
    ...notInFuture(
      exploitation.period.startedOn,
      today,
      'exploitation.period.startedOn',
      'The start of the exploitation',
    ),
    ...notInFuture(exploitation.period.endedOn, today, 'exploitation.period.endedOn', 'The end of the exploitation'),
  ]
  if (referral.kind === 'nrm-adult') {
    issues.push(...instantNotInFuture(referral.consent.givenAt, now, 'consent.givenAt', 'The time consent was given'))
    // law-and-process.md §2.4, §9.1 (CONFIRMED): anyone who is or may be under 18 is referred as a child.
    if (isTreatedAsChild(person.ageStatus)) {
      issues.push({
        path: 'person.ageStatus',
        message: 'The person is, or may be, under 18: make a child NRM referral, without asking for consent (§2.4)',
      })
    } else if (
      person.dateOfBirth !== null &&
      person.dateOfBirth <= today &&
      ageInYears(person.dateOfBirth, today) < 18
    ) {
      issues.push({
        path: 'person.dateOfBirth',
        message: `The date of birth makes the person ${ageInYears(person.dateOfBirth, today)}: a person under 18 needs a child NRM referral (§2.4)`,
      })
    } else if (person.estimatedAge !== null && person.estimatedAge < 18) {
      issues.push({
        path: 'person.estimatedAge',
        message: `The estimated age is ${person.estimatedAge}: a person who may be under 18 needs a child NRM referral (§2.4)`,
      })
    }
  } else {
    issues.push(
      ...instantNotInFuture(
        referral.safeguardingReferral.referredAt,
        now,
        'safeguardingReferral.referredAt',
        'The time of the safeguarding referral',
      ),
    )
    if (!isTreatedAsChild(person.ageStatus)) {
      issues.push({
        path: 'person.ageStatus',
        message:
          'The person is recorded as an adult: make an adult NRM referral with their consent, or correct the age status',
      })
    }
  }
  if (issues.length > 0) return invalid(issues)
  const warnings =
    referral.kind === 'nrm-child' &&
    (referral.supportRequested.msvcc.length > 0 || referral.supportRequested.emergencyAccommodation)
      ? [
          "Children are usually supported by the local authority's children's services, not the victim care contract (§2.10)",
        ]
      : []
  return { ok: true, value: referral, warnings }
}

/** The form's sections in order, for the PDF and JSON export; the structure itself is UNCONFIRMED. */
export const NRM_FORM_SECTIONS = [
  { key: 'firstResponder', title: 'First responder' },
  { key: 'kind', title: 'Referral type' },
  { key: 'consent', title: 'Consent (adults)' },
  { key: 'safeguardingReferral', title: 'Safeguarding referral (children)' },
  { key: 'person', title: 'The potential victim' },
  { key: 'exploitation', title: 'Exploitation' },
  { key: 'needsAndRisks', title: 'Needs and risks' },
  { key: 'supportRequested', title: 'Support requested' },
  { key: 'agencies', title: 'Agencies involved' },
] as const satisfies readonly { key: string; title: string }[]
