import { type Actor, can } from '../../../domain/access/policy.js'

/** The tabs shared by the worklist pages: each appears only for roles that may open it. */
export function worklistSubnav(actor: Actor | null, path: string) {
  if (!actor) return []
  const items = [
    { text: 'My actions', href: '/actions', show: can(actor, 'worklist:own') },
    { text: 'Team actions', href: '/team-actions', show: can(actor, 'worklist:team') },
    { text: 'Referrals received', href: '/crime/received', show: can(actor, 'referral:read') },
  ]
  return items.filter((i) => i.show).map((i) => ({ text: i.text, href: i.href, active: path === i.href }))
}
