import { Socket } from 'node:net'
import pg from 'pg'
import type { DatabaseOptions } from '../../src/db/client.js'

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/test'
export const inCi = process.env.CI === 'true'

function reachable(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket()
    const done = (ok: boolean) => {
      s.destroy()
      resolve(ok)
    }
    s.setTimeout(timeoutMs)
    s.once('connect', () => done(true))
    s.once('timeout', () => done(false))
    s.once('error', () => done(false))
    s.connect(port, host)
  })
}

/**
 * The databases every integration test runs on: PGlite always, PostgreSQL where TEST_DATABASE_URL is
 * set or 127.0.0.1:5432 answers. In CI a missing PostgreSQL fails the run instead of skipping.
 */
export async function testDatabaseKinds(): Promise<('pglite' | 'postgres')[]> {
  const url = new URL(process.env.TEST_DATABASE_URL ?? DEFAULT_PG)
  const ok = await reachable(url.hostname, Number(url.port || 5432))
  if (!ok) {
    const msg = `PostgreSQL is not reachable at ${url.hostname}:${url.port || 5432}`
    if (inCi) throw new Error(`${msg}: CI must run the integration tests on both databases`)
    console.warn(`${msg}: running integration tests on PGlite only (set TEST_DATABASE_URL to include PostgreSQL)`)
    return ['pglite']
  }
  return ['pglite', 'postgres']
}

/** A fresh, empty database for one test file: in-memory PGlite, or a new PostgreSQL database. */
export async function freshDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ options: DatabaseOptions; drop(): Promise<void> }> {
  if (kind === 'pglite') return { options: { kind: 'pglite', dataDir: null }, drop: async () => {} }
  const base = process.env.TEST_DATABASE_URL ?? DEFAULT_PG
  const name = `lantern_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    options: { kind: 'postgres', url: url.toString(), poolSize: 4 },
    drop: async () => {
      const c = new pg.Client({ connectionString: base })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}
