import { z } from 'zod'
import { SourceRef } from '../shared/vocabulary.js'

export const HocrClassification = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /** A recorded crime, or a notifiable incident recorded instead of a crime. */
  kind: z.enum(['crime', 'incident']),
  source: SourceRef.extend({ note: z.string().optional() }),
})
export type HocrClassification = z.infer<typeof HocrClassification>

const FORCE_LIST = 'SECONDARY: one force’s offence list seen in a public research script; no URL recorded'
const WHEN_UNCONFIRMED = `${FORCE_LIST}. When each N200 code applies instead of a crime record is UNCONFIRMED`

function incident(code: string, label: string): HocrClassification {
  return {
    code,
    label: `Report of modern slavery: ${label}`,
    kind: 'incident',
    source: { ref: 'law-and-process.md §3', confidence: 'SECONDARY', note: WHEN_UNCONFIRMED },
  }
}

// law-and-process.md §3, §9.5: the modern slavery offence code and the N200 notifiable-incident codes, as a
// configurable list. Check against the current Home Office Crime Recording Rules before relying on it.
export const HOCR_CLASSIFICATIONS: readonly HocrClassification[] = z.array(HocrClassification).parse([
  {
    code: '106',
    label: 'Modern slavery',
    kind: 'crime',
    source: {
      ref: 'law-and-process.md §3',
      url: 'https://github.com/ONSdigital/dp-hierarchy-builder',
      confidence: 'SECONDARY',
      note: 'ONS crime hierarchy; grouped with violence without injury. Sub-codes are UNCONFIRMED',
    },
  },
  incident('N200/1', 'NRM referral pending a Reasonable Grounds decision'),
  incident('N200/2', 'negative Reasonable Grounds decision'),
  incident('N200/3', 'Duty to Notify only'),
  incident(
    'N200/4',
    'positive Reasonable Grounds decision, or police referral, with exploitation outside England and Wales',
  ),
  incident('N200/5', 'negative Reasonable Grounds decision, with exploitation outside England and Wales'),
  incident('N200/6', 'transferred to another force in England and Wales'),
])

export function hocrClassification(code: string): HocrClassification | undefined {
  return HOCR_CLASSIFICATIONS.find((c) => c.code === code)
}
