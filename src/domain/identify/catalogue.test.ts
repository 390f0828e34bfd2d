import { describe, expect, it } from 'vitest'
import { exploitationTypes } from '../shared/vocabulary.js'
import { CATALOGUE_VERSION, indicatorById, indicatorIds, indicators } from './catalogue.js'
import { type Grade, gradeFor } from './delphi.js'
import { iloForcedLabourKeys } from './ilo-forced-labour.js'
import { Indicator } from './indicator.js'
import { themeIds } from './themes.js'

const requiredIds = [
  'gen-documents-held',
  'gen-debt',
  'gen-not-free-to-leave',
  'gen-threats',
  'gen-violence',
  'gen-wages-withheld',
  'gen-excessive-hours',
  'gen-deceived-about-work',
  'gen-isolated',
  'gen-poor-living-conditions',
  'gen-someone-speaks-for-them',
  'gen-fear-of-authorities',
  'crim-forced-to-commit-crime',
  'sex-forced-sexual-services',
  'gen-lives-at-workplace',
  'gen-moved-around',
]

describe('indicator catalogue', () => {
  it('is versioned', () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/)
  })

  it('holds roughly 70 to 100 indicators, each valid against the Indicator schema', () => {
    expect(indicators.length).toBeGreaterThanOrEqual(70)
    expect(indicators.length).toBeLessThanOrEqual(100)
    for (const indicator of indicators) expect(() => Indicator.parse(indicator), indicator.id).not.toThrow()
  })

  it('has unique, stable kebab-case ids', () => {
    expect(new Set(indicatorIds).size).toBe(indicatorIds.length)
    for (const id of indicatorIds) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })

  it('includes every id another capability maps questions to', () => {
    for (const id of requiredIds) expect(indicatorById(id), id).toBeDefined()
  })

  it('maps each of the 11 ILO forced-labour indicators from at least one indicator', () => {
    for (const key of iloForcedLabourKeys) {
      expect(
        indicators.some((i) => i.refs.includes(key)),
        key,
      ).toBe(true)
    }
    expect(indicatorById('gen-documents-held')?.refs).toEqual(['ilo-fl:retention-of-documents'])
    expect(indicatorById('gen-excessive-hours')?.refs).toEqual(['ilo-fl:excessive-overtime'])
  })

  it('covers every theme and every exploitation type', () => {
    for (const theme of themeIds) expect(indicators.some((i) => i.theme === theme)).toBe(true)
    for (const type of exploitationTypes)
      expect(
        indicators.some((i) => i.types.includes(type)),
        type,
      ).toBe(true)
  })

  it('covers each type of exploitation named in the issue with its own theme', () => {
    const count = (theme: string) => indicators.filter((i) => i.theme === theme).length
    expect(count('county-lines-and-cuckooing')).toBeGreaterThanOrEqual(5)
    expect(count('cannabis-cultivation')).toBeGreaterThanOrEqual(4)
    expect(count('begging-and-acquisitive-crime')).toBeGreaterThanOrEqual(5)
    expect(count('sexual-exploitation')).toBeGreaterThanOrEqual(5)
    expect(count('labour-exploitation')).toBeGreaterThanOrEqual(4)
    expect(count('domestic-servitude')).toBeGreaterThanOrEqual(4)
    expect(count('organ-harvesting')).toBeGreaterThanOrEqual(2)
    expect(count('children')).toBeGreaterThanOrEqual(5)
    expect(indicatorById('sex-pop-up-brothel')?.types).toEqual(['sexual'])
    expect(indicatorById('cl-home-taken-over')?.title).toContain('cuckooing')
  })

  it('marks child-only signs as applying to children', () => {
    expect(indicatorById('child-missing')?.appliesTo).toBe('child')
    expect(indicatorById('cl-home-taken-over')?.appliesTo).toBe('adult')
    expect(indicatorById('gen-debt')?.appliesTo).toBe('both')
  })

  it('carries the Delphi dimension, phase and per-profile grades, labelled SECONDARY', () => {
    const documents = indicatorById('gen-documents-held')
    expect(documents?.dimension).toMatchObject({ id: 'coercion-at-destination', phase: 'destination' })
    expect(documents?.grade).toMatchObject({ adultLabour: 'strong', childLabour: 'strong', adultSexual: null })
    expect(documents?.grade?.source.confidence).toBe('SECONDARY')

    const threats = indicatorById('gen-threats')
    expect(threats?.grade).toMatchObject({ adultLabour: 'medium', childLabour: 'strong' })

    const deceived = indicatorById('gen-deceived-about-work')
    expect(deceived?.dimension).toMatchObject({ id: 'deceptive-recruitment', phase: 'recruitment' })

    // The secondary source gives "forced tasks or clients" a strong grade in both sexual sets (indicators.md §1.3).
    expect(indicatorById('sex-forced-sexual-services')?.grade).toMatchObject({ adultSexual: 'strong' })

    const phones = indicatorById('cl-multiple-phones')
    expect(phones?.dimension).toBeNull()
    expect(phones?.grade).toBeNull()
    for (const i of indicators) expect(i.dimension === null, i.id).toBe(i.grade === null)
  })

  it('marks strong-for-referral signs from the Delphi grade for each age group (indicators.md §8.2)', () => {
    expect(indicatorById('gen-debt')?.strongFor).toEqual(['adult', 'child'])
    expect(indicatorById('gen-threats')?.strongFor).toEqual(['child'])
    expect(indicatorById('crim-forced-to-commit-crime')?.strongFor).toEqual(['child'])
    expect(indicatorById('sex-forced-sexual-services')?.strongFor).toEqual(['adult', 'child'])
    expect(indicatorById('gen-wages-withheld')?.strongFor).toEqual([])
    expect(indicatorById('cl-multiple-phones')?.strongFor).toEqual([])
  })

  // Needed for the monotone concern: an indicator that makes the person a child must never lower any grade.
  it('never grades a sign lower for children than for adults', () => {
    const rank = (g: Grade | null) => (g === null ? 0 : { weak: 1, medium: 2, strong: 3 }[g])
    for (const i of indicators) {
      if (i.strongFor.includes('adult')) expect(i.strongFor, i.id).toContain('child')
      if (i.grade === null) continue
      expect(rank(gradeFor(i.grade, 'child')), i.id).toBeGreaterThanOrEqual(rank(gradeFor(i.grade, 'adult')))
    }
  })

  it('gives every indicator a source with a confidence label and an officer-readable title and hint', () => {
    for (const i of indicators) {
      expect(['CONFIRMED', 'PARTLY CONFIRMED', 'SECONDARY', 'UNCONFIRMED']).toContain(i.source.confidence)
      expect(i.source.ref, i.id).toMatch(/^indicators\.md §/)
      expect(i.title.length, i.id).toBeLessThanOrEqual(90)
      expect(i.hint.length, i.id).toBeGreaterThan(30)
      expect(i.hint, i.id).toMatch(/[.!]$/)
    }
  })

  it('labels sources as the domain notes do', () => {
    expect(indicatorById('acq-watched-or-directed')?.source.confidence).toBe('CONFIRMED')
    expect(indicatorById('cl-multiple-phones')?.source.confidence).toBe('SECONDARY')
    expect(indicatorById('org-surgical-scar')?.source.confidence).toBe('UNCONFIRMED')
    expect(indicatorById('beg-quota-punishment')?.source.confidence).toBe('UNCONFIRMED')
    expect(indicatorById('can-found-in-grow')?.sourceNote).toMatch(/court cases/)
  })

  it('returns undefined for an unknown id', () => {
    expect(indicatorById('gen-not-a-thing')).toBeUndefined()
  })
})
