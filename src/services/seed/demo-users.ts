import { findUserForSignIn } from '../../db/repositories/identity.js'
import type { Role } from '../../domain/access/roles.js'
import type { Deps } from '../context.js'
import { DEMO_PASSWORD } from '../identity/passwords.js'
import { addUser } from '../identity/users.js'

export const DEMO_FORCE = 'west-yorkshire'
export const DEMO_OTHER_FORCE = 'kent'

/** Published in the README: every demo account uses DEMO_PASSWORD, in demo mode only. */
export const DEMO_USERS: readonly { email: string; displayName: string; role: Role; forceId: string | null }[] = [
  { email: 'response@demo.lantern', displayName: 'PC Amira Khan', role: 'response-officer', forceId: DEMO_FORCE },
  { email: 'custody@demo.lantern', displayName: 'Sgt Owen Price', role: 'custody-officer', forceId: DEMO_FORCE },
  { email: 'investigator@demo.lantern', displayName: 'DC Ruth Adeyemi', role: 'investigator', forceId: DEMO_FORCE },
  { email: 'supervisor@demo.lantern', displayName: 'DS Mark Ellis', role: 'supervisor', forceId: DEMO_FORCE },
  { email: 'lead@demo.lantern', displayName: 'DI Hannah Brooks', role: 'force-lead', forceId: DEMO_FORCE },
  { email: 'analyst@demo.lantern', displayName: 'Priya Shah', role: 'analyst', forceId: DEMO_FORCE },
  { email: 'admin@demo.lantern', displayName: 'Tom Walsh', role: 'force-admin', forceId: DEMO_FORCE },
  { email: 'inspector@demo.lantern', displayName: 'Inspector Claire Dunn', role: 'inspector', forceId: null },
  {
    email: 'response@kent.demo.lantern',
    displayName: 'PC Lewis Grant',
    role: 'response-officer',
    forceId: DEMO_OTHER_FORCE,
  },
  {
    email: 'investigator@kent.demo.lantern',
    displayName: 'DC Sam Okafor',
    role: 'investigator',
    forceId: DEMO_OTHER_FORCE,
  },
  { email: 'admin@kent.demo.lantern', displayName: 'Jo Fielding', role: 'force-admin', forceId: DEMO_OTHER_FORCE },
]

export async function seedDemoUsers(deps: Deps): Promise<number> {
  let added = 0
  for (const u of DEMO_USERS) {
    if (await findUserForSignIn(deps.db, u.email)) continue
    await addUser(deps, { ...u, password: DEMO_PASSWORD }, { demo: true, by: null })
    added += 1
  }
  return added
}
