import { findUserForSignIn } from '../../db/repositories/identity.js'
import { findReceivedReferralBySubmission } from '../../db/repositories/tasks.js'
import { forceScopeOf } from '../../domain/access/policy.js'
import type { ReceivedReferralInput } from '../../domain/tasks/received-referral.js'
import type { Ctx, Deps } from '../context.js'
import { actorFromUser } from '../identity/sign-in.js'
import { decideCancellation, recordCrime, requestCancellation } from './crime-records.js'
import { logReceivedReferral } from './received-referrals.js'

const HOUR = 3_600_000

type Stage =
  | { stage: 'open' }
  | { stage: 'recorded'; crimeReference: string; classification: string; afterHours: number }
  | { stage: 'cancellation-requested'; crimeReference: string; afterHours: number; requestedAfterHours: number }
  | {
      stage: 'cancelled'
      crimeReference: string
      afterHours: number
      requestedAfterHours: number
      approvedBy: string
      approvedAfterHours: number
    }

type DemoReceived = {
  /** Fixed, so a second seed run finds the first record instead of adding another. */
  submissionId: string
  officer: string
  hoursAgo: number
  input: Omit<ReceivedReferralInput, 'receivedAt'>
} & Stage

// Made-up referrals received at every stage, including overdue ones, relative to the clock at seed time.
// They hold no names: the organisations are real kinds of first responder, the references fictional.
const RECEIVED: DemoReceived[] = [
  {
    submissionId: '5eed0000-0000-4000-8000-000000000001',
    officer: 'response@demo.lantern',
    hoursAgo: 72,
    input: {
      kind: 'nrm-adult',
      firstResponderOrganisation: 'Leeds City Council Adult Social Care',
      externalReference: 'LCC-ASC-88213',
      exploitationLocation: 'uk',
      exploitationForceId: 'west-yorkshire',
    },
    stage: 'open',
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000002',
    officer: 'response@demo.lantern',
    hoursAgo: 2,
    input: {
      kind: 'duty-to-notify',
      firstResponderOrganisation: 'The Salvation Army',
      externalReference: null,
      exploitationLocation: 'uk',
      exploitationForceId: null,
    },
    stage: 'open',
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000008',
    officer: 'investigator@demo.lantern',
    hoursAgo: 30,
    input: {
      kind: 'nrm-child',
      firstResponderOrganisation: 'Wakefield Council Children’s Services',
      externalReference: 'WMDC-CS-4410',
      exploitationLocation: 'uk',
      exploitationForceId: 'west-yorkshire',
    },
    stage: 'open',
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000003',
    officer: 'investigator@demo.lantern',
    hoursAgo: 120,
    input: {
      kind: 'nrm-child',
      firstResponderOrganisation: 'Bradford Children’s Services',
      externalReference: 'BCS-2231',
      exploitationLocation: 'both',
      exploitationForceId: 'west-yorkshire',
    },
    stage: 'recorded',
    crimeReference: '13/40211/26',
    classification: '106',
    afterHours: 6,
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000004',
    officer: 'response@demo.lantern',
    hoursAgo: 240,
    input: {
      kind: 'nrm-adult',
      firstResponderOrganisation: 'Home Office Immigration Enforcement',
      externalReference: 'HOIE-55102',
      exploitationLocation: 'uk',
      exploitationForceId: 'west-yorkshire',
    },
    stage: 'cancellation-requested',
    crimeReference: '13/39877/26',
    afterHours: 20,
    requestedAfterHours: 200,
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000005',
    officer: 'investigator@demo.lantern',
    hoursAgo: 480,
    input: {
      kind: 'nrm-adult',
      firstResponderOrganisation: 'Barnardo’s',
      externalReference: null,
      exploitationLocation: 'overseas',
      exploitationForceId: null,
    },
    stage: 'cancelled',
    crimeReference: '13/38002/26',
    afterHours: 12,
    requestedAfterHours: 300,
    approvedBy: 'supervisor@demo.lantern',
    approvedAfterHours: 320,
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000006',
    officer: 'response@kent.demo.lantern',
    hoursAgo: 30,
    input: {
      kind: 'nrm-adult',
      firstResponderOrganisation: 'Kent County Council',
      externalReference: 'KCC-7741',
      exploitationLocation: 'uk',
      exploitationForceId: 'kent',
    },
    stage: 'open',
  },
  {
    submissionId: '5eed0000-0000-4000-8000-000000000007',
    officer: 'response@kent.demo.lantern',
    hoursAgo: 4,
    input: {
      kind: 'duty-to-notify',
      firstResponderOrganisation: 'Migrant Help',
      externalReference: null,
      exploitationLocation: 'not-known',
      exploitationForceId: null,
    },
    stage: 'open',
  },
]

async function ctxFor(deps: Deps, email: string): Promise<Ctx | null> {
  const found = await findUserForSignIn(deps.db, email)
  return found ? { actor: actorFromUser(found.user), requestId: 'seed-demo' } : null
}

/** Each step runs "at" its own time, so the history reads as it would have happened. */
const at = (deps: Deps, t: number): Deps => ({ ...deps, now: () => new Date(t) })

export async function seedDemoCrimeRecords(deps: Deps): Promise<number> {
  let added = 0
  const now = deps.now().getTime()
  for (const r of RECEIVED) {
    const ctx = await ctxFor(deps, r.officer)
    if (!ctx) continue
    if (await findReceivedReferralBySubmission(deps.db, forceScopeOf(ctx.actor), r.submissionId)) continue
    const received = now - r.hoursAgo * HOUR
    const logged = await logReceivedReferral(at(deps, received + 10 * 60_000), ctx, r.submissionId, {
      ...r.input,
      receivedAt: new Date(received).toISOString(),
    })
    added += 1
    const id = logged.crimeRecordId
    if (!id || r.stage === 'open') continue
    const recordedAt = received + r.afterHours * HOUR
    const recorded = await recordCrime(at(deps, recordedAt), ctx, id, 1, {
      reference: r.crimeReference,
      classification: r.stage === 'recorded' ? r.classification : '106',
      recordedAt: new Date(recordedAt).toISOString(),
    })
    if (r.stage === 'recorded') continue
    const requested = await requestCancellation(
      at(deps, received + r.requestedAfterHours * HOUR),
      ctx,
      id,
      recorded.record.version,
      {
        rationale:
          'Payroll, tenancy and travel records show the person worked lawfully, was paid in full and travelled freely; they confirmed this in a statement with an independent interpreter.',
        evidence: [
          {
            kind: 'official-record',
            description: 'HMRC payroll records and the tenancy agreement, checked with the issuers',
          },
        ],
      },
    )
    if (r.stage !== 'cancelled') continue
    const approver = await ctxFor(deps, r.approvedBy)
    if (!approver) continue
    await decideCancellation(at(deps, received + r.approvedAfterHours * HOUR), approver, id, requested.record.version, {
      outcome: 'approved',
    })
  }
  return added
}
