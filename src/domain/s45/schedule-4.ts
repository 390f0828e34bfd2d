import { z } from 'zod'
import { Confidence } from '../shared/vocabulary.js'
import { slug } from './offence-text.js'

// Schedule 4 to the Modern Slavery Act 2015: offences to which the s45 defence does not apply (s45(7)).
// Transcribed from law-and-process.md §4.3, which read the revised text (up to date to 18 May 2024) and
// the Commons and Lords prints of the Bill. Each row keeps the confidence label the domain file gives it.
// The version changes whenever a row changes; records store the version they were assessed under (§9 item 7).
export const SCHEDULE_4_VERSION = '2024-05-18.1'
export const SCHEDULE_4_SOURCE_URL = 'https://www.legislation.gov.uk/ukpga/2015/30/schedule/4'

const BILL_PRINT_URL = 'https://publications.parliament.uk/pa/bills/cbill/2014-2015/0096/cbill_2014-20150096_en_6.htm'
const LORDS_PRINT_URL = 'https://publications.parliament.uk/pa/bills/lbill/2014-2015/0098/lbill_2014-20150098_en_8.htm'
const PARALLEL_LIST_URL = 'https://legislation.gov.uk/ukpga/2024/21/schedule/2/data.akn'

const entryBase = {
  /** Stable id, e.g. "theft-act-1968-s8"; never reused. */
  id: z.string().min(1),
  title: z.string().min(1),
  /** Paragraph of Schedule 4, where a source gave it. */
  paragraph: z.number().int().positive().nullable(),
  confidence: Confidence,
  /** What the domain file says about the row's status, in short. */
  note: z.string().min(1),
  sourceUrl: z.string().min(1),
}

export const CommonLawSchedule4Entry = z.object({
  kind: z.literal('common-law'),
  /** The offence's name, lower case: "murder". */
  name: z.string().min(1),
  ...entryBase,
})

export const StatutorySchedule4Entry = z.object({
  kind: z.literal('statutory'),
  act: z.string().min(1),
  year: z.number().int(),
  /** Chapter number, e.g. "c. 48", only where a source gave it. */
  chapter: z.string().nullable(),
  /** Section number as printed, e.g. "12A". */
  section: z.string().min(1),
  /** Subsection path, e.g. "(2)" or "(1)(a)"; null when the whole section is listed. */
  subsection: z.string().nullable(),
  /** Circumstances that must be present for the offence to be excluded; null when it is always excluded. */
  qualifier: z.string().nullable(),
  ...entryBase,
})

export const Schedule4Entry = z.discriminatedUnion('kind', [CommonLawSchedule4Entry, StatutorySchedule4Entry])
export type Schedule4Entry = z.infer<typeof Schedule4Entry>
export type StatutorySchedule4Entry = z.infer<typeof StatutorySchedule4Entry>
export type CommonLawSchedule4Entry = z.infer<typeof CommonLawSchedule4Entry>

// law-and-process.md §4.3: "Common law offences (CONFIRMED): false imprisonment; kidnapping; manslaughter;
// murder; perverting the course of justice; piracy."
const commonLaw: readonly CommonLawSchedule4Entry[] = [
  'false imprisonment',
  'kidnapping',
  'manslaughter',
  'murder',
  'perverting the course of justice',
  'piracy',
].map((name) => ({
  kind: 'common-law' as const,
  id: `common-law-${name.replaceAll(' ', '-')}`,
  name,
  title: name,
  paragraph: null,
  confidence: 'CONFIRMED' as const,
  note: 'Common-law offences listed in Schedule 4',
  sourceUrl: SCHEDULE_4_SOURCE_URL,
}))

type Qualifier = { readonly text: string; readonly idSuffix: string }
type SectionRow = readonly [section: string, title: string, subsection?: string, qualifier?: Qualifier]

