import { z } from 'zod'
import { addDaysToIsoDate, type IsoDate, IsoDate as IsoDateSchema } from './dates.js'
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
  if (end !== null) {
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
    if (p.duration?.type !== 'fixed' || p.duration.expiresOn === end) continue
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
