import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseVehicleRegistration } from './vehicle.js'

describe('normaliseVehicleRegistration', () => {
  it.each([
    ['ab12 cde', 'AB12CDE', 'AB12 CDE', 'current'],
    ['LB07SEO', 'LB07SEO', 'LB07 SEO', 'current'],
    ['yx 68 ofh', 'YX68OFH', 'YX68 OFH', 'current'],
    ['A123 BCD', 'A123BCD', 'A123 BCD', 'prefix'],
    ['p7 kjh', 'P7KJH', 'P7 KJH', 'prefix'],
    ['ABC 123D', 'ABC123D', 'ABC 123D', 'suffix'],
    ['ABZ 1234', 'ABZ1234', 'ABZ 1234', 'dateless'],
    ['1 AB', '1AB', '1 AB', 'dateless'],
  ])('%s → %s (%s)', (raw, normalised, display, format) => {
    expect(normaliseVehicleRegistration(raw)).toEqual({
      kind: 'vehicle',
      normalised,
      display,
      valid: true,
      problems: [],
      format,
    })
  })

  it('flags age identifiers never issued and the letters I and Q in the current format', () => {
    expect(normaliseVehicleRegistration('AB01 CDE').problems).toEqual(['The age identifier 01 has never been issued.'])
    expect(normaliseVehicleRegistration('AB51 CDE').valid).toBe(true)
    expect(normaliseVehicleRegistration('AB12 CQE').problems).toEqual([
      'The letters I and Q are not used in current-format registrations (is it a 1 or a 0?).',
    ])
  })

  it('keeps a foreign plate as written but marks it unrecognised', () => {
    expect(normaliseVehicleRegistration('B-123-XYZ-9')).toMatchObject({
      normalised: 'B123XYZ9',
      valid: false,
      format: 'unrecognised',
    })
    expect(normaliseVehicleRegistration('AB12 CD€').problems).toEqual(['A registration has only letters and numbers.'])
  })

  it('ignores case and spacing, and is idempotent', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-HJ-PR-Z]{2}[0-4][0-9][A-HJ-PR-Z]{3}$/), fc.boolean(), (reg, lower) => {
        const a = normaliseVehicleRegistration(lower ? reg.toLowerCase() : reg)
        const spaced = normaliseVehicleRegistration(`${reg.slice(0, 4)} ${reg.slice(4)}`)
        return (
          a.normalised === reg &&
          spaced.normalised === reg &&
          normaliseVehicleRegistration(a.display).normalised === reg
        )
      }),
    )
  })
})
