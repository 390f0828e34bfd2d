// pdfmake 0.3 on the server (stack.md §2e). The package exports one shared instance whose fonts and access
// policies are global, so this module makes a private instance for the leaflets: nothing set here leaks into
// other PDFs, and nothing set elsewhere reaches these. pdfmake ships no types; the members used are declared here.
import { createRequire } from 'node:module'

/** A pdfmake document definition (content nodes are plain objects, as pdfmake's documentation describes). */
export type PdfDocDefinition = Record<string, unknown>

export type PdfFontFiles = { normal: string; bold: string }

type PdfMake = {
  setFonts(fonts: Record<string, PdfFontFiles>): void
  setUrlAccessPolicy(policy: (url: string) => boolean): void
  setLocalAccessPolicy(policy: (path: string) => boolean): void
  createPdf(definition: PdfDocDefinition): { getBuffer(): Promise<Buffer> }
}

type PdfMakeConstructor = new () => PdfMake

const shared: PdfMake = createRequire(import.meta.url)('pdfmake')
const PdfMakeClass: PdfMakeConstructor = Object.getPrototypeOf(shared).constructor

/**
 * Renders a document with the given fonts (pdfmake font name → file paths). Nothing is fetched from the network,
 * and only the listed font files may be read from disk.
 */
export function renderPdf(definition: PdfDocDefinition, fonts: Record<string, PdfFontFiles>): Promise<Buffer> {
  const pdfmake = new PdfMakeClass()
  const allowed = new Set(Object.values(fonts).flatMap((files) => [files.normal, files.bold]))
  pdfmake.setFonts(structuredClone(fonts))
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path))
  return pdfmake.createPdf(definition).getBuffer()
}
