import type { EncounterPatch } from '../../db/repositories/encounters.js'
import { findUserForSignIn } from '../../db/repositories/identity.js'
import { countReferrals } from '../../db/repositories/referrals.js'
import { forceScopeOf } from '../../domain/access/policy.js'
import { addCalendarDays, ukDateOf } from '../../domain/deadlines/index.js'
import type { Ctx, Deps } from '../context.js'
import { saveEncounterStep, startEncounter, submitEncounter } from '../identify/encounters.js'
import { actorFromUser } from '../identity/sign-in.js'
import { recordConsent, recordSafeguarding } from './consent.js'
import { endRecoveryPeriod, recordDecision } from './decisions.js'
import { recordHomeOfficeReference, startReferral, submitReferral } from './referrals.js'
import { saveSection } from './section-service.js'
import type { FormSectionKey } from './sections.js'
import { addSupport } from './support.js'
import { transferReferral } from './transfer.js'

const DAY = 86_400_000

type Stage = 'draft' | 'submitted' | 'rg-pending' | 'rg-positive' | 'cg' | 'notified' | 'transferred'

type DemoReferral = {
  /** Shown nowhere: it only keeps the list readable. */
  label: string
  officer: string
  daysAgo: number
  person: EncounterPatch['person']
  consent?: 'given' | 'declined'
  sections: Partial<Record<FormSectionKey, unknown>>
  stage: Stage
  /** Days after submission the RG decision came (positive), and the CG after that. */
  rgAfterDays?: number
  cgAfterDays?: number
  transferTo?: string
  location: string
  account: string
}

const firstResponder = (name: string, email: string) => ({
  name,
  role: 'Police officer, West Yorkshire Police',
  forceId: 'west-yorkshire',
  email,
  phone: null,
})

const exploitation = (type: string, area = 'west-yorkshire', place = 'Leeds') => ({
  types: [type],
  typeNotKnown: false,
  countyLines: type === 'criminal',
  location: { where: 'uk', policeForceArea: area, otherPoliceForceAreas: [], places: [place] },
  period: { startedOn: null, endedOn: null, ongoing: false, description: 'Over several months this year' },
})

const needs = {
  immediateRisk: false,
  riskDetails: null,
  accommodationNeeded: true,
  medicalNeeds: null,
  otherNeeds: null,
}
const support = {
  emergencyAccommodation: true,
  emergencyAccommodationReason: 'no-safe-housing',
  placeOfSafety: false,
  msvcc: ['safe-accommodation', 'specialist-legal-advice'],
}
const agencies = { crimeReference: null, localAuthority: null, socialWorker: null, others: [] }

const adultPerson = (name: string, nationality: string, language: string, age: number) => ({
  name,
  nameInOriginalScript: null,
  aliases: [],
  dateOfBirth: null,
  estimatedAge: age,
  ageStatus: 'adult',
  gender: 'male',
  nationalities: [nationality],
  languages: [language],
  interpreterNeeded: true,
  contact: { phone: null, email: null },
  address: null,
  immigrationStatus: null,
  dependants: [],
})

const nrmSections = (
  person: ReturnType<typeof adultPerson>,
  type: string,
  account: string,
  area?: string,
  place?: string,
) => ({
  'first-responder': firstResponder('PC Demo Response', 'response@demo.lantern'),
  person,
  exploitation: exploitation(type, area, place),
  account: { recruitment: null, control: null, movement: null, exploiters: [], account },
  needs,
  'support-requested': support,
  agencies,
})

