import type { ReferralPatch } from '../../db/repositories/referrals.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { type ConsentEvent, validateDutyToNotify } from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { referralExport } from './document.js'
import { ReferralRefused } from './errors.js'
import {
  checkIdentityConsentTransition,
  insertIdentityConsentEvent,
  withdrawIdentityConsentOnClearing,
} from './identity-consent.js'
import { identityConsentStateOf, NO_IDENTITY } from './model.js'
import { loadOrExplain, loadReferral, saveOrConflict } from './referrals.js'

/**
 * Writes a Duty to Notify report sent as JSON by another system (POST /api/v1/referrals/:id/duty-to-notify). The
 * domain schema refuses identifying details unless the person's consent to share them comes with the report
 * (Modern Slavery Act 2015 s52(3)); the database refuses them too. Sending the same report twice gives the same
 * record and the same consent history: an answer about sharing identity is written only when it changes (a named
 * report after an anonymous one gives consent; an anonymous one after a named one withdraws it).
 */
export async function saveDutyToNotifyReport(deps: Deps, ctx: Ctx, id: string, body: unknown) {
  assertCan(ctx.actor, 'referral:update')
  const scope = forceScopeOf(ctx.actor)
  return deps.db.transaction(async (tx) => {
    const now = deps.now()
    const loaded = await loadOrExplain(tx, scope, id, now)
    const { row } = loaded
    if (row.kind !== 'duty-to-notify') {
      throw new ReferralRefused(
        `Referral ${row.reference} is an NRM referral, not a Duty to Notify report`,
        'not-a-duty-to-notify',
      )
    }
    if (row.status !== 'draft') {
      throw new ReferralRefused(`Report ${row.reference} has been submitted and can no longer be changed`, 'submitted')
    }
    const checked = validateDutyToNotify(body, now)
    if (!checked.ok) throw new ReferralRefused(checked.message, 'invalid', checked.issues)
    const report = checked.value
    if (report.nrmConsent !== loaded.consent.status) {
      const message =
        loaded.consent.status === 'not-asked'
          ? 'Record the person’s answer about consent to an NRM referral before the report'
          : `The person’s consent is recorded as ${loaded.consent.status}, not ${report.nrmConsent}`
      throw new ReferralRefused(message, 'consent-mismatch', [{ path: 'nrmConsent', message }])
    }
    const common: ReferralPatch = {
      firstResponder: report.firstResponder,
      person: {
        gender: report.gender,
        ageAtExploitation: report.ageAtExploitation,
        nationalities: report.nationalities,
      },
      exploitation: { ...row.exploitation, ...report.exploitation },
    }
    const identity = identityConsentStateOf(row, loaded.consentRows)
    let patch: ReferralPatch
    let identityConsent: 'given' | 'withdrawn' | null = null
    if (report.consentToShareIdentity) {
      const c = report.identityConsent
      // Already given, and the last answer in the history: the report sent again keeps the consent it first came with.
      const standing = identity.status === 'given' && identity.history.at(-1)?.type === 'given'
      let consentId = standing ? row.identityConsentId : null
      if (consentId === null) {
        const event: ConsentEvent = {
          type: 'given',
          at: c.givenAt,
          recordedBy: c.recordedBy,
          conversation: c.conversation,
        }
        // No standing consent, so only the date can refuse it: not in the future, not before the last answer.
        checkIdentityConsentTransition({ ...identity, status: 'withdrawn' }, event, now, 'identityConsent.givenAt')
        consentId = (await insertIdentityConsentEvent(tx, scope, ctx, id, event, now)).id
        identityConsent = 'given'
      }
      patch = {
        ...common,
        identityConsentId: consentId,
        personName: report.name,
        otherNames: report.otherNames.length > 0 ? report.otherNames : null,
        dateOfBirth: report.dateOfBirth,
        contactPhone: report.contactDetails.phone,
        contactEmail: report.contactDetails.email,
        address: report.addresses.length > 0 ? report.addresses.join('\n') : null,
        photographs: report.photographs.length > 0 ? report.photographs : null,
      }
    } else {
      const withdrawn = await withdrawIdentityConsentOnClearing(
        tx,
        scope,
        ctx,
        row,
        loaded.consentRows,
        { at: now.toISOString(), reason: 'sent anonymously through the API' },
        now,
      )
      if (withdrawn) identityConsent = 'withdrawn'
      patch = { ...common, ...NO_IDENTITY, identityConsentId: null }
    }
    await saveOrConflict(tx, scope, loaded, row.version, patch, now)
    await audit(
      tx,
      ctx,
      {
        action: 'update',
        recordType: 'referral',
        recordId: id,
        details: {
          dutyToNotify: true,
          viaApi: true,
          identityShared: report.consentToShareIdentity,
          ...(identityConsent ? { identityConsent } : {}),
        },
      },
      now,
    )
    const after = await loadReferral(tx, scope, id, now)
    if (!after) throw new Error('report vanished after saving')
    return referralExport(after, now)
  })
}
