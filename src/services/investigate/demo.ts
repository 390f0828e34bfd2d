import { findUserForSignIn } from '../../db/repositories/identity.js'
import {
  findInvestigation,
  findInvestigationBySubmission,
  listCustodyEncounters,
} from '../../db/repositories/investigations.js'
import { forceScopeOf } from '../../domain/access/policy.js'
import { addDaysToIsoDate, addYearsToIsoDate, isoDateOf } from '../../domain/investigation/dates.js'
import type { Ctx, Deps } from '../context.js'
import { addToInvestigation, setSuspectPursuit } from '../entities/entities.js'
import { actorFromUser } from '../identity/sign-in.js'
import { addAction, addLine, addVictimContact, classify, openInvestigation, updateEvidence } from './investigations.js'
import { addOrder, recordBreach, syncForceOrderReminders } from './orders.js'
import { recordOutcome } from './outcomes.js'
import {
  decideClosure,
  recordOrderConsideration,
  recordReview,
  reopenInvestigation,
  requestClosure,
  secondReview,
} from './supervision.js'

const DAY = 86_400_000

// Fixed one-time ids make the step idempotent: a second run finds the first investigation and stops.
const ids = {
  kestrel: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0001',
  linnet: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0002',
  heron: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0003',
  plover: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0004',
  curlew: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0005',
  avocet: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0006',
  dover: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0007',
  orderOld: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0101',
  orderInterim: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0102',
  orderCurlew: '6f1c1a64-0d3e-4c55-9a0e-7b0b8a6a0103',
}

const LONG_RATIONALE =
  'All reasonable lines of enquiry have been followed: financial enquiries, phone downloads, ANPR and the premises search are complete and recorded. '

async function ctxFor(deps: Deps, email: string): Promise<Ctx | null> {
  const found = await findUserForSignIn(deps.db, email)
  return found ? { actor: actorFromUser(found.user), requestId: 'seed-demo' } : null
}

/** The same services on a clock set back `daysAgo` days, so demo records have a history. */
function at(deps: Deps, daysAgo: number): Deps {
  const base = deps.now().getTime()
  return { ...deps, now: () => new Date(base - daysAgo * DAY) }
}

async function version(deps: Deps, ctx: Ctx, id: string) {
  const row = await findInvestigation(deps.db, forceScopeOf(ctx.actor), id)
  if (!row) throw new Error(`demo investigation ${id} is missing`)
  return row.version
}

/**
 * Demo investigations at every stage (issue 6 §6): newly opened, review overdue, closure requested, closure held
 * by the early-closure guard, closed after charge with orders on the register (one near expiry, one interim, one
 * breached), reopened, and one in Kent to show that forces cannot see each other's work. Places and people are
 * fictional; phone numbers are in Ofcom's drama range.
 */
