import { describe, expect, it } from 'vitest'
import { type Outcome, Outcome as OutcomeSchema } from './outcomes.js'
import { missingOrderConsiderations, OrderConsideration } from './prevention-order-consideration.js'

const base = { suspectId: 's1', recordedBy: 'u1' }
const charge: Outcome = {
  ...base,
  type: 'charge',
  id: 'c',
  chargedAt: new Date('2025-01-01T00:00:00Z'),
  offences: ['Modern Slavery Act 2015 s1'],
  authorisedBy: 'cps',
}
const result = (r: 'acquitted' | 'convicted-after-trial' | 'found-to-have-done-the-act-under-disability'): Outcome => ({
  ...base,
  type: 'court-result',
  id: r,
  date: new Date('2025-06-01T00:00:00Z'),
  court: 'Bristol Crown Court',
  offence: 'Modern Slavery Act 2015 s1',
  result: r,
})

describe('STPO/STRO consideration at charge, conviction and closure', () => {
  it('asks for each stage reached and not yet decided', () => {
    expect(missingOrderConsiderations([], [], false)).toEqual([])
    expect(missingOrderConsiderations([], [], true)).toEqual(['closure'])
    expect(missingOrderConsiderations([charge], [], false)).toEqual(['charge'])
    expect(missingOrderConsiderations([charge, result('convicted-after-trial')], [{ stage: 'charge' }], true)).toEqual([
      'conviction',
      'closure',
    ])
  })

  it('treats a finding that the person did the act like a conviction (s14), and an acquittal not', () => {
    expect(missingOrderConsiderations([result('found-to-have-done-the-act-under-disability')], [], false)).toEqual([
      'conviction',
    ])
    expect(missingOrderConsiderations([result('acquitted')], [], false)).toEqual([])
  })

  it('needs a rationale for every decision', () => {
    const parsed = OrderConsideration.safeParse({
      stage: 'closure',
      decision: 'not-appropriate',
      rationale: ' ',
      decidedBy: 'u1',
      decidedAt: new Date(),
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/Record why/)
  })
})

describe('outcome schemas', () => {
  it('needs the length of a custodial sentence', () => {
    const sentence = {
      ...base,
      type: 'sentence',
      id: 'x',
      date: new Date('2025-07-01T00:00:00Z'),
      offence: 'Modern Slavery Act 2015 s1',
      disposal: 'immediate-custody',
      custodialMonths: null,
      ancillaryOrders: ['stpo'],
    }
    expect(OutcomeSchema.safeParse(sentence).error?.issues[0]?.message).toMatch(/length in months/)
    expect(OutcomeSchema.safeParse({ ...sentence, custodialMonths: 84 }).success).toBe(true)
    expect(OutcomeSchema.safeParse({ ...sentence, disposal: 'fine' }).success).toBe(true)
  })

  it('needs at least one offence on a charge', () => {
    expect(OutcomeSchema.safeParse({ ...charge, offences: [] }).error?.issues[0]?.message).toBe(
      'Record at least one offence charged.',
    )
  })
})
