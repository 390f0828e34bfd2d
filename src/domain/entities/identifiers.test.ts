import { describe, expect, it } from 'vitest'
import { normaliseBusiness } from './business.js'
import { normaliseEmail } from './email.js'
import { type EntityInput, NormalisedIdentifier, normaliseEntity } from './normalise-entity.js'
import { normalisePerson } from './person.js'

describe('normaliseEmail', () => {
  it('lower-cases, and collapses Gmail dots, +tags and googlemail.com', () => {
    expect(normaliseEmail(' John.Smith+work@GoogleMail.com ')).toEqual({
      kind: 'email',
      normalised: 'johnsmith@gmail.com',
      display: 'John.Smith+work@GoogleMail.com',
      valid: true,
      problems: [],
    })
    expect(normaliseEmail('Anna.Kowalska@wp.pl').normalised).toBe('anna.kowalska@wp.pl')
    expect(normaliseEmail('mailto:jobs@agency.co.uk').normalised).toBe('jobs@agency.co.uk')
  })

  it('refuses something that is not an address', () => {
    expect(normaliseEmail('anna at wp.pl')).toMatchObject({ valid: false })
    expect(normaliseEmail('').problems).toEqual(['Enter an email address.'])
  })
})

describe('normaliseBusiness', () => {
  it('matches names whatever the case, punctuation and legal form', () => {
    const a = normaliseBusiness({ name: 'Smith Cleaning Ltd.' })
    const b = normaliseBusiness({ name: 'SMITH  CLEANING LIMITED' })
    expect(a.normalised).toBe('smith cleaning')
    expect(b.normalised).toBe(a.normalised)
    expect(normaliseBusiness({ name: 'The Nail Bar & Spa' }).normalised).toBe('nail bar and spa')
  })

  it('pads and checks a Companies House number', () => {
    expect(normaliseBusiness({ name: 'A1 Car Wash', companyNumber: '1234567' }).companyNumber).toBe('01234567')
    expect(normaliseBusiness({ name: 'Glen Farms', companyNumber: 'sc123456' }).companyNumber).toBe('SC123456')
    expect(normaliseBusiness({ name: 'X', companyNumber: 'X1' }).problems).toEqual([
      'A Companies House number is 8 digits, or 2 letters and 6 digits (such as SC123456).',
    ])
  })
})

describe('normalisePerson', () => {
  it('matches names regardless of accents, case and word order', () => {
    const a = normalisePerson({ name: 'NGUYEN Van An' })
    const b = normalisePerson({ name: 'An  Văn Nguyễn' })
    expect(a.normalised).toBe('an nguyen van')
    expect(b.normalised).toBe(a.normalised)
    expect(normalisePerson({ name: 'Đặng Thị Hoa', dateOfBirth: '2007-04-02' }).normalised).toBe(
      'dang hoa thi|2007-04-02',
    )
  })

  it('refuses an impossible date of birth', () => {
    expect(normalisePerson({ name: 'Ion Popescu', dateOfBirth: '1999-02-30' })).toMatchObject({
      valid: false,
      dateOfBirth: null,
    })
  })
})

describe('normaliseEntity', () => {
  it('uses the normaliser for each kind, and every result fits the schema', () => {
    const inputs: EntityInput[] = [
      { kind: 'person', name: 'Ion Popescu' },
      { kind: 'phone', value: '0612345678', defaultRegion: 'nl' },
      { kind: 'address', lines: ['12 High St'], postcode: 'ME4 4TY' },
      { kind: 'vehicle', value: 'ab12cde' },
      { kind: 'bank-account', sortCode: '123456', accountNumber: '12345678' },
      { kind: 'bank-account', iban: 'GB82WEST12345698765432' },
      { kind: 'online-handle', platform: 'instagram', value: '@x' },
      { kind: 'business', name: 'Smith Cleaning Ltd' },
      { kind: 'email', value: 'a@b.com' },
    ]
    const results = inputs.map(normaliseEntity)
    for (const r of results) expect(NormalisedIdentifier.parse(r)).toEqual(r)
    expect(results.map((r) => r.normalised)).toEqual([
      'ion popescu',
      '+31612345678',
      'ME4 4TY|12 high street',
      'AB12CDE',
      'GB:123456:12345678',
      'GB:123456:98765432',
      'instagram:x',
      'smith cleaning',
      'a@b.com',
    ])
  })
})
