import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { loadConfig } from '../../src/config.js'
import { type Database, openDatabase } from '../../src/db/client.js'
import { createLogger } from '../../src/logger.js'
import { seedDemo } from '../../src/services/seed/demo.js'
import { migrateAndLoadReferenceData } from '../../src/services/setup/migrate.js'
import { buildApp, type RouteRecord } from '../../src/web/app.js'
import { freshDatabase } from './databases.js'

export const DEMO_PASSWORD = 'lantern-demo-2026'

/** A mutable clock the tests move forward instead of sleeping. */
export class TestClock {
  constructor(public current = new Date('2026-11-27T10:00:00Z')) {}
  now = () => new Date(this.current)
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms)
  }
}

export type TestApp = {
  app: FastifyInstance & { lanternRoutes: RouteRecord[] }
  database: Database
  clock: TestClock
  close(): Promise<void>
}

export async function startTestApp(
  kind: 'pglite' | 'postgres',
  opts: { env?: Record<string, string>; seed?: boolean } = {},
): Promise<TestApp> {
  const fresh = await freshDatabase(kind)
  const database = await openDatabase(fresh.options)
  await migrateAndLoadReferenceData(database)
  const clock = new TestClock()
  const config = loadConfig({
    NODE_ENV: 'test',
    LANTERN_DEMO: 'true',
    LOG_LEVEL: 'silent',
    SIGN_IN_RATE_PER_MINUTE: '10000',
    ...opts.env,
  })
  const deps = { db: database.db, database, now: clock.now }
  if (opts.seed !== false) await seedDemo(deps)
  // LANTERN_TEST_LOG=error shows server-side errors while debugging a test.
  const logLevel = process.env.LANTERN_TEST_LOG
  const app = await buildApp({ ...deps, config, logger: logLevel ? createLogger(logLevel) : false })
  await app.ready()
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close()
      await database.close()
      await fresh.drop()
    },
  }
}

/** A browser-like client for app.inject: keeps cookies and reads the CSRF token from pages. */
export class Client {
  cookies = new Map<string, string>()
  csrf = ''
  constructor(private readonly app: FastifyInstance) {}

  private store(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (m?.[1]) this.csrf = m[1]
  }

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, ...headers } })
    this.store(res)
    return res
  }

  async post(url: string, form: Record<string, string | string[]> = {}, opts: { csrf?: boolean } = {}) {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x)
    if (opts.csrf !== false) body.set('_csrf', this.csrf)
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    })
    this.store(res)
    return res
  }

  async json(
    method: 'POST' | 'PUT' | 'PATCH' | 'GET',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      headers: { cookie: this.cookieHeader, 'x-csrf-token': this.csrf, ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
    this.store(res)
    return res
  }
}

export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(app)
  await client.get('/sign-in')
  const res = await client.post('/sign-in', { email, password })
  if (res.statusCode !== 302) throw new Error(`sign-in as ${email} failed with ${res.statusCode}`)
  await client.get('/')
  return client
}

export const DEMO = {
  response: 'response@demo.lantern',
  custody: 'custody@demo.lantern',
  investigator: 'investigator@demo.lantern',
  supervisor: 'supervisor@demo.lantern',
  lead: 'lead@demo.lantern',
  analyst: 'analyst@demo.lantern',
  admin: 'admin@demo.lantern',
  inspector: 'inspector@demo.lantern',
  kentResponse: 'response@kent.demo.lantern',
  kentInvestigator: 'investigator@kent.demo.lantern',
  kentAdmin: 'admin@kent.demo.lantern',
} as const
