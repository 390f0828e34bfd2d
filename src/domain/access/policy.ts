import { type Role, roles } from './roles.js'

// One policy decides every action. Routes name a permission; services check it again before
// touching records, and every repository call needs a ForceScope that only a force member has.
const POLICE: readonly Role[] = ['response-officer', 'custody-officer', 'investigator', 'supervisor', 'force-lead']
const EVERYONE: readonly Role[] = roles

export const permissions = {
  'home:view': EVERYONE,
  'account:manage-own': EVERYONE,
  'indicators:view': EVERYONE,
  'rights:view': EVERYONE,
  'assessment:run': EVERYONE,
  's45:assess': EVERYONE,
  'encounter:create': POLICE,
  'encounter:read': [...POLICE, 'analyst'],
  'encounter:amend': POLICE,
  'rights:handover': POLICE,
  'referral:create': POLICE,
  'referral:read': [...POLICE, 'analyst'],
  'referral:update': POLICE,
  'referral:transfer': ['supervisor', 'force-lead'],
  // Issue 5: only a supervisor may record that neither an NRM referral nor a Duty to Notify report is needed.
  'referral:decide-none': ['supervisor', 'force-lead'],
  'crime:record': POLICE,
  'crime:cancel-approve': ['supervisor', 'force-lead'],
  'worklist:own': POLICE,
  'worklist:team': ['supervisor', 'force-lead'],
  'investigation:create': ['investigator', 'supervisor', 'force-lead'],
  'investigation:read': ['investigator', 'supervisor', 'force-lead', 'analyst'],
  'investigation:update': ['investigator', 'supervisor', 'force-lead'],
  'investigation:review': ['supervisor', 'force-lead'],
  'investigation:second-review': ['force-lead'],
  'custody:view': ['custody-officer', 'investigator', 'supervisor', 'force-lead'],
  'intelligence:read': ['analyst', 'force-lead', 'investigator'],
  'oversight:force': ['supervisor', 'force-lead'],
  'oversight:national': ['inspector'],
  'audit:search': ['force-admin'],
  'users:manage': ['force-admin'],
  'force:settings': ['force-admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof permissions
export const allPermissions = Object.keys(permissions) as Permission[]

/** Who is acting. Built from the session or API token, never from request input. */
export type Actor = {
  readonly userId: string
  readonly role: Role
  readonly forceId: string | null
  readonly displayName: string
}

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(actor.role)
}

export class AccessDenied extends Error {
  constructor(
    readonly permission: Permission | 'force-scope',
    message = 'You do not have permission to do this',
  ) {
    super(message)
  }
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AccessDenied(permission)
}

/** The scheduler, acting for no user: what it records names no one (task_events.actor_user_id is null). */
export type SchedulerActor = {
  readonly userId: null
  readonly role: null
  readonly forceId: string
  readonly displayName: 'Lantern scheduler'
}

declare const forceScopeBrand: unique symbol
/**
 * Proof that the caller acts for one force. Repository functions that read or write force-owned
 * records require it, so a query cannot be written without a force filter. Only `forceScopeOf` (a
 * signed-in member of the force) and `schedulerScopeFor` (the scheduler) make one.
 */
export type ForceScope = {
  readonly forceId: string
  readonly actor: Actor | SchedulerActor
  readonly [forceScopeBrand]: true
}

export function forceScopeOf(actor: Actor): ForceScope {
  if (actor.forceId === null) {
    // Inspectors have no force: they reach only aggregate services, never personal records.
    throw new AccessDenied('force-scope', 'Your role sees aggregate figures only, not individual records')
  }
  return { forceId: actor.forceId, actor } as ForceScope
}

/**
 * The scheduler's scope for one force's record, taken from that record's own force_id. Only the scheduler's
 * passes use it (reminder tasks for the order register); people always act through `forceScopeOf`.
 */
export function schedulerScopeFor(forceId: string): ForceScope {
  const actor: SchedulerActor = { userId: null, role: null, forceId, displayName: 'Lantern scheduler' }
  return { forceId, actor } as ForceScope
}

/** Roles whose members see aggregates only and never personal data. */
export function seesPersonalData(actor: Pick<Actor, 'role'>): boolean {
  return actor.role !== 'inspector'
}
