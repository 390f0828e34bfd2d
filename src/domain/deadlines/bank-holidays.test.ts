import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Region } from './bank-holiday.js'
import { easterSunday } from './bank-holiday-rules.js'
import { bankHolidays, createWorkingDayCalendar, ONE_OFF_CHANGES, OneOffChanges, RULE_VERSION } from './index.js'
import { dayOfWeek, isWeekend } from './iso-date.js'

const dates = (year: number, region: Region) => bankHolidays(year, region).map((h) => h.date)
const regions: Region[] = ['england-and-wales', 'scotland', 'northern-ireland']

describe('England and Wales bank holidays, 2019–2027, against the published dates', () => {
  // The dates GOV.UK published, written out by hand so the rules are checked against something independent.
  const published: Record<number, string[]> = {
    2019: [
      '2019-01-01',
      '2019-04-19',
      '2019-04-22',
      '2019-05-06',
      '2019-05-27',
      '2019-08-26',
      '2019-12-25',
      '2019-12-26',
    ],
    2020: [
      '2020-01-01',
      '2020-04-10',
      '2020-04-13',
      '2020-05-08',
      '2020-05-25',
      '2020-08-31',
      '2020-12-25',
      '2020-12-28',
    ],
    2021: [
      '2021-01-01',
      '2021-04-02',
      '2021-04-05',
      '2021-05-03',
      '2021-05-31',
      '2021-08-30',
      '2021-12-27',
      '2021-12-28',
    ],
    2022: [
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ],
    2023: [
      '2023-01-02',
      '2023-04-07',
      '2023-04-10',
      '2023-05-01',
      '2023-05-08',
      '2023-05-29',
      '2023-08-28',
      '2023-12-25',
      '2023-12-26',
    ],
    2024: [
      '2024-01-01',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ],
    2025: [
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
      '2025-05-26',
      '2025-08-25',
      '2025-12-25',
      '2025-12-26',
    ],
    2026: [
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ],
    2027: [
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ],
  }

  it.each(Object.entries(published))('%s', (year, expected) => {
    expect(dates(Number(year), 'england-and-wales')).toEqual(expected)
  })
})

describe('Scotland and Northern Ireland', () => {
  it('Scotland 2025: 2 January, first Monday in August, St Andrew’s Day on a Sunday moves to Monday 1 December', () => {
    expect(dates(2025, 'scotland')).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-04-18',
      '2025-05-05',
      '2025-05-26',
      '2025-08-04',
      '2025-12-01',
      '2025-12-25',
      '2025-12-26',
    ])
    const standrew = bankHolidays(2025, 'scotland').find((h) => h.date === '2025-12-01')
    expect(standrew).toMatchObject({ name: "St Andrew's Day", substitute: true })
  })

  it('Scotland has no Easter Monday', () => {
    expect(dates(2024, 'scotland')).not.toContain('2024-04-01')
    expect(dates(2024, 'scotland')).toContain('2024-03-29')
  })

  it('Scotland 2022: New Year on Saturday and 2 January on Sunday give Monday 3 and Tuesday 4 January', () => {
    expect(dates(2022, 'scotland').slice(0, 2)).toEqual(['2022-01-03', '2022-01-04'])
  })

  it('Scotland 2023: New Year on Sunday moves past the 2 January holiday to Tuesday 3 January', () => {
    expect(bankHolidays(2023, 'scotland').slice(0, 2)).toMatchObject([
      { date: '2023-01-02', name: '2nd January', substitute: false },
      { date: '2023-01-03', name: "New Year's Day", substitute: true },
    ])
  })

  it('St Andrew’s Day is a holiday only from 2007', () => {
    expect(dates(2006, 'scotland')).not.toContain('2006-11-30')
    expect(dates(2007, 'scotland')).toContain('2007-11-30')
  })

  it('Northern Ireland 2024: St Patrick’s Day on a Sunday moves to Monday 18 March', () => {
    expect(dates(2024, 'northern-ireland')).toEqual([
      '2024-01-01',
      '2024-03-18',
      '2024-03-29',
      '2024-04-01',
      '2024-05-06',
      '2024-05-27',
      '2024-07-12',
      '2024-08-26',
      '2024-12-25',
      '2024-12-26',
    ])
  })

  it('Northern Ireland: 12 July on a Sunday (2026) moves to Monday 13 July, on a Saturday (2025) to Monday 14 July', () => {
    expect(dates(2026, 'northern-ireland')).toContain('2026-07-13')
    expect(dates(2026, 'northern-ireland')).not.toContain('2026-07-12')
    expect(dates(2025, 'northern-ireland')).toContain('2025-07-14')
  })

  it('England and Wales has none of the Scottish or Northern Irish days', () => {
    expect(dates(2025, 'england-and-wales')).not.toContain('2025-01-02')
    expect(dates(2025, 'england-and-wales')).not.toContain('2025-03-17')
    expect(dates(2025, 'england-and-wales')).not.toContain('2025-08-04')
  })
})

