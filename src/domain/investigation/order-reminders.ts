import { z } from 'zod'
import { addDaysToIsoDate, daysBetweenIsoDates, type IsoDate, IsoDate as IsoDateSchema } from './dates.js'
import { orderEndDate } from './order-validation.js'
import { orderKindLabels, type PreventionOrder } from './orders.js'

// Worklist reminders for the order register (issue 6 "Outcomes and orders"; law-and-process.md §4.4: renewal
// under s20, interim orders under s21, breach under s30 (UNCONFIRMED)). Lead times are force settings.
export const OrderReminderConfig = z.object({
  /** Days before an order (or a prohibition) ends on which to remind, e.g. [90, 30]. */
  expiryLeadDays: z.array(z.number().int().positive()),
  /** Days after a breach is reported by which the action taken should be recorded. */
  breachFollowUpDays: z.number().int().positive(),
  /** Days after an interim order starts to chase the main application. */
  interimChaseDays: z.number().int().positive(),
})
export type OrderReminderConfig = z.infer<typeof OrderReminderConfig>

export const DEFAULT_ORDER_REMINDERS: OrderReminderConfig = {
  expiryLeadDays: [90, 30],
  breachFollowUpDays: 14,
  interimChaseDays: 28,
}

export const orderReminderKinds = [
  'order-expiring',
  'prohibition-expiring',
  'main-application-pending',
  'breach-follow-up',
] as const
export const OrderReminder = z.object({
  kind: z.enum(orderReminderKinds),
  dueOn: IsoDateSchema,
  /** The date the reminder is about: the end of the order or prohibition, or the day a breach was reported. */
  concernsDate: IsoDateSchema,
  message: z.string(),
})
export type OrderReminder = z.infer<typeof OrderReminder>

export const OrderStatus = z.enum(['not-yet-in-force', 'in-force', 'ended'])
export type OrderStatus = z.infer<typeof OrderStatus>

export function orderStatusOn(order: PreventionOrder, today: IsoDate): OrderStatus {
  if (today < order.startsOn) return 'not-yet-in-force'
  const end = orderEndDate(order)
  return end !== null && today > end ? 'ended' : 'in-force'
}

/** Every reminder an order gives rise to, with the day it falls due. */
export function orderReminders(
  order: PreventionOrder,
  config: OrderReminderConfig = DEFAULT_ORDER_REMINDERS,
): OrderReminder[] {
  const name = `${order.interim ? 'interim ' : ''}${orderKindLabels[order.kind]}`
  const reminders: OrderReminder[] = []
  const end = orderEndDate(order)
  // Deciding the main application ends an interim order (s21): there is no expiry left to remind about.
  const decidedInterim = order.interim && order.mainApplicationDecidedOn !== null
  if (end !== null && !decidedInterim) {
    for (const lead of config.expiryLeadDays) {
      reminders.push({
        kind: 'order-expiring',
        dueOn: addDaysToIsoDate(end, -lead),
        concernsDate: end,
        message: order.interim
          ? `The ${name} against ${order.subjectRef} ends on ${end}: the main application must be decided by then (s21).`
          : `The ${name} against ${order.subjectRef} expires on ${end}: consider applying to renew it (s20) before it lapses.`,
      })
    }
  }
  for (const [index, p] of order.prohibitions.entries()) {
    if (decidedInterim || p.duration?.type !== 'fixed' || p.duration.expiresOn === end) continue
    for (const lead of config.expiryLeadDays) {
      reminders.push({
        kind: 'prohibition-expiring',
        dueOn: addDaysToIsoDate(p.duration.expiresOn, -lead),
        concernsDate: p.duration.expiresOn,
        message: `Prohibition ${index + 1} of the ${name} against ${order.subjectRef} ends on ${p.duration.expiresOn}: consider whether it should be renewed (s20).`,
      })
    }
  }
  if (order.interim && order.mainApplicationDecidedOn === null) {
    reminders.push({
      kind: 'main-application-pending',
      dueOn: addDaysToIsoDate(order.startsOn, config.interimChaseDays),
      concernsDate: order.startsOn,
      message: `The main application behind the ${name} against ${order.subjectRef} is undecided: check its progress.`,
    })
  }
  for (const breach of order.breaches) {
    if (breach.actionTaken !== null) continue
    reminders.push({
      kind: 'breach-follow-up',
      dueOn: addDaysToIsoDate(breach.reportedOn, config.breachFollowUpDays),
      concernsDate: breach.reportedOn,
      message: `Record the action taken on the breach of the ${name} against ${order.subjectRef} reported on ${breach.reportedOn} (breaching an order is an offence under s30).`,
    })
  }
  return reminders.sort((a, b) => a.dueOn.localeCompare(b.dueOn))
}

/** Reminders due on or before `today` that still matter (the order has not ended; the breach is not dealt with). */
export function remindersDue(
  order: PreventionOrder,
  today: IsoDate,
  config: OrderReminderConfig = DEFAULT_ORDER_REMINDERS,
): OrderReminder[] {
  const ended = orderStatusOn(order, today) === 'ended'
  return orderReminders(order, config).filter((r) => {
    if (r.dueOn > today) return false
    if (r.kind === 'breach-follow-up') return true
    if (ended) return false
    return r.kind === 'main-application-pending' || today <= r.concernsDate
  })
}

