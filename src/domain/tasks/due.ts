import { type Region, ukDateOf, workingDaysBetween } from '../deadlines/index.js'

export type DueDescription = {
  overdue: boolean
  /** e.g. "Overdue by 3 hours", "Due in 2 working days". */
  text: string
}

const HOUR = 3_600_000

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * How far off a due time is, as people count it: hours within a day, working days beyond (weekends and the
 * region's bank holidays do not count), so "due in 1 working day" on a Friday means Monday.
 */
export function describeDue(dueAt: string, now: Date, region: Region): DueDescription {
  const due = new Date(dueAt)
  const diff = due.getTime() - now.getTime()
  const overdue = diff < 0
  const abs = Math.abs(diff)
  if (abs < HOUR) {
    const minutes = Math.max(1, Math.round(abs / 60_000))
    return {
      overdue,
      text: overdue ? `Overdue by ${plural(minutes, 'minute')}` : `Due in ${plural(minutes, 'minute')}`,
    }
  }
  if (abs < 24 * HOUR) {
    const hours = Math.floor(abs / HOUR)
    return { overdue, text: overdue ? `Overdue by ${plural(hours, 'hour')}` : `Due in ${plural(hours, 'hour')}` }
  }
  const [from, to] = overdue ? [ukDateOf(due), ukDateOf(now)] : [ukDateOf(now), ukDateOf(due)]
  const days = workingDaysBetween(from, to, region)
  if (days === 0) {
    // A long weekend or holiday: no working day between, so say it in calendar days.
    const calendarDays = Math.floor(abs / (24 * HOUR))
    return {
      overdue,
      text: overdue ? `Overdue by ${plural(calendarDays, 'day')}` : `Due in ${plural(calendarDays, 'day')}`,
    }
  }
  const wd = plural(days, 'working day')
  return { overdue, text: overdue ? `Overdue by ${wd}` : `Due in ${wd}` }
}
