import { describe, expect, it } from 'vitest'
import { CONTENT_FILES } from '../../domain/inform/content-files.js'
import { stringLeaves } from '../../domain/inform/content-keys.js'
import { FONT_FAMILIES } from '../../domain/inform/fonts.js'
import { LANGUAGES } from '../../domain/inform/languages.js'
import { fontFilePath } from './font-files.js'
import { openFont } from './fontkit.js'

// Issue 4: every script renders with real glyphs, no missing-glyph boxes. The leaflet and the pages draw a
// language's text in that language's font (regular and bold), so each must have every character shown. Not
// shown, so not checked: the file's metadata and the {placeholder} names. What fills the placeholders at run
// time (digits, or a reviewer's name and date) falls back to Noto Sans where the font lacks it.
const metadata = new Set(['meta.status', 'meta.translatedBy', 'meta.reviewer', 'meta.reviewedOn'])

function describeCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(codePoint)}`
}

/** The code points of the text a language's content shows, whitespace excepted, in ascending order. */
function codePointsShown(raw: unknown): number[] {
  const text = stringLeaves(raw)
    .filter((leaf) => !metadata.has(leaf.path))
    .map((leaf) => leaf.text.replace(/\{[a-zA-Z]+\}/g, ''))
    .join('')
  const points = new Set([...text.replace(/\s/gu, '')].map((c) => c.codePointAt(0) ?? 0))
  return [...points].sort((a, b) => a - b)
}

describe('coverage helpers', () => {
  it('names a code point as U+XXXX and the character', () => {
    expect(describeCodePoint(0x2014)).toBe('U+2014 —')
    expect(describeCodePoint(0x1f600)).toBe('U+1F600 😀')
  })

  it('checks the text shown, not the metadata or the placeholder names', () => {
    const file = {
      meta: { status: 'draft', translatedBy: 'Team', reviewer: null, statusLine: { reviewed: 'ب {reviewer}' } },
      title: 'ا ب',
    }
    expect(codePointsShown(file)).toEqual([0x0627, 0x0628])
  })
})

describe.each(LANGUAGES.map((l) => [l.code, l] as const))('%s font coverage', (code, language) => {
  const family = FONT_FAMILIES[language.fontFamily]
  const used = codePointsShown(CONTENT_FILES[code])

  it.each(['normal', 'bold'] as const)(`has a glyph for every character in the ${family.cssName} %s file`, (weight) => {
    const font = openFont(fontFilePath(family.files[weight]))
    const missing = used.filter((codePoint) => !font.hasGlyphForCodePoint(codePoint))
    expect(
      missing.length === 0
        ? []
        : [`${code}: ${family.cssName} (${weight}) has no glyph for ${missing.map(describeCodePoint).join(', ')}`],
    ).toEqual([])
  })
})
