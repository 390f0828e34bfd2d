import { oneAtATime } from '../../db/one-at-a-time.js'
import type { EncounterRow } from '../../db/repositories/encounters.js'
import {
  type CustodyNoteRow,
  findCustodyEncounter,
  findCustodyNote,
  insertCustodyNote,
  listCustodyEncounters,
  listCustodyNotes,
  listInvestigationsForEncounter,
  listReferralsForEncounters,
} from '../../db/repositories/investigations.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { forceById } from '../../domain/forces/forces.js'
import { indicatorById } from '../../domain/identify/catalogue.js'
import { cpsNote, type NrmStatus } from '../../domain/s45/cps-note.js'
import { SCHEDULE_4_VERSION } from '../../domain/s45/schedule-4.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { Refused } from '../investigate/errors.js'

export class CustodyPersonNotFound extends Error {}

/** People brought in within this many days are listed; older records are reached from the encounter. */
export const CUSTODY_LIST_DAYS = 14

const DAY = 86_400_000

type ReferralSummary = { reference: string; kind: string; status: string; submittedAt: string | null }

/** The NRM position for the CPS note, read from the encounter's referral where there is one (law-and-process.md §2). */
export function nrmStatusOf(referral: ReferralSummary | undefined): NrmStatus {
  if (!referral) return 'not-yet-referred'
  if (referral.kind === 'duty-to-notify')
    return referral.status === 'draft' ? 'not-yet-referred' : 'declined-consent-duty-to-notify-made'
  switch (referral.status) {
    case 'submitted':
    case 'rg-pending':
      return 'referred-awaiting-decision'
    case 'rg-positive':
    case 'cg-pending':
      return 'positive-reasonable-grounds'
    case 'rg-negative':
      return 'negative-reasonable-grounds'
    case 'cg-positive-trafficking':
    case 'cg-positive-slavery':
      return 'positive-conclusive-grounds'
    case 'cg-insufficient-evidence':
      return 'negative-conclusive-grounds'
    default:
      return 'not-yet-referred'
  }
}

function indicatorTitles(row: Pick<EncounterRow, 'indicators'>): string[] {
  return row.indicators.map((i) => indicatorById(i.id)?.title ?? i.id)
}

function hasS45Flag(row: Pick<EncounterRow, 'assessment'>): boolean {
  const actions = (row.assessment?.actions as { code: string }[] | undefined) ?? []
  return actions.some((a) => a.code === 's45-flag')
}

/** People in custody encounters (or suspects and arrested people) with signs of modern slavery, each flagged. */
export async function custodyList(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'custody:view')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const rows = await listCustodyEncounters(tx, scope, new Date(now.getTime() - CUSTODY_LIST_DAYS * DAY))
    const ids = rows.map((r) => r.id)
    const [notes, referrals] = await oneAtATime([
      () => listCustodyNotes(tx, scope, ids),
      () => listReferralsForEncounters(tx, scope, ids),
    ])
    await audit(tx, ctx, { action: 'read', recordType: 'custody-list', details: { count: rows.length } }, now)
    return rows.map((r) => ({
      ...r,
      signs: indicatorTitles(r),
      s45Flag: true,
      flaggedByAssessment: hasS45Flag(r),
      latestNote: notes.find((n) => n.note.encounterId === r.id) ?? null,
      nrmStatus: nrmStatusOf(referrals.find((x) => x.encounterId === r.id && x.status !== 'withdrawn')),
    }))
  })
}

/** One person in custody: the signs, the NRM position, the notes prepared so far. */
export async function custodyPerson(deps: Deps, ctx: Ctx, encounterId: string) {
  assertCan(ctx.actor, 'custody:view')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findCustodyEncounter(tx, scope, encounterId)
    if (!row) throw new CustodyPersonNotFound(encounterId)
    const [notes, referrals, investigations] = await oneAtATime([
      () => listCustodyNotes(tx, scope, [row.id]),
      () => listReferralsForEncounters(tx, scope, [row.id]),
      () => listInvestigationsForEncounter(tx, scope, row.id),
    ])
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'encounter', recordId: row.id, details: { view: 'custody' } },
      now,
    )
    const referral = referrals.find((x) => x.status !== 'withdrawn')
    return {
      row,
      signs: indicatorTitles(row),
      flaggedByAssessment: hasS45Flag(row),
      notes,
      referral: referral ?? null,
      nrmStatus: nrmStatusOf(referral),
      investigations,
    }
  })
}

export type NoteInput = {
  custodyRecordRef: string
  ageAtOffence: string
  offences: string[]
  offenceDate: string
  nrmStatus: NrmStatus
}

/**
 * Prepares the note for the CPS file (src/domain/s45/cps-note.ts) and keeps it, so it can be printed again and
 * shows on the custody list. Nothing is kept unless every offence is identified.
 */
export async function prepareCustodyNote(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  input: NoteInput,
): Promise<CustodyNoteRow> {
  assertCan(ctx.actor, 'custody:view')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findCustodyEncounter(tx, scope, encounterId)
    if (!row) throw new CustodyPersonNotFound(encounterId)
    const offences = input.offences.map((o) => o.trim()).filter((o) => o !== '')
    const result = cpsNote({
      custodyRecordRef: input.custodyRecordRef,
      subjectRef: row.reference,
      ageAtOffence: input.ageAtOffence,
      offences,
      ...(input.offenceDate.trim() ? { offenceDate: input.offenceDate.trim() } : {}),
      indicators: indicatorTitles(row),
      nrm: { status: input.nrmStatus },
      preparedBy: ctx.actor.displayName,
      preparedAt: now,
      force: forceById(scope.forceId)?.name ?? scope.forceId,
    })
    if (!result.ok) {
      throw new Refused(
        result.errors.map((e) => ({
          field: e.field.startsWith('offences') ? 'offences' : e.field,
          message:
            e.field.startsWith('offences[') && offences.length > 1
              ? `Offence ${Number(/\[(\d+)\]/.exec(e.field)?.[1] ?? 0) + 1}: ${e.message}`
              : e.message,
        })),
      )
    }
    const first = result.assessments[0]
    const note = await insertCustodyNote(tx, scope, {
      encounterId: row.id,
      custodyRecordRef: input.custodyRecordRef.trim(),
      ageAtOffence: first?.ageAtOffence ?? Number(input.ageAtOffence),
      offenceDate: first?.offenceDate ?? null,
      offences,
      nrmStatus: input.nrmStatus,
      text: result.text,
      anyAvailable: result.assessments.some((a) => a.available),
      scheduleVersion: SCHEDULE_4_VERSION,
      preparedBy: ctx.actor.userId,
      preparedAt: now.toISOString(),
    })
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'custody-note',
        recordId: note.id,
        details: { encounterId: row.id, offences: offences.length, anyAvailable: note.anyAvailable },
      },
      now,
    )
    return note
  })
}

export async function readCustodyNote(deps: Deps, ctx: Ctx, encounterId: string, noteId: string) {
  assertCan(ctx.actor, 'custody:view')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const found = await findCustodyNote(tx, scope, encounterId, noteId)
    if (!found) throw new CustodyPersonNotFound(noteId)
    const person = await findCustodyEncounter(tx, scope, encounterId)
    await audit(
      tx,
      ctx,
      { action: 'read', recordType: 'custody-note', recordId: noteId, details: { encounterId } },
      now,
    )
    return { ...found, reference: person?.reference ?? '' }
  })
}
