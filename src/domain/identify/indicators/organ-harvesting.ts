import type { IndicatorEntry } from '../indicator.js'
import { organHarvesting } from '../sources.js'

const unconfirmedNote =
  'The statutory guidance’s own organ-harvesting indicators were not retrieved; this sign is provisional.'

export const organHarvestingIndicators: IndicatorEntry[] = [
  {
    id: 'org-surgical-scar',
    title: 'A surgical scar they cannot or will not explain',
    hint: 'For example a scar from having a kidney removed, with no medical records or explanation of the operation.',
    types: ['organ-harvesting'],
    appliesTo: 'both',
    refs: [],
    source: organHarvesting,
    sourceNote: unconfirmedNote,
  },
  {
    id: 'org-travel-for-treatment',
    title: 'Travelled, or is due to travel, for "medical treatment" arranged by others',
    hint: 'Someone else arranged travel, tests or a hospital stay for them, often abroad, and they are vague about why.',
    types: ['organ-harvesting'],
    appliesTo: 'both',
    refs: ['ilo-fl:deception'],
    source: organHarvesting,
    sourceNote: unconfirmedNote,
  },
  {
    id: 'org-payment-for-surgery',
    title: 'Offered money, or a debt cleared, for an operation',
    hint: 'Says they were paid, promised money or had a debt written off in return for "donating" an organ or tissue.',
    types: ['organ-harvesting'],
    appliesTo: 'both',
    refs: ['ilo-fl:abuse-of-vulnerability', 'ilo-fl:debt-bondage'],
    source: organHarvesting,
    sourceNote: unconfirmedNote,
  },
]
