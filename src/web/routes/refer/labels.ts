import {
  cgOutcomeLabels,
  MSVCC_ITEMS,
  referralKindLabels,
  referralStatusLabels,
} from '../../../domain/referral/index.js'

export const msvccLabels = new Map<string, string>(MSVCC_ITEMS.map((i) => [i.id, i.label]))
export const msvccItems = MSVCC_ITEMS.map((i) => ({ value: i.id, text: i.label }))
export const cgItems = Object.entries(cgOutcomeLabels).map(([value, text]) => ({ value, text }))
export const statusItems = Object.entries(referralStatusLabels).map(([value, text]) => ({ value, text }))
export const kindItems = Object.entries(referralKindLabels).map(([value, text]) => ({ value, text }))
export const emergencyReasonItems = [
  { value: 'destitute', text: 'They are destitute now' },
  { value: 'destitute-within-two-weeks', text: 'They will be destitute within two weeks' },
  { value: 'no-safe-housing', text: 'They cannot otherwise get safe housing' },
]
export const methodItems = [
  { value: 'phone', text: 'Phone' },
  { value: 'email', text: 'Email' },
  { value: 'online-form', text: 'Online form' },
  { value: 'in-person', text: 'In person' },
]
export const interpreterItems = [
  { value: 'none', text: 'No interpreter' },
  { value: 'independent', text: 'A professional interpreter with no link to anyone with the person' },
  {
    value: 'not-independent',
    text: 'An interpreter who may not be independent (for example someone who came with them)',
  },
]
