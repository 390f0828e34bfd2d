import { z } from 'zod'
import { addDays, DAY_MS } from './dates.js'
import { type InvestigationStatus, isActive } from './status.js'

// Supervisory reviews: the first 7 days after opening, then every 28 days after the last review, both
// configurable per force (issue 6 "Supervision"; law-and-process.md §1.2 weak supervision, UNCONFIRMED, and
// §9 item 9). The interval runs from the last review actually held, so a late review never shortens the gap
// a supervisor is allowed before the next one, and never lets two reviews drift more than the interval apart.
export const ReviewScheduleConfig = z.object({
  firstReviewAfterDays: z.number().int().positive(),
  reviewIntervalDays: z.number().int().positive(),
})
export type ReviewScheduleConfig = z.infer<typeof ReviewScheduleConfig>

export const DEFAULT_REVIEW_SCHEDULE: ReviewScheduleConfig = { firstReviewAfterDays: 7, reviewIntervalDays: 28 }

export const SupervisoryReview = z.object({
  completedAt: z.date(),
  reviewerId: z.string().min(1),
  rationale: z.string().trim().min(1, { error: 'Record the rationale for the review.' }),
  directions: z.array(z.string().trim().min(1)),
})
export type SupervisoryReview = z.infer<typeof SupervisoryReview>

/**
 * When the next supervisory review is due. Reviews before `openedAt` are ignored, so passing the date an
 * investigation was reopened restarts the schedule from the reopening.
 */
export function nextReviewDue(
  openedAt: Date,
  reviews: readonly { readonly completedAt: Date }[],
  config: ReviewScheduleConfig = DEFAULT_REVIEW_SCHEDULE,
): Date {
  let last: Date | null = null
  for (const r of reviews) {
    if (r.completedAt.getTime() < openedAt.getTime()) continue
    if (last === null || r.completedAt.getTime() > last.getTime()) last = r.completedAt
  }
  return last === null ? addDays(openedAt, config.firstReviewAfterDays) : addDays(last, config.reviewIntervalDays)
}

export const ReviewState = z.object({
  due: z.date(),
  overdue: z.boolean(),
  /** Whole days past the due time; 0 when not overdue. */
  daysOverdue: z.number().int().nonnegative(),
})
export type ReviewState = z.infer<typeof ReviewState>

/** Review due date and whether it is overdue at `now`; null for a closed investigation. */
export function reviewState(
  investigation: {
    readonly status: InvestigationStatus
    readonly openedAt: Date
    readonly reopenedAt?: Date | null
    readonly reviews: readonly { readonly completedAt: Date }[]
  },
  now: Date,
  config: ReviewScheduleConfig = DEFAULT_REVIEW_SCHEDULE,
): ReviewState | null {
  if (!isActive(investigation.status)) return null
  const due = nextReviewDue(investigation.reopenedAt ?? investigation.openedAt, investigation.reviews, config)
  const late = now.getTime() - due.getTime()
  return { due, overdue: late > 0, daysOverdue: late > 0 ? Math.floor(late / DAY_MS) : 0 }
}
