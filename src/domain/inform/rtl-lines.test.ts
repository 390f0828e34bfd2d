import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fontRuns, rtlVisualRuns, shaperReadsRightToLeft, splitGroupedNumbers, wrapWords } from './rtl-lines.js'

// What fontkit does with a run it reads as right to left: reverse it into visual order (left to right).
const shape = (text: string) => (shaperReadsRightToLeft(text) ? [...text].reverse().join('') : text)
// A main font with Arabic letters, digits and Arabic punctuation but no Latin letters, like Noto Naskh Arabic 1.00.
const naskh = (char: string) => !/[A-Za-z()\-—?]/.test(char)
const visual = (line: string) =>
  rtlVisualRuns(line, naskh)
    .map((run) => shape(run.text))
    .join('')

describe('wrapWords', () => {
  const measure = (text: string) => text.length

  it('puts as many words on a line as fit', () => {
    expect(wrapWords('aa bb cc dd', 5, measure)).toEqual(['aa bb', 'cc dd'])
    expect(wrapWords('aa bb cc dd', 8, measure)).toEqual(['aa bb cc', 'dd'])
  })

  it('gives a word too long for the line a line of its own, and ignores extra spaces', () => {
    expect(wrapWords('  a   verylongword b ', 4, measure)).toEqual(['a', 'verylongword', 'b'])
    expect(wrapWords('', 10, measure)).toEqual([])
  })

  it('keeps every word in order and never overfills a line of two or more words (property)', () => {
    const word = fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('ا', 'ب', 'x', '.') })
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
        const lines = wrapWords(words.join(' '), width, measure)
        expect(lines.join(' ')).toBe(words.join(' '))
        for (const line of lines) if (line.includes(' ')) expect(line.length).toBeLessThanOrEqual(width)
      }),
    )
  })
})

describe('rtlVisualRuns', () => {
  it('keeps the helpline number and 999 left to right in an Arabic line', () => {
    const line = 'اتصل بالرقم 08000 121 700 أو 999.'
    expect(visual(line)).toBe('.999 وأ 08000 121 700 مقرلاب لصتا')
  })

  it('keeps Arabic-Indic and Persian numbers left to right', () => {
    expect(visual('دست‌کم ۳۰ روز')).toBe('زور ۳۰ مک‌تسد')
    expect(visual('٢٤ ساعة')).toBe('ةعاس ٢٤')
  })

  it('mirrors guillemets and brackets so they open on the right', () => {
    expect(visual('«سازوکار ملی ارجاع»')).toBe('«عاجرا یلم راکوزاس»')
    expect(visual('(آزاد)')).toBe('(دازآ)')
  })

  it('puts a line without Arabic letters into visual order itself', () => {
    expect(visual('08000 121 700.')).toBe('.08000 121 700')
    expect(rtlVisualRuns('999', naskh)).toEqual([{ text: '999', fallback: false }])
  })

  it('draws what the main font lacks in the fallback font, a Latin name left to right', () => {
    expect(rtlVisualRuns('راجعها Amira Haddad بتاريخ 2026-12-01', naskh)).toEqual([
      { text: '2026-12-01', fallback: true },
      { text: ' بتاريخ ', fallback: false },
      { text: 'Amira Haddad', fallback: true },
      { text: 'راجعها ', fallback: false },
    ])
    expect(visual('راجعها Amira Haddad بتاريخ 2026-12-01')).toBe('2026-12-01 خيراتب Amira Haddad اهعجار')
  })

  it('keeps a Latin name with a bracketed organisation whole and left to right', () => {
    expect(visual('راجعها Amira Haddad (Language Line) بتاريخ 2026-12-01.')).toBe(
      '.2026-12-01 خيراتب Amira Haddad (Language Line) اهعجار',
    )
    expect(visual('(NRM) آلية')).toBe('ةيلآ (NRM)')
  })

  it('draws a dash the main font lacks in the fallback font, in its place', () => {
    expect(rtlVisualRuns('مسودة — بانتظار', naskh)).toEqual([
      { text: 'بانتظار', fallback: false },
      { text: ' —', fallback: true },
      { text: 'مسودة ', fallback: false },
    ])
    expect(visual('مسودة — بانتظار')).toBe('راظتناب — ةدوسم')
  })

  it('treats the first specific script as the run direction, as fontkit does', () => {
    expect(shaperReadsRightToLeft('999 ،سلام')).toBe(true)
    expect(shaperReadsRightToLeft('NRM سلام')).toBe(false)
    expect(shaperReadsRightToLeft('٣')).toBe(true)
  })
})

describe('fontRuns', () => {
  it('cuts text where the main font starts or stops having the characters, keeping spaces in their run', () => {
    expect(fontRuns('ab CD ef', (c) => c === c.toLowerCase())).toEqual([
      { text: 'ab ', fallback: false },
      { text: 'CD ', fallback: true },
      { text: 'ef', fallback: false },
    ])
    expect(fontRuns('', () => true)).toEqual([])
  })
})

describe('grouped numbers', () => {
  const measure = (text: string) => text.length

  it('never breaks a line inside the helpline number', () => {
    expect(wrapWords('call 08000 121 700. It is free', 12, measure)).toEqual(['call', '08000 121 700.', 'It is free'])
    expect(wrapWords('الرقم ۰۸۰۰۰ ۱۲۱ ۷۰۰ مجاني', 10, measure)).toEqual(['الرقم', '۰۸۰۰۰ ۱۲۱ ۷۰۰', 'مجاني'])
  })

  it('keeps a no-break space inside its word', () => {
    expect(wrapWords('a\u00a0b c', 3, measure)).toEqual(['a\u00a0b', 'c'])
  })

  it('cuts text into grouped numbers and the rest', () => {
    expect(splitGroupedNumbers('Call 08000 121 700 or 999.')).toEqual([
      { text: 'Call ', groupedNumber: false },
      { text: '08000 121 700', groupedNumber: true },
      { text: ' or 999.', groupedNumber: false },
    ])
    expect(splitGroupedNumbers('08000 121 700')).toEqual([{ text: '08000 121 700', groupedNumber: true }])
  })
})
