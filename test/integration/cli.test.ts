import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'lantern-cli-'))
const env = { ...process.env, LANTERN_DATA_DIR: dir, LOG_LEVEL: 'silent', DATABASE_URL: '' }
delete (env as Record<string, string | undefined>).DATABASE_URL

async function lantern(args: string[], input?: string) {
  const child = run('node', ['bin/lantern.mjs', ...args], { env, timeout: 60_000 })
  if (input !== undefined) {
    child.child.stdin?.end(input)
  }
  try {
    const { stdout, stderr } = await child
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('lantern command line (PGlite data directory)', () => {
  it('prints help for every command', async () => {
    const top = await lantern(['--help'])
    expect(top.code).toBe(0)
    for (const c of ['serve', 'worker', 'migrate', 'seed', 'users', 'audit']) expect(top.stdout).toContain(`  ${c}`)
    const users = await lantern(['users', '--help'])
    expect(users.stdout).toContain('lantern users add --force FORCE_ID --role ROLE --email EMAIL')
  })

  it('exits non-zero with a one-line reason on bad input', async () => {
    const unknown = await lantern(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1)
    const badRole = await lantern(['users', 'add', '--force', 'kent', '--role', 'wizard', '--email', 'a@b.c'])
    expect(badRole.code).toBe(2)
    expect(badRole.stderr).toContain('Unknown role "wizard"')
    const badForce = await lantern([
      'users',
      'add',
      '--force',
      'atlantis',
      '--role',
      'investigator',
      '--email',
      'a@b.c',
    ])
    expect(badForce.stderr).toContain('Unknown force "atlantis"')
    const badOpt = await lantern(['migrate', '--wat'])
    expect(badOpt.code).toBe(2)
    const workerOnPglite = await lantern(['worker'])
    expect(workerOnPglite.code).toBe(2)
    expect(workerOnPglite.stderr).toContain('lantern worker needs PostgreSQL (DATABASE_URL)')
    const seedWithout = await lantern(['seed'])
    expect(seedWithout.stderr).toContain('lantern seed --demo')
  })

  it('stops with a one-line reason when the database cannot be reached', async () => {
    const res = await run('node', ['bin/lantern.mjs', 'migrate'], {
      env: { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SESSION_SECRET: 'x'.repeat(40) },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    )
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(
      /^lantern migrate: Cannot open the database \(postgres:\/\/nobody@127\.0\.0\.1:1\/none\): .*ECONNREFUSED/,
    )
  })

  it('migrates, seeds idempotently, adds a user and verifies the audit chain, then finds tampering', async () => {
    expect((await lantern(['migrate'])).code).toBe(0)
    const s1 = await lantern(['seed', '--demo'])
    expect(s1.code).toBe(0)
    expect(s1.stdout).toContain('users +11')
    const s2 = await lantern(['seed', '--demo'])
    expect(s2.stdout).toContain('users +0')
    // One scheduler pass: the demo's overdue tasks give reminders (email skipped, no SMTP); a second pass adds none.
    const pass1 = await lantern(['worker', '--once'])
    expect(pass1.code).toBe(0)
    const first = JSON.parse(pass1.stdout) as { reminders: number; skipped: number; failed: number }
    expect(first.reminders).toBeGreaterThan(0)
    expect(first.skipped).toBeGreaterThanOrEqual(first.reminders)
    expect(first.failed).toBe(0)
    expect(JSON.parse((await lantern(['worker', '--once'])).stdout)).toMatchObject({ reminders: 0, skipped: 0 })
    const add = await lantern(
      [
        'users',
        'add',
        '--force',
        'merseyside',
        '--role',
        'investigator',
        '--email',
        'dc.jones@merseyside.example',
        '--password-stdin',
      ],
      'a-strong-password-for-cli\n',
    )
    expect(add.code).toBe(0)
    expect(add.stdout).toContain('Added dc.jones@merseyside.example (investigator, merseyside)')
    const demoPw = await lantern(
      ['users', 'add', '--force', 'none', '--role', 'inspector', '--email', 'i@x.example', '--password-stdin'],
      'short\n',
    )
    expect(demoPw.code).toBe(2)
    expect(demoPw.stderr).toContain('at least 12 characters')
    const ok = await lantern(['audit', 'verify'])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Audit chain intact: \d+ events verified/)

    const db = await PGlite.create(join(dir, 'pglite'))
    const { rows } = await db.query<{ id: number }>('select id from audit_events order by id limit 1 offset 3')
    const id = Number(rows[0]?.id)
    await db.exec('alter table audit_events disable trigger audit_events_no_update_delete')
    await db.query("update audit_events set record_id = 'someone-else' where id = $1", [id])
    await db.close()
    const broken = await lantern(['audit', 'verify'])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toContain(`Audit chain broken at event ${id}: its content was changed`)
  })
})

describe('lantern indicators and lantern assess', () => {
  it('prints the catalogue as JSON with the fields other systems rely on', async () => {
    const res = await lantern(['indicators', '--json'])
    expect(res.code).toBe(0)
    const items = JSON.parse(res.stdout) as Record<string, unknown>[]
    expect(items.length).toBeGreaterThan(60)
    for (const key of ['id', 'title', 'types', 'appliesTo', 'grade', 'refs', 'confidence'])
      expect(items[0]).toHaveProperty(key)
  })

  it('assesses JSON from stdin and names every invalid field with a non-zero exit', async () => {
    const ok = await lantern(
      ['assess', '-'],
      JSON.stringify({
        person: { age: 16, role: 'arrested' },
        indicators: [{ id: 'gen-debt', provenance: 'disclosed' }],
        consent: 'not-asked',
        immediateRisk: false,
        placeType: 'cannabis-grow',
        occurredAt: '2026-11-20T06:00:00Z',
      }),
    )
    expect(ok.code).toBe(0)
    const a = JSON.parse(ok.stdout)
    expect(a.pathway).toBe('nrm-child')
    expect(a.actions.map((x: { code: string }) => x.code)).toContain('s45-flag')
    const bad = await lantern(['assess', '-'], JSON.stringify({ person: { role: 'x' }, indicators: [{ id: 'nope' }] }))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('invalid: person.role')
    expect(bad.stderr).toContain('invalid: indicators[0].id: unknown indicator id "nope"')
    expect(bad.stderr).toContain('invalid: occurredAt: required')
    const notJson = await lantern(['assess', '-'], '{not json')
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toContain('is not valid JSON')
    const missing = await lantern(['assess', '/no/such/file.json'])
    expect(missing.stderr).toContain('Cannot read /no/such/file.json: ENOENT')
  })
})
