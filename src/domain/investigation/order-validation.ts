import { z } from 'zod'
import { addYearsToIsoDate, type IsoDate } from './dates.js'
import { type OrderDuration, type OrderKind, orderKindLabels, type PreventionOrder } from './orders.js'

// Minimum length of a full order: STPO at least 5 years (s17), STRO at least 2 years (s24), or until further
// order (law-and-process.md §4.4, CONFIRMED). Interim orders (s21) run for a fixed period with no minimum.
export const MINIMUM_ORDER_YEARS: Readonly<Record<OrderKind, number>> = { stpo: 5, stro: 2 }

// law-and-process.md §4.4: "Maximum of 5 years per travel prohibition (renewable): UNCONFIRMED" — a warning only.
export const FOREIGN_TRAVEL_MAXIMUM_YEARS = 5

const SECTION: Readonly<Record<OrderKind, string>> = { stpo: 's17', stro: 's24' }

export const OrderIssue = z.object({ code: z.string(), message: z.string() })
export type OrderIssue = z.infer<typeof OrderIssue>

export const OrderValidation = z.object({
  /** False when any problem is found: the order must not be saved. */
  ok: z.boolean(),
  problems: z.array(OrderIssue),
  /** Worth a second look, but the court made the order: saving is allowed. */
  warnings: z.array(OrderIssue),
})
export type OrderValidation = z.infer<typeof OrderValidation>

/** The earliest expiry the statute allows for a full order starting on `startsOn`. */
export function earliestLawfulExpiry(kind: OrderKind, startsOn: IsoDate): IsoDate {
  return addYearsToIsoDate(startsOn, MINIMUM_ORDER_YEARS[kind])
}

function tooShort(kind: OrderKind, startsOn: IsoDate, duration: OrderDuration): IsoDate | null {
  if (duration.type !== 'fixed') return null
  const earliest = earliestLawfulExpiry(kind, startsOn)
  return duration.expiresOn < earliest ? earliest : null
}

/** The last day an order is in force; null while it runs until further order. */
export function orderEndDate(order: PreventionOrder): IsoDate | null {
  const expiry = order.duration.type === 'fixed' ? order.duration.expiresOn : null
  const decided = order.interim ? order.mainApplicationDecidedOn : null
  // ISO dates sort as text; the earlier of the two ends the order.
  if (expiry && decided) return [expiry, decided].sort()[0] ?? null
  return expiry ?? decided
}

