import { describe, expect, it } from 'vitest'
import { decideAge } from './age.js'

describe('decideAge (law-and-process.md §2.4: is, or may be, under 18 ⇒ child)', () => {
  it.each([
    [{ age: 17, role: 'witness' as const }, true],
    [{ age: 17.9, role: 'witness' as const }, true],
    [{ age: 18, role: 'witness' as const }, false],
    [{ ageBand: 'child' as const, role: 'witness' as const }, true],
    [{ ageBand: 'unknown' as const, role: 'witness' as const }, true],
    [{ ageBand: 'adult' as const, role: 'witness' as const }, false],
    [{ role: 'witness' as const }, true],
    [{ age: 25, ageDisputed: true, role: 'witness' as const }, true],
    [{ age: 25, ageDisputed: false, role: 'witness' as const }, false],
    // Conflicting signals resolve towards the child (may be under 18).
    [{ age: 25, ageBand: 'child' as const, role: 'witness' as const }, true],
    [{ age: 16, ageBand: 'adult' as const, role: 'witness' as const }, true],
    [{ age: 30, ageBand: 'unknown' as const, role: 'witness' as const }, true],
  ])('%o ⇒ child: %s', (person, expected) => {
    expect(decideAge(person, []).treatedAsChild).toBe(expected)
  })

  it('treats an adult who seems younger than they say as a child', () => {
    const decision = decideAge({ age: 19, ageBand: 'adult', role: 'arrested' }, ['child-claims-older'])
    expect(decision.treatedAsChild).toBe(true)
    expect(decision.why).toMatch(/younger than they say/)
  })

  it('explains the decision in plain English', () => {
    expect(decideAge({ age: 17.9, role: 'witness' }, []).why).toBe('They are 17, which is under 18.')
    expect(decideAge({ role: 'witness' }, []).why).toMatch(/No age was recorded/)
    expect(decideAge({ age: 25, ageDisputed: true, role: 'witness' }, []).why).toMatch(/age assessment/)
    expect(decideAge({ age: 42, role: 'witness' }, []).why).toBe('They are 42, an adult.')
    expect(decideAge({ ageBand: 'adult', role: 'witness' }, []).why).toMatch(/appear to be an adult/)
  })
})
