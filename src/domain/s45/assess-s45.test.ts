import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  assessS45,
  parseAge,
  type S45Assessment,
  S45Assessment as S45AssessmentSchema,
  type S45Request,
} from './assess-s45.js'
import { NOT_ON_SCHEDULE_4 } from './not-on-schedule-4.js'
import { citationOf } from './parse-offence.js'
import { SCHEDULE_4, SCHEDULE_4_VERSION } from './schedule-4.js'

function assess(request: S45Request): S45Assessment {
  const result = assessS45(request)
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join(' | '))
  expect(S45AssessmentSchema.parse(result.assessment)).toEqual(result.assessment)
  return result.assessment
}

function errorsOf(request: S45Request) {
  const result = assessS45(request)
  if (result.ok) throw new Error(`expected errors, got ${result.assessment.summary}`)
  return result.errors
}

const ADULT_IDS = ['adult-age', 'adult-compelled', 'adult-attributable', 'adult-no-realistic-alternative']
const CHILD_IDS = ['child-age', 'child-direct-consequence', 'child-reasonable-person']

describe('published cases (indicators.md §6)', () => {
  it('THN: 17-year-old, producing cannabis (MDA 1971 s4(2)) → available, under-18 limb', () => {
    const a = assess({ ageAtOffence: 17, offence: 'Misuse of Drugs Act 1971 s4(2)' })
    expect(a.available).toBe(true)
    expect(a.limb).toBe('under-18')
    expect(a.excludedBy).toBeNull()
    expect(a.elements.map((e) => e.id)).toEqual(CHILD_IDS)
    expect(a.elements.map((e) => e.statute)).toEqual(['s45(4)(a)', 's45(4)(b)', 's45(4)(c); s45(5)'])
    expect(a.confidence).toBe('CONFIRMED')
  })

  it('L(C): the 31-year-old Ugandan woman with a false identity document → available, adult limb', () => {
    const ida = assess({ ageAtOffence: 31, offence: 'Identity Documents Act 2010 s4' })
    expect([ida.available, ida.limb, ida.excludedBy]).toEqual([true, 'adult', null])
    expect(ida.elements.map((e) => e.id)).toEqual(ADULT_IDS)
    expect(ida.confidence).toBe('PARTLY CONFIRMED')
    // The older forgery route is recognised too, but Lantern is less sure it is absent from Schedule 4.
    const forgery = assess({ ageAtOffence: 31, offence: 'Forgery and Counterfeiting Act 1981 s5' })
    expect([forgery.available, forgery.limb, forgery.confidence]).toEqual([true, 'adult', 'UNCONFIRMED'])
  })

  it('V.C.L. and A.N.: Vietnamese minors in cannabis factories → available, under-18 limb', () => {
    // Both were minors; indicators.md §6.3 does not give their exact ages, so 16 stands in.
    for (const offence of ['being concerned in the production of a controlled drug', 'production of cannabis']) {
      const a = assess({ ageAtOffence: 16, offence })
      expect([a.available, a.limb, a.offence?.citation]).toEqual([true, 'under-18', 'Misuse of Drugs Act 1971 s4(2)'])
    }
  })

  it('MK: conspiracy to supply Class A and IDA 2010 s4 → both available, adult limb', () => {
    const supply = assess({ ageAtOffence: 25, offence: 'conspiracy to supply Class A' })
    expect([supply.available, supply.limb, supply.offence?.ancillary]).toEqual([true, 'adult', 'conspiracy'])
    expect(supply.excludedVia).toBeNull()
    const document = assess({ ageAtOffence: 25, offence: 'Identity Documents Act 2010 s4' })
    expect([document.available, document.limb]).toEqual([true, 'adult'])
  })

  it('Gega: false identity document with improper intention → available; the burden is only evidential', () => {
    const a = assess({ ageAtOffence: 30, offence: 'possession of a false identity document with improper intention' })
    expect(a.available).toBe(true)
    expect(a.burden).toContain('evidential burden')
    expect(a.burden).toContain('prosecution must then disprove at least one element')
    expect(a.burden).toContain('R v MK; R v Gega [2018] EWCA Crim 667')
  })

  it('AAD: producing a Class B drug, MDA s4(2)(a) → available whichever limb applies', () => {
    const child = assess({ ageAtOffence: 17, offence: 'Misuse of Drugs Act 1971 s4(2)(a)' })
    const adult = assess({ ageAtOffence: 19, offence: 'Misuse of Drugs Act 1971 s4(2)(a)' })
    expect([child.available, child.limb]).toEqual([true, 'under-18'])
    expect([adult.available, adult.limb]).toEqual([true, 'adult'])
    expect(adult.offence?.citation).toBe('Misuse of Drugs Act 1971 s4(2)(a)')
  })

  it('R v S [2020]: adult cannabis "gardener" → available, adult limb', () => {
    const a = assess({ ageAtOffence: 30, offence: 'producing cannabis' })
    expect([a.available, a.limb]).toEqual([true, 'adult'])
  })
})

