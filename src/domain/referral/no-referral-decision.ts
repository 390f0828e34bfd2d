import { z } from 'zod'
import type { Jurisdiction, SourceRef } from '../shared/vocabulary.js'

/**
 * Issue 5: every potential victim an officer meets ends in an NRM referral, a Duty to Notify report, or a
 * supervisor's recorded decision that neither applies. The duty to notify is never optional for police
 * (law-and-process.md §9.4), so the decision is limited to the few reasons that do not evade it.
 */
export const NO_REFERRAL_RULES_VERSION = 'no-referral-decision-1'

export const noReferralReasons = [
  'not-a-potential-victim',
  'already-referred-elsewhere',
  'duplicate-encounter',
  'duty-does-not-apply',
] as const
export const NoReferralReason = z.enum(noReferralReasons)
export type NoReferralReason = z.infer<typeof NoReferralReason>

export type NoReferralReasonInfo = {
  label: string
  /** What the supervisor is saying, in plain English, shown as the radio's hint. */
  hint: string
  source: SourceRef
}

const s52: SourceRef = {
  ref: 'law-and-process.md §2.5, §9.4 (MSA 2015 s52)',
  url: 'https://www.modernslaveryhelpline.org/learn-more/frontline-professionals/duty-to-notify',
  confidence: 'CONFIRMED',
}
const fro: SourceRef = {
  ref: 'law-and-process.md §2.2 (first responder duties)',
  url: 'https://westmidlandsantislavery.org/are-you-a-first-responder/',
  confidence: 'CONFIRMED',
}
// No published guidance lists when a first responder may decide not to refer: Lantern's own rule, labelled so.
const lantern: SourceRef = { ref: 'Lantern rule: decision support, not published guidance', confidence: 'UNCONFIRMED' }

export const noReferralReasonInfo: Record<NoReferralReason, NoReferralReasonInfo> = {
  'not-a-potential-victim': {
    label: 'On further enquiry there are no reasonable grounds to believe the person is a victim',
    hint: 'The signs recorded have another explanation that has been checked. Say what was checked and by whom.',
    source: lantern,
  },
  'already-referred-elsewhere': {
    label: 'Another first responder has already referred or notified',
    hint: 'For example the local authority, the Salvation Army or another force. Record who and their reference.',
    source: fro,
  },
  'duplicate-encounter': {
    label: 'This encounter repeats another Lantern encounter',
    hint: 'The same person and the same events were recorded twice. The other encounter carries the referral.',
    source: lantern,
  },
  'duty-does-not-apply': {
    label: 'The adult did not consent and the Duty to Notify does not apply here',
    hint: 'Only in Scotland and Northern Ireland: the Duty to Notify (s52) covers England and Wales.',
    source: s52,
  },
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/\-. ]{1,39}$/

/** What the supervisor enters; which fields are needed depends on the reason. */
export const NoReferralDecisionInput = z.object({
  reason: NoReferralReason,
  rationale: z.string(),
  otherOrganisation: z.string().nullable(),
  otherReference: z.string().nullable(),
  duplicateOfReference: z.string().nullable(),
})
export type NoReferralDecisionInput = z.infer<typeof NoReferralDecisionInput>

export type NoReferralContext = {
  /** The encounter's assessment treats the person as a child (under 18, age unknown or disputed). */
  treatedAsChild: boolean
  jurisdiction: Jurisdiction
  /** The encounter already has a submitted NRM referral or Duty to Notify report. */
  hasSubmittedReferral: boolean
  /** A decision already stands for the encounter (it must be withdrawn first). */
  hasLiveDecision: boolean
}

export type DecisionIssue = { path: keyof NoReferralDecisionInput | 'withdrawalReason' | 'form'; message: string }
export type DecisionCheck =
  | { ok: true; value: NoReferralDecisionInput; warnings: string[] }
  | { ok: false; issues: DecisionIssue[] }

export const MIN_RATIONALE = 20

