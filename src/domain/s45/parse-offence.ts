import { z } from 'zod'
import { NOT_ON_SCHEDULE_4, NotListedOffence } from './not-on-schedule-4.js'
import {
  ACT_ABBREVIATIONS,
  BARE_CITATION_DEFAULTS,
  nameKey,
  OFFENCE_NAMES,
  QUALIFIER_HINTS,
  SUGGESTED_NAMES,
} from './offence-names.js'
import { normaliseOffenceText, normaliseSection, normaliseSubsection } from './offence-text.js'
import {
  ANCILLARY_FORMS,
  AncillaryKind,
  type CommonLawSchedule4Entry,
  SCHEDULE_4,
  SCHEDULE_4_SOURCE_URL,
  Schedule4Entry,
  type StatutorySchedule4Entry,
} from './schedule-4.js'
import { type Candidate, closeMatches } from './similarity.js'

export const OffenceMatch = z.discriminatedUnion('list', [
  z.object({ list: z.literal('schedule-4'), entry: Schedule4Entry }),
  z.object({ list: z.literal('not-on-schedule-4'), entry: NotListedOffence }),
])
export type OffenceMatch = z.infer<typeof OffenceMatch>

export const ResolvedOffence = z.object({
  /** What the user typed. */
  input: z.string(),
  /** The offence Lantern identified, e.g. "Misuse of Drugs Act 1971 s4(2)" or "murder". */
  citation: z.string(),
  /** Plain words, e.g. "conspiracy to commit robbery or assault with intent to rob". */
  label: z.string(),
  ancillary: AncillaryKind.nullable(),
  match: OffenceMatch,
})
export type ResolvedOffence = z.infer<typeof ResolvedOffence>

export const offenceErrorCodes = [
  'offence-missing',
  'offence-unknown',
  'offence-section-unknown',
  'offence-ambiguous',
] as const
export const OffenceError = z.object({
  code: z.enum(offenceErrorCodes),
  message: z.string(),
  /** Offences Lantern can identify that are close to what was typed; each parses as given. */
  suggestions: z.array(z.string()),
})
export type OffenceError = z.infer<typeof OffenceError>

export type ParseOffenceResult =
  | { readonly ok: true; readonly offence: ResolvedOffence }
  | { readonly ok: false; readonly error: OffenceError }

type StatutoryMatch =
  | { readonly list: 'schedule-4'; readonly entry: StatutorySchedule4Entry }
  | { readonly list: 'not-on-schedule-4'; readonly entry: NotListedOffence }

const STATUTORY: readonly StatutoryMatch[] = [
  ...SCHEDULE_4.filter((e): e is StatutorySchedule4Entry => e.kind === 'statutory').map((entry) => ({
    list: 'schedule-4' as const,
    entry,
  })),
  ...NOT_ON_SCHEDULE_4.map((entry) => ({ list: 'not-on-schedule-4' as const, entry })),
]

const COMMON_LAW: readonly CommonLawSchedule4Entry[] = SCHEDULE_4.filter(
  (e): e is CommonLawSchedule4Entry => e.kind === 'common-law',
)

function actKey(act: string): string {
  return normaliseOffenceText(act).replace(/^the /, '')
}

const KNOWN_ACTS: ReadonlyMap<string, { readonly act: string; readonly year: number }> = new Map(
  STATUTORY.map(({ entry }) => [`${actKey(entry.act)} ${entry.year}`, { act: entry.act, year: entry.year }]),
)

function statutoryEntry(match: OffenceMatch): StatutorySchedule4Entry | NotListedOffence | null {
  if (match.list === 'not-on-schedule-4') return match.entry
  return match.entry.kind === 'statutory' ? match.entry : null
}