// Made-up people and places, one referral at each stage of the lifecycle, including overdue ones.
const REFERRALS: DemoReferral[] = [
  {
    label: 'draft',
    officer: 'response@demo.lantern',
    daysAgo: 0,
    person: { age: 38, role: 'potential-victim', language: 'Bulgarian' },
    consent: 'given',
    sections: { 'first-responder': firstResponder('PC Demo Response', 'response@demo.lantern') },
    stage: 'draft',
    location: 'Demo: hotel laundry, Leeds city centre',
    account: 'Works nights in the laundry; the agency keeps his wages for rent.',
  },
  {
    label: 'submitted, awaiting the Reasonable Grounds decision',
    officer: 'response@demo.lantern',
    daysAgo: 2,
    person: { age: 27, role: 'potential-victim', language: 'Romanian' },
    consent: 'given',
    sections: nrmSections(
      adultPerson('Andrei Demo', 'Romanian', 'Romanian', 27),
      'labour',
      'Washes cars twelve hours a day; the boss holds his passport.',
    ),
    stage: 'rg-pending',
    location: 'Demo: hand car wash, Kirkstall Road, Leeds',
    account: 'Washes cars twelve hours a day; the boss holds his passport.',
  },
  {
    label: 'Reasonable Grounds decision overdue',
    officer: 'response@demo.lantern',
    daysAgo: 12,
    person: { age: 45, role: 'potential-victim', language: 'Polish' },
    consent: 'given',
    sections: nrmSections(
      adultPerson('Piotr Demo', 'Polish', 'Polish', 45),
      'labour',
      'Recruited for farm work; lives in a caravan and owes the gangmaster for transport.',
    ),
    stage: 'rg-pending',
    location: 'Demo: farm near Wetherby',
    account: 'Recruited for farm work; lives in a caravan and owes the gangmaster for transport.',
  },
  {
    label: 'positive Reasonable Grounds decision, recovery period running',
    officer: 'investigator@demo.lantern',
    daysAgo: 12,
    person: { age: 31, role: 'potential-victim', language: 'Vietnamese' },
    consent: 'given',
    sections: nrmSections(
      adultPerson('Thanh Demo', 'Vietnamese', 'Vietnamese', 31),
      'labour',
      'Works in a nail bar for food and a mattress; not allowed out alone.',
    ),
    stage: 'rg-positive',
    rgAfterDays: 5,
    location: 'Demo: nail bar, Bradford',
    account: 'Works in a nail bar for food and a mattress; not allowed out alone.',
  },
  {
    label: 'recovery period ending soon',
    officer: 'investigator@demo.lantern',
    daysAgo: 33,
    person: { age: 24, role: 'potential-victim', language: 'Albanian' },
    consent: 'given',
    sections: nrmSections(
      { ...adultPerson('Elira Demo', 'Albanian', 'Albanian', 24), gender: 'female' },
      'sexual',
      'Moved between flats and made to see men; her debt keeps growing.',
    ),
    stage: 'rg-positive',
    rgAfterDays: 5,
    location: 'Demo: flat above a takeaway, Huddersfield',
    account: 'Moved between flats and made to see men; her debt keeps growing.',
  },
  {
    label: 'Conclusive Grounds decision made',
    officer: 'investigator@demo.lantern',
    daysAgo: 90,
    person: { age: 52, role: 'potential-victim', language: 'Tigrinya' },
    consent: 'given',
    sections: nrmSections(
      adultPerson('Tesfay Demo', 'Eritrean', 'Tigrinya', 52),
      'domestic-servitude',
      'Kept in a family home to cook and clean for years; never paid.',
    ),
    stage: 'cg',
    rgAfterDays: 4,
    cgAfterDays: 60,
    location: 'Demo: private house, Harrogate',
    account: 'Kept in a family home to cook and clean for years; never paid.',
  },
  {
    label: 'Duty to Notify report made',
    officer: 'response@demo.lantern',
    daysAgo: 5,
    person: { age: 36, role: 'potential-victim', language: 'Lithuanian' },
    consent: 'declined',
    sections: {
      'first-responder': firstResponder('PC Demo Response', 'response@demo.lantern'),
      'dtn-person': { gender: 'male', ageAtExploitation: 35, nationalities: ['Lithuanian'] },
      exploitation: exploitation('labour', 'west-yorkshire', 'Warehouse, Wakefield'),
      account: {
        recruitment: null,
        control: null,
        movement: null,
        exploiters: [],
        account: 'Warehouse work through an agency that deducts most of his pay; afraid to say more.',
      },
    },
    stage: 'notified',
    location: 'Demo: distribution warehouse, Wakefield',
    account: 'Warehouse work through an agency that deducts most of his pay.',
  },
  {
    label: 'child referral with safeguarding',
    officer: 'custody@demo.lantern',
    daysAgo: 3,
    person: { age: 16, role: 'arrested', language: 'English' },
    sections: nrmSections(
      { ...adultPerson('Jayden Demo', 'British', 'English', 16), ageStatus: 'child', interpreterNeeded: false },
      'criminal',
      'Sent from London to sell drugs from a flat in Wakefield; owes money for drugs taken from him.',
    ),
    stage: 'rg-pending',
    location: 'Demo: Elland Road custody suite',
    account: 'Sent from London to sell drugs from a flat in Wakefield.',
  },
  {
    label: 'transferred to Kent',
    officer: 'response@demo.lantern',
    daysAgo: 4,
    person: { age: 29, role: 'potential-victim', language: 'Somali' },
    consent: 'given',
    sections: nrmSections(
      adultPerson('Abdi Demo', 'Somali', 'Somali', 29),
      'labour',
      'Brought through Dover and made to work on a farm near Ashford before he came north.',
      'kent',
      'Farm near Ashford',
    ),
    stage: 'transferred',
    transferTo: 'kent',
    location: 'Demo: bus station, Leeds',
    account: 'Made to work on a farm near Ashford before he came north.',
  },
]

/**
 * Demo referrals at every stage (draft, waiting for RG, RG overdue, recovery period running and ending, CG made,
 * Duty to Notify, a child with safeguarding, transferred to Kent), each on its own demo encounter, made through the
 * same services officers use, with the clock set back to when each step happened. Runs once per database.
 */
