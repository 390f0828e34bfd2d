import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { normaliseIban, normaliseUkBankAccount } from './bank-account.js'
import { ibanCheckDigits } from './iban.js'

describe('UK sort code and account number', () => {
  it('normalises separators and pads a 7-digit account number', () => {
    expect(normaliseUkBankAccount({ sortCode: '12-34-56', accountNumber: '1234 5678' })).toEqual({
      kind: 'bank-account',
      normalised: 'GB:123456:12345678',
      display: '12-34-56 12345678',
      valid: true,
      problems: [],
      scheme: 'uk-sort-code',
      sortCode: '123456',
      accountNumber: '12345678',
    })
    expect(normaliseUkBankAccount({ sortCode: '40 47 84', accountNumber: '7654321' }).normalised).toBe(
      'GB:404784:07654321',
    )
  })

  it('explains a bad sort code or account number', () => {
    expect(normaliseUkBankAccount({ sortCode: '1234', accountNumber: '12345678' }).problems).toEqual([
      'A sort code is 6 digits, such as 12-34-56.',
    ])
    expect(normaliseUkBankAccount({ sortCode: '123456', accountNumber: '1234567890' }).problems).toEqual([
      'A UK account number is 8 digits; this one has 10. Check it with the bank.',
    ])
  })
})

describe('IBAN', () => {
  it('accepts a valid GB IBAN and links it to the same account written as sort code and number', () => {
    const iban = normaliseIban('GB82 WEST 1234 5698 7654 32')
    expect(iban).toMatchObject({
      valid: true,
      display: 'GB82 WEST 1234 5698 7654 32',
      sortCode: '123456',
      accountNumber: '98765432',
    })
    expect(iban.normalised).toBe(normaliseUkBankAccount({ sortCode: '12-34-56', accountNumber: '98765432' }).normalised)
  })

  it('accepts a valid foreign IBAN, keyed by the IBAN itself', () => {
    expect(normaliseIban('de89 3704 0044 0532 0130 00')).toMatchObject({
      valid: true,
      normalised: 'IBAN:DE89370400440532013000',
      sortCode: null,
    })
  })

  it('refuses a wrong checksum or length with a specific message', () => {
    expect(normaliseIban('GB82 WEST 1234 5698 7654 31').problems).toEqual([
      'The IBAN check digits do not match: a character is probably mistyped.',
    ])
    expect(normaliseIban('DE89 3704 0044 0532 0130').problems).toEqual([
      'A DE IBAN has 22 characters; this one has 20.',
    ])
    expect(normaliseIban('12345').valid).toBe(false)
  })

  it('validates IBANs built with correct check digits and catches any single changed digit', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{18}$/),
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        (bban, pos, delta) => {
          const iban = `DE${ibanCheckDigits('DE', bban)}${bban}`
          const digit = (Number(bban[pos]) + delta) % 10
          const typo = `DE${ibanCheckDigits('DE', bban)}${bban.slice(0, pos)}${digit}${bban.slice(pos + 1)}`
          return normaliseIban(iban).valid && !normaliseIban(typo).valid
        },
      ),
    )
  })
})
