import { findLiveNoReferralDecision } from '../../db/repositories/no-referral-decisions.js'
import { listReferralsForEncounter, listTransfersOutForEncounter } from '../../db/repositories/referrals.js'
import { can, forceScopeOf } from '../../domain/access/policy.js'
import type { ActionCode } from '../../domain/identify/actions.js'
import { noReferralReasonInfo } from '../../domain/referral/no-referral-decision.js'
import type { ActionResolver, ActionState } from '../identify/action-status.js'

/**
 * Marks the referral and Duty to Notify actions done when a supervisor's decision that neither is needed stands and
 * nothing was sent. A referral sent later wins: the decision never stops one.
 */
export const noReferralDecisionResolver: ActionResolver = async (deps, ctx, encounter) => {
  if (!can(ctx.actor, 'encounter:read') || ctx.actor.forceId === null) return {}
  const scope = forceScopeOf(ctx.actor)
  const live = await findLiveNoReferralDecision(deps.db, scope, encounter.id)
  if (!live) return {}
  const [referrals, transfers] = await Promise.all([
    listReferralsForEncounter(deps.db, scope, encounter.id),
    listTransfersOutForEncounter(deps.db, scope, encounter.id),
  ])
  if (referrals.some((r) => r.status !== 'draft' && r.status !== 'withdrawn') || transfers.length > 0) return {}
  const state: ActionState = {
    status: 'done',
    detail: `Not needed: supervisor’s decision (${noReferralReasonInfo[live.reason].label.toLowerCase()})`,
    href: `/encounters/${encounter.id}/no-referral-decision`,
  }
  // Asking about consent only matters for a referral, so the decision settles it too.
  const states: Partial<Record<ActionCode, ActionState>> = {
    'ask-consent': state,
    'refer-nrm': state,
    'notify-dtn': state,
  }
  return states
}