type ActGroup = {
  readonly act: string
  readonly year: number
  readonly chapter?: string
  readonly paragraph?: number
  readonly confidence: Confidence
  readonly note: string
  readonly sourceUrl: string
  readonly sections: readonly SectionRow[]
}

const actGroups: readonly ActGroup[] = [
  {
    act: 'Offences against the Person Act',
    year: 1861,
    confidence: 'CONFIRMED',
    note: 'Read in the revised text of Schedule 4',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['4', 'soliciting murder'],
      ['16', 'threats to kill'],
      ['18', 'wounding or causing grievous bodily harm with intent'],
      ['20', 'malicious wounding or inflicting grievous bodily harm'],
      ['21', 'attempting to choke, suffocate or strangle in order to commit an indictable offence'],
    ],
  },
  {
    act: 'Offences against the Person Act',
    year: 1861,
    confidence: 'UNCONFIRMED',
    note: 'The excerpt read was cut after s21; these rows match the parallel CJA 2003 / VPA 2024 lists',
    sourceUrl: PARALLEL_LIST_URL,
    sections: [
      ['22', 'using chloroform etc. to commit an indictable offence'],
      ['23', 'administering poison so as to endanger life or inflict grievous bodily harm'],
      ['27', 'abandoning children'],
      ['28', 'causing bodily injury by explosives'],
      ['29', 'using explosives with intent to do grievous bodily harm'],
      ['30', 'placing explosives with intent'],
      ['31', 'setting spring guns'],
      ['32', 'endangering railway passengers'],
      ['35', 'injury by furious driving'],
      ['37', 'assaulting an officer preserving a wreck'],
      ['38', 'assault with intent to resist arrest'],
    ],
  },
  {
    act: 'Explosive Substances Act',
    year: 1883,
    confidence: 'UNCONFIRMED',
    note: 'Titles not seen; inferred from the Bill numbering (paragraphs 8 to 10)',
    sourceUrl: BILL_PRINT_URL,
    sections: [
      ['2', 'causing an explosion likely to endanger life'],
      ['3', 'attempt or intent to cause an explosion, or making or keeping explosives'],
      ['4', 'making or possessing explosives under suspicious circumstances'],
    ],
  },
  {
    act: 'Infant Life (Preservation) Act',
    year: 1929,
    confidence: 'UNCONFIRMED',
    note: 'Inferred from the Bill numbering (paragraphs 8 to 10)',
    sourceUrl: BILL_PRINT_URL,
    sections: [['1', 'child destruction']],
  },
  {
    act: 'Children and Young Persons Act',
    year: 1933,
    confidence: 'UNCONFIRMED',
    note: 'Inferred from the Bill numbering (paragraphs 8 to 10)',
    sourceUrl: BILL_PRINT_URL,
    sections: [['1', 'cruelty to children']],
  },
  {
    act: 'Public Order Act',
    year: 1936,
    paragraph: 11,
    confidence: 'PARTLY CONFIRMED',
    note: 'Bill print, para 11; the enacted wording may differ',
    sourceUrl: BILL_PRINT_URL,
    sections: [['2', 'control etc. of a quasi-military organisation']],
  },
  {
    act: 'Infanticide Act',
    year: 1938,
    paragraph: 12,
    confidence: 'PARTLY CONFIRMED',
    note: 'Bill print, para 12; the enacted wording may differ',
    sourceUrl: BILL_PRINT_URL,
    sections: [['1', 'infanticide']],
  },
  {
    act: 'Firearms Act',
    year: 1968,
    paragraph: 13,
    confidence: 'PARTLY CONFIRMED',
    note: 'Bill print, para 13; the enacted wording may differ',
    sourceUrl: BILL_PRINT_URL,
    sections: [
      ['5', 'possession of prohibited firearms'],
      ['16', 'possession of a firearm with intent to endanger life'],
      ['16A', 'possession of a firearm with intent to cause fear of violence'],
      ['17', 'use of a firearm to resist arrest', '(1)'],
      ['17', 'possession of a firearm at the time of committing, or being arrested for, a specified offence', '(2)'],
      ['18', 'carrying a firearm with criminal intent'],
    ],
  },
  {
    act: 'Theft Act',
    year: 1968,
    paragraph: 14,
    confidence: 'PARTLY CONFIRMED',
    note: 'Bill print, para 14; the enacted wording may differ. Theft and ordinary burglary are not listed',
    sourceUrl: BILL_PRINT_URL,
    sections: [
      ['8', 'robbery or assault with intent to rob'],
      [
        '9',
        'burglary with intent to inflict grievous bodily harm or to do unlawful damage',
        undefined,
        {
          text: 'only where committed with intent to inflict grievous bodily harm on a person, or to do unlawful damage to the building or anything in it',
          idSuffix: 'with-intent-gbh-or-damage',
        },
      ],
      ['10', 'aggravated burglary'],
      [
        '12A',
        'aggravated vehicle-taking involving an accident that causes a death',
        undefined,
        { text: 'only where it involves an accident that causes the death of any person', idSuffix: 'causing-death' },
      ],
      ['21', 'blackmail'],
    ],
  },
  {
    act: 'Criminal Damage Act',
    year: 1971,
    chapter: 'c. 48',
    paragraph: 15,
    confidence: 'PARTLY CONFIRMED',
    note: 'Bill print, para 15; the enacted wording may differ. Simple criminal damage under s1(1) is not listed',
    sourceUrl: BILL_PRINT_URL,
    sections: [
      [
        '1',
        'arson',
        undefined,
        { text: 'only where the property was destroyed or damaged by fire (arson)', idSuffix: 'arson' },
      ],
      ['1', 'destroying or damaging property so as to endanger life (other than arson)', '(2)'],
    ],
  },
  {
    act: 'Immigration Act',
    year: 1971,
    paragraph: 16,
    confidence: 'PARTLY CONFIRMED',
    note: 'Bill print, para 16: s25 only (s25A and s25B are not in the paragraph)',
    sourceUrl: BILL_PRINT_URL,
    sections: [['25', 'assisting unlawful immigration to a member state']],
  },
  {
    act: 'Customs and Excise Management Act',
    year: 1979,
    confidence: 'UNCONFIRMED',
    note: 'Listed only for certain goods (e.g. weapons); the exact qualifier was not seen',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      [
        '170',
        'fraudulent evasion of a prohibition in certain cases (e.g. weapons)',
        undefined,
        {
          text: 'only for the goods Schedule 4 names (e.g. weapons); the exact list was not seen',
          idSuffix: 'listed-goods',
        },
      ],
    ],
  },
  {
    act: 'Aviation Security Act',
    year: 1982,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: ['1', '2', '3', '4', '5', '6'].map(
      (s) => [s, 'hijacking, destroying aircraft and related offences (ss1–6)'] as const,
    ),
  },
  {
    act: 'Mental Health Act',
    year: 1983,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [['127', 'ill-treatment of patients']],
  },
  {
    act: 'Child Abduction Act',
    year: 1984,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['1', 'child abduction'],
      ['2', 'child abduction'],
    ],
  },
  {
    act: 'Public Order Act',
    year: 1986,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['1', 'riot'],
      ['2', 'violent disorder'],
    ],
  },
  {
    act: 'Criminal Justice Act',
    year: 1988,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [['134', 'torture']],
  },
  {
    act: 'Road Traffic Act',
    year: 1988,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['1', 'causing death by dangerous driving'],
      ['3A', 'causing death by careless driving when under the influence of drink or drugs'],
    ],
  },
  {
    act: 'Aviation and Maritime Security Act',
    year: 1990,
    confidence: 'UNCONFIRMED',
    note: 'Section numbers only; the titles were not seen',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: ['1', '9', '10', '11', '12', '13'].map(
      (s) => [s, 'aviation or maritime security offence (ss1, 9–13; title not seen)'] as const,
    ),
  },
  {
    act: 'Protection from Harassment Act',
    year: 1997,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['4', 'putting people in fear of violence'],
      ['4A', 'stalking involving fear of violence or serious alarm or distress'],
    ],
  },
  {
    act: 'Crime and Disorder Act',
    year: 1998,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['29', 'racially or religiously aggravated assaults'],
      ['31', 'racially or religiously aggravated public order offence', '(1)(a)'],
      ['31', 'racially or religiously aggravated public order offence', '(1)(b)'],
    ],
  },
  {
    act: 'Terrorism Act',
    year: 2000,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['54', 'weapons training'],
      ['56', 'directing a terrorist organisation'],
      ['57', 'possession of an article for terrorist purposes'],
      ['58', 'collection of information'],
      ['59', 'inciting terrorism overseas'],
    ],
  },
  {
    act: 'International Criminal Court Act',
    year: 2001,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['51', 'genocide, crimes against humanity and war crimes'],
      ['52', 'conduct ancillary to genocide, crimes against humanity and war crimes'],
    ],
  },
  {
    act: 'Anti-terrorism, Crime and Security Act',
    year: 2001,
    paragraph: 31,
    confidence: 'CONFIRMED',
    note: 'Lords print, para 31',
    sourceUrl: LORDS_PRINT_URL,
    sections: [
      ['47', 'use etc. of nuclear weapons'],
      ['50', 'assisting or inducing certain weapons-related acts overseas'],
      ['113', 'use of a noxious substance or thing to cause harm or intimidate'],
    ],
  },
  {
    act: 'Female Genital Mutilation Act',
    year: 2003,
    paragraph: 32,
    confidence: 'CONFIRMED',
    note: 'Lords print, para 32',
    sourceUrl: LORDS_PRINT_URL,
    sections: [
      ['1', 'female genital mutilation'],
      ['2', 'assisting a girl to mutilate her own genitalia'],
      ['3', 'assisting a non-UK person to mutilate overseas a girl’s genitalia'],
    ],
  },
  {
    act: 'Sexual Offences Act',
    year: 2003,
    paragraph: 33,
    confidence: 'CONFIRMED',
    note: 'Lords print, para 33',
    sourceUrl: LORDS_PRINT_URL,
    sections: [
      ['1', 'rape'],
      ['2', 'assault by penetration'],
      ['3', 'sexual assault'],
      ['4', 'causing a person to engage in sexual activity without consent'],
      ['5', 'rape of a child under 13'],
      ['6', 'assault of a child under 13 by penetration'],
      ['7', 'sexual assault of a child under 13'],
      ['8', 'causing or inciting a child under 13 to engage in sexual activity'],
      ['9', 'sexual activity with a child'],
      ['10', 'causing or inciting a child to engage in sexual activity'],
      ['13', 'child sex offences committed by children or young persons'],
      ['14', 'arranging or facilitating the commission of a child sex offence'],
      ['15', 'meeting a child following sexual grooming etc.'],
      ['16', 'abuse of position of trust (ss16–19)'],
      ['17', 'abuse of position of trust (ss16–19)'],
      ['18', 'abuse of position of trust (ss16–19)'],
      ['19', 'abuse of position of trust (ss16–19)'],
      ['25', 'familial child sex offence'],
      ['26', 'inciting a child family member to engage in sexual activity'],
      ['30', 'sexual activity with a person with a mental disorder impeding choice'],
      ['31', 'causing or inciting a person with a mental disorder impeding choice to engage in sexual activity'],
    ],
  },
  {
    act: 'Sexual Offences Act',
    year: 2003,
    paragraph: 33,
    confidence: 'UNCONFIRMED',
    note: 'The excerpt read was cut at s31; the paragraph may list other offences of this Act too',
    sourceUrl: LORDS_PRINT_URL,
    sections: [
      ...['32', '33', '34', '35', '36', '37', '38', '39', '40', '41'].map(
        (s) => [s, 'further offences against persons with a mental disorder (ss32–41)'] as const,
      ),
      ...['47', '48', '49', '50'].map((s) => [s, 'sexual exploitation of children (ss47–50)'] as const),
      ['61', 'administering a substance with intent'],
      ['62', 'committing an offence with intent to commit a sexual offence'],
    ],
  },
  {
    act: 'Domestic Violence, Crime and Victims Act',
    year: 2004,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [['5', 'causing or allowing the death or serious harm of a child or vulnerable adult']],
  },
  {
    act: 'Terrorism Act',
    year: 2006,
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['5', 'preparation of terrorist acts'],
      ['6', 'training for terrorism'],
      ...['9', '10', '11'].map((s) => [s, 'offences involving radioactive devices and materials (ss9–11)'] as const),
    ],
  },
  {
    act: 'Modern Slavery Act',
    year: 2015,
    chapter: 'c. 30',
    confidence: 'UNCONFIRMED',
    note: 'Not verified against the Schedule text',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    sections: [
      ['1', 'slavery, servitude and forced or compulsory labour'],
      ['2', 'human trafficking'],
    ],
  },
]

