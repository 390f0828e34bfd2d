import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarDays,
  dayOfWeek,
  fromDayNumber,
  InvalidDateError,
  IsoDate,
  IsoInstant,
  parseIsoDate,
  toDayNumber,
  ukDateOf,
} from './iso-date.js'

describe('IsoDate', () => {
  it('accepts real dates, including 29 February in a leap year', () => {
    expect(IsoDate.parse('2024-02-29')).toBe('2024-02-29')
    expect(IsoDate.parse('2000-02-29')).toBe('2000-02-29')
  })

  it.each([
    ['2023-02-30', '2023-02-30 is not a real date: February 2023 has 28 days'],
    ['2023-02-29', '2023-02-29 is not a real date: February 2023 has 28 days'],
    ['1900-02-29', '1900-02-29 is not a real date: February 1900 has 28 days'],
    ['2024-04-31', '2024-04-31 is not a real date: April 2024 has 30 days'],
    ['2024-13-01', '2024-13-01 is not a real date: there is no month 13'],
    ['2024-00-10', '2024-00-10 is not a real date: there is no month 00'],
    ['24-01-01', '"24-01-01" is not a date in the form YYYY-MM-DD'],
    ['2024-1-01', '"2024-1-01" is not a date in the form YYYY-MM-DD'],
    ['01/02/2024', '"01/02/2024" is not a date in the form YYYY-MM-DD'],
  ])('refuses %s with a specific message', (value, message) => {
    const result = IsoDate.safeParse(value)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toBe(message)
    expect(() => parseIsoDate(value)).toThrow(new InvalidDateError(message))
  })

  it('refuses a non-string', () => {
    expect(IsoDate.safeParse(20240101).error?.issues[0]?.message).toBe('Enter a date in the form YYYY-MM-DD')
  })
})

describe('IsoInstant', () => {
  it('accepts UTC and offset instants', () => {
    expect(IsoInstant.parse('2024-03-01T09:30:00Z')).toBe('2024-03-01T09:30:00Z')
    expect(IsoInstant.parse('2024-03-01T09:30:00.123+01:00')).toBe('2024-03-01T09:30:00.123+01:00')
  })

  it('refuses an instant without a time zone, an impossible date and an impossible time', () => {
    expect(IsoInstant.safeParse('2024-03-01T09:30:00').error?.issues[0]?.message).toContain('with a time zone')
    expect(IsoInstant.safeParse('2023-02-30T09:30:00Z').error?.issues[0]?.message).toBe(
      '2023-02-30 is not a real date: February 2023 has 28 days',
    )
    expect(IsoInstant.safeParse('2024-03-01T24:30:00Z').error?.issues[0]?.message).toBe(
      '2024-03-01T24:30:00Z is not a real time of day',
    )
  })
})

describe('day arithmetic', () => {
  it('numbers days from 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(toDayNumber('2000-03-01')).toBe(11017)
    expect(fromDayNumber(19783)).toBe('2024-03-01')
  })

  it('knows the day of the week', () => {
    expect(dayOfWeek('2024-12-25')).toBe(3)
    expect(dayOfWeek('2021-12-25')).toBe(6)
    expect(dayOfWeek('2022-12-25')).toBe(0)
  })

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addCalendarDays('2023-01-30', 30)).toBe('2023-03-01')
    expect(addCalendarDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31')
    expect(() => addCalendarDays('2024-01-01', 1.5)).toThrow('whole number')
  })

  it('round-trips every day number to the same date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n)
        expect(IsoDate.safeParse(fromDayNumber(n)).success).toBe(true)
      }),
    )
  })
})

describe('ukDateOf', () => {
  it('uses UK local time, so late evening UTC in summer is already the next day', () => {
    expect(ukDateOf('2024-06-30T23:30:00Z')).toBe('2024-07-01')
    expect(ukDateOf('2024-12-31T23:30:00Z')).toBe('2024-12-31')
    expect(ukDateOf(new Date('2024-03-31T00:30:00Z'))).toBe('2024-03-31')
  })
})
