import { z } from 'zod'

// Outcomes recorded against suspects: charge, no further action, CPS decision, court result and sentence
// (issue 6 "Outcomes and orders"). A conviction, or a finding that the person did the act, is what makes an
// STPO on sentencing possible (law-and-process.md §4.4, s14, CONFIRMED).
const about = {
  id: z.string().min(1),
  suspectId: z.string().min(1),
  recordedBy: z.string().min(1),
}

export const Charge = z.object({
  type: z.literal('charge'),
  ...about,
  chargedAt: z.date(),
  /** Offences as charged, each as Lantern's offence parser reads them (src/domain/s45). */
  offences: z.array(z.string().trim().min(1)).min(1, { error: 'Record at least one offence charged.' }),
  authorisedBy: z.enum(['cps', 'police']),
})

export const NoFurtherAction = z.object({
  type: z.literal('no-further-action'),
  ...about,
  decidedAt: z.date(),
  decidedBy: z.enum(['police', 'cps']),
  basis: z.enum(['evidential', 'public-interest']),
  rationale: z.string().trim().min(1, { error: 'Record why no further action is being taken.' }),
})

export const cpsDecisions = [
  'charge',
  'no-further-action-evidential',
  'no-further-action-public-interest',
  'further-evidence-required',
  'out-of-court-disposal',
] as const
export const CpsDecision = z.object({
  type: z.literal('cps-decision'),
  ...about,
  decidedAt: z.date(),
  decision: z.enum(cpsDecisions),
  reference: z.string().trim().min(1).nullable(),
  /** Whether the CPS considered the suspect might be a victim (indicators.md §6.6 duties on prosecutors). */
  victimStatusConsidered: z.boolean(),
})

export const courtResults = [
  'convicted-guilty-plea',
  'convicted-after-trial',
  'not-guilty-by-reason-of-insanity',
  'found-to-have-done-the-act-under-disability',
  'acquitted',
  'discontinued',
  'left-on-file',
] as const
export const CourtResultKind = z.enum(courtResults)
export type CourtResultKind = z.infer<typeof CourtResultKind>

// law-and-process.md §4.4: s14 reaches conviction, not guilty by reason of insanity, and a finding under a
// disability that the person did the act.
export const CONVICTION_LIKE: ReadonlySet<CourtResultKind> = new Set([
  'convicted-guilty-plea',
  'convicted-after-trial',
  'not-guilty-by-reason-of-insanity',
  'found-to-have-done-the-act-under-disability',
])

export const CourtResult = z.object({
  type: z.literal('court-result'),
  ...about,
  date: z.date(),
  court: z.string().trim().min(1),
  offence: z.string().trim().min(1),
  result: CourtResultKind,
})

export const disposals = [
  'immediate-custody',
  'suspended-sentence',
  'detention-and-training-order',
  'hospital-order',
  'community-order',
  'youth-rehabilitation-order',
  'referral-order',
  'fine',
  'conditional-discharge',
  'absolute-discharge',
] as const
const CUSTODIAL: ReadonlySet<string> = new Set([
  'immediate-custody',
  'suspended-sentence',
  'detention-and-training-order',
])

export const Sentence = z
  .object({
    type: z.literal('sentence'),
    ...about,
    date: z.date(),
    offence: z.string().trim().min(1),
    disposal: z.enum(disposals),
    custodialMonths: z.number().int().positive().nullable(),
    ancillaryOrders: z.array(z.enum(['stpo', 'confiscation', 'compensation', 'restraining-order', 'other'])),
  })
  .refine((s) => !CUSTODIAL.has(s.disposal) || s.custodialMonths !== null, {
    error: 'Record the length in months of a custodial or suspended sentence.',
    path: ['custodialMonths'],
  })

export const Outcome = z.discriminatedUnion('type', [Charge, NoFurtherAction, CpsDecision, CourtResult, Sentence])
export type Outcome = z.infer<typeof Outcome>

export function hasCharge(outcomes: readonly Outcome[]): boolean {
  return outcomes.some((o) => o.type === 'charge')
}

export function hasConviction(outcomes: readonly Outcome[]): boolean {
  return outcomes.some((o) => o.type === 'court-result' && CONVICTION_LIKE.has(o.result))
}
