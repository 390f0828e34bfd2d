// The Identify capability's domain API: indicator catalogue, encounter input, assessment engine, JSON Schemas.
export { Action, ActionCode, actionCodes } from './actions.js'
export { AGE_DISPUTE_INDICATORS } from './age.js'
export { ASSESSMENT_DISCLAIMER, Assessment, assess, RULES_VERSION } from './assessment.js'
export { CATALOGUE_VERSION, indicatorById, indicatorIds, indicators } from './catalogue.js'
export { CatalogueSummaryItem, catalogueSummary } from './catalogue-summary.js'
export { CONCERN_RULE, ConcernLevel, concernRank } from './concern.js'
export { DELPHI_GRADES_SOURCE, delphiDimensions, Grade } from './delphi.js'
export { DIMENSIONS_LABEL, DimensionAnalysis } from './dimension-analysis.js'
export {
  AgeBand,
  AssessmentInput,
  Consent,
  Interpreter,
  ObservedIndicator,
  Person,
  PersonRole,
  PlaceType,
  Provenance,
  placeTypes,
  provenances,
} from './encounter-input.js'
export { formatIssues, formatPath } from './format-issues.js'
export {
  ILO_FORCED_LABOUR_SOURCE,
  IloForcedLabourKey,
  iloForcedLabourKeys,
  iloForcedLabourTitles,
} from './ilo-forced-labour.js'
export { AppliesTo, Indicator } from './indicator.js'
export { assessmentJsonSchemaFiles } from './json-schemas.js'
export { Pathway, pathwayTitles } from './pathway.js'
export { Reason } from './reasons.js'
export { SuggestedType } from './suggested-types.js'
export { Theme, ThemeId, themeById, themes } from './themes.js'
