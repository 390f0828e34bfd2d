import { describe, expect, it } from 'vitest'
import { TYPOLOGY, TypologyType, TypologyTypeId, typologyForExploitationTypes } from './typology.js'

describe('Home Office typology (Research Report 93)', () => {
  it('has 17 types in four groups, numbered in order, each valid', () => {
    expect(TYPOLOGY).toHaveLength(17)
    expect(TYPOLOGY.map((t) => t.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))
    for (const t of TYPOLOGY) expect(TypologyType.parse(t)).toEqual(t)
    const counts = Object.fromEntries(
      ['labour', 'domestic-servitude', 'sexual', 'criminal'].map((g) => [
        g,
        TYPOLOGY.filter((t) => t.group === g).length,
      ]),
    )
    expect(counts).toEqual({ labour: 2, 'domestic-servitude': 3, sexual: 6, criminal: 6 })
  })

  it('labels the names partly unconfirmed, and type 11 unconfirmed', () => {
    expect(TYPOLOGY[10]).toMatchObject({ name: 'Trafficking for third-party gratification', confidence: 'UNCONFIRMED' })
    expect(TYPOLOGY.filter((t) => t.confidence === 'PARTLY CONFIRMED')).toHaveLength(16)
  })

  it('offers sub-types for the exploitation types recorded, and validates ids', () => {
    expect(typologyForExploitationTypes(['criminal']).map((t) => t.number)).toEqual([12, 13, 14, 15, 16, 17])
    expect(typologyForExploitationTypes(['organ-harvesting'])).toEqual([])
    expect(TypologyTypeId.safeParse('forced-begging').success).toBe(true)
    expect(TypologyTypeId.safeParse('begging').success).toBe(false)
  })
})