describe('substitute days around Christmas in all three regions', () => {
  it.each(regions)('%s: Christmas 2021 on Saturday and Boxing Day on Sunday give 27 and 28 December', (region) => {
    expect(bankHolidays(2021, region).slice(-2)).toMatchObject([
      { date: '2021-12-27', name: 'Christmas Day', substitute: true },
      { date: '2021-12-28', name: 'Boxing Day', substitute: true },
    ])
  })

  it.each(regions)('%s: Christmas 2022 on Sunday moves past Boxing Day to Tuesday 27 December', (region) => {
    expect(bankHolidays(2022, region).slice(-2)).toMatchObject([
      { date: '2022-12-26', name: 'Boxing Day', substitute: false },
      { date: '2022-12-27', name: 'Christmas Day', substitute: true },
    ])
  })

  it.each(regions)('%s: Boxing Day 2020 on Saturday moves to Monday 28 December', (region) => {
    expect(bankHolidays(2020, region).slice(-2)).toMatchObject([
      { date: '2020-12-25', substitute: false },
      { date: '2020-12-28', name: 'Boxing Day', substitute: true },
    ])
  })
})

describe('one-off changes', () => {
  it.each(regions)('%s: 2020 early May holiday moved to Friday 8 May for VE Day 75', (region) => {
    expect(dates(2020, region)).toContain('2020-05-08')
    expect(dates(2020, region)).not.toContain('2020-05-04')
  })

  it.each(regions)('%s: the three Jubilees move the spring holiday and add a day', (region) => {
    expect(dates(2002, region)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']))
    expect(dates(2002, region)).not.toContain('2002-05-27')
    expect(dates(2012, region)).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']))
    expect(dates(2012, region)).not.toContain('2012-05-28')
    expect(dates(2022, region)).toEqual(expect.arrayContaining(['2022-06-02', '2022-06-03']))
    expect(dates(2022, region)).not.toContain('2022-05-30')
  })

  it.each(regions)('%s: royal wedding, state funeral, coronation, millennium and VE Day 50', (region) => {
    expect(dates(2011, region)).toContain('2011-04-29')
    expect(dates(2022, region)).toContain('2022-09-19')
    expect(dates(2023, region)).toContain('2023-05-08')
    expect(dates(1999, region)).toContain('1999-12-31')
    expect(dates(1995, region)).toContain('1995-05-08')
    expect(dates(1995, region)).not.toContain('1995-05-01')
  })

  it('carries the confidence label of each change as data', () => {
    const ew2020 = bankHolidays(2020, 'england-and-wales').find((h) => h.date === '2020-05-08')
    expect(ew2020?.source).toMatchObject({ kind: 'one-off', confidence: 'CONFIRMED', ref: 'law-and-process.md §8' })
    const scot2020 = bankHolidays(2020, 'scotland').find((h) => h.date === '2020-05-08')
    expect(scot2020?.source.confidence).toBe('UNCONFIRMED')
    const funeral = bankHolidays(2022, 'england-and-wales').find((h) => h.date === '2022-09-19')
    expect(funeral?.source.confidence).toBe('UNCONFIRMED')
    const coronation = bankHolidays(2023, 'northern-ireland').find((h) => h.date === '2023-05-08')
    expect(coronation?.source.confidence).toBe('UNCONFIRMED')
    const jubileeMove = bankHolidays(2022, 'england-and-wales').find((h) => h.date === '2022-06-02')
    expect(jubileeMove?.source.confidence).toBe('PARTLY CONFIRMED')
  })

  it('labels the standing rules: England and Wales CONFIRMED, shared days elsewhere PARTLY CONFIRMED', () => {
    const goodFriday = (region: Region) => bankHolidays(2024, region).find((h) => h.name === 'Good Friday')
    expect(goodFriday('england-and-wales')?.source).toMatchObject({ kind: 'rule', confidence: 'CONFIRMED' })
    expect(goodFriday('scotland')?.source.confidence).toBe('PARTLY CONFIRMED')
    const patrick = bankHolidays(2025, 'northern-ireland').find((h) => h.name === "St Patrick's Day")
    expect(patrick?.source.confidence).toBe('CONFIRMED')
    const patrickSubstitute = bankHolidays(2024, 'northern-ireland').find((h) => h.name === "St Patrick's Day")
    expect(patrickSubstitute?.source.confidence).toBe('PARTLY CONFIRMED')
  })

  it('every bundled move replaces a holiday the rules give, in every region it names', () => {
    for (const change of ONE_OFF_CHANGES.changes) {
      for (const region of change.regions) {
        expect(dates(Number(change.date.slice(0, 4)), region)).toContain(change.date)
      }
    }
  })

  it('can be extended with data alone, and the rule version follows the data version', () => {
    const extended = OneOffChanges.parse({
      version: 'test.1',
      changes: [
        ...ONE_OFF_CHANGES.changes,
        {
          id: '2030-example-addition',
          kind: 'addition',
          regions: ['scotland'],
          date: '2030-06-14',
          name: 'Example holiday',
          reason: 'A test of extension without code',
          source: { ref: 'test', confidence: 'UNCONFIRMED' },
        },
      ],
    })
    const custom = createWorkingDayCalendar(extended)
    expect(custom.bankHolidays(2030, 'scotland').map((h) => h.date)).toContain('2030-06-14')
    expect(custom.bankHolidays(2030, 'england-and-wales').map((h) => h.date)).not.toContain('2030-06-14')
    expect(custom.ruleVersion).toBe('working-days.v1+one-off-changes.test.1')
    expect(RULE_VERSION).toBe(`working-days.v1+one-off-changes.${ONE_OFF_CHANGES.version}`)
  })

  it('refuses a move of a day that is not a holiday, naming the change', () => {
    const bad = createWorkingDayCalendar({
      version: 'bad',
      changes: [
        {
          id: 'bad-move',
          kind: 'move',
          regions: ['england-and-wales'],
          date: '2030-06-14',
          replaces: '2030-06-13',
          name: 'x',
          reason: 'x',
          source: { ref: 'test', confidence: 'UNCONFIRMED' },
        },
      ],
    })
    expect(() => bad.bankHolidays(2030, 'england-and-wales')).toThrow(
      'One-off change bad-move moves 2030-06-13, which is not a england-and-wales bank holiday',
    )
  })

  it('refuses bad data: a weekend date, a move across years, a duplicate id', () => {
    const change = {
      id: 'x',
      kind: 'addition',
      regions: ['scotland'],
      date: '2030-06-15',
      name: 'x',
      reason: 'x',
      source: { ref: 't', confidence: 'UNCONFIRMED' },
    }
    expect(OneOffChanges.safeParse({ version: '1', changes: [change] }).error?.issues[0]?.message).toBe(
      'x: 2030-06-15 is a weekend',
    )
    const across = { ...change, kind: 'move', date: '2030-01-02', replaces: '2029-12-26' }
    expect(OneOffChanges.safeParse({ version: '1', changes: [across] }).error?.issues[0]?.message).toBe(
      'x: a move must stay within the same year',
    )
    const weekday = { ...change, date: '2030-06-14' }
    expect(OneOffChanges.safeParse({ version: '1', changes: [weekday, weekday] }).error?.issues[0]?.message).toBe(
      'Duplicate one-off change id x',
    )
  })
})

describe('rules for every year 1990–2100', () => {
  it('Easter Sunday matches known dates', () => {
    expect(easterSunday(1990)).toBe('1990-04-15')
    expect(easterSunday(2000)).toBe('2000-04-23')
    expect(easterSunday(2008)).toBe('2008-03-23')
    expect(easterSunday(2024)).toBe('2024-03-31')
    expect(easterSunday(2038)).toBe('2038-04-25')
  })

  it('Easter is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const easter = easterSunday(year)
        expect(dayOfWeek(easter)).toBe(0)
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true)
      }),
    )
  })

  it('holidays are never on a weekend, never repeat, and number 8 (E&W), 9 (Scotland from 2007), 10 (NI)', () => {
    const oneOffYears = new Set(
      ONE_OFF_CHANGES.changes.filter((c) => c.kind === 'addition').map((c) => c.date.slice(0, 4)),
    )
    const expectedCount: Record<Region, number> = { 'england-and-wales': 8, scotland: 9, 'northern-ireland': 10 }
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.constantFrom(...regions), (year, region) => {
        const list = dates(year, region)
        for (const date of list) expect(isWeekend(date)).toBe(false)
        expect(new Set(list).size).toBe(list.length)
        if (!oneOffYears.has(String(year)) && (region !== 'scotland' || year >= 2007)) {
          expect(list).toHaveLength(expectedCount[region])
        }
      }),
    )
  })

  it('refuses years outside 1990–2100 with a specific message', () => {
    expect(() => bankHolidays(1989, 'england-and-wales')).toThrow(
      'Bank holidays are known for 1990 to 2100; 1989 is outside that range',
    )
    expect(() => bankHolidays(2101, 'scotland')).toThrow('2101 is outside that range')
  })

  it('refuses an unknown region', () => {
    expect(() => bankHolidays(2024, 'wales' as Region)).toThrow(
      'Unknown region "wales": use england-and-wales, scotland or northern-ireland',
    )
  })
})
