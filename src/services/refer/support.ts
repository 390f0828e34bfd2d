import type { DbOrTx } from '../../db/client.js'
import { insertSupport, type ReferralRow, type SupportRow, updateSupport } from '../../db/repositories/referrals.js'
import { assertCan, type ForceScope, forceScopeOf } from '../../domain/access/policy.js'
import { type Region, ukDateOf } from '../../domain/deadlines/index.js'
import {
  ContactPreferences,
  placeOfSafetyLatestEnd,
  type SupportRecord,
  validateSupport,
} from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { completeTasks, createTask } from '../tasks/tasks.js'
import { ReferralConflict, ReferralRefused } from './errors.js'
import { regionOfForce } from './model.js'
import { loadOrExplain, saveOrConflict } from './referrals.js'
import { endOfUkDay } from './time.js'

/**
 * Records support offered (and the answer): victim care contract items, emergency accommodation, a Place of Safety
 * (up to 3 working days), an Independent Child Trafficking Guardian for a child (law-and-process.md §2.10, §2.4).
 * A Place of Safety that has started opens a task for its last day.
 */
export async function addSupport(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: unknown,
): Promise<{ support: SupportRow; warnings: readonly string[] }> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const region = regionOfForce(scope.forceId)
    const checked = validateSupport(input, { ageStatus: loaded.row.ageStatus, region, today: ukDateOf(now) })
    if (!checked.ok) throw new ReferralRefused(checked.message, checked.code)
    const record = checked.value
    const support = await insertSupport(tx, scope, {
      referralId: id,
      type: record.type,
      record: record as unknown as Record<string, unknown>,
      recordedByUserId: ctx.actor.userId,
      recordedAt: now.toISOString(),
    })
    await saveOrConflict(tx, scope, loaded, expectedVersion, {}, now)
    await placeOfSafetyTask(tx, scope, loaded.row, support.id, record, region, now)
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: { support: record.type, response: record.response },
      },
      now,
    )
    return { support, warnings: checked.warnings }
  })
}

async function placeOfSafetyTask(
  tx: DbOrTx,
  scope: ForceScope,
  referral: ReferralRow,
  supportId: string,
  record: SupportRecord,
  region: Region,
  now: Date,
) {
  if (record.type !== 'place-of-safety' || record.startedOn === null) return
  const subject = { subjectType: 'referral-support', subjectId: supportId }
  if (record.endedOn !== null) {
    await completeTasks(tx, scope, { kind: 'place-of-safety-ending', ...subject }, 'stay ended', now)
    return
  }
  const latest = placeOfSafetyLatestEnd({ startedOn: record.startedOn, region })
  await createTask(tx, scope, {
    kind: 'place-of-safety-ending',
    ...subject,
    title: `A Place of Safety stay for referral ${referral.reference} ends by ${latest.dueDate}`,
    dueAt: endOfUkDay(latest.dueDate).toISOString(),
    assigneeUserId: referral.createdBy,
    basis: latest.basis,
    ruleVersion: `${latest.referralRules}; ${latest.ruleVersion}`,
    details: { href: `/referrals/${referral.id}`, referralId: referral.id },
    createdAt: now,
  })
}

/** Records the last day of a Place of Safety stay; the stay is checked against the 3-working-day limit. */
export async function endPlaceOfSafety(
  deps: Deps,
  ctx: Ctx,
  id: string,
  supportId: string,
  expectedVersion: number,
  endedOn: string,
): Promise<SupportRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const current = loaded.support.find((s) => s.id === supportId)
    if (current?.type !== 'place-of-safety') {
      throw new ReferralRefused('There is no Place of Safety stay with that id on this referral', 'not-found')
    }
    const region = regionOfForce(scope.forceId)
    const checked = validateSupport(
      { ...current.record, endedOn },
      { ageStatus: loaded.row.ageStatus, region, today: ukDateOf(now) },
    )
    if (!checked.ok) throw new ReferralRefused(checked.message, checked.code)
    if (
      checked.value.type === 'place-of-safety' &&
      checked.value.endedOn !== null &&
      checked.value.endedOn > ukDateOf(now)
    ) {
      throw new ReferralRefused(
        `The stay cannot be recorded as ending on ${endedOn}, which is in the future`,
        'date-in-future',
      )
    }
    const saved = await updateSupport(
      tx,
      scope,
      supportId,
      expectedVersion,
      checked.value as unknown as Record<string, unknown>,
    )
    if (!saved) throw new ReferralConflict(supportId)
    await placeOfSafetyTask(tx, scope, loaded.row, supportId, checked.value, region, now)
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'referral', recordId: id, details: { placeOfSafetyEnded: endedOn } },
      now,
    )
    return saved
  })
}

/**
 * How the person wants to be contacted (law-and-process.md §9.14). Contact details identify the person, so an
 * anonymous Duty to Notify report cannot hold them (s52(3)).
 */
export async function saveContactPreferences(
  deps: Deps,
  ctx: Ctx,
  id: string,
  expectedVersion: number,
  input: unknown,
): Promise<ReferralRow> {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    if (loaded.row.kind === 'duty-to-notify' && loaded.row.identityConsentId === null) {
      throw new ReferralRefused(
        'A Duty to Notify report cannot hold how to contact the person unless they consent to share their identity (Modern Slavery Act 2015 s52(3))',
        'dtn-identity',
      )
    }
    const parsed = ContactPreferences.safeParse(input)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
      throw new ReferralRefused(issues[0]?.message ?? 'The contact preferences are not valid', 'invalid', issues)
    }
    const saved = await saveOrConflict(tx, scope, loaded, expectedVersion, { contactPreferences: parsed.data }, now)
    await audit(
      tx,
      ctx,
      { action: 'update', recordType: 'referral', recordId: id, details: { contactPreferences: true } },
      now,
    )
    return saved
  })
}
