import { z } from 'zod'
import { Confidence, ExploitationType } from '../shared/vocabulary.js'

// Home Office, A typology of modern slavery offences in the UK (Research Report 93, October 2017): 17 types
// in four groups. The grouping is CONFIRMED; the exact type names and the split into 17 are partly
// UNCONFIRMED, and the name of type 11 is UNCONFIRMED (law-and-process.md §5.2). Glosses are paraphrases.
export const TYPOLOGY_SOURCE_URL = 'https://www.npcc-msoicu.co.uk/about-msoic/modern-slavery-ms/'

export const TypologyType = z.object({
  number: z.number().int().min(1).max(17),
  id: z.string().min(1),
  group: ExploitationType,
  name: z.string().min(1),
  description: z.string().min(1),
  confidence: Confidence,
})
export type TypologyType = z.infer<typeof TypologyType>

type Row = readonly [id: string, group: ExploitationType, name: string, description: string, confidence?: Confidence]

const rows: readonly Row[] = [
  [
    'labour-for-offenders',
    'labour',
    'Victims work for the offenders',
    'Offenders put victims to work in their own businesses or homes; pay is withheld or minimal; debt and control keep them there.',
  ],
  [
    'labour-for-others',
    'labour',
    'Victims work for someone other than the offenders',
    'Offenders place victims with third-party employers (agencies, farms, factories) and take their wages.',
  ],
  [
    'domestic-servitude-partner',
    'domestic-servitude',
    'Exploited by a partner',
    'Victim is made to do domestic work (often with sexual abuse) for a partner, sometimes after a forced or arranged marriage.',
  ],
  [
    'domestic-servitude-relatives',
    'domestic-servitude',
    'Exploited by relatives',
    'Family members hold the victim in household servitude.',
  ],
  [
    'domestic-servitude-unrelated',
    'domestic-servitude',
    'Exploited by someone not related to them',
    'A non-relative employer or household keeps the victim as an unpaid live-in worker.',
  ],
  [
    'cse-group',
    'sexual',
    'Child sexual exploitation: group',
    'Groups groom and sexually exploit children, often moving them between places.',
  ],
  [
    'cse-single',
    'sexual',
    'Child sexual exploitation: single exploiter',
    'One offender grooms and exploits a child, sometimes offering them to others.',
  ],
  [
    'forced-sex-work-fixed',
    'sexual',
    'Forced sex work in a fixed location',
    'Victims held in brothels or flats controlled by the offenders.',
  ],
  [
    'forced-sex-work-changing',
    'sexual',
    'Forced sex work in changing locations',
    'Victims moved between "pop-up" brothels, hotels or towns to avoid detection.',
  ],
  [
    'trafficking-personal-gratification',
    'sexual',
    'Trafficking for personal gratification',
    'Victim trafficked for the offender’s own sexual use.',
  ],
  [
    'trafficking-third-party-gratification',
    'sexual',
    'Trafficking for third-party gratification',
    'Victim supplied to others for sexual use outside commercial sex settings.',
    'UNCONFIRMED',
  ],
  [
    'forced-gang-criminality',
    'criminal',
    'Forced gang-related criminality',
    'Victims (often children) made to commit crime for gangs, e.g. county lines drug supply.',
  ],
  [
    'forced-labour-illegal-activities',
    'criminal',
    'Forced labour in illegal activities',
    'Victims made to work in illegal enterprises, e.g. cannabis cultivation.',
  ],
  [
    'forced-acquisitive-crime',
    'criminal',
    'Forced acquisitive crime',
    'Victims made to shoplift, pickpocket or steal.',
  ],
  ['forced-begging', 'criminal', 'Forced begging', 'Victims made to beg, with takings handed over.'],
  [
    'financial-exploitation',
    'criminal',
    'Financial exploitation / fraud (including benefit fraud)',
    'Victims’ identities or bank accounts used for benefit claims, loans or fraud.',
  ],
  [
    'forced-sham-marriage',
    'criminal',
    'Trafficking for forced sham marriage',
    'Victims (usually women) forced into sham marriages to get someone immigration status.',
  ],
]

export const TYPOLOGY: readonly TypologyType[] = rows.map(([id, group, name, description, confidence], index) => ({
  number: index + 1,
  id,
  group,
  name,
  description,
  confidence: confidence ?? 'PARTLY CONFIRMED',
}))

export const TypologyTypeId = z
  .string()
  .refine((id) => TYPOLOGY.some((t) => t.id === id), { error: 'Choose a typology sub-type from the list.' })

export function typologyById(id: string): TypologyType | undefined {
  return TYPOLOGY.find((t) => t.id === id)
}

/** Sub-types offered once the investigation's exploitation types are known. */
export function typologyForExploitationTypes(types: readonly ExploitationType[]): TypologyType[] {
  return TYPOLOGY.filter((t) => types.includes(t.group))
}
