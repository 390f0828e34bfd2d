import { describe, expect, it } from 'vitest'
import { areaOf, assessConcern, CONCERN_RULE } from './concern.js'
import { presentIndicators } from './present-indicators.js'
import { signs } from './test-encounter.js'

const present = (...ids: string[]) => presentIndicators(signs(ids))

describe('assessConcern (Lantern thresholds on indicators.md §8.2)', () => {
  it('is none with no signs, and high with no signs but an immediate risk', () => {
    expect(assessConcern([], 'adult', false).level).toBe('none')
    expect(assessConcern([], 'adult', true).level).toBe('high')
    expect(assessConcern([], 'adult', true).why[0]).toMatch(/immediate risk/)
  })

  it('is low for one or two ungraded or weak signs in one area for an adult', () => {
    expect(assessConcern(present('cl-multiple-phones'), 'adult', false).level).toBe('low')
    expect(assessConcern(present('cl-multiple-phones', 'cl-far-from-home'), 'adult', false).level).toBe('low')
    // Rated weak for adults (abuse of cultural or religious beliefs), medium for children.
    expect(assessConcern(present('gen-belief-based-control'), 'adult', false).level).toBe('low')
  })

  it('is medium for a single sign the research rates medium', () => {
    const finding = assessConcern(present('crim-forced-to-commit-crime'), 'adult', false)
    expect(finding.level).toBe('medium')
    expect(finding.why).toEqual([
      '1 sign rated medium for adults in the research: Made to commit crime for someone else.',
    ])
  })

  it('is high with a single strong sign (debt bondage)', () => {
    const finding = assessConcern(present('gen-debt'), 'adult', false)
    expect(finding.level).toBe('high')
    expect(finding.why).toEqual([
      '1 sign rated strong for adults in the research: Owes a debt they cannot realistically pay off.',
    ])
  })

  it('grades by age group: threats are strong for a child, medium for an adult', () => {
    expect(assessConcern(present('gen-threats'), 'adult', false).level).toBe('medium')
    expect(assessConcern(present('gen-threats'), 'child', false).level).toBe('high')
  })

  it('is medium with ungraded signs in two areas, and high with signs in three', () => {
    expect(assessConcern(present('cl-multiple-phones', 'gen-lives-at-workplace'), 'adult', false).level).toBe('medium')
    expect(
      assessConcern(present('cl-multiple-phones', 'gen-lives-at-workplace', 'phys-injuries'), 'adult', false).level,
    ).toBe('high')
  })

  it('is medium with three signs in one area', () => {
    expect(
      assessConcern(present('cl-multiple-phones', 'cl-far-from-home', 'cl-hotel-keys'), 'adult', false).level,
    ).toBe('medium')
  })

  it('is at least medium for any sign in a child', () => {
    expect(assessConcern(present('cl-multiple-phones'), 'child', false).level).toBe('medium')
    expect(assessConcern(present('cl-multiple-phones'), 'child', false).why.join(' ')).toMatch(/child/)
  })

  it('counts two signs from the same research dimension as one area', () => {
    const area = (id: string) => presentIndicators(signs([id])).map((p) => areaOf(p.indicator).id)
    expect(area('gen-wages-withheld')).toEqual(['dimension:coercion-at-destination'])
    expect(area('gen-threat-of-denunciation')).toEqual(['dimension:coercion-at-destination'])
    expect(area('cl-multiple-phones')).toEqual(['theme:county-lines-and-cuckooing'])
    const sameArea = assessConcern(present('gen-wages-withheld', 'gen-threat-of-denunciation'), 'adult', false)
    expect(sameArea.why.join(' ')).not.toMatch(/different areas/)
  })

  it('labels its thresholds as Lantern’s own, needing validation', () => {
    expect(CONCERN_RULE.source.confidence).toBe('UNCONFIRMED')
    expect(CONCERN_RULE.text).toMatch(/still need checking/)
  })
})
