import Fastify from 'fastify'
import pg from 'pg'
import { loadConfig } from '../src/config.js'
import { type Database, openDatabase } from '../src/db/client.js'
import { seedDemo } from '../src/services/seed/demo.js'
import { migrateAndLoadReferenceData } from '../src/services/setup/migrate.js'
import { buildApp } from '../src/web/app.js'
import { type LoadResult, load, table } from './harness.js'
import { benchSections } from './sections.js'
import { signInCookie } from './session.js'

// `npm run bench`: every figure sits beside a bare Fastify route measured in the same run,
// so the ratio is comparable across machines.
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8)
const pgUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function bareBaseline(): Promise<LoadResult> {
  const bare = Fastify()
  bare.get('/bare', async () => ({ ok: true }))
  await bare.listen({ port: 0, host: '127.0.0.1' })
  const port = (bare.server.address() as { port: number }).port
  const r = await load('bare Fastify route (baseline)', () => fetch(`http://127.0.0.1:${port}/bare`), {
    seconds,
    concurrency,
  })
  await bare.close()
  return r
}

async function withApp(kind: 'pglite' | 'postgres') {
  let database: Database
  let drop = async () => {}
  if (kind === 'pglite') database = await openDatabase({ kind: 'pglite', dataDir: null })
  else {
    const name = `lantern_bench_${process.pid}`
    const admin = new pg.Client({ connectionString: pgUrl })
    await admin.connect()
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(pgUrl)
    url.pathname = `/${name}`
    database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 })
    drop = async () => {
      const c = new pg.Client({ connectionString: pgUrl })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    }
  }
  await migrateAndLoadReferenceData(database)
  const now = () => new Date()
  await seedDemo({ db: database.db, database, now })
  const config = loadConfig({
    NODE_ENV: 'production',
    LANTERN_DEMO: 'true',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'x'.repeat(40),
    COOKIE_SECURE: 'false',
    SIGN_IN_RATE_PER_MINUTE: '100000',
  })
  const app = await buildApp({
    db: database.db,
    database,
    now,
    config: { ...config, database: { kind: 'pglite', dataDir: null } },
    logger: false,
  })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
  return {
    baseUrl,
    database,
    close: async () => {
      await app.close()
      await database.close()
      await drop()
    },
  }
}

const baseline = await bareBaseline()
const rows: LoadResult[] = []
const extra: string[] = []
for (const kind of ['pglite', 'postgres'] as const) {
  const env = await withApp(kind).catch((e: Error) => {
    extra.push(`${kind}: not measured (${e.message})`)
    return null
  })
  if (!env) continue
  const cookie = await signInCookie(env.baseUrl, 'investigator@demo.lantern', 'lantern-demo-2026')
  rows.push(
    await load(`home page, signed in (${kind})`, () => fetch(`${env.baseUrl}/`, { headers: { cookie } }), {
      seconds,
      concurrency,
    }),
  )
  for (const section of benchSections) {
    const r = await section.run({ kind, baseUrl: env.baseUrl, cookie, seconds, concurrency, database: env.database })
    rows.push(...r.load)
    extra.push(...r.notes)
  }
  await env.close()
}

console.log(`Lantern bench: ${seconds}s per scenario, ${concurrency} concurrent clients, Node ${process.version}\n`)
console.log(table(rows, baseline))
if (extra.length) console.log(`\n${extra.join('\n')}`)
process.exit(0)