/** The citation that parses back to this row, e.g. "Theft Act 1968 s9 with intent to inflict …". */
export function citationOf(match: OffenceMatch, subsection: string | null = null): string {
  const e = statutoryEntry(match)
  if (!e) return match.entry.title
  const sub = subsection && (e.subsection === null || subsection.startsWith(e.subsection)) ? subsection : e.subsection
  const hint = QUALIFIER_HINTS[e.id]
  return `${e.act} ${e.year} s${e.section}${sub ?? ''}${hint ? ` ${hint.citationSuffix}` : ''}`
}

const CANDIDATES: readonly Candidate[] = [
  ...COMMON_LAW.map((e) => e.name),
  ...STATUTORY.map((m) => citationOf(m)),
  ...SUGGESTED_NAMES,
].map((display) => ({ display, key: normaliseOffenceText(display) }))

function unknown(input: string, query: string, prefix: string): OffenceError {
  const suggestions = closeMatches(query, CANDIDATES).map((s) => `${prefix}${s}`)
  const hint =
    suggestions.length > 0
      ? ` Did you mean: ${suggestions.join('; ')}?`
      : ` There is no close match. Check Schedule 4 at ${SCHEDULE_4_SOURCE_URL}.`
  return {
    code: 'offence-unknown',
    message: `Lantern cannot identify the offence "${input.trim()}", so it cannot say whether the s45 defence is available.${hint} Give a common-law offence name (e.g. "murder") or an Act, year and section (e.g. "Theft Act 1968 s8").`,
    suggestions,
  }
}

type Citation = {
  readonly actText: string
  readonly year: number
  readonly section: string
  readonly subsection: string | null
  readonly rest: string
}

const SECTION_WORD = '(?:s|ss|sec|section|sections)'
const SUBS = '((?:\\([0-9a-z]+\\))*)'
const ACT_FIRST = new RegExp(
  `^(.+?)\\s*\\(?(1[5-9]\\d\\d|20\\d\\d)\\)?\\s*(?:\\(?c\\s?\\d+\\)?\\s*)?${SECTION_WORD}?\\s*(\\d+[a-z]{0,2})\\b\\s*${SUBS}\\s*(.*)$`,
)
const SECTION_FIRST = new RegExp(
  `^${SECTION_WORD}\\s*(\\d+[a-z]{0,2})\\b\\s*${SUBS}\\s*(?:of\\s+)?(.+?)\\s*\\(?(1[5-9]\\d\\d|20\\d\\d)\\)?\\s*(.*)$`,
)

function splitCitation(text: string): Citation | null {
  const sectionFirst = SECTION_FIRST.exec(text)
  if (sectionFirst) {
    const [, section = '', subs = '', actText = '', year = '', rest = ''] = sectionFirst
    return { actText, year: Number(year), section, subsection: normaliseSubsection(subs), rest }
  }
  const actFirst = ACT_FIRST.exec(text)
  if (actFirst) {
    const [, actText = '', year = '', section = '', subs = '', rest = ''] = actFirst
    return { actText, year: Number(year), section, subsection: normaliseSubsection(subs), rest }
  }
  return null
}

function findAct(actText: string, year: number): { readonly act: string; readonly year: number } | undefined {
  const key = actKey(actText)
  const names = ACT_ABBREVIATIONS[key] ?? [key, `${key} act`]
  for (const name of names) {
    const found = KNOWN_ACTS.get(`${actKey(name)} ${year}`)
    if (found) return found
  }
  return undefined
}

