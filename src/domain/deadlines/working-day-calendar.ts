import { assertSupportedYear, type BankHoliday, Region } from './bank-holiday.js'
import { ruleBankHolidays } from './bank-holiday-rules.js'
import { fromDayNumber, type IsoDate, isWeekend, parseIsoDate, toDayNumber, yearOf } from './iso-date.js'
import type { OneOffChanges } from './one-off-changes.js'
import { ruleVersionFor } from './rule-version.js'

export type WorkingDayCalendar = {
  /** Recorded on each computed deadline. */
  readonly ruleVersion: string
  bankHolidays(year: number, region: Region): BankHoliday[]
  isBankHoliday(date: IsoDate, region: Region): boolean
  isWorkingDay(date: IsoDate, region: Region): boolean
  addWorkingDays(from: IsoDate, workingDays: number, region: Region): IsoDate
  workingDaysBetween(from: IsoDate, to: IsoDate, region: Region): number
}

/**
 * A calendar from the standing rules plus a list of one-off changes, so a newly proclaimed holiday is a data edit.
 * A working day is Monday to Friday and not a bank holiday in the region (law-and-process.md §8).
 */
export function createWorkingDayCalendar(oneOffs: OneOffChanges): WorkingDayCalendar {
  const byYear = new Map<string, { list: readonly BankHoliday[]; dates: ReadonlySet<IsoDate> }>()

  function holidaysOf(year: number, region: Region) {
    const key = `${region}:${year}`
    const cached = byYear.get(key)
    if (cached) return cached
    assertSupportedYear(year)
    if (!Region.safeParse(region).success) {
      throw new RangeError(`Unknown region "${region}": use england-and-wales, scotland or northern-ireland`)
    }
    const list = ruleBankHolidays(year, region)
    for (const change of oneOffs.changes) {
      if (!change.regions.includes(region) || yearOf(change.date) !== year) continue
      const holiday: BankHoliday = {
        date: change.date,
        name: change.name,
        substitute: false,
        source: {
          ...change.source,
          kind: 'one-off',
          note: [change.reason, change.source.note].filter(Boolean).join('. '),
        },
      }
      if (change.kind === 'move') {
        const index = list.findIndex((h) => h.date === change.replaces)
        if (index < 0) {
          throw new Error(`One-off change ${change.id} moves ${change.replaces}, which is not a ${region} bank holiday`)
        }
        list[index] = holiday
      } else if (!list.some((h) => h.date === change.date)) {
        list.push(holiday)
      }
    }
    list.sort((a, b) => a.date.localeCompare(b.date))
    const entry = { list: Object.freeze(list.map((h) => Object.freeze(h))), dates: new Set(list.map((h) => h.date)) }
    byYear.set(key, entry)
    return entry
  }

  function isBankHoliday(date: IsoDate, region: Region): boolean {
    return holidaysOf(yearOf(date), region).dates.has(date)
  }

  function isWorkingDay(date: IsoDate, region: Region): boolean {
    return !isWeekend(parseIsoDate(date)) && !isBankHoliday(date, region)
  }

  // n ≥ 0; the starting day is not counted ("5 working days from referral"), and 0 returns the start unchanged.
  function addWorkingDays(from: IsoDate, workingDays: number, region: Region): IsoDate {
    if (!Number.isInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`A number of working days to add must be a whole number of 0 or more, not ${workingDays}`)
    }
    let day = toDayNumber(from)
    let left = workingDays
    while (left > 0) {
      day += 1
      if (isWorkingDay(fromDayNumber(day), region)) left -= 1
    }
    return fromDayNumber(day)
  }

  // Working days after `from` up to and including `to`; negative (the same count, reversed) when `to` is earlier.
  function workingDaysBetween(from: IsoDate, to: IsoDate, region: Region): number {
    const start = toDayNumber(from)
    const end = toDayNumber(to)
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1]
    let count = 0
    for (let day = low + 1; day <= high; day++) if (isWorkingDay(fromDayNumber(day), region)) count += 1
    return count === 0 ? 0 : sign * count
  }

  return {
    ruleVersion: ruleVersionFor(oneOffs.version),
    bankHolidays: (year, region) => holidaysOf(year, region).list.slice(),
    isBankHoliday,
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  }
}
