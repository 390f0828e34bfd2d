import { z } from 'zod'
import { addWorkingDays, IsoDate, type Region } from '../deadlines/index.js'
import type { Confidence } from '../shared/vocabulary.js'
import { type AgeStatus, isTreatedAsChild } from './age-status.js'
import { accept, type Result, refuse } from './result.js'
import { rulesAt } from './rules.js'

const SALVATION_ARMY = 'https://www.salvationarmy.org.uk/modern-slavery/new-victim-care-contract'
const WEST_MIDLANDS = 'https://westmidlandsantislavery.org/support-available-in-the-nrm/'
const ATHUB = 'https://athub.org.uk/knowledge-base/the-victim-care-contract-msvcc/'

type MsvccDetail = { readonly label: string; readonly url: string; readonly confidence: Confidence }

// law-and-process.md §2.10: what the Modern Slavery Victim Care Contract offers adults in England and Wales.
export const MsvccItem = z.enum(
  [
    'safe-accommodation',
    'outreach-support',
    'practical-help-and-advice',
    'interpreting-and-translation',
    'financial-support',
    'healthcare',
    'specialist-legal-advice',
    'education-for-dependent-children',
    'transport-to-appointments',
    'planning-for-the-future',
    'counselling',
    'help-into-education-work-housing',
    'material-assistance',
    'compensation-information',
    'help-to-return-home',
    'help-during-criminal-proceedings',
    'transition-support',
  ],
  { error: 'Choose a support item from the victim care contract list' },
)
export type MsvccItem = z.infer<typeof MsvccItem>

const msvccDetails: Record<MsvccItem, MsvccDetail> = {
  'safe-accommodation': { label: 'Safe accommodation', url: SALVATION_ARMY, confidence: 'CONFIRMED' },
  'outreach-support': { label: 'Outreach support from a support worker', url: ATHUB, confidence: 'CONFIRMED' },
  'practical-help-and-advice': { label: 'Practical help and advice', url: SALVATION_ARMY, confidence: 'CONFIRMED' },
  'interpreting-and-translation': {
    label: 'Interpreting and translation',
    url: SALVATION_ARMY,
    confidence: 'CONFIRMED',
  },
  'financial-support': { label: 'Financial support', url: SALVATION_ARMY, confidence: 'CONFIRMED' },
  healthcare: {
    label: 'Healthcare for physical, emotional and mental health',
    url: SALVATION_ARMY,
    confidence: 'CONFIRMED',
  },
  'specialist-legal-advice': { label: 'Specialist legal advice', url: SALVATION_ARMY, confidence: 'CONFIRMED' },
  'education-for-dependent-children': {
    label: 'Education for dependent children of school age',
    url: SALVATION_ARMY,
    confidence: 'CONFIRMED',
  },
  'transport-to-appointments': { label: 'Transport to key appointments', url: SALVATION_ARMY, confidence: 'CONFIRMED' },
  'planning-for-the-future': { label: 'Planning for the future', url: SALVATION_ARMY, confidence: 'CONFIRMED' },
  counselling: { label: 'Counselling', url: WEST_MIDLANDS, confidence: 'CONFIRMED' },
  'help-into-education-work-housing': {
    label: 'Help into education, work and housing',
    url: WEST_MIDLANDS,
    confidence: 'CONFIRMED',
  },
  'material-assistance': { label: 'Material assistance', url: WEST_MIDLANDS, confidence: 'CONFIRMED' },
  'compensation-information': { label: 'Information on compensation', url: WEST_MIDLANDS, confidence: 'CONFIRMED' },
  'help-to-return-home': { label: 'Help to return home', url: WEST_MIDLANDS, confidence: 'CONFIRMED' },
  'help-during-criminal-proceedings': {
    label: 'Help during criminal proceedings',
    url: WEST_MIDLANDS,
    confidence: 'CONFIRMED',
  },
  'transition-support': { label: 'Transition support', url: WEST_MIDLANDS, confidence: 'CONFIRMED' },
}

export const MSVCC_ITEMS: readonly {
  id: MsvccItem
  label: string
  source: { ref: string; url: string; confidence: Confidence }
}[] = MsvccItem.options.map((id) => ({
  id,
  label: msvccDetails[id].label,
  source: { ref: 'law-and-process.md §2.10', url: msvccDetails[id].url, confidence: msvccDetails[id].confidence },
}))

// law-and-process.md §2.10 (CONFIRMED): emergency accommodation before the RG decision is for these situations.
export const EmergencyAccommodationReason = z.enum(['destitute', 'destitute-within-two-weeks', 'no-safe-housing'], {
  error: 'Say why emergency accommodation is needed: destitute now, destitute within two weeks, or no safe housing',
})
export type EmergencyAccommodationReason = z.infer<typeof EmergencyAccommodationReason>

export const SupportResponse = z.enum(['pending', 'accepted', 'declined'])
export type SupportResponse = z.infer<typeof SupportResponse>

const offer = {
  offeredOn: IsoDate,
  response: SupportResponse,
  respondedOn: IsoDate.nullable().default(null),
  notes: z.string().trim().min(1).nullable().default(null),
}

// law-and-process.md §2.4: ICTG service shape (direct work vs Regional Practice Coordinator) is UNCONFIRMED.
export const IctgService = z.enum(['direct-work', 'regional-practice-coordinator', 'not-known'])

