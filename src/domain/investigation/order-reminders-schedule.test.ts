import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDaysToIsoDate } from './dates.js'
import {
  DEFAULT_ORDER_TASKS,
  ORDER_REMINDER_HORIZON_DAYS,
  orderReminders,
  orderStatusOn,
  remindersToSchedule,
  reminderTaskBasis,
  reminderTaskEnds,
  reminderTaskKey,
  reminderTaskTitle,
} from './order-reminders.js'
import type { Breach, PreventionOrder } from './orders.js'

// A five-year STPO made on the last day of January: 90 days before 2031-01-31 is 2030-11-02, 30 days before is
// 2031-01-01.
const stpo: PreventionOrder = {
  kind: 'stpo',
  interim: false,
  route: 'on-sentencing',
  applicant: null,
  chiefOfficerNotifiedOn: null,
  subjectRef: 'PNC 26/0001234A',
  subjectAgeAtApplication: null,
  court: 'Leeds Crown Court',
  courtType: 'crown',
  madeOn: '2026-01-31',
  startsOn: '2026-01-31',
  duration: { type: 'fixed', expiresOn: '2031-01-31' },
  mainApplicationDecidedOn: null,
  prohibitions: [{ text: 'Not to act as a gangmaster', foreignTravel: false, duration: null }],
  notificationRequirements: { required: false, details: null },
  breaches: [],
}

const scheduled = (order: PreventionOrder, today: string) =>
  remindersToSchedule(order, today).map((r) => [r.kind, r.dueOn])

