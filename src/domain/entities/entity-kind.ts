import { z } from 'zod'

// People, phones, addresses, vehicles, bank accounts, online handles, businesses and emails are entities of
// their own, linked to investigations and encounters by role, so they can be matched across cases and forces
// (issue 6 "Investigations"; law-and-process.md §9 item 16).
export const entityKinds = [
  'person',
  'phone',
  'address',
  'vehicle',
  'bank-account',
  'online-handle',
  'business',
  'email',
] as const
export const EntityKind = z.enum(entityKinds)
export type EntityKind = z.infer<typeof EntityKind>

export const entityKindLabels: Record<EntityKind, string> = {
  person: 'Person',
  phone: 'Phone number',
  address: 'Address',
  vehicle: 'Vehicle',
  'bank-account': 'Bank account',
  'online-handle': 'Online account',
  business: 'Business',
  email: 'Email address',
}

/** How an entity is linked to an investigation or encounter. */
export const entityLinkRoles = [
  'victim',
  'suspect',
  'witness',
  'associate',
  'exploitation-location',
  'residence',
  'workplace',
  'used-by-suspect',
  'used-by-victim',
  'advertised',
  'other',
] as const
export const EntityLinkRole = z.enum(entityLinkRoles)
export type EntityLinkRole = z.infer<typeof EntityLinkRole>

/** Fields every normalised identifier has. `normalised` is the key records are matched on. */
export const identifierFields = {
  normalised: z.string(),
  display: z.string(),
  valid: z.boolean(),
  /** Plain-English reasons the value is not valid or may be wrong; empty when none. */
  problems: z.array(z.string()),
}
