import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDaysToIsoDate, addYearsToIsoDate } from './dates.js'
import { earliestLawfulExpiry, orderEndDate, validateOrder } from './order-validation.js'
import type { PreventionOrder } from './orders.js'

const stpo: PreventionOrder = {
  kind: 'stpo',
  interim: false,
  route: 'on-application',
  applicant: 'chief-officer-of-police',
  chiefOfficerNotifiedOn: null,
  subjectRef: 'P-2201',
  subjectAgeAtApplication: 44,
  court: 'Medway Magistrates’ Court',
  courtType: 'magistrates',
  madeOn: '2025-03-01',
  startsOn: '2025-03-01',
  duration: { type: 'fixed', expiresOn: '2030-03-01' },
  mainApplicationDecidedOn: null,
  prohibitions: [
    { text: 'Not to act as a gangmaster or supply workers to any business', foreignTravel: false, duration: null },
  ],
  notificationRequirements: { required: true, details: 'Notify name and address changes within 3 days' },
  breaches: [],
}
const stro: PreventionOrder = { ...stpo, kind: 'stro', duration: { type: 'fixed', expiresOn: '2027-03-01' } }

const codes = (o: PreventionOrder) => validateOrder(o).problems.map((p) => p.code)

describe('STPO and STRO validation', () => {
  it('accepts an STPO of exactly 5 years and an STRO of exactly 2 years', () => {
    expect(validateOrder(stpo)).toEqual({ ok: true, problems: [], warnings: [] })
    expect(validateOrder(stro).ok).toBe(true)
  })

  it('refuses an STPO shorter than 5 years with a specific message', () => {
    const result = validateOrder({ ...stpo, duration: { type: 'fixed', expiresOn: '2028-03-01' } })
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      {
        code: 'expiry-too-soon',
        message:
          'A Slavery and Trafficking Prevention Order must last at least 5 years or until further order (Modern Slavery Act 2015 s17). It starts on 2025-03-01, so the earliest expiry is 2030-03-01; 2028-03-01 is too soon.',
      },
    ])
  })

  it('refuses an STRO shorter than 2 years, one day short included', () => {
    const result = validateOrder({ ...stro, duration: { type: 'fixed', expiresOn: '2027-02-28' } })
    expect(result.problems[0]?.message).toMatch(
      /Risk Order must last at least 2 years .* s24\)\. .* earliest expiry is 2027-03-01/,
    )
  })

  it('accepts "until further order" for either kind', () => {
    expect(validateOrder({ ...stpo, duration: { type: 'until-further-order' } }).ok).toBe(true)
    expect(validateOrder({ ...stro, duration: { type: 'until-further-order' } }).ok).toBe(true)
  })

  it('measures 5 years from a leap day to 1 March, never cutting the period short', () => {
    expect(earliestLawfulExpiry('stpo', '2024-02-29')).toBe('2029-03-01')
    expect(
      codes({
        ...stpo,
        startsOn: '2024-02-29',
        madeOn: '2024-02-29',
        duration: { type: 'fixed', expiresOn: '2029-02-28' },
      }),
    ).toEqual(['expiry-too-soon'])
  })

  it('lets an interim order run for a short fixed period but not until further order, and only on application', () => {
    const interim: PreventionOrder = { ...stpo, interim: true, duration: { type: 'fixed', expiresOn: '2025-06-01' } }
    expect(validateOrder(interim).ok).toBe(true)
    expect(codes({ ...interim, duration: { type: 'until-further-order' } })).toEqual(['interim-must-be-fixed'])
    expect(codes({ ...interim, route: 'on-sentencing' })).toEqual(['interim-needs-application'])
  })

  it('ends an interim order when the main application is decided', () => {
    const interim: PreventionOrder = {
      ...stpo,
      interim: true,
      duration: { type: 'fixed', expiresOn: '2025-06-01' },
      mainApplicationDecidedOn: '2025-04-15',
    }
    expect(orderEndDate(interim)).toBe('2025-04-15')
    expect(orderEndDate({ ...interim, mainApplicationDecidedOn: '2025-07-01' })).toBe('2025-06-01')
    expect(orderEndDate({ ...stpo, duration: { type: 'until-further-order' } })).toBeNull()
  })

  it('has no Risk Order on sentencing, and needs an applicant for an application', () => {
    expect(codes({ ...stro, route: 'on-sentencing', applicant: null })).toEqual(['stro-needs-application'])
    expect(codes({ ...stpo, applicant: null })).toEqual(['applicant-missing'])
    expect(validateOrder({ ...stpo, route: 'on-sentencing', applicant: null, courtType: 'crown' }).ok).toBe(true)
  })

  it('applies the minimum to each prohibition with its own period, except foreign travel', () => {
    const short = {
      text: 'Not to enter Kent',
      foreignTravel: false,
      duration: { type: 'fixed' as const, expiresOn: '2027-01-01' },
    }
    expect(codes({ ...stpo, prohibitions: [...stpo.prohibitions, short] })).toEqual(['prohibition-too-short-2'])
    const travel = {
      text: 'Not to travel to Romania',
      foreignTravel: true,
      duration: { type: 'fixed' as const, expiresOn: '2027-01-01' },
    }
    expect(validateOrder({ ...stpo, prohibitions: [travel] })).toEqual({ ok: true, problems: [], warnings: [] })
    const longTravel = { ...travel, duration: { type: 'until-further-order' as const } }
    expect(validateOrder({ ...stpo, prohibitions: [longTravel] }).warnings.map((w) => w.code)).toEqual([
      'foreign-travel-over-maximum-1',
    ])
  })

  it('refuses impossible dates, missing prohibitions and undescribed notification requirements', () => {
    expect(codes({ ...stpo, startsOn: '2025-02-01' })).toEqual(['starts-before-made'])
    expect(codes({ ...stpo, duration: { type: 'fixed', expiresOn: '2025-03-01' } })).toEqual(['expiry-not-after-start'])
    expect(codes({ ...stpo, prohibitions: [] })).toEqual(['no-prohibitions'])
    expect(codes({ ...stpo, notificationRequirements: { required: true, details: null } })).toEqual([
      'notification-details-missing',
    ])
  })

  it('refuses breaches dated outside the order or reported before they happened', () => {
    const breach = {
      occurredOn: '2026-01-10',
      reportedOn: '2026-01-11',
      description: 'Seen supplying workers',
      actionTaken: null,
    }
    expect(validateOrder({ ...stpo, breaches: [breach] }).ok).toBe(true)
    expect(codes({ ...stpo, breaches: [{ ...breach, occurredOn: '2025-01-01' }] })).toEqual(['breach-before-order-1'])
    expect(codes({ ...stpo, breaches: [{ ...breach, occurredOn: '2031-01-01', reportedOn: '2031-01-02' }] })).toEqual([
      'breach-after-order-ended-1',
    ])
    expect(codes({ ...stpo, breaches: [{ ...breach, reportedOn: '2026-01-09' }] })).toEqual([
      'breach-reported-before-it-happened-1',
    ])
  })

  it('warns, without refusing, about notice to the chief officer and the court for under-18s', () => {
    const result = validateOrder({ ...stpo, applicant: 'nca-director-general', subjectAgeAtApplication: 17 })
    expect(result.ok).toBe(true)
    expect(result.warnings.map((w) => w.code)).toEqual([
      'chief-officer-notice-not-recorded',
      'under-18-not-youth-court',
    ])
  })

  it('accepts exactly the fixed expiries on or after the statutory minimum', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('stpo' as const, 'stro' as const),
        fc.integer({ min: -800, max: 800 }),
        (kind, shift) => {
          const minimum = addYearsToIsoDate(stpo.startsOn, kind === 'stpo' ? 5 : 2)
          const expiresOn = addDaysToIsoDate(minimum, shift)
          const ok = validateOrder({ ...stpo, kind, duration: { type: 'fixed', expiresOn } }).ok
          return ok === shift >= 0
        },
      ),
    )
  })
})
