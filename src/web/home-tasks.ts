import { type Actor, can, type Permission } from '../domain/access/policy.js'

// What each role can do, shown on the home page. Each capability adds its own entries here.
type HomeTask = { title: string; href: string; description: string; permission: Permission }

export const HOME_TASKS: HomeTask[] = [
  {
    title: 'Record an encounter',
    href: '/encounters',
    description: 'Screen someone you have met for signs of modern slavery, and see what you must do next.',
    permission: 'encounter:create',
  },
  {
    title: 'Signs of modern slavery',
    href: '/reference/indicators',
    description: 'Look up the signs, what they can look like and where each comes from.',
    permission: 'indicators:view',
  },
  {
    title: 'Users and sign-in',
    href: '/admin/users',
    description: "Add users, unlock accounts and require a second factor for your force's users.",
    permission: 'users:manage',
  },
  {
    title: 'Audit log',
    href: '/admin/audit',
    description: "Search who read or changed your force's records, and when.",
    permission: 'audit:search',
  },
  {
    title: 'Two-factor authentication',
    href: '/account/two-factor',
    description: 'Protect your account with a code from an authenticator app.',
    permission: 'account:manage-own',
  },
]

export function homeTasksFor(actor: Actor) {
  return HOME_TASKS.filter((t) => can(actor, t.permission))
}
