import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('configuration', () => {
  it('defaults to PGlite under ./data in demo mode on port 3000', () => {
    const c = loadConfig({})
    expect(c.database).toMatchObject({ kind: 'pglite' })
    expect(c.database.kind === 'pglite' && c.database.dataDir?.endsWith('data/pglite')).toBe(true)
    expect(c.demo).toBe(true)
    expect(c.port).toBe(3000)
    expect(c.host).toBe('localhost')
  })

  it('switches to PostgreSQL with DATABASE_URL, where demo mode is off and a session secret is required', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://db/lantern' })).toThrow(/SESSION_SECRET is required/)
    const c = loadConfig({ DATABASE_URL: 'postgres://db/lantern', SESSION_SECRET: 's'.repeat(32) })
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgres://db/lantern', poolSize: 10 })
    expect(c.demo).toBe(false)
  })

  it('refuses demo mode in production on PostgreSQL', () => {
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        DATABASE_URL: 'postgres://db/x',
        LANTERN_DEMO: 'true',
        SESSION_SECRET: 's'.repeat(40),
      }),
    ).toThrow(ConfigError)
  })

  it('names every bad setting at once', () => {
    const message = (() => {
      try {
        loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', SESSION_SECRET: 'short' })
        return ''
      } catch (e) {
        return (e as Error).message
      }
    })()
    expect(message).toContain('PORT: ')
    expect(message).toContain('LOG_LEVEL: ')
    expect(message).toContain('SESSION_SECRET: SESSION_SECRET must be at least 32 characters')
  })

  it('honours PORT, HOST and LANTERN_DATA_DIR', () => {
    const c = loadConfig({ PORT: '8080', HOST: '0.0.0.0', LANTERN_DATA_DIR: '/var/lib/lantern' })
    expect(c.port).toBe(8080)
    expect(c.host).toBe('0.0.0.0')
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '/var/lib/lantern/pglite' })
  })
})
