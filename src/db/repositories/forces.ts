import { eq, sql } from 'drizzle-orm'
import type { ForceScope } from '../../domain/access/policy.js'
import type { Force } from '../../domain/forces/forces.js'
import type { DbOrTx } from '../client.js'
import { forces } from '../schema/forces.js'

/** Reference data, loaded by `migrate`/`seed`: insert new forces and refresh names. */
export async function upsertForces(db: DbOrTx, rows: readonly Force[]): Promise<void> {
  await db
    .insert(forces)
    .values(rows.map((f) => ({ id: f.id, name: f.name, jurisdiction: f.jurisdiction, territorial: f.territorial })))
    .onConflictDoUpdate({
      target: forces.id,
      set: {
        name: sql`excluded.name`,
        jurisdiction: sql`excluded.jurisdiction`,
        territorial: sql`excluded.territorial`,
      },
    })
}

export async function listForces(db: DbOrTx) {
  return db.select().from(forces).orderBy(forces.name)
}

export async function getForce(db: DbOrTx, id: string) {
  const [row] = await db.select().from(forces).where(eq(forces.id, id))
  return row
}

export async function setRequireTwoFactor(db: DbOrTx, scope: ForceScope, required: boolean): Promise<void> {
  await db.update(forces).set({ requireTwoFactor: required, updatedAt: new Date() }).where(eq(forces.id, scope.forceId))
}
