import { describe, expect, it } from 'vitest'
import { Assessment, assess, RULES_VERSION } from './assessment.js'
import { CATALOGUE_VERSION } from './catalogue.js'
import { concernRank } from './concern.js'
import { encounter, signs } from './test-encounter.js'

const codes = (a: Assessment) => a.actions.map((x) => x.code)
const adult = { age: 30, role: 'potential-victim' as const }
const child = { age: 15, role: 'potential-victim' as const }

describe('assess: pathway', () => {
  it('sends a child with any sign to nrm-child, safeguarding first, whatever the consent answer', () => {
    for (const consent of ['given', 'declined', 'not-asked'] as const) {
      const a = assess(encounter({ person: child, consent, indicators: signs(['cl-multiple-phones']) }))
      expect(a.pathway).toBe('nrm-child')
      expect(a.treatedAsChild).toBe(true)
      expect(codes(a)).toEqual(['safeguard-child', 'inform-rights', 'refer-nrm', 'record-crime', 'submit-intelligence'])
      expect(codes(a)).not.toContain('notify-dtn')
      expect(codes(a)).not.toContain('ask-consent')
    }
  })

  it('treats unknown, disputed and unrecorded ages as a child', () => {
    const people = [
      { ageBand: 'unknown' as const, role: 'witness' as const },
      { age: 22, ageDisputed: true, role: 'witness' as const },
      { role: 'witness' as const },
    ]
    for (const person of people) {
      const a = assess(encounter({ person, consent: 'declined', indicators: signs(['gen-debt']) }))
      expect(a.pathway).toBe('nrm-child')
      expect(codes(a)).not.toContain('notify-dtn')
    }
  })

  it('routes an adult by consent: given ⇒ nrm-adult, declined ⇒ duty-to-notify, not asked ⇒ ask-consent', () => {
    const withSigns = (consent: 'given' | 'declined' | 'not-asked') =>
      assess(encounter({ person: adult, consent, indicators: signs(['gen-debt']) }))

    const given = withSigns('given')
    expect(given.pathway).toBe('nrm-adult')
    expect(codes(given)).toEqual(['inform-rights', 'refer-nrm', 'record-crime', 'submit-intelligence'])

    const declined = withSigns('declined')
    expect(declined.pathway).toBe('duty-to-notify')
    expect(codes(declined)).toEqual(['inform-rights', 'notify-dtn', 'record-crime', 'submit-intelligence'])
    expect(declined.actions.find((x) => x.code === 'notify-dtn')?.why).toMatch(/Leave out their name/)

    const notAsked = withSigns('not-asked')
    expect(notAsked.pathway).toBe('ask-consent')
    expect(codes(notAsked)).toEqual(['inform-rights', 'ask-consent', 'record-crime', 'submit-intelligence'])
    expect(notAsked.actions.find((x) => x.code === 'inform-rights')?.mandatory).toBe(true)
  })

  it('gives no-indicators with concern none when nothing is recorded, and never blocks a referral', () => {
    const a = assess(encounter({ person: adult, consent: 'given' }))
    expect(a.pathway).toBe('no-indicators')
    expect(a.concern).toBe('none')
    expect(a.actions).toEqual([])
    expect(a.types).toEqual([])
    expect(a.reasons).toEqual([])
    expect(a.canStillRefer).toBe(true)
    expect(a.pathwayWhy).toMatch(/still refer/)
  })

  it('keeps no-indicators but raises the concern and makes safe when there is an immediate risk', () => {
    const a = assess(encounter({ person: adult, immediateRisk: true }))
    expect(a.pathway).toBe('no-indicators')
    expect(a.concern).toBe('high')
    expect(codes(a)).toEqual(['make-safe'])

    const c = assess(encounter({ person: child, immediateRisk: true }))
    expect(codes(c)).toEqual(['make-safe', 'safeguard-child'])
  })
})

