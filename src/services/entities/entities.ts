import { randomUUID } from 'node:crypto'
import type { DbOrTx } from '../../db/client.js'
import {
  type EntityLinkRow,
  findEntityLink,
  findOrInsertEntity,
  findStandingLink,
  insertEntityLink,
  listEntityLinks,
  removeEntityLink,
  updateSuspectPursuit,
} from '../../db/repositories/entities.js'
import { findEncounterSource, findInvestigation, updateInvestigation } from '../../db/repositories/investigations.js'
import { assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import { type EntityLinkRole, entityKindLabels } from '../../domain/entities/entity-kind.js'
import { type EntityInput, type NormalisedIdentifier, normaliseEntity } from '../../domain/entities/normalise-entity.js'
import type { suspectPursuits } from '../../domain/investigation/closure.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { InvestigationConflict, InvestigationNotFound, Refused, refuse } from '../investigate/errors.js'
import { recordEvent } from '../investigate/model.js'

export const entityLinkRoleLabels: Record<EntityLinkRole, string> = {
  victim: 'Victim',
  suspect: 'Suspect',
  witness: 'Witness',
  associate: 'Associate',
  'exploitation-location': 'Place of exploitation',
  residence: 'Where someone lives',
  workplace: 'Workplace',
  'used-by-suspect': 'Used by a suspect',
  'used-by-victim': 'Used by a victim',
  advertised: 'Used in adverts',
  other: 'Other',
}

/** The attributes kept beside the key, without the fields every identifier has. */
function attributesOf(n: NormalisedIdentifier): Record<string, unknown> {
  const { kind: _k, normalised: _n, display: _d, valid: _v, problems: _p, ...rest } = n
  return rest
}

export type LinkInput = {
  role: EntityLinkRole
  entity: EntityInput
  notes: string | null
  /** For a person who is not yet identified (a description): never matched with anyone else. */
  unidentified?: boolean
  /** The officer has seen the problems with the identifier and wants it saved as recorded. */
  saveAnyway?: boolean
}

/** An identifier Lantern cannot match on at all: nothing usable to save. */
function blocking(n: NormalisedIdentifier): string | null {
  if (n.normalised.replace(/[|:\s]/g, '') === '') return n.problems[0] ?? 'Enter the identifier.'
  if (n.kind === 'person' && n.display === '') return 'Enter the person’s name, or a description if it is not known.'
  if (n.kind === 'address' && n.problems.includes('Enter the first line of the address.')) {
    return 'Enter the first line of the address.'
  }
  return null
}

/** Thrown when the identifier looks wrong: the officer can check it and save it as recorded. */
export class IdentifierNeedsChecking extends Refused {}

/**
 * Normalises the identifier, finds or adds the force's entity for it, and links it in the role, inside the caller's
 * transaction. A person not yet identified gets a key of their own, so two "unknown male" records never merge.
 */
export async function linkEntity(
  tx: DbOrTx,
  scope: ForceScope,
  ctx: Ctx,
  target: { investigationId: string } | { encounterId: string },
  input: LinkInput,
  source: EntityLinkRow['source'],
  now: Date,
) {
  const n = normaliseEntity(input.entity)
  const stop = blocking(n)
  if (stop) refuse('value', stop)
  if (!n.valid && !input.saveAnyway) {
    throw new IdentifierNeedsChecking(n.problems.map((message) => ({ field: 'value', message })))
  }
  const unidentified = n.kind === 'person' && input.unidentified === true
  const key = unidentified ? `${n.normalised}|unidentified:${randomUUID()}` : n.normalised
  const { entity } = await findOrInsertEntity(tx, scope, {
    kind: n.kind,
    normalisedKey: key,
    display: n.display,
    valid: n.valid,
    problems: n.problems,
    attributes: { ...attributesOf(n), ...(unidentified ? { unidentified: true } : {}) },
    createdBy: ctx.actor.userId,
    createdAt: now.toISOString(),
  })
  const where =
    'investigationId' in target ? { investigationId: target.investigationId } : { encounterId: target.encounterId }
  const standing = await findStandingLink(tx, scope, { entityId: entity.id, role: input.role, ...where })
  if (standing) {
    refuse('value', `${n.display} is already linked as ${entityLinkRoleLabels[input.role].toLowerCase()}.`)
  }
  const link = await insertEntityLink(tx, scope, {
    entityId: entity.id,
    investigationId: 'investigationId' in target ? target.investigationId : null,
    encounterId: 'encounterId' in target ? target.encounterId : null,
    role: input.role,
    source,
    notes: input.notes?.trim() || null,
    identified: input.role === 'suspect' ? !unidentified : null,
    pursuit: input.role === 'suspect' ? 'not-pursued' : null,
    createdBy: ctx.actor.userId,
    createdAt: now.toISOString(),
  })
  await audit(
    tx,
    ctx,
    {
      action: 'create',
      recordType: 'entity-link',
      recordId: link.id,
      details: { entityId: entity.id, kind: n.kind, role: input.role, ...where },
    },
    now,
  )
  return { entity, link }
}

/** When an investigation is opened from an encounter, what the encounter linked comes with it. */
export async function copyEncounterLinks(
  tx: DbOrTx,
  scope: ForceScope,
  ctx: Ctx,
  encounterId: string,
  investigationId: string,
  now: Date,
) {
  for (const { link } of await listEntityLinks(tx, scope, { encounterId })) {
    await insertEntityLink(tx, scope, {
      entityId: link.entityId,
      investigationId,
      encounterId: null,
      role: link.role,
      source: 'encounter',
      notes: link.notes,
      identified: link.identified,
      pursuit: link.role === 'suspect' ? (link.pursuit ?? 'not-pursued') : null,
      createdBy: ctx.actor.userId,
      createdAt: now.toISOString(),
    })
  }
}

/** Adds a person, phone, address, vehicle, account, handle or business to an investigation, in a role. */
export async function addToInvestigation(
  deps: Deps,
  ctx: Ctx,
  investigationId: string,
  version: number,
  input: LinkInput,
) {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findInvestigation(tx, scope, investigationId)
    if (!row) throw new InvestigationNotFound(investigationId)
    if (row.status === 'closed') refuse('form', 'The investigation is closed. Reopen it before changing it.')
    if (row.version !== version) throw new InvestigationConflict(investigationId)
    const result = await linkEntity(tx, scope, ctx, { investigationId }, input, 'investigation', now)
    if (!(await updateInvestigation(tx, scope, investigationId, version, {}, now))) {
      throw new InvestigationConflict(investigationId)
    }
    await recordEvent(
      tx,
      scope,
      ctx,
      investigationId,
      'entity-linked',
      `${entityKindLabels[result.entity.kind]} linked as ${entityLinkRoleLabels[input.role].toLowerCase()}: ${result.entity.display}`,
      now,
      { linkId: result.link.id, role: input.role, kind: result.entity.kind },
    )
    return result
  })
}

