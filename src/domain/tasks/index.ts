export { type DueDescription, describeDue } from './due.js'
export { taskHref } from './href.js'
export {
  ExploitationLocationKind,
  exploitationLocationLabels,
  ReceivedReferralInput,
  receivedAtProblem,
} from './received-referral.js'
export { TaskKind, TaskStatus, taskKindLabels, taskKinds } from './task-kind.js'
