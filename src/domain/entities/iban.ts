// IBAN checks (ISO 13616): two letters, two check digits, then the national account number; valid when the
// rearranged number is 1 modulo 97. Lengths are checked for the countries most seen in UK cases; for other
// countries only the general 15–34 range and the checksum are checked.
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AL: 28,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CZ: 24,
  DE: 22,
  DK: 18,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GR: 27,
  HU: 28,
  IE: 22,
  IT: 27,
  LT: 20,
  LV: 21,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SK: 24,
}

/** The remainder modulo 97 of the IBAN read as a number, letters counting A = 10 … Z = 35. */
export function ibanRemainder(iban: string): number {
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`
  let remainder = 0
  for (const ch of rearranged) {
    const value = ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : Number(ch)
    remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
  }
  return remainder
}

/** Check digits that make an IBAN valid, for a country code and national account number (BBAN). */
export function ibanCheckDigits(country: string, bban: string): string {
  const check = 98 - ibanRemainder(`${country}00${bban}`)
  return String(check).padStart(2, '0')
}
