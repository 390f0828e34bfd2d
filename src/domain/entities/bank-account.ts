import { z } from 'zod'
import { identifierFields } from './entity-kind.js'
import { IBAN_LENGTHS, ibanRemainder } from './iban.js'

export const NormalisedBankAccount = z.object({
  kind: z.literal('bank-account'),
  ...identifierFields,
  scheme: z.enum(['uk-sort-code', 'iban']),
  /** Sort code and account number of a UK account, also read out of a GB IBAN; null otherwise. */
  sortCode: z.string().nullable(),
  accountNumber: z.string().nullable(),
})
export type NormalisedBankAccount = z.infer<typeof NormalisedBankAccount>

// The key for a UK account is the same whether it was written as sort code and number or as a GB IBAN, so the
// two spellings link. The bank's modulus check is not run: it needs Pay.UK's sort-code tables.
function ukKey(sortCode: string, accountNumber: string): string {
  return `GB:${sortCode}:${accountNumber}`
}

function ukDisplay(sortCode: string, accountNumber: string): string {
  return `${sortCode.slice(0, 2)}-${sortCode.slice(2, 4)}-${sortCode.slice(4)} ${accountNumber}`
}

/** A UK account as sort code and account number; a 7-digit account number gets the usual leading zero. */
export function normaliseUkBankAccount(input: {
  readonly sortCode: string
  readonly accountNumber: string
}): NormalisedBankAccount {
  const sortCode = input.sortCode.replace(/[\s-]/g, '')
  let accountNumber = input.accountNumber.replace(/[\s-]/g, '')
  const problems: string[] = []
  if (!/^\d{6}$/.test(sortCode)) problems.push('A sort code is 6 digits, such as 12-34-56.')
  if (/^\d{7}$/.test(accountNumber)) accountNumber = `0${accountNumber}`
  if (!/^\d+$/.test(accountNumber)) problems.push('An account number has only digits.')
  else if (accountNumber.length !== 8) {
    problems.push(`A UK account number is 8 digits; this one has ${accountNumber.length}. Check it with the bank.`)
  }
  const valid = problems.length === 0
  return {
    kind: 'bank-account',
    normalised: ukKey(sortCode, accountNumber),
    display: valid ? ukDisplay(sortCode, accountNumber) : `${input.sortCode.trim()} ${input.accountNumber.trim()}`,
    valid,
    problems,
    scheme: 'uk-sort-code',
    sortCode: valid ? sortCode : null,
    accountNumber: valid ? accountNumber : null,
  }
}

/** An IBAN, checked by length and checksum; a GB IBAN also gives its sort code and account number. */
export function normaliseIban(raw: string): NormalisedBankAccount {
  const iban = raw.toUpperCase().replace(/^IBAN/, '').replace(/[\s-]/g, '')
  const problems: string[] = []
  const country = iban.slice(0, 2)
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) {
    problems.push('An IBAN starts with two letters and two digits, followed by letters and digits only.')
  } else {
    const expected = IBAN_LENGTHS[country]
    if (expected !== undefined && iban.length !== expected) {
      problems.push(`A ${country} IBAN has ${expected} characters; this one has ${iban.length}.`)
    } else if (iban.length < 15 || iban.length > 34) {
      problems.push('An IBAN has 15 to 34 characters.')
    } else if (ibanRemainder(iban) !== 1) {
      problems.push('The IBAN check digits do not match: a character is probably mistyped.')
    }
  }
  const valid = problems.length === 0
  const gb = valid && country === 'GB' ? /^GB\d{2}[A-Z]{4}(\d{6})(\d{8})$/.exec(iban) : null
  const sortCode = gb?.[1] ?? null
  const accountNumber = gb?.[2] ?? null
  if (valid && country === 'GB' && !gb)
    problems.push('A GB IBAN has a 4-letter bank code, a sort code and an 8-digit account number.')
  return {
    kind: 'bank-account',
    normalised: sortCode && accountNumber ? ukKey(sortCode, accountNumber) : `IBAN:${iban}`,
    display: iban.replace(/(.{4})/g, '$1 ').trim(),
    valid: problems.length === 0,
    problems,
    scheme: 'iban',
    sortCode,
    accountNumber,
  }
}