// ---- Reminders as worklist tasks ----

/**
 * A reminder reaches the worklist this many days before it falls due: an order made today has reminders years
 * ahead (90 and 30 days before a 5-year expiry), and a worklist full of tasks due in five years helps no one.
 * Lantern's own choice, not a rule of law.
 */
export const ORDER_REMINDER_HORIZON_DAYS = 30

export type OrderTaskConfig = OrderReminderConfig & { horizonDays: number }
export const DEFAULT_ORDER_TASKS: OrderTaskConfig = {
  ...DEFAULT_ORDER_REMINDERS,
  horizonDays: ORDER_REMINDER_HORIZON_DAYS,
}
export const ORDER_REMINDER_RULE_VERSION = 'order-reminders-1'

/** Why a reminder no longer matters on `today` (its task should close), or null while it does. */
function lapsedBecause(order: PreventionOrder, r: OrderReminder, today: IsoDate): string | null {
  // A breach is followed up until the action is recorded, even after the order has ended.
  if (r.kind === 'breach-follow-up') return null
  if (orderStatusOn(order, today) === 'ended') return `The order ended on ${orderEndDate(order)}.`
  // The main application is chased for as long as it is undecided; the others are about a date that can pass.
  if (r.kind !== 'main-application-pending' && today > r.concernsDate) return `${r.concernsDate} has passed.`
  return null
}

/**
 * The reminders that should be open tasks on `today`: due within the horizon, and still mattering (the order has
 * not ended, the date has not passed, the breach has no action recorded).
 */
export function remindersToSchedule(
  order: PreventionOrder,
  today: IsoDate,
  config: OrderTaskConfig = DEFAULT_ORDER_TASKS,
): OrderReminder[] {
  const until = addDaysToIsoDate(today, config.horizonDays)
  return orderReminders(order, config).filter((r) => r.dueOn <= until && lapsedBecause(order, r, today) === null)
}

/** Names one reminder of an order, so its task is found again however often the worklist is brought up to date. */
export function reminderTaskKey(r: Pick<OrderReminder, 'kind' | 'concernsDate' | 'dueOn'>): string {
  return `${r.kind}:${r.concernsDate}:${r.dueOn}`
}

/**
 * Why the task opened for the reminder `key` should close on `today`, or null while it still applies. A reminder
 * that is no longer among the order's reminders was dealt with: the breach action or the main application was
 * recorded, or the end date moved.
 */
export function reminderTaskEnds(
  order: PreventionOrder,
  key: string,
  today: IsoDate,
  config: OrderReminderConfig = DEFAULT_ORDER_REMINDERS,
): string | null {
  const current = orderReminders(order, config).find((r) => reminderTaskKey(r) === key)
  if (current) return lapsedBecause(order, current, today)
  const kind = key.split(':')[0]
  if (kind === 'breach-follow-up') return 'The action taken on the breach was recorded.'
  if (order.interim && order.mainApplicationDecidedOn !== null) {
    return `The main application was decided on ${order.mainApplicationDecidedOn}, which ends the interim order (s21).`
  }
  return 'The end date changed: the order was renewed, varied or discharged.'
}

function orderName(order: PreventionOrder): string {
  return `${order.interim ? 'interim ' : ''}${orderKindLabels[order.kind]}`
}

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`

/** The task's title: the order's reference and what to do, never the name of the person it is against. */
export function reminderTaskTitle(order: PreventionOrder, reference: string, r: OrderReminder): string {
  const name = `${orderName(order)} ${reference}`
  switch (r.kind) {
    case 'order-expiring':
      return order.interim
        ? `${capitalise(name)} ends on ${r.concernsDate}: the main application must be decided by then`
        : `${capitalise(name)} expires on ${r.concernsDate}: consider applying to renew it`
    case 'prohibition-expiring':
      return `A prohibition of ${name} ends on ${r.concernsDate}: consider whether to renew it`
    case 'main-application-pending':
      return `The main application behind ${name} is undecided: check its progress`
    case 'breach-follow-up':
      return `Record the action taken on the breach of ${name} reported on ${r.concernsDate}`
  }
}

/** How the task's due day was worked out, in words, for the worklist. */
export function reminderTaskBasis(r: OrderReminder, config: OrderTaskConfig = DEFAULT_ORDER_TASKS): string {
  const days = Math.abs(daysBetweenIsoDates(r.concernsDate, r.dueOn))
  const why = {
    'order-expiring': `${days} days before the order ends on ${r.concernsDate} (reminders ${config.expiryLeadDays.join(' and ')} days before; s20 renewal)`,
    'prohibition-expiring': `${days} days before the prohibition ends on ${r.concernsDate} (reminders ${config.expiryLeadDays.join(' and ')} days before; s20 renewal)`,
    'main-application-pending': `${days} days after the interim order started on ${r.concernsDate} (s21)`,
    'breach-follow-up': `${days} days after the breach was reported on ${r.concernsDate} (breach is an offence under s30)`,
  }[r.kind]
  return `${capitalise(why)}. Order reminders reach the worklist ${config.horizonDays} days before they fall due.`
}
