import { isSupportedCountry } from 'libphonenumber-js/max'
import { z } from 'zod'
import { NormalisedAddress, normaliseAddress } from './address.js'
import { NormalisedBankAccount, normaliseIban, normaliseUkBankAccount } from './bank-account.js'
import { NormalisedBusiness, normaliseBusiness } from './business.js'
import { NormalisedEmail, normaliseEmail } from './email.js'
import { NormalisedOnlineHandle, normaliseOnlineHandle, OnlinePlatform } from './online-handle.js'
import { NormalisedPerson, normalisePerson } from './person.js'
import { NormalisedPhone, normalisePhone } from './phone.js'
import { NormalisedVehicle, normaliseVehicleRegistration } from './vehicle.js'

export const NormalisedIdentifier = z.discriminatedUnion('kind', [
  NormalisedPerson,
  NormalisedPhone,
  NormalisedAddress,
  NormalisedVehicle,
  NormalisedBankAccount,
  NormalisedOnlineHandle,
  NormalisedBusiness,
  NormalisedEmail,
])
export type NormalisedIdentifier = z.infer<typeof NormalisedIdentifier>

/** What a form or import gives for each kind of entity. */
export const EntityInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: z.string(), dateOfBirth: z.string().nullable().optional() }),
  z.object({
    kind: z.literal('phone'),
    value: z.string(),
    defaultRegion: z
      .string()
      .refine((r) => isSupportedCountry(r.toUpperCase()), { error: 'Unknown country code for the phone number.' })
      .optional(),
  }),
  z.object({ kind: z.literal('address'), lines: z.array(z.string()), postcode: z.string() }),
  z.object({ kind: z.literal('vehicle'), value: z.string() }),
  z.object({
    kind: z.literal('bank-account'),
    sortCode: z.string().optional(),
    accountNumber: z.string().optional(),
    iban: z.string().optional(),
  }),
  z.object({ kind: z.literal('online-handle'), platform: OnlinePlatform, value: z.string() }),
  z.object({ kind: z.literal('business'), name: z.string(), companyNumber: z.string().nullable().optional() }),
  z.object({ kind: z.literal('email'), value: z.string() }),
])
export type EntityInput = z.infer<typeof EntityInput>

/** Normalises any entity input with the normaliser for its kind. */
export function normaliseEntity(input: EntityInput): NormalisedIdentifier {
  switch (input.kind) {
    case 'person':
      return normalisePerson(input)
    case 'phone': {
      const region = input.defaultRegion?.toUpperCase() ?? 'GB'
      return normalisePhone(input.value, isSupportedCountry(region) ? region : 'GB')
    }
    case 'address':
      return normaliseAddress(input)
    case 'vehicle':
      return normaliseVehicleRegistration(input.value)
    case 'bank-account':
      return input.iban !== undefined && input.iban.trim() !== ''
        ? normaliseIban(input.iban)
        : normaliseUkBankAccount({ sortCode: input.sortCode ?? '', accountNumber: input.accountNumber ?? '' })
    case 'online-handle':
      return normaliseOnlineHandle(input.platform, input.value)
    case 'business':
      return normaliseBusiness(input)
    case 'email':
      return normaliseEmail(input.value)
  }
}