describe('excluded offences', () => {
  it.each([
    ['murder', 'common-law-murder', 'CONFIRMED', null],
    ['attempted murder', 'common-law-murder', 'UNCONFIRMED', 'attempt'],
    ['kidnapping', 'common-law-kidnapping', 'CONFIRMED', null],
    ['false imprisonment', 'common-law-false-imprisonment', 'CONFIRMED', null],
    ['perverting the course of justice', 'common-law-perverting-the-course-of-justice', 'CONFIRMED', null],
    ['Offences against the Person Act 1861 s18', 'offences-against-the-person-act-1861-s18', 'CONFIRMED', null],
    ['Theft Act 1968 s8', 'theft-act-1968-s8', 'PARTLY CONFIRMED', null],
    ['Theft Act 1968 s10', 'theft-act-1968-s10', 'PARTLY CONFIRMED', null],
    [
      'Theft Act 1968 s9 with intent to inflict GBH',
      'theft-act-1968-s9-with-intent-gbh-or-damage',
      'PARTLY CONFIRMED',
      null,
    ],
    ['Firearms Act 1968 s16', 'firearms-act-1968-s16', 'PARTLY CONFIRMED', null],
    ['Sexual Offences Act 2003 s1', 'sexual-offences-act-2003-s1', 'CONFIRMED', null],
    ['Immigration Act 1971 s25', 'immigration-act-1971-s25', 'PARTLY CONFIRMED', null],
    ['conspiracy to rob', 'theft-act-1968-s8', 'UNCONFIRMED', 'conspiracy'],
    ['arson', 'criminal-damage-act-1971-s1-arson', 'PARTLY CONFIRMED', null],
    ['Criminal Damage Act 1971 s1(2)', 'criminal-damage-act-1971-s1-2', 'PARTLY CONFIRMED', null],
    ['Modern Slavery Act 2015 s2', 'modern-slavery-act-2015-s2', 'UNCONFIRMED', null],
  ])('%s → excluded by %s (%s)', (offence, id, confidence, via) => {
    for (const age of [16, 35]) {
      const a = assess({ ageAtOffence: age, offence })
      expect(a.available).toBe(false)
      expect(a.limb).toBeNull()
      expect(a.elements).toEqual([])
      expect(a.excludedBy?.id).toBe(id)
      expect(a.excludedVia?.kind ?? null).toBe(via)
      expect(a.confidence).toBe(confidence)
      expect(a.stillApplies.join(' ')).toMatch(/Identification.*Referral.*Public interest/s)
    }
  })

  it('gives the row the CLI prints as excludedBy: act, section, title and confidence', () => {
    const a = assess({ ageAtOffence: 22, offence: 'Theft Act 1968 s8' })
    expect(a.excludedBy).toMatchObject({
      kind: 'statutory',
      act: 'Theft Act',
      year: 1968,
      section: '8',
      title: 'robbery or assault with intent to rob',
      confidence: 'PARTLY CONFIRMED',
      paragraph: 14,
    })
    expect(a.summary).toMatch(/^The s45 defence is not available/)
    expect(a.scheduleVersion).toBe(SCHEDULE_4_VERSION)
  })
})

describe('offences not on Schedule 4', () => {
  it.each([
    ['Theft Act 1968 s1', 'PARTLY CONFIRMED'],
    ['Theft Act 1968 s9', 'PARTLY CONFIRMED'],
    ['Criminal Damage Act 1971 s1(1)', 'PARTLY CONFIRMED'],
    ['Immigration Act 1971 s24', 'PARTLY CONFIRMED'],
    ['Misuse of Drugs Act 1971 s5(3)', 'CONFIRMED'],
    ['Fraud Act 2006 s1', 'UNCONFIRMED'],
  ])('%s → available (%s)', (offence, confidence) => {
    const a = assess({ ageAtOffence: 24, offence })
    expect([a.available, a.limb, a.excludedBy, a.confidence]).toEqual([true, 'adult', null, confidence])
  })

  it('warns what would exclude a related form: ordinary burglary and simple criminal damage', () => {
    expect(assess({ ageAtOffence: 24, offence: 'Theft Act 1968 s9' }).excludedIf).toMatch(
      /intent to inflict grievous bodily harm.*unlawful damage/,
    )
    expect(assess({ ageAtOffence: 24, offence: 'criminal damage' }).excludedIf).toMatch(/arson/)
    expect(assess({ ageAtOffence: 24, offence: 'Theft Act 1968 s1' }).excludedIf).toBeNull()
  })

  it('the limb follows the age at the time of the act, 18 being adult', () => {
    expect(assess({ ageAtOffence: 18, offence: 'theft' }).limb).toBe('adult')
    expect(assess({ ageAtOffence: 0, offence: 'theft' }).limb).toBe('under-18')
    expect(assess({ ageAtOffence: '17', offence: 'theft' }).limb).toBe('under-18')
  })

  it('is available for every offence it knows is not on Schedule 4, and excluded for every Schedule 4 row', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.constantFrom(...NOT_ON_SCHEDULE_4), (age, row) => {
        const a = assess({ ageAtOffence: age, offence: citationOf({ list: 'not-on-schedule-4', entry: row }) })
        return a.available && a.limb === (age >= 18 ? 'adult' : 'under-18') && a.elements.length === (age >= 18 ? 4 : 3)
      }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.constantFrom(...SCHEDULE_4), (age, entry) => {
        const a = assess({ ageAtOffence: age, offence: citationOf({ list: 'schedule-4', entry }) })
        return !a.available && a.excludedBy?.id === entry.id && a.limb === null
      }),
    )
  })
})

