import { z } from 'zod'
import type { SourceRef } from '../shared/vocabulary.js'

export const s45Limbs = ['adult', 'under-18'] as const
export const S45Limb = z.enum(s45Limbs)
export type S45Limb = z.infer<typeof S45Limb>

export const S45Element = z.object({
  id: z.string().min(1),
  /** What must be shown, in plain words. */
  text: z.string().min(1),
  /** The provision, e.g. "s45(1)(b); s45(2)". */
  statute: z.string().min(1),
  evidenceToGather: z.array(z.string().min(1)).min(1),
})
export type S45Element = z.infer<typeof S45Element>

export const S45_SOURCE: SourceRef = {
  ref: 'law-and-process.md §4.2',
  url: 'http://www.legislation.gov.uk/ukpga/2015/30/section/45/enacted',
  confidence: 'CONFIRMED',
}

export const S45_COMMENCEMENT_DATE = '2015-07-31'

const RELEVANT_CHARACTERISTICS = 'age, sex, and any physical or mental illness or disability'

const CHARACTERISTICS_EVIDENCE =
  'Their relevant characteristics (s45(5)): age, sex, and any physical or mental illness or disability — medical and psychiatric reports (e.g. PTSD), learning disability assessments'

const EXPLOITATION_LINK_EVIDENCE = [
  'Indicators of modern slavery recorded at the encounter and in custody',
  'NRM referral and any Reasonable or Conclusive Grounds decision (a Conclusive Grounds decision is not admissible at trial, but an expert on trafficking may give evidence: R v AAD [2022] EWCA Crim 106)',
]

// Adult limb, s45(1)–(3) and (5): all four elements (law-and-process.md §4.2; indicators.md §6.6, CONFIRMED).
export const ADULT_ELEMENTS: readonly S45Element[] = [
  {
    id: 'adult-age',
    text: 'The person was aged 18 or over when they did the act.',
    statute: 's45(1)(a)',
    evidenceToGather: [
      'Date of birth and how it is known (identity documents may be false or held by the exploiters)',
      'Date of the act, to work out the age at that time',
      'Any age assessment; if they may have been under 18 at the time, assess them under the under-18 limb (s45(4)) instead',
    ],
  },
  {
    id: 'adult-compelled',
    text: 'They did the act because they were compelled to do it. The compulsion can come from another person or from their circumstances.',
    statute: 's45(1)(b); s45(2)',
    evidenceToGather: [
      'Their account of what they were made to do and by whom, in their own words, taken with an independent interpreter',
      'Threats, violence or punishment against them or their family; injuries and medical records',
      'Any debt: how it was set, how it grew and how it was enforced',
      'Control of their identity documents, phone, money, movement or accommodation',
      'Messages, call records and phone downloads showing instructions',
      'Circumstances that left them no choice: destitution, isolation, no English, nowhere to go',
    ],
  },
  {
    id: 'adult-attributable',
    text: 'The compulsion is attributable to slavery or relevant exploitation: it is, or is part of, conduct that is a s1 offence or relevant exploitation, or it is a direct consequence of their being, or having been, a victim of slavery or relevant exploitation.',
    statute: 's45(1)(c); s45(3)',
    evidenceToGather: [
      'How they were recruited, moved and controlled, and who arranged it',
      'Who benefited from the act (who took the drugs, goods, money or proceeds)',
      'Financial records showing their earnings taken by others',
      'Intelligence on the exploiters and the premises, vehicles and phones they use',
      ...EXPLOITATION_LINK_EVIDENCE,
    ],
  },
  {
    id: 'adult-no-realistic-alternative',
    text: `A reasonable person in the same situation as the person, and having the person's relevant characteristics (${RELEVANT_CHARACTERISTICS}), would have had no realistic alternative to doing the act.`,
    statute: 's45(1)(d); s45(5)',
    evidenceToGather: [
      CHARACTERISTICS_EVIDENCE,
      'Whether they could have left, refused or asked for help, and why not (fear, watched or locked premises, threats to family, no money, no language)',
      'What they knew of the police and support services, and any fear about their immigration status',
      'Any earlier attempt to escape or ask for help, and what followed',
    ],
  },
]

