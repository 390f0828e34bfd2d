import { describe, expect, it } from 'vitest'
import { indicators } from './catalogue.js'
import { CatalogueSummaryItem, catalogueSummary } from './catalogue-summary.js'

describe('catalogueSummary', () => {
  const summary = catalogueSummary()

  it('lists every indicator with the fields `lantern indicators --json` promises', () => {
    expect(summary).toHaveLength(indicators.length)
    for (const item of summary) {
      expect(() => CatalogueSummaryItem.parse(item)).not.toThrow()
      for (const key of [
        'id',
        'title',
        'types',
        'appliesTo',
        'grade',
        'refs',
        'confidence',
        'hint',
        'theme',
        'source',
      ]) {
        expect(item, `${item.id}.${key}`).toHaveProperty(key)
      }
    }
  })

  it('gives a single headline grade and keeps the per-profile grades', () => {
    const threats = summary.find((i) => i.id === 'gen-threats')
    expect(threats?.grade).toBe('strong')
    expect(threats?.grades?.adultLabour).toBe('medium')
    const phones = summary.find((i) => i.id === 'cl-multiple-phones')
    expect(phones?.grade).toBeNull()
    expect(summary.find((i) => i.id === 'gen-wages-withheld')?.grade).toBe('medium')
  })

  it('copies the source confidence to the top level', () => {
    const watched = summary.find((i) => i.id === 'acq-watched-or-directed')
    expect(watched?.confidence).toBe('CONFIRMED')
    expect(watched?.source.url).toBe('https://nbcc.police.uk/guidance/identifying-criminal-exploitation-in-retail')
    expect(summary.find((i) => i.id === 'gen-documents-held')?.themeTitle).toBe('Control and freedom of movement')
  })
})
