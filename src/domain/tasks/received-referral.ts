import { z } from 'zod'
import { IsoInstant } from '../deadlines/index.js'
import { forceById } from '../forces/forces.js'
import { ReferralKind } from '../referral/referral-kind.js'

// law-and-process.md §3, §9.5: a referral or Duty to Notify report another organisation sends to the
// force is recorded as a crime too (that "received" applies is UNCONFIRMED wording in §3). Nothing that
// identifies the person is kept here: the sender holds the referral itself.

export const ExploitationLocationKind = z.enum(['uk', 'overseas', 'both', 'not-known'], {
  error: 'Select where the exploitation happened',
})
export type ExploitationLocationKind = z.infer<typeof ExploitationLocationKind>

export const exploitationLocationLabels: Record<ExploitationLocationKind, string> = {
  uk: 'In the UK',
  overseas: 'Overseas',
  both: 'In the UK and overseas',
  'not-known': 'Not known',
}

const text = (message: string, max: number, tooLong: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, tooLong)

export const ReceivedReferralInput = z
  .object({
    kind: z.enum(ReferralKind.options, { error: 'Select what you received' }),
    firstResponderOrganisation: text(
      'Enter the organisation that sent it',
      200,
      'The organisation name must be 200 characters or fewer',
    ),
    externalReference: z
      .string()
      .trim()
      .max(100, 'Their reference must be 100 characters or fewer')
      .optional()
      .transform((v) => (v ? v : null)),
    receivedAt: IsoInstant,
    exploitationLocation: ExploitationLocationKind,
    exploitationForceId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || forceById(v) !== undefined, 'Select a police force area from the list'),
  })
  .refine((v) => v.exploitationLocation !== 'overseas' || v.exploitationForceId === null, {
    message: 'Leave the police force area empty when the exploitation happened only overseas',
    path: ['exploitationForceId'],
  })
export type ReceivedReferralInput = z.infer<typeof ReceivedReferralInput>

/** A received time must not be in the future (issue 5: dates in the future where they cannot be). */
export function receivedAtProblem(receivedAt: string, now: Date): string | null {
  return Date.parse(receivedAt) > now.getTime() ? 'The date and time received must be in the past' : null
}
