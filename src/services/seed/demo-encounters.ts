import { countEncountersByOfficer, type EncounterPatch } from '../../db/repositories/encounters.js'
import { findUserForSignIn } from '../../db/repositories/identity.js'
import { forceScopeOf } from '../../domain/access/policy.js'
import type { Ctx, Deps } from '../context.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../identify/encounters.js'
import { actorFromUser } from '../identity/sign-in.js'

type DemoEncounter = {
  officer: string
  daysAgo: number
  hour: number
  location: string
  patch: EncounterPatch
  submit: boolean
}

// recordedAt is set to the encounter's time when the demo record is written.
const sign = (id: string, provenance: 'observed' | 'disclosed' | 'reported' = 'observed') => ({
  id,
  provenance,
  recordedAt: '',
})

// Realistic, made-up encounters across the exploitation types (indicators.md §6 patterns), so every
// role has something to look at. Places and people are fictional.
const ENCOUNTERS: DemoEncounter[] = [
  {
    officer: 'response@demo.lantern',
    daysAgo: 1,
    hour: 6,
    location: 'Terraced house, Harehills, Leeds',
    patch: {
      placeType: 'cannabis-grow',
      immediateRisk: 'no',
      person: { age: 16, role: 'arrested', language: 'Vietnamese' },
      interpreter: { used: true, independent: true },
      indicators: [
        sign('gen-debt', 'disclosed'),
        sign('gen-not-free-to-leave', 'disclosed'),
        sign('gen-lives-at-workplace'),
      ],
      account:
        'Came to the UK in a lorry. Told he must look after the plants until the journey is paid for. The door was not locked but he had nowhere to go.',
    },
    submit: true,
  },
  {
    officer: 'response@demo.lantern',
    daysAgo: 3,
    hour: 14,
    location: 'Hand car wash, Kirkstall Road, Leeds',
    patch: {
      placeType: 'car-wash',
      immediateRisk: 'no',
      person: { age: 34, role: 'potential-victim', language: 'Romanian' },
      interpreter: { used: true, independent: false },
      indicators: [
        sign('gen-documents-held', 'disclosed'),
        sign('gen-wages-withheld', 'disclosed'),
        sign('gen-excessive-hours'),
      ],
      consent: 'declined',
    },
    submit: true,
  },
  {
    officer: 'response@demo.lantern',
    daysAgo: 2,
    hour: 23,
    location: 'Flat above a takeaway, Bradford',
    patch: {
      placeType: 'brothel-or-residential',
      immediateRisk: 'yes',
      person: { ageBand: 'unknown', ageDisputed: true, role: 'potential-victim', language: 'Albanian' },
      interpreter: { used: false },
      indicators: [
        sign('sex-forced-sexual-services', 'reported'),
        sign('gen-moved-around', 'disclosed'),
        sign('gen-threats', 'disclosed'),
      ],
    },
    submit: true,
  },
  {
    officer: 'custody@demo.lantern',
    daysAgo: 0,
    hour: 9,
    location: 'Elland Road custody suite',
    patch: {
      placeType: 'custody',
      immediateRisk: 'no',
      person: { age: 17, role: 'arrested', language: 'English' },
      interpreter: { used: false },
      indicators: [sign('crim-forced-to-commit-crime', 'disclosed'), sign('gen-threats', 'disclosed')],
      account:
        'Says he was sent from London to sell drugs from a flat in Wakefield and owes money for drugs that were taken from him.',
    },
    submit: true,
  },
  {
    officer: 'investigator@demo.lantern',
    daysAgo: 6,
    hour: 11,
    location: 'Farm outbuildings near Selby',
    patch: {
      placeType: 'farm-or-factory',
      immediateRisk: 'no',
      person: { age: 41, role: 'potential-victim', language: 'Tigrinya' },
      interpreter: { used: true, independent: true },
      indicators: [
        sign('gen-deceived-about-work', 'disclosed'),
        sign('gen-poor-living-conditions'),
        sign('gen-wages-withheld', 'disclosed'),
        sign('gen-isolated'),
      ],
      consent: 'given',
    },
    submit: true,
  },
  {
    officer: 'response@demo.lantern',
    daysAgo: 0,
    hour: 8,
    location: 'Nail bar, Huddersfield town centre',
    patch: { placeType: 'nail-bar', immediateRisk: 'no', person: { ageBand: 'adult', role: 'witness' } },
    submit: false,
  },
  {
    officer: 'response@kent.demo.lantern',
    daysAgo: 4,
    hour: 15,
    location: 'Lorry park, Dover',
    patch: {
      placeType: 'transport-hub',
      immediateRisk: 'no',
      person: { age: 19, role: 'potential-victim', language: 'Somali' },
      interpreter: { used: true, independent: true },
      indicators: [sign('gen-debt', 'disclosed'), sign('gen-fear-of-authorities')],
      consent: 'not-asked',
    },
    submit: true,
  },
]

export async function seedDemoEncounters(deps: Deps): Promise<number> {
  let added = 0
  const now = deps.now()
  for (const e of ENCOUNTERS) {
    const found = await findUserForSignIn(deps.db, e.officer)
    if (!found) continue
    const ctx: Ctx = { actor: actorFromUser(found.user), requestId: 'seed-demo' }
    const existing = await countEncountersByOfficer(deps.db, forceScopeOf(ctx.actor), found.user.id)
    if (existing >= ENCOUNTERS.filter((x) => x.officer === e.officer).length) continue
    const at = new Date(now.getTime() - e.daysAgo * 86_400_000)
    at.setUTCHours(e.hour, 0, 0, 0)
    if (at > now) at.setTime(now.getTime() - 3_600_000)
    const row = await startEncounter(deps, ctx)
    const saved = await saveEncounterStep(deps, ctx, row.id, row.version, {
      ...e.patch,
      indicators: (e.patch.indicators ?? []).map((i) => ({ ...i, recordedAt: at.toISOString() })),
      occurredAt: at.toISOString(),
      location: e.location,
      themesReviewed: ['general', 'control-and-movement', 'work-and-pay'],
    })
    if (e.submit) await submitEncounter(deps, ctx, saved.id, saved.version)
    added += 1
  }
  return added
}
