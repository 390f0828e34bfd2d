import { getForce, setRequireTwoFactor } from '../../db/repositories/forces.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'

export async function getOwnForce(deps: Deps, ctx: Ctx) {
  const scope = forceScopeOf(ctx.actor)
  return getForce(deps.db, scope.forceId)
}

export async function requireTwoFactorForForce(deps: Deps, ctx: Ctx, required: boolean) {
  assertCan(ctx.actor, 'force:settings')
  const scope = forceScopeOf(ctx.actor)
  await deps.db.transaction(async (tx) => {
    await setRequireTwoFactor(tx, scope, required)
    await audit(
      tx,
      ctx,
      {
        action: 'settings-changed',
        recordType: 'force',
        recordId: scope.forceId,
        details: { requireTwoFactor: required },
      },
      deps.now(),
    )
  })
}