// Resolves a citation against the rows for its section (law-and-process.md §4.3): qualified rows need the
// words or subsection that show them; a subsection matches a row for its section or a broader subsection.
function resolveCitation(
  input: string,
  text: string,
  c: Citation,
): { ok: true; match: StatutoryMatch } | { ok: false; error: OffenceError } {
  const act = findAct(c.actText, c.year)
  if (!act) return { ok: false, error: unknown(input, text, '') }
  const section = normaliseSection(c.section)
  const rows = STATUTORY.filter(
    (m) => m.entry.act === act.act && m.entry.year === act.year && m.entry.section === section,
  )
  const actName = `${act.act} ${act.year}`
  if (rows.length === 0) {
    const target = Number.parseInt(section, 10)
    const nearest = STATUTORY.filter((m) => m.entry.act === act.act && m.entry.year === act.year)
      .map((m) => ({ m, distance: Math.abs(Number.parseInt(m.entry.section, 10) - target) }))
      .sort((a, b) => a.distance - b.distance)
      .map(({ m }) => citationOf(m))
    const suggestions = [...new Set(nearest)].slice(0, 5)
    return {
      ok: false,
      error: {
        code: 'offence-section-unknown',
        message: `Lantern knows the ${actName} but not s${section}, so it cannot say whether the s45 defence is available. Check Schedule 4 at ${SCHEDULE_4_SOURCE_URL}. Sections of this Act that Lantern knows include: ${suggestions.join('; ')}.`,
        suggestions,
      },
    }
  }

  const byWords = rows.filter((m) => QUALIFIER_HINTS[m.entry.id]?.words.test(c.rest))
  if (byWords.length === 1 && byWords[0]) return { ok: true, match: byWords[0] }
  const sub = c.subsection
  if (sub) {
    const bySubsection = rows.filter((m) => QUALIFIER_HINTS[m.entry.id]?.subsections?.some((s) => sub.startsWith(s)))
    if (bySubsection.length === 1 && bySubsection[0]) return { ok: true, match: bySubsection[0] }
  }

  const plain = rows.filter((m) => !QUALIFIER_HINTS[m.entry.id])
  const ambiguous = (options: readonly StatutoryMatch[]): { ok: false; error: OffenceError } => {
    const suggestions = options.map((m) => citationOf(m))
    return {
      ok: false,
      error: {
        code: 'offence-ambiguous',
        message: `"${input.trim()}" could be more than one offence, and Schedule 4 may treat them differently. Say which: ${suggestions.join('; ')}.`,
        suggestions,
      },
    }
  }

  if (sub) {
    const covering = plain
      .filter((m) => m.entry.subsection === null || sub.startsWith(m.entry.subsection))
      .sort((a, b) => (b.entry.subsection?.length ?? 0) - (a.entry.subsection?.length ?? 0))
    if (covering[0]) return { ok: true, match: covering[0] }
    const narrower = plain.filter((m) => m.entry.subsection?.startsWith(sub))
    if (narrower.length > 0) return ambiguous(narrower)
    const known = rows.map((m) => citationOf(m))
    return {
      ok: false,
      error: {
        code: 'offence-section-unknown',
        message: `Lantern knows ${actName} s${section} only as: ${known.join('; ')}. It cannot say whether s${section}${sub} is on Schedule 4; check ${SCHEDULE_4_SOURCE_URL}.`,
        suggestions: known,
      },
    }
  }

  const whole = plain.filter((m) => m.entry.subsection === null)
  if (whole.length === 1 && whole[0]) return { ok: true, match: whole[0] }
  const defaults = rows.filter((m) => BARE_CITATION_DEFAULTS.has(m.entry.id))
  if (defaults.length === 1 && defaults[0]) return { ok: true, match: defaults[0] }
  return ambiguous(rows)
}

const CITATION_WORDS = /\b(act|s|ss|sec|section)\b|\bs\d/

type Resolved = { ok: true; match: OffenceMatch; subsection: string | null } | { ok: false; error: OffenceError }

