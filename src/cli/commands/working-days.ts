import { parseArgs } from 'node:util'
import {
  addWorkingDays,
  InvalidDateError,
  parseIsoDate,
  Region,
  RULE_VERSION,
  workingDaysBetween,
} from '../../domain/deadlines/index.js'
import { type Command, UsageError } from '../command.js'

const REGIONS = Region.options.join('|')

function regionOf(value: string | undefined): Region {
  const parsed = Region.safeParse(value ?? 'england-and-wales')
  if (!parsed.success) throw new UsageError(`Unknown region "${value}": use ${Region.options.join(', ')}`)
  return parsed.data
}

function dateOf(option: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--${option} is required (a date in the form YYYY-MM-DD)`)
  try {
    return parseIsoDate(value)
  } catch (e) {
    if (e instanceof InvalidDateError) throw new UsageError(`--${option}: ${e.message}`)
    throw e
  }
}

/** parseArgs with its multi-line messages cut to one line (the CLI's contract for bad input). */
function parse<T extends Record<string, { type: 'string' }>>(args: string[], options: T) {
  const days = args.indexOf('--days')
  if (days >= 0 && args[days + 1]?.startsWith('-')) {
    throw new UsageError(`--days must be a whole number of 0 or more, not "${args[days + 1]}"`)
  }
  try {
    return parseArgs({ args, options, strict: true }).values
  } catch (e) {
    if (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(e.message.split('\n')[0] ?? e.message)
    }
    throw e
  }
}

/** Bank-holiday arithmetic outside the supported years throws a RangeError whose message says why. */
function compute<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof RangeError || e instanceof InvalidDateError) throw new UsageError(e.message)
    throw e
  }
}

// The same module computes every deadline in Lantern (issue 5 §5); this exposes it to the shell.
export const workingDaysCommand: Command = {
  name: 'working-days',
  summary: 'Add working days to a date, or count the working days between two dates (UK bank holidays)',
  usage:
    `lantern working-days add --from YYYY-MM-DD --days N [--region ${REGIONS}]\n` +
    `       lantern working-days between --from YYYY-MM-DD --to YYYY-MM-DD [--region ${REGIONS}]\n` +
    '  add prints the date N working days after --from (the start day is not counted).\n' +
    '  between prints the working days after --from up to and including --to (negative if --to is earlier).\n' +
    `  The region defaults to england-and-wales. Rule version: ${RULE_VERSION}`,
  async run(argv, io) {
    const [sub, ...rest] = argv
    if (sub === 'add') {
      const values = parse(rest, { from: { type: 'string' }, days: { type: 'string' }, region: { type: 'string' } })
      const from = dateOf('from', values.from)
      if (values.days === undefined) throw new UsageError('--days is required (a whole number of 0 or more)')
      if (!/^\d{1,5}$/.test(values.days)) {
        throw new UsageError(`--days must be a whole number of 0 or more, not "${values.days}"`)
      }
      const region = regionOf(values.region)
      io.out(compute(() => addWorkingDays(from, Number(values.days), region)))
      return 0
    }
    if (sub === 'between') {
      const values = parse(rest, { from: { type: 'string' }, to: { type: 'string' }, region: { type: 'string' } })
      const from = dateOf('from', values.from)
      const to = dateOf('to', values.to)
      const region = regionOf(values.region)
      io.out(String(compute(() => workingDaysBetween(from, to, region))))
      return 0
    }
    throw new UsageError(`Unknown working-days command "${sub ?? ''}": use add or between (see --help)`)
  },
}
