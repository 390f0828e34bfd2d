import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'
import type { PersonRole } from './encounter-input.js'
import type { Pathway } from './pathway.js'

/** Stable codes: other capabilities and integrations key on them. Listed in priority order. */
export const actionCodes = [
  'make-safe',
  'safeguard-child',
  'independent-interpreter',
  'inform-rights',
  'ask-consent',
  'refer-nrm',
  'notify-dtn',
  's45-flag',
  'record-crime',
  'submit-intelligence',
] as const
export const ActionCode = z.enum(actionCodes)
export type ActionCode = z.infer<typeof ActionCode>

export const Action = z.object({
  code: ActionCode,
  title: z.string(),
  why: z.string(),
  source: SourceRef,
  /** Must be done (law or binding guidance), as opposed to recommended practice. */
  mandatory: z.boolean(),
})
export type Action = z.infer<typeof Action>

export type ActionContext = {
  pathway: Pathway
  treatedAsChild: boolean
  hasIndicators: boolean
  immediateRisk: boolean
  role: PersonRole
  interpreterNotIndependent: boolean
}

const src = {
  app: {
    ref: 'indicators.md §2.6, §8.2 (College of Policing APP)',
    url: 'https://www.app.college.police.uk/app-content/major-investigation-and-public-protection/modern-slavery/national-referral-mechanism/',
    confidence: 'CONFIRMED',
  },
  child: {
    ref: 'law-and-process.md §2.4',
    url: 'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder',
    confidence: 'CONFIRMED',
  },
  interpreter: { ref: 'indicators.md §2.6 (interpreters), §8.3', confidence: 'UNCONFIRMED' },
  informedConsent: {
    ref: 'law-and-process.md §2.3, §2.10',
    url: 'https://westmidlandsantislavery.org/how-to-do-an-nrm-form/',
    confidence: 'CONFIRMED',
  },
  consent: {
    ref: 'law-and-process.md §2.3',
    url: 'https://gov.uk/government/publications/support-for-victims-of-human-trafficking',
    confidence: 'CONFIRMED',
  },
  dtn: {
    ref: 'law-and-process.md §2.5 (MSA 2015 s52)',
    url: 'https://www.modernslaveryhelpline.org/learn-more/frontline-professionals/duty-to-notify',
    confidence: 'CONFIRMED',
  },
  s45: {
    ref: 'indicators.md §8.2, §6.6; law-and-process.md §4.2',
    url: 'https://www.cps.gov.uk/legal-guidance/human-trafficking-smuggling-and-slavery',
    confidence: 'CONFIRMED',
  },
  // "Every NRM referral is a crime" is confirmed, but the N200 incident codes suggest exceptions (§3).
  crime: {
    ref: 'law-and-process.md §3',
    url: 'http://www.antislaverycommissioner.co.uk/priorities/priority-2-law-enforcement-criminal-justice/crime-recording/',
    confidence: 'PARTLY CONFIRMED',
  },
  incident: { ref: 'law-and-process.md §3 (N200 incident codes)', confidence: 'SECONDARY' },
  intelligence: {
    ref: 'law-and-process.md §2.5, §9 item 16',
    url: 'https://parallelparliament.co.uk/question/125790',
    confidence: 'CONFIRMED',
  },
} satisfies Record<string, SourceRef>

const referralPathways: readonly Pathway[] = ['nrm-child', 'nrm-adult', 'duty-to-notify', 'ask-consent']

