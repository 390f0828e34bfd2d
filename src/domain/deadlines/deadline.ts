import { z } from 'zod'
import { Region, regionLabels } from './bank-holiday.js'
import { addCalendarDays, IsoDate, IsoInstant, parseIsoInstant } from './iso-date.js'
import type { WorkingDayCalendar } from './working-day-calendar.js'

/** A date by which something is due (by the end of that day), and how it was worked out. */
export const Deadline = z.object({
  dueDate: IsoDate,
  /** Plain words, e.g. "5 working days after 2024-12-20 (England and Wales bank holidays)". */
  basis: z.string().min(1),
  ruleVersion: z.string().min(1),
  region: Region,
})
export type Deadline = z.infer<typeof Deadline>

/** A moment by which something is due, for clocks counted in hours such as crime recording. */
export const TimeDeadline = z.object({
  dueAt: IsoInstant,
  basis: z.string().min(1),
  hours: z.number().positive(),
  ruleVersion: z.string().min(1),
})
export type TimeDeadline = z.infer<typeof TimeDeadline>

export function workingDayDeadline(
  calendar: WorkingDayCalendar,
  input: { from: IsoDate; workingDays: number; region: Region; what: string },
): Deadline {
  return {
    dueDate: calendar.addWorkingDays(input.from, input.workingDays, input.region),
    basis: `${input.what}: ${input.workingDays} working days after ${input.from} (${regionLabels[input.region]} bank holidays)`,
    ruleVersion: calendar.ruleVersion,
    region: input.region,
  }
}

export function calendarDayDeadline(
  calendar: WorkingDayCalendar,
  input: { from: IsoDate; days: number; region: Region; what: string },
): Deadline {
  return {
    dueDate: addCalendarDays(input.from, input.days),
    basis: `${input.what}: ${input.days} calendar days after ${input.from}`,
    ruleVersion: calendar.ruleVersion,
    region: input.region,
  }
}

/** `hours` after the instant `from`; the due instant is given in UTC. */
export function hoursDeadline(
  calendar: Pick<WorkingDayCalendar, 'ruleVersion'>,
  input: { from: IsoInstant; hours: number; what: string },
): TimeDeadline {
  if (!Number.isFinite(input.hours) || input.hours <= 0) {
    throw new RangeError(`A time limit must be a positive number of hours, not ${input.hours}`)
  }
  const start = Date.parse(parseIsoInstant(input.from))
  return {
    dueAt: new Date(start + input.hours * 3_600_000).toISOString(),
    basis: `${input.what}: ${input.hours} hours after ${input.from}`,
    hours: input.hours,
    ruleVersion: calendar.ruleVersion,
  }
}

/** True once the whole due date has passed. */
export function isPastDue(deadline: Pick<Deadline, 'dueDate'>, today: IsoDate): boolean {
  return today > deadline.dueDate
}

export function isPastDueAt(deadline: Pick<TimeDeadline, 'dueAt'>, now: Date): boolean {
  return now.getTime() > Date.parse(deadline.dueAt)
}
