import { parseArgs } from 'node:util'
import { loadConfig } from '../../config.js'
import { createLogger } from '../../logger.js'
import { runDueJobs, type SchedulerDeps, smtpMailer, startScheduler } from '../../services/notifications/scheduler.js'
import { loadNotificationSettings } from '../../services/notifications/settings.js'
import { migrateAndLoadReferenceData } from '../../services/setup/migrate.js'
import { openConfiguredDatabase } from '../../services/setup/open.js'
import { type Command, UsageError } from '../command.js'
import { withDatabase } from '../runtime.js'

const DEFAULT_WORKER_INTERVAL_SECONDS = 60

/**
 * The reminder scheduler and e-mail outbox as a process of its own, so a force scales out with web nodes that run
 * `LANTERN_SCHEDULER_INTERVAL_SECONDS=0 lantern serve` and one or more workers: jobs are claimed with
 * FOR UPDATE SKIP LOCKED, so workers never run one twice. PGlite is one process's database, so there the
 * scheduler runs inside `lantern serve` and `--once` is for operators and tests.
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'Run the reminder scheduler and e-mail outbox on their own (PostgreSQL); --once runs one pass',
  usage: 'lantern worker [--once]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { once: { type: 'boolean' } }, strict: true })
    const config = loadConfig()
    const settings = loadNotificationSettings(process.env, config.env)
    const mailer = settings.smtpUrl ? smtpMailer(settings.smtpUrl, settings.from) : null
    if (values.once) {
      const summary = await withDatabase(({ db }) =>
        runDueJobs({ db, publicUrl: config.publicUrl, mailer }, new Date()),
      )
      io.out(JSON.stringify(summary))
      return 0
    }
    if (config.database.kind !== 'postgres') {
      throw new UsageError(
        'lantern worker needs PostgreSQL (DATABASE_URL): on PGlite the scheduler runs inside lantern serve',
      )
    }
    const logger = createLogger(config.logLevel)
    const database = await openConfiguredDatabase(config)
    await migrateAndLoadReferenceData(database)
    const deps: SchedulerDeps = { db: database.db, publicUrl: config.publicUrl, mailer, log: logger }
    const intervalSeconds = settings.intervalSeconds || DEFAULT_WORKER_INTERVAL_SECONDS
    const handle = startScheduler(deps, intervalSeconds * 1000, () => new Date())
    logger.info({ intervalSeconds, email: mailer !== null }, 'worker started')
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        handle
          .stop()
          .then(() => database.close())
          .then(
            () => process.exit(0),
            () => process.exit(1),
          )
      })
    }
    return new Promise<number>(() => {})
  },
}
