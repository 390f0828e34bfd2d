// The printable A4 leaflet of the rights information (issue 4), one language per PDF, served at
// /rights/<lang>.pdf. All text is drawn in the language's own embedded font (domain/inform/fonts.ts); the page
// address and the English status use Noto Sans. Right-to-left languages are wrapped and ordered here, line by
// line (domain/inform/rtl-lines.ts explains why pdfmake cannot).
import QRCode from 'qrcode'
import type { RightsContent } from '../../domain/inform/content-schema.js'
import { sectionKeys } from '../../domain/inform/content-schema.js'
import { FONT_FAMILIES, type FontFamily, type FontWeight } from '../../domain/inform/fonts.js'
import { HELPLINE_NUMBER } from '../../domain/inform/helpline.js'
import { type Language, type LanguageCode, languageByCode } from '../../domain/inform/languages.js'
import { fontRuns, rtlVisualRuns, splitGroupedNumbers, wrapWords } from '../../domain/inform/rtl-lines.js'
import { fillPlaceholders, translationStatus } from '../../domain/inform/status.js'
import { loadRightsContent } from './content-file.js'
import { fontFilePath } from './font-files.js'
import { type FontkitFont, openFont } from './fontkit.js'
import { type PdfDocDefinition, type PdfFontFiles, renderPdf } from './pdfmake.js'

const A4_WIDTH = 595.28
const MARGIN = 48
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN
const QR_COLUMN = 132
const COLUMN_GAP = 16
const BULLET_COLUMN = 14
// Our line breaks are measured with fontkit as pdfmake measures them; the slack covers rounding.
const WRAP_SLACK = 0.97
const GREY = '#505a5f'

type Node = Record<string, unknown>
type TextStyle = {
  fontSize: number
  bold?: boolean
  color?: string
  margin?: readonly number[]
  alignment?: 'left' | 'right' | 'center'
}

/** The public address of a language's rights page, which the leaflet's QR code opens. */
export function rightsPageUrl(publicUrl: string, lang: LanguageCode): string {
  return `${publicUrl.replace(/\/+$/, '')}/rights/${lang}`
}

const fallbackFamily = FONT_FAMILIES['noto-sans']

function fontFor(family: FontFamily, weight: FontWeight): FontkitFont {
  return openFont(fontFilePath(family.files[weight]))
}

function textWidth(font: FontkitFont, text: string, fontSize: number): number {
  return (font.layout(text).advanceWidth / font.unitsPerEm) * fontSize
}

