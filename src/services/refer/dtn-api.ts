import { insertConsentEvent, type ReferralPatch } from '../../db/repositories/referrals.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { validateDutyToNotify } from '../../domain/referral/index.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { referralExport } from './document.js'
import { ReferralRefused } from './errors.js'
import { NO_IDENTITY } from './model.js'
import { loadOrExplain, loadReferral, saveOrConflict } from './referrals.js'

/**
 * Writes a Duty to Notify report sent as JSON by another system (POST /api/v1/referrals/:id/duty-to-notify). The
 * domain schema refuses identifying details unless the person's consent to share them comes with the report
 * (Modern Slavery Act 2015 s52(3)); the database refuses them too. Sending the same report twice gives the same
 * record.
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
    let patch: ReferralPatch
    if (report.consentToShareIdentity) {
      const c = report.identityConsent
      const consent = await insertConsentEvent(tx, scope, {
        referralId: id,
        scope: 'share-identity',
        type: 'given',
        at: c.givenAt,
        recordedByUserId: ctx.actor.userId,
        recordedBy: c.recordedBy,
        language: c.conversation.language,
        interpreterUsed: c.conversation.interpreter.used,
        interpreterIndependent: c.conversation.interpreter.used ? c.conversation.interpreter.independent : null,
        interpreterProvider: c.conversation.interpreter.used ? c.conversation.interpreter.provider : null,
        wordsUsed: c.conversation.wordsUsed,
        reason: null,
        createdAt: now.toISOString(),
      })
      patch = {
        ...common,
        identityConsentId: consent.id,
        personName: report.name,
        otherNames: report.otherNames.length > 0 ? report.otherNames : null,
        dateOfBirth: report.dateOfBirth,
        contactPhone: report.contactDetails.phone,
        contactEmail: report.contactDetails.email,
        address: report.addresses.length > 0 ? report.addresses.join('\n') : null,
        photographs: report.photographs.length > 0 ? report.photographs : null,
      }
    } else {
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
        details: { dutyToNotify: true, viaApi: true, identityShared: report.consentToShareIdentity },
      },
      now,
    )
    const after = await loadReferral(tx, scope, id, now)
    if (!after) throw new Error('report vanished after saving')
    return referralExport(after, now)
  })
}
