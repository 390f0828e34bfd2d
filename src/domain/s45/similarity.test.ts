import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { closeMatches, editDistance, similarity } from './similarity.js'

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['murder', 'murder', 0],
    ['murdr', 'murder', 1],
    ['kitten', 'sitting', 3],
    ['1968', '1986', 2],
    ['', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })

  it('is symmetric and never more than the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b)
        return d === editDistance(b, a) && d <= Math.max(a.length, b.length) && (d === 0) === (a === b)
      }),
    )
  })
})

describe('similarity and closeMatches', () => {
  it('scores identical text 1 and unrelated text low', () => {
    expect(similarity('theft act 1968 s8', 'theft act 1968 s8')).toBe(1)
    expect(similarity('murder', 'road traffic act 1988 s103')).toBeLessThan(0.5)
  })

  it('ranks the nearest candidate first and drops those below the floor', () => {
    const candidates = ['Theft Act 1968 s8', 'Theft Act 1968 s10', 'Fraud Act 2006 s1', 'murder'].map((display) => ({
      display,
      key: display.toLowerCase(),
    }))
    const matches = closeMatches('theft act 1986 s8', candidates)
    expect(matches[0]).toBe('Theft Act 1968 s8')
    expect(matches).not.toContain('murder')
    expect(closeMatches('zzzz', candidates)).toEqual([])
  })
})
