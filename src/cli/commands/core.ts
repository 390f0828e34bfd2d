import { parseArgs } from 'node:util'
import { loadConfig } from '../../config.js'
import { roles } from '../../domain/access/roles.js'
import { forceById } from '../../domain/forces/forces.js'
import { startServer } from '../../server.js'
import { verifyAuditChain } from '../../services/audit/audit.js'
import { addUser, issueApiToken, UserInputError } from '../../services/identity/users.js'
import { seedDemo } from '../../services/seed/demo.js'
import { type Command, UsageError } from '../command.js'
import { withDatabase } from '../runtime.js'

export const serve: Command = {
  name: 'serve',
  summary: 'Start the web service (PGlite under ./data by default; DATABASE_URL for PostgreSQL)',
  usage: 'lantern serve',
  async run(argv) {
    parseArgs({ args: argv, options: {}, strict: true })
    await startServer(loadConfig())
    return new Promise<number>(() => {})
  },
}

export const migrate: Command = {
  name: 'migrate',
  summary: 'Apply database migrations and load reference data (police forces)',
  usage: 'lantern migrate',
  async run(argv, io) {
    parseArgs({ args: argv, options: {}, strict: true })
    await withDatabase(async ({ database }) => io.out(`Migrations applied on ${database.kind}.`))
    return 0
  },
}

export const seed: Command = {
  name: 'seed',
  summary: 'Load the realistic demo data (idempotent); refused with DATABASE_URL in production',
  usage: 'lantern seed --demo',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { demo: { type: 'boolean' } }, strict: true })
    if (!values.demo) throw new UsageError('Say what to seed: lantern seed --demo')
    return withDatabase(async (deps) => {
      if (!deps.config.demo) {
        throw new UsageError(
          'Demo data is refused outside demo mode (set LANTERN_DEMO=true on a non-production database)',
        )
      }
      const counts = await seedDemo(deps)
      io.out(
        `Demo data ready on ${deps.database.kind}: ${Object.entries(counts)
          .map(([k, v]) => `${k} +${v}`)
          .join(', ')}`,
      )
      return 0
    })
  },
}

export const users: Command = {
  name: 'users',
  summary: 'Add a local user account (password from --password-stdin, or generated and printed once)',
  usage:
    'lantern users add --force FORCE_ID --role ROLE --email EMAIL [--name "Display name"] [--password-stdin]\n' +
    `  ROLE is one of: ${roles.join(', ')} (an inspector takes --force none)`,
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub !== 'add') throw new UsageError(`Unknown users command "${sub ?? ''}": use lantern users add`)
    const { values } = parseArgs({
      args: rest,
      options: {
        force: { type: 'string' },
        role: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
    })
    if (!values.role) throw new UsageError('--role is required')
    if (!(roles as readonly string[]).includes(values.role)) {
      throw new UsageError(`Unknown role "${values.role}": use one of ${roles.join(', ')}`)
    }
    if (!values.email) throw new UsageError('--email is required')
    if (!values.force) throw new UsageError('--force is required (use --force none for an inspector)')
    const forceId = values.force === 'none' ? null : values.force
    if (forceId && !forceById(forceId))
      throw new UsageError(`Unknown force "${forceId}": see the force ids in the README`)
    const generated = !values['password-stdin']
    const password = generated
      ? `${crypto.randomUUID().replaceAll('-', '').slice(0, 20)}`
      : (await io.readStdin()).replace(/\r?\n$/, '')
    return withDatabase(async (deps) => {
      try {
        const user = await addUser(
          deps,
          {
            email: values.email as string,
            displayName: values.name ?? (values.email as string).split('@')[0] ?? 'User',
            role: values.role as (typeof roles)[number],
            forceId,
            password,
          },
          { demo: deps.config.demo, by: null },
        )
        io.out(`Added ${user.email} (${user.role}${user.forceId ? `, ${user.forceId}` : ''}), id ${user.id}`)
        if (generated) io.out(`Temporary password (shown once): ${password}`)
        return 0
      } catch (e) {
        if (e instanceof UserInputError) throw new UsageError(e.message)
        throw e
      }
    })
  },
}

export const audit: Command = {
  name: 'audit',
  summary: 'Verify the audit log hash chain; names the first broken event',
  usage: 'lantern audit verify',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub !== 'verify') throw new UsageError(`Unknown audit command "${sub ?? ''}": use lantern audit verify`)
    parseArgs({ args: rest, options: {}, strict: true })
    return withDatabase(async ({ db }) => {
      const r = await verifyAuditChain(db)
      if (r.ok) {
        io.out(`Audit chain intact: ${r.checked} events verified.`)
        return 0
      }
      const what =
        r.problem === 'content-changed' ? 'its content was changed' : 'the event before it is missing or was changed'
      io.err(`Audit chain broken at event ${r.brokenAt}: ${what} (${r.checked} events verified before it).`)
      return 1
    })
  },
}

export const tokens: Command = {
  name: 'tokens',
  summary: 'Issue a bearer token for another system to call /api/v1 as a user',
  usage: 'lantern tokens create --email EMAIL --name "What the token is for"',
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub !== 'create') throw new UsageError(`Unknown tokens command "${sub ?? ''}": use lantern tokens create`)
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' } },
      strict: true,
    })
    if (!values.email || !values.name) throw new UsageError('--email and --name are required')
    return withDatabase(async (deps) => {
      try {
        io.out(await issueApiToken(deps, values.email as string, values.name as string))
        return 0
      } catch (e) {
        if (e instanceof UserInputError) throw new UsageError(e.message)
        throw e
      }
    })
  },
}
