import { describe, expect, it } from 'vitest'
import { NRM_FORM_SECTIONS, NRM_FORM_STRUCTURE_SOURCE, validateNrmReferral } from './nrm-referral.js'

const now = new Date('2024-06-10T12:00:00Z')

const common = {
  firstResponder: {
    name: 'PC Jane Smith',
    role: 'Response officer',
    forceId: 'kent',
    email: 'jane.smith@kent.police.uk',
    phone: '01622 690690',
  },
  person: {
    name: 'Elena Popescu',
    dateOfBirth: '1995-04-12',
    ageStatus: 'adult',
    gender: 'female',
    nationalities: ['Romanian'],
    languages: ['Romanian'],
    interpreterNeeded: true,
  },
  exploitation: {
    types: ['sexual'],
    location: {
      where: 'both',
      policeForceArea: 'kent',
      places: ['Flat above a shop, Maidstone'],
      countries: ['Romania'],
    },
    period: { startedOn: '2023-09-01', ongoing: false, endedOn: '2024-06-08' },
    recruitment: 'Offered a job in a restaurant by an acquaintance',
    exploiters: [{ name: 'Known as "Marius"', relationship: 'recruiter' }],
    account: 'Brought to the UK by car, made to sell sex, all money taken.',
  },
  needsAndRisks: {
    immediateRisk: true,
    riskDetails: 'Exploiters know where she is staying',
    accommodationNeeded: true,
  },
  supportRequested: {
    emergencyAccommodation: true,
    emergencyAccommodationReason: 'no-safe-housing',
    placeOfSafety: false,
    msvcc: ['safe-accommodation', 'healthcare'],
  },
}

const adult = {
  kind: 'nrm-adult',
  ...common,
  consent: {
    givenAt: '2024-06-09T15:00:00Z',
    recordedBy: 'PC Jane Smith',
    conversation: {
      language: 'Romanian',
      interpreter: { used: true, independent: true, provider: 'Language Line' },
      wordsUsed: 'Explained what the NRM is and what support it brings, then asked if she wanted to be referred',
    },
  },
}

const child = {
  kind: 'nrm-child',
  ...common,
  person: { ...common.person, dateOfBirth: '2008-02-01', ageStatus: 'child' },
  safeguardingReferral: {
    localAuthority: 'Kent County Council',
    referredAt: '2024-06-09T14:00:00Z',
    method: 'phone',
    madeBy: 'PC Jane Smith',
  },
}

const firstMessage = (input: unknown) => {
  const result = validateNrmReferral(input, now)
  return result.ok ? null : result.message
}

