import { createRequire } from 'node:module'
import { NRM_FORM_STRUCTURE_SOURCE, referralKindLabels, referralStatusLabels } from '../../domain/referral/index.js'
import type { DocSection } from './document.js'
import { ukDateTime } from './document.js'

const require = createRequire(import.meta.url)

type PdfDocument = { getBuffer(): Promise<Buffer> }
type PrinterInstance = { createPdfKitDocument(doc: unknown, options?: unknown): Promise<unknown> }
type PrinterClass = new (
  fonts: Record<string, Record<string, string>>,
  virtualfs: unknown,
  urlResolver: unknown,
  localAccessPolicy: (path: string) => boolean,
) => PrinterInstance

// pdfmake's own module is a shared singleton (fonts and policies are global); a printer of our own keeps this PDF's
// settings apart from any other part of Lantern that makes PDFs.
const Printer = (require('pdfmake/js/Printer.js') as { default: PrinterClass }).default
const virtualfs = (require('pdfmake/js/virtual-fs.js') as { default: unknown }).default
const URLResolver = (require('pdfmake/js/URLResolver.js') as { default: new (fs: unknown) => unknown }).default
const OutputDocument = (
  require('pdfmake/js/OutputDocument.js') as { default: new (p: Promise<unknown>) => PdfDocument }
).default

// The PDF standard fonts need no files; English text only, so Helvetica covers every character.
const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique'])
const fonts = () => ({
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
})

export type PdfHeader = {
  reference: string
  kind: keyof typeof referralKindLabels
  status: keyof typeof referralStatusLabels
  homeOfficeReference: string | null
  forceName: string
  exportedAt: Date
  exportedBy: string
}

/** The referral for the file, section by section as on the Home Office form, with no network or file access. */
export async function referralPdf(header: PdfHeader, sections: readonly DocSection[]): Promise<Buffer> {
  const urlResolver = new URLResolver(virtualfs) as { setUrlAccessPolicy(cb: (url: string) => boolean): void }
  urlResolver.setUrlAccessPolicy(() => false)
  const printer = new Printer(fonts(), virtualfs, urlResolver, (path) => STANDARD_FONTS.has(path))
  const content: unknown[] = [
    { text: 'OFFICIAL-SENSITIVE', style: 'marking' },
    { text: `${referralKindLabels[header.kind]} ${header.reference}`, style: 'title' },
    {
      text: [
        `${header.forceName}. Status: ${referralStatusLabels[header.status]}. `,
        `Home Office reference: ${header.homeOfficeReference ?? 'not yet recorded'}.`,
      ],
      style: 'meta',
    },
    {
      text: `Printed ${ukDateTime(header.exportedAt.toISOString())} by ${header.exportedBy}. The section order follows the Home Office form as Lantern understands it (${NRM_FORM_STRUCTURE_SOURCE.ref}, ${NRM_FORM_STRUCTURE_SOURCE.confidence}).`,
      style: 'meta',
    },
  ]
  for (const section of sections) {
    content.push({ text: section.title, style: 'section' })
    content.push({
      table: {
        widths: [150, '*'],
        body: section.fields.map((f) => [
          { text: f.label, bold: true },
          { text: f.value === '' ? 'Not given' : f.value, color: f.value === '' ? '#505a5f' : '#0b0c0c' },
        ]),
      },
      layout: 'lightHorizontalLines',
    })
  }
  const doc = {
    info: { title: `Referral ${header.reference}`, author: header.forceName, subject: 'NRM referral record' },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    footer: (page: number, pages: number) => ({
      text: `Referral ${header.reference}: page ${page} of ${pages}. OFFICIAL-SENSITIVE`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
    styles: {
      marking: { fontSize: 9, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 6] },
      meta: { fontSize: 9, color: '#505a5f', margin: [0, 0, 0, 4] },
      section: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
    },
  }
  const output = new OutputDocument(printer.createPdfKitDocument(doc))
  return output.getBuffer()
}
