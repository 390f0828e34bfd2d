import { findUserForSignIn } from '../../src/db/repositories/identity.js'
import type { Ctx, Deps } from '../../src/services/context.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../../src/services/identify/encounters.js'
import { actorFromUser } from '../../src/services/identity/sign-in.js'
import type { TestApp } from './app.js'

const HOUR = 3_600_000

/** A service context for a seeded (or test-made) account, to set records up without clicking through pages. */
export async function ctxOf(t: TestApp, email: string): Promise<Ctx> {
  const found = await findUserForSignIn(t.database.db, email)
  if (!found) throw new Error(`no user ${email}`)
  return { actor: actorFromUser(found.user), requestId: 'test' }
}

export const depsOf = (t: TestApp): Deps => ({ db: t.database.db, database: t.database, now: t.clock.now })

/** A submitted encounter with one sign, recorded by `email` at the test clock's time; `age` decides the pathway. */
export async function submittedEncounterWithSigns(t: TestApp, email: string, age = 30) {
  const deps = depsOf(t)
  const ctx = await ctxOf(t, email)
  const row = await startEncounter(deps, ctx)
  const at = new Date(t.clock.now().getTime() - HOUR).toISOString()
  const saved = await saveEncounterStep(deps, ctx, row.id, row.version, {
    occurredAt: at,
    location: 'Car wash, Dewsbury',
    placeType: 'car-wash',
    immediateRisk: 'no',
    person: { age, role: 'potential-victim', language: 'English' },
    interpreter: { used: false },
    indicators: [{ id: 'gen-documents-held', provenance: 'disclosed', recordedAt: at }],
    themesReviewed: ['general', 'control-and-movement', 'work-and-pay'],
    account: 'The boss keeps my passport.',
    consent: 'not-asked',
  })
  await submitEncounter(deps, ctx, saved.id, saved.version)
  return { id: row.id, reference: row.reference }
}
