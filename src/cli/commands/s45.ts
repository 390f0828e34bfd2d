import { parseArgs } from 'node:util'
import { assessS45 } from '../../domain/s45/assess-s45.js'
import { type Command, UsageError } from '../command.js'

/**
 * The s45 statutory defence assistant for other systems (Modern Slavery Act 2015; England and Wales): prints the
 * assessment as JSON. An offence Lantern cannot identify is an error with close matches, never a silent "available".
 */
export const s45Command: Command = {
  name: 's45',
  summary: 'Whether the s45 defence is available for an offence, and which limb applies; prints JSON',
  usage:
    'lantern s45 --age N --offence "OFFENCE" [--date YYYY-MM-DD] [--jurisdiction england-and-wales|scotland|northern-ireland]\n' +
    '  N is the age in whole years at the time of the act. OFFENCE is a common-law offence name (murder,\n' +
    '  manslaughter, kidnapping, false imprisonment, perverting the course of justice) or an Act, year and\n' +
    '  section such as "Theft Act 1968 s8" or "Misuse of Drugs Act 1971 s4(2)".',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        age: { type: 'string' },
        offence: { type: 'string' },
        date: { type: 'string' },
        jurisdiction: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    })
    if (positionals.length > 0) {
      throw new UsageError(
        `Unexpected "${positionals.join(' ')}": quote the offence, e.g. --offence "Theft Act 1968 s8"`,
      )
    }
    if (values.age === undefined) throw new UsageError('Give the age at the time of the act: --age N')
    if (values.offence === undefined) throw new UsageError('Give the offence: --offence "Theft Act 1968 s8"')
    const result = assessS45({
      ageAtOffence: values.age,
      offence: values.offence,
      ...(values.date === undefined ? {} : { offenceDate: values.date }),
      ...(values.jurisdiction === undefined ? {} : { jurisdiction: values.jurisdiction }),
    })
    if (!result.ok) throw new UsageError(result.errors.map((e) => e.message).join(' '))
    const a = result.assessment
    io.out(
      JSON.stringify(
        {
          available: a.available,
          limb: a.limb,
          excludedBy: a.excludedBy,
          excludedVia: a.excludedVia,
          elements: a.elements,
          summary: a.summary,
          offence: a.offence,
          ageAtOffence: a.ageAtOffence,
          offenceDate: a.offenceDate,
          jurisdiction: a.jurisdiction,
          notApplicable: a.notApplicable,
          excludedIf: a.excludedIf,
          burden: a.burden,
          stillApplies: a.stillApplies,
          confidence: a.confidence,
          confidenceNotes: a.confidenceNotes,
          sources: a.sources,
          scheduleVersion: a.scheduleVersion,
        },
        null,
        2,
      ),
    )
    return 0
  },
}
