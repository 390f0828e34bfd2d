import { describe, expect, it } from 'vitest'
import { CONTENT_FILES } from './content-files.js'
import { keyDifferences, stringLeaves } from './content-keys.js'
import { RightsContent } from './content-schema.js'
import { EMERGENCY_NUMBER, HELPLINE_NUMBER } from './helpline.js'
import { LANGUAGES, type Language } from './languages.js'
import { DRAFT_STATUS_ENGLISH, placeholdersIn, translationStatus } from './status.js'

const english = CONTENT_FILES.en
const englishText = new Map(stringLeaves(english).map((leaf) => [leaf.path, leaf.text]))
const translations = LANGUAGES.filter((l) => l.code !== 'en')
// Easy Read is English, so its words (and its status line) may match the English file's.
const otherLanguages = translations.filter((l) => l.code !== 'en-easy')

const scriptLetter: Record<Language['script'], RegExp> = {
  Latn: /\p{Script=Latin}/u,
  Arab: /\p{Script=Arabic}/u,
  Ethi: /\p{Script=Ethiopic}/u,
  Hans: /\p{Script=Han}/u,
}

describe.each(LANGUAGES.map((l) => [l.code, l] as const))('content/%s.json', (code, language) => {
  const raw = CONTENT_FILES[code]

  it('has exactly the keys of content/en.json', () => {
    const { missing, extra } = keyDifferences(english, raw)
    expect([
      ...missing.map((key) => `${code}: missing key ${key}`),
      ...extra.map((key) => `${code}: extra key ${key}`),
    ]).toEqual([])
  })

  it('has no empty string', () => {
    const empty = stringLeaves(raw).filter((leaf) => leaf.text.trim() === '')
    expect(empty.map((leaf) => `${code}: empty string at ${leaf.path}`)).toEqual([])
  })

  it('matches the content schema', () => {
    const result = RightsContent.safeParse(raw)
    expect(result.success ? [] : result.error.issues.map((i) => `${code}: ${i.path.join('.')}: ${i.message}`)).toEqual(
      [],
    )
  })

  it('keeps the {placeholders} of each English string', () => {
    const wrong = stringLeaves(raw).flatMap(({ path, text }) => {
      const source = englishText.get(path)
      if (source === undefined || path.includes('[')) return []
      const want = placeholdersIn(source)
      const got = placeholdersIn(text)
      return want.join() === got.join()
        ? []
        : [`${code}: ${path} has {${got.join('}, {')}}, English has {${want.join('}, {')}}`]
    })
    expect(wrong).toEqual([])
  })

  it('gives 999 and 08000 121 700 as written, in digits', () => {
    const content = RightsContent.parse(raw)
    const getHelp = content.sections.getHelp.paragraphs.join('\n')
    expect(getHelp, `${code}: sections.getHelp`).toContain(EMERGENCY_NUMBER)
    expect(getHelp, `${code}: sections.getHelp`).toContain(HELPLINE_NUMBER)
    expect(content.helpline.emergency, `${code}: helpline.emergency`).toContain(EMERGENCY_NUMBER)
  })

  it(`is written in the language's script`, () => {
    const content = RightsContent.parse(raw)
    expect(content.title, `${code}: title`).toMatch(scriptLetter[language.script])
    expect(content.sections.consent.heading, `${code}: sections.consent.heading`).toMatch(scriptLetter[language.script])
  })
})

describe('visible translation status', () => {
  it.each(translations.map((l) => [l.code] as const))(
    '%s reads "draft — awaiting professional review" until a reviewer and date are recorded',
    (code) => {
      const { meta } = RightsContent.parse(CONTENT_FILES[code])
      const recorded = meta.status === 'reviewed' && meta.reviewer !== null && meta.reviewedOn !== null
      const status = translationStatus(meta)
      expect(status.reviewed, code).toBe(recorded)
      if (!recorded)
        expect(status).toEqual({ reviewed: false, english: DRAFT_STATUS_ENGLISH, local: meta.statusLine.draft })
    },
  )

  it.each(otherLanguages.map((l) => [l.code] as const))('%s says it in its own language', (code) => {
    const { meta, title } = RightsContent.parse(CONTENT_FILES[code])
    expect(meta.statusLine.draft, `${code}: meta.statusLine.draft`).not.toBe(DRAFT_STATUS_ENGLISH)
    expect(meta.statusLine.reviewed, `${code}: meta.statusLine.reviewed`).not.toBe(
      englishText.get('meta.statusLine.reviewed'),
    )
    expect(title, `${code}: title`).not.toBe(englishText.get('title'))
  })

  it('shows Easy Read English the English draft status', () => {
    const { meta } = RightsContent.parse(CONTENT_FILES['en-easy'])
    expect(translationStatus(meta).local).toBe(DRAFT_STATUS_ENGLISH)
  })
})
