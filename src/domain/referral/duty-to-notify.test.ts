import { describe, expect, it } from 'vitest'
import {
  type AnonymousDutyToNotifyReport,
  anonymiseDutyToNotify,
  DutyToNotifyReport,
  identifyingFields,
  validateDutyToNotify,
} from './duty-to-notify.js'

const now = new Date('2024-06-10T12:00:00Z')

const anonymous = {
  consentToShareIdentity: false,
  firstResponder: {
    name: 'PC Jane Smith',
    role: 'Response officer',
    forceId: 'west-midlands',
    email: 'jane.smith@westmidlands.police.uk',
  },
  ageStatus: 'adult',
  nrmConsent: 'declined',
  gender: 'male',
  ageAtExploitation: 34,
  nationalities: ['Vietnamese'],
  exploitation: {
    types: ['labour'],
    location: { where: 'uk', policeForceArea: 'west-midlands', places: ['Nail bar, Birmingham city centre'] },
    period: { startedOn: '2023-11-01', endedOn: '2024-05-30', ongoing: false },
    exploiters: [{ description: 'Man in his 40s who owned the nail bar', relationship: 'employer' }],
    account: 'Worked 12 hours a day for no pay; documents held by the owner.',
  },
} as const

describe('Duty to Notify privacy guarantee (MSA 2015 s52(3))', () => {
  it('accepts an anonymous report with only non-identifying details', () => {
    const result = validateDutyToNotify(anonymous, now)
    expect(result.ok).toBe(true)
    expect(result.ok && result.value).not.toHaveProperty('name')
  })

  it.each(Object.entries(identifyingFields))('refuses %s without consent to share identity', (field, label) => {
    const value = field === 'dateOfBirth' ? '1990-01-01' : field === 'name' ? 'Nguyen Van A' : ['x']
    const result = DutyToNotifyReport.safeParse({ ...anonymous, [field]: value })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: [field],
      message: `A Duty to Notify report cannot hold the person's ${label} unless they consent to share their identity (Modern Slavery Act 2015 s52(3)): record that consent or remove the ${label}`,
    })
  })

  it('refuses any other field it does not list, so identity cannot arrive under another name', () => {
    const result = DutyToNotifyReport.safeParse({ ...anonymous, phoneNumber: '07700 900123', surname: 'Nguyen' })
    expect(result.error?.issues[0]?.message).toBe(
      'A Duty to Notify report holds only the listed non-identifying details; it cannot take: phoneNumber, surname',
    )
  })

  it('refuses the type too: an anonymous report has no place for a name', () => {
    // @ts-expect-error name is not allowed on an anonymous report
    const report: AnonymousDutyToNotifyReport = { ...DutyToNotifyReport.parse(anonymous), name: 'Nguyen Van A' }
    expect(DutyToNotifyReport.safeParse(report).success).toBe(false)
  })

  it('holds identifying details only with the consent record', () => {
    const identified = {
      ...anonymous,
      consentToShareIdentity: true,
      name: 'Nguyen Van A',
      dateOfBirth: '1990-01-01',
      contactDetails: { phone: '07700 900123', email: null },
      addresses: ['12 High Street, Birmingham'],
    }
    expect(DutyToNotifyReport.safeParse(identified).error?.issues[0]?.message).toBe(
      'Record when and how the person consented to share their identity in the report',
    )
    const withConsent = {
      ...identified,
      identityConsent: {
        givenAt: '2024-06-01T10:00:00Z',
        recordedBy: 'PC Jane Smith',
        conversation: {
          language: 'Vietnamese',
          interpreter: { used: true, independent: true },
          wordsUsed: 'Asked if...',
        },
      },
    }
    const result = validateDutyToNotify(withConsent, now)
    expect(result.ok && result.value).toMatchObject({ consentToShareIdentity: true, name: 'Nguyen Van A' })
    if (result.ok) expect(anonymiseDutyToNotify(result.value)).toEqual(DutyToNotifyReport.parse(anonymous))
  })

  it('refuses a report without the consent-to-share flag', () => {
    const { consentToShareIdentity: _, ...noFlag } = anonymous
    expect(DutyToNotifyReport.safeParse(noFlag).error?.issues[0]?.message).toBe(
      'Record whether the person consents to their identity being shared in the Duty to Notify report (consentToShareIdentity: true or false)',
    )
  })

  it.each(['child', 'age-unknown', 'age-disputed'])(
    'refuses a report about a person whose age status is %s',
    (ageStatus) => {
      expect(DutyToNotifyReport.safeParse({ ...anonymous, ageStatus }).error?.issues[0]?.message).toBe(
        'A Duty to Notify report is only for an adult: a child, or a person whose age is unknown or disputed, needs an NRM referral (§2.4)',
      )
    },
  )

  it('refuses a report about an adult who consented to the NRM', () => {
    expect(DutyToNotifyReport.safeParse({ ...anonymous, nrmConsent: 'given' }).error?.issues[0]?.message).toBe(
      'A Duty to Notify report is for an adult who has declined or withdrawn consent to an NRM referral (§2.5)',
    )
  })

  it('refuses exploitation dates in the future', () => {
    const future = {
      ...anonymous,
      exploitation: { ...anonymous.exploitation, period: { startedOn: '2024-07-01', ongoing: true } },
    }
    const result = validateDutyToNotify(future, now)
    expect(result).toMatchObject({
      ok: false,
      message: 'The start of the exploitation (2024-07-01) cannot be in the future',
      issues: [{ path: 'exploitation.period.startedOn' }],
    })
  })
})
