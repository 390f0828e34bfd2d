import type { EncounterRow } from '../../db/repositories/encounters.js'
import type {
  ConsentEventRow,
  DecisionRow,
  ReferralPatch,
  ReferralRow,
  SafeguardingRow,
  TransferRow,
} from '../../db/repositories/referrals.js'
import type { Region } from '../../domain/deadlines/index.js'
import { forceById } from '../../domain/forces/forces.js'
import {
  type AgeStatus,
  type ConsentEvent,
  type ConsentState,
  NO_CONSENT_ASKED,
  type Reconsideration,
  type ReferralState,
  reduceConsent,
} from '../../domain/referral/index.js'

/** Timestamps come back from the two drivers in different text forms; the domain wants ISO 8601. */
export function iso(value: string): string
export function iso(value: string | null): string | null
export function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString()
}

export function regionOfForce(forceId: string): Region {
  const force = forceById(forceId)
  if (!force) throw new Error(`Unknown force ${forceId}`)
  return force.jurisdiction
}

/** The lifecycle state the domain works on, rebuilt from the row and its decision and transfer history. */
export function stateOf(row: ReferralRow, decisions: readonly DecisionRow[], transfers: readonly TransferRow[]) {
  const state: ReferralState = {
    kind: row.kind,
    origin: row.origin,
    status: row.status,
    forceId: row.forceId,
    submittedAt: iso(row.submittedAt),
    homeOfficeReference: row.homeOfficeReference,
    referralRules: row.referralRules,
    rg: row.rg ?? null,
    recoveryPeriod: row.recoveryPeriod ?? null,
    cg: row.cg ?? null,
    pendingReconsideration: (row.pendingReconsideration as Reconsideration | null) ?? null,
    reconsiderations: decisions
      .filter((d) => d.type === 'reconsideration-request')
      .map((d) => d.details as Reconsideration),
    transfers: transfers.map((t) => ({
      fromForceId: t.fromForceId,
      toForceId: t.toForceId,
      at: iso(t.at),
      by: t.byName,
      note: t.note,
    })),
    withdrawal: row.withdrawal ?? null,
  }
  return state
}

/** The columns a lifecycle change writes back. */
export function statePatch(state: ReferralState): ReferralPatch {
  return {
    status: state.status,
    submittedAt: state.submittedAt,
    homeOfficeReference: state.homeOfficeReference,
    referralRules: state.referralRules,
    rg: state.rg,
    recoveryPeriod: state.recoveryPeriod,
    cg: state.cg,
    pendingReconsideration: state.pendingReconsideration as Record<string, unknown> | null,
    withdrawal: state.withdrawal,
  }
}

export function consentEventOf(row: ConsentEventRow): ConsentEvent {
  const conversation =
    row.language !== null && row.wordsUsed !== null && row.interpreterUsed !== null
      ? {
          language: row.language,
          interpreter: row.interpreterUsed
            ? {
                used: true as const,
                independent: row.interpreterIndependent === true,
                provider: row.interpreterProvider,
              }
            : { used: false as const },
          wordsUsed: row.wordsUsed,
        }
      : null
  const at = iso(row.at)
  if (row.type === 'withdrawn') {
    return { type: 'withdrawn', at, recordedBy: row.recordedBy, conversation, reason: row.reason }
  }
  if (!conversation) throw new Error(`Consent event ${row.id} has no conversation recorded`)
  if (row.type === 'given') return { type: 'given', at, recordedBy: row.recordedBy, conversation }
  return { type: 'declined', at, recordedBy: row.recordedBy, conversation, reason: row.reason }
}

/** The current consent to the NRM referral; the stored history was checked event by event when recorded. */
export function consentStateOf(rows: readonly ConsentEventRow[], now: Date): ConsentState {
  const events = rows.filter((r) => r.scope === 'nrm').map(consentEventOf)
  // Events were valid when recorded; "now" is at least as late as the last of them.
  const latest = events.reduce((max, e) => Math.max(max, Date.parse(e.at)), now.getTime())
  const state = reduceConsent(events, { now: () => new Date(latest) })
  return state.ok ? state.value : NO_CONSENT_ASKED
}

