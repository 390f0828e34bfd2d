import type { TransferRow } from '../../db/repositories/referrals.js'

export class ReferralNotFound extends Error {}

/** The referral was transferred to another force: the sending force keeps only the transfer record. */
export class ReferralTransferredAway extends Error {
  constructor(readonly transfer: TransferRow) {
    super(`The referral was transferred to ${transfer.toForceId}`)
  }
}

/** Another change reached the record first (a double click, a retried request, a second tab). */
export class ReferralConflict extends Error {}

/** A rule refused the change; `message` is for the user, `issues` name the fields where there are several. */
export class ReferralRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message)
  }
}
