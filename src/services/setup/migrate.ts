import type { Database } from '../../db/client.js'
import { upsertForces } from '../../db/repositories/forces.js'
import { FORCES } from '../../domain/forces/forces.js'

/** Applies every migration, then loads reference data that every deployment needs. */
export async function migrateAndLoadReferenceData(database: Database): Promise<void> {
  await database.migrate()
  await upsertForces(database.db, FORCES)
}
