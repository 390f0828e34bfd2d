import {
  listConsentEvents,
  listReferralsForEncounter,
  listSafeguardingForReferrals,
  listTransfersOutForEncounter,
} from '../../db/repositories/referrals.js'
import { can, forceScopeOf } from '../../domain/access/policy.js'
import { forceById } from '../../domain/forces/forces.js'
import type { ActionCode } from '../../domain/identify/actions.js'
import type { ActionResolver, ActionState } from '../identify/action-status.js'
import { ukDate } from './document.js'

/**
 * Marks the encounter's referral actions (identify/actions.ts) from the referrals made for it: safeguarding, consent,
 * the NRM referral and the Duty to Notify report, each linked to the referral. Reads no personal details.
 */
export const referralActionResolver: ActionResolver = async (deps, ctx, encounter) => {
  if (!can(ctx.actor, 'referral:read') || ctx.actor.forceId === null) return {}
  const scope = forceScopeOf(ctx.actor)
  const [rows, sent] = await Promise.all([
    listReferralsForEncounter(deps.db, scope, encounter.id),
    listTransfersOutForEncounter(deps.db, scope, encounter.id),
  ])
  const live = rows.filter((r) => r.status !== 'withdrawn')
  const safeguarding = await listSafeguardingForReferrals(
    deps.db,
    scope,
    live.map((r) => r.id),
  )
  const start = can(ctx.actor, 'referral:create') ? `/encounters/${encounter.id}/referral/new` : undefined
  const states: Partial<Record<ActionCode, ActionState>> = {}
  const toDo = (hrefText: string): ActionState => ({ status: 'to-do', ...(start ? { href: start, hrefText } : {}) })
  const link = (id: string, path = '') => ({ href: `/referrals/${id}${path}` })

  const nrm = live.filter((r) => r.kind !== 'duty-to-notify').at(-1)
  const dtn = live.filter((r) => r.kind === 'duty-to-notify').at(-1)
  const sentNrm = sent.filter((t) => t.kind !== 'duty-to-notify').at(-1)
  const sentDtn = sent.filter((t) => t.kind === 'duty-to-notify').at(-1)
  const toForce = (id: string) => forceById(id)?.name ?? id

  if (nrm) {
    states['refer-nrm'] =
      nrm.status === 'draft'
        ? { status: 'in-progress', detail: `Draft ${nrm.reference}`, ...link(nrm.id) }
        : { status: 'done', detail: `Referred (${nrm.reference})`, ...link(nrm.id) }
  } else if (sentNrm) {
    states['refer-nrm'] = {
      status: 'done',
      detail: `Referred, then transferred to ${toForce(sentNrm.toForceId)}`,
      ...link(sentNrm.referralId),
    }
  } else {
    states['refer-nrm'] = toDo('Start the referral')
  }

  if (dtn) {
    states['notify-dtn'] =
      dtn.status === 'draft'
        ? { status: 'in-progress', detail: `Draft ${dtn.reference}`, ...link(dtn.id) }
        : { status: 'done', detail: `Reported (${dtn.reference})`, ...link(dtn.id) }
  } else if (sentDtn) {
    states['notify-dtn'] = {
      status: 'done',
      detail: `Reported, then transferred to ${toForce(sentDtn.toForceId)}`,
      ...link(sentDtn.referralId),
    }
  } else if (nrm && nrm.status !== 'draft') {
    // law-and-process.md §2.5: an NRM referral meets the duty to notify.
    states['notify-dtn'] = { status: 'done', detail: 'Met by the NRM referral', ...link(nrm.id) }
  } else {
    states['notify-dtn'] = toDo('Start the report')
  }

  const guarded = safeguarding.at(-1)
  const child = live.find((r) => r.kind === 'nrm-child')
  states['safeguard-child'] = guarded
    ? {
        status: 'done',
        detail: `Referred to ${guarded.localAuthority} on ${ukDate(new Date(guarded.referredAt).toISOString())}`,
        ...link(guarded.referralId, '/safeguarding'),
      }
    : child
      ? { status: 'in-progress', detail: 'Not recorded yet', ...link(child.id, '/safeguarding') }
      : toDo('Start the referral')

  const adult = live.filter((r) => r.kind !== 'nrm-child').at(-1)
  if (adult) {
    const events = (await listConsentEvents(deps.db, scope, adult.id)).filter((e) => e.scope === 'nrm')
    const last = events.at(-1)
    states['ask-consent'] = last
      ? { status: 'done', detail: `Consent ${last.type}`, ...link(adult.id, '/consent') }
      : { status: 'in-progress', detail: 'Not recorded yet', ...link(adult.id, '/consent') }
  } else {
    states['ask-consent'] = toDo('Record consent')
  }
  return states
}
