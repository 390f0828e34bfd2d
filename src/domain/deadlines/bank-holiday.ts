import { z } from 'zod'
import { Jurisdiction, SourceRef } from '../shared/vocabulary.js'
import { IsoDate } from './iso-date.js'

/** Where a holiday comes from: the standing rules, or a one-off change by proclamation. */
export const BankHolidaySource = SourceRef.extend({
  kind: z.enum(['rule', 'one-off']),
  note: z.string().optional(),
})
export type BankHolidaySource = z.infer<typeof BankHolidaySource>

export const BankHoliday = z.object({
  date: IsoDate,
  name: z.string().min(1),
  /** True when the holiday fell on a weekend and this is the weekday given instead. */
  substitute: z.boolean(),
  source: BankHolidaySource,
})
export type BankHoliday = z.infer<typeof BankHoliday>

export const Region = Jurisdiction
export type Region = Jurisdiction

export const regionLabels: Record<Region, string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
}

// The range the rules are written for; earlier or later years need the rules re-checked.
export const FIRST_SUPPORTED_YEAR = 1990
export const LAST_SUPPORTED_YEAR = 2100

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Bank holidays are known for ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}; ${year} is outside that range`,
    )
  }
}