/** Links an entity to an encounter in a role (an encounter in custody, say), so an investigation opened from it inherits it. */
export async function addToEncounter(deps: Deps, ctx: Ctx, encounterId: string, input: LinkInput) {
  assertCan(ctx.actor, 'encounter:amend')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const encounter = await findEncounterSource(tx, scope, encounterId)
    if (!encounter) throw new InvestigationNotFound(encounterId)
    return linkEntity(tx, scope, ctx, { encounterId }, input, 'encounter', now)
  })
}

async function investigationLink(tx: DbOrTx, scope: ForceScope, investigationId: string, linkId: string) {
  const found = await findEntityLink(tx, scope, linkId)
  if (!found || found.link.investigationId !== investigationId || found.link.removedAt) {
    throw new InvestigationNotFound(linkId)
  }
  return found
}

export async function readInvestigationLink(deps: Deps, ctx: Ctx, investigationId: string, linkId: string) {
  assertCan(ctx.actor, 'investigation:read')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const found = await investigationLink(tx, scope, investigationId, linkId)
    await audit(tx, ctx, { action: 'read', recordType: 'entity-link', recordId: linkId }, deps.now())
    return found
  })
}

export async function unlinkFromInvestigation(
  deps: Deps,
  ctx: Ctx,
  investigationId: string,
  version: number,
  linkId: string,
  reason: string,
) {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  const why = reason.trim()
  if (why === '') refuse('reason', 'Give the reason for removing this link.')
  return deps.db.transaction(async (tx) => {
    const row = await findInvestigation(tx, scope, investigationId)
    if (!row) throw new InvestigationNotFound(investigationId)
    if (row.status === 'closed') refuse('form', 'The investigation is closed. Reopen it before changing it.')
    const found = await investigationLink(tx, scope, investigationId, linkId)
    if (!(await updateInvestigation(tx, scope, investigationId, version, {}, now))) {
      throw new InvestigationConflict(investigationId)
    }
    await removeEntityLink(tx, scope, linkId, { removedBy: ctx.actor.userId, removedReason: why, now })
    await recordEvent(
      tx,
      scope,
      ctx,
      investigationId,
      'entity-unlinked',
      `${entityKindLabels[found.entity.kind]} removed (${entityLinkRoleLabels[found.link.role].toLowerCase()}): ${found.entity.display}`,
      now,
      { linkId },
    )
    await audit(tx, ctx, { action: 'delete', recordType: 'entity-link', recordId: linkId, reason: why }, now)
  })
}

export async function setSuspectPursuit(
  deps: Deps,
  ctx: Ctx,
  investigationId: string,
  version: number,
  linkId: string,
  input: { identified: boolean; pursuit: (typeof suspectPursuits)[number] },
) {
  assertCan(ctx.actor, 'investigation:update')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const row = await findInvestigation(tx, scope, investigationId)
    if (!row) throw new InvestigationNotFound(investigationId)
    const found = await investigationLink(tx, scope, investigationId, linkId)
    if (found.link.role !== 'suspect') refuse('form', 'Only a suspect is pursued.')
    if (!(await updateInvestigation(tx, scope, investigationId, version, {}, now))) {
      throw new InvestigationConflict(investigationId)
    }
    await updateSuspectPursuit(tx, scope, linkId, input)
    await recordEvent(
      tx,
      scope,
      ctx,
      investigationId,
      'suspect-pursuit',
      `Suspect ${found.entity.display}: ${input.pursuit.replaceAll('-', ' ')}${input.identified ? '' : ' (not identified)'}`,
      now,
      { linkId, ...input },
    )
    await audit(tx, ctx, { action: 'update', recordType: 'entity-link', recordId: linkId, details: { ...input } }, now)
  })
}