export async function seedDemoReferrals(deps: Deps): Promise<number> {
  const ctxOf = async (email: string): Promise<Ctx | null> => {
    const found = await findUserForSignIn(deps.db, email)
    return found ? { actor: actorFromUser(found.user), requestId: 'seed-demo' } : null
  }
  const officer = await ctxOf('response@demo.lantern')
  const supervisor = await ctxOf('supervisor@demo.lantern')
  if (!officer || !supervisor) return 0
  if ((await countReferrals(deps.db, forceScopeOf(officer.actor))) > 0) return 0
  const base = deps.now().getTime()
  let added = 0
  for (const r of REFERRALS) {
    const ctx = await ctxOf(r.officer)
    if (!ctx) continue
    const at = (days: number, minutes = 0) => {
      const when = new Date(base - days * DAY + minutes * 60_000)
      return { ...deps, now: () => when }
    }
    // The encounter happened an hour before the referral work began.
    const d0 = at(r.daysAgo, -60)
    const e = await startEncounter(d0, ctx)
    const saved = await saveEncounterStep(d0, ctx, e.id, e.version, {
      occurredAt: d0.now().toISOString(),
      location: r.location,
      placeType: 'other',
      immediateRisk: 'no',
      person: r.person,
      interpreter: { used: true, independent: true },
      indicators: ['gen-documents-held', 'gen-debt'].map((id) => ({
        id,
        provenance: 'disclosed' as const,
        recordedAt: d0.now().toISOString(),
      })),
      themesReviewed: ['general', 'control-and-movement', 'work-and-pay'],
      account: r.account,
      ...(r.consent ? { consent: r.consent } : {}),
    })
    await submitEncounter(d0, ctx, saved.id, saved.version)
    const d1 = at(r.daysAgo, 10)
    let { row } = await startReferral(d1, ctx, saved.id, {})
    if (r.consent) {
      const result = await recordConsent(d1, ctx, row.id, row.version, {
        type: r.consent,
        at: d1.now().toISOString(),
        language: r.person?.language ?? 'English',
        interpreter: 'independent',
        interpreterProvider: 'Demo Interpreting',
        wordsUsed: 'I explained what the NRM is, the support it brings, and that they can change their mind later.',
      })
      row = result.row
    } else {
      row = await recordSafeguarding(d1, ctx, row.id, row.version, {
        localAuthority: 'Wakefield Council children’s services',
        referredAt: new Date(d1.now().getTime() - 5 * 60_000).toISOString(),
        method: 'phone',
        reference: 'WMDC-DEMO-1',
        madeBy: ctx.actor.displayName,
      })
    }
    for (const [key, input] of Object.entries(r.sections)) {
      row = await saveSection(d1, ctx, row.id, row.version, key as FormSectionKey, input)
    }
    added += 1
    if (r.stage === 'draft') continue
    const submitted = await submitReferral(at(r.daysAgo, 20), ctx, row.id, row.version)
    row = submitted.row
    if (r.stage === 'submitted') continue
    row = await recordHomeOfficeReference(at(r.daysAgo, 60 * 24), ctx, row.id, row.version, `NRM-DEMO-${added}`)
    if (r.stage === 'transferred' && r.transferTo) {
      await transferReferral(at(Math.max(r.daysAgo - 2, 0)), supervisor, row.id, row.version, {
        toForceId: r.transferTo,
        note: 'The exploitation happened in your force area; the person now lives in Leeds.',
      })
      continue
    }
    if (r.rgAfterDays === undefined) continue
    const rgDay = r.daysAgo - r.rgAfterDays
    const rgOn = addCalendarDays(ukDateOf(new Date(base - r.daysAgo * DAY)), r.rgAfterDays)
    const rg = await recordDecision(at(rgDay, 60), ctx, row.id, row.version, {
      type: 'rg',
      outcome: 'positive',
      decidedOn: rgOn,
    })
    row = rg.row
    await addSupport(at(rgDay, 90), ctx, row.id, row.version, {
      type: 'msvcc',
      item: 'safe-accommodation',
      offeredOn: rgOn,
      response: 'accepted',
      respondedOn: rgOn,
    })
    if (r.stage !== 'cg' || r.cgAfterDays === undefined) continue
    const cgDay = rgDay - r.cgAfterDays
    const refreshed = await endRecoveryPeriod(at(cgDay, 30), ctx, row.id, row.version + 1)
    await recordDecision(at(cgDay, 60), ctx, row.id, refreshed.version, {
      type: 'cg',
      outcome: 'slavery-servitude-forced-labour',
      decidedOn: addCalendarDays(rgOn, r.cgAfterDays),
    })
  }
  return added
}
