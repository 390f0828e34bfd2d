import { z } from 'zod'
import { IsoDate } from '../deadlines/index.js'
import { AgeStatus } from './age-status.js'

export const Gender = z.enum(['female', 'male', 'other', 'not-known'], {
  error: 'Record the person’s gender, or that it is not known',
})
export type Gender = z.infer<typeof Gender>

const optionalText = z.string().trim().min(1).nullable().default(null)

export const ContactDetails = z.object({ phone: optionalText, email: optionalText })
export type ContactDetails = z.infer<typeof ContactDetails>

export const Dependant = z.object({
  relationship: z.string().trim().min(1, 'Say how the dependant is related to the person'),
  age: z.number().int().min(0).max(120).nullable().default(null),
  inUk: z.boolean({ error: 'Say whether the dependant is in the UK' }),
})

// law-and-process.md §2.11 (UNCONFIRMED structure): the potential victim's details on the NRM form.
export const PersonDetails = z
  .object({
    name: z.string({ error: 'Record the person’s name as they give it' }).trim().min(1, {
      error: 'Record the person’s name as they give it',
    }),
    nameInOriginalScript: optionalText,
    aliases: z.array(z.string().trim().min(1)).default([]),
    dateOfBirth: IsoDate.nullable().default(null),
    estimatedAge: z
      .number({ error: 'An estimated age is a number of years' })
      .int('An estimated age is a whole number of years')
      .min(0)
      .max(120, 'An estimated age is at most 120')
      .nullable()
      .default(null),
    ageStatus: AgeStatus,
    gender: Gender,
    nationalities: z.array(z.string().trim().min(1)).default([]),
    languages: z.array(z.string().trim().min(1)).min(1, 'Record at least one language the person speaks'),
    interpreterNeeded: z.boolean({ error: 'Say whether the person needs an interpreter' }),
    contact: ContactDetails.default({ phone: null, email: null }),
    address: optionalText,
    immigrationStatus: optionalText,
    dependants: z.array(Dependant).default([]),
  })
  .superRefine((person, ctx) => {
    if (person.ageStatus !== 'age-unknown' && person.dateOfBirth === null && person.estimatedAge === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['dateOfBirth'],
        message: 'Record a date of birth or an estimated age, or record the age as not known',
      })
    }
  })
export type PersonDetails = z.infer<typeof PersonDetails>
