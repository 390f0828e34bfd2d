import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Region } from './bank-holiday.js'
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './index.js'
import { addCalendarDays, fromDayNumber, toDayNumber } from './iso-date.js'

const EW: Region = 'england-and-wales'
const SC: Region = 'scotland'
const NI: Region = 'northern-ireland'

describe('isWorkingDay', () => {
  it('is false at weekends and on the region’s bank holidays only', () => {
    expect(isWorkingDay('2024-03-16', EW)).toBe(false)
    expect(isWorkingDay('2024-03-18', NI)).toBe(false)
    expect(isWorkingDay('2024-03-18', EW)).toBe(true)
    expect(isWorkingDay('2024-04-01', EW)).toBe(false)
    expect(isWorkingDay('2024-04-01', SC)).toBe(true)
    expect(isWorkingDay('2025-12-01', SC)).toBe(false)
    expect(isWorkingDay('2025-12-01', EW)).toBe(true)
  })

  it('refuses an impossible date with a specific message', () => {
    expect(() => isWorkingDay('2023-02-30', EW)).toThrow('2023-02-30 is not a real date: February 2023 has 28 days')
  })
})

describe('addWorkingDays (the starting day is not counted)', () => {
  it.each<[string, string, number, Region, string]>([
    ['the RG target from a Friday before Christmas 2024', '2024-12-20', 5, EW, '2024-12-31'],
    ['over Christmas 2022 (Sunday; substitute Tuesday 27)', '2022-12-23', 1, EW, '2022-12-28'],
    ['over Christmas 2021 (27 and 28 December substitutes)', '2021-12-24', 1, SC, '2021-12-29'],
    ['over Boxing Day 2020 (substitute Monday 28)', '2020-12-24', 2, NI, '2020-12-30'],
    ['over Easter 2024 in England and Wales', '2024-03-28', 1, EW, '2024-04-02'],
    ['over Easter 2024 in Scotland (no Easter Monday)', '2024-03-28', 1, SC, '2024-04-01'],
    ['over Easter 2024 in Northern Ireland', '2024-03-28', 1, NI, '2024-04-02'],
    ['over New Year 2022 in England and Wales', '2021-12-31', 1, EW, '2022-01-04'],
    ['over New Year 2022 in Scotland (3 and 4 January)', '2021-12-31', 1, SC, '2022-01-05'],
    ['past St Andrew’s Day 2025 substitute', '2025-11-28', 1, SC, '2025-12-02'],
    ['past St Patrick’s Day 2024 substitute', '2024-03-15', 1, NI, '2024-03-19'],
    ['past 12 July 2026 substitute', '2026-07-10', 1, NI, '2026-07-14'],
    ['past 12 July 2026 in England and Wales (no holiday)', '2026-07-10', 1, EW, '2026-07-13'],
    ['past VE Day 2020', '2020-05-07', 1, EW, '2020-05-11'],
    ['over the Platinum Jubilee 2022', '2022-06-01', 1, EW, '2022-06-06'],
    ['past the state funeral 2022', '2022-09-16', 1, EW, '2022-09-20'],
    ['past the coronation 2023', '2023-05-05', 1, NI, '2023-05-09'],
    ['over the Diamond Jubilee 2012', '2012-06-01', 1, SC, '2012-06-06'],
    ['past the royal wedding 2011 and early May', '2011-04-28', 1, EW, '2011-05-03'],
    ['over the millennium', '1999-12-30', 1, EW, '2000-01-04'],
    ['from a Saturday: 5 working days is the next Friday', '2024-06-08', 5, EW, '2024-06-14'],
    ['Places of Safety: 3 working days from Thursday', '2024-06-06', 3, EW, '2024-06-11'],
    ['zero days: the same date', '2024-06-08', 0, EW, '2024-06-08'],
  ])('%s', (_label, from, days, region, expected) => {
    expect(addWorkingDays(from, days, region)).toBe(expected)
  })

  it('refuses a negative or fractional number of days', () => {
    expect(() => addWorkingDays('2024-01-01', -1, EW)).toThrow('whole number of 0 or more, not -1')
    expect(() => addWorkingDays('2024-01-01', 1.5, EW)).toThrow('not 1.5')
  })

  it('refuses a date beyond the supported years', () => {
    expect(() => addWorkingDays('2100-12-31', 1, EW)).toThrow('2101 is outside that range')
  })
})

describe('workingDaysBetween (after `from`, up to and including `to`)', () => {
  it.each<[string, string, Region, number]>([
    ['2024-12-20', '2024-12-31', EW, 5],
    ['2024-12-20', '2025-01-02', EW, 6],
    ['2024-12-20', '2025-01-02', SC, 5],
    ['2025-12-31', '2026-01-05', SC, 1],
    ['2024-03-28', '2024-04-02', SC, 2],
    ['2024-03-28', '2024-04-02', EW, 1],
    ['2024-06-03', '2024-06-03', EW, 0],
    ['2024-06-08', '2024-06-09', EW, 0],
    ['2024-12-31', '2024-12-20', EW, -5],
  ])('%s to %s in %s is %i', (from, to, region, expected) => {
    expect(workingDaysBetween(from, to, region)).toBe(expected)
  })
})

// Kept a year inside 1990–2100 so the offsets below stay within the supported years.
const dateArb = fc.integer({ min: toDayNumber('1991-01-01'), max: toDayNumber('2099-12-31') }).map(fromDayNumber)
const regionArb = fc.constantFrom<Region>(EW, SC, NI)

describe('working-day properties', () => {
  it('adding n working days lands on a working day n working days later', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), regionArb, (from, n, region) => {
        const to = addWorkingDays(from, n, region)
        expect(isWorkingDay(to, region)).toBe(true)
        expect(workingDaysBetween(from, to, region)).toBe(n)
        expect(workingDaysBetween(from, addCalendarDays(to, -1), region)).toBe(n - 1)
      }),
    )
  })

  it('counting is antisymmetric and additive', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: -90, max: 90 }),
        fc.integer({ min: -90, max: 90 }),
        regionArb,
        (a, x, y, r) => {
          const b = addCalendarDays(a, x)
          const c = addCalendarDays(b, y)
          expect(workingDaysBetween(b, a, r) + workingDaysBetween(a, b, r)).toBe(0)
          expect(workingDaysBetween(a, c, r)).toBe(workingDaysBetween(a, b, r) + workingDaysBetween(b, c, r))
        },
      ),
    )
  })

  it('a week always has at most 5 working days, and 5 unless a holiday falls in it', () => {
    fc.assert(
      fc.property(dateArb, regionArb, (from, region) => {
        const count = workingDaysBetween(from, addCalendarDays(from, 7), region)
        expect(count).toBeLessThanOrEqual(5)
        expect(count).toBeGreaterThanOrEqual(2)
      }),
    )
  })
})
