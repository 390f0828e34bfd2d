import { randomUUID } from 'node:crypto'
import { listEntityLinks } from '../../db/repositories/entities.js'
import { insertOutcome } from '../../db/repositories/investigations.js'
import { Outcome } from '../../domain/investigation/outcomes.js'
import { parseOffence } from '../../domain/s45/parse-offence.js'
import type { Ctx, Deps } from '../context.js'
import { Refused, refuse } from './errors.js'
import { changeInvestigation } from './investigations.js'
import { outcomeData } from './model.js'

export const outcomeTypeLabels = {
  charge: 'Charge',
  'no-further-action': 'No further action',
  'cps-decision': 'CPS decision',
  'court-result': 'Court result',
  sentence: 'Sentence',
} as const
export type OutcomeType = keyof typeof outcomeTypeLabels

/** What a form gives: the domain outcome without the ids Lantern adds. */
export type OutcomeInput = Record<string, unknown> & { type: OutcomeType; suspectId: string }

function whenOf(outcome: Outcome): Date {
  switch (outcome.type) {
    case 'charge':
      return outcome.chargedAt
    case 'no-further-action':
    case 'cps-decision':
      return outcome.decidedAt
    case 'court-result':
    case 'sentence':
      return outcome.date
  }
}

/** Offences as Lantern's offence parser reads them, where it can; otherwise as given. */
function citeOffence(text: string): string {
  const parsed = parseOffence(text)
  return parsed.ok ? parsed.offence.citation : text.trim()
}

/**
 * Records a charge, no further action, CPS decision, court result or sentence about one suspect of the
 * investigation. A charge or a conviction makes the STPO/STRO decision at that stage due.
 */
export async function recordOutcome(deps: Deps, ctx: Ctx, id: string, version: number, input: OutcomeInput) {
  return changeInvestigation(deps, ctx, id, version, 'investigation:update', async (tx, scope, _row, now) => {
    const links = await listEntityLinks(tx, scope, { investigationId: id })
    const suspect = links.find((l) => l.link.id === input.suspectId && l.link.role === 'suspect')
    if (!suspect) refuse('suspect', 'Choose a suspect linked to this investigation.')
    const candidate = {
      ...input,
      id: randomUUID(),
      recordedBy: ctx.actor.userId,
      ...(input.type === 'charge' && Array.isArray(input.offences)
        ? { offences: (input.offences as string[]).filter((o) => o.trim() !== '').map(citeOffence) }
        : {}),
      ...(input.type === 'court-result' || input.type === 'sentence'
        ? {
            offence: typeof input.offence === 'string' && input.offence.trim() !== '' ? citeOffence(input.offence) : '',
          }
        : {}),
    }
    const parsed = Outcome.safeParse(candidate)
    if (!parsed.success) {
      const seen = new Set<string>()
      const issues = parsed.error.issues
        .map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message }))
        .filter((i) => {
          if (seen.has(i.field)) return false
          seen.add(i.field)
          return true
        })
      throw new Refused(issues)
    }
    const outcome = parsed.data
    const when = whenOf(outcome)
    if (when.getTime() > now.getTime()) refuse('date', 'The date cannot be in the future.')
    const created = await insertOutcome(tx, scope, {
      investigationId: id,
      suspectLinkId: suspect.link.id,
      type: outcome.type,
      data: outcomeData(outcome),
      occurredAt: when.toISOString(),
      recordedBy: ctx.actor.userId,
      createdAt: now.toISOString(),
    })
    const what =
      outcome.type === 'charge'
        ? `charged with ${outcome.offences.join('; ')}`
        : outcome.type === 'court-result'
          ? `${outcome.result.replaceAll('-', ' ')} at ${outcome.court}`
          : outcome.type === 'sentence'
            ? `sentenced: ${outcome.disposal.replaceAll('-', ' ')}${outcome.custodialMonths ? `, ${outcome.custodialMonths} months` : ''}`
            : outcome.type === 'cps-decision'
              ? `CPS decision: ${outcome.decision.replaceAll('-', ' ')}`
              : `no further action (${outcome.basis.replace('-', ' ')})`
    return {
      patch: {},
      event: {
        type: `outcome-${outcome.type}`,
        summary: `${outcomeTypeLabels[outcome.type]}: ${suspect.entity.display} ${what}`,
        details: { outcomeId: created.id, type: outcome.type },
      },
      result: created,
    }
  })
}
