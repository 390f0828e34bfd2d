import { describe, expect, it } from 'vitest'
import { orderReminders, orderStatusOn, remindersDue } from './order-reminders.js'
import type { PreventionOrder } from './orders.js'

const order: PreventionOrder = {
  kind: 'stpo',
  interim: false,
  route: 'on-sentencing',
  applicant: null,
  chiefOfficerNotifiedOn: null,
  subjectRef: 'P-9',
  subjectAgeAtApplication: null,
  court: 'Leeds Crown Court',
  courtType: 'crown',
  madeOn: '2020-06-15',
  startsOn: '2020-06-15',
  duration: { type: 'fixed', expiresOn: '2025-06-15' },
  mainApplicationDecidedOn: null,
  prohibitions: [{ text: 'Not to employ any person', foreignTravel: false, duration: null }],
  notificationRequirements: { required: false, details: null },
  breaches: [],
}

describe('order reminders', () => {
  it('reminds 90 and 30 days before a fixed order expires', () => {
    expect(orderReminders(order).map((r) => [r.kind, r.dueOn])).toEqual([
      ['order-expiring', '2025-03-17'],
      ['order-expiring', '2025-05-16'],
    ])
    expect(orderReminders(order)[0]?.message).toMatch(/expires on 2025-06-15: consider applying to renew it \(s20\)/)
  })

  it('shows reminders once due and until the order ends', () => {
    expect(remindersDue(order, '2025-03-16')).toEqual([])
    expect(remindersDue(order, '2025-03-17').map((r) => r.dueOn)).toEqual(['2025-03-17'])
    expect(remindersDue(order, '2025-06-15')).toHaveLength(2)
    expect(remindersDue(order, '2025-06-16')).toEqual([])
    expect(orderStatusOn(order, '2025-06-16')).toBe('ended')
    expect(orderStatusOn(order, '2020-06-14')).toBe('not-yet-in-force')
  })

  it('has no expiry reminder for an order until further order', () => {
    expect(orderReminders({ ...order, duration: { type: 'until-further-order' } })).toEqual([])
  })

  it('follows up a breach 14 days after it is reported until the action is recorded, even after expiry', () => {
    const breach = {
      occurredOn: '2025-06-01',
      reportedOn: '2025-06-02',
      description: 'Employed two workers',
      actionTaken: null,
    }
    const withBreach = { ...order, breaches: [breach] }
    const followUp = orderReminders(withBreach).find((r) => r.kind === 'breach-follow-up')
    expect(followUp?.dueOn).toBe('2025-06-16')
    expect(remindersDue(withBreach, '2025-07-01').map((r) => r.kind)).toEqual(['breach-follow-up'])
    expect(
      remindersDue(
        { ...order, breaches: [{ ...breach, actionTaken: 'Arrested and charged under s30' }] },
        '2025-07-01',
      ),
    ).toEqual([])
  })

  it('chases the main application behind an interim order, and its end date', () => {
    const interim: PreventionOrder = {
      ...order,
      route: 'on-application',
      applicant: 'chief-officer-of-police',
      interim: true,
      startsOn: '2025-01-10',
      madeOn: '2025-01-10',
      duration: { type: 'fixed', expiresOn: '2025-07-10' },
    }
    expect(orderReminders(interim).map((r) => [r.kind, r.dueOn])).toEqual([
      ['main-application-pending', '2025-02-07'],
      ['order-expiring', '2025-04-11'],
      ['order-expiring', '2025-06-10'],
    ])
    // Deciding the main application ends the interim order (s21): nothing is left to chase or to renew.
    expect(orderReminders({ ...interim, mainApplicationDecidedOn: '2025-03-01' })).toEqual([])
  })

  it('reminds before a prohibition with its own earlier expiry ends, and uses configured lead times', () => {
    const withProhibition: PreventionOrder = {
      ...order,
      prohibitions: [
        ...order.prohibitions,
        { text: 'Not to enter Leeds', foreignTravel: false, duration: { type: 'fixed', expiresOn: '2025-01-31' } },
      ],
    }
    const config = { expiryLeadDays: [7], breachFollowUpDays: 14, interimChaseDays: 28 }
    expect(orderReminders(withProhibition, config).map((r) => [r.kind, r.dueOn])).toEqual([
      ['prohibition-expiring', '2025-01-24'],
      ['order-expiring', '2025-06-08'],
    ])
    expect(remindersDue(withProhibition, '2025-02-01', config)).toEqual([])
  })
})
