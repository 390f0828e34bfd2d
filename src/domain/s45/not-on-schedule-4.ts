import { z } from 'zod'
import { Confidence } from '../shared/vocabulary.js'
import { slug } from './offence-text.js'
import { SCHEDULE_4_SOURCE_URL } from './schedule-4.js'

// Offences Lantern recognises that are NOT on Schedule 4, so the s45 defence can be run on them. The
// assistant says "available" only for an offence found here; anything it cannot find is an error, never a
// silent "available". Each row carries how sure the domain file lets us be that it is absent from Schedule 4.
export const NotListedOffence = z.object({
  id: z.string().min(1),
  act: z.string().min(1),
  year: z.number().int(),
  chapter: z.string().nullable(),
  section: z.string().min(1),
  subsection: z.string().nullable(),
  title: z.string().min(1),
  /** How sure we are that this offence is absent from Schedule 4. */
  confidence: Confidence,
  note: z.string().min(1),
  /** The domain-file section the row rests on. */
  ref: z.string().min(1),
  /** When a closely related form of the offence IS on Schedule 4, what makes it so. */
  excludedIf: z.string().nullable(),
  sourceUrl: z.string().min(1),
})
export type NotListedOffence = z.infer<typeof NotListedOffence>

type Row = readonly [section: string, title: string, subsection?: string, excludedIf?: string]

type ActGroup = {
  readonly act: string
  readonly year: number
  readonly chapter?: string
  readonly confidence: Confidence
  readonly note: string
  readonly sourceUrl: string
  readonly ref?: string
  readonly rows: readonly Row[]
}

const BILL_PRINT_URL = 'https://publications.parliament.uk/pa/bills/cbill/2014-2015/0096/cbill_2014-20150096_en_6.htm'
const MK_URL = 'https://caselaw.nationalarchives.gov.uk/ewca/crim/2018/667'
const notSeen =
  'Not among the Schedule 4 rows the domain file lists; the Schedule was not read in full and amendments were not established'

