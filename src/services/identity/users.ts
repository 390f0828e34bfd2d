import { createHash, randomBytes } from 'node:crypto'
import { z } from 'zod'
import type { DbOrTx } from '../../db/client.js'
import { getForce } from '../../db/repositories/forces.js'
import {
  findUserByApiToken,
  findUserForSignIn,
  insertApiToken,
  insertUser,
  listUsersInForce,
  setTotp,
  unlockUser,
} from '../../db/repositories/identity.js'
import { type Actor, assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { Role, roleHasForce } from '../../domain/access/roles.js'
import { audit, auditSystem } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { hashPassword, passwordProblem } from './passwords.js'
import { actorFromUser } from './sign-in.js'
import { verifyTotp } from './totp.js'

export const NewUserInput = z.object({
  email: z.email('Enter an email address in the correct format, like name@force.police.uk').max(254),
  displayName: z.string().trim().min(1, 'Enter a name').max(120),
  role: Role,
  forceId: z.string().nullable(),
  password: z.string(),
})
export type NewUserInput = z.infer<typeof NewUserInput>

export class UserInputError extends Error {}

/** Creates a local account. `by` is the force admin, or null for the command line (system). */
export async function addUser(deps: Deps, input: NewUserInput, opts: { demo: boolean; by: Ctx | null; tx?: DbOrTx }) {
  const parsed = NewUserInput.safeParse(input)
  if (!parsed.success) throw new UserInputError(parsed.error.issues.map((i) => i.message).join('; '))
  const u = parsed.data
  if (roleHasForce(u.role) && !u.forceId) throw new UserInputError(`A ${u.role} must belong to a force`)
  if (!roleHasForce(u.role) && u.forceId) throw new UserInputError('An inspector belongs to no force')
  if (u.forceId && !(await getForce(deps.db, u.forceId))) throw new UserInputError(`Unknown force: ${u.forceId}`)
  if (opts.by) {
    assertCan(opts.by.actor, 'users:manage')
    if (u.forceId !== opts.by.actor.forceId) throw new UserInputError('You can only add users to your own force')
  }
  const problem = passwordProblem(u.password, opts.demo)
  if (problem) throw new UserInputError(problem)
  if (await findUserForSignIn(deps.db, u.email)) throw new UserInputError(`A user with email ${u.email} already exists`)
  const passwordHash = await hashPassword(u.password)
  const run = async (tx: DbOrTx) => {
    const row = await insertUser(tx, {
      email: u.email.trim(),
      displayName: u.displayName,
      role: u.role,
      forceId: u.forceId,
      passwordHash,
    })
    const entry = {
      action: 'create' as const,
      recordType: 'user',
      recordId: row.id,
      forceId: row.forceId,
      details: { role: row.role },
    }
    if (opts.by) await audit(tx, opts.by, entry, deps.now())
    else await auditSystem(tx, entry, deps.now())
    return row
  }
  return opts.tx ? run(opts.tx) : deps.db.transaction(run)
}

export async function listUsers(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'users:manage')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const rows = await listUsersInForce(tx, scope)
    await audit(tx, ctx, { action: 'read', recordType: 'user-list' }, deps.now())
    return rows
  })
}

export async function unlockAccount(deps: Deps, ctx: Ctx, userId: string): Promise<boolean> {
  assertCan(ctx.actor, 'users:manage')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const ok = await unlockUser(tx, scope, userId)
    if (ok)
      await audit(
        tx,
        ctx,
        { action: 'update', recordType: 'user', recordId: userId, details: { unlocked: true } },
        deps.now(),
      )
    return ok
  })
}

/** Turns on TOTP for the signed-in user once they prove their authenticator shows the right code. */
export async function enableTwoFactor(deps: Deps, ctx: Ctx, secret: string, code: string): Promise<boolean> {
  if (!verifyTotp(secret, code, deps.now())) return false
  await deps.db.transaction(async (tx) => {
    await setTotp(tx, ctx.actor.userId, secret, true)
    await audit(tx, ctx, { action: 'two-factor-enabled', recordType: 'user', recordId: ctx.actor.userId }, deps.now())
  })
  return true
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex')

/** Issues a bearer token for another system; the token is shown once and only its hash is kept. */
export async function issueApiToken(deps: Deps, email: string, name: string) {
  const found = await findUserForSignIn(deps.db, email)
  if (!found) throw new UserInputError(`No user with email ${email}`)
  const token = `lnt_${randomBytes(24).toString('base64url')}`
  await deps.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, found.user.id, name, tokenHash(token))
    await auditSystem(
      tx,
      {
        action: 'create',
        recordType: 'api-token',
        recordId: row?.id ?? null,
        forceId: found.user.forceId,
        details: { name },
      },
      deps.now(),
    )
  })
  return token
}

export async function actorForApiToken(deps: Deps, token: string): Promise<Actor | null> {
  const user = await findUserByApiToken(deps.db, tokenHash(token))
  return user ? actorFromUser(user) : null
}
