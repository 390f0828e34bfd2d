import { z } from 'zod'
import type { Jurisdiction } from '../shared/vocabulary.js'

// The 43 territorial forces of England and Wales, plus British Transport Police, Police Scotland and
// PSNI (law-and-process.md §7, CONFIRMED). The id is stable and never reused; the name may change.
// BTP covers railways in England, Wales and Scotland; its jurisdiction here is its headquarters' law
// (England and Wales), which decides the bank-holiday calendar and s45/Duty to Notify applicability.
type ForceRow = readonly [id: string, name: string, jurisdiction: Jurisdiction, note?: string]

const rows: readonly ForceRow[] = [
  ['avon-and-somerset', 'Avon and Somerset Constabulary', 'england-and-wales'],
  ['bedfordshire', 'Bedfordshire Police', 'england-and-wales'],
  ['cambridgeshire', 'Cambridgeshire Constabulary', 'england-and-wales'],
  ['cheshire', 'Cheshire Constabulary', 'england-and-wales'],
  ['city-of-london', 'City of London Police', 'england-and-wales'],
  ['cleveland', 'Cleveland Police', 'england-and-wales'],
  ['cumbria', 'Cumbria Constabulary', 'england-and-wales'],
  ['derbyshire', 'Derbyshire Constabulary', 'england-and-wales'],
  ['devon-and-cornwall', 'Devon and Cornwall Police', 'england-and-wales'],
  ['dorset', 'Dorset Police', 'england-and-wales'],
  ['durham', 'Durham Constabulary', 'england-and-wales'],
  ['essex', 'Essex Police', 'england-and-wales'],
  ['gloucestershire', 'Gloucestershire Constabulary', 'england-and-wales'],
  ['greater-manchester', 'Greater Manchester Police', 'england-and-wales'],
  [
    'hampshire',
    'Hampshire and Isle of Wight Constabulary',
    'england-and-wales',
    'Formerly Hampshire Constabulary; the rename is UNCONFIRMED in law-and-process.md §7',
  ],
  ['hertfordshire', 'Hertfordshire Constabulary', 'england-and-wales'],
  ['humberside', 'Humberside Police', 'england-and-wales'],
  ['kent', 'Kent Police', 'england-and-wales'],
  ['lancashire', 'Lancashire Constabulary', 'england-and-wales'],
  ['leicestershire', 'Leicestershire Police', 'england-and-wales'],
  ['lincolnshire', 'Lincolnshire Police', 'england-and-wales'],
  ['merseyside', 'Merseyside Police', 'england-and-wales'],
  ['metropolitan', 'Metropolitan Police Service', 'england-and-wales'],
  ['norfolk', 'Norfolk Constabulary', 'england-and-wales'],
  ['northamptonshire', 'Northamptonshire Police', 'england-and-wales'],
  ['northumbria', 'Northumbria Police', 'england-and-wales'],
  ['north-yorkshire', 'North Yorkshire Police', 'england-and-wales'],
  ['nottinghamshire', 'Nottinghamshire Police', 'england-and-wales'],
  ['south-yorkshire', 'South Yorkshire Police', 'england-and-wales'],
  ['staffordshire', 'Staffordshire Police', 'england-and-wales'],
  ['suffolk', 'Suffolk Constabulary', 'england-and-wales'],
  ['surrey', 'Surrey Police', 'england-and-wales'],
  ['sussex', 'Sussex Police', 'england-and-wales'],
  ['thames-valley', 'Thames Valley Police', 'england-and-wales'],
  ['warwickshire', 'Warwickshire Police', 'england-and-wales'],
  ['west-mercia', 'West Mercia Police', 'england-and-wales'],
  ['west-midlands', 'West Midlands Police', 'england-and-wales'],
  ['west-yorkshire', 'West Yorkshire Police', 'england-and-wales'],
  ['wiltshire', 'Wiltshire Police', 'england-and-wales'],
  ['dyfed-powys', 'Dyfed-Powys Police', 'england-and-wales'],
  ['gwent', 'Gwent Police', 'england-and-wales'],
  ['north-wales', 'North Wales Police', 'england-and-wales'],
  ['south-wales', 'South Wales Police', 'england-and-wales'],
  [
    'british-transport-police',
    'British Transport Police',
    'england-and-wales',
    'Railways in England, Wales and Scotland',
  ],
  ['police-scotland', 'Police Scotland', 'scotland'],
  ['psni', 'Police Service of Northern Ireland', 'northern-ireland'],
]

export const Force = z.object({
  id: z.string(),
  name: z.string(),
  jurisdiction: z.enum(['england-and-wales', 'scotland', 'northern-ireland']),
  territorial: z.boolean(),
  note: z.string().nullable(),
})
export type Force = z.infer<typeof Force>

export const FORCES: readonly Force[] = rows.map(([id, name, jurisdiction, note]) => ({
  id,
  name,
  jurisdiction,
  territorial: id !== 'british-transport-police',
  note: note ?? null,
}))

const byId = new Map(FORCES.map((f) => [f.id, f]))

export function forceById(id: string): Force | undefined {
  return byId.get(id)
}

export const FORCE_SOURCE = { ref: 'law-and-process.md §7', confidence: 'CONFIRMED' } as const
