import { type Config, loadConfig } from '../config.js'
import type { Database } from '../db/client.js'
import type { Deps } from '../services/context.js'
import { migrateAndLoadReferenceData } from '../services/setup/migrate.js'
import { openConfiguredDatabase } from '../services/setup/open.js'

/** Opens the database for a command, migrated, and closes it whatever happens. */
export async function withDatabase<T>(
  fn: (deps: Deps & { config: Config; database: Database }) => Promise<T>,
): Promise<T> {
  const config = loadConfig()
  const database = await openConfiguredDatabase(config)
  try {
    await migrateAndLoadReferenceData(database)
    return await fn({ db: database.db, database, now: () => new Date(), config })
  } finally {
    await database.close()
  }
}