/** Text blocks in the language's direction: pdfmake wraps left-to-right text; right-to-left text is done here. */
function writer(language: Language) {
  const family = FONT_FAMILIES[language.fontFamily]
  const rtl = language.dir === 'rtl'
  const align = rtl ? 'right' : 'left'
  // Characters the language's font lacks (such as a reviewer's name in Latin letters in an Arabic status line)
  // are drawn in Noto Sans; the coverage test keeps the translated text itself inside the language's font.
  const main = fontFor(family, 'normal')
  const hasGlyph = (char: string) => main.hasGlyphForCodePoint(char.codePointAt(0) ?? 0)
  const fallbackFont = family === fallbackFamily ? {} : { font: fallbackFamily.pdfName }

  /** Left-to-right text for pdfmake to wrap, with each grouped number (08000 121 700) one unbreakable inline. */
  function ltrInlines(text: string): Node[] {
    return splitGroupedNumbers(text).flatMap((piece) =>
      fontRuns(piece.text, hasGlyph).map((run) => ({
        text: run.text,
        ...(piece.groupedNumber ? { noWrap: true } : {}),
        ...(run.fallback ? fallbackFont : {}),
      })),
    )
  }

  /** One right-to-left line as runs in visual order; fontFeatures makes pdfkit lay out each run whole. */
  function rtlLine(line: string): Node[] {
    return rtlVisualRuns(line, hasGlyph).map((run) => ({
      text: run.text,
      noWrap: true,
      fontFeatures: ['kern'],
      ...(run.fallback ? fallbackFont : {}),
    }))
  }

  function rtlLineWidth(line: string, weight: FontWeight, fontSize: number): number {
    return rtlVisualRuns(line, hasGlyph).reduce(
      (sum, run) => sum + textWidth(fontFor(run.fallback ? fallbackFamily : family, weight), run.text, fontSize),
      0,
    )
  }

  function paragraph(text: string, style: TextStyle, width = CONTENT_WIDTH): Node {
    const { margin = [0, 0, 0, 6], ...rest } = style
    if (!rtl) return { text: ltrInlines(text), alignment: align, margin, ...rest }
    const weight: FontWeight = style.bold ? 'bold' : 'normal'
    const lines = wrapWords(text, width * WRAP_SLACK, (line) => rtlLineWidth(line, weight, style.fontSize))
    return { stack: lines.map((line) => ({ text: rtlLine(line) })), alignment: align, margin, ...rest }
  }

  function bulletList(items: readonly string[], style: TextStyle): Node {
    const { margin = [0, 0, 0, 6], ...rest } = style
    if (!rtl) return { ul: items.map((item) => ({ text: ltrInlines(item) })), margin, ...rest }
    // pdfmake puts list markers on the left only, so right-to-left lists draw their own bullet on the right.
    // Each bullet is a new object: pdfmake moves a canvas's shapes in place when it aligns them.
    const bullet = () => ({
      width: BULLET_COLUMN,
      alignment: 'left',
      canvas: [{ type: 'ellipse', x: 8, y: style.fontSize * 0.75, r1: 2, r2: 2, color: 'black' }],
    })
    return {
      margin,
      stack: items.map((item) => ({
        columns: [
          { width: '*', ...paragraph(item, { ...rest, margin: [0, 0, 0, 2] }, CONTENT_WIDTH - BULLET_COLUMN) },
          bullet(),
        ],
      })),
    }
  }

  /** Columns in reading order: the first column is on the left in left-to-right languages, on the right otherwise. */
  function columns(cells: readonly Node[]): Node {
    return { columns: rtl ? [...cells].reverse() : [...cells], columnGap: COLUMN_GAP }
  }

  return { align, family, paragraph, bulletList, columns }
}

/** The largest size, up to `max`, at which a one-line Latin text (the page address) fits the width. */
function fittedSize(text: string, width: number, max: number): number {
  const atOnePoint = textWidth(fontFor(fallbackFamily, 'normal'), text, 1)
  return Math.min(max, Math.floor((width / atOnePoint) * 10) / 10)
}

function helplineBox(w: ReturnType<typeof writer>, content: RightsContent, width: number): Node {
  const { emergency, name, details } = content.helpline
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              w.paragraph(emergency, { fontSize: 15, bold: true, margin: [0, 0, 0, 8] }, width),
              w.paragraph(name, { fontSize: 12, bold: true, margin: [0, 0, 0, 2] }, width),
              w.paragraph(HELPLINE_NUMBER, { fontSize: 20, bold: true, margin: [0, 0, 0, 2] }, width),
              w.paragraph(details, { fontSize: 11, margin: [0, 0, 0, 0] }, width),
            ],
          },
        ],
      ],
    },
    layout: {
      hLineWidth: () => 2,
      vLineWidth: () => 2,
      hLineColor: () => '#0b0c0c',
      vLineColor: () => '#0b0c0c',
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 10,
      paddingBottom: () => 10,
    },
  }
}

async function qrBlock(w: ReturnType<typeof writer>, content: RightsContent, pageUrl: string): Promise<Node> {
  const svg = await QRCode.toString(pageUrl, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })
  return {
    width: QR_COLUMN,
    stack: [
      { svg, width: 112, alignment: 'center', margin: [0, 0, 0, 4] },
      {
        text: pageUrl,
        font: FONT_FAMILIES['noto-sans'].pdfName,
        fontSize: fittedSize(pageUrl, QR_COLUMN, 8),
        alignment: 'center',
        margin: [0, 0, 0, 4],
      },
      w.paragraph(
        content.ui.scanQr,
        { fontSize: 9, color: GREY, margin: [0, 0, 0, 0], alignment: 'center' },
        QR_COLUMN,
      ),
    ],
  }
}