describe('assess: actions', () => {
  it('puts make-safe first and safeguard-child before refer-nrm', () => {
    const a = assess(
      encounter({ person: { ...child, role: 'arrested' }, immediateRisk: true, indicators: signs(['gen-violence']) }),
    )
    expect(codes(a)).toEqual([
      'make-safe',
      'safeguard-child',
      'inform-rights',
      'refer-nrm',
      's45-flag',
      'record-crime',
      'submit-intelligence',
    ])
    expect(a.actions.every((x) => x.title.length > 0 && x.why.length > 0 && x.source.ref.length > 0)).toBe(true)
  })

  it('adds s45-flag for a suspect or arrested person with signs, and not for victims, witnesses or no signs', () => {
    for (const role of ['suspect', 'arrested'] as const) {
      const a = assess(encounter({ person: { age: 30, role }, indicators: signs(['crim-forced-to-commit-crime']) }))
      expect(codes(a)).toContain('s45-flag')
      expect(a.actions.find((x) => x.code === 's45-flag')?.mandatory).toBe(true)
      expect(codes(assess(encounter({ person: { age: 30, role } })))).not.toContain('s45-flag')
    }
    for (const role of ['potential-victim', 'witness'] as const) {
      const a = assess(encounter({ person: { age: 30, role }, indicators: signs(['crim-forced-to-commit-crime']) }))
      expect(codes(a)).not.toContain('s45-flag')
    }
  })

  it('asks for an independent interpreter when the interpreter used is not independent or not known to be', () => {
    const withInterpreter = (interpreter: { used: boolean; independent?: boolean }) =>
      codes(assess(encounter({ person: adult, interpreter, indicators: signs(['gen-debt']) })))
    expect(withInterpreter({ used: true, independent: false })).toContain('independent-interpreter')
    expect(withInterpreter({ used: true })).toContain('independent-interpreter')
    expect(withInterpreter({ used: true, independent: true })).not.toContain('independent-interpreter')
    expect(withInterpreter({ used: false })).not.toContain('independent-interpreter')
    // Even with no signs: signs may not have come out through a companion interpreting.
    expect(codes(assess(encounter({ person: adult, interpreter: { used: true, independent: false } })))).toEqual([
      'independent-interpreter',
    ])
  })

  it('makes the crime record mandatory only once there is an NRM referral', () => {
    const given = assess(encounter({ person: adult, consent: 'given', indicators: signs(['gen-debt']) }))
    expect(given.actions.find((x) => x.code === 'record-crime')?.mandatory).toBe(true)
    const declined = assess(encounter({ person: adult, consent: 'declined', indicators: signs(['gen-debt']) }))
    expect(declined.actions.find((x) => x.code === 'record-crime')?.mandatory).toBe(false)
  })
})

describe('assess: explanation', () => {
  it('returns a schema-valid assessment with versions, reasons, types and the labelled dimension analysis', () => {
    const a = assess(
      encounter({
        person: adult,
        consent: 'given',
        indicators: [
          { id: 'sex-forced-sexual-services', provenance: 'disclosed' },
          { id: 'sex-pop-up-brothel', provenance: 'observed' },
          { id: 'gen-documents-held', provenance: 'reported' },
          { id: 'gen-documents-held', provenance: 'disclosed' },
        ],
      }),
    )
    expect(Assessment.parse(a)).toEqual(a)
    expect(a.catalogueVersion).toBe(CATALOGUE_VERSION)
    expect(a.rulesVersion).toBe(RULES_VERSION)
    expect(a.concern).toBe('high')
    expect(a.types).toEqual([
      {
        type: 'sexual',
        label: 'Sexual exploitation',
        indicators: ['sex-forced-sexual-services', 'sex-pop-up-brothel'],
      },
    ])
    expect(a.reasons).toHaveLength(3)
    const documents = a.reasons.find((r) => r.indicators[0]?.id === 'gen-documents-held')
    expect(documents?.indicators[0]?.provenance).toEqual(['reported', 'disclosed'])
    expect(documents?.text).toBe(
      'Someone else holds their passport or ID (someone else reported it and they told you). Research grouping: ' +
        'coercion at destination; research grade for adults: strong (secondary source, not yet checked).',
    )
    expect(documents?.dimension).toBe('Coercion at destination')
    expect(a.dimensions.label).toMatch(/not a legal test/)
    expect(a.disclaimer).toMatch(/not a decision on whether the person is a victim/)
    expect(JSON.stringify(a)).not.toMatch(/"victim":/)
  })

  it('suggests no type from signs that fit every type', () => {
    const a = assess(encounter({ person: adult, indicators: signs(['gen-debt', 'gen-documents-held']) }))
    expect(a.types).toEqual([])
  })

  it('orders suggested types by the number of specific signs, then in the NRM category order', () => {
    const a = assess(
      encounter({
        person: adult,
        indicators: signs(['cl-multiple-phones', 'cl-carrying-weapon', 'cl-hotel-keys', 'lab-no-records']),
      }),
    )
    expect(a.types.map((t) => t.type)).toEqual(['criminal', 'labour', 'sexual'])
    expect(a.types[0]?.indicators).toEqual(['cl-multiple-phones', 'cl-carrying-weapon', 'cl-hotel-keys'])
  })
})

