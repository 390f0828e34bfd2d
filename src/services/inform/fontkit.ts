// fontkit, the font engine pdfkit (under pdfmake) draws text with, loaded from pdfkit's own dependency so that
// glyph checks and line measuring use exactly the engine and version that render the leaflet. fontkit ships no
// types; the few members used here are declared below.
import { createRequire } from 'node:module'

export type FontkitGlyphRun = { advanceWidth: number; glyphs: readonly { id: number; codePoints: number[] }[] }

export type FontkitFont = {
  familyName: string
  unitsPerEm: number
  hasGlyphForCodePoint(codePoint: number): boolean
  layout(text: string, features?: readonly string[]): FontkitGlyphRun
}

type Fontkit = { openSync(path: string): FontkitFont }

function loadFontkit(): Fontkit {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'))
  const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'))
  return fromPdfkit('fontkit')
}

const fontkit = loadFontkit()
const opened = new Map<string, FontkitFont>()

/** Opens a font file once and keeps it for later calls. */
export function openFont(path: string): FontkitFont {
  const known = opened.get(path)
  if (known) return known
  const font = fontkit.openSync(path)
  opened.set(path, font)
  return font
}