/** Checks an order before it is added to the register; refuses anything the statute does not allow. */
export function validateOrder(order: PreventionOrder): OrderValidation {
  const problems: OrderIssue[] = []
  const warnings: OrderIssue[] = []
  const name = orderKindLabels[order.kind]
  const minimum = MINIMUM_ORDER_YEARS[order.kind]

  if (order.kind === 'stro' && order.route === 'on-sentencing') {
    problems.push({
      code: 'stro-needs-application',
      message:
        'A Slavery and Trafficking Risk Order is made only on application (s23); it needs no conviction, so there is no Risk Order on sentencing.',
    })
  }
  if (order.route === 'on-application' && order.applicant === null) {
    problems.push({
      code: 'applicant-missing',
      message:
        'Record who applied: a chief officer of police, an immigration officer, the Director General of the NCA or the GLAA (s15, s23).',
    })
  }
  if (order.interim && order.route === 'on-sentencing') {
    problems.push({
      code: 'interim-needs-application',
      message: 'An interim order is made only while an application for a full order is pending (s21).',
    })
  }
  if (order.startsOn < order.madeOn) {
    problems.push({
      code: 'starts-before-made',
      message: `The order cannot start (${order.startsOn}) before it was made (${order.madeOn}).`,
    })
  }

  if (order.duration.type === 'fixed' && order.duration.expiresOn <= order.startsOn) {
    problems.push({
      code: 'expiry-not-after-start',
      message: `The expiry date (${order.duration.expiresOn}) must be after the start date (${order.startsOn}).`,
    })
  } else if (order.interim) {
    if (order.duration.type !== 'fixed') {
      problems.push({
        code: 'interim-must-be-fixed',
        message:
          'An interim order lasts for a fixed period until the main application is decided (s21); give its expiry date.',
      })
    }
  } else {
    const earliest = tooShort(order.kind, order.startsOn, order.duration)
    if (earliest && order.duration.type === 'fixed') {
      problems.push({
        code: 'expiry-too-soon',
        message: `A ${name} must last at least ${minimum} years or until further order (Modern Slavery Act 2015 ${SECTION[order.kind]}). It starts on ${order.startsOn}, so the earliest expiry is ${earliest}; ${order.duration.expiresOn} is too soon.`,
      })
    }
  }

  if (order.prohibitions.length === 0) {
    problems.push({ code: 'no-prohibitions', message: 'Record at least one prohibition the order imposes.' })
  }
  order.prohibitions.forEach((p, index) => {
    const duration = p.duration ?? order.duration
    if (p.foreignTravel) {
      const overMaximum =
        duration.type === 'until-further-order' ||
        duration.expiresOn > addYearsToIsoDate(order.startsOn, FOREIGN_TRAVEL_MAXIMUM_YEARS)
      if (overMaximum) {
        warnings.push({
          code: `foreign-travel-over-maximum-${index + 1}`,
          message: `Prohibition ${index + 1} is a foreign travel prohibition longer than ${FOREIGN_TRAVEL_MAXIMUM_YEARS} years; a ${FOREIGN_TRAVEL_MAXIMUM_YEARS}-year maximum (renewable) is UNCONFIRMED, so check the order (s18).`,
        })
      }
      return
    }
    if (order.interim || p.duration === null) return
    const earliest = tooShort(order.kind, order.startsOn, p.duration)
    if (earliest && p.duration.type === 'fixed') {
      problems.push({
        code: `prohibition-too-short-${index + 1}`,
        message: `Prohibition ${index + 1} must last at least ${minimum} years or until further order (${SECTION[order.kind]}); the earliest expiry is ${earliest}, and ${p.duration.expiresOn} is too soon.`,
      })
    }
  })

  if (order.notificationRequirements.required && !order.notificationRequirements.details) {
    problems.push({ code: 'notification-details-missing', message: 'Describe the notification requirements (s19).' })
  }

  const end = orderEndDate(order)
  order.breaches.forEach((b, index) => {
    const n = index + 1
    if (b.occurredOn < order.startsOn) {
      problems.push({
        code: `breach-before-order-${n}`,
        message: `Breach ${n} (${b.occurredOn}) is dated before the order started.`,
      })
    }
    if (end && b.occurredOn > end) {
      problems.push({
        code: `breach-after-order-ended-${n}`,
        message: `Breach ${n} (${b.occurredOn}) is dated after the order ended on ${end}.`,
      })
    }
    if (b.reportedOn < b.occurredOn) {
      problems.push({
        code: `breach-reported-before-it-happened-${n}`,
        message: `Breach ${n} is reported before the date it happened.`,
      })
    }
  })

  if (
    (order.applicant === 'immigration-officer' || order.applicant === 'nca-director-general') &&
    order.chiefOfficerNotifiedOn === null
  ) {
    warnings.push({
      code: 'chief-officer-notice-not-recorded',
      message:
        'An immigration officer or the NCA must give notice of the application to the chief officer of police for the area (s15); record when that was done.',
    })
  }
  if (order.route === 'on-application') {
    if (order.subjectAgeAtApplication !== null && order.subjectAgeAtApplication < 18 && order.courtType !== 'youth') {
      warnings.push({
        code: 'under-18-not-youth-court',
        message: 'An application about a person under 18 is made to the youth court (s15).',
      })
    }
    if (order.courtType === 'crown') {
      warnings.push({
        code: 'application-in-crown-court',
        message: 'Applications are made to a magistrates’ court (s15, s23); check the court.',
      })
    }
  }

  return { ok: problems.length === 0, problems, warnings }
}
