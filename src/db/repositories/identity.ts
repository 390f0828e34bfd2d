import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { Role } from '../../domain/access/roles.js'
import type { DbOrTx } from '../client.js'
import { forces } from '../schema/forces.js'
import { apiTokens, sessions, users } from '../schema/identity.js'

// Sign-in runs before anyone is known, so these look-ups by e-mail or token are system-level;
// they return only what the identity service needs and are not reachable from routes directly.
export async function findUserForSignIn(db: DbOrTx, email: string) {
  const [row] = await db
    .select({ user: users, requireTwoFactor: forces.requireTwoFactor })
    .from(users)
    .leftJoin(forces, eq(users.forceId, forces.id))
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
  return row
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ user: users, requireTwoFactor: forces.requireTwoFactor })
    .from(users)
    .leftJoin(forces, eq(users.forceId, forces.id))
    .where(eq(users.id, id))
  return row
}

export async function recordFailedSignIn(db: DbOrTx, userId: string, maxFailures: number, lockUntil: Date) {
  const [row] = await db
    .update(users)
    .set({
      failedSignIns: sql`${users.failedSignIns} + 1`,
      lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${maxFailures}
        then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedSignIns: users.failedSignIns, lockedUntil: users.lockedUntil })
  return row
}

export async function recordSuccessfulSignIn(db: DbOrTx, userId: string) {
  await db
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
    .where(eq(users.id, userId))
}

export type NewUser = {
  email: string
  displayName: string
  role: Role
  forceId: string | null
  passwordHash: string | null
}

export async function insertUser(db: DbOrTx, u: NewUser) {
  const [row] = await db.insert(users).values(u).returning()
  if (!row) throw new Error('user insert returned no row')
  return row
}

export async function listUsersInForce(db: DbOrTx, scope: ForceScope) {
  return db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      totpEnabledAt: users.totpEnabledAt,
      lastSignInAt: users.lastSignInAt,
      lockedUntil: users.lockedUntil,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.forceId, scope.forceId))
    .orderBy(users.displayName)
}

export async function unlockUser(db: DbOrTx, scope: ForceScope, userId: string) {
  const rows = await db
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), eq(users.forceId, scope.forceId)))
    .returning({ id: users.id })
  return rows.length === 1
}

export async function setTotp(db: DbOrTx, userId: string, secret: string | null, enabled: boolean) {
  await db
    .update(users)
    .set({ totpSecret: secret, totpEnabledAt: enabled ? new Date() : null })
    .where(eq(users.id, userId))
}

export async function readSession(db: DbOrTx, id: string) {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id))
  return row
}

export async function writeSession(db: DbOrTx, id: string, data: Record<string, unknown>, expiresAt: Date) {
  await db
    .insert(sessions)
    .values({ id, data, expiresAt })
    .onConflictDoUpdate({ target: sessions.id, set: { data, expiresAt, updatedAt: new Date() } })
}

export async function deleteSession(db: DbOrTx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteExpiredSessions(db: DbOrTx) {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()))
}

export async function insertApiToken(db: DbOrTx, userId: string, name: string, tokenHash: string) {
  const [row] = await db.insert(apiTokens).values({ userId, name, tokenHash }).returning({ id: apiTokens.id })
  return row
}

export async function findUserByApiToken(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(apiTokens.userId, users.id))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
  if (row) await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId))
  return row?.user
}