/** The actions the officer must (or should) take, most urgent first. */
export function decideActions(ctx: ActionContext): Action[] {
  const actions: Action[] = []
  const onReferralRoute = referralPathways.includes(ctx.pathway)

  // indicators.md §2.6, §8.2: making the person safe comes before anything else.
  if (ctx.immediateRisk) {
    actions.push({
      code: 'make-safe',
      title: 'Make the person safe now',
      why:
        'You recorded an immediate risk. Call for help through control or 999, get them to a place of safety, ' +
        'away from anyone who may be controlling them, and deal with medical needs before anything else.',
      source: src.app,
      mandatory: true,
    })
  }

  // law-and-process.md §2.4: children's services first, then the NRM; also for any child at immediate risk (§8.2).
  if (ctx.treatedAsChild && (ctx.hasIndicators || ctx.immediateRisk)) {
    actions.push({
      code: 'safeguard-child',
      title: 'Make a child safeguarding referral to children’s services',
      why:
        'They are, or may be, under 18. Refer them to the local authority’s children’s services today, before ' +
        'the NRM referral. You do not need their agreement. Treat them as a child until an age assessment ' +
        'decides otherwise.',
      source: src.child,
      mandatory: true,
    })
  }

  if (ctx.interpreterNotIndependent) {
    actions.push({
      code: 'independent-interpreter',
      title: 'Use an independent interpreter',
      why:
        'The interpreter was not confirmed as independent. A companion, employer or co-worker may be linked to ' +
        'the people in control. Use a professional interpreter and speak to the person alone, away from anyone ' +
        'who came with them.',
      source: src.interpreter,
      mandatory: false,
    })
  }

  if (onReferralRoute) {
    // Adults' agreement must be informed, so explaining comes before asking (law-and-process.md §2.3).
    const mustExplainBeforeAsking = ctx.pathway === 'ask-consent'
    actions.push({
      code: 'inform-rights',
      title: 'Explain the NRM, the support on offer and their rights',
      why: ctx.treatedAsChild
        ? 'Explain what happens next in a way that suits their age, in a language they understand.'
        : 'In a language they understand, explain what the NRM is and the support it brings (safe housing, ' +
          'healthcare, legal advice, an interpreter), and that they can change their mind later.',
      source: src.informedConsent,
      mandatory: mustExplainBeforeAsking,
    })
  }

  if (ctx.pathway === 'ask-consent') {
    actions.push({
      code: 'ask-consent',
      title: 'Ask whether they agree to an NRM referral',
      why:
        'Adults must agree before an NRM referral. If they agree, refer them. If they do not, you must still ' +
        'send an anonymous Duty to Notify report. Record their answer; they can change it later.',
      source: src.consent,
      mandatory: true,
    })
  }

  if (ctx.pathway === 'nrm-child' || ctx.pathway === 'nrm-adult') {
    actions.push({
      code: 'refer-nrm',
      title: 'Make a National Referral Mechanism (NRM) referral',
      why:
        ctx.pathway === 'nrm-child'
          ? 'A child with any sign of exploitation must be referred, after the safeguarding referral. No agreement ' +
            'is needed.'
          : 'They are an adult with signs of exploitation and they agreed to be referred.',
      source: ctx.pathway === 'nrm-child' ? src.child : src.consent,
      mandatory: true,
    })
  }

  // law-and-process.md §2.5: s52(3) allows identifying details only with consent.
  if (ctx.pathway === 'duty-to-notify') {
    actions.push({
      code: 'notify-dtn',
      title: 'Send an anonymous Duty to Notify report to the Home Office',
      why:
        'They did not agree to an NRM referral, but police must still notify the Home Office (Modern Slavery ' +
        'Act s52). Leave out their name and anything else that identifies them.',
      source: src.dtn,
      mandatory: true,
    })
  }

  // indicators.md §8.2: suspects and detainees with indicators get a non-punishment / s45 flag, even on a guilty plea.
  if (ctx.hasIndicators && (ctx.role === 'suspect' || ctx.role === 'arrested')) {
    actions.push({
      code: 's45-flag',
      title: 'Flag them as a possible victim to custody, the investigator and the CPS',
      why:
        'They are a suspect or under arrest and show signs of exploitation. They may have a defence under s45 of ' +
        'the Modern Slavery Act or be protected by the non-punishment principle. Tell the investigator and the ' +
        'CPS so they make enquiries, even if the person intends to plead guilty. Where s45 does not apply ' +
        '(Schedule 4 offences), identification and referral still do. Their own offending does not reduce the concern.',
      source: src.s45,
      mandatory: true,
    })
  }

  if (ctx.pathway === 'nrm-child' || ctx.pathway === 'nrm-adult') {
    actions.push({
      code: 'record-crime',
      title: 'Record a modern slavery crime',
      why:
        'Every NRM referral must be recorded as a crime within 24 hours, unless the current crime recording rules ' +
        'allow a modern slavery incident instead.',
      source: src.crime,
      mandatory: true,
    })
  } else if (onReferralRoute) {
    actions.push({
      code: 'record-crime',
      title: 'Record a modern slavery crime or incident',
      why:
        'Once you know whether they agree, record a crime for an NRM referral, or the modern slavery incident ' +
        'code for a Duty to Notify report, as the current crime recording rules require.',
      source: src.incident,
      mandatory: false,
    })
  }

  if (ctx.hasIndicators) {
    actions.push({
      code: 'submit-intelligence',
      title: 'Submit an intelligence report',
      why:
        'Record what you learned about the people in control, places, vehicles, phones and money, so the ' +
        'exploiters can be pursued.',
      source: src.intelligence,
      mandatory: false,
    })
  }

  return actions.sort((a, b) => actionCodes.indexOf(a.code) - actionCodes.indexOf(b.code))
}
