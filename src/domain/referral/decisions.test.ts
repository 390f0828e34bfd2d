import { describe, expect, it } from 'vitest'
import { CgOutcome, cgOutcomeLabels, validateCgDecision, validateRgDecision } from './decisions.js'

const now = new Date('2024-06-10T12:00:00Z')

describe('Reasonable Grounds decision', () => {
  const context = { referredOn: '2024-03-01', now }

  it('accepts a decision between the referral and today', () => {
    expect(validateRgDecision({ outcome: 'negative', decidedOn: '2024-03-01' }, context).ok).toBe(true)
    expect(validateRgDecision({ outcome: 'positive', decidedOn: '2024-06-10' }, context).ok).toBe(true)
  })

  it.each([
    [
      { outcome: 'positive', decidedOn: '2024-06-11' },
      'date-in-future',
      'A decision cannot be dated 2024-06-11, which is in the future',
    ],
    [
      { outcome: 'positive', decidedOn: '2024-02-29' },
      'rg-before-referral',
      'The Reasonable Grounds decision (2024-02-29) cannot be before the referral (2024-03-01)',
    ],
    [{ outcome: 'maybe', decidedOn: '2024-03-05' }, 'invalid', 'A Reasonable Grounds decision is positive or negative'],
    [
      { outcome: 'positive', decidedOn: '2024-02-30' },
      'invalid',
      '2024-02-30 is not a real date: February 2024 has 29 days',
    ],
  ])('refuses %o', (decision, code, message) => {
    expect(validateRgDecision(decision, context)).toEqual({ ok: false, code, message })
  })

  it('uses the UK date: 00:30 BST on 11 June is already 11 June', () => {
    const late = new Date('2024-06-10T23:30:00Z')
    expect(
      validateRgDecision({ outcome: 'positive', decidedOn: '2024-06-11' }, { referredOn: '2024-03-01', now: late }).ok,
    ).toBe(true)
  })
})

describe('Conclusive Grounds decision', () => {
  const context = {
    rg: { outcome: 'positive' as const, decidedOn: '2024-03-07' },
    recoveryPeriodEndsOn: '2024-04-06',
    region: 'england-and-wales' as const,
    now,
  }

  it('has exactly the three England and Wales outcomes of §2.9', () => {
    expect(CgOutcome.options).toEqual(['human-trafficking', 'slavery-servitude-forced-labour', 'insufficient-evidence'])
    expect(cgOutcomeLabels['slavery-servitude-forced-labour']).toBe(
      'Victim of slavery, servitude, or forced or compulsory labour',
    )
  })

  it('accepts a decision after the recovery period without warnings', () => {
    expect(validateCgDecision({ outcome: 'insufficient-evidence', decidedOn: '2024-05-01' }, context)).toEqual({
      ok: true,
      value: { outcome: 'insufficient-evidence', decidedOn: '2024-05-01' },
      warnings: [],
    })
  })

  it.each([
    [{ outcome: 'human-trafficking', decidedOn: '2024-03-06' }, context, 'cg-before-rg'],
    [{ outcome: 'human-trafficking', decidedOn: '2024-06-11' }, context, 'date-in-future'],
    [{ outcome: 'human-trafficking', decidedOn: '2024-05-01' }, { ...context, rg: null }, 'cg-without-positive-rg'],
    [
      { outcome: 'human-trafficking', decidedOn: '2024-05-01' },
      { ...context, rg: { outcome: 'negative' as const, decidedOn: '2024-03-07' } },
      'cg-without-positive-rg',
    ],
    [{ outcome: 'victim', decidedOn: '2024-05-01' }, context, 'invalid'],
  ])('refuses %o', (decision, ctx, code) => {
    expect(validateCgDecision(decision, ctx)).toMatchObject({ ok: false, code })
  })
})
