import { describe, expect, it } from 'vitest'
import type { ActionCode } from './actions.js'
import { assess } from './assessment.js'
import type { ConcernLevel } from './concern.js'
import type { AssessmentInput } from './encounter-input.js'
import type { Pathway } from './pathway.js'

// The published cases of indicators.md §6, each modelled as the encounter a first responder would have had: the
// moment police found or arrested the person. Facts come from the notes; where the notes do not give the
// exploitation facts (MK, Gega, AAD, AAH), the signs are the ones the appeal relied on and are marked as assumed.
// Every case must be identified and referred whatever the later legal outcome: the engine never predicts one (§6.2).

type PublishedCase = {
  name: string
  source: string
  facts: string
  input: AssessmentInput
  pathway: Pathway
  actions: ActionCode[]
  concern: ConcernLevel
}

const at = '2026-11-28T09:15:00Z'

const cases: PublishedCase[] = [
  {
    name: 'THN (R v L(C), HVN, THN, T [2013] EWCA Crim 991)',
    source: 'indicators.md §6.1 (SECONDARY case brief)',
    facts:
      '17-year-old boy found in the traffickers’ cannabis business after being brought to the UK in a freezer ' +
      'container and forced to work; convicted of producing cannabis; conviction quashed.',
    input: {
      person: { age: 17, role: 'arrested', language: 'Vietnamese' },
      indicators: [
        { id: 'can-found-in-grow', provenance: 'observed' },
        { id: 'gen-travel-arranged-by-others', provenance: 'disclosed' },
        { id: 'crim-forced-to-commit-crime', provenance: 'disclosed' },
      ],
      consent: 'not-asked',
      immediateRisk: false,
      placeType: 'cannabis-grow',
      occurredAt: at,
    },
    pathway: 'nrm-child',
    actions: ['safeguard-child', 'inform-rights', 'refer-nrm', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'high',
  },
  {
    name: 'The Ugandan woman in R v L(C) [2013] EWCA Crim 991',
    source: 'indicators.md §6.1 (SECONDARY case brief)',
    facts:
      'Woman of 31 trafficked to the UK and forced into prostitution; after years of abuse her captors let her go ' +
      'with a forged passport they said was genuine; convicted of possessing a false identity document.',
    input: {
      person: { age: 31, role: 'arrested' },
      indicators: [
        { id: 'sex-forced-sexual-services', provenance: 'disclosed' },
        { id: 'gen-violence', provenance: 'disclosed' },
        { id: 'gen-travel-arranged-by-others', provenance: 'disclosed' },
      ],
      consent: 'given',
      immediateRisk: false,
      placeType: 'transport-hub',
      occurredAt: at,
    },
    pathway: 'nrm-adult',
    actions: ['inform-rights', 'refer-nrm', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'high',
  },
  {
    name: 'VCL (V.C.L. and A.N. v United Kingdom, ECtHR 2021)',
    source: 'indicators.md §6.3 (CONFIRMED)',
    facts:
      'Minor found when police executed a drugs warrant at a Cambridge house converted into a cannabis factory; ' +
      'smuggled in by his adoptive father and taken to the address by two men; did not know cannabis was illegal; ' +
      'pleaded guilty and was detained; the prosecution went ahead despite reasonable grounds.',
    input: {
      person: { ageBand: 'child', role: 'arrested', language: 'Vietnamese' },
      indicators: [
        { id: 'can-found-in-grow', provenance: 'observed' },
        { id: 'gen-travel-arranged-by-others', provenance: 'disclosed' },
        { id: 'can-did-not-know-illegal', provenance: 'disclosed' },
      ],
      // A child's answer to the consent question changes nothing (law-and-process.md §2.4).
      consent: 'declined',
      immediateRisk: false,
      placeType: 'cannabis-grow',
      occurredAt: at,
    },
    pathway: 'nrm-child',
    actions: ['safeguard-child', 'inform-rights', 'refer-nrm', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'medium',
  },
  {
    name: 'AN (V.C.L. and A.N. v United Kingdom, ECtHR 2021)',
    source: 'indicators.md §6.3 (CONFIRMED)',
    facts:
      'Found hiding with other Vietnamese children near a London cannabis factory; charged, pleaded guilty and was ' +
      'detained. At the scene the officers could not know the age.',
    input: {
      person: { ageBand: 'unknown', role: 'arrested' },
      indicators: [
        { id: 'can-hiding-near-grow', provenance: 'observed' },
        { id: 'gen-fear-of-authorities', provenance: 'observed' },
      ],
      consent: 'not-asked',
      immediateRisk: false,
      placeType: 'street-or-public-place',
      occurredAt: at,
    },
    pathway: 'nrm-child',
    actions: ['safeguard-child', 'inform-rights', 'refer-nrm', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'medium',
  },
  {
    name: 'MK (R v MK; R v Gega [2018] EWCA Crim 667)',
    source: 'indicators.md §6.4 (CONFIRMED; exploitation facts assumed)',
    facts:
      'Albanian woman convicted of conspiracy to supply cocaine and possessing an identity document with improper ' +
      'intention; relied on s45 at trial; conviction quashed. Assumed: she said she was made to do it.',
    input: {
      person: { ageBand: 'adult', role: 'arrested' },
      indicators: [{ id: 'crim-forced-to-commit-crime', provenance: 'disclosed' }],
      consent: 'not-asked',
      immediateRisk: false,
      placeType: 'roadside-or-vehicle',
      occurredAt: at,
    },
    pathway: 'ask-consent',
    actions: ['inform-rights', 'ask-consent', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'medium',
  },
  {
    name: 'Gega (R v MK; R v Gega [2018] EWCA Crim 667)',
    source: 'indicators.md §6.4 (CONFIRMED; exploitation facts assumed)',
    facts:
      'Albanian woman convicted of possessing a false identity document with improper intention; relied on s45; ' +
      'appeal dismissed. Assumed: she said she was threatened and made to use the document; she declined referral.',
    input: {
      person: { age: 27, role: 'suspect' },
      indicators: [
        { id: 'gen-threats', provenance: 'disclosed' },
        { id: 'crim-forced-to-commit-crime', provenance: 'disclosed' },
      ],
      consent: 'declined',
      immediateRisk: false,
      placeType: 'transport-hub',
      occurredAt: at,
    },
    pathway: 'duty-to-notify',
    actions: ['inform-rights', 'notify-dtn', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'medium',
  },
  {
    name: 'AAD (R v AAD, AAH, AAI [2022] EWCA Crim 106)',
    source: 'indicators.md §6.5 (CONFIRMED; age and exploitation facts assumed)',
    facts:
      'Convicted of producing cannabis after a guilty plea; s45 appeal; positive conclusive grounds decision after ' +
      'conviction. Nationality and age are not confirmed, so no age is recorded.',
    input: {
      person: { role: 'arrested' },
      indicators: [
        { id: 'can-found-in-grow', provenance: 'observed' },
        { id: 'crim-forced-to-commit-crime', provenance: 'disclosed' },
      ],
      consent: 'not-asked',
      immediateRisk: false,
      placeType: 'cannabis-grow',
      occurredAt: at,
    },
    pathway: 'nrm-child',
    actions: ['safeguard-child', 'inform-rights', 'refer-nrm', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'high',
  },
  {
    name: 'AAH (R v AAD, AAH, AAI [2022] EWCA Crim 106)',
    source: 'indicators.md §6.5 (CONFIRMED; exploitation facts assumed)',
    facts:
      'Convicted of possessing an identity document with improper intention after a guilty plea; her positive ' +
      'conclusive grounds decision came only after she overturned a negative one. Assumed: she said the people who ' +
      'brought her here gave her the document and made her use it.',
    input: {
      person: { ageBand: 'adult', role: 'arrested' },
      indicators: [
        { id: 'gen-travel-arranged-by-others', provenance: 'disclosed' },
        { id: 'crim-forced-to-commit-crime', provenance: 'disclosed' },
      ],
      consent: 'given',
      immediateRisk: false,
      placeType: 'custody',
      occurredAt: at,
    },
    pathway: 'nrm-adult',
    actions: ['inform-rights', 'refer-nrm', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'medium',
  },
  {
    name: 'R v S [2020] EWCA Crim 765',
    source: 'indicators.md §6.7 (CONFIRMED facts)',
    facts:
      'Vietnamese man caught escaping from a Blackpool house with 203 cannabis plants; brought in a lorry and told ' +
      'to stay five months as a "gardener" to pay for his passage; the doors were not locked but he was too afraid ' +
      'to leave and had nowhere to go. Positive reasonable grounds, negative conclusive grounds.',
    input: {
      person: { ageBand: 'adult', role: 'arrested' },
      indicators: [
        { id: 'can-hiding-near-grow', provenance: 'observed' },
        { id: 'can-sleeps-at-grow', provenance: 'observed' },
        { id: 'can-gardening-to-pay-debt', provenance: 'disclosed' },
        { id: 'gen-travel-arranged-by-others', provenance: 'disclosed' },
        { id: 'gen-not-free-to-leave', provenance: 'disclosed' },
        { id: 'gen-isolated', provenance: 'disclosed' },
      ],
      consent: 'not-asked',
      immediateRisk: false,
      placeType: 'cannabis-grow',
      occurredAt: at,
    },
    pathway: 'ask-consent',
    actions: ['inform-rights', 'ask-consent', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'high',
  },
  {
    name: 'AAB v R [2024] EWCA Crim 880',
    source: 'indicators.md §6.7 (SECONDARY case digest)',
    facts:
      'Vietnamese woman who pleaded guilty in 2007 to producing cannabis; later a positive conclusive grounds ' +
      'decision for forced criminality; conviction quashed; anonymity because of the risk of re-trafficking.',
    input: {
      person: { ageBand: 'adult', role: 'arrested' },
      indicators: [
        { id: 'can-found-in-grow', provenance: 'observed' },
        { id: 'crim-forced-to-commit-crime', provenance: 'disclosed' },
      ],
      consent: 'declined',
      immediateRisk: false,
      placeType: 'cannabis-grow',
      occurredAt: at,
    },
    pathway: 'duty-to-notify',
    actions: ['inform-rights', 'notify-dtn', 's45-flag', 'record-crime', 'submit-intelligence'],
    concern: 'medium',
  },
]

describe('published cases (indicators.md §6)', () => {
  it.each(cases)('$name', ({ input, pathway, actions, concern }) => {
    const result = assess(input)
    expect(result.pathway).toBe(pathway)
    expect(result.actions.map((a) => a.code)).toEqual(actions)
    expect(result.concern).toBe(concern)
    expect(result.types.map((t) => t.type)).toContain(
      input.indicators.some((i) => i.id.startsWith('sex-')) ? 'sexual' : 'criminal',
    )
  })

  it('covers the ten cases the notes give as test cases', () => {
    expect(cases).toHaveLength(10)
    for (const c of cases) expect(c.source).toMatch(/^indicators\.md §6\.\d/)
  })

  it('R v S: refers without physical confinement (the doors were not locked)', () => {
    const rvS = cases.find((c) => c.name.startsWith('R v S'))
    expect(rvS?.input.indicators.map((i) => i.id)).not.toContain('can-locked-in-or-guarded')
    expect(rvS && assess(rvS.input).concern).toBe('high')
  })

  it('VCL and AN: a child is referred and safeguarded whatever they answer, and before anything else', () => {
    for (const name of ['VCL', 'AN']) {
      const c = cases.find((x) => x.name.startsWith(name))
      const codes = c ? assess(c.input).actions.map((a) => a.code) : []
      expect(codes[0]).toBe('safeguard-child')
      expect(codes).not.toContain('notify-dtn')
      expect(codes).not.toContain('ask-consent')
    }
  })

  it('Gega and AAB: an adult who declines is still notified anonymously, and flagged for s45', () => {
    for (const name of ['Gega', 'AAB']) {
      const c = cases.find((x) => x.name.startsWith(name))
      const result = c ? assess(c.input) : undefined
      expect(result?.actions.find((a) => a.code === 'notify-dtn')?.why).toMatch(/Leave out their name/)
      expect(result?.actions.find((a) => a.code === 's45-flag')?.why).toMatch(
        /even if the person intends to plead guilty/,
      )
    }
  })
})
