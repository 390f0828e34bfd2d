import type { PersonRole, PlaceType } from '../../../domain/identify/encounter-input.js'

export const placeTypeLabels: Record<PlaceType, string> = {
  'car-wash': 'Car wash',
  'nail-bar': 'Nail bar or beauty salon',
  'cannabis-grow': 'Cannabis grow',
  'brothel-or-residential': 'Brothel, or a home or flat used for sex work',
  hotel: 'Hotel or short-let',
  'roadside-or-vehicle': 'Roadside stop or vehicle',
  'farm-or-factory': 'Farm, factory or warehouse',
  construction: 'Building site',
  'private-home': 'Private home',
  'street-or-public-place': 'Street or public place',
  'transport-hub': 'Station, port or airport',
  custody: 'Custody',
  other: 'Somewhere else',
}

export const roleLabels: Record<PersonRole, string> = {
  'potential-victim': 'Possible victim',
  witness: 'Witness',
  suspect: 'Suspect (not arrested)',
  arrested: 'Arrested',
}

export const provenanceLabels = {
  observed: 'I saw it',
  disclosed: 'The person told me',
  reported: 'Someone else told me',
} as const

export const consentLabels = {
  given: 'Yes, they agree to be referred',
  declined: 'No, they do not agree',
  'not-asked': 'Not asked yet',
} as const

export const interpreterLabels = {
  none: 'No interpreter was needed',
  independent: 'A professional interpreter with no link to anyone with the person',
  'not-independent': 'Someone else interpreted, such as a companion, employer or co-worker',
} as const
