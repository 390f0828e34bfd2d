import { describe, expect, it } from 'vitest'
import {
  addDays,
  addDaysToIsoDate,
  addYearsToIsoDate,
  daysBetweenIsoDates,
  isoDateOf,
  wholeDaysBetween,
} from './dates.js'

describe('date arithmetic (UTC)', () => {
  it('adds days to instants across the clocks changing', () => {
    expect(addDays(new Date('2025-03-28T12:00:00Z'), 7).toISOString()).toBe('2025-04-04T12:00:00.000Z')
    expect(wholeDaysBetween(new Date('2025-03-01T10:00:00Z'), new Date('2025-03-04T09:59:59Z'))).toBe(2)
  })

  it('adds days and years to calendar dates', () => {
    expect(addDaysToIsoDate('2024-12-30', 3)).toBe('2025-01-02')
    expect(addDaysToIsoDate('2025-03-01', -1)).toBe('2025-02-28')
    expect(addYearsToIsoDate('2025-03-01', 5)).toBe('2030-03-01')
    expect(addYearsToIsoDate('2024-02-29', 1)).toBe('2025-03-01')
    expect(daysBetweenIsoDates('2025-01-01', '2025-03-01')).toBe(59)
    expect(isoDateOf(new Date('2025-06-30T23:59:59Z'))).toBe('2025-06-30')
  })
})
