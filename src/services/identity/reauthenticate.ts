import { findUserById, recordFailedSignIn } from '../../db/repositories/identity.js'
import { auditSystem } from '../audit/audit.js'
import type { Deps } from '../context.js'
import { DEMO_PASSWORD, verifyPassword } from './passwords.js'
import type { SignInPolicy } from './sign-in.js'

/**
 * The officer proves it is them again (taking the phone back after a hand-over). Failures count
 * towards the same lock-out as sign-in, so the hand-over screen cannot be used to guess passwords.
 */
export async function reauthenticate(
  deps: Deps,
  policy: SignInPolicy,
  input: { userId: string; password: string; requestId: string },
): Promise<'ok' | 'invalid' | 'locked'> {
  const now = deps.now()
  const found = await findUserById(deps.db, input.userId)
  if (!found || found.user.passwordHash === null || found.user.disabledAt !== null) return 'invalid'
  const { user } = found
  if (user.lockedUntil && user.lockedUntil > now) return 'locked'
  const ok =
    (await verifyPassword(user.passwordHash as string, input.password)) &&
    (policy.demo || input.password !== DEMO_PASSWORD)
  if (ok) return 'ok'
  const after = await deps.db.transaction(async (tx) => {
    const r = await recordFailedSignIn(
      tx,
      user.id,
      policy.maxFailures,
      new Date(now.getTime() + policy.lockMinutes * 60_000),
    )
    await auditSystem(
      tx,
      {
        action: 'sign-in-failed',
        recordType: 'user',
        recordId: user.id,
        forceId: user.forceId,
        actorUserId: user.id,
        requestId: input.requestId,
        details: { step: 'hand-over return' },
      },
      now,
    )
    return r
  })
  return after?.lockedUntil && after.lockedUntil > now ? 'locked' : 'invalid'
}
