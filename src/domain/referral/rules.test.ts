import { describe, expect, it } from 'vitest'
import { RULE_VERSION } from '../deadlines/index.js'
import {
  crimeRecordingDeadline,
  placeOfSafetyLatestEnd,
  recoveryPeriodEnd,
  rgTargetDeadline,
  shouldChaseRg,
} from './referral-deadlines.js'
import { REFERRAL_RULE_SETS, ReferralRuleSet, rulesAt } from './rules.js'

describe('rulesAt: the dated rule set in force', () => {
  it.each([
    ['2015-11-01', 'nrm-rules.pre-2023-01-30', 45, 'may be', false],
    ['2023-01-29', 'nrm-rules.pre-2023-01-30', 45, 'may be', false],
    ['2023-01-30', 'nrm-rules.2023-01-30', 30, 'is', true],
    ['2023-07-23', 'nrm-rules.2023-01-30', 30, 'is', true],
    ['2023-07-24', 'nrm-rules.2023-07-24', 30, 'is', false],
    ['2026-03-01', 'nrm-rules.2023-07-24', 30, 'is', false],
  ])('%s → %s (recovery %i days, RG "%s", objective factors %s)', (date, id, days, word, objective) => {
    const rules = rulesAt(date)
    expect(rules.id).toBe(id)
    expect(rules.recoveryPeriodMinimumDays.value).toBe(days)
    expect(rules.rgThreshold.value.wording).toContain(` ${word} a victim`)
    expect(rules.rgThreshold.value.objectiveFactorsRequired).toBe(objective)
    expect(rules.rgTargetWorkingDays.value).toBe(5)
    expect(rules.placesOfSafetyMaxWorkingDays.value).toBe(3)
    expect(rules.crimeRecordingHours.value).toBe(24)
  })

  it('sets are contiguous and valid', () => {
    for (const set of REFERRAL_RULE_SETS) ReferralRuleSet.parse(set)
    for (let i = 1; i < REFERRAL_RULE_SETS.length; i++) {
      expect(REFERRAL_RULE_SETS[i]?.effectiveFrom).toBe(REFERRAL_RULE_SETS[i - 1]?.effectiveUntil)
    }
  })

  it('labels the crime-recording clock UNCONFIRMED as a modern-slavery rule, and the rest with their sources', () => {
    const rules = rulesAt('2024-06-01')
    expect(rules.crimeRecordingHours.source).toMatchObject({ ref: 'law-and-process.md §3', confidence: 'UNCONFIRMED' })
    expect(rules.recoveryPeriodMinimumDays.source).toMatchObject({
      ref: 'law-and-process.md §2.8',
      confidence: 'CONFIRMED',
    })
    expect(rules.placesOfSafetyMaxWorkingDays.source.ref).toBe('law-and-process.md §2.10')
    expect(rulesAt('2020-01-01').rgTargetWorkingDays.source.confidence).toBe('PARTLY CONFIRMED')
  })

  it('applies a force’s crime-recording setting and records it in the id', () => {
    const rules = rulesAt('2024-06-01', { crimeRecordingHours: 48 })
    expect(rules.id).toBe('nrm-rules.2023-07-24+crime-recording-48h')
    expect(rules.crimeRecordingHours).toMatchObject({ value: 48, configured: true })
    expect(rulesAt('2024-06-01', { crimeRecordingHours: 24 }).id).toBe('nrm-rules.2023-07-24')
    expect(() => rulesAt('2024-06-01', { crimeRecordingHours: 0 })).toThrow('more than 0 hours')
  })

  it('refuses an impossible date', () => {
    expect(() => rulesAt('2023-02-29')).toThrow('2023-02-29 is not a real date: February 2023 has 28 days')
  })
})

describe('referral deadlines', () => {
  it.each([
    ['a Friday before Christmas, England and Wales', '2024-12-20', 'england-and-wales', '2024-12-31'],
    ['27 December, England and Wales', '2024-12-27', 'england-and-wales', '2025-01-06'],
    ['27 December, Scotland (1 and 2 January)', '2024-12-27', 'scotland', '2025-01-07'],
    ['before Easter, England and Wales', '2024-03-27', 'england-and-wales', '2024-04-05'],
    ['before Easter, Scotland (no Easter Monday)', '2024-03-27', 'scotland', '2024-04-04'],
    ['over St Patrick’s Day substitute, Northern Ireland', '2024-03-14', 'northern-ireland', '2024-03-22'],
    ['the same week, England and Wales', '2024-03-14', 'england-and-wales', '2024-03-21'],
  ] as const)('RG target from %s', (_label, referredOn, region, dueDate) => {
    expect(rgTargetDeadline({ referredOn, region })).toEqual({
      dueDate,
      basis: expect.stringContaining(`Reasonable Grounds decision target: 5 working days after ${referredOn}`),
      ruleVersion: RULE_VERSION,
      region,
      referralRules: 'nrm-rules.2023-07-24',
    })
  })

  it('chases an RG decision only after the target date, and only while undecided', () => {
    const base = { referredOn: '2024-03-01', region: 'england-and-wales' as const }
    expect(shouldChaseRg({ ...base, decided: false, today: '2024-03-08' })).toBe(false)
    expect(shouldChaseRg({ ...base, decided: false, today: '2024-03-09' })).toBe(true)
    expect(shouldChaseRg({ ...base, decided: true, today: '2024-04-01' })).toBe(false)
  })

  it('recovery period: 45 days before 30 January 2023, 30 days from it', () => {
    expect(recoveryPeriodEnd({ rgPositiveOn: '2022-12-01', region: 'england-and-wales' })).toMatchObject({
      dueDate: '2023-01-15',
      days: 45,
      referralRules: 'nrm-rules.pre-2023-01-30',
    })
    expect(recoveryPeriodEnd({ rgPositiveOn: '2024-12-20', region: 'scotland' })).toMatchObject({
      dueDate: '2025-01-19',
      days: 30,
    })
  })

  it('Places of Safety: up to 3 working days, skipping Christmas', () => {
    expect(placeOfSafetyLatestEnd({ startedOn: '2024-12-23', region: 'england-and-wales' }).dueDate).toBe('2024-12-30')
    expect(placeOfSafetyLatestEnd({ startedOn: '2024-06-06', region: 'northern-ireland' }).dueDate).toBe('2024-06-11')
  })

  it('crime recording: 24 hours by default, configurable', () => {
    expect(crimeRecordingDeadline({ from: '2024-06-01T10:00:00Z' })).toMatchObject({
      dueAt: '2024-06-02T10:00:00.000Z',
      hours: 24,
      referralRules: 'nrm-rules.2023-07-24',
    })
    expect(crimeRecordingDeadline({ from: '2024-06-01T10:00:00Z', config: { crimeRecordingHours: 72 } })).toMatchObject(
      {
        dueAt: '2024-06-04T10:00:00.000Z',
        hours: 72,
        referralRules: 'nrm-rules.2023-07-24+crime-recording-72h',
      },
    )
  })
})
