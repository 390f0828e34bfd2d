import { z } from 'zod'
import { IsoDate, type Region, ukDateOf } from '../deadlines/index.js'
import type { SourceRef } from '../shared/vocabulary.js'
import { accept, type Result, refuse } from './result.js'

export const RgOutcome = z.enum(['positive', 'negative'], {
  error: 'A Reasonable Grounds decision is positive or negative',
})
export type RgOutcome = z.infer<typeof RgOutcome>

// law-and-process.md §2.9 (CONFIRMED, England and Wales): exactly these three Conclusive Grounds outcomes.
export const CgOutcome = z.enum(['human-trafficking', 'slavery-servitude-forced-labour', 'insufficient-evidence'], {
  error:
    'A Conclusive Grounds decision is one of: human trafficking; slavery, servitude or forced or compulsory labour; insufficient evidence',
})
export type CgOutcome = z.infer<typeof CgOutcome>

export const cgOutcomeLabels: Record<CgOutcome, string> = {
  'human-trafficking': 'Victim of human trafficking',
  'slavery-servitude-forced-labour': 'Victim of slavery, servitude, or forced or compulsory labour',
  'insufficient-evidence': 'Insufficient evidence',
}

export const CG_OUTCOMES_SOURCE: SourceRef = {
  ref: 'law-and-process.md §2.9',
  url: 'https://seftonlscb.safeguardingpolicies.org.uk/may-2017/sec-7-cross-border-collaboration-with-moving-children-families/making-a-conclusive-grounds-decision',
  confidence: 'CONFIRMED',
}

export const RgDecision = z.object({ outcome: RgOutcome, decidedOn: IsoDate })
export type RgDecision = z.infer<typeof RgDecision>

export const CgDecision = z.object({ outcome: CgOutcome, decidedOn: IsoDate })
export type CgDecision = z.infer<typeof CgDecision>

export type DecisionRefusalCode =
  | 'invalid'
  | 'date-in-future'
  | 'rg-before-referral'
  | 'rg-before-reconsideration'
  | 'cg-without-positive-rg'
  | 'cg-before-rg'
  | 'cg-before-reconsideration'

/** An RG decision cannot be in the future, before the referral, or before a reconsideration it answers. */
export function validateRgDecision(
  input: unknown,
  context: { referredOn: IsoDate; reconsiderationRequestedOn?: IsoDate | null; now: Date },
): Result<RgDecision, DecisionRefusalCode> {
  const parsed = RgDecision.safeParse(input)
  if (!parsed.success) return refuse('invalid', parsed.error.issues[0]?.message ?? 'The decision is not valid')
  const decision = parsed.data
  const today = ukDateOf(context.now)
  if (decision.decidedOn > today) {
    return refuse('date-in-future', `A decision cannot be dated ${decision.decidedOn}, which is in the future`)
  }
  if (decision.decidedOn < context.referredOn) {
    return refuse(
      'rg-before-referral',
      `The Reasonable Grounds decision (${decision.decidedOn}) cannot be before the referral (${context.referredOn})`,
    )
  }
  const requested = context.reconsiderationRequestedOn
  if (requested && decision.decidedOn < requested) {
    return refuse(
      'rg-before-reconsideration',
      `The reconsidered decision (${decision.decidedOn}) cannot be before the request for reconsideration (${requested})`,
    )
  }
  return accept(decision)
}

/**
 * A CG decision follows a positive RG, is not before it and not in the future. Deciding before the recovery period
 * ends, or "slavery" outside England and Wales, is only warned about: both rules are uncertain (§2.9).
 */
export function validateCgDecision(
  input: unknown,
  context: {
    rg: RgDecision | null
    recoveryPeriodEndsOn: IsoDate | null
    reconsiderationRequestedOn?: IsoDate | null
    region: Region
    now: Date
  },
): Result<CgDecision, DecisionRefusalCode> {
  const parsed = CgDecision.safeParse(input)
  if (!parsed.success) return refuse('invalid', parsed.error.issues[0]?.message ?? 'The decision is not valid')
  const decision = parsed.data
  const today = ukDateOf(context.now)
  if (decision.decidedOn > today) {
    return refuse('date-in-future', `A decision cannot be dated ${decision.decidedOn}, which is in the future`)
  }
  if (context.rg?.outcome !== 'positive') {
    return refuse(
      'cg-without-positive-rg',
      'A Conclusive Grounds decision follows only a positive Reasonable Grounds decision',
    )
  }
  if (decision.decidedOn < context.rg.decidedOn) {
    return refuse(
      'cg-before-rg',
      `The Conclusive Grounds decision (${decision.decidedOn}) cannot be before the Reasonable Grounds decision (${context.rg.decidedOn})`,
    )
  }
  const requested = context.reconsiderationRequestedOn
  if (requested && decision.decidedOn < requested) {
    return refuse(
      'cg-before-reconsideration',
      `The reconsidered decision (${decision.decidedOn}) cannot be before the request for reconsideration (${requested})`,
    )
  }
  const warnings: string[] = []
  // law-and-process.md §2.9: "not before the end of the recovery period" is UNCONFIRMED, so it is a warning.
  if (context.recoveryPeriodEndsOn && decision.decidedOn < context.recoveryPeriodEndsOn) {
    warnings.push(
      `The decision is dated before the recovery period ends (${context.recoveryPeriodEndsOn}); check the date (rule UNCONFIRMED, §2.9)`,
    )
  }
  // law-and-process.md §2.9 (CONFIRMED for the 2017 guidance): Scotland and Northern Ireland decide trafficking only.
  if (context.region !== 'england-and-wales' && decision.outcome === 'slavery-servitude-forced-labour') {
    warnings.push(
      'Scotland and Northern Ireland decisions were for trafficking only under the 2017 guidance; check the outcome (§2.9)',
    )
  }
  return accept(decision, warnings)
}
