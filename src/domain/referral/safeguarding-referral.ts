import { z } from 'zod'
import { IsoInstant } from '../deadlines/index.js'

// law-and-process.md §2.4, §9.2 (CONFIRMED): a child is safeguarded first: a children's services referral to the
// local authority, with date, time and authority, before or alongside the NRM referral.
export const SafeguardingReferral = z.object(
  {
    localAuthority: z
      .string({ error: 'Name the local authority the safeguarding referral went to' })
      .trim()
      .min(1, 'Name the local authority the safeguarding referral went to'),
    referredAt: IsoInstant,
    method: z.enum(['phone', 'email', 'online-form', 'in-person'], {
      error: 'Say how the safeguarding referral was made: phone, email, online form or in person',
    }),
    reference: z.string().trim().min(1).nullable().default(null),
    madeBy: z.string({ error: 'Record who made the safeguarding referral' }).trim().min(1, {
      error: 'Record who made the safeguarding referral',
    }),
  },
  { error: 'A child’s NRM referral needs the safeguarding referral to the local authority recorded first' },
)
export type SafeguardingReferral = z.infer<typeof SafeguardingReferral>