// Under-18 limb, s45(4)–(5): no compulsion needed, and a lower reasonable-person test (law-and-process.md §4.2).
export const UNDER_18_ELEMENTS: readonly S45Element[] = [
  {
    id: 'child-age',
    text: 'The person was under 18 when they did the act.',
    statute: 's45(4)(a)',
    evidenceToGather: [
      'Date of birth and how it is known',
      'Date of the act, to work out the age at that time',
      'Any local authority age assessment; treat the person as a child while their age is disputed (law-and-process.md §2.4)',
    ],
  },
  {
    id: 'child-direct-consequence',
    text: 'They did the act as a direct consequence of being, or having been, a victim of slavery or relevant exploitation. Compulsion is not needed.',
    statute: 's45(4)(b)',
    evidenceToGather: [
      'How the exploitation led to the act (e.g. county-lines drug running, cannabis cultivation, forced theft)',
      'Who directed them and who benefited',
      'Phone downloads and messages showing instructions, debts or threats',
      "Missing-episode records, and children's services, school and health records",
      "The independent child trafficking guardian's view, where one is allocated",
      ...EXPLOITATION_LINK_EVIDENCE,
    ],
  },
  {
    id: 'child-reasonable-person',
    text: `A reasonable person in the same situation as the person, and having the person's relevant characteristics (${RELEVANT_CHARACTERISTICS}), would do that act.`,
    statute: 's45(4)(c); s45(5)',
    evidenceToGather: [
      CHARACTERISTICS_EVIDENCE,
      'Their situation: control, threats, debts, isolation and dependence on the exploiters',
      'Expert evidence on child trafficking and its effects',
    ],
  },
]

// indicators.md §6.4, R v MK; R v Gega [2018] EWCA Crim 667 (CONFIRMED).
export const BURDEN_TEXT =
  'The defendant carries only an evidential burden: they must raise evidence on each element of the defence. The prosecution must then disprove at least one element to the criminal standard (so that the jury is sure). R v MK; R v Gega [2018] EWCA Crim 667.'

export const BURDEN_SOURCE: SourceRef = {
  ref: 'indicators.md §6.4',
  url: 'https://caselaw.nationalarchives.gov.uk/ewca/crim/2018/667',
  confidence: 'CONFIRMED',
}

// indicators.md §6.3 (V.C.L. and A.N., CONFIRMED), §6.5 (AAD, CONFIRMED), §6.6 (CPS duties, CONFIRMED);
// law-and-process.md §2.3–§2.5 (consent, children, Duty to Notify).
export const STILL_APPLIES: readonly string[] = [
  'Identification: once there is a credible suspicion that the person has been trafficked, a qualified person must assess it promptly, whatever their ability to describe what happened, and before any decision to prosecute (V.C.L. and A.N. v United Kingdom, 2021).',
  'Referral: a child is always referred to the National Referral Mechanism, without needing consent; an adult is referred with informed consent, and otherwise the police must notify the Home Office under the Duty to Notify (s52). The CPS expects a referral unless there is clear and sufficient evidence that the suspect is not a victim, even if a guilty plea is indicated.',
  'Public interest: the CPS still decides whether prosecuting is in the public interest, weighing the link between the offence and the exploitation; prosecuting a victim can also be an abuse of process (R v AAD [2022] EWCA Crim 106), and duress may be open to them.',
]

export const STILL_APPLIES_SOURCES: readonly SourceRef[] = [
  { ref: 'indicators.md §6.3', url: 'https://laweuro.com/?p=14074', confidence: 'CONFIRMED' },
  { ref: 'indicators.md §6.5', url: 'http://www.bailii.org/ew/cases/EWCA/Crim/2022/106.html', confidence: 'CONFIRMED' },
  {
    ref: 'indicators.md §6.6',
    url: 'https://www.cps.gov.uk/legal-guidance/human-trafficking-smuggling-and-slavery',
    confidence: 'CONFIRMED',
  },
]
