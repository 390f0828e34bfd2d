import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DAY_MS } from './dates.js'
import { DEFAULT_REVIEW_SCHEDULE, nextReviewDue, reviewState } from './review-schedule.js'

const opened = new Date('2025-03-03T09:30:00Z')
const at = (iso: string) => new Date(iso)

describe('supervisory review schedule', () => {
  it('first review falls due 7 days after opening', () => {
    expect(nextReviewDue(opened, [])).toEqual(at('2025-03-10T09:30:00Z'))
  })

  it('then every 28 days from the last review held', () => {
    const reviews = [{ completedAt: at('2025-03-12T15:00:00Z') }, { completedAt: at('2025-04-08T10:00:00Z') }]
    expect(nextReviewDue(opened, reviews)).toEqual(at('2025-05-06T10:00:00Z'))
    expect(nextReviewDue(opened, [...reviews].reverse())).toEqual(at('2025-05-06T10:00:00Z'))
  })

  it('is configurable per force', () => {
    const config = { firstReviewAfterDays: 3, reviewIntervalDays: 14 }
    expect(nextReviewDue(opened, [], config)).toEqual(at('2025-03-06T09:30:00Z'))
    expect(nextReviewDue(opened, [{ completedAt: at('2025-03-06T09:00:00Z') }], config)).toEqual(
      at('2025-03-20T09:00:00Z'),
    )
  })

  it('restarts from a reopening: reviews before it do not count', () => {
    const reopened = at('2025-09-01T08:00:00Z')
    expect(nextReviewDue(reopened, [{ completedAt: at('2025-04-08T10:00:00Z') }])).toEqual(at('2025-09-08T08:00:00Z'))
  })

  it('detects an overdue review with an injected clock', () => {
    const investigation = { status: 'open' as const, openedAt: opened, reviews: [] }
    expect(reviewState(investigation, at('2025-03-10T09:30:00Z'))).toEqual({
      due: at('2025-03-10T09:30:00Z'),
      overdue: false,
      daysOverdue: 0,
    })
    expect(reviewState(investigation, at('2025-03-10T09:30:01Z'))?.overdue).toBe(true)
    expect(reviewState(investigation, at('2025-03-13T10:00:00Z'))).toMatchObject({ overdue: true, daysOverdue: 3 })
    expect(reviewState({ ...investigation, status: 'closed' }, at('2026-01-01T00:00:00Z'))).toBeNull()
    expect(
      reviewState({ ...investigation, reopenedAt: at('2025-06-01T00:00:00Z') }, at('2025-06-05T00:00:00Z'))?.overdue,
    ).toBe(false)
  })

  it('never lets more than the interval pass after the latest review, nor schedules before it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 * DAY_MS }), { maxLength: 8 }), (offsets) => {
        const reviews = offsets.map((o) => ({ completedAt: new Date(opened.getTime() + o) }))
        const due = nextReviewDue(opened, reviews)
        const latest = Math.max(opened.getTime(), ...reviews.map((r) => r.completedAt.getTime()))
        const gap =
          reviews.length === 0
            ? DEFAULT_REVIEW_SCHEDULE.firstReviewAfterDays
            : DEFAULT_REVIEW_SCHEDULE.reviewIntervalDays
        return due.getTime() - latest === gap * DAY_MS
      }),
    )
  })
})
