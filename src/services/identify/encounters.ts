import { randomInt } from 'node:crypto'
import type { DbOrTx } from '../../db/client.js'
import {
  type EncounterPatch,
  type EncounterRow,
  encounterReferenceExists,
  findEncounter,
  insertEncounter,
  insertEncounterRevision,
  listEncounterRevisions,
  listEncountersByOfficer,
  updateEncounter,
} from '../../db/repositories/encounters.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { type Assessment, assess } from '../../domain/identify/assessment.js'
import { AssessmentInput } from '../../domain/identify/encounter-input.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'

export class EncounterNotFound extends Error {}
/** Another save reached the record first (a double click, a retried request, a second tab). */
export class EncounterConflict extends Error {}
export class EncounterIncomplete extends Error {
  constructor(readonly missing: { step: string; text: string }[]) {
    super(`The encounter is not complete: ${missing.map((m) => m.text).join('; ')}`)
  }
}
export class AmendmentReasonMissing extends Error {}

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

async function newReference(deps: Deps): Promise<string> {
  const year = String(deps.now().getUTCFullYear()).slice(2)
  for (;;) {
    const body = Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('')
    const ref = `ENC-${year}-${body}`
    if (!(await encounterReferenceExists(deps.db, ref))) return ref
  }
}

export async function startEncounter(deps: Deps, ctx: Ctx): Promise<EncounterRow> {
  assertCan(ctx.actor, 'encounter:create')
  const scope = forceScopeOf(ctx.actor)
  const reference = await newReference(deps)
  return deps.db.transaction(async (tx) => {
    const row = await insertEncounter(tx, scope, { reference, officerUserId: ctx.actor.userId, now: deps.now() })
    await audit(tx, ctx, { action: 'create', recordType: 'encounter', recordId: row.id }, deps.now())
    return row
  })
}

export async function readEncounter(deps: Deps, ctx: Ctx, id: string): Promise<EncounterRow> {
  assertCan(ctx.actor, 'encounter:read')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const row = await findEncounter(tx, scope, id)
    if (!row) throw new EncounterNotFound(id)
    await audit(tx, ctx, { action: 'read', recordType: 'encounter', recordId: id }, deps.now())
    return row
  })
}

export async function encounterHistory(deps: Deps, ctx: Ctx, id: string) {
  assertCan(ctx.actor, 'encounter:read')
  return listEncounterRevisions(deps.db, forceScopeOf(ctx.actor), id)
}

export async function myEncounters(deps: Deps, ctx: Ctx) {
  assertCan(ctx.actor, 'encounter:create')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const rows = await listEncountersByOfficer(tx, scope, ctx.actor.userId)
    await audit(tx, ctx, { action: 'read', recordType: 'encounter-list', details: { count: rows.length } }, deps.now())
    return rows
  })
}

/** What the engine needs, built from a stored encounter; fails with every missing step named. */
export function toAssessmentInput(row: EncounterRow): AssessmentInput {
  const missing: { step: string; text: string }[] = []
  if (!row.occurredAt) missing.push({ step: 'when', text: 'Enter when the encounter happened' })
  if (!row.placeType) missing.push({ step: 'place', text: 'Select the type of place' })
  if (!row.immediateRisk) missing.push({ step: 'risk', text: 'Say whether anyone is at immediate risk' })
  if (!row.person.role) missing.push({ step: 'role', text: 'Select the person’s role in the encounter' })
  if (row.person.age === undefined && row.person.ageBand === undefined) {
    missing.push({ step: 'age', text: 'Enter the person’s age or apparent age' })
  }
  if (missing.length > 0) throw new EncounterIncomplete(missing)
  const input = {
    person: {
      role: row.person.role,
      ...(row.person.age !== undefined ? { age: row.person.age } : {}),
      ...(row.person.ageBand !== undefined ? { ageBand: row.person.ageBand } : {}),
      ...(row.person.ageDisputed ? { ageDisputed: true } : {}),
      ...(row.person.language ? { language: row.person.language } : {}),
    },
    indicators: row.indicators.map(({ id, provenance }) => ({ id, provenance })),
    consent: row.consent ?? 'not-asked',
    immediateRisk: row.immediateRisk === 'yes',
    placeType: row.placeType,
    occurredAt: new Date(row.occurredAt as string).toISOString(),
    ...(row.interpreter ? { interpreter: row.interpreter } : {}),
    ...(row.account ? { account: row.account } : {}),
  }
  return AssessmentInput.parse(input)
}

