import { z } from 'zod'

/** Every kind of follow-up Lantern tracks so nothing lapses (issue 5 §6). */
export const taskKinds = [
  'record-crime',
  'chase-rg-decision',
  'recovery-period-ending',
  'revisit-consent',
  'refer-or-notify',
  'review-transfer',
  'place-of-safety-ending',
  'prevention-order-reminder',
] as const
export const TaskKind = z.enum(taskKinds)
export type TaskKind = z.infer<typeof TaskKind>

export const taskKindLabels: Record<TaskKind, string> = {
  'record-crime': 'Record the crime',
  'chase-rg-decision': 'Chase the Reasonable Grounds decision',
  'recovery-period-ending': 'Recovery period ending',
  'revisit-consent': 'Ask about consent again',
  'refer-or-notify': 'Refer, notify or record a decision',
  'review-transfer': 'Review a transferred referral',
  'place-of-safety-ending': 'Place of Safety ending',
  'prevention-order-reminder': 'Prevention or risk order reminder',
}

export const TaskStatus = z.enum(['open', 'done'])
export type TaskStatus = z.infer<typeof TaskStatus>
