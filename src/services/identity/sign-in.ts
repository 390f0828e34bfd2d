import {
  findUserById,
  findUserForSignIn,
  recordFailedSignIn,
  recordSuccessfulSignIn,
} from '../../db/repositories/identity.js'
import type { Actor } from '../../domain/access/policy.js'
import { auditSystem } from '../audit/audit.js'
import type { Deps } from '../context.js'
import { DEMO_PASSWORD, dummyPasswordHash, verifyPassword } from './passwords.js'
import { verifyTotp } from './totp.js'

export type SignInPolicy = { maxFailures: number; lockMinutes: number; demo: boolean }

export type SignInResult =
  | { outcome: 'signed-in'; actor: Actor }
  | { outcome: 'second-factor-needed'; userId: string }
  | { outcome: 'second-factor-setup-needed'; actor: Actor }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; until: Date }

export function actorFromUser(u: {
  id: string
  role: Actor['role']
  forceId: string | null
  displayName: string
}): Actor {
  return { userId: u.id, role: u.role, forceId: u.forceId, displayName: u.displayName }
}

/** Password step. Locks the account after repeated failures (issue #2 §5); says nothing about which part was wrong. */
export async function signInWithPassword(
  deps: Deps,
  policy: SignInPolicy,
  input: { email: string; password: string; requestId: string },
): Promise<SignInResult> {
  const now = deps.now()
  const found = await findUserForSignIn(deps.db, input.email)
  if (!found || found.user.passwordHash === null || found.user.disabledAt !== null) {
    await verifyPassword(await dummyPasswordHash(), input.password)
    return { outcome: 'invalid' }
  }
  const { user, requireTwoFactor } = found
  if (user.lockedUntil && user.lockedUntil > now) return { outcome: 'locked', until: user.lockedUntil }

  const passwordOk =
    (await verifyPassword(user.passwordHash as string, input.password)) &&
    // Outside demo mode the public demo password never works, even if a demo row was copied in.
    (policy.demo || input.password !== DEMO_PASSWORD)

  if (!passwordOk) {
    return deps.db.transaction(async (tx) => {
      const after = await recordFailedSignIn(
        tx,
        user.id,
        policy.maxFailures,
        new Date(now.getTime() + policy.lockMinutes * 60_000),
      )
      const locked = after?.lockedUntil && after.lockedUntil > now
      await auditSystem(
        tx,
        {
          action: locked ? 'account-locked' : 'sign-in-failed',
          recordType: 'user',
          recordId: user.id,
          forceId: user.forceId,
          actorUserId: user.id,
          requestId: input.requestId,
          details: { failures: after?.failedSignIns ?? null },
        },
        now,
      )
      return locked && after?.lockedUntil
        ? { outcome: 'locked' as const, until: after.lockedUntil }
        : { outcome: 'invalid' as const }
    })
  }

  if (user.totpEnabledAt !== null) return { outcome: 'second-factor-needed', userId: user.id }
  await completeSignIn(deps, user.id, user.forceId, input.requestId, 'password')
  const actor = actorFromUser(user)
  if (requireTwoFactor) return { outcome: 'second-factor-setup-needed', actor }
  return { outcome: 'signed-in', actor }
}

/** Second step for users with TOTP: a wrong code counts towards the same lock-out. */
export async function signInWithTotp(
  deps: Deps,
  policy: SignInPolicy,
  input: { userId: string; code: string; requestId: string },
): Promise<SignInResult> {
  const now = deps.now()
  const found = await findUserById(deps.db, input.userId)
  if (!found || found.user.totpSecret === null || found.user.disabledAt !== null) return { outcome: 'invalid' }
  const { user } = found
  if (user.lockedUntil && user.lockedUntil > now) return { outcome: 'locked', until: user.lockedUntil }
  if (!verifyTotp(user.totpSecret as string, input.code, now)) {
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
          details: { step: 'second-factor' },
        },
        now,
      )
      return r
    })
    if (after?.lockedUntil && after.lockedUntil > now) return { outcome: 'locked', until: after.lockedUntil }
    return { outcome: 'invalid' }
  }
  await completeSignIn(deps, user.id, user.forceId, input.requestId, 'password+totp')
  return { outcome: 'signed-in', actor: actorFromUser(user) }
}

async function completeSignIn(deps: Deps, userId: string, forceId: string | null, requestId: string, method: string) {
  await deps.db.transaction(async (tx) => {
    await recordSuccessfulSignIn(tx, userId)
    await auditSystem(
      tx,
      {
        action: 'sign-in',
        recordType: 'user',
        recordId: userId,
        forceId,
        actorUserId: userId,
        requestId,
        details: { method },
      },
      deps.now(),
    )
  })
}

/** Re-reads the user on each request so a disabled account or changed role takes effect at once. */
export async function loadActor(deps: Deps, userId: string): Promise<Actor | null> {
  const found = await findUserById(deps.db, userId)
  if (!found || found.user.disabledAt !== null) return null
  return actorFromUser(found.user)
}
