import { z } from 'zod'

export const ReferralKind = z.enum(['nrm-adult', 'nrm-child', 'duty-to-notify'])
export type ReferralKind = z.infer<typeof ReferralKind>

export const referralKindLabels: Record<ReferralKind, string> = {
  'nrm-adult': 'NRM referral (adult)',
  'nrm-child': 'NRM referral (child)',
  'duty-to-notify': 'Duty to Notify report',
}

export function isNrm(kind: ReferralKind): boolean {
  return kind !== 'duty-to-notify'
}