describe('bad input', () => {
  it('refuses an offence it cannot identify, with close matches, never a silent "available"', () => {
    const [error] = errorsOf({ ageAtOffence: 30, offence: 'Theft Act 1986 s8' })
    expect(error?.code).toBe('offence-unknown')
    expect(error?.field).toBe('offence')
    expect(error?.suggestions[0]).toBe('Theft Act 1968 s8')
  })

  it.each([
    ['abc', 'age-not-a-number'],
    ['', 'age-missing'],
    ['17.5', 'age-not-whole'],
    [17.5, 'age-not-whole'],
    [Number.NaN, 'age-not-a-number'],
    [Number.POSITIVE_INFINITY, 'age-not-a-number'],
    [-1, 'age-out-of-range'],
    [121, 'age-out-of-range'],
    ['0x11', 'age-not-a-number'],
  ])('age %s → %s', (age, code) => {
    const errors = errorsOf({ ageAtOffence: age, offence: 'murder' })
    expect(errors.map((e) => e.code)).toEqual([code])
    expect(errors[0]?.field).toBe('ageAtOffence')
  })

  it('reports every bad input at once', () => {
    const codes = errorsOf({
      ageAtOffence: 'seventeen',
      offence: 'murdr',
      jurisdiction: 'wales',
      offenceDate: '2024-02-30',
    }).map((e) => e.code)
    expect(codes).toEqual(['age-not-a-number', 'jurisdiction-unknown', 'offence-date-invalid', 'offence-unknown'])
  })

  it('parseAge accepts whole numbers written as digits', () => {
    expect(parseAge(' 42 ')).toEqual({ ok: true, age: 42 })
    expect(parseAge(120)).toEqual({ ok: true, age: 120 })
    expect(parseAge(true).ok).toBe(false)
  })
})

describe('outside England and Wales, and before s45 came into force', () => {
  it('Scotland: s45 does not apply; names the Lord Advocate’s instructions', () => {
    const a = assess({
      ageAtOffence: 17,
      offence: 'being concerned in the supply of cocaine',
      jurisdiction: 'scotland',
    })
    expect([a.available, a.limb, a.excludedBy]).toEqual([false, null, null])
    expect(a.notApplicable?.reason).toBe('outside-england-and-wales')
    expect(a.notApplicable?.text).toContain('Lord Advocate')
  })

  it('Northern Ireland: names s22 of the 2015 NI Act and its child limb without a reasonable-person test', () => {
    const a = assess({
      ageAtOffence: 16,
      offence: 'anything the NI charge sheet says',
      jurisdiction: 'northern-ireland',
    })
    expect(a.available).toBe(false)
    expect(a.offence).toBeNull()
    expect(a.notApplicable?.text).toMatch(/s22 .*Northern Ireland.*no reasonable-person test/)
  })

  it('still needs an offence outside England and Wales', () => {
    expect(errorsOf({ ageAtOffence: 16, offence: ' ', jurisdiction: 'scotland' })[0]?.code).toBe('offence-missing')
  })

  it('an act before 31 July 2015 is outside s45; the day it came into force is inside', () => {
    const before = assess({ ageAtOffence: 17, offence: 'production of cannabis', offenceDate: '2015-07-30' })
    expect(before.available).toBe(false)
    expect(before.notApplicable?.reason).toBe('before-commencement')
    expect(before.notApplicable?.text).toContain('abuse of process')
    const on = assess({ ageAtOffence: 17, offence: 'production of cannabis', offenceDate: '2015-07-31' })
    expect([on.available, on.notApplicable]).toEqual([true, null])
  })
})