function assessmentPatch(row: EncounterRow): EncounterPatch {
  const result: Assessment = assess(toAssessmentInput(row))
  return {
    assessment: result as unknown as Record<string, unknown>,
    catalogueVersion: result.catalogueVersion,
    rulesVersion: result.rulesVersion,
  }
}

const FIELDS = [
  'occurredAt',
  'location',
  'placeType',
  'immediateRisk',
  'person',
  'interpreter',
  'indicators',
  'themesReviewed',
  'account',
  'consent',
] as const

function diff(before: EncounterRow, patch: EncounterPatch) {
  return FIELDS.filter((f) => f in patch && JSON.stringify(before[f]) !== JSON.stringify(patch[f])).map((f) => ({
    field: f,
    before: before[f],
    after: patch[f],
  }))
}

/**
 * Saves one page of the journey. A draft saves as the officer goes; a submitted encounter can be
 * amended with a reason, which keeps the history and re-runs the assessment.
 */
export async function saveEncounterStep(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  patch: EncounterPatch,
  reason?: string,
): Promise<EncounterRow> {
  assertCan(ctx.actor, 'encounter:amend')
  return deps.db.transaction((tx) => changeEncounter(tx, ctx, id, expectedVersion, patch, reason, deps.now()))
}

/**
 * The change itself, inside a caller's transaction, so another capability (the private questions on
 * the hand-over screen) can add to an encounter and record its own rows all-or-nothing.
 */
export async function changeEncounter(
  tx: DbOrTx,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  patch: EncounterPatch,
  reason: string | undefined,
  now: Date,
): Promise<EncounterRow> {
  assertCan(ctx.actor, 'encounter:amend')
  const scope = forceScopeOf(ctx.actor)
  const before = await findEncounter(tx, scope, id)
  if (!before) throw new EncounterNotFound(id)
  const changes = diff(before, patch)
  if (before.status === 'submitted') {
    if (changes.length === 0) return before
    if (!reason?.trim()) throw new AmendmentReasonMissing('Give a reason for changing a submitted encounter')
    const merged = { ...before, ...patch } as EncounterRow
    const reassessed = assessmentPatch(merged)
    const after = await updateEncounter(tx, scope, id, expectedVersion, { ...patch, ...reassessed }, now)
    if (!after) throw new EncounterConflict(id)
    await insertEncounterRevision(tx, scope, {
      encounterId: id,
      version: after.version,
      changedBy: ctx.actor.userId,
      changedAt: now.toISOString(),
      reason: reason.trim(),
      changes,
      pathwayBefore: String(before.assessment?.pathway ?? ''),
      pathwayAfter: String(after.assessment?.pathway ?? ''),
    })
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'encounter',
        recordId: id,
        reason: reason.trim(),
        details: { fields: changes.map((c) => c.field) },
      },
      now,
    )
    return after
  }
  const after = await updateEncounter(tx, scope, id, expectedVersion, patch, now)
  if (!after) throw new EncounterConflict(id)
  await audit(
    tx,
    ctx,
    { action: 'update', recordType: 'encounter', recordId: id, details: { fields: changes.map((c) => c.field) } },
    now,
  )
  return after
}

/** Submits a complete draft: runs the assessment and stores it with the versions it used. */
export async function submitEncounter(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
): Promise<EncounterRow> {
  assertCan(ctx.actor, 'encounter:create')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findEncounter(tx, scope, id)
    if (!row) throw new EncounterNotFound(id)
    if (row.status === 'submitted') return row
    const patch = { ...assessmentPatch(row), status: 'submitted' as const, submittedAt: now.toISOString() }
    const after = await updateEncounter(tx, scope, id, expectedVersion, patch, now)
    if (!after) throw new EncounterConflict(id)
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'encounter',
        recordId: id,
        details: { submitted: true, pathway: after.assessment?.pathway },
      },
      now,
    )
    return after
  })
}
