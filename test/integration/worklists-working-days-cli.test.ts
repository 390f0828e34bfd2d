import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

// `lantern working-days` needs no database: it runs the same module that computes every deadline.
const run = promisify(execFile)

async function lantern(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/lantern.mjs', ...args], { timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, stdout: err.stdout, stderr: err.stderr }
  }
}

describe('lantern working-days', () => {
  it('adds working days over Christmas, by region', async () => {
    // Friday 20 December 2024: Christmas and Boxing Day are holidays everywhere, 2 January in Scotland only.
    expect((await lantern(['working-days', 'add', '--from', '2024-12-20', '--days', '5'])).stdout).toBe('2024-12-31\n')
    const scotland = await lantern([
      'working-days',
      'add',
      '--from',
      '2024-12-27',
      '--days',
      '3',
      '--region',
      'scotland',
    ])
    expect(scotland).toMatchObject({ code: 0, stdout: '2025-01-03\n' })
    const ew = await lantern(['working-days', 'add', '--from', '2024-12-27', '--days', '3'])
    expect(ew.stdout).toBe('2025-01-02\n')
  })

  it('counts the working days between two dates, skipping Easter and a one-off holiday', async () => {
    // Easter 2024: Good Friday 29 March and Easter Monday 1 April (not in Scotland).
    const ew = await lantern(['working-days', 'between', '--from', '2024-03-28', '--to', '2024-04-02'])
    expect(ew).toMatchObject({ code: 0, stdout: '1\n' })
    const scot = await lantern([
      'working-days',
      'between',
      '--from',
      '2024-03-28',
      '--to',
      '2024-04-02',
      '--region',
      'scotland',
    ])
    expect(scot.stdout).toBe('2\n')
    // 19 September 2022, the State Funeral, was a one-off bank holiday.
    const funeral = await lantern(['working-days', 'between', '--from', '2022-09-16', '--to', '2022-09-20'])
    expect(funeral.stdout).toBe('1\n')
    const backwards = await lantern(['working-days', 'between', '--from', '2024-04-02', '--to', '2024-03-28'])
    expect(backwards.stdout).toBe('-1\n')
  })

  it('prints help and refuses bad input with one line and exit 2', async () => {
    const help = await lantern(['working-days', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('lantern working-days add --from YYYY-MM-DD --days N')
    expect(help.stdout).toContain('lantern working-days between --from YYYY-MM-DD --to YYYY-MM-DD')
    expect((await lantern(['--help'])).stdout).toContain('  working-days')

    const cases: [string[], string][] = [
      [['working-days', 'add', '--from', '2023-02-30', '--days', '1'], 'February 2023 has 28 days'],
      [
        ['working-days', 'add', '--from', '2024-01-01', '--days', '-3'],
        '--days must be a whole number of 0 or more, not "-3"',
      ],
      [['working-days', 'add', '--from', '2024-01-01', '--days', 'five'], '--days must be a whole number'],
      [['working-days', 'add', '--from', '2024-01-01'], '--days is required'],
      [['working-days', 'add', '--days', '2'], '--from is required'],
      [['working-days', 'add', '--from', '2024-01-01', '--days', '2', '--region', 'wales'], 'Unknown region "wales"'],
      [['working-days', 'between', '--from', '2024-01-01', '--to', '1 May'], '"1 May" is not a date'],
      [['working-days', 'between', '--from', '1900-01-01', '--to', '1900-02-01'], 'Bank holidays are known for 1990'],
      [['working-days', 'subtract', '--from', '2024-01-01'], 'Unknown working-days command "subtract"'],
      [['working-days', 'add', '--from', '2024-01-01', '--days', '1', '--wat'], "Unknown option '--wat'"],
    ]
    for (const [args, message] of cases) {
      const res = await lantern(args)
      expect(res.code, args.join(' ')).toBe(2)
      expect(res.stderr, args.join(' ')).toContain(message)
      expect(res.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1)
    }
  })
})
