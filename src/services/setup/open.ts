import type { Config } from '../../config.js'
import { type Database, openDatabase } from '../../db/client.js'

export class StartupError extends Error {}

/** Opens the configured database with a one-line reason when it cannot be reached. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  try {
    return await openDatabase(config.database)
  } catch (e) {
    const where =
      config.database.kind === 'postgres' ? redactUrl(config.database.url) : `PGlite at ${config.database.dataDir}`
    const reason = e instanceof Error ? e.message : String(e)
    throw new StartupError(`Cannot open the database (${where}): ${reason}`)
  }
}

function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'DATABASE_URL'
  }
}
