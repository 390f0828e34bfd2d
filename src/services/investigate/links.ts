import { type LinkedRecord, listInvestigationsLinkedTo } from '../../db/repositories/investigation-links.js'
import { can, forceScopeOf } from '../../domain/access/policy.js'
import { investigationStatusLabels } from '../../domain/investigation/status.js'
import type { Ctx, Deps } from '../context.js'

/**
 * What an encounter, referral or crime record page shows about investigations: the ones opened from it (for roles
 * that may read them) and whether this user may open one. Titles are operation names, never a person's name.
 */
export async function investigationLinks(deps: Deps, ctx: Ctx, link: LinkedRecord) {
  const canOpen = can(ctx.actor, 'investigation:create')
  if (!can(ctx.actor, 'investigation:read') || ctx.actor.forceId === null) return { canOpen, linked: [] }
  const rows = await listInvestigationsLinkedTo(deps.db, forceScopeOf(ctx.actor), link)
  return {
    canOpen,
    linked: rows.map((r) => ({
      ...r,
      statusLabel: investigationStatusLabels[r.status],
      href: `/investigations/${r.id}`,
    })),
  }
}
