export { AgeStatus, ageInYears, ageStatusLabels, isTreatedAsChild } from './age-status.js'
export type { Clock } from './clock.js'
export { todayOf } from './clock.js'
export {
  applyConsentEvent,
  ConsentConversation,
  ConsentEvent,
  ConsentState,
  ConsentStatus,
  hasCurrentConsent,
  Interpreter,
  isNotConsenting,
  NO_CONSENT_ASKED,
  reduceConsent,
} from './consent.js'
export {
  AviEvidence,
  AviEvidenceKind,
  Cancellation,
  CancellationRequest,
  CRIME_TASK_TRANSITIONS,
  CrimeRecorded,
  CrimeRecordingTrigger,
  CrimeRecordTask,
  CrimeTaskEvent,
  CrimeTaskStatus,
  crimeRecordingTriggerFor,
  crimeTaskTransition,
  crimeToRecordTask,
  isCrimeTaskOverdue,
} from './crime-recording.js'
export {
  CG_OUTCOMES_SOURCE,
  CgDecision,
  CgOutcome,
  cgOutcomeLabels,
  RgDecision,
  RgOutcome,
  validateCgDecision,
  validateRgDecision,
} from './decisions.js'
export {
  AnonymousDutyToNotifyReport,
  anonymiseDutyToNotify,
  DutyToNotifyReport,
  IdentifiedDutyToNotifyReport,
  identifyingFields,
  validateDutyToNotify,
} from './duty-to-notify.js'
export {
  checkReferralAllowed,
  decideReferral,
  NextStep,
  nextStepLabels,
  ReferralDecision,
  ReferralOption,
  ReferralSituation,
} from './eligibility.js'
export { ExploitationDetails, ExploitationLocation, ExploitationPeriod, Exploiter } from './exploitation.js'
export { FirstResponder, ForceId } from './first-responder.js'
export { HOCR_CLASSIFICATIONS, HocrClassification, hocrClassification } from './hocr-classifications.js'
export {
  allowedEvents,
  draftReferral,
  LEGAL_TRANSITIONS,
  Reconsideration,
  RecoveryPeriod,
  ReferralEvent,
  type ReferralEventInput,
  ReferralState,
  ReferralStatus,
  receivedReferral,
  referralEventTypes,
  referralStatusLabels,
  rgTargetFor,
  Transfer,
  transition,
} from './lifecycle.js'
export {
  AdultConsentRecord,
  AgenciesInvolved,
  NeedsAndRisks,
  NRM_FORM_SECTIONS,
  NRM_FORM_STRUCTURE_SOURCE,
  NrmReferral,
  SupportRequested,
  validateNrmReferral,
} from './nrm-referral.js'
export { ContactDetails, Dependant, Gender, PersonDetails } from './person.js'
export {
  crimeRecordingDeadline,
  placeOfSafetyLatestEnd,
  ReferralDeadline,
  ReferralTimeDeadline,
  recoveryPeriodEnd,
  rgTargetDeadline,
  shouldChaseRg,
} from './referral-deadlines.js'
export { isNrm, ReferralKind, referralKindLabels } from './referral-kind.js'
export type { Accepted, Refusal, Result } from './result.js'
export { REFERRAL_RULE_SETS, ReferralRuleSet, ReferralRulesConfig, rulesAt } from './rules.js'
export { SafeguardingReferral } from './safeguarding-referral.js'
export {
  ContactChannel,
  ContactPreferences,
  EmergencyAccommodationReason,
  IctgService,
  MSVCC_ITEMS,
  MsvccItem,
  SupportRecord,
  SupportResponse,
  validateSupport,
} from './support.js'
export type { Issue, Validated } from './validation.js'
