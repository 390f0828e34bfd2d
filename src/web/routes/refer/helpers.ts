import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { FORCES, forceById } from '../../../domain/forces/forces.js'
import { referralKindLabels } from '../../../domain/referral/index.js'
import { EncounterNotFound } from '../../../services/identify/encounters.js'
import {
  ReferralConflict,
  ReferralNotFound,
  ReferralRefused,
  ReferralTransferredAway,
} from '../../../services/refer/errors.js'
import type { FieldError } from '../../forms.js'
import { render } from '../../render.js'

export const Id = z.uuid()

export type IdParams = { Params: { id: string } }

/** The id in the URL, or null for a malformed one (answered with 404). */
export function referralId(request: FastifyRequest<IdParams>): string | null {
  const parsed = Id.safeParse(request.params.id)
  return parsed.success ? parsed.data : null
}

/** The page that fills in a section: consent, identity consent and safeguarding have pages of their own. */
export function sectionHref(id: string, key: string): string {
  return key === 'consent' || key === 'identity-consent' || key === 'safeguarding'
    ? `/referrals/${id}/${key}`
    : `/referrals/${id}/section/${key}`
}

export function versionOf(body: unknown): number {
  const v = Number((body as { version?: string } | undefined)?.version)
  return Number.isInteger(v) && v > 0 ? v : -1
}

const DATE_FIELDS = new Set([
  'dateOfBirth',
  'startedOn',
  'endedOn',
  'offeredOn',
  'respondedOn',
  'allocatedOn',
  'decidedOn',
  'requestedOn',
  'referredAt',
  'at',
  'givenAt',
])
const RENAMED: Record<string, string> = {
  aliases: 'otherNames',
  typeNotKnown: 'types',
  description: 'periodDescription',
  givenAt: 'at',
  requestedOn: 'decidedOn',
}

/** A field id on the page for a path the domain or service names ("period.startedOn" → "startedOn-day"). */
export function fieldIdOf(path: string): string {
  const parts = path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p))
  if (parts[0] === 'period' && parts[1] === 'description') return 'periodDescription'
  if (parts[0] === 'exploiters') return 'exploiters'
  const last = parts.at(-1) ?? 'form'
  const name = RENAMED[last] ?? last
  return DATE_FIELDS.has(name) ? `${name}-day` : name
}

export function errorsFrom(issues: readonly { path: string; message: string }[], fallbackField = 'form') {
  const fieldErrors: Record<string, { text: string }> = {}
  const errors: FieldError[] = []
  for (const issue of issues) {
    const field = issue.path ? fieldIdOf(issue.path) : fallbackField
    if (fieldErrors[field]) continue
    fieldErrors[field] = { text: issue.message }
    errors.push({ text: issue.message, href: `#${field}` })
  }
  return { errors, fieldErrors }
}

/** The error summary for a refusal: each issue linked to its field, or the one message linked to `field`. */
export function refusalErrors(e: ReferralRefused, field = 'form') {
  return e.issues.length > 0 ? errorsFrom(e.issues, field) : errorsFrom([{ path: field, message: e.message }], field)
}

/** Illegal moves in the lifecycle are conflicts with the record's state; bad answers are bad requests. */
export function statusOfRefusal(e: ReferralRefused): number {
  return ['illegal-transition', 'not-for-duty-to-notify', 'submitted', 'not-for-kind', 'blocked'].includes(e.code)
    ? 409
    : 400
}

/** The pages every referral route shares for a missing record, a transfer away, or a stale form. */
export async function handleReferralError(e: unknown, request: FastifyRequest, reply: FastifyReply) {
  if (e instanceof ReferralNotFound || e instanceof EncounterNotFound) return reply.callNotFound()
  if (e instanceof ReferralTransferredAway) {
    const t = e.transfer
    return render(request, reply, 'referrals/transferred-away.njk', {
      pageTitle: `Referral ${t.referralReference} was transferred`,
      transfer: t,
      kindLabel: referralKindLabels[t.kind],
      toForce: forceById(t.toForceId)?.name ?? t.toForceId,
    })
  }
  if (e instanceof ReferralConflict) {
    return render(
      request,
      reply,
      'referrals/conflict.njk',
      { pageTitle: 'This referral has changed', id: (request.params as { id?: string }).id },
      409,
    )
  }
  if (e instanceof ReferralRefused) {
    return render(
      request,
      reply,
      'referrals/refused.njk',
      {
        pageTitle: 'That cannot be done',
        message: e.message,
        id: (request.params as { id?: string }).id,
        ...refusalErrors(e),
      },
      statusOfRefusal(e),
    )
  }
  throw e
}

export const forceItems = (exclude: string | null) =>
  FORCES.filter((f) => f.id !== exclude).map((f) => ({ value: f.id, text: f.name }))
