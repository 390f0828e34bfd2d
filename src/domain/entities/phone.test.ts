import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normalisePhone } from './phone.js'

describe('normalisePhone', () => {
  it.each([
    ['07412 345678', '+447412345678', '07412 345678', 'mobile', 'GB'],
    ['+44 (0)7412 345678', '+447412345678', '07412 345678', 'mobile', 'GB'],
    ['0044 7412 345678', '+447412345678', '07412 345678', 'mobile', 'GB'],
    ['020 7946 0958', '+442079460958', '020 7946 0958', 'fixed-line', 'GB'],
    ['0800 111 999', '+44800111999', '0800 111999', 'toll-free', 'GB'],
    ['+48 512 345 678', '+48512345678', '+48 512 345 678', 'mobile', 'PL'],
    ['+40 721 234 567', '+40721234567', '+40 721 234 567', 'mobile', 'RO'],
    ['+84 91 234 56 78', '+84912345678', '+84 912 345 678', 'mobile', 'VN'],
  ])('%s → %s', (raw, normalised, display, phoneType, country) => {
    expect(normalisePhone(raw)).toEqual({
      kind: 'phone',
      normalised,
      display,
      valid: true,
      problems: [],
      phoneType,
      country,
    })
  })

  it('reads a number without a country code in the default region given', () => {
    expect(normalisePhone('0612345678', 'NL')).toMatchObject({ normalised: '+31612345678', country: 'NL', valid: true })
  })

  it('flags the Ofcom drama range as not a real number, keeping the E.164 key', () => {
    expect(normalisePhone('07700 900123')).toEqual({
      kind: 'phone',
      normalised: '+447700900123',
      display: '07700 900123',
      valid: false,
      problems: ['07700 900000 to 900999 is an Ofcom drama range: this is not a real phone number.'],
      phoneType: null,
      country: 'GB',
    })
  })

  it('explains numbers that are too short, unrecognisable or empty', () => {
    expect(normalisePhone('999')).toMatchObject({
      valid: false,
      problems: ['This has the wrong number of digits for a GB phone number.'],
    })
    expect(normalisePhone('0791112345')).toMatchObject({ valid: false, display: '0791112345' })
    expect(normalisePhone('call me')).toMatchObject({
      valid: false,
      problems: ['This is not a recognisable phone number.'],
    })
    expect(normalisePhone('  ')).toMatchObject({ valid: false, problems: ['Enter a phone number.'] })
  })

  it('gives the same key for any spacing of a UK mobile, and is idempotent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom('', ' ', '-'), (n, sep) => {
        const digits = String(n).padStart(6, '0')
        const a = normalisePhone(`07412${sep}${digits}`)
        const b = normalisePhone(`+44 7412 ${digits.slice(0, 3)} ${digits.slice(3)}`)
        return a.normalised === b.normalised && normalisePhone(a.normalised).normalised === a.normalised
      }),
    )
  })
})
