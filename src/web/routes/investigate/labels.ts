import type { suspectPursuits, VictimContactStatus } from '../../../domain/investigation/closure.js'
import type { courtResults, cpsDecisions, disposals } from '../../../domain/investigation/outcomes.js'
import type { orderConsiderationDecisions } from '../../../domain/investigation/prevention-order-consideration.js'
import type { InvestigationStatus } from '../../../domain/investigation/status.js'

export const statusTagClasses: Record<InvestigationStatus, string> = {
  open: 'govuk-tag--blue',
  'under-review': 'govuk-tag--purple',
  'closure-requested': 'govuk-tag--yellow',
  'closure-held-for-second-review': 'govuk-tag--orange',
  closed: 'govuk-tag--grey',
  reopened: 'govuk-tag--turquoise',
}

export const victimContactLabels: Record<VictimContactStatus, string> = {
  engaged: 'Engaged with the investigation',
  disengaged: 'Disengaged',
  'not-contactable': 'Cannot be contacted',
  'declined-contact': 'Declined contact',
  'no-identified-victim': 'No identified victim',
}

export const contactMethodLabels = {
  'in-person': 'In person',
  phone: 'Phone',
  video: 'Video call',
  'through-support-worker': 'Through their support worker',
  'attempted-no-answer': 'Tried, no answer',
} as const

export const interpreterLabels = {
  none: 'No interpreter',
  independent: 'Independent interpreter',
  'not-independent': 'Interpreter not independent (for example a friend or someone linked to the case)',
} as const

export const pursuitLabels: Record<(typeof suspectPursuits)[number], string> = {
  charged: 'Charged',
  'reported-to-cps': 'Reported to the CPS for a charging decision',
  'no-further-action-after-enquiries': 'No further action after enquiries',
  eliminated: 'Eliminated from the enquiry',
  'circulated-as-wanted': 'Circulated as wanted',
  transferred: 'Transferred to another force or agency',
  'not-pursued': 'Not pursued yet',
}

export const considerationDecisionLabels: Record<(typeof orderConsiderationDecisions)[number], string> = {
  'seek-stpo': 'Seek a Slavery and Trafficking Prevention Order (STPO)',
  'seek-stro': 'Seek a Slavery and Trafficking Risk Order (STRO)',
  'seek-interim-order': 'Seek an interim order',
  'order-already-in-place': 'An order is already in place',
  'not-appropriate': 'Not appropriate',
}

export const cpsDecisionLabels: Record<(typeof cpsDecisions)[number], string> = {
  charge: 'Charge',
  'no-further-action-evidential': 'No further action: evidential test not met',
  'no-further-action-public-interest': 'No further action: not in the public interest',
  'further-evidence-required': 'Further evidence required',
  'out-of-court-disposal': 'Out of court disposal',
}

export const courtResultLabels: Record<(typeof courtResults)[number], string> = {
  'convicted-guilty-plea': 'Convicted on a guilty plea',
  'convicted-after-trial': 'Convicted after trial',
  'not-guilty-by-reason-of-insanity': 'Not guilty by reason of insanity',
  'found-to-have-done-the-act-under-disability': 'Found under a disability to have done the act',
  acquitted: 'Acquitted',
  discontinued: 'Discontinued',
  'left-on-file': 'Left on file',
}

export const disposalLabels: Record<(typeof disposals)[number], string> = {
  'immediate-custody': 'Immediate custody',
  'suspended-sentence': 'Suspended sentence',
  'detention-and-training-order': 'Detention and training order',
  'hospital-order': 'Hospital order',
  'community-order': 'Community order',
  'youth-rehabilitation-order': 'Youth rehabilitation order',
  'referral-order': 'Referral order',
  fine: 'Fine',
  'conditional-discharge': 'Conditional discharge',
  'absolute-discharge': 'Absolute discharge',
}

export const ancillaryOrderLabels = {
  stpo: 'Slavery and Trafficking Prevention Order',
  confiscation: 'Confiscation order',
  compensation: 'Compensation order',
  'restraining-order': 'Restraining order',
  other: 'Other',
} as const

export const courtTypeLabels = {
  magistrates: 'Magistrates’ court',
  youth: 'Youth court',
  crown: 'Crown Court',
} as const

export function itemsOf<K extends string>(labels: Record<K, string>): { value: K; text: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, text: labels[value] }))
}
