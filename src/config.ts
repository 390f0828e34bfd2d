import { resolve } from 'node:path'
import { z } from 'zod'

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes')

// One schema over process.env: typed, and start-up fails fast with every problem named.
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  LANTERN_DATA_DIR: z.string().min(1).default('./data'),
  LANTERN_DEMO: bool.optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(240).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(1_048_576),
})

export type Env = z.infer<typeof EnvSchema>

export type Config = {
  env: Env['NODE_ENV']
  port: number
  host: string
  publicUrl: string
  database: { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; poolSize: number }
  /** Demo mode seeds demo forces, users and records and allows the published demo passwords. */
  demo: boolean
  sessionSecret: string
  session: { idleMinutes: number; absoluteHours: number; cookieSecure: boolean }
  /** Per-IP throttle on sign-in posts, per process; the account lock-out is in the database. */
  signIn: { maxFailures: number; lockMinutes: number; ratePerMinute: number }
  trustProxy: boolean
  logLevel: Env['LOG_LEVEL']
  bodyLimitBytes: number
}

export class ConfigError extends Error {}

// A fixed development secret is fine only where no real data can exist: demo mode on PGlite.
const DEMO_SESSION_SECRET = 'lantern-demo-session-secret-not-for-production-use'

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`)
  }
  const e = parsed.data
  const postgres = e.DATABASE_URL !== undefined
  // A production start on PostgreSQL seeds nothing and refuses demo passwords (issue #2).
  const demo = e.LANTERN_DEMO ?? !postgres
  if (e.NODE_ENV === 'production' && demo && postgres) {
    throw new ConfigError(
      'LANTERN_DEMO cannot be true in production with DATABASE_URL: demo users have public passwords',
    )
  }
  const sessionSecret = e.SESSION_SECRET ?? (demo || e.NODE_ENV === 'test' ? DEMO_SESSION_SECRET : undefined)
  if (sessionSecret === undefined) {
    throw new ConfigError('SESSION_SECRET is required when not in demo mode (32 characters or more)')
  }
  const publicUrl = e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: publicUrl.replace(/\/$/, ''),
    database: postgres
      ? { kind: 'postgres', url: e.DATABASE_URL as string, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: resolve(e.LANTERN_DATA_DIR, 'pglite') },
    demo,
    sessionSecret,
    session: {
      idleMinutes: e.SESSION_IDLE_MINUTES,
      absoluteHours: e.SESSION_ABSOLUTE_HOURS,
      cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    },
    signIn: {
      maxFailures: e.SIGN_IN_MAX_FAILURES,
      lockMinutes: e.SIGN_IN_LOCK_MINUTES,
      ratePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    },
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
  }
}
