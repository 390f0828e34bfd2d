import type { Deps } from '../context.js'
import { seedDemoCrimeRecords } from '../crime/demo-seed.js'
import { seedDemoInvestigations } from '../investigate/demo.js'
import { seedDemoNoReferralDecisions } from '../refer/demo-no-referral.js'
import { seedDemoReferrals } from '../refer/demo-seed.js'
import { seedDemoEncounters } from './demo-encounters.js'
import { seedDemoUsers } from './demo-users.js'

export type SeedStep = { name: string; run: (deps: Deps) => Promise<number> }

// Each capability adds its own step; every step is idempotent, so `lantern seed --demo` can run
// on every start in demo mode.
export const demoSeedSteps: SeedStep[] = [
  { name: 'users', run: seedDemoUsers },
  { name: 'encounters', run: seedDemoEncounters },
  { name: 'crime records', run: seedDemoCrimeRecords },
  { name: 'referrals', run: seedDemoReferrals },
  { name: 'no-referral decisions', run: seedDemoNoReferralDecisions },
  { name: 'investigations', run: seedDemoInvestigations },
]

export async function seedDemo(deps: Deps): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const step of demoSeedSteps) counts[step.name] = await step.run(deps)
  return counts
}
