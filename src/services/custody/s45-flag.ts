import { listCustodyNotes } from '../../db/repositories/investigations.js'
import { can, forceScopeOf } from '../../domain/access/policy.js'
import type { ActionResolver } from '../identify/action-status.js'

/**
 * Where the assessment's "flag as a possible victim" action stands: done once a note for the CPS file has been
 * prepared in custody (issue 6 §4 "Custody"). Only roles that can open the custody page get the link.
 */
export const s45FlagResolver: ActionResolver = async (deps, ctx, encounter) => {
  const actions = (encounter.assessment?.actions as { code: string }[] | undefined) ?? []
  if (!actions.some((a) => a.code === 's45-flag') || ctx.actor.forceId === null) return {}
  const href = can(ctx.actor, 'custody:view') ? `/custody/${encounter.id}` : undefined
  const [latest] = await listCustodyNotes(deps.db, forceScopeOf(ctx.actor), [encounter.id])
  if (latest) {
    return {
      's45-flag': {
        status: 'done',
        detail: 'Flagged; note for the CPS file prepared',
        ...(href ? { href: `${href}/notes/${latest.note.id}`, hrefText: 'View the note for the CPS file' } : {}),
      },
    }
  }
  return {
    's45-flag': {
      status: 'to-do',
      ...(href ? { href, hrefText: 'Prepare the note for the CPS file' } : {}),
    },
  }
}