function resolve(input: string, text: string, allowNames: boolean): Resolved {
  const commonLaw = COMMON_LAW.find((e) => text === e.name || text.startsWith(`${e.name} `))
  if (commonLaw) return { ok: true, match: { list: 'schedule-4', entry: commonLaw }, subsection: null }

  const citation = splitCitation(text)
  if (citation) {
    const found = resolveCitation(input, text, citation)
    return found.ok ? { ok: true, match: found.match, subsection: citation.subsection } : found
  }

  if (allowNames) {
    const key = nameKey(text)
    const name = OFFENCE_NAMES.find((n) => key === n.key || key.startsWith(`${n.key} `))
    // Words after a name may qualify it ("burglary with intent to inflict GBH") but never carry a citation:
    // "Theft Act s8" (no year) must not be read as the name "theft".
    if (name && !CITATION_WORDS.test(key.slice(name.key.length))) {
      const rest = key.slice(name.key.length).trim()
      if (typeof name.target !== 'string') {
        const suggestions = [...name.target]
        return {
          ok: false,
          error: {
            code: 'offence-ambiguous',
            message: `"${input.trim()}" could be more than one offence. Say which: ${suggestions.join('; ')}.`,
            suggestions,
          },
        }
      }
      return resolve(input, normaliseOffenceText(`${name.target} ${rest}`), false)
    }
  }
  return { ok: false, error: unknown(input, text, '') }
}

// Ancillary forms: law-and-process.md §4.3 last row (UNCONFIRMED for Schedule 4).
const ANCILLARY_PREFIXES: readonly (readonly [RegExp, AncillaryKind])[] = [
  [/^(attempted|attempting to|attempt to|attempt)\s+/, 'attempt'],
  [/^(conspiracy to|conspiring to|conspiracy)\s+/, 'conspiracy'],
  [
    /^(aiding abetting counselling or procuring|aiding and abetting|aid and abet|aiding|abetting|counselling|procuring)\s+/,
    'secondary-participation',
  ],
  [
    /^(intentionally encouraging or assisting|encouraging or assisting|assisting or encouraging|encouraging)\s+/,
    'encouraging-or-assisting',
  ],
]
const OFFENCE_OF = /^(?:(?:to )?commit\s+|(?:the )?commission of\s+)?(?:(?:an |the )?offence (?:of|under)\s+)?/

function labelOf(match: OffenceMatch, ancillary: AncillaryKind | null): string {
  const title = match.entry.title
  return ancillary ? `${ANCILLARY_FORMS[ancillary].label} ${title}` : title
}

/**
 * Identifies an offence from a common-law name ("murder"), an Act, year and section ("Theft Act 1968 s8",
 * "Misuse of Drugs Act 1971 s4(2)"), an everyday name ("robbery"), or any of these after an ancillary
 * prefix ("attempted murder", "conspiracy to rob"). An offence it cannot identify is an error with close
 * matches, never a guess.
 */
export function parseOffence(input: string): ParseOffenceResult {
  const text = normaliseOffenceText(input ?? '')
  if (text === '') {
    return {
      ok: false,
      error: {
        code: 'offence-missing',
        message:
          'Enter the offence: a common-law offence name (e.g. "murder") or an Act, year and section (e.g. "Theft Act 1968 s8").',
        suggestions: [],
      },
    }
  }

  const direct = resolve(input, text, true)
  if (direct.ok) return { ok: true, offence: build(input, direct.match, direct.subsection, null) }

  for (const [pattern, kind] of ANCILLARY_PREFIXES) {
    const prefix = pattern.exec(text)
    if (!prefix) continue
    const remainder = text.slice(prefix[0].length).replace(OFFENCE_OF, '')
    const inner = resolve(input, remainder, true)
    if (inner.ok) return { ok: true, offence: build(input, inner.match, inner.subsection, kind) }
    if (inner.error.code !== 'offence-unknown') {
      return {
        ok: false,
        error: { ...inner.error, suggestions: inner.error.suggestions.map((s) => `${prefix[0]}${s}`) },
      }
    }
    return { ok: false, error: unknown(input, remainder, prefix[0]) }
  }
  return direct
}

function build(
  input: string,
  match: OffenceMatch,
  subsection: string | null,
  ancillary: AncillaryKind | null,
): ResolvedOffence {
  return { input, citation: citationOf(match, subsection), label: labelOf(match, ancillary), ancillary, match }
}

/** Every citation Lantern can identify, for pick lists and tests. */
export function knownOffenceCitations(): string[] {
  return [...COMMON_LAW.map((e) => e.name), ...STATUTORY.map((m) => citationOf(m))]
}
