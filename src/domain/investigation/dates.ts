import { z } from 'zod'

// Investigation times are instants (Date); court orders run by calendar day (ISO "YYYY-MM-DD"). All
// arithmetic is in UTC so a result never depends on the server's time zone or on daylight saving.
export const DAY_MS = 24 * 60 * 60 * 1000

export const IsoDate = z.iso.date()
export type IsoDate = z.infer<typeof IsoDate>

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS)
}

/** Whole days from `from` to `to`, rounded down; negative when `to` is earlier. */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS)
}

function parseIsoDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`)
}

function formatIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10)
}

export function addDaysToIsoDate(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(addDays(parseIsoDate(date), days))
}

/**
 * The same calendar day `years` later. 29 February moves to 1 March in a common year, so a minimum period
 * measured from a leap day is never cut short.
 */
export function addYearsToIsoDate(date: IsoDate, years: number): IsoDate {
  const d = parseIsoDate(date)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return formatIsoDate(d)
}

/** Whole days from one calendar date to another; negative when `to` is earlier. */
export function daysBetweenIsoDates(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS)
}

/** The calendar date (UTC) of an instant, for comparing a clock reading with order dates. */
export function isoDateOf(instant: Date): IsoDate {
  return formatIsoDate(instant)
}