describe('NRM referral record', () => {
  it('accepts a complete adult referral with consent', () => {
    const result = validateNrmReferral(adult, now)
    expect(result.ok).toBe(true)
    expect(result.ok && result.value.agencies).toEqual({
      crimeReference: null,
      localAuthority: null,
      socialWorker: null,
      others: [],
    })
  })

  it('accepts a child referral with the safeguarding referral and warns about adult support', () => {
    const result = validateNrmReferral(child, now)
    expect(result.ok && result.warnings).toEqual([
      "Children are usually supported by the local authority's children's services, not the victim care contract (§2.10)",
    ])
  })

  it.each<[string, unknown, string]>([
    [
      'an adult referral without consent',
      { ...adult, consent: undefined },
      'An adult NRM referral needs the consent record: when consent was given, by whom and how it was asked',
    ],
    [
      'an adult referral for a person whose age is disputed',
      { ...adult, person: { ...adult.person, ageStatus: 'age-disputed' } },
      'The person is, or may be, under 18: make a child NRM referral, without asking for consent (§2.4)',
    ],
    [
      'an adult referral for a 16-year-old by date of birth',
      { ...adult, person: { ...adult.person, dateOfBirth: '2008-01-01' } },
      'The date of birth makes the person 16: a person under 18 needs a child NRM referral (§2.4)',
    ],
    [
      'an adult referral with an estimated age of 17',
      { ...adult, person: { ...adult.person, dateOfBirth: null, estimatedAge: 17 } },
      'The estimated age is 17: a person who may be under 18 needs a child NRM referral (§2.4)',
    ],
    [
      'a child referral with a consent section',
      { ...child, consent: adult.consent },
      'A child is referred without asking for consent: remove the consent section (§2.4)',
    ],
    [
      'a child referral without the safeguarding referral',
      { ...child, safeguardingReferral: undefined },
      'A child’s NRM referral needs the safeguarding referral to the local authority recorded first',
    ],
    [
      'a child referral for a person recorded as an adult',
      { ...child, person: { ...child.person, ageStatus: 'adult' } },
      'The person is recorded as an adult: make an adult NRM referral with their consent, or correct the age status',
    ],
    [
      'a date of birth in the future',
      { ...adult, person: { ...adult.person, dateOfBirth: '2024-06-11' } },
      'The date of birth (2024-06-11) cannot be in the future',
    ],
    [
      'a date of birth that does not exist',
      { ...adult, person: { ...adult.person, dateOfBirth: '1995-02-30' } },
      '1995-02-30 is not a real date: February 1995 has 28 days',
    ],
    [
      'consent dated in the future',
      { ...adult, consent: { ...adult.consent, givenAt: '2024-06-10T12:00:01Z' } },
      'The time consent was given (2024-06-10T12:00:01Z) cannot be in the future',
    ],
    [
      'no date of birth or estimated age',
      { ...adult, person: { ...adult.person, dateOfBirth: null } },
      'Record a date of birth or an estimated age, or record the age as not known',
    ],
    [
      'no exploitation type',
      { ...adult, exploitation: { ...adult.exploitation, types: [] } },
      'Choose at least one type of exploitation, or record that it is not known',
    ],
    [
      'an unknown police force area',
      { ...adult, exploitation: { ...adult.exploitation, location: { where: 'uk', policeForceArea: 'gotham' } } },
      '"gotham" is not a police force Lantern knows',
    ],
    [
      'overseas exploitation without a country',
      { ...adult, exploitation: { ...adult.exploitation, location: { where: 'overseas', countries: [] } } },
      'Name at least one country where the exploitation happened',
    ],
    [
      'exploitation ending before it started',
      {
        ...adult,
        exploitation: {
          ...adult.exploitation,
          period: { startedOn: '2024-01-01', endedOn: '2023-01-01', ongoing: false },
        },
      },
      'The exploitation cannot end before it started',
    ],
    [
      'an exploiter with neither name nor description',
      { ...adult, exploitation: { ...adult.exploitation, exploiters: [{ relationship: 'boss' }] } },
      'Give each exploiter a name or a description',
    ],
    [
      'emergency accommodation without the reason',
      { ...adult, supportRequested: { ...adult.supportRequested, emergencyAccommodationReason: null } },
      'Say why emergency accommodation is needed: destitute now, destitute within two weeks, or no safe housing',
    ],
    [
      'an interpreter without saying whether they were independent',
      {
        ...adult,
        consent: { ...adult.consent, conversation: { ...adult.consent.conversation, interpreter: { used: true } } },
      },
      'Say whether the interpreter was independent of the person and of anyone with them',
    ],
    [
      'an immediate risk without details',
      { ...adult, needsAndRisks: { ...adult.needsAndRisks, riskDetails: null } },
      'Describe the immediate risk to the person',
    ],
  ])('refuses %s', (_label, input, message) => {
    expect(firstMessage(input)).toBe(message)
  })

  it('gives the path of each problem for the error summary', () => {
    const result = validateNrmReferral({ ...adult, person: { ...adult.person, dateOfBirth: '2008-01-01' } }, now)
    expect(result.ok === false && result.issues).toEqual([
      {
        path: 'person.dateOfBirth',
        message: 'The date of birth makes the person 16: a person under 18 needs a child NRM referral (§2.4)',
      },
    ])
  })

  it('labels the form structure UNCONFIRMED and lists its sections in order', () => {
    expect(NRM_FORM_STRUCTURE_SOURCE.confidence).toBe('UNCONFIRMED')
    expect(NRM_FORM_SECTIONS.map((s) => s.key)).toEqual([
      'firstResponder',
      'kind',
      'consent',
      'safeguardingReferral',
      'person',
      'exploitation',
      'needsAndRisks',
      'supportRequested',
      'agencies',
    ])
  })
})
