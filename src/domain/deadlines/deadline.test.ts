import { describe, expect, it } from 'vitest'
import {
  calendarDayDeadline,
  Deadline,
  hoursDeadline,
  isPastDue,
  isPastDueAt,
  RULE_VERSION,
  TimeDeadline,
  workingDayDeadline,
} from './index.js'

describe('deadlines', () => {
  it('records the due date, the basis, the rule version and the region', () => {
    const deadline = workingDayDeadline({
      from: '2024-12-20',
      workingDays: 5,
      region: 'england-and-wales',
      what: 'Reasonable Grounds decision target',
    })
    expect(deadline).toEqual({
      dueDate: '2024-12-31',
      basis: 'Reasonable Grounds decision target: 5 working days after 2024-12-20 (England and Wales bank holidays)',
      ruleVersion: RULE_VERSION,
      region: 'england-and-wales',
    })
    expect(Deadline.parse(deadline)).toEqual(deadline)
  })

  it('counts calendar days for calendar-day rules', () => {
    expect(
      calendarDayDeadline({ from: '2023-01-30', days: 30, region: 'scotland', what: 'Recovery period' }).dueDate,
    ).toBe('2023-03-01')
  })

  it('counts elapsed hours from an instant, across the clock change', () => {
    const deadline = hoursDeadline({ from: '2024-03-30T23:30:00Z', hours: 24, what: 'Crime recording' })
    expect(deadline).toEqual({
      dueAt: '2024-03-31T23:30:00.000Z',
      basis: 'Crime recording: 24 hours after 2024-03-30T23:30:00Z',
      hours: 24,
      ruleVersion: RULE_VERSION,
    })
    expect(TimeDeadline.parse(deadline)).toEqual(deadline)
    expect(hoursDeadline({ from: '2024-06-01T09:00:00+01:00', hours: 72, what: 'x' }).dueAt).toBe(
      '2024-06-04T08:00:00.000Z',
    )
  })

  it('refuses a bad instant or a non-positive number of hours', () => {
    expect(() => hoursDeadline({ from: '2024-02-30T09:00:00Z', hours: 24, what: 'x' })).toThrow(
      '2024-02-30 is not a real date: February 2024 has 29 days',
    )
    expect(() => hoursDeadline({ from: '2024-02-01T09:00:00Z', hours: 0, what: 'x' })).toThrow(
      'A time limit must be a positive number of hours, not 0',
    )
  })

  it('is past due only after the whole due date, or after the due instant', () => {
    expect(isPastDue({ dueDate: '2024-12-31' }, '2024-12-31')).toBe(false)
    expect(isPastDue({ dueDate: '2024-12-31' }, '2025-01-01')).toBe(true)
    expect(isPastDueAt({ dueAt: '2024-03-31T23:30:00.000Z' }, new Date('2024-03-31T23:30:00Z'))).toBe(false)
    expect(isPastDueAt({ dueAt: '2024-03-31T23:30:00.000Z' }, new Date('2024-03-31T23:30:01Z'))).toBe(true)
  })
})
