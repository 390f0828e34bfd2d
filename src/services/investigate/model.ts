import { randomInt } from 'node:crypto'
import type { DbOrTx } from '../../db/client.js'
import type { EntityLinkRow, EntityRow } from '../../db/repositories/entities.js'
import {
  type ClosureRequestRow,
  findInvestigationSettings,
  type InvestigationRow,
  insertInvestigationEvent,
  type OrderConsiderationRow,
  type OutcomeRow,
} from '../../db/repositories/investigations.js'
import type { StoredSignOff } from '../../db/schema/investigations.js'
import type { ForceScope } from '../../domain/access/policy.js'
import { Role } from '../../domain/access/roles.js'
import {
  type ClosureConfig,
  type ClosureContext,
  type ClosureRequest,
  ClosureSuspect,
  DEFAULT_CLOSURE_CONFIG,
  type SignOff,
} from '../../domain/investigation/closure.js'
import { Outcome } from '../../domain/investigation/outcomes.js'
import type { OrderConsideration } from '../../domain/investigation/prevention-order-consideration.js'
import { DEFAULT_REVIEW_SCHEDULE, type ReviewScheduleConfig } from '../../domain/investigation/review-schedule.js'
import type { Ctx } from '../context.js'

const REF_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** A reference such as INV-26-7KQ2MX: readable on a phone, never reused. */
export async function newReference(
  prefix: string,
  now: Date,
  exists: (reference: string) => Promise<boolean>,
): Promise<string> {
  const year = String(now.getUTCFullYear()).slice(2)
  for (;;) {
    const body = Array.from({ length: 6 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('')
    const reference = `${prefix}-${year}-${body}`
    if (!(await exists(reference))) return reference
  }
}

export type InvestigationConfig = { review: ReviewScheduleConfig; closure: ClosureConfig }

/** The force's review schedule and early-closure window, or the defaults (7 then every 28 days; 28 days). */
export async function investigationConfig(
  tx: DbOrTx,
  scope: ForceScope,
): Promise<InvestigationConfig & { configured: boolean }> {
  const row = await findInvestigationSettings(tx, scope)
  if (!row) return { review: DEFAULT_REVIEW_SCHEDULE, closure: DEFAULT_CLOSURE_CONFIG, configured: false }
  return {
    review: { firstReviewAfterDays: row.firstReviewAfterDays, reviewIntervalDays: row.reviewIntervalDays },
    closure: { ...DEFAULT_CLOSURE_CONFIG, earlyClosureDays: row.earlyClosureDays },
    configured: true,
  }
}

const DATE_FIELDS = ['chargedAt', 'decidedAt', 'date'] as const

/** A stored outcome back in the domain's shape (dates were stored as ISO text). */
export function outcomeOf(row: OutcomeRow): Outcome {
  const data: Record<string, unknown> = { ...row.data }
  for (const f of DATE_FIELDS) if (typeof data[f] === 'string') data[f] = new Date(data[f] as string)
  return Outcome.parse(data)
}

export function outcomeData(outcome: Outcome): Record<string, unknown> {
  const data: Record<string, unknown> = { ...outcome }
  for (const f of DATE_FIELDS) if (data[f] instanceof Date) data[f] = (data[f] as Date).toISOString()
  return data
}

export function considerationOf(row: OrderConsiderationRow): OrderConsideration {
  return {
    stage: row.stage,
    decision: row.decision,
    rationale: row.rationale,
    decidedBy: row.decidedBy,
    decidedAt: new Date(row.decidedAt),
  }
}

/**
 * Decisions that count for the closure rules. A decision "at closure" counts only if it was made since the
 * investigation was last (re)opened: a reopened investigation is considered afresh when it closes again.
 */
export function considerationsInForce(
  investigation: Pick<InvestigationRow, 'openedAt' | 'reopenedAt'>,
  rows: readonly OrderConsiderationRow[],
): OrderConsideration[] {
  const reopened = investigation.reopenedAt ? new Date(investigation.reopenedAt).getTime() : null
  const counts = (decidedAt: string) => reopened === null || new Date(decidedAt).getTime() > reopened
  return rows.filter((r) => r.stage !== 'closure' || counts(r.decidedAt)).map(considerationOf)
}

export function suspectsOf(links: readonly { link: EntityLinkRow; entity: EntityRow }[]): ClosureSuspect[] {
  return links
    .filter((l) => l.link.role === 'suspect')
    .map((l) =>
      ClosureSuspect.parse({
        id: l.entity.display,
        identified: l.link.identified ?? true,
        pursuit: l.link.pursuit ?? 'not-pursued',
      }),
    )
}

export function closureContextOf(
  row: InvestigationRow,
  links: readonly { link: EntityLinkRow; entity: EntityRow }[],
  outcomes: readonly OutcomeRow[],
  considerations: readonly OrderConsiderationRow[],
): ClosureContext {
  return {
    status: row.status,
    openedAt: new Date(row.openedAt),
    reopenedAt: row.reopenedAt ? new Date(row.reopenedAt) : null,
    suspects: suspectsOf(links),
    outcomes: outcomes.map(outcomeOf),
    orderConsiderations: considerationsInForce(row, considerations),
  }
}

function signOffOf(stored: StoredSignOff | null): SignOff | null {
  if (!stored) return null
  return {
    userId: stored.userId,
    role: Role.parse(stored.role),
    at: new Date(stored.at),
    decision: stored.decision,
    rationale: stored.rationale,
  }
}

export function closureRequestOf(row: ClosureRequestRow): ClosureRequest {
  return {
    reason: row.reason,
    rationale: row.rationale,
    requestedBy: row.requestedBy,
    requestedAt: new Date(row.requestedAt),
    victimContactStatus: row.victimContactStatus,
    supervisorSignOff: signOffOf(row.supervisorSignOff),
    secondReview: signOffOf(row.secondReview),
  }
}

/** Adds a line to the investigation's timeline (the audit event is written separately, in the same transaction). */
export async function recordEvent(
  tx: DbOrTx,
  scope: ForceScope,
  ctx: Ctx,
  investigationId: string,
  type: string,
  summary: string,
  now: Date,
  details: Record<string, unknown> = {},
) {
  await insertInvestigationEvent(tx, scope, {
    investigationId,
    at: now.toISOString(),
    actorUserId: ctx.actor.userId,
    type,
    summary,
    details,
  })
}