const groups: readonly ActGroup[] = [
  {
    // law-and-process.md §4.3 "Misuse of Drugs Act 1971: Not listed" (CONFIRMED as far as the Bill print goes).
    act: 'Misuse of Drugs Act',
    year: 1971,
    chapter: 'c. 38',
    confidence: 'CONFIRMED',
    note: 'No offence under this Act is on Schedule 4 (as far as the Bill print goes); s45 is run on drug production and supply charges',
    sourceUrl: BILL_PRINT_URL,
    rows: [
      ['4', 'production or supply of a controlled drug'],
      ['5', 'possession of a controlled drug, or possession with intent to supply'],
      ['6', 'cultivation of cannabis plant'],
      ['8', 'occupier or manager permitting premises to be used for drug activity'],
    ],
  },
  {
    // indicators.md §6.4 (R v MK; R v Gega, CONFIRMED) and §6.5 (AAH): s45 was run on IDA 2010 s4 counts.
    act: 'Identity Documents Act',
    year: 2010,
    confidence: 'PARTLY CONFIRMED',
    note: 'The s45 defence was run on this offence in R v MK; R v Gega [2018] EWCA Crim 667 and in R v AAD, AAH, AAI [2022]; the later paragraphs of Schedule 4 were not all seen',
    sourceUrl: MK_URL,
    ref: 'indicators.md §6.4–§6.5',
    rows: [['4', 'possession of a false identity document etc. with improper intention']],
  },
  {
    act: 'Identity Documents Act',
    year: 2010,
    confidence: 'UNCONFIRMED',
    note: notSeen,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [['6', 'possession of a false identity document etc. without reasonable excuse']],
  },
  {
    // law-and-process.md §4.3, Theft Act row: "ordinary burglary and theft are not excluded" (PARTLY CONFIRMED).
    act: 'Theft Act',
    year: 1968,
    confidence: 'PARTLY CONFIRMED',
    note: 'Schedule 4 para 14 (Bill print) lists only s8, s9 (with intent to inflict GBH or do unlawful damage), s10, s12A (accident causing death) and s21',
    sourceUrl: BILL_PRINT_URL,
    rows: [
      ['1', 'theft'],
      [
        '9',
        'burglary (not with intent to inflict grievous bodily harm or to do unlawful damage)',
        undefined,
        'Excluded (Schedule 4 para 14) if the burglary was committed with intent to inflict grievous bodily harm on a person or to do unlawful damage to the building or anything in it.',
      ],
      ['12', 'taking a motor vehicle or other conveyance without authority'],
      [
        '12A',
        'aggravated vehicle-taking (no accident causing a death)',
        undefined,
        'Excluded (Schedule 4 para 14) if the aggravated vehicle-taking involved an accident that caused a death.',
      ],
      ['22', 'handling stolen goods'],
    ],
  },
  {
    // law-and-process.md §4.3, Immigration Act row: "s25 only" (PARTLY CONFIRMED).
    act: 'Immigration Act',
    year: 1971,
    confidence: 'PARTLY CONFIRMED',
    note: 'Schedule 4 para 16 (Bill print) lists s25 only; practitioner notes say the defence covers most immigration offences',
    sourceUrl: BILL_PRINT_URL,
    rows: [
      ['24', 'illegal entry and similar offences'],
      ['24A', 'deception'],
      ['25A', 'helping an asylum-seeker to enter the United Kingdom'],
      ['25B', 'assisting entry to the United Kingdom in breach of a deportation or exclusion order'],
    ],
  },
  {
    // law-and-process.md §4.3, Criminal Damage Act row: "simple criminal damage under s1(1) is not excluded".
    act: 'Criminal Damage Act',
    year: 1971,
    chapter: 'c. 48',
    confidence: 'PARTLY CONFIRMED',
    note: 'Schedule 4 para 15 (Bill print) lists only arson and s1(2)',
    sourceUrl: BILL_PRINT_URL,
    rows: [
      [
        '1',
        'destroying or damaging property (simple criminal damage)',
        '(1)',
        'Excluded (Schedule 4 para 15) if the property was destroyed or damaged by fire (arson), or if the charge is under s1(2) (endangering life).',
      ],
      ['2', 'threats to destroy or damage property'],
      ['3', 'possessing anything with intent to destroy or damage property'],
    ],
  },
  {
    // law-and-process.md §4.3, Firearms Act row lists s5, s16, s16A, s17(1), s17(2), s18 (PARTLY CONFIRMED).
    act: 'Firearms Act',
    year: 1968,
    confidence: 'PARTLY CONFIRMED',
    note: 'Schedule 4 para 13 (Bill print) lists only s5, s16, s16A, s17(1), s17(2) and s18',
    sourceUrl: BILL_PRINT_URL,
    rows: [
      ['1', 'possessing a firearm or ammunition without a certificate'],
      ['19', 'carrying a firearm in a public place'],
    ],
  },
  {
    act: 'Customs and Excise Management Act',
    year: 1979,
    confidence: 'UNCONFIRMED',
    note: 'Schedule 4 lists s170 only for certain goods (e.g. weapons); the exact qualifier was not seen',
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      [
        '170',
        'fraudulent evasion of a prohibition for goods outside the listed cases (e.g. controlled drugs)',
        undefined,
        'Excluded if the goods are among those Schedule 4 names for s170 (e.g. weapons); the exact list was not seen.',
      ],
    ],
  },
  {
    act: 'Offences against the Person Act',
    year: 1861,
    confidence: 'UNCONFIRMED',
    note: `${notSeen}. The rows read for this Act stop at s38`,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [['47', 'assault occasioning actual bodily harm']],
  },
  {
    act: 'Prevention of Crime Act',
    year: 1953,
    confidence: 'UNCONFIRMED',
    note: `${notSeen}. No 1953 Act sits between paras 12 (1938) and 13 (1968) of the Bill print`,
    sourceUrl: BILL_PRINT_URL,
    rows: [['1', 'having an offensive weapon in a public place']],
  },
  {
    act: 'Forgery and Counterfeiting Act',
    year: 1981,
    confidence: 'UNCONFIRMED',
    note: notSeen,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['1', 'forgery'],
      ['3', 'using a false instrument'],
      ['5', 'offences relating to money orders, share certificates, passports etc.'],
    ],
  },
  {
    act: 'Public Order Act',
    year: 1986,
    confidence: 'UNCONFIRMED',
    note: `${notSeen}. The row read for this Act lists s1 and s2 only`,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['3', 'affray'],
      ['4', 'fear or provocation of violence'],
    ],
  },
  {
    act: 'Criminal Justice Act',
    year: 1988,
    confidence: 'UNCONFIRMED',
    note: `${notSeen}. The row read for this Act lists s134 only`,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['39', 'common assault and battery'],
      ['139', 'having an article with a blade or point in a public place'],
    ],
  },
  {
    act: 'Road Traffic Act',
    year: 1988,
    confidence: 'UNCONFIRMED',
    note: `${notSeen}. The row read for this Act lists s1 and s3A only`,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['103', 'driving while disqualified'],
      ['143', 'using a motor vehicle without insurance'],
    ],
  },
  {
    act: 'Social Security Administration Act',
    year: 1992,
    confidence: 'UNCONFIRMED',
    note: notSeen,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [['111A', 'dishonest representations for obtaining benefit etc.']],
  },
  {
    act: 'Protection from Harassment Act',
    year: 1997,
    confidence: 'UNCONFIRMED',
    note: `${notSeen}. The row read for this Act lists s4 and s4A only`,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['2', 'harassment'],
      ['2A', 'stalking'],
    ],
  },
  {
    act: 'Proceeds of Crime Act',
    year: 2002,
    confidence: 'UNCONFIRMED',
    note: notSeen,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['327', 'concealing etc. criminal property'],
      ['328', 'arrangements facilitating the acquisition, retention, use or control of criminal property'],
      ['329', 'acquisition, use and possession of criminal property'],
    ],
  },
  {
    act: 'Asylum and Immigration (Treatment of Claimants, etc.) Act',
    year: 2004,
    confidence: 'UNCONFIRMED',
    note: notSeen,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [['2', 'entering the United Kingdom without a passport etc.']],
  },
  {
    act: 'Fraud Act',
    year: 2006,
    confidence: 'UNCONFIRMED',
    note: notSeen,
    sourceUrl: SCHEDULE_4_SOURCE_URL,
    rows: [
      ['1', 'fraud'],
      ['6', 'possession etc. of articles for use in frauds'],
      ['7', 'making or supplying articles for use in frauds'],
      ['11', 'obtaining services dishonestly'],
    ],
  },
]

export const NOT_ON_SCHEDULE_4: readonly NotListedOffence[] = groups.flatMap((group) =>
  group.rows.map(([section, title, subsection, excludedIf]) => ({
    id: `not-listed-${slug(`${group.act} ${group.year} s${section} ${subsection ?? ''}`)}`,
    act: group.act,
    year: group.year,
    chapter: group.chapter ?? null,
    section,
    subsection: subsection ?? null,
    title,
    confidence: group.confidence,
    note: group.note,
    ref: group.ref ?? 'law-and-process.md §4.3',
    excludedIf: excludedIf ?? null,
    sourceUrl: group.sourceUrl,
  })),
)
