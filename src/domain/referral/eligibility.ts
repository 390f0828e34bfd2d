import { z } from 'zod'
import { Pathway } from '../identify/pathway.js'
import { AgeStatus, ageStatusLabels, isTreatedAsChild } from './age-status.js'
import { type ConsentState, ConsentStatus, hasCurrentConsent, isNotConsenting } from './consent.js'
import { ReferralKind, referralKindLabels } from './referral-kind.js'
import { accept, type Result, refuse } from './result.js'

export const NextStep = z.enum([
  'record-safeguarding-referral',
  'make-nrm-child-referral',
  'ask-consent',
  'make-nrm-adult-referral',
  'make-duty-to-notify-report',
  'no-referral-needed',
])
export type NextStep = z.infer<typeof NextStep>

export const nextStepLabels: Record<NextStep, string> = {
  'record-safeguarding-referral': 'Record the safeguarding referral to the local authority',
  'make-nrm-child-referral': 'Make an NRM referral for a child',
  'ask-consent': 'Ask for, and record, informed consent to an NRM referral',
  'make-nrm-adult-referral': 'Make an NRM referral for an adult',
  'make-duty-to-notify-report': 'Make a Duty to Notify report',
  'no-referral-needed': 'No referral is needed',
}

export const ReferralOption = z.object({
  kind: ReferralKind,
  allowed: z.boolean(),
  reason: z.string(),
  source: z.string(),
})
export type ReferralOption = z.infer<typeof ReferralOption>

export const ReferralSituation = z.object({
  pathway: Pathway,
  ageStatus: AgeStatus,
  consentStatus: ConsentStatus,
  safeguardingReferralRecorded: z.boolean(),
})
export type ReferralSituation = z.infer<typeof ReferralSituation>

export const ReferralDecision = z.object({
  treatAsChild: z.boolean(),
  nextStep: NextStep,
  allowed: z.array(ReferralKind),
  options: z.array(ReferralOption),
  explanation: z.array(z.string()),
})
export type ReferralDecision = z.infer<typeof ReferralDecision>

const CHILD = 'law-and-process.md §2.4, §9.1'
const CONSENT = 'law-and-process.md §2.3, §9.3'
const DTN = 'law-and-process.md §2.5, §9.3'

function childOptions(safeguarded: boolean): ReferralOption[] {
  return [
    {
      kind: 'nrm-child',
      allowed: safeguarded,
      reason: safeguarded
        ? 'A child must be referred into the NRM; no consent is needed'
        : 'First record the safeguarding referral to the local authority, then make the NRM referral',
      source: `${CHILD}, §9.2`,
    },
    {
      kind: 'nrm-adult',
      allowed: false,
      reason:
        'The person is, or may be, under 18, so they are treated as a child until an age assessment decides otherwise',
      source: CHILD,
    },
    {
      kind: 'duty-to-notify',
      allowed: false,
      reason: 'A Duty to Notify report cannot be used for a child, or for a person whose age is unknown or disputed',
      source: CHILD,
    },
  ]
}

function adultOptions(consent: Pick<ConsentState, 'status'>): ReferralOption[] {
  const consenting = hasCurrentConsent(consent)
  const declining = isNotConsenting(consent)
  return [
    {
      kind: 'nrm-adult',
      allowed: consenting,
      reason: consenting
        ? 'The person has given informed consent, so make the NRM referral; it also meets the duty to notify'
        : declining
          ? `The person has ${consent.status} consent: an adult NRM referral needs consent that is current`
          : 'An adult NRM referral needs informed consent: ask for it and record the answer first',
      source: CONSENT,
    },
    {
      kind: 'nrm-child',
      allowed: false,
      reason: 'The person is recorded as an adult; if they may be under 18, change their age status first',
      source: CHILD,
    },
    {
      kind: 'duty-to-notify',
      allowed: declining,
      reason: declining
        ? 'The person does not consent, so the police duty to notify is met by an anonymous Duty to Notify report'
        : consenting
          ? 'The person consents: the NRM referral meets the duty to notify, so no separate report is made'
          : 'A Duty to Notify report is for an adult who does not consent: ask for consent and record the answer first',
      source: DTN,
    },
  ]
}

/**
 * Which referrals are open to the officer, what to do next, and why. Decision support: every option carries the
 * reason it is or is not available. Age decides first (a child never needs consent), then consent.
 */
export function decideReferral(input: ReferralSituation): ReferralDecision {
  const situation = ReferralSituation.parse(input)
  const treatAsChild = isTreatedAsChild(situation.ageStatus) || situation.pathway === 'nrm-child'
  const explanation: string[] = []
  if (situation.pathway === 'nrm-child' && !isTreatedAsChild(situation.ageStatus)) {
    explanation.push('The assessment found the person may be under 18, so they are treated as a child (§2.4)')
  }
  if (
    isTreatedAsChild(situation.ageStatus) &&
    situation.pathway !== 'nrm-child' &&
    situation.pathway !== 'no-indicators'
  ) {
    explanation.push(
      `Age status is "${ageStatusLabels[situation.ageStatus]}", so the child route applies whatever the assessment said (§2.4)`,
    )
  }
  const options = treatAsChild
    ? childOptions(situation.safeguardingReferralRecorded)
    : adultOptions({ status: situation.consentStatus })
  let nextStep: NextStep
  if (situation.pathway === 'no-indicators') {
    nextStep = 'no-referral-needed'
    explanation.push('The assessment found no indicators; an officer may still refer if they have other grounds')
  } else if (treatAsChild) {
    nextStep = situation.safeguardingReferralRecorded ? 'make-nrm-child-referral' : 'record-safeguarding-referral'
    explanation.push('A child is safeguarded first and then referred; no consent is asked (§2.4, §9.2)')
  } else if (situation.consentStatus === 'given') {
    nextStep = 'make-nrm-adult-referral'
    explanation.push('The adult has given informed consent (§2.3)')
  } else if (situation.consentStatus === 'not-asked') {
    nextStep = 'ask-consent'
    explanation.push(
      'An adult is referred only with informed consent; without it a Duty to Notify report is made (§2.3)',
    )
  } else {
    nextStep = 'make-duty-to-notify-report'
    explanation.push(
      `The adult has ${situation.consentStatus} consent, so the duty to notify is met anonymously (§2.5)`,
    )
  }
  return {
    treatAsChild,
    nextStep,
    allowed: options.filter((o) => o.allowed).map((o) => o.kind),
    options,
    explanation,
  }
}

/** Refuses a referral of `kind` that the situation does not allow, with the reason. */
export function checkReferralAllowed(
  situation: ReferralSituation,
  kind: ReferralKind,
): Result<ReferralDecision, 'referral-not-allowed'> {
  const decision = decideReferral(situation)
  const option = decision.options.find((o) => o.kind === kind)
  if (!option?.allowed) {
    return refuse('referral-not-allowed', `${referralKindLabels[kind]} is not possible: ${option?.reason ?? ''}`)
  }
  return accept(decision)
}
