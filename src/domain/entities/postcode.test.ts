import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseAddress } from './address.js'
import { normalisePostcode } from './postcode.js'

describe('normalisePostcode', () => {
  it.each([
    ['sw1a1aa', 'SW1A 1AA', 'SW1A'],
    [' m1 1ae ', 'M1 1AE', 'M1'],
    ['B33 8TH', 'B33 8TH', 'B33'],
    ['cr2  6xh', 'CR2 6XH', 'CR2'],
    ['DN55-1PT', 'DN55 1PT', 'DN55'],
    ['EC1A 1BB', 'EC1A 1BB', 'EC1A'],
    ['W1A 0AX', 'W1A 0AX', 'W1A'],
    ['gir0aa', 'GIR 0AA', 'GIR'],
  ])('%s → %s', (raw, normalised, outward) => {
    expect(normalisePostcode(raw)).toEqual({
      kind: 'postcode',
      normalised,
      display: normalised,
      valid: true,
      problems: [],
      outward,
    })
  })

  it('spots the letter O typed for a zero', () => {
    const result = normalisePostcode('SW1A OAA')
    expect(result.valid).toBe(false)
    expect(result.problems).toEqual([
      '"OAA" is not a valid last part of a UK postcode: it must start with a number (is the O a zero?).',
    ])
  })

  it('refuses impossible letters and lengths', () => {
    expect(normalisePostcode('QA1 1AA').problems).toEqual(['"QA1" is not a valid first part of a UK postcode.'])
    expect(normalisePostcode('SW1A 1AC').valid).toBe(false)
    expect(normalisePostcode('SW1').problems).toEqual([
      'A UK postcode has 5 to 7 letters and numbers, such as SW1A 1AA.',
    ])
    expect(normalisePostcode('').problems).toEqual(['Enter a postcode.'])
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), (raw) => {
        const once = normalisePostcode(raw)
        return !once.valid || normalisePostcode(once.normalised).normalised === once.normalised
      }),
    )
  })
})

describe('normaliseAddress', () => {
  it('gives two spellings of one address the same key', () => {
    const a = normaliseAddress({ lines: ['Flat 3', '12 High St'], postcode: 'me4 4ty' })
    const b = normaliseAddress({ lines: ['flat 3', '12, High Street'], postcode: 'ME4 4TY' })
    expect(a.normalised).toBe('ME4 4TY|flat 3 12 high street')
    expect(b.normalised).toBe(a.normalised)
    expect(a).toMatchObject({ display: 'Flat 3, 12 High St, ME4 4TY', valid: true, postcode: 'ME4 4TY' })
  })

  it('keeps a leading "St" as Saint, and reports a missing line or postcode', () => {
    expect(normaliseAddress({ lines: ['St Mary’s Road'], postcode: 'SO14 0AA' }).normalised).toBe(
      'SO14 0AA|st marys road',
    )
    expect(normaliseAddress({ lines: [' '], postcode: '' }).problems).toEqual([
      'Enter the first line of the address.',
      'Enter the postcode, or record why it is not known.',
    ])
  })
})
