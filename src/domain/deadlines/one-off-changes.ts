import { z } from 'zod'
import { Jurisdiction } from '../shared/vocabulary.js'
import { BankHolidaySource } from './bank-holiday.js'
import { IsoDate, isWeekend } from './iso-date.js'
import data from './one-off-changes.json' with { type: 'json' }

const changeBase = {
  /** Stable id, e.g. "2020-ve-day-75-move-ew". */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'An id is lowercase words and digits joined by hyphens'),
  regions: z.array(Jurisdiction).min(1, 'Name at least one region the change applies to'),
  date: IsoDate,
  name: z.string().min(1, 'Give the holiday a name'),
  reason: z.string().min(1, 'Say why the change was made'),
  source: BankHolidaySource.omit({ kind: true }),
}

// law-and-process.md §8: one-off changes by Royal Proclamation, either moving a standing holiday or adding a day.
export const OneOffChange = z
  .discriminatedUnion('kind', [
    z.object({ ...changeBase, kind: z.literal('move'), replaces: IsoDate }),
    z.object({ ...changeBase, kind: z.literal('addition') }),
  ])
  .superRefine((change, ctx) => {
    if (isWeekend(change.date)) ctx.addIssue({ code: 'custom', message: `${change.id}: ${change.date} is a weekend` })
    if (change.kind === 'move' && change.replaces.slice(0, 4) !== change.date.slice(0, 4)) {
      ctx.addIssue({ code: 'custom', message: `${change.id}: a move must stay within the same year` })
    }
  })
export type OneOffChange = z.infer<typeof OneOffChange>

export const OneOffChanges = z
  .object({
    /** Bump on every edit: it is part of RULE_VERSION, recorded on each computed deadline. */
    version: z.string().min(1),
    changes: z.array(OneOffChange),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>()
    for (const change of file.changes) {
      if (seen.has(change.id)) ctx.addIssue({ code: 'custom', message: `Duplicate one-off change id ${change.id}` })
      seen.add(change.id)
    }
  })
export type OneOffChanges = z.infer<typeof OneOffChanges>

/** The bundled one-off changes (one-off-changes.json), checked when the module loads. */
export const ONE_OFF_CHANGES: OneOffChanges = OneOffChanges.parse(data)
