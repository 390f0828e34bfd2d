import { type Actor, can, type Permission } from '../domain/access/policy.js'

// What each role can do, shown on the home page. Each capability adds its own entries here.
type HomeTask = { title: string; href: string; description: string; permission: Permission }

export const HOME_TASKS: HomeTask[] = [
  {
    title: 'My actions',
    href: '/actions',
    description: 'Crimes to record, referrals to make and deadlines coming up, overdue first.',
    permission: 'worklist:own',
  },
  {
    title: 'Team actions',
    href: '/team-actions',
    description: 'Everything open in your force, and crime record cancellations waiting for your decision.',
    permission: 'worklist:team',
  },
  {
    title: 'Log a referral or report received',
    href: '/crime/received/new',
    description:
      'Another organisation sent your force an NRM referral or a Duty to Notify report: start its crime record.',
    permission: 'referral:create',
  },
  {
    title: 'Record an encounter',
    href: '/encounters',
    description: 'Screen someone you have met for signs of modern slavery, and see what you must do next.',
    permission: 'encounter:create',
  },
  {
    title: 'Referrals',
    href: '/referrals',
    description:
      "Your force's NRM referrals and Duty to Notify reports: decisions to chase, recovery periods, transfers.",
    permission: 'referral:read',
  },
  {
    title: 'Investigations',
    href: '/investigations',
    description:
      'Plan, supervise and close investigations, with reviews, the evidence checklist and prevention orders.',
    permission: 'investigation:read',
  },
  {
    title: 'Reviews due',
    href: '/investigations/reviews-due',
    description: 'The investigations whose supervisory review is due or overdue, and closures waiting for you.',
    permission: 'investigation:review',
  },
  {
    title: 'Custody',
    href: '/custody',
    description: 'People in custody with signs of modern slavery: the s45 flag and the note for the CPS file.',
    permission: 'custody:view',
  },
  {
    title: 'Section 45 defence',
    href: '/s45',
    description: 'Whether the statutory defence is available for an offence, which limb applies and what to gather.',
    permission: 's45:assess',
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
    title: 'Crime-recording time limit',
    href: '/crime/settings',
    description: 'How long your officers have to record the crime after a referral (24 hours by default).',
    permission: 'force:settings',
  },
  {
    title: 'Investigation reviews and early closure',
    href: '/investigations/settings',
    description: 'How often investigations are reviewed, and the early-closure window for the force lead’s review.',
    permission: 'force:settings',
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
