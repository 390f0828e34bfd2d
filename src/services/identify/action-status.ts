import type { EncounterRow } from '../../db/repositories/encounters.js'
import type { ActionCode } from '../../domain/identify/actions.js'
import type { Ctx, Deps } from '../context.js'
import { s45FlagResolver } from '../custody/s45-flag.js'
import { referralActionResolver } from '../refer/action-resolver.js'
import { noReferralDecisionResolver } from '../refer/no-referral-action-resolver.js'

/** Where an assessment action stands: later capabilities (inform, refer, custody) mark theirs done. */
export type ActionState = {
  status: 'to-do' | 'done' | 'in-progress'
  detail?: string
  href?: string
  hrefText?: string
}

export type ActionResolver = (
  deps: Deps,
  ctx: Ctx,
  encounter: EncounterRow,
) => Promise<Partial<Record<ActionCode, ActionState>>>

// Each capability that carries out an action registers a resolver here.
// Order matters: a later resolver's states replace an earlier one's.
export const actionResolvers: ActionResolver[] = [referralActionResolver, noReferralDecisionResolver, s45FlagResolver]

export async function actionStates(
  deps: Deps,
  ctx: Ctx,
  encounter: EncounterRow,
): Promise<Partial<Record<ActionCode, ActionState>>> {
  const states: Partial<Record<ActionCode, ActionState>> = {}
  for (const resolve of actionResolvers) Object.assign(states, await resolve(deps, ctx, encounter))
  return states
}
