import { describe, expect, it } from 'vitest'
import { ContactPreferences, MSVCC_ITEMS, MsvccItem, validateSupport } from './support.js'

const context = { ageStatus: 'adult' as const, region: 'england-and-wales' as const, today: '2024-12-31' }
const placeOfSafety = {
  type: 'place-of-safety',
  offeredOn: '2024-12-23',
  response: 'accepted',
  respondedOn: '2024-12-23',
  startedOn: '2024-12-23',
}

describe('support offered and accepted', () => {
  it('accepts a Place of Safety of up to 3 working days (23 to 30 December 2024, over Christmas)', () => {
    expect(validateSupport({ ...placeOfSafety, endedOn: '2024-12-30' }, context).ok).toBe(true)
  })

  it('refuses a Place of Safety longer than 3 working days', () => {
    expect(validateSupport({ ...placeOfSafety, endedOn: '2024-12-31' }, context)).toEqual({
      ok: false,
      code: 'place-of-safety-too-long',
      message: 'A Place of Safety is for up to 3 working days: a stay from 2024-12-23 ends by 2024-12-30',
    })
  })

  it('counts the working days in the force’s region', () => {
    const ni = { ...context, region: 'northern-ireland' as const, today: '2024-03-20' }
    const stay = {
      ...placeOfSafety,
      offeredOn: '2024-03-14',
      respondedOn: '2024-03-14',
      startedOn: '2024-03-14',
      endedOn: '2024-03-20',
    }
    expect(validateSupport(stay, ni).ok).toBe(true)
    expect(validateSupport(stay, { ...ni, region: 'england-and-wales' })).toMatchObject({
      code: 'place-of-safety-too-long',
    })
  })

  it('refuses a guardian for an adult and accepts one for a person whose age is disputed', () => {
    const ictg = { type: 'ictg', offeredOn: '2024-12-20', response: 'pending', localAuthority: 'Kent County Council' }
    expect(validateSupport(ictg, context)).toMatchObject({
      code: 'guardian-for-children-only',
      message: 'An Independent Child Trafficking Guardian is only for a child',
    })
    expect(validateSupport(ictg, { ...context, ageStatus: 'age-disputed' }).ok).toBe(true)
  })

  it('warns when victim care contract support is recorded for a child', () => {
    const result = validateSupport(
      { type: 'msvcc', item: 'counselling', offeredOn: '2024-12-20', response: 'pending' },
      {
        ...context,
        ageStatus: 'child',
      },
    )
    expect(result.ok && result.warnings).toEqual([
      "Children are usually supported by the local authority's children's services, not the victim care contract",
    ])
  })

  it.each([
    [{ type: 'msvcc', item: 'counselling', offeredOn: '2025-01-01', response: 'pending' }, 'date-in-future'],
    [
      { type: 'msvcc', item: 'counselling', offeredOn: '2024-12-20', response: 'pending', respondedOn: '2024-12-21' },
      'response-date',
    ],
    [
      { type: 'msvcc', item: 'counselling', offeredOn: '2024-12-20', response: 'accepted', respondedOn: '2024-12-19' },
      'response-date',
    ],
    [{ type: 'msvcc', item: 'yoga', offeredOn: '2024-12-20', response: 'pending' }, 'invalid'],
    [{ ...placeOfSafety, endedOn: '2024-12-22' }, 'place-of-safety-dates'],
    [{ type: 'emergency-accommodation', offeredOn: '2024-12-20', response: 'pending' }, 'invalid'],
  ])('refuses %o', (record, code) => {
    expect(validateSupport(record, context)).toMatchObject({ ok: false, code })
  })

  it('lists the victim care contract items with their sources', () => {
    expect(MSVCC_ITEMS).toHaveLength(MsvccItem.options.length)
    expect(MSVCC_ITEMS.find((i) => i.id === 'safe-accommodation')).toEqual({
      id: 'safe-accommodation',
      label: 'Safe accommodation',
      source: {
        ref: 'law-and-process.md §2.10',
        url: 'https://www.salvationarmy.org.uk/modern-slavery/new-victim-care-contract',
        confidence: 'CONFIRMED',
      },
    })
  })
})

describe('contact preferences', () => {
  it('needs a way to make contact, or a record that the person declines contact', () => {
    expect(
      ContactPreferences.safeParse({ methods: [], language: 'Polish', interpreterNeeded: true }).error?.issues[0]
        ?.message,
    ).toBe('Record at least one way to contact the person, or that they do not want to be contacted')
    expect(
      ContactPreferences.safeParse({ methods: [], contactDeclined: true, language: 'Polish', interpreterNeeded: true })
        .success,
    ).toBe(true)
    const viaWorker = ContactPreferences.parse({
      methods: [{ channel: 'via-support-worker', safeToLeaveMessage: false }],
      language: 'Polish',
      interpreterNeeded: true,
      avoid: 'Do not call the mobile: the exploiter may have it',
    })
    expect(viaWorker.methods[0]).toEqual({ channel: 'via-support-worker', detail: null, safeToLeaveMessage: false })
  })
})
