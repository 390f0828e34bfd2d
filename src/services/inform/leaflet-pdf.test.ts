import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import QRCode from 'qrcode'
import { afterAll, describe, expect, it } from 'vitest'
import { HELPLINE_NUMBER } from '../../domain/inform/helpline.js'
import { DRAFT_STATUS_ENGLISH } from '../../domain/inform/status.js'
import { loadRightsContent } from './content-file.js'
import { leafletDefinition, renderLeaflet, renderLeafletPdf, rightsPageUrl } from './leaflet-pdf.js'

const publicUrl = 'https://lantern.example.org/'

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const pdftotextInstalled = hasPdftotext()
const dir = mkdtempSync(join(tmpdir(), 'lantern-leaflet-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function extractText(pdf: Buffer, name: string): string {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

// The characters that show the text came out in the language's own script, not as boxes or Latin stand-ins.
const languages = ['en', 'ar', 'fa', 'ti', 'am', 'zh-Hans', 'vi'] as const
const scriptOf: Record<(typeof languages)[number], { name: string; pattern: RegExp; least: number }> = {
  en: { name: 'Latin', pattern: /\p{Script=Latin}/gu, least: 1000 },
  ar: { name: 'Arabic', pattern: /[\u0600-\u06FF]/gu, least: 1000 },
  fa: { name: 'Arabic', pattern: /[\u0600-\u06FF]/gu, least: 1000 },
  ti: { name: 'Ethiopic', pattern: /[\u1200-\u137F]/gu, least: 500 },
  am: { name: 'Ethiopic', pattern: /[\u1200-\u137F]/gu, least: 500 },
  'zh-Hans': { name: 'CJK', pattern: /[\u4E00-\u9FFF]/gu, least: 300 },
  vi: { name: 'Vietnamese', pattern: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu, least: 100 },
}

describe.each(languages.map((code) => [code] as const))('leaflet PDF in %s', (code) => {
  const rendered = renderLeafletPdf(code, { publicUrl })
  // Tests that wait for `rendered` fail on its error; this stops an unobserved rejection in the meantime.
  rendered.catch(() => undefined)

  it('is a PDF whose every page is A4', async () => {
    const pdf = await rendered
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const raw = pdf.toString('latin1')
    const boxes = [...raw.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1])
    expect(boxes.length).toBeGreaterThan(0)
    for (const box of boxes) expect(box).toBe('0 0 595.28 841.89')
  })

  it(`extracts (pdftotext) in the ${scriptOf[code].name} script, with the helpline, 999, the status and the page address`, async (ctx) => {
    if (!pdftotextInstalled) {
      if (process.env.CI === 'true') throw new Error('pdftotext (Debian poppler-utils) is required in CI')
      ctx.skip('pdftotext is not installed (Debian: apt-get install poppler-utils); the PDF text was not checked')
    }
    const text = extractText(await rendered, code)
    const script = scriptOf[code]
    expect(text.match(script.pattern)?.length ?? 0, `${code}: ${script.name} characters`).toBeGreaterThanOrEqual(
      script.least,
    )
    expect(text).toContain(HELPLINE_NUMBER)
    expect(text).toMatch(/(^|[^0-9])999([^0-9]|$)/m)
    expect(text).toContain(`${publicUrl}rights/${code}`)
    if (code !== 'en') expect(text).toContain(DRAFT_STATUS_ENGLISH)
  })

  it('reads in order: the title, and the emergency line with 999 in it', async (ctx) => {
    if (!pdftotextInstalled) {
      if (process.env.CI === 'true') throw new Error('pdftotext (Debian poppler-utils) is required in CI')
      ctx.skip('pdftotext is not installed (Debian: apt-get install poppler-utils); the word order was not checked')
    }
    const { title, helpline } = await loadRightsContent(code)
    const text = asOneLine(extractText(await rendered, `${code}-order`))
    expect(text, `${code}: title`).toContain(asOneLine(asPdftotextReads(title)))
    expect(text, `${code}: helpline.emergency`).toContain(asOneLine(asPdftotextReads(helpline.emergency)))
  })
})

// pdftotext marks embedded runs with bidi controls, breaks lines where the page does, and moves the space
// beside Arabic punctuation; the order of everything else is what is compared.
function asOneLine(text: string): string {
  return text.replace(/[\u202A-\u202E\s]/gu, '')
}

// pdftotext writes the two letters of a lam-alef ligature in reverse order (a limit of its right-to-left text
// handling; the page shows the ligature right), so the expected text is written the same way.
function asPdftotextReads(text: string): string {
  return text.replace(/ل([اأإآ])/gu, '$1ل')
}

describe('a reviewed right-to-left leaflet', () => {
  it('prints a Latin reviewer name and an ISO date in the status line, in Noto Sans', async (ctx) => {
    if (!pdftotextInstalled) {
      if (process.env.CI === 'true') throw new Error('pdftotext (Debian poppler-utils) is required in CI')
      ctx.skip('pdftotext is not installed (Debian: apt-get install poppler-utils); the PDF text was not checked')
    }
    const content = await loadRightsContent('ps')
    const reviewed = {
      ...content,
      meta: {
        ...content.meta,
        status: 'reviewed' as const,
        reviewer: 'Amira Haddad (Language Line)',
        reviewedOn: '2026-12-01',
      },
    }
    const text = extractText(await renderLeaflet('ps', reviewed, { publicUrl }), 'ps-reviewed')
    const statusLine = text.split('\n').find((line) => line.includes('Amira Haddad'))
    // pdftotext's own bidi puts the closing bracket elsewhere; the page itself was checked by eye.
    expect(statusLine).toContain('Amira Haddad (Language Line')
    expect(statusLine).toContain('2026-12-01')
    expect(statusLine).toMatch(/\p{Script=Arabic}/u)
    expect(text).toContain('reviewed by Amira Haddad (Language Line) on 2026-12-01')
  })
})

function nodes(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(nodes)
  if (value === null || typeof value !== 'object') return []
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(nodes)]
}

describe('leafletDefinition', () => {
  it('has a QR code that opens the page, with the address printed under it', async () => {
    const definition = await leafletDefinition('en', await loadRightsContent('en'), { publicUrl })
    const url = 'https://lantern.example.org/rights/en'
    expect(rightsPageUrl(publicUrl, 'en')).toBe(url)
    const all = nodes(definition.content)
    const qr = all.find((node) => typeof node.svg === 'string')
    expect(qr?.svg).toBe(await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' }))
    const stack = all.find((node) => Array.isArray(node.stack) && node.stack.includes(qr))
    const below = (stack?.stack as unknown[] | undefined)?.[1]
    expect(below).toMatchObject({ text: url, font: 'NotoSans' })
    expect(definition).toMatchObject({ pageSize: 'A4', language: 'en-GB' })
  })

  it('prints the English status beside the translated one', async () => {
    const content = await loadRightsContent('en')
    const welshLike = {
      ...content,
      meta: {
        ...content.meta,
        statusLine: { draft: 'drafft — yn aros am adolygiad proffesiynol', reviewed: '{reviewer} {date}' },
      },
    }
    const texts = nodes((await leafletDefinition('cy', welshLike, { publicUrl })).content).map((n) => n.text)
    expect(texts).toContain('drafft — yn aros am adolygiad proffesiynol')
    expect(texts).toContain(DRAFT_STATUS_ENGLISH)
  })
})
