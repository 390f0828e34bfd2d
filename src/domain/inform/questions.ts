import { z } from 'zod'
import { type QuestionId, questionIds } from './content-schema.js'

// Private yes/no questions the person answers alone on the device, after Apprise (indicators.md §5.2,
// CONFIRMED: pre-translated yes/no questions answered privately). A 'yes' adds the mapped catalogue
// indicators with provenance 'disclosed'; 'no' and 'prefer not to say' add nothing and never count against
// the person (indicators.md §8.3: disclosure must never be required). Apprise has no published validation
// (indicators.md §5.2), so these answers are indicators for the officer to consider, not a score.

export const Answer = z.enum(['yes', 'no', 'prefer-not-to-say'])
export type Answer = z.infer<typeof Answer>

export const Answers = z.partialRecord(z.enum(questionIds), Answer)
export type Answers = z.infer<typeof Answers>

export type PrivateQuestion = {
  id: QuestionId
  /** Catalogue indicator ids (src/domain/identify) added when the answer is yes. */
  indicatorIds: readonly string[]
}

// The question text is in content/<code>.json under `questions`. Indicator groups: indicators.md §2.2–§2.4.
export const PRIVATE_QUESTIONS: readonly PrivateQuestion[] = [
  { id: 'documents', indicatorIds: ['gen-documents-held'] },
  { id: 'debt', indicatorIds: ['gen-debt'] },
  { id: 'notFreeToLeave', indicatorIds: ['gen-not-free-to-leave'] },
  { id: 'threats', indicatorIds: ['gen-threats'] },
  { id: 'violence', indicatorIds: ['gen-violence'] },
  { id: 'pay', indicatorIds: ['gen-wages-withheld'] },
  { id: 'hours', indicatorIds: ['gen-excessive-hours'] },
  { id: 'deceived', indicatorIds: ['gen-deceived-about-work'] },
  { id: 'fearOfAuthorities', indicatorIds: ['gen-fear-of-authorities'] },
  { id: 'livesAtWork', indicatorIds: ['gen-lives-at-workplace'] },
  { id: 'forcedCrime', indicatorIds: ['crim-forced-to-commit-crime'] },
  { id: 'sexualServices', indicatorIds: ['sex-forced-sexual-services'] },
]

export type DisclosedIndicator = {
  indicatorId: string
  /** The question whose 'yes' disclosed it (the first, if several did). */
  questionId: QuestionId
  provenance: 'disclosed'
}

/** The indicators disclosed by the answers, once each, in question order. */
export function indicatorsFromAnswers(
  answers: Answers,
  questions: readonly PrivateQuestion[] = PRIVATE_QUESTIONS,
): DisclosedIndicator[] {
  const seen = new Set<string>()
  const disclosed: DisclosedIndicator[] = []
  for (const question of questions) {
    if (answers[question.id] !== 'yes') continue
    for (const indicatorId of question.indicatorIds) {
      if (seen.has(indicatorId)) continue
      seen.add(indicatorId)
      disclosed.push({ indicatorId, questionId: question.id, provenance: 'disclosed' })
    }
  }
  return disclosed
}
