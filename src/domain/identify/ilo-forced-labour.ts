import { z } from 'zod'
import type { SourceRef } from '../shared/vocabulary.js'

// The ILO's 11 indicators of forced labour (SAP-FL, 2012), unweighted; the ILO says one can sometimes be
// enough (indicators.md §3, CONFIRMED). The keys are stable: other capabilities and integrations use them.
export const iloForcedLabourKeys = [
  'ilo-fl:abuse-of-vulnerability',
  'ilo-fl:deception',
  'ilo-fl:restriction-of-movement',
  'ilo-fl:isolation',
  'ilo-fl:physical-sexual-violence',
  'ilo-fl:intimidation-threats',
  'ilo-fl:retention-of-documents',
  'ilo-fl:withholding-wages',
  'ilo-fl:debt-bondage',
  'ilo-fl:abusive-conditions',
  'ilo-fl:excessive-overtime',
] as const
export const IloForcedLabourKey = z.enum(iloForcedLabourKeys)
export type IloForcedLabourKey = z.infer<typeof IloForcedLabourKey>

export const iloForcedLabourTitles: Record<IloForcedLabourKey, string> = {
  'ilo-fl:abuse-of-vulnerability': 'Abuse of vulnerability',
  'ilo-fl:deception': 'Deception',
  'ilo-fl:restriction-of-movement': 'Restriction of movement',
  'ilo-fl:isolation': 'Isolation',
  'ilo-fl:physical-sexual-violence': 'Physical and sexual violence',
  'ilo-fl:intimidation-threats': 'Intimidation and threats',
  'ilo-fl:retention-of-documents': 'Retention of identity documents',
  'ilo-fl:withholding-wages': 'Withholding of wages',
  'ilo-fl:debt-bondage': 'Debt bondage',
  'ilo-fl:abusive-conditions': 'Abusive working and living conditions',
  'ilo-fl:excessive-overtime': 'Excessive overtime',
}

export const ILO_FORCED_LABOUR_SOURCE: SourceRef = {
  ref: 'indicators.md §3',
  url: 'https://respect.international/indicators-of-forced-labour/',
  confidence: 'CONFIRMED',
}
