import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'
import { Action, decideActions } from './actions.js'
import { decideAge } from './age.js'
import { CATALOGUE_VERSION } from './catalogue.js'
import { assessConcern, CONCERN_RULE, ConcernLevel, ConcernRule } from './concern.js'
import { analyseDimensions, DimensionAnalysis } from './dimension-analysis.js'
import type { AssessmentInput } from './encounter-input.js'
import { decidePathway, Pathway, pathwayTitles } from './pathway.js'
import { presentIndicators } from './present-indicators.js'
import { indicatorReasons, Reason } from './reasons.js'
import { SuggestedType, suggestTypes } from './suggested-types.js'

/** Bump whenever a rule, threshold or action text changes; each stored assessment records it (§9 item 7). */
export const RULES_VERSION = '2026-11-28.1'

// indicators.md §8.1: the engine gives signs, reasons and actions, never "victim / not victim".
export const ASSESSMENT_DISCLAIMER =
  'This is not a decision on whether the person is a victim. Only the NRM decision-makers and the courts decide ' +
  'that. It lists the signs you recorded, what they may mean and what you need to do next.'

export const Assessment = z
  .object({
    catalogueVersion: z.string(),
    rulesVersion: z.string(),
    pathway: Pathway.describe('The referral route the rules lead to'),
    pathwayTitle: z.string(),
    pathwayWhy: z.string(),
    pathwaySource: SourceRef,
    concern: ConcernLevel.describe('How strongly the recorded signs point to exploitation; see concernRule'),
    concernWhy: z.array(z.string()),
    concernRule: ConcernRule,
    treatedAsChild: z.boolean(),
    treatedAsChildWhy: z.string(),
    actions: z.array(Action).describe('What the officer must or should do, most urgent first'),
    types: z.array(SuggestedType).describe('Exploitation types suggested by type-specific signs'),
    reasons: z.array(Reason).describe('One plain-English reason per recorded sign'),
    dimensions: DimensionAnalysis.describe('Research classification only: not a legal test or referral threshold'),
    // indicators.md §8.2: even with no signs recorded, the officer may refer.
    canStillRefer: z.literal(true).describe('Always true: the engine never blocks a referral'),
    disclaimer: z.string(),
  })
  .meta({
    title: 'Lantern screening assessment',
    description: 'What the recorded signs may mean and what the officer must do next, with reasons.',
  })
export type Assessment = z.infer<typeof Assessment>

/** Pure and total: never throws on input that passed the AssessmentInput schema. */
export function assess(input: AssessmentInput): Assessment {
  const present = presentIndicators(input.indicators)
  const age = decideAge(
    input.person,
    present.map((p) => p.indicator.id),
  )
  const profile = age.treatedAsChild ? 'child' : 'adult'
  const hasIndicators = present.length > 0
  const concern = assessConcern(present, profile, input.immediateRisk)
  const pathway = decidePathway(age.treatedAsChild, hasIndicators, input.consent)
  const actions = decideActions({
    pathway: pathway.pathway,
    treatedAsChild: age.treatedAsChild,
    hasIndicators,
    immediateRisk: input.immediateRisk,
    role: input.person.role,
    // law-and-process.md §9 item 15; indicators.md §8.3: an interpreter not known to be independent is a risk.
    interpreterNotIndependent: input.interpreter?.used === true && input.interpreter.independent !== true,
  })
  return {
    catalogueVersion: CATALOGUE_VERSION,
    rulesVersion: RULES_VERSION,
    pathway: pathway.pathway,
    pathwayTitle: pathwayTitles[pathway.pathway],
    pathwayWhy: pathway.why,
    pathwaySource: pathway.source,
    concern: concern.level,
    concernWhy: concern.why,
    concernRule: CONCERN_RULE,
    treatedAsChild: age.treatedAsChild,
    treatedAsChildWhy: age.why,
    actions,
    types: suggestTypes(present),
    reasons: indicatorReasons(present, profile),
    dimensions: analyseDimensions(present, profile),
    canStillRefer: true,
    disclaimer: ASSESSMENT_DISCLAIMER,
  }
}
