import type { Confidence } from '../shared/vocabulary.js'
import { assertSupportedYear, type BankHoliday, type BankHolidaySource, type Region } from './bank-holiday.js'
import { addCalendarDays, dayOfWeek, type IsoDate, isoDateOf, isWeekend } from './iso-date.js'

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return isoDateOf(year, month, day)
}

const MONDAY = 1

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDateOf(year, month, 1)
  return addCalendarDays(first, (MONDAY - dayOfWeek(first) + 7) % 7)
}

function lastMonday(year: number, month: number): IsoDate {
  const firstOfNext = month === 12 ? isoDateOf(year + 1, 1, 1) : isoDateOf(year, month + 1, 1)
  const last = addCalendarDays(firstOfNext, -1)
  return addCalendarDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7))
}

const sourceUrl = 'http://dougcoleman.no-ip.biz/blackwatercarriage/public_holidays.htm'

function source(confidence: Confidence, note?: string): BankHolidaySource {
  return { kind: 'rule', ref: 'law-and-process.md §8', url: sourceUrl, confidence, ...(note ? { note } : {}) }
}

// law-and-process.md §8: the eight England and Wales holidays and the regional additions are CONFIRMED. §8 names
// only what Scotland and Northern Ireland add, so that they share the rest (and that Scotland has no Easter
// Monday) is general knowledge, labelled PARTLY CONFIRMED.
const confirmed = source('CONFIRMED')
const shared = source(
  'PARTLY CONFIRMED',
  'law-and-process.md §8 confirms this holiday for England and Wales; that it also applies here is general knowledge',
)

type HolidayRule = {
  readonly name: string
  readonly date: (year: number) => IsoDate
  readonly regions: Partial<Record<Region, BankHolidaySource>>
  readonly fromYear?: number
}

const rules: readonly HolidayRule[] = [
  {
    name: "New Year's Day",
    date: (y) => isoDateOf(y, 1, 1),
    regions: { 'england-and-wales': confirmed, scotland: shared, 'northern-ireland': shared },
  },
  { name: '2nd January', date: (y) => isoDateOf(y, 1, 2), regions: { scotland: confirmed } },
  { name: "St Patrick's Day", date: (y) => isoDateOf(y, 3, 17), regions: { 'northern-ireland': confirmed } },
  {
    name: 'Good Friday',
    date: (y) => addCalendarDays(easterSunday(y), -2),
    regions: { 'england-and-wales': confirmed, scotland: shared, 'northern-ireland': shared },
  },
  {
    name: 'Easter Monday',
    date: (y) => addCalendarDays(easterSunday(y), 1),
    regions: { 'england-and-wales': confirmed, 'northern-ireland': shared },
  },
  {
    name: 'Early May bank holiday',
    date: (y) => firstMonday(y, 5),
    regions: { 'england-and-wales': confirmed, scotland: shared, 'northern-ireland': shared },
  },
  {
    name: 'Spring bank holiday',
    date: (y) => lastMonday(y, 5),
    regions: { 'england-and-wales': confirmed, scotland: shared, 'northern-ireland': shared },
  },
  {
    name: "Battle of the Boyne (Orangemen's Day)",
    date: (y) => isoDateOf(y, 7, 12),
    regions: { 'northern-ireland': confirmed },
  },
  { name: 'Summer bank holiday', date: (y) => firstMonday(y, 8), regions: { scotland: confirmed } },
  {
    name: 'Summer bank holiday',
    date: (y) => lastMonday(y, 8),
    regions: { 'england-and-wales': confirmed, 'northern-ireland': shared },
  },
  {
    name: "St Andrew's Day",
    date: (y) => isoDateOf(y, 11, 30),
    regions: {
      scotland: source(
        'CONFIRMED',
        "A bank holiday from 2007 (St Andrew's Day Bank Holiday (Scotland) Act 2007); the first year is UNCONFIRMED in law-and-process.md",
      ),
    },
    fromYear: 2007,
  },
  {
    name: 'Christmas Day',
    date: (y) => isoDateOf(y, 12, 25),
    regions: { 'england-and-wales': confirmed, scotland: shared, 'northern-ireland': shared },
  },
  {
    name: 'Boxing Day',
    date: (y) => isoDateOf(y, 12, 26),
    regions: { 'england-and-wales': confirmed, scotland: shared, 'northern-ireland': shared },
  },
]

// law-and-process.md §8 (CONFIRMED for England and Wales): a holiday on a weekend moves forward to the next weekday
// that is not already a holiday. Applying it to the Scottish and Northern Irish days is general knowledge.
function substituteSource(region: Region, original: BankHolidaySource): BankHolidaySource {
  const note = 'Substitute day: the holiday fell on a weekend (law-and-process.md §8)'
  if (region === 'england-and-wales' || original.confidence !== 'CONFIRMED') return { ...original, note }
  return {
    ...original,
    confidence: 'PARTLY CONFIRMED',
    note: `${note}; the substitute rule is CONFIRMED for England and Wales and applied here from general knowledge`,
  }
}

/** The holidays the standing rules give for a year and region, substitute days included, in date order. */
export function ruleBankHolidays(year: number, region: Region): BankHoliday[] {
  assertSupportedYear(year)
  const natural = rules.flatMap((rule) => {
    const ruleSource = rule.regions[region]
    if (!ruleSource || (rule.fromYear !== undefined && year < rule.fromYear)) return []
    return [{ name: rule.name, date: rule.date(year), source: ruleSource }]
  })
  natural.sort((a, b) => a.date.localeCompare(b.date))
  const taken = new Set(natural.filter((h) => !isWeekend(h.date)).map((h) => h.date))
  const holidays: BankHoliday[] = natural.map((holiday) => {
    if (!isWeekend(holiday.date)) return { ...holiday, substitute: false }
    let date = holiday.date
    do date = addCalendarDays(date, 1)
    while (isWeekend(date) || taken.has(date))
    taken.add(date)
    return { name: holiday.name, date, substitute: true, source: substituteSource(region, holiday.source) }
  })
  return holidays.sort((a, b) => a.date.localeCompare(b.date))
}