export const SupportRecord = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('msvcc'), item: MsvccItem, ...offer }),
    z.object({ type: z.literal('emergency-accommodation'), reason: EmergencyAccommodationReason, ...offer }),
    z.object({
      type: z.literal('place-of-safety'),
      ...offer,
      startedOn: IsoDate.nullable().default(null),
      endedOn: IsoDate.nullable().default(null),
      provider: z.string().trim().min(1).nullable().default(null),
    }),
    z.object({
      type: z.literal('ictg'),
      ...offer,
      localAuthority: z.string().trim().min(1, 'Name the local authority for the guardian referral'),
      service: IctgService.default('not-known'),
      allocatedOn: IsoDate.nullable().default(null),
    }),
  ],
  { error: 'Say what support this is: victim care contract, emergency accommodation, Place of Safety or guardian' },
)
export type SupportRecord = z.infer<typeof SupportRecord>

export const ContactChannel = z.enum([
  'phone-call',
  'text-message',
  'email',
  'post',
  'in-person',
  'via-support-worker',
  'via-legal-representative',
])

// law-and-process.md §9.14: record how the person wants to be contacted; contact must never put them at risk.
export const ContactPreferences = z
  .object({
    methods: z.array(
      z.object({
        channel: ContactChannel,
        detail: z.string().trim().min(1).nullable().default(null),
        safeToLeaveMessage: z.boolean({ error: 'Say whether it is safe to leave a message' }),
      }),
    ),
    contactDeclined: z.boolean().default(false),
    language: z.string().trim().min(1, 'Record the language to use'),
    interpreterNeeded: z.boolean(),
    bestTimes: z.string().trim().min(1).nullable().default(null),
    avoid: z.string().trim().min(1).nullable().default(null),
  })
  .superRefine((prefs, ctx) => {
    if (prefs.methods.length === 0 && !prefs.contactDeclined) {
      ctx.addIssue({
        code: 'custom',
        path: ['methods'],
        message: 'Record at least one way to contact the person, or that they do not want to be contacted',
      })
    }
    if (prefs.methods.length > 0 && prefs.contactDeclined) {
      ctx.addIssue({
        code: 'custom',
        path: ['contactDeclined'],
        message: 'The person cannot both decline contact and give a way to be contacted',
      })
    }
  })
export type ContactPreferences = z.infer<typeof ContactPreferences>

export type SupportRefusalCode =
  | 'invalid'
  | 'date-in-future'
  | 'response-date'
  | 'guardian-for-children-only'
  | 'place-of-safety-too-long'
  | 'place-of-safety-dates'

/** Checks a support record against the person's age, the dates and the Places of Safety limit. */
export function validateSupport(
  input: unknown,
  context: { ageStatus: AgeStatus; region: Region; today: IsoDate },
): Result<SupportRecord, SupportRefusalCode> {
  const parsed = SupportRecord.safeParse(input)
  if (!parsed.success) return refuse('invalid', parsed.error.issues[0]?.message ?? 'The support record is not valid')
  const record = parsed.data
  const child = isTreatedAsChild(context.ageStatus)
  if (record.offeredOn > context.today) {
    return refuse(
      'date-in-future',
      `Support cannot be recorded as offered on ${record.offeredOn}, which is in the future`,
    )
  }
  if (record.response === 'pending' && record.respondedOn !== null) {
    return refuse('response-date', 'A response date is recorded only once the person has accepted or declined')
  }
  if (record.respondedOn !== null && (record.respondedOn < record.offeredOn || record.respondedOn > context.today)) {
    return refuse('response-date', `The response date ${record.respondedOn} must be between the offer and today`)
  }
  // law-and-process.md §2.4 (CONFIRMED): Independent Child Trafficking Guardians are for children (MSA s48).
  if (record.type === 'ictg' && !child) {
    return refuse('guardian-for-children-only', 'An Independent Child Trafficking Guardian is only for a child')
  }
  const warnings: string[] = []
  // law-and-process.md §2.10 (PARTLY CONFIRMED): children are supported by children's services, not the MSVCC.
  if (child && (record.type === 'msvcc' || record.type === 'emergency-accommodation')) {
    warnings.push(
      "Children are usually supported by the local authority's children's services, not the victim care contract",
    )
  }
  if (record.type === 'place-of-safety' && record.startedOn !== null) {
    if (record.startedOn > context.today) {
      return refuse(
        'date-in-future',
        `A Place of Safety cannot be recorded as started on ${record.startedOn}, in the future`,
      )
    }
    if (record.endedOn !== null) {
      if (record.endedOn < record.startedOn) {
        return refuse('place-of-safety-dates', 'A Place of Safety stay cannot end before it started')
      }
      // law-and-process.md §2.10 (CONFIRMED): up to three working days.
      const limit = rulesAt(record.startedOn).placesOfSafetyMaxWorkingDays.value
      const latestEnd = addWorkingDays(record.startedOn, limit, context.region)
      if (record.endedOn > latestEnd) {
        return refuse(
          'place-of-safety-too-long',
          `A Place of Safety is for up to ${limit} working days: a stay from ${record.startedOn} ends by ${latestEnd}`,
        )
      }
    }
  }
  return accept(record, warnings)
}
