import { randomUUID } from 'node:crypto'
import { findUserForSignIn } from '../../db/repositories/identity.js'
import { countNoReferralDecisions } from '../../db/repositories/no-referral-decisions.js'
import { forceScopeOf } from '../../domain/access/policy.js'
import type { Ctx, Deps } from '../context.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../identify/encounters.js'
import { actorFromUser } from '../identity/sign-in.js'
import { recordNoReferralDecision } from './no-referral-decision.js'

async function ctxFor(deps: Deps, email: string): Promise<Ctx | null> {
  const found = await findUserForSignIn(deps.db, email)
  return found ? { actor: actorFromUser(found.user), requestId: 'seed-demo' } : null
}

/**
 * One West Yorkshire encounter settled by a supervisor's decision that no referral is needed (the council had
 * already referred the man), so the record page and its history can be seen. Runs once per force.
 */
export async function seedDemoNoReferralDecisions(deps: Deps): Promise<number> {
  const officer = await ctxFor(deps, 'response@demo.lantern')
  const supervisor = await ctxFor(deps, 'supervisor@demo.lantern')
  if (!officer || !supervisor) return 0
  if ((await countNoReferralDecisions(deps.db, forceScopeOf(supervisor.actor))) > 0) return 0
  const at = new Date(deps.now().getTime() - 2 * 86_400_000).toISOString()
  const row = await startEncounter(deps, officer)
  const saved = await saveEncounterStep(deps, officer, row.id, row.version, {
    occurredAt: at,
    location: 'Hand car wash, Halifax Road, Brighouse',
    placeType: 'car-wash',
    immediateRisk: 'no',
    person: { age: 27, role: 'potential-victim', language: 'Kurdish (Sorani)' },
    interpreter: { used: true, independent: true },
    indicators: [
      { id: 'gen-documents-held', provenance: 'disclosed', recordedAt: at },
      { id: 'gen-debt', provenance: 'disclosed', recordedAt: at },
    ],
    themesReviewed: ['general', 'control-and-movement', 'work-and-pay'],
    account: 'Says the manager keeps his passport "for safety" and he still owes for the journey.',
    consent: 'not-asked',
  })
  await submitEncounter(deps, officer, saved.id, saved.version)
  await recordNoReferralDecision(deps, supervisor, row.id, {
    submissionId: randomUUID(),
    reason: 'already-referred-elsewhere',
    otherOrganisation: 'Calderdale Council adult social care',
    otherReference: 'CMBC/ASC/26/3318',
    duplicateOfReference: null,
    rationale:
      'Calderdale adult social care referred him to the NRM the day before with his consent; their officer confirmed the reference by phone. Our Duty to Notify is met by that referral.',
  })
  return 1
}
