import { z } from 'zod'
import type { SourceRef } from '../shared/vocabulary.js'

// Lines of evidence for a prosecution that does not rest on the victim's testimony, so that a victim who
// disengages does not end the case (issue 6 "Investigations"; law-and-process.md §1.2: investigations closed
// too soon, CONFIRMED, and victims losing touch, UNCONFIRMED). The categories come from the issue, not from a
// published checklist, so the list is labelled UNCONFIRMED as guidance.
export const evidenceCategoryIds = [
  'financial',
  'communications',
  'anpr-and-travel',
  'premises',
  'third-party-witnesses',
  'open-source',
] as const
export const EvidenceCategoryId = z.enum(evidenceCategoryIds)
export type EvidenceCategoryId = z.infer<typeof EvidenceCategoryId>

export const EvidenceItem = z.object({ id: z.string().min(1), text: z.string().min(1) })

export const EvidenceCategory = z.object({
  id: EvidenceCategoryId,
  title: z.string().min(1),
  why: z.string().min(1),
  items: z.array(EvidenceItem).min(1),
})
export type EvidenceCategory = z.infer<typeof EvidenceCategory>

export const EVIDENCE_CHECKLIST_VERSION = '1'
export const EVIDENCE_CHECKLIST_SOURCE: SourceRef = {
  ref: 'issue 6; law-and-process.md §1.2',
  confidence: 'UNCONFIRMED',
}

export const EVIDENCE_CHECKLIST: readonly EvidenceCategory[] = [
  {
    id: 'financial',
    title: 'Financial enquiries',
    why: 'Money shows who controls and profits from the exploitation, without needing the victim to say so.',
    items: [
      { id: 'financial-accounts', text: 'Bank accounts held by or for victims, and who controls the cards and PINs' },
      { id: 'financial-flows', text: 'Payments from victims’ wages or earnings to suspects and their associates' },
      { id: 'financial-rent', text: 'Rent, accommodation and transport payments linked to the suspects' },
      { id: 'financial-benefits', text: 'Benefit claims or loans made in victims’ names' },
      { id: 'financial-money-transfer', text: 'Money transfer and remittance records abroad' },
      { id: 'financial-confiscation', text: 'Referral to a financial investigator for restraint and confiscation' },
    ],
  },
  {
    id: 'communications',
    title: 'Phones and communications data',
    why: 'Instructions, threats, adverts and rotas are often in messages and call records.',
    items: [
      { id: 'communications-seizure', text: 'Phones and SIM cards seized from suspects, victims and premises' },
      {
        id: 'communications-download',
        text: 'Downloads of seized devices (messages, photos, contacts, location history)',
      },
      {
        id: 'communications-data',
        text: 'Communications data: subscriber, call and cell-site records for linked numbers',
      },
      { id: 'communications-apps', text: 'Messaging and social media accounts used to recruit, advertise or control' },
    ],
  },
  {
    id: 'anpr-and-travel',
    title: 'ANPR and travel',
    why: 'Movements of vehicles and people show transport to and between places of exploitation.',
    items: [
      { id: 'travel-anpr', text: 'ANPR reads for vehicles linked to the suspects' },
      { id: 'travel-vehicles', text: 'Vehicle keepers, insurance and hire records' },
      { id: 'travel-borders', text: 'Flights, ferries, coaches and border crossings of suspects and victims' },
      { id: 'travel-tickets', text: 'Tickets and travel bookings paid for by the suspects' },
    ],
  },
  {
    id: 'premises',
    title: 'Premises',
    why: 'The conditions people live and work in are evidence of control and exploitation.',
    items: [
      { id: 'premises-search', text: 'Search of premises, with photographs and video of the conditions found' },
      {
        id: 'premises-occupancy',
        text: 'Occupancy: beds, belongings and documents showing how many people live there',
      },
      { id: 'premises-tenancy', text: 'Tenancy, ownership, utilities and council tax records' },
      { id: 'premises-cctv', text: 'CCTV at and around the premises' },
      { id: 'premises-forensics', text: 'Forensic examination (fingerprints, DNA) tying suspects to the premises' },
    ],
  },
  {
    id: 'third-party-witnesses',
    title: 'Third-party witnesses',
    why: 'People around the exploitation can describe it without the victim having to give evidence.',
    items: [
      { id: 'witness-neighbours', text: 'Neighbours, landlords and local businesses' },
      { id: 'witness-workplace', text: 'Employers, labour users, agencies and co-workers' },
      { id: 'witness-professionals', text: 'Health, social care, school and support workers who saw the victim' },
      { id: 'witness-officers', text: 'Officers’ first accounts of what they saw at the encounter' },
    ],
  },
  {
    id: 'open-source',
    title: 'Open source',
    why: 'Adverts and public profiles show recruitment, sale of services and the suspects’ links.',
    items: [
      { id: 'open-source-adverts', text: 'Job and sex-work adverts, with the phone numbers and images they use' },
      { id: 'open-source-social', text: 'Public social media profiles of suspects and their businesses' },
      { id: 'open-source-companies', text: 'Companies House records of businesses, directors and addresses' },
    ],
  },
]

export const evidenceItemStatuses = ['not-started', 'in-progress', 'done', 'not-applicable'] as const
export const EvidenceItemState = z
  .object({
    itemId: z.string().min(1),
    status: z.enum(evidenceItemStatuses),
    note: z.string().trim().nullable(),
  })
  .refine((s) => s.status !== 'not-applicable' || (s.note !== null && s.note !== ''), {
    error: 'Say why this line of evidence does not apply.',
    path: ['note'],
  })
export type EvidenceItemState = z.infer<typeof EvidenceItemState>

export const ChecklistProgress = z.object({
  total: z.number().int(),
  done: z.number().int(),
  notApplicable: z.number().int(),
  outstanding: z.array(z.object({ categoryId: EvidenceCategoryId, itemId: z.string(), text: z.string() })),
})
export type ChecklistProgress = z.infer<typeof ChecklistProgress>

/** How far the evidence checklist has got; an item with no recorded state is outstanding. */
export function checklistProgress(states: readonly EvidenceItemState[]): ChecklistProgress {
  const byId = new Map(states.map((s) => [s.itemId, s.status]))
  const outstanding: ChecklistProgress['outstanding'] = []
  let total = 0
  let done = 0
  let notApplicable = 0
  for (const category of EVIDENCE_CHECKLIST) {
    for (const item of category.items) {
      total++
      const status = byId.get(item.id)
      if (status === 'done') done++
      else if (status === 'not-applicable') notApplicable++
      else outstanding.push({ categoryId: category.id, itemId: item.id, text: item.text })
    }
  }
  return { total, done, notApplicable, outstanding }
}
