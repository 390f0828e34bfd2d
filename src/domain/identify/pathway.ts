import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'
import type { Consent } from './encounter-input.js'

export const Pathway = z.enum(['nrm-child', 'nrm-adult', 'duty-to-notify', 'ask-consent', 'no-indicators'])
export type Pathway = z.infer<typeof Pathway>

export const pathwayTitles: Record<Pathway, string> = {
  'nrm-child': 'Child: safeguard, then refer to the NRM',
  'nrm-adult': 'Adult who agrees: refer to the NRM',
  'duty-to-notify': 'Adult who does not agree: anonymous Duty to Notify report',
  'ask-consent': 'Adult: ask whether they agree to an NRM referral',
  'no-indicators': 'No signs recorded',
}

export const PathwayDecision = z.object({
  pathway: Pathway,
  why: z.string(),
  source: SourceRef,
})
export type PathwayDecision = z.infer<typeof PathwayDecision>

const childRoute: SourceRef = {
  ref: 'law-and-process.md §2.4',
  url: 'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder',
  confidence: 'CONFIRMED',
}
const adultConsent: SourceRef = {
  ref: 'law-and-process.md §2.3',
  url: 'https://gov.uk/government/publications/support-for-victims-of-human-trafficking',
  confidence: 'CONFIRMED',
}
const dutyToNotify: SourceRef = {
  ref: 'law-and-process.md §2.5',
  url: 'https://www.modernslaveryhelpline.org/learn-more/frontline-professionals/duty-to-notify',
  confidence: 'CONFIRMED',
}
const neverBlocks: SourceRef = { ref: 'indicators.md §8.1, §8.2', confidence: 'UNCONFIRMED' }

/**
 * Any recorded sign puts the person on a referral route: the legal test is the low reasonable-grounds threshold,
 * and a false negative costs more than a reviewed false positive (indicators.md §8.2). Nothing else about the person
 * (nationality, movement, confinement, their account, documents, their own offending) is an input here (§8.3).
 */
export function decidePathway(treatedAsChild: boolean, hasIndicators: boolean, consent: Consent): PathwayDecision {
  if (!hasIndicators) {
    return {
      pathway: 'no-indicators',
      why:
        'No signs of exploitation were recorded. You can still refer if you believe they may be a victim: ' +
        'Lantern never blocks a referral, and signs often come out over several contacts.',
      source: neverBlocks,
    }
  }
  // law-and-process.md §2.4, §9 item 1: a child never needs consent and never goes on the Duty to Notify route.
  if (treatedAsChild) {
    return {
      pathway: 'nrm-child',
      why:
        'They are, or may be, a child with signs of exploitation. Make a safeguarding referral first, then an NRM ' +
        'referral. A child does not need to agree, and the Duty to Notify route is not used for children.',
      source: childRoute,
    }
  }
  // law-and-process.md §2.3, §2.5: adults must agree to an NRM referral; if they do not, police notify anonymously.
  switch (consent) {
    case 'given':
      return {
        pathway: 'nrm-adult',
        why: 'They are an adult with signs of exploitation and they agreed to an NRM referral.',
        source: adultConsent,
      }
    case 'declined':
      return {
        pathway: 'duty-to-notify',
        why:
          'They are an adult with signs of exploitation who did not agree to an NRM referral. Police must still ' +
          'tell the Home Office, without anything that identifies them.',
        source: dutyToNotify,
      }
    case 'not-asked':
      return {
        pathway: 'ask-consent',
        why:
          'They are an adult with signs of exploitation. Ask whether they agree to an NRM referral: if they do, ' +
          'refer them; if not, send an anonymous Duty to Notify report. One of the two must happen.',
        source: adultConsent,
      }
  }
}