/** The reasons a supervisor may choose for this person: a child never gets "duty does not apply" (§2.4). */
export function reasonsAllowed(ctx: Pick<NoReferralContext, 'treatedAsChild' | 'jurisdiction'>): NoReferralReason[] {
  return noReferralReasons.filter(
    (r) => r !== 'duty-does-not-apply' || (!ctx.treatedAsChild && ctx.jurisdiction !== 'england-and-wales'),
  )
}

function clean(value: string | null): string | null {
  const t = value?.trim() ?? ''
  return t === '' ? null : t
}

/**
 * Checks a decision that neither an NRM referral nor a Duty to Notify report is needed. Every issue is returned at
 * once, each tied to its field. It never stops a referral: a referral can still be made after the decision.
 */
export function checkNoReferralDecision(input: NoReferralDecisionInput, ctx: NoReferralContext): DecisionCheck {
  if (ctx.hasSubmittedReferral) {
    return {
      ok: false,
      issues: [
        {
          path: 'form',
          message: 'This encounter already has a referral or report: no decision is needed',
        },
      ],
    }
  }
  if (ctx.hasLiveDecision) {
    return {
      ok: false,
      issues: [{ path: 'form', message: 'A decision is already recorded: withdraw it before recording another' }],
    }
  }
  const issues: DecisionIssue[] = []
  const value: NoReferralDecisionInput = {
    reason: input.reason,
    rationale: input.rationale.trim(),
    otherOrganisation: null,
    otherReference: null,
    duplicateOfReference: null,
  }
  if (!reasonsAllowed(ctx).includes(input.reason)) {
    issues.push({
      path: 'reason',
      message: ctx.treatedAsChild
        ? 'A child must always be referred: the Duty to Notify route and "does not apply" are never used for a child'
        : 'The Duty to Notify applies in England and Wales: an adult who does not consent needs a Duty to Notify report',
    })
  }
  if (value.rationale === '') issues.push({ path: 'rationale', message: 'Explain the decision' })
  else if (value.rationale.length < MIN_RATIONALE) {
    issues.push({
      path: 'rationale',
      message: `Explain the decision in at least ${MIN_RATIONALE} characters, so a reviewer can follow it`,
    })
  }
  if (input.reason === 'already-referred-elsewhere') {
    value.otherOrganisation = clean(input.otherOrganisation)
    value.otherReference = clean(input.otherReference)
    if (value.otherOrganisation === null) {
      issues.push({ path: 'otherOrganisation', message: 'Enter the organisation that referred or notified' })
    }
    if (value.otherReference === null) {
      issues.push({ path: 'otherReference', message: 'Enter their referral or report reference' })
    } else if (!REFERENCE.test(value.otherReference)) {
      issues.push({
        path: 'otherReference',
        message: 'The reference must be 2 to 40 letters, numbers, spaces, slashes, dots or hyphens',
      })
    }
  }
  if (input.reason === 'duplicate-encounter') {
    value.duplicateOfReference = clean(input.duplicateOfReference)?.toUpperCase() ?? null
    if (value.duplicateOfReference === null) {
      issues.push({ path: 'duplicateOfReference', message: 'Enter the reference of the other encounter' })
    }
  }
  if (issues.length > 0) return { ok: false, issues }
  const warnings: string[] = []
  if (ctx.treatedAsChild && input.reason === 'not-a-potential-victim') {
    warnings.push(
      'The person is treated as a child. If any suspicion remains that they are a victim, they must be referred (law-and-process.md §2.4).',
    )
  }
  return { ok: true, value, warnings }
}

export const MIN_WITHDRAWAL_REASON = 10

/** Withdrawing a decision puts the encounter back in the worklists: say why, for the audit trail. */
export function checkWithdrawal(reason: string): { ok: true; value: string } | { ok: false; message: string } {
  const t = reason.trim()
  if (t === '') return { ok: false, message: 'Say why the decision is withdrawn' }
  if (t.length < MIN_WITHDRAWAL_REASON) {
    return { ok: false, message: `Say why the decision is withdrawn in at least ${MIN_WITHDRAWAL_REASON} characters` }
  }
  return { ok: true, value: t }
}
