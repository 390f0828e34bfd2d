import { normaliseOffenceText } from './offence-text.js'

// Everyday names for offences, so an officer can type "robbery" or "possession with intent to supply" as well
// as a citation. Each name points at a citation (or a common-law name) that the parser then resolves against
// Schedule 4 and the not-listed offences; a name never decides s45 on its own. Words after a name are kept,
// so "burglary with intent to inflict GBH" reaches the qualified Schedule 4 row.

/** A phrase's comparison key: normalised text, "class a" as one token, articles dropped. */
export function nameKey(text: string): string {
  return normaliseOffenceText(text)
    .replace(/\bclass ([abc])\b/g, 'class$1')
    .replace(/\b(a|an|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** A citation or common-law name, or several when the name alone cannot tell them apart. */
export type NameTarget = string | readonly string[]

type NameRow = readonly [phrases: readonly string[], target: NameTarget]

const drugObjects = [
  'a controlled drug',
  'controlled drugs',
  'drugs',
  'class a',
  'class b',
  'class c',
  'a class a drug',
  'a class b drug',
  'a class c drug',
  'class a drugs',
  'class b drugs',
  'class c drugs',
  'cocaine',
  'crack cocaine',
  'heroin',
  'cannabis',
  'ketamine',
  'mdma',
  'amphetamine',
]

function withDrugs(verbs: readonly string[]): string[] {
  return verbs.flatMap((verb) => drugObjects.map((object) => `${verb} ${object}`))
}

const MDA_S4_2 = 'Misuse of Drugs Act 1971 s4(2)'
const MDA_S4_3 = 'Misuse of Drugs Act 1971 s4(3)'
const MDA_S5_2 = 'Misuse of Drugs Act 1971 s5(2)'
const MDA_S5_3 = 'Misuse of Drugs Act 1971 s5(3)'

const rows: readonly NameRow[] = [
  [['kidnap'], 'kidnapping'],
  [['falsely imprison', 'falsely imprisoning'], 'false imprisonment'],
  [
    [
      'perverting the course of public justice',
      'pervert the course of justice',
      'pervert the course of public justice',
      'perverting justice',
    ],
    'perverting the course of justice',
  ],
  [['robbery', 'rob', 'robbing', 'assault with intent to rob'], 'Theft Act 1968 s8'],
  [['burglary', 'burgle', 'commit burglary'], 'Theft Act 1968 s9'],
  [['aggravated burglary'], 'Theft Act 1968 s10'],
  [['aggravated vehicle taking', 'aggravated taking of a vehicle'], 'Theft Act 1968 s12A'],
  [
    ['taking a vehicle without consent', 'taking without consent', 'twoc', 'taking a conveyance without authority'],
    'Theft Act 1968 s12',
  ],
  [['blackmail'], 'Theft Act 1968 s21'],
  [['theft', 'steal', 'stealing', 'shoplifting'], 'Theft Act 1968 s1'],
  [['handling stolen goods', 'handle stolen goods'], 'Theft Act 1968 s22'],
  [['soliciting murder', 'solicit murder', 'solicitation of murder'], 'Offences against the Person Act 1861 s4'],
  [['threats to kill', 'threat to kill', 'making threats to kill'], 'Offences against the Person Act 1861 s16'],
  [
    [
      'wounding with intent',
      'grievous bodily harm with intent',
      'causing grievous bodily harm with intent',
      'cause grievous bodily harm with intent',
      'gbh with intent',
    ],
    'Offences against the Person Act 1861 s18',
  ],
  [
    ['malicious wounding', 'unlawful wounding', 'inflicting grievous bodily harm', 'wounding', 'gbh'],
    'Offences against the Person Act 1861 s20',
  ],
  [['attempting to choke suffocate or strangle'], 'Offences against the Person Act 1861 s21'],
  [['assault with intent to resist arrest'], 'Offences against the Person Act 1861 s38'],
  [['assault occasioning actual bodily harm', 'actual bodily harm', 'abh'], 'Offences against the Person Act 1861 s47'],
  [['common assault', 'assault by beating', 'battery'], 'Criminal Justice Act 1988 s39'],
  [
    ['having a bladed article in a public place', 'possession of a bladed article', 'bladed article'],
    'Criminal Justice Act 1988 s139',
  ],
  [
    ['possession of an offensive weapon', 'having an offensive weapon', 'offensive weapon'],
    'Prevention of Crime Act 1953 s1',
  ],
  [['torture'], 'Criminal Justice Act 1988 s134'],
  [['criminal damage'], 'Criminal Damage Act 1971 s1'],
  [['arson'], 'Criminal Damage Act 1971 s1 arson'],
  [['threats to destroy or damage property'], 'Criminal Damage Act 1971 s2'],
  [withDrugs(['produce', 'production of', 'producing', 'being concerned in the production of']), MDA_S4_2],
  [
    withDrugs([
      'supply',
      'supply of',
      'supplying',
      'being concerned in the supply of',
      'being concerned in supplying',
      'offering to supply',
    ]),
    MDA_S4_3,
  ],
  [
    [
      'pwits',
      'possession with intent to supply',
      ...withDrugs(['possession with intent to supply']),
      ...drugObjects.flatMap((o) => [
        `possession of ${o} with intent to supply`,
        `possessing ${o} with intent to supply`,
      ]),
    ],
    MDA_S5_3,
  ],
  [withDrugs(['possession of', 'possessing', 'possess', 'simple possession of']), MDA_S5_2],
  [
    ['cultivation of cannabis', 'cultivating cannabis', 'cultivate cannabis', 'cannabis cultivation'],
    'Misuse of Drugs Act 1971 s6',
  ],
  [
    [
      'possession of a false identity document with improper intention',
      'possessing a false identity document with improper intention',
      'possession of an identity document with improper intention',
      'possessing an identity document with improper intention',
    ],
    'Identity Documents Act 2010 s4',
  ],
  [
    [
      'possession of a false identity document without reasonable excuse',
      'possessing a false identity document without reasonable excuse',
    ],
    'Identity Documents Act 2010 s6',
  ],
  [
    [
      'possession of a false identity document',
      'possessing a false identity document',
      'possession of a false passport',
      'possessing a false passport',
      'false identity document',
      'false passport',
    ],
    ['Identity Documents Act 2010 s4', 'Identity Documents Act 2010 s6'],
  ],
  [['forgery'], 'Forgery and Counterfeiting Act 1981 s1'],
  [['using a false instrument'], 'Forgery and Counterfeiting Act 1981 s3'],
  [['illegal entry', 'entering the uk illegally'], 'Immigration Act 1971 s24'],
  [
    [
      'assisting unlawful immigration',
      'facilitating unlawful immigration',
      'facilitating illegal immigration',
      'people smuggling',
    ],
    'Immigration Act 1971 s25',
  ],
  [
    ['entering the uk without a passport', 'failing to produce an immigration document'],
    'Asylum and Immigration (Treatment of Claimants, etc.) Act 2004 s2',
  ],
  [
    [
      'fraud',
      'fraud by false representation',
      'fraud by failing to disclose information',
      'fraud by abuse of position',
    ],
    'Fraud Act 2006 s1',
  ],
  [['benefit fraud'], 'Social Security Administration Act 1992 s111A'],
  [
    ['money laundering'],
    ['Proceeds of Crime Act 2002 s327', 'Proceeds of Crime Act 2002 s328', 'Proceeds of Crime Act 2002 s329'],
  ],
  [['concealing criminal property'], 'Proceeds of Crime Act 2002 s327'],
  [['rape'], 'Sexual Offences Act 2003 s1'],
  [['assault by penetration'], 'Sexual Offences Act 2003 s2'],
  [['sexual assault'], 'Sexual Offences Act 2003 s3'],
  [['female genital mutilation', 'fgm'], 'Female Genital Mutilation Act 2003 s1'],
  [['slavery', 'holding a person in slavery or servitude', 'forced labour', 'servitude'], 'Modern Slavery Act 2015 s1'],
  [['human trafficking', 'trafficking'], 'Modern Slavery Act 2015 s2'],
  [['possession of a prohibited firearm', 'possession of a prohibited weapon'], 'Firearms Act 1968 s5'],
  [['possession of a firearm with intent to endanger life'], 'Firearms Act 1968 s16'],
  [
    ['carrying a firearm with criminal intent', 'possession of a firearm with criminal intent'],
    'Firearms Act 1968 s18',
  ],
  [['possession of a firearm without a certificate'], 'Firearms Act 1968 s1'],
  [['riot'], 'Public Order Act 1986 s1'],
  [['violent disorder'], 'Public Order Act 1986 s2'],
  [['affray'], 'Public Order Act 1986 s3'],
  [['causing death by dangerous driving'], 'Road Traffic Act 1988 s1'],
  [['driving while disqualified', 'disqualified driving'], 'Road Traffic Act 1988 s103'],
  [['driving without insurance', 'no insurance'], 'Road Traffic Act 1988 s143'],
  [['harassment'], 'Protection from Harassment Act 1997 s2'],
  [['stalking'], 'Protection from Harassment Act 1997 s2A'],
  [['putting people in fear of violence'], 'Protection from Harassment Act 1997 s4'],
  [['child cruelty', 'cruelty to children'], 'Children and Young Persons Act 1933 s1'],
  [['child destruction'], 'Infant Life (Preservation) Act 1929 s1'],
  [['infanticide'], 'Infanticide Act 1938 s1'],
  [['child abduction'], ['Child Abduction Act 1984 s1', 'Child Abduction Act 1984 s2']],
  [['hijacking'], 'Aviation Security Act 1982 s1'],
]

export type OffenceName = { readonly phrase: string; readonly key: string; readonly target: NameTarget }

/** Every name, longest key first, so "aggravated burglary" wins over "burglary". */
export const OFFENCE_NAMES: readonly OffenceName[] = rows
  .flatMap(([phrases, target]) => phrases.map((phrase) => ({ phrase, key: nameKey(phrase), target })))
  .sort((a, b) => b.key.length - a.key.length)

/** One phrase per row, the first, offered as a suggestion. */
export const SUGGESTED_NAMES: readonly string[] = rows.map(([phrases]) => phrases[0] ?? '').filter((p) => p !== '')

// Short forms officers write for Acts (e.g. "MDA 1971 s4(2)"); the year picks between Acts sharing a short form.
export const ACT_ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  oapa: ['Offences against the Person Act'],
  mda: ['Misuse of Drugs Act'],
  ida: ['Identity Documents Act'],
  soa: ['Sexual Offences Act'],
  poca: ['Proceeds of Crime Act'],
  rta: ['Road Traffic Act'],
  msa: ['Modern Slavery Act'],
  cda: ['Criminal Damage Act', 'Crime and Disorder Act'],
  ia: ['Immigration Act'],
  fa: ['Firearms Act', 'Fraud Act'],
  ta: ['Theft Act', 'Terrorism Act'],
  pha: ['Protection from Harassment Act'],
  poa: ['Public Order Act'],
  cja: ['Criminal Justice Act'],
  cema: ['Customs and Excise Management Act'],
  fgma: ['Female Genital Mutilation Act'],
  atcsa: ['Anti-terrorism, Crime and Security Act'],
  icca: ['International Criminal Court Act'],
  dvcva: ['Domestic Violence, Crime and Victims Act'],
  pca: ['Prevention of Crime Act'],
  fca: ['Forgery and Counterfeiting Act'],
  cypa: ['Children and Young Persons Act'],
  esa: ['Explosive Substances Act'],
  mha: ['Mental Health Act'],
  caa: ['Child Abduction Act'],
  ssaa: ['Social Security Administration Act'],
}

export type QualifierHint = {
  /** Words in the charge that show the qualified form. */
  readonly words: RegExp
  /** Appended to the citation so the suggestion parses back to this row. */
  readonly citationSuffix: string
  /** Subsections that by themselves name the qualified form, e.g. arson is charged with s1(3). */
  readonly subsections?: readonly string[]
}

// Rows that a bare citation does not reach: the charge must show the circumstances (law-and-process.md §4.3).
export const QUALIFIER_HINTS: Readonly<Record<string, QualifierHint>> = {
  'theft-act-1968-s9-with-intent-gbh-or-damage': {
    words: /\b(grievous|gbh|inflict|damage)\b/,
    citationSuffix: 'with intent to inflict grievous bodily harm or do unlawful damage',
  },
  'theft-act-1968-s12a-causing-death': {
    words: /\b(death|died|dies|fatal|fatality|killed|killing)\b/,
    citationSuffix: 'causing death',
  },
  'criminal-damage-act-1971-s1-arson': {
    words: /\b(arson|fire|burning|burned|burnt)\b/,
    citationSuffix: 'arson',
    subsections: ['(3)'],
  },
  'customs-and-excise-management-act-1979-s170-listed-goods': {
    words: /\b(weapons?|firearms?|ammunition|explosives?|guns?)\b/,
    citationSuffix: 'weapons',
  },
  'not-listed-customs-and-excise-management-act-1979-s170': {
    words: /\b(drugs?|controlled|cocaine|heroin|cannabis|class\s?[abc]|tobacco|cigarettes|alcohol)\b/,
    citationSuffix: 'controlled drugs',
  },
}

// When a bare citation ("Criminal Damage Act 1971 s1") matches several subsection rows, the one it means.
export const BARE_CITATION_DEFAULTS: ReadonlySet<string> = new Set(['not-listed-criminal-damage-act-1971-s1-1'])