const statutory: readonly StatutorySchedule4Entry[] = actGroups.flatMap((group) =>
  group.sections.map(([section, title, subsection, qualifier]) => ({
    kind: 'statutory' as const,
    id: slug(`${group.act} ${group.year} s${section} ${subsection ?? ''} ${qualifier?.idSuffix ?? ''}`),
    act: group.act,
    year: group.year,
    chapter: group.chapter ?? null,
    section,
    subsection: subsection ?? null,
    qualifier: qualifier?.text ?? null,
    title,
    paragraph: group.paragraph ?? null,
    confidence: group.confidence,
    note: group.note,
    sourceUrl: group.sourceUrl,
  })),
)

export const SCHEDULE_4: readonly Schedule4Entry[] = [...commonLaw, ...statutory]

export function schedule4EntryById(id: string): Schedule4Entry | undefined {
  return SCHEDULE_4.find((e) => e.id === id)
}

// law-and-process.md §4.3, last row: "attempting, conspiring, aiding/abetting/counselling/procuring, or
// encouraging/assisting (Serious Crime Act 2007 Part 2) any listed offence" — UNCONFIRMED for Schedule 4
// (the same pattern is CONFIRMED in Schedule 1 para 9).
export const ancillaryKinds = ['attempt', 'conspiracy', 'secondary-participation', 'encouraging-or-assisting'] as const
export const AncillaryKind = z.enum(ancillaryKinds)
export type AncillaryKind = z.infer<typeof AncillaryKind>

export const AncillaryForm = z.object({
  kind: AncillaryKind,
  /** Reads before an offence's title: "attempting to commit". */
  label: z.string().min(1),
  confidence: Confidence,
  note: z.string().min(1),
})
export type AncillaryForm = z.infer<typeof AncillaryForm>

const ancillaryNote = 'Listed for Schedule 4 by analogy only: the same pattern is CONFIRMED in Schedule 1 para 9'

export const ANCILLARY_FORMS: Readonly<Record<AncillaryKind, AncillaryForm>> = {
  attempt: { kind: 'attempt', label: 'attempting to commit', confidence: 'UNCONFIRMED', note: ancillaryNote },
  conspiracy: { kind: 'conspiracy', label: 'conspiracy to commit', confidence: 'UNCONFIRMED', note: ancillaryNote },
  'secondary-participation': {
    kind: 'secondary-participation',
    label: 'aiding, abetting, counselling or procuring',
    confidence: 'UNCONFIRMED',
    note: ancillaryNote,
  },
  'encouraging-or-assisting': {
    kind: 'encouraging-or-assisting',
    label: 'encouraging or assisting (Serious Crime Act 2007 Part 2)',
    confidence: 'UNCONFIRMED',
    note: ancillaryNote,
  },
}