/** The pdfmake definition of a language's leaflet. */
export async function leafletDefinition(
  lang: LanguageCode,
  content: RightsContent,
  opts: { publicUrl: string },
): Promise<PdfDocDefinition> {
  const language = languageByCode(lang)
  const w = writer(language)
  const status = translationStatus(content.meta)
  const pageUrl = rightsPageUrl(opts.publicUrl, lang)
  const latin = FONT_FAMILIES['noto-sans'].pdfName
  const helplineWidth = CONTENT_WIDTH - QR_COLUMN - COLUMN_GAP - 24

  const sections = sectionKeys.flatMap((key) => {
    const section = content.sections[key]
    const [first, ...rest] = section.paragraphs.map((p) => w.paragraph(p, { fontSize: 11 }))
    const heading = w.paragraph(section.heading, { fontSize: 14, bold: true, margin: [0, 10, 0, 4] })
    return [
      // A heading never ends a page on its own: it keeps its first paragraph with it.
      { stack: [heading, ...(first ? [first] : [])], unbreakable: true },
      ...rest,
      ...('items' in section ? [w.bulletList(section.items, { fontSize: 11 })] : []),
    ]
  })

  return {
    pageSize: 'A4',
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN + 8],
    language: language.htmlLang,
    info: { title: content.title, subject: `${status.english} (${language.englishName})`, creator: 'Lantern' },
    defaultStyle: {
      font: w.family.pdfName,
      fontSize: 11,
      lineHeight: 1.2,
      alignment: w.align,
      // Noto Sans's ccmp feature splits some Vietnamese letters (ọ, ụ, ị, ẹ) into a base letter and a dot, and
      // pdfkit can map a glyph to one character only, so the text extracted from the PDF lost the dots (and
      // could turn every o into ọ). The font has the precomposed letters, so Latin text is drawn without ccmp.
      ...(language.script === 'Latn' ? { fontFeatures: { ccmp: false } } : {}),
    },
    content: [
      w.paragraph(content.title, { fontSize: 22, bold: true, margin: [0, 0, 0, 4] }),
      w.paragraph(status.local, { fontSize: 9, color: GREY, margin: [0, 0, 0, 0] }),
      // The officer may not read the language, so the English status is always printed too.
      ...(status.local === status.english
        ? []
        : [{ text: status.english, font: latin, fontSize: 9, color: GREY, alignment: w.align }]),
      { text: '', margin: [0, 0, 0, 10] },
      ...content.intro.map((p) => w.paragraph(p, { fontSize: 12 })),
      w.columns([
        { width: '*', margin: [0, 6, 0, 0], ...helplineBox(w, content, helplineWidth) },
        await qrBlock(w, content, pageUrl),
      ]),
      ...sections,
    ],
    footer: (page: number, pages: number) => ({
      margin: [MARGIN, 8, MARGIN, 0],
      fontSize: 8,
      color: GREY,
      ...w.columns([
        {
          width: '*',
          ...w.paragraph(status.local, { fontSize: 8, margin: [0, 0, 0, 0] }, CONTENT_WIDTH - 120 - COLUMN_GAP),
        },
        {
          width: 120,
          ...w.paragraph(
            fillPlaceholders(content.ui.pageOf, { page, pages }),
            { fontSize: 8, alignment: language.dir === 'rtl' ? 'left' : 'right' },
            120,
          ),
        },
      ]),
    }),
  }
}

function pdfFonts(language: Language): Record<string, PdfFontFiles> {
  const families = [FONT_FAMILIES['noto-sans'], FONT_FAMILIES[language.fontFamily]]
  return Object.fromEntries(
    families.map((f) => [f.pdfName, { normal: fontFilePath(f.files.normal), bold: fontFilePath(f.files.bold) }]),
  )
}

/** The leaflet of the given content, laid out for the language `lang`. */
export async function renderLeaflet(
  lang: LanguageCode,
  content: RightsContent,
  opts: { publicUrl: string },
): Promise<Buffer> {
  return renderPdf(await leafletDefinition(lang, content, opts), pdfFonts(languageByCode(lang)))
}

/** The A4 leaflet of a language as a PDF, with a QR code that opens `${publicUrl}/rights/${lang}`. */
export async function renderLeafletPdf(lang: LanguageCode, opts: { publicUrl: string }): Promise<Buffer> {
  return renderLeaflet(lang, await loadRightsContent(lang), opts)
}
