import { describe, expect, it } from 'vitest'
import { analyseDimensions, dimensionIsPositive } from './dimension-analysis.js'
import { presentIndicators } from './present-indicators.js'
import { signs } from './test-encounter.js'

describe('dimensionIsPositive (indicators.md §1.4 step 1)', () => {
  it.each([
    [['strong', 'strong'], true],
    [['strong', 'medium'], true],
    [['strong', 'weak'], true],
    [['medium', 'medium', 'medium'], true],
    [['medium', 'medium', 'weak'], true],
    [['strong'], false],
    [['medium', 'medium'], false],
    [['medium', 'weak', 'weak'], false],
    [[], false],
  ] as const)('%o ⇒ %s', (grades, expected) => {
    expect(dimensionIsPositive(grades)).toBe(expected)
  })
})

describe('analyseDimensions', () => {
  it('is labelled as a research classification, not a legal test or referral threshold', () => {
    const analysis = analyseDimensions([], 'adult')
    expect(analysis.label).toMatch(/Research classification only/)
    expect(analysis.label).toMatch(/not a legal test and not a referral threshold/)
    expect(analysis.source.confidence).toBe('SECONDARY')
    expect(analysis.pattern.source.confidence).toBe('UNCONFIRMED')
    expect(analysis.dimensions.map((d) => d.id)).toEqual([
      'deceptive-recruitment',
      'coercive-recruitment',
      'recruitment-by-abuse-of-vulnerability',
      'exploitative-conditions',
      'coercion-at-destination',
      'abuse-of-vulnerability-at-destination',
    ])
  })

  it('counts signs mapped to the same research item once', () => {
    const analysis = analyseDimensions(
      presentIndicators(signs(['gen-not-free-to-leave', 'gen-isolated', 'gen-security-measures'])),
      'adult',
    )
    const coercion = analysis.dimensions.find((d) => d.id === 'coercion-at-destination')
    expect(coercion?.items).toEqual([
      {
        item: 'Isolation, confinement or surveillance',
        grade: 'strong',
        indicators: ['gen-not-free-to-leave', 'gen-isolated', 'gen-security-measures'],
      },
    ])
    expect(coercion?.positive).toBe(false)
  })

  it('finds the adult pattern only when recruitment, conditions and destination are all positive', () => {
    const recruitmentAndConditions = [
      'gen-travel-arranged-by-others',
      'gen-vulnerable-situation',
      'can-did-not-know-illegal',
      'gen-excessive-hours',
      'gen-poor-living-conditions',
    ]
    expect(analyseDimensions(presentIndicators(signs(recruitmentAndConditions)), 'adult').pattern.met).toBe(false)
    const all = [...recruitmentAndConditions, 'gen-debt', 'gen-documents-held']
    const analysis = analyseDimensions(presentIndicators(signs(all)), 'adult')
    expect(analysis.dimensions.filter((d) => d.positive).map((d) => d.id)).toEqual([
      'recruitment-by-abuse-of-vulnerability',
      'exploitative-conditions',
      'coercion-at-destination',
    ])
    expect(analysis.pattern.met).toBe(true)
  })

  it('uses the child rule for children: no means needed', () => {
    const ids = ['gen-travel-arranged-by-others', 'gen-excessive-hours', 'child-not-in-school']
    expect(analyseDimensions(presentIndicators(signs(ids)), 'child').pattern.met).toBe(true)
    expect(analyseDimensions(presentIndicators(signs(ids)), 'adult').pattern.met).toBe(false)
  })
})
