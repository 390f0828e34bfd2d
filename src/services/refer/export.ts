import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { forceById } from '../../domain/forces/forces.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { referralDocument, referralExport } from './document.js'
import { referralPdf } from './pdf.js'
import { loadOrExplain } from './referrals.js'

/**
 * The referral as JSON or PDF, so an officer can complete the Home Office form quickly and keep a copy for the file.
 * Every export is audited as an export: it takes personal data out of Lantern.
 */
export async function exportReferral(
  deps: Deps,
  ctx: Ctx,
  id: string,
  format: 'json' | 'pdf',
): Promise<{ reference: string; json: ReturnType<typeof referralExport> } | { reference: string; pdf: Buffer }> {
  assertCan(ctx.actor, 'referral:read')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  const loaded = await deps.db.transaction(async (tx) => {
    const found = await loadOrExplain(tx, scope, id, now)
    await audit(tx, ctx, { action: 'export', recordType: 'referral', recordId: id, details: { format } }, now)
    return found
  })
  if (format === 'json') return { reference: loaded.row.reference, json: referralExport(loaded, now) }
  const pdf = await referralPdf(
    {
      reference: loaded.row.reference,
      kind: loaded.row.kind,
      status: loaded.row.status,
      homeOfficeReference: loaded.row.homeOfficeReference,
      forceName: forceById(scope.forceId)?.name ?? scope.forceId,
      exportedAt: now,
      exportedBy: ctx.actor.displayName,
    },
    referralDocument(loaded),
  )
  return { reference: loaded.row.reference, pdf }
}
