import type { Config } from './config.js'
import { createLogger } from './logger.js'
import { seedDemo } from './services/seed/demo.js'
import { migrateAndLoadReferenceData } from './services/setup/migrate.js'
import { openConfiguredDatabase } from './services/setup/open.js'
import { buildApp } from './web/app.js'
import { assetsAreStale, buildAssets } from './web/build-assets.js'

/** config → database → migrate → demo seed (demo mode only) → assets → app → listen. */
export async function startServer(config: Config) {
  const logger = createLogger(config.logLevel)
  const database = await openConfiguredDatabase(config)
  await migrateAndLoadReferenceData(database)
  const now = () => new Date()
  if (config.demo) {
    const counts = await seedDemo({ db: database.db, database, now })
    logger.info({ counts }, 'demo data ready')
  }
  if (assetsAreStale()) buildAssets()
  const app = await buildApp({ db: database.db, database, now, config, logger })
  const close = async () => {
    await app.close()
    await database.close()
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })
  }
  await app.listen({ port: config.port, host: config.host })
  logger.info(
    { url: config.publicUrl, database: database.kind, demo: config.demo },
    `Lantern is running at http://${config.host}:${config.port}`,
  )
  return { app, database, close }
}
