import { type Actor, can, type Permission } from '../domain/access/policy.js'

// One navigation for the whole service (journeys.md): items appear by role, in this order.
type NavItem = { text: string; href: string; permission: Permission; matches?: RegExp }

export const NAV_ITEMS: NavItem[] = [
  { text: 'Actions', href: '/actions', permission: 'worklist:own', matches: /^\/(actions|team-actions|crime)(\/|$)/ },
  { text: 'Home', href: '/', permission: 'home:view', matches: /^\/$/ },
  { text: 'Encounters', href: '/encounters', permission: 'encounter:create', matches: /^\/encounters/ },
  { text: 'Referrals', href: '/referrals', permission: 'referral:read', matches: /^\/referrals/ },
  { text: 'Investigations', href: '/investigations', permission: 'investigation:read', matches: /^\/investigations/ },
  { text: 'Custody', href: '/custody', permission: 'custody:view', matches: /^\/custody/ },
  { text: 'Reference', href: '/reference/indicators', permission: 'indicators:view', matches: /^\/reference/ },
  { text: 'Admin', href: '/admin', permission: 'users:manage', matches: /^\/admin/ },
]

export function navigationFor(actor: Actor | null, path: string) {
  if (!actor) return []
  return NAV_ITEMS.filter((i) => can(actor, i.permission)).map((i) => ({
    text: i.text,
    href: i.href,
    active: i.matches ? i.matches.test(path) : path.startsWith(i.href),
  }))
}