describe('order reminders that become worklist tasks', () => {
  it('has a 30-day horizon, Lantern’s own choice', () => {
    expect(ORDER_REMINDER_HORIZON_DAYS).toBe(30)
    expect(DEFAULT_ORDER_TASKS.horizonDays).toBe(30)
  })

  it('puts nothing in the worklist on the day a five-year order is made', () => {
    expect(orderReminders(stpo).map((r) => r.dueOn)).toEqual(['2030-11-02', '2031-01-01'])
    expect(scheduled(stpo, '2026-01-31')).toEqual([])
    expect(scheduled(stpo, '2029-06-30')).toEqual([])
  })

  it('schedules each reminder 30 days before it falls due, across month ends', () => {
    expect(scheduled(stpo, '2030-10-02')).toEqual([])
    // 2030-10-03 + 30 days = 2030-11-02 (October has 31 days).
    expect(scheduled(stpo, '2030-10-03')).toEqual([['order-expiring', '2030-11-02']])
    expect(scheduled(stpo, '2030-12-01')).toEqual([['order-expiring', '2030-11-02']])
    // 2030-12-02 + 30 days = 2031-01-01, over the year end.
    expect(scheduled(stpo, '2030-12-02')).toEqual([
      ['order-expiring', '2030-11-02'],
      ['order-expiring', '2031-01-01'],
    ])
    // Both stay while the order is in force, the last day included.
    expect(scheduled(stpo, '2031-01-31')).toHaveLength(2)
  })

  it('counts February’s 28 days when a reminder falls on the first of March', () => {
    const stro: PreventionOrder = {
      ...stpo,
      kind: 'stro',
      route: 'on-application',
      applicant: 'chief-officer-of-police',
      courtType: 'magistrates',
      madeOn: '2025-03-31',
      startsOn: '2025-03-31',
      duration: { type: 'fixed', expiresOn: '2027-03-31' },
    }
    expect(orderReminders(stro).map((r) => r.dueOn)).toEqual(['2026-12-31', '2027-03-01'])
    expect(scheduled(stro, '2026-11-30')).toEqual([])
    expect(scheduled(stro, '2026-12-01')).toEqual([['order-expiring', '2026-12-31']])
    expect(scheduled(stro, '2027-01-29')).toEqual([['order-expiring', '2026-12-31']])
    expect(scheduled(stro, '2027-01-30')).toEqual([
      ['order-expiring', '2026-12-31'],
      ['order-expiring', '2027-03-01'],
    ])
  })

  it('puts an order added late in the worklist at once, reminders already due included', () => {
    // Expiry 40 days ahead: the 90-day reminder is 50 days overdue and the 30-day one is due in 10.
    const today = '2030-12-22'
    expect(addDaysToIsoDate(today, 40)).toBe('2031-01-31')
    expect(scheduled(stpo, today)).toEqual([
      ['order-expiring', '2030-11-02'],
      ['order-expiring', '2031-01-01'],
    ])
  })

  it('schedules nothing for an ended order except a breach follow-up with no action recorded', () => {
    const breach: Breach = {
      occurredOn: '2031-01-19',
      reportedOn: '2031-01-20',
      description: 'Seen supplying workers to a farm',
      actionTaken: null,
    }
    expect(orderStatusOn(stpo, '2031-02-01')).toBe('ended')
    expect(scheduled(stpo, '2031-02-01')).toEqual([])
    const breached = { ...stpo, breaches: [breach] }
    expect(scheduled(breached, '2031-02-10')).toEqual([['breach-follow-up', '2031-02-03']])
    expect(scheduled(breached, '2032-06-01')).toEqual([['breach-follow-up', '2031-02-03']])
    expect(
      scheduled({ ...stpo, breaches: [{ ...breach, actionTaken: 'Arrested; charged under s30' }] }, '2031-02-10'),
    ).toEqual([])
  })

  it('drops a prohibition’s reminders once its own end date has passed, while the order goes on', () => {
    const withShortProhibition: PreventionOrder = {
      ...stpo,
      duration: { type: 'until-further-order' },
      prohibitions: [
        { text: 'Not to travel to Romania', foreignTravel: true, duration: { type: 'fixed', expiresOn: '2028-02-29' } },
      ],
    }
    // 2028 is a leap year: 30 days before 29 February is 30 January.
    expect(scheduled(withShortProhibition, '2028-01-15')).toEqual([
      ['prohibition-expiring', '2027-12-01'],
      ['prohibition-expiring', '2028-01-30'],
    ])
    expect(scheduled(withShortProhibition, '2028-02-29')).toHaveLength(2)
    expect(scheduled(withShortProhibition, '2028-03-01')).toEqual([])
  })

  it('chases an interim order’s main application past its start date until it is decided', () => {
    const interim: PreventionOrder = {
      ...stpo,
      kind: 'stro',
      interim: true,
      route: 'on-application',
      applicant: 'chief-officer-of-police',
      courtType: 'magistrates',
      madeOn: '2026-01-31',
      startsOn: '2026-01-31',
      duration: { type: 'fixed', expiresOn: '2026-07-31' },
    }
    // 28 days after 31 January is 28 February; it is in the worklist from the day the order is made.
    expect(scheduled(interim, '2026-01-31')).toEqual([['main-application-pending', '2026-02-28']])
    expect(scheduled(interim, '2026-04-01')).toEqual([['main-application-pending', '2026-02-28']])
    // 90 days before 31 July is 2 May, so the expiry reminder joins it 30 days earlier, on 2 April.
    expect(scheduled(interim, '2026-04-02')).toEqual([
      ['main-application-pending', '2026-02-28'],
      ['order-expiring', '2026-05-02'],
    ])
    const decided = { ...interim, mainApplicationDecidedOn: '2026-04-02' }
    expect(scheduled(decided, '2026-04-02')).toEqual([])
  })

  it('says why an open reminder task should close, and nothing while it still applies', () => {
    const [ninety] = orderReminders(stpo)
    if (!ninety) throw new Error('no reminder')
    const key = reminderTaskKey(ninety)
    expect(key).toBe('order-expiring:2031-01-31:2030-11-02')
    expect(reminderTaskEnds(stpo, key, '2030-11-20')).toBeNull()
    expect(reminderTaskEnds(stpo, key, '2031-02-01')).toBe('The order ended on 2031-01-31.')
    const renewed: PreventionOrder = { ...stpo, duration: { type: 'fixed', expiresOn: '2036-01-31' } }
    expect(reminderTaskEnds(renewed, key, '2030-11-20')).toBe(
      'The end date changed: the order was renewed, varied or discharged.',
    )

    const breach: Breach = { occurredOn: '2030-11-01', reportedOn: '2030-11-02', description: 'x', actionTaken: null }
    const followUp = orderReminders({ ...stpo, breaches: [breach] }).find((r) => r.kind === 'breach-follow-up')
    if (!followUp) throw new Error('no follow-up')
    const breachKey = reminderTaskKey(followUp)
    expect(reminderTaskEnds({ ...stpo, breaches: [breach] }, breachKey, '2031-06-01')).toBeNull()
    expect(
      reminderTaskEnds({ ...stpo, breaches: [{ ...breach, actionTaken: 'Charged' }] }, breachKey, '2030-11-20'),
    ).toBe('The action taken on the breach was recorded.')

    const interim: PreventionOrder = {
      ...stpo,
      interim: true,
      route: 'on-application',
      applicant: 'chief-officer-of-police',
      duration: { type: 'fixed', expiresOn: '2026-07-31' },
    }
    const chase = orderReminders(interim).find((r) => r.kind === 'main-application-pending')
    if (!chase) throw new Error('no chase')
    expect(
      reminderTaskEnds({ ...interim, mainApplicationDecidedOn: '2026-03-10' }, reminderTaskKey(chase), '2026-03-10'),
    ).toBe('The main application was decided on 2026-03-10, which ends the interim order (s21).')
  })

  it('titles a task with the order reference and never the subject, and explains its due day', () => {
    const [ninety] = orderReminders(stpo)
    if (!ninety) throw new Error('no reminder')
    const title = reminderTaskTitle(stpo, 'ORD-2026-0007', ninety)
    expect(title).toBe(
      'Slavery and Trafficking Prevention Order ORD-2026-0007 expires on 2031-01-31: consider applying to renew it',
    )
    expect(title).not.toContain(stpo.subjectRef)
    expect(reminderTaskBasis(ninety)).toBe(
      '90 days before the order ends on 2031-01-31 (reminders 90 and 30 days before; s20 renewal). Order reminders reach the worklist 30 days before they fall due.',
    )
  })

  it('never schedules a reminder due beyond the horizon, nor one for an ended order other than a breach', () => {
    const day = fc.integer({ min: 0, max: 4000 }).map((n) => addDaysToIsoDate('2024-01-01', n))
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 60 }), (start, today, horizonDays) => {
        const order: PreventionOrder = {
          ...stpo,
          madeOn: start,
          startsOn: start,
          duration: { type: 'fixed', expiresOn: addDaysToIsoDate(start, 5 * 366) },
          breaches: [{ occurredOn: start, reportedOn: start, description: 'x', actionTaken: null }],
        }
        const config = { ...DEFAULT_ORDER_TASKS, horizonDays }
        const ended = orderStatusOn(order, today) === 'ended'
        for (const r of remindersToSchedule(order, today, config)) {
          expect(r.dueOn <= addDaysToIsoDate(today, horizonDays)).toBe(true)
          if (r.kind !== 'breach-follow-up') {
            expect(ended).toBe(false)
            expect(today <= r.concernsDate).toBe(true)
          }
        }
      }),
    )
  })
})