export async function seedDemoInvestigations(deps: Deps): Promise<number> {
  const investigator = await ctxFor(deps, 'investigator@demo.lantern')
  const supervisor = await ctxFor(deps, 'supervisor@demo.lantern')
  const lead = await ctxFor(deps, 'lead@demo.lantern')
  if (!investigator || !supervisor || !lead) return 0
  const scope = forceScopeOf(investigator.actor)
  if (await findInvestigationBySubmission(deps.db, scope, ids.kestrel)) return 0
  const oic = investigator.actor.userId
  let added = 0

  // 1. Opened from the cannabis-grow arrest three days ago: lines of enquiry, actions, linked records.
  const [custody] = await listCustodyEncounters(deps.db, scope, new Date(deps.now().getTime() - 30 * DAY))
  const d3 = at(deps, 3)
  const kestrel = await openInvestigation(d3, investigator, {
    submissionId: ids.kestrel,
    title: 'Operation Kestrel',
    summary: 'Cannabis grow in Harehills: a 16-year-old found tending plants, held by a debt for his journey.',
    source: custody ? { type: 'encounter', ref: custody.id } : { type: 'direct' },
    officerInChargeUserId: oic,
  })
  added++
  await classify(d3, investigator, kestrel.id, kestrel.version, {
    types: ['criminal'],
    countyLines: false,
    typologyIds: ['forced-labour-illegal-activities'],
  })
  const d2 = at(deps, 2)
  await addToInvestigation(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    role: 'victim',
    entity: { kind: 'person', name: 'Unknown Vietnamese boy, about 16', dateOfBirth: null },
    notes: 'Gives his name as Minh; not confirmed',
    unidentified: true,
  })
  await addToInvestigation(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    role: 'suspect',
    entity: { kind: 'person', name: 'Tran Van Duc', dateOfBirth: '1984-03-12' },
    notes: 'Named by the victim as the man who collected the harvest',
  })
  await addToInvestigation(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    role: 'used-by-suspect',
    entity: { kind: 'phone', value: '07700 900123' },
    notes: 'Number saved as "Boss" in the victim’s phone',
    saveAnyway: true,
  })
  await addToInvestigation(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    role: 'exploitation-location',
    entity: { kind: 'address', lines: ['14 Harehills Avenue', 'Leeds'], postcode: 'LS8 4EU' },
    notes: null,
  })
  await addToInvestigation(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    role: 'used-by-suspect',
    entity: { kind: 'vehicle', value: 'YX19 KLM' },
    notes: 'Seen delivering compost',
  })
  await addLine(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    title: 'Identify who rents the house and who pays the electricity',
    rationale: 'Shows control of the premises without the victim’s evidence',
  })
  await addLine(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    title: 'Trace the journey to the UK',
    rationale: null,
  })
  await addAction(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    description: 'Request ANPR for YX19 KLM around Harehills for the last 3 months',
    ownerUserId: oic,
    dueOn: addDaysToIsoDate(isoDateOf(deps.now()), 5),
  })
  await addAction(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), {
    description: 'Download the phone seized at the address',
    ownerUserId: oic,
    dueOn: addDaysToIsoDate(isoDateOf(deps.now()), -1),
  })
  await updateEvidence(d2, investigator, kestrel.id, await version(d2, investigator, kestrel.id), 'premises', [
    { itemId: 'premises-search', status: 'done', note: 'Searched on arrest; photographs exhibited' },
    { itemId: 'premises-occupancy', status: 'done', note: null },
    { itemId: 'premises-tenancy', status: 'in-progress', note: null },
  ])

  // 2. A labour exploitation case with no review 20 days after opening: overdue.
  const d20 = at(deps, 20)
  const linnet = await openInvestigation(d20, investigator, {
    submissionId: ids.linnet,
    title: 'Operation Linnet',
    summary: 'Hand car wash on Kirkstall Road: workers’ passports held and wages withheld.',
    source: { type: 'direct' },
    officerInChargeUserId: oic,
  })
  added++
  await classify(d20, investigator, linnet.id, linnet.version, {
    types: ['labour'],
    countyLines: false,
    typologyIds: ['labour-for-offenders'],
  })
  await addToInvestigation(d20, investigator, linnet.id, await version(d20, investigator, linnet.id), {
    role: 'workplace',
    entity: { kind: 'business', name: 'Sparkle Hand Car Wash Ltd', companyNumber: null },
    notes: null,
  })
  await addToInvestigation(d20, investigator, linnet.id, await version(d20, investigator, linnet.id), {
    role: 'used-by-suspect',
    entity: { kind: 'phone', value: '07700 900123' },
    notes: 'The same number as in Operation Kestrel: on the car wash’s job advert',
    saveAnyway: true,
  })

  // 3. The victim disengaged ten days in: the supervisor approved closure, the early-closure guard holds it.
  const d10 = at(deps, 10)
  const heron = await openInvestigation(d10, investigator, {
    submissionId: ids.heron,
    title: 'Operation Heron',
    summary: 'A woman moved between flats in Bradford for sex work; she has stopped answering.',
    source: { type: 'direct' },
    officerInChargeUserId: oic,
  })
  added++
  await classify(d10, investigator, heron.id, heron.version, {
    types: ['sexual'],
    countyLines: false,
    typologyIds: ['forced-sex-work-changing'],
  })
  const d4 = at(deps, 4)
  await addToInvestigation(d4, investigator, heron.id, await version(d4, investigator, heron.id), {
    role: 'advertised',
    entity: { kind: 'online-handle', platform: 'vivastreet', value: 'bradford_new_girl' },
    notes: null,
  })
  await addVictimContact(d4, investigator, heron.id, await version(d4, investigator, heron.id), {
    contactedAt: new Date(d4.now().getTime() - 3600_000).toISOString(),
    method: 'attempted-no-answer',
    engagement: 'disengaged',
    victimLinkId: null,
    supportWorker: 'Outreach worker, local women’s service',
    interpreter: 'none',
    interpreterLanguage: null,
    needs: 'Safe accommodation if she comes back into contact',
    notes: 'Third attempt with no answer',
  })
  await recordOrderConsideration(d4, investigator, heron.id, await version(d4, investigator, heron.id), {
    stage: 'closure',
    decision: 'not-appropriate',
    rationale: 'No suspect identified to apply against',
  })
  await requestClosure(d4, investigator, heron.id, await version(d4, investigator, heron.id), {
    reason: 'victim-disengaged',
    rationale: `${LONG_RATIONALE}The victim has disengaged and no other evidence identifies the controllers.`,
    victimContactStatus: 'disengaged',
  })
  const d1 = at(deps, 1)
  await decideClosure(d1, supervisor, heron.id, await version(d1, supervisor, heron.id), {
    decision: 'approve',
    rationale: 'I agree: nothing further without the victim.',
  })

  // 4. Sixty days old, reviewed, closure asked for and waiting for a supervisor.
  const d60 = at(deps, 60)
  const plover = await openInvestigation(d60, investigator, {
    submissionId: ids.plover,
    title: 'Operation Plover',
    summary: 'Domestic servitude reported by a GP: a relative kept as an unpaid carer.',
    source: { type: 'direct' },
    officerInChargeUserId: oic,
  })
  added++
  await classify(d60, investigator, plover.id, plover.version, {
    types: ['domestic-servitude'],
    countyLines: false,
    typologyIds: ['domestic-servitude-relatives'],
  })
  const d53 = at(deps, 53)
  await recordReview(d53, supervisor, plover.id, await version(d53, supervisor, plover.id), {
    rationale: 'Plan is sound; victim safe with her GP’s support.',
    directions: ['Obtain the GP’s statement', 'Check the family’s benefit claims'],
  })
  const d25 = at(deps, 25)
  await recordReview(d25, supervisor, plover.id, await version(d25, supervisor, plover.id), {
    rationale: 'Enquiries show no offence by the family: the victim chose to care for her aunt.',
    directions: [],
  })
  await recordOrderConsideration(d1, investigator, plover.id, await version(d1, investigator, plover.id), {
    stage: 'closure',
    decision: 'not-appropriate',
    rationale: 'No offence disclosed',
  })
  await requestClosure(d1, investigator, plover.id, await version(d1, investigator, plover.id), {
    reason: 'no-offence-disclosed',
    rationale: `${LONG_RATIONALE}The enquiries show the arrangement was voluntary and the victim confirms she is free to leave.`,
    victimContactStatus: 'engaged',
  })

  // 5. Charged, convicted and closed, with an STPO on the register.
  const d200 = at(deps, 200)
  const curlew = await openInvestigation(d200, investigator, {
    submissionId: ids.curlew,
    title: 'Operation Curlew',
    summary: 'Gangmaster supplying Romanian workers to a food factory and taking their wages.',
    source: { type: 'direct' },
    officerInChargeUserId: oic,
  })
  added++
  await classify(d200, investigator, curlew.id, curlew.version, {
    types: ['labour'],
    countyLines: false,
    typologyIds: ['labour-for-others'],
  })
  const { link: gangmaster } = await addToInvestigation(
    d200,
    investigator,
    curlew.id,
    await version(d200, investigator, curlew.id),
    { role: 'suspect', entity: { kind: 'person', name: 'Marius Popa', dateOfBirth: '1979-11-02' }, notes: null },
  )
  await addToInvestigation(d200, investigator, curlew.id, await version(d200, investigator, curlew.id), {
    role: 'used-by-suspect',
    entity: { kind: 'bank-account', sortCode: '20-00-00', accountNumber: '55779911' },
    notes: 'Workers’ wages paid in here',
  })
  const d150 = at(deps, 150)
  await recordOutcome(d150, investigator, curlew.id, await version(d150, investigator, curlew.id), {
    type: 'charge',
    suspectId: gangmaster.id,
    chargedAt: d150.now(),
    offences: ['Modern Slavery Act 2015 s1', 'Modern Slavery Act 2015 s2'],
    authorisedBy: 'cps',
  })
  await setSuspectPursuit(d150, investigator, curlew.id, await version(d150, investigator, curlew.id), gangmaster.id, {
    identified: true,
    pursuit: 'charged',
  })
  await recordOrderConsideration(d150, investigator, curlew.id, await version(d150, investigator, curlew.id), {
    stage: 'charge',
    decision: 'seek-stpo',
    rationale: 'He runs a labour supply business and will go on recruiting',
  })
  const d40 = at(deps, 40)
  await recordOutcome(d40, investigator, curlew.id, await version(d40, investigator, curlew.id), {
    type: 'court-result',
    suspectId: gangmaster.id,
    date: d40.now(),
    court: 'Leeds Crown Court',
    offence: 'Modern Slavery Act 2015 s1',
    result: 'convicted-after-trial',
  })
  await recordOutcome(d40, investigator, curlew.id, await version(d40, investigator, curlew.id), {
    type: 'sentence',
    suspectId: gangmaster.id,
    date: d40.now(),
    offence: 'Modern Slavery Act 2015 s1',
    disposal: 'immediate-custody',
    custodialMonths: 72,
    ancillaryOrders: ['stpo', 'confiscation'],
  })
  await recordOrderConsideration(d40, investigator, curlew.id, await version(d40, investigator, curlew.id), {
    stage: 'conviction',
    decision: 'seek-stpo',
    rationale: 'STPO made on sentencing',
  })
  const today40 = isoDateOf(d40.now())
  await addOrder(d40, investigator, {
    submissionId: ids.orderCurlew,
    investigationId: curlew.id,
    kind: 'stpo',
    interim: false,
    route: 'on-sentencing',
    applicant: null,
    chiefOfficerNotifiedOn: null,
    subjectRef: 'Suspect in Operation Curlew',
    subjectAgeAtApplication: null,
    court: 'Leeds Crown Court',
    courtType: 'crown',
    madeOn: today40,
    startsOn: today40,
    duration: { type: 'fixed', expiresOn: addYearsToIsoDate(today40, 10) },
    mainApplicationDecidedOn: null,
    prohibitions: [
      { text: 'Not to act as a gangmaster or supply workers', foreignTravel: false, duration: null },
      {
        text: 'Not to travel to Romania',
        foreignTravel: true,
        duration: { type: 'fixed', expiresOn: addYearsToIsoDate(today40, 5) },
      },
    ],
    notificationRequirements: {
      required: true,
      details: 'Notify the police of any change of name or address within 3 days',
    },
  })
  const d35 = at(deps, 35)
  await recordOrderConsideration(d35, investigator, curlew.id, await version(d35, investigator, curlew.id), {
    stage: 'closure',
    decision: 'order-already-in-place',
    rationale: 'STPO made on sentencing for 10 years',
  })
  await requestClosure(d35, investigator, curlew.id, await version(d35, investigator, curlew.id), {
    reason: 'charged',
    rationale: `${LONG_RATIONALE}Convicted and sentenced; the STPO is on the register and confiscation proceedings are with the financial investigator.`,
    victimContactStatus: 'engaged',
  })
  await decideClosure(d35, supervisor, curlew.id, await version(d35, supervisor, curlew.id), {
    decision: 'approve',
    rationale: 'Closed on conviction.',
  })

  // 6. Closed early after the force lead agreed, then reopened when the victim came back.
  const d90 = at(deps, 90)
  const avocet = await openInvestigation(d90, investigator, {
    submissionId: ids.avocet,
    title: 'Operation Avocet',
    summary: 'County lines: a 15-year-old from Leeds found dealing in Scarborough.',
    source: { type: 'direct' },
    officerInChargeUserId: oic,
  })
  added++
  await classify(d90, investigator, avocet.id, avocet.version, {
    types: ['criminal'],
    countyLines: true,
    typologyIds: ['forced-gang-criminality'],
  })
  const d80 = at(deps, 80)
  await recordOrderConsideration(d80, investigator, avocet.id, await version(d80, investigator, avocet.id), {
    stage: 'closure',
    decision: 'not-appropriate',
    rationale: 'Line holder not identified',
  })
  await requestClosure(d80, investigator, avocet.id, await version(d80, investigator, avocet.id), {
    reason: 'suspect-not-identified',
    rationale: `${LONG_RATIONALE}The line holder has not been identified and the phone went dead when the boy was found.`,
    victimContactStatus: 'engaged',
  })
  await decideClosure(d80, supervisor, avocet.id, await version(d80, supervisor, avocet.id), {
    decision: 'approve',
    rationale: 'Nothing more to do now.',
  })
  const d79 = at(deps, 79)
  await secondReview(d79, lead, avocet.id, await version(d79, lead, avocet.id), {
    decision: 'approve',
    rationale: 'Agreed, but reopen the moment the line is active again.',
  })
  const d6 = at(deps, 6)
  await reopenInvestigation(
    d6,
    investigator,
    avocet.id,
    await version(d6, investigator, avocet.id),
    'The boy has re-engaged and named the line holder.',
  )

  // Orders on the register: one expiring within 90 days, an interim order waiting for the main application (with a
  // breach not yet dealt with).
  const today = isoDateOf(deps.now())
  const oldStart = addDaysToIsoDate(addYearsToIsoDate(today, -5), 40)
  await addOrder(at(deps, 0), investigator, {
    submissionId: ids.orderOld,
    investigationId: null,
    kind: 'stpo',
    interim: false,
    route: 'on-application',
    applicant: 'chief-officer-of-police',
    chiefOfficerNotifiedOn: null,
    subjectRef: 'PNC 21/0012345X',
    subjectAgeAtApplication: 41,
    court: 'Leeds Magistrates’ Court',
    courtType: 'magistrates',
    madeOn: oldStart,
    startsOn: oldStart,
    duration: { type: 'fixed', expiresOn: addYearsToIsoDate(oldStart, 5) },
    mainApplicationDecidedOn: null,
    prohibitions: [{ text: 'Not to run or work for a hand car wash', foreignTravel: false, duration: null }],
    notificationRequirements: { required: false, details: null },
  })
  const interimStart = addDaysToIsoDate(today, -35)
  const interim = await addOrder(at(deps, 35), investigator, {
    submissionId: ids.orderInterim,
    investigationId: linnet.id,
    kind: 'stro',
    interim: true,
    route: 'on-application',
    applicant: 'chief-officer-of-police',
    chiefOfficerNotifiedOn: null,
    subjectRef: 'Car wash manager, Operation Linnet',
    subjectAgeAtApplication: 38,
    court: 'Leeds Magistrates’ Court',
    courtType: 'magistrates',
    madeOn: interimStart,
    startsOn: interimStart,
    duration: { type: 'fixed', expiresOn: addDaysToIsoDate(interimStart, 180) },
    mainApplicationDecidedOn: null,
    prohibitions: [{ text: 'Not to hold any worker’s identity documents', foreignTravel: false, duration: null }],
    notificationRequirements: { required: false, details: null },
  })
  await recordBreach(d20, investigator, interim.id, interim.version, {
    occurredOn: addDaysToIsoDate(today, -22),
    reportedOn: addDaysToIsoDate(today, -20),
    description: 'Seen collecting passports from two new workers',
  })
  // Their reminders due within the horizon today are in the investigator's actions and Team actions.
  await syncForceOrderReminders(deps, investigator)

  // 7. Kent's own investigation: West Yorkshire cannot see it.
  const kent = await ctxFor(deps, 'investigator@kent.demo.lantern')
  if (kent) {
    await openInvestigation(at(deps, 4), kent, {
      submissionId: ids.dover,
      title: 'Operation Dover Gull',
      summary: 'Young men found in a lorry at Dover, told they owed money for the crossing.',
      source: { type: 'direct' },
      officerInChargeUserId: kent.actor.userId,
    })
    added++
  }
  return added
}
