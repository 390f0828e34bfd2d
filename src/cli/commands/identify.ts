import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { assess } from '../../domain/identify/assessment.js'
import { CATALOGUE_VERSION } from '../../domain/identify/catalogue.js'
import { catalogueSummary } from '../../domain/identify/catalogue-summary.js'
import { AssessmentInput } from '../../domain/identify/encounter-input.js'
import { formatIssues } from '../../domain/identify/format-issues.js'
import { type Command, UsageError } from '../command.js'

export const indicatorsCommand: Command = {
  name: 'indicators',
  summary: 'Print the indicator catalogue (--json for other systems)',
  usage: 'lantern indicators [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true })
    const items = catalogueSummary()
    if (values.json) {
      io.out(JSON.stringify(items, null, 2))
      return 0
    }
    io.out(`Indicator catalogue ${CATALOGUE_VERSION}: ${items.length} signs`)
    for (const i of items) io.out(`${i.id.padEnd(40)} ${i.confidence.padEnd(16)} ${i.title}`)
    return 0
  },
}

export const assessCommand: Command = {
  name: 'assess',
  summary: 'Assess one encounter given as JSON (a file, or - for stdin); prints the assessment as JSON',
  usage: 'lantern assess FILE|-\n  The input schema is docs/schemas/assessment-input.schema.json',
  async run(argv, io) {
    const { positionals } = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true })
    const [file, ...extra] = positionals
    if (!file || extra.length > 0) throw new UsageError('Give exactly one input: a JSON file, or - to read stdin')
    let text: string
    try {
      text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8')
    } catch (e) {
      throw new UsageError(`Cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch (e) {
      throw new UsageError(`${file === '-' ? 'stdin' : file} is not valid JSON: ${(e as Error).message}`)
    }
    const parsed = AssessmentInput.safeParse(json)
    if (!parsed.success) {
      for (const line of formatIssues(parsed.error)) io.err(`invalid: ${line}`)
      return 2
    }
    io.out(JSON.stringify(assess(parsed.data), null, 2))
    return 0
  },
}
