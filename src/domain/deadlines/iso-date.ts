import { z } from 'zod'

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Why `value` is not a real calendar date in the form YYYY-MM-DD, or null when it is one. */
function calendarDateProblem(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return `"${value}" is not a date in the form YYYY-MM-DD`
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1) return `${value} is not a real date: there is no year 0000`
  if (month < 1 || month > 12) return `${value} is not a real date: there is no month ${match[2]}`
  const monthLength = daysInMonth(year, month)
  if (day < 1 || day > monthLength) {
    return `${value} is not a real date: ${monthNames[month - 1]} ${year} has ${monthLength} days`
  }
  return null
}

/** A calendar date as an ISO 8601 `YYYY-MM-DD` string, checked to be a real date (no 2023-02-30). */
export const IsoDate = z.string({ error: 'Enter a date in the form YYYY-MM-DD' }).superRefine((value, ctx) => {
  const problem = calendarDateProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})
export type IsoDate = z.infer<typeof IsoDate>

const instantPattern = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/

/** A moment in time as ISO 8601 with `Z` or an explicit offset, e.g. 2024-03-01T09:30:00Z. */
export const IsoInstant = z.string({ error: 'Enter a date and time in ISO 8601 form' }).superRefine((value, ctx) => {
  const match = instantPattern.exec(value)
  if (!match) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a date and time in ISO 8601 form with a time zone, e.g. 2024-03-01T09:30:00Z`,
    })
    return
  }
  const problem = calendarDateProblem(match[1] as string)
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem })
    return
  }
  const [hour, minute, second, offsetHour, offsetMinute] = [match[2], match[3], match[4], match[6], match[7]].map(
    Number,
  )
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) {
    ctx.addIssue({ code: 'custom', message: `${value} is not a real time of day` })
  } else if ((offsetHour ?? 0) > 14 || (offsetMinute ?? 0) > 59) {
    ctx.addIssue({ code: 'custom', message: `${value} has an impossible time-zone offset` })
  }
})
export type IsoInstant = z.infer<typeof IsoInstant>

/** Thrown by the date functions when given a string that is not a real date; the message says why. */
export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError'
}

export function parseIsoDate(value: string): IsoDate {
  const problem = calendarDateProblem(value)
  if (problem) throw new InvalidDateError(problem)
  return value
}

export function parseIsoInstant(value: string): IsoInstant {
  const result = IsoInstant.safeParse(value)
  if (!result.success) throw new InvalidDateError(result.error.issues[0]?.message ?? `${value} is not a valid instant`)
  return result.data
}

// Days since 1970-01-01 by integer arithmetic (H. Hinnant's days_from_civil), so no Date quirks for early years.
export function toDayNumber(date: IsoDate): number {
  parseIsoDate(date)
  const year = Number(date.slice(0, 4))
  const month = Number(date.slice(5, 7))
  const day = Number(date.slice(8, 10))
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z0 = dayNumber + 719468
  const era = Math.floor(z0 / 146097)
  const dayOfEra = z0 - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function isoDateOf(year: number, month: number, day: number): IsoDate {
  return parseIsoDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  )
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date)
  return day === 0 || day === 6
}

export function yearOf(date: IsoDate): number {
  return Number(parseIsoDate(date).slice(0, 4))
}

/** `date` plus `days` calendar days (negative goes back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`A number of days must be a whole number, not ${days}`)
  return fromDayNumber(toDayNumber(date) + days)
}

const ukDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The calendar date in the UK (Europe/London, which covers all three jurisdictions) at an instant. */
export function ukDateOf(instant: Date | IsoInstant): IsoDate {
  const moment = typeof instant === 'string' ? new Date(parseIsoInstant(instant)) : instant
  if (Number.isNaN(moment.getTime())) throw new InvalidDateError('The instant is not a valid date and time')
  const parts = Object.fromEntries(ukDateFormat.formatToParts(moment).map((p) => [p.type, p.value]))
  return `${parts.year}-${parts.month}-${parts.day}`
}
