import { describe, expect, it } from 'vitest'
import { describeDue } from './due.js'

describe('describeDue', () => {
  const now = new Date('2026-11-27T10:00:00Z') // a Friday

  it('counts hours within a day and minutes within an hour', () => {
    expect(describeDue('2026-11-27T15:30:00Z', now, 'england-and-wales')).toEqual({
      overdue: false,
      text: 'Due in 5 hours',
    })
    expect(describeDue('2026-11-27T09:00:00Z', now, 'england-and-wales')).toEqual({
      overdue: true,
      text: 'Overdue by 1 hour',
    })
    expect(describeDue('2026-11-27T10:20:00Z', now, 'scotland').text).toBe('Due in 20 minutes')
  })

  it('counts working days beyond a day, skipping the weekend', () => {
    // Friday 10:00 to Tuesday 10:00 is 2 working days (Monday, Tuesday).
    expect(describeDue('2026-12-01T10:00:00Z', now, 'england-and-wales').text).toBe('Due in 2 working days')
    expect(describeDue('2026-11-24T10:00:00Z', now, 'england-and-wales').text).toBe('Overdue by 3 working days')
  })

  it('skips the region’s bank holidays: St Andrew’s Day is one in Scotland only', () => {
    // Monday 30 November 2026 is St Andrew's Day (Scotland).
    expect(describeDue('2026-11-30T12:00:00Z', now, 'england-and-wales').text).toBe('Due in 1 working day')
    expect(describeDue('2026-11-30T12:00:00Z', now, 'scotland').text).toBe('Due in 3 days')
  })
})
