import type { BankHoliday, Region } from './bank-holiday.js'
import {
  calendarDayDeadline as calendarDayDeadlineWith,
  type Deadline,
  hoursDeadline as hoursDeadlineWith,
  type TimeDeadline,
  workingDayDeadline as workingDayDeadlineWith,
} from './deadline.js'
import type { IsoDate, IsoInstant } from './iso-date.js'
import { ONE_OFF_CHANGES } from './one-off-changes.js'
import { createWorkingDayCalendar } from './working-day-calendar.js'

export {
  BankHoliday,
  BankHolidaySource,
  FIRST_SUPPORTED_YEAR,
  LAST_SUPPORTED_YEAR,
  Region,
  regionLabels,
} from './bank-holiday.js'
export { easterSunday } from './bank-holiday-rules.js'
export { Deadline, isPastDue, isPastDueAt, TimeDeadline } from './deadline.js'
export {
  addCalendarDays,
  dayOfWeek,
  InvalidDateError,
  IsoDate,
  IsoInstant,
  isWeekend,
  parseIsoDate,
  parseIsoInstant,
  ukDateOf,
} from './iso-date.js'
export { ONE_OFF_CHANGES, OneOffChange, OneOffChanges } from './one-off-changes.js'
export { createWorkingDayCalendar, type WorkingDayCalendar } from './working-day-calendar.js'

/** The calendar built from the bundled one-off changes: every deadline in Lantern is computed with it. */
export const calendar = createWorkingDayCalendar(ONE_OFF_CHANGES)

export const RULE_VERSION = calendar.ruleVersion

export function bankHolidays(year: number, region: Region): BankHoliday[] {
  return calendar.bankHolidays(year, region)
}

export function isBankHoliday(date: IsoDate, region: Region): boolean {
  return calendar.isBankHoliday(date, region)
}

export function isWorkingDay(date: IsoDate, region: Region): boolean {
  return calendar.isWorkingDay(date, region)
}

export function addWorkingDays(fromDate: IsoDate, workingDays: number, region: Region): IsoDate {
  return calendar.addWorkingDays(fromDate, workingDays, region)
}

export function workingDaysBetween(from: IsoDate, to: IsoDate, region: Region): number {
  return calendar.workingDaysBetween(from, to, region)
}

export function workingDayDeadline(input: {
  from: IsoDate
  workingDays: number
  region: Region
  what: string
}): Deadline {
  return workingDayDeadlineWith(calendar, input)
}

export function calendarDayDeadline(input: { from: IsoDate; days: number; region: Region; what: string }): Deadline {
  return calendarDayDeadlineWith(calendar, input)
}

export function hoursDeadline(input: { from: IsoInstant; hours: number; what: string }): TimeDeadline {
  return hoursDeadlineWith(calendar, input)
}
