import { describe, expect, it } from 'vitest'
import { NOT_ON_SCHEDULE_4, NotListedOffence } from './not-on-schedule-4.js'
import {
  ANCILLARY_FORMS,
  ancillaryKinds,
  SCHEDULE_4,
  SCHEDULE_4_SOURCE_URL,
  SCHEDULE_4_VERSION,
  Schedule4Entry,
  type StatutorySchedule4Entry,
} from './schedule-4.js'

function statutory(act: string, year: number, section: string, subsection: string | null = null) {
  return SCHEDULE_4.filter(
    (e): e is StatutorySchedule4Entry =>
      e.kind === 'statutory' &&
      e.act === act &&
      e.year === year &&
      e.section === section &&
      e.subsection === subsection,
  )
}

describe('Schedule 4 reference data', () => {
  it('is versioned and points at legislation.gov.uk', () => {
    expect(SCHEDULE_4_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/)
    expect(SCHEDULE_4_SOURCE_URL).toBe('https://www.legislation.gov.uk/ukpga/2015/30/schedule/4')
  })

  it('every row satisfies the schema and has a unique id', () => {
    for (const entry of SCHEDULE_4) expect(Schedule4Entry.parse(entry)).toEqual(entry)
    const ids = SCHEDULE_4.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('lists the six common-law offences as CONFIRMED', () => {
    const names = SCHEDULE_4.filter((e) => e.kind === 'common-law').map((e) => [e.title, e.confidence])
    expect(names).toEqual([
      ['false imprisonment', 'CONFIRMED'],
      ['kidnapping', 'CONFIRMED'],
      ['manslaughter', 'CONFIRMED'],
      ['murder', 'CONFIRMED'],
      ['perverting the course of justice', 'CONFIRMED'],
      ['piracy', 'CONFIRMED'],
    ])
  })

  it('carries the confidence label of each row of law-and-process.md §4.3', () => {
    expect(statutory('Offences against the Person Act', 1861, '21')[0]?.confidence).toBe('CONFIRMED')
    expect(statutory('Offences against the Person Act', 1861, '22')[0]?.confidence).toBe('UNCONFIRMED')
    expect(statutory('Firearms Act', 1968, '16')[0]).toMatchObject({ confidence: 'PARTLY CONFIRMED', paragraph: 13 })
    expect(statutory('Theft Act', 1968, '8')[0]).toMatchObject({ confidence: 'PARTLY CONFIRMED', paragraph: 14 })
    expect(statutory('Immigration Act', 1971, '25')[0]).toMatchObject({ confidence: 'PARTLY CONFIRMED', paragraph: 16 })
    expect(statutory('Sexual Offences Act', 2003, '31')[0]).toMatchObject({ confidence: 'CONFIRMED', paragraph: 33 })
    expect(statutory('Sexual Offences Act', 2003, '32')[0]?.confidence).toBe('UNCONFIRMED')
    expect(statutory('Anti-terrorism, Crime and Security Act', 2001, '113')[0]?.paragraph).toBe(31)
    expect(statutory('Modern Slavery Act', 2015, '1')[0]).toMatchObject({ confidence: 'UNCONFIRMED', chapter: 'c. 30' })
  })

  it('keeps the qualifiers: burglary, aggravated vehicle-taking, arson and s1(2)', () => {
    expect(statutory('Theft Act', 1968, '9')[0]?.qualifier).toMatch(/grievous bodily harm.*unlawful damage/)
    expect(statutory('Theft Act', 1968, '12A')[0]?.qualifier).toMatch(/accident that causes the death/)
    const damage = SCHEDULE_4.filter((e) => e.kind === 'statutory' && e.act === 'Criminal Damage Act')
    expect(damage.map((e) => e.title)).toEqual([
      'arson',
      'destroying or damaging property so as to endanger life (other than arson)',
    ])
    expect(statutory('Criminal Damage Act', 1971, '1', '(2)')[0]?.chapter).toBe('c. 48')
  })

  it('lists only s25 of the Immigration Act 1971, and nothing from the Misuse of Drugs Act 1971', () => {
    const immigration = SCHEDULE_4.filter((e) => e.kind === 'statutory' && e.act === 'Immigration Act')
    expect(immigration.map((e) => e.kind === 'statutory' && e.section)).toEqual(['25'])
    expect(SCHEDULE_4.some((e) => e.kind === 'statutory' && e.act === 'Misuse of Drugs Act')).toBe(false)
  })

  it('labels every ancillary form UNCONFIRMED', () => {
    for (const kind of ancillaryKinds) expect(ANCILLARY_FORMS[kind].confidence).toBe('UNCONFIRMED')
  })
})

describe('offences known not to be on Schedule 4', () => {
  it('every row satisfies the schema and has a unique id', () => {
    for (const row of NOT_ON_SCHEDULE_4) expect(NotListedOffence.parse(row)).toEqual(row)
    const ids = [...NOT_ON_SCHEDULE_4.map((e) => e.id), ...SCHEDULE_4.map((e) => e.id)]
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('never contradicts a Schedule 4 row that has no qualifier', () => {
    for (const row of NOT_ON_SCHEDULE_4) {
      const clash = SCHEDULE_4.filter(
        (e) =>
          e.kind === 'statutory' &&
          e.qualifier === null &&
          e.act === row.act &&
          e.year === row.year &&
          e.section === row.section &&
          (e.subsection === null || row.subsection === null || e.subsection === row.subsection),
      )
      expect(clash, `${row.act} ${row.year} s${row.section}`).toEqual([])
    }
  })

  it('includes the offences the brief names, with their confidence', () => {
    const has = (act: string, section: string) => NOT_ON_SCHEDULE_4.find((r) => r.act === act && r.section === section)
    expect(has('Misuse of Drugs Act', '4')?.confidence).toBe('CONFIRMED')
    expect(has('Misuse of Drugs Act', '6')?.confidence).toBe('CONFIRMED')
    expect(has('Identity Documents Act', '4')?.confidence).toBe('PARTLY CONFIRMED')
    expect(has('Identity Documents Act', '6')?.confidence).toBe('UNCONFIRMED')
    expect(has('Theft Act', '1')?.confidence).toBe('PARTLY CONFIRMED')
    expect(has('Theft Act', '9')?.excludedIf).toMatch(/grievous bodily harm/)
    expect(has('Immigration Act', '24A')?.confidence).toBe('PARTLY CONFIRMED')
    expect(has('Fraud Act', '1')?.confidence).toBe('UNCONFIRMED')
    for (const s of ['327', '328', '329']) expect(has('Proceeds of Crime Act', s)).toBeDefined()
    expect(has('Road Traffic Act', '103')).toBeDefined()
  })
})