/** The latest consent given, as the adult NRM referral carries it (law-and-process.md §2.3). */
export function latestConsentGiven(rows: readonly ConsentEventRow[]) {
  const given = rows.filter((r) => r.scope === 'nrm' && r.type === 'given').at(-1)
  if (!given) return null
  const event = consentEventOf(given)
  return event.type === 'given'
    ? { givenAt: event.at, recordedBy: event.recordedBy, conversation: event.conversation }
    : null
}

export function safeguardingOf(row: SafeguardingRow) {
  return {
    localAuthority: row.localAuthority,
    referredAt: iso(row.referredAt),
    method: row.method,
    reference: row.reference,
    madeBy: row.madeBy,
  }
}

/**
 * law-and-process.md §2.4, §9.1: unknown or disputed age is treated as a child. The encounter's own assessment may
 * treat an apparently adult person as a child (e.g. a sign that they are younger than they say): that is a dispute.
 */
export function ageStatusOfEncounter(encounter: EncounterRow, assessmentTreatsAsChild: boolean): AgeStatus {
  const p = encounter.person
  if (p.ageDisputed) return 'age-disputed'
  if (p.age !== undefined) return p.age < 18 ? 'child' : assessmentTreatsAsChild ? 'age-disputed' : 'adult'
  if (p.ageBand === 'child') return 'child'
  if (p.ageBand === 'adult') return assessmentTreatsAsChild ? 'age-disputed' : 'adult'
  return 'age-unknown'
}

/** The columns that identify the person: empty on a Duty to Notify report without consent (MSA 2015 s52(3)). */
export const IDENTITY_COLUMNS = [
  'personName',
  'nameInOriginalScript',
  'otherNames',
  'dateOfBirth',
  'contactPhone',
  'contactEmail',
  'address',
  'photographs',
  'contactPreferences',
] as const satisfies readonly (keyof ReferralRow)[]

export const NO_IDENTITY: ReferralPatch = Object.fromEntries(IDENTITY_COLUMNS.map((c) => [c, null]))

export function holdsIdentity(row: Pick<ReferralRow, (typeof IDENTITY_COLUMNS)[number]>): boolean {
  return IDENTITY_COLUMNS.some((c) => row[c] !== null)
}

export type IdentityConsentState = {
  status: 'not-asked' | 'given' | 'withdrawn'
  /** When the current status began; null when the details were removed by another change, with no event of its own. */
  since: string | null
  /** When the last answer about sharing identity was recorded: a new answer cannot be earlier. */
  lastAt: string | null
  history: ConsentEventRow[]
}

/**
 * Consent to share identity in a Duty to Notify report (MSA 2015 s52(3), law-and-process.md §2.5). The database CHECK
 * trusts referrals.identity_consent_id, so that pointer decides "given"; the share-identity events are the history.
 * Every path that clears the pointer now writes a withdrawal event; reports cleared before that have none, so the
 * status still follows the pointer, not the last event.
 */
export function identityConsentStateOf(
  row: Pick<ReferralRow, 'identityConsentId'>,
  rows: readonly ConsentEventRow[],
): IdentityConsentState {
  const history = rows.filter((r) => r.scope === 'share-identity')
  const last = history.at(-1)
  const lastAt = last ? iso(last.at) : null
  if (row.identityConsentId !== null) {
    const given = history.find((r) => r.id === row.identityConsentId)
    return { status: 'given', since: given ? iso(given.at) : null, lastAt, history }
  }
  if (!last) return { status: 'not-asked', since: null, lastAt, history }
  return { status: 'withdrawn', since: last.type === 'withdrawn' ? iso(last.at) : null, lastAt, history }
}
