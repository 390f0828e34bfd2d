import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indicatorById } from '../identify/catalogue.js'
import { questionIds } from './content-schema.js'
import { Answer, type Answers, indicatorsFromAnswers, PRIVATE_QUESTIONS, type PrivateQuestion } from './questions.js'

describe('indicatorsFromAnswers', () => {
  it('adds the mapped indicator with provenance disclosed for a yes', () => {
    expect(indicatorsFromAnswers({ documents: 'yes' })).toEqual([
      { indicatorId: 'gen-documents-held', questionId: 'documents', provenance: 'disclosed' },
    ])
  })

  it('adds nothing for no or prefer-not-to-say, whatever the question', () => {
    const allNo = Object.fromEntries(questionIds.map((id) => [id, 'no']))
    const allDeclined = Object.fromEntries(questionIds.map((id) => [id, 'prefer-not-to-say']))
    expect(indicatorsFromAnswers(allNo)).toEqual([])
    expect(indicatorsFromAnswers(allDeclined)).toEqual([])
    expect(indicatorsFromAnswers({})).toEqual([])
  })

  it('keeps question order, not the order the answers were given in', () => {
    const answers: Answers = { sexualServices: 'yes', debt: 'yes', threats: 'no', forcedCrime: 'yes' }
    expect(indicatorsFromAnswers(answers).map((d) => d.indicatorId)).toEqual([
      'gen-debt',
      'crim-forced-to-commit-crime',
      'sex-forced-sexual-services',
    ])
  })

  it('lists an indicator that two questions map to once, under the first question', () => {
    const questions: PrivateQuestion[] = [
      { id: 'threats', indicatorIds: ['gen-threats'] },
      { id: 'violence', indicatorIds: ['gen-violence', 'gen-threats'] },
    ]
    expect(indicatorsFromAnswers({ threats: 'yes', violence: 'yes' }, questions)).toEqual([
      { indicatorId: 'gen-threats', questionId: 'threats', provenance: 'disclosed' },
      { indicatorId: 'gen-violence', questionId: 'violence', provenance: 'disclosed' },
    ])
  })

  it('adds exactly the indicators of the questions answered yes, each once (property)', () => {
    const answersArb = fc.dictionary(fc.constantFrom(...questionIds), fc.constantFrom(...Answer.options))
    fc.assert(
      fc.property(answersArb, (answers) => {
        const disclosed = indicatorsFromAnswers(answers)
        const ids = disclosed.map((d) => d.indicatorId)
        const expected = PRIVATE_QUESTIONS.filter((q) => answers[q.id] === 'yes').flatMap((q) => q.indicatorIds)
        expect(new Set(ids)).toEqual(new Set(expected))
        expect(ids.length).toBe(new Set(ids).size)
        for (const d of disclosed) {
          expect(answers[d.questionId]).toBe('yes')
          expect(d.provenance).toBe('disclosed')
        }
      }),
    )
  })
})

describe('PRIVATE_QUESTIONS', () => {
  it('has one entry per question id, each mapping to at least one indicator', () => {
    expect(PRIVATE_QUESTIONS.map((q) => q.id)).toEqual([...questionIds])
    for (const q of PRIVATE_QUESTIONS) expect(q.indicatorIds.length, q.id).toBeGreaterThan(0)
  })

  it('uses only indicator ids that exist in the catalogue', () => {
    const unknown = PRIVATE_QUESTIONS.flatMap((q) =>
      q.indicatorIds.filter((id) => indicatorById(id) === undefined).map((id) => `${q.id}: ${id}`),
    )
    expect(unknown).toEqual([])
  })
})