// indicators.md §8.3: none of these may be required, or count against the person.
describe('assess: what must never be required or held against the person', () => {
  const base = encounter({ person: adult, consent: 'given', indicators: signs(['gen-debt', 'gen-wages-withheld']) })
  const before = assess(base)

  it('does not lower concern or leave the referral route for signs that look like "doubts"', () => {
    const doubts = [
      'gen-inconsistent-account',
      'gen-does-not-see-self-as-victim',
      'gen-few-possessions',
      'crim-forced-to-commit-crime',
      'child-calm-or-loyal-to-adults',
      'psych-attached-to-controller',
    ]
    for (const id of doubts) {
      const after = assess({ ...base, indicators: [...base.indicators, { id, provenance: 'observed' }] })
      expect(concernRank[after.concern], id).toBeGreaterThanOrEqual(concernRank[before.concern])
      expect(after.pathway, id).toBe('nrm-adult')
    }
  })

  it('gives a suspect or arrested person the same concern and pathway as a potential victim', () => {
    for (const role of ['witness', 'suspect', 'arrested'] as const) {
      const after = assess({ ...base, person: { ...adult, role } })
      expect(after.concern).toBe(before.concern)
      expect(after.pathway).toBe(before.pathway)
      expect(after.reasons).toEqual(before.reasons)
    }
  })

  it('refers on fear alone behind an unlocked door, without confinement, movement or documents', () => {
    const a = assess(
      encounter({
        person: { age: 24, ageBand: 'adult', role: 'potential-victim' },
        consent: 'given',
        placeType: 'private-home',
        indicators: signs(['gen-not-free-to-leave', 'gen-fear-of-authorities'], 'disclosed'),
      }),
    )
    expect(a.pathway).toBe('nrm-adult')
    expect(a.concern).toBe('high')
  })

  it('refers a UK child in county lines: no nationality, border crossing or self-identification needed', () => {
    const a = assess(
      encounter({
        person: { age: 15, role: 'arrested', language: 'English' },
        placeType: 'transport-hub',
        consent: 'declined',
        indicators: signs(['cl-multiple-phones', 'cl-far-from-home']),
      }),
    )
    expect(a.pathway).toBe('nrm-child')
    expect(codes(a)).toEqual([
      'safeguard-child',
      'inform-rights',
      'refer-nrm',
      's45-flag',
      'record-crime',
      'submit-intelligence',
    ])
    expect(a.types.map((t) => t.type)).toEqual(['criminal', 'sexual'])
  })

  it('ignores the free-text account and the language: an inconsistent or missing account changes nothing', () => {
    const withAccount = assess({ ...base, account: 'Said first he came by plane, then by lorry. Says he is fine.' })
    const withLanguage = assess({ ...base, person: { ...adult, language: 'Tigrinya' } })
    expect(withAccount).toEqual(before)
    expect(withLanguage).toEqual(before)
  })
})
