import type { FastifyInstance } from 'fastify'
import { can } from '../../../domain/access/policy.js'
import { isPastDue, ukDateOf } from '../../../domain/deadlines/index.js'
import { forceById } from '../../../domain/forces/forces.js'
import {
  ageStatusLabels,
  allowedEvents,
  cgOutcomeLabels,
  referralKindLabels,
  referralStatusLabels,
  rulesAt,
} from '../../../domain/referral/index.js'
import type { Ctx } from '../../../services/context.js'
import { investigationLinks } from '../../../services/investigate/links.js'
import { consentPhrase, genderLabels, ukDate } from '../../../services/refer/document.js'
import { exportReferral } from '../../../services/refer/export.js'
import { type IdentityConsentState, identityConsentStateOf, stateOf } from '../../../services/refer/model.js'
import {
  encounterOfReferral,
  type LoadedReferral,
  readReferral,
  sectionStatuses,
} from '../../../services/refer/referrals.js'
import { sectionBlockedBy, sectionTitles } from '../../../services/refer/sections.js'
import type { AppDeps } from '../../app.js'
import { escapeHtml } from '../../html.js'
import { render } from '../../render.js'
import { handleReferralError, type IdParams, referralId, sectionHref } from './helpers.js'
import { msvccLabels } from './labels.js'

const statusTagClass: Record<string, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--yellow',
  'rg-pending': 'govuk-tag--blue',
  'rg-positive': 'govuk-tag--green',
  'rg-negative': 'govuk-tag--red',
  'cg-pending': 'govuk-tag--blue',
  'cg-positive-trafficking': 'govuk-tag--green',
  'cg-positive-slavery': 'govuk-tag--green',
  'cg-insufficient-evidence': 'govuk-tag--red',
  notified: 'govuk-tag--green',
  withdrawn: 'govuk-tag--grey',
}
export const statusTag = (status: keyof typeof referralStatusLabels) => ({
  text: referralStatusLabels[status],
  classes: statusTagClass[status],
})

const supportTypeLabels: Record<string, string> = {
  msvcc: 'Victim care contract',
  'emergency-accommodation': 'Emergency accommodation',
  'place-of-safety': 'Place of Safety',
  ictg: 'Independent Child Trafficking Guardian',
}
const responseLabels: Record<string, string> = {
  pending: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
}

/**
 * "Not asked", "Given on 27 November 2026" or "Withdrawn on …" (MSA 2015 s52(3)): the date of the answer in the history
 * that set the status. Every change that removes the identity writes its withdrawal to the history, so only a report
 * changed before that was so has a withdrawal with no date.
 */
export function identityConsentLabel(state: IdentityConsentState): string {
  if (state.status === 'not-asked') return 'Not asked'
  const word = state.status === 'given' ? 'Given' : 'Withdrawn'
  return state.since ? `${word} on ${ukDate(state.since)}` : `${word} (date not recorded)`
}

/** Everything the record page shows, worked out from the loaded referral; no personal details in the timeline. */
export function recordView(loaded: LoadedReferral, ctx: Ctx, now: Date, encounterVisible: boolean) {
  const { row } = loaded
  const today = ukDateOf(now)
  const events = allowedEvents(stateOf(row, loaded.decisions, loaded.transfers))
  const sections = sectionStatuses(loaded)
  const mayUpdate = can(ctx.actor, 'referral:update')
  const rgTarget = row.rgTarget as { dueDate?: string; basis?: string; ruleVersion?: string } | null
  const awaitingRg = row.status === 'submitted' || row.status === 'rg-pending'
  const rules = row.referralRules
    ? rulesAt((row.submittedAt ? new Date(row.submittedAt).toISOString() : now.toISOString()).slice(0, 10))
    : null
  const rp = row.recoveryPeriod
  const rpRules = rp ? rulesAt(rp.startsOn) : null
  const tasks: Record<string, unknown>[] = sections.map((s) => ({
    title: { text: s.title },
    href: s.blockedBy || row.status !== 'draft' || !mayUpdate ? undefined : sectionHref(row.id, s.key),
    hint: s.blockedBy ? { text: s.blockedBy } : undefined,
    status: s.complete
      ? { text: 'Completed' }
      : s.blockedBy
        ? { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' }
        : { tag: { text: 'Incomplete', classes: 'govuk-tag--blue' } },
  }))
  // Consent to share identity is optional (an anonymous report is complete), so it is not counted as a section.
  const isDtn = row.kind === 'duty-to-notify'
  const identity = isDtn ? identityConsentStateOf(row, loaded.consentRows) : null
  const identityLabel = identity ? identityConsentLabel(identity) : null
  const mayRecordIdentity = mayUpdate && isDtn && row.status === 'draft'
  if (identity && identityLabel) {
    const blockedBy = sectionBlockedBy('identity-consent', row, loaded.consent, loaded.safeguarding)
    tasks.splice(sections.findIndex((s) => s.key === 'consent') + 1, 0, {
      title: { text: sectionTitles['identity-consent'] },
      href: blockedBy || !mayRecordIdentity ? undefined : sectionHref(row.id, 'identity-consent'),
      hint: {
        text:
          blockedBy ??
          'Optional. Only if the person agrees to be named in the report (Modern Slavery Act 2015 s52(3)).',
      },
      status: blockedBy
        ? { text: 'Cannot start yet', classes: 'govuk-task-list__status--cannot-start-yet' }
        : { html: `<span data-qa="identity-consent-status">${escapeHtml(identityLabel)}</span>` },
    })
  }
  const consentHistory = loaded.consentRows
    .filter((c) => c.scope === 'nrm' || isDtn)
    .map((c) => ({
      label: {
        text:
          c.scope === 'nrm'
            ? `Consent ${consentPhrase(c.type).toLowerCase()}`
            : `Consent to share identity ${consentPhrase(c.type).toLowerCase()}`,
      },
      html: [
        c.language
          ? `<p class="govuk-body">Language: ${escapeHtml(c.language)}. Interpreter: ${c.interpreterUsed ? (c.interpreterIndependent ? 'independent' : 'not independent') : 'none'}.</p>`
          : '',
        c.wordsUsed ? `<p class="govuk-body">Words used: ${escapeHtml(c.wordsUsed)}</p>` : '',
        c.reason ? `<p class="govuk-body">Reason: ${escapeHtml(c.reason)}</p>` : '',
        c.scope === 'share-identity' && c.type === 'withdrawn'
          ? '<p class="govuk-body">Any identifying details were removed from the report.</p>'
          : '',
      ].join(''),
      datetime: { timestamp: new Date(c.at).toISOString(), type: 'datetime' },
      byline: { text: c.recordedBy },
    }))
  const decisions = loaded.decisions.map((d) => ({
    label: {
      text:
        d.type === 'rg'
          ? `Reasonable Grounds: ${d.outcome}`
          : d.type === 'cg'
            ? `Conclusive Grounds: ${cgOutcomeLabels[d.outcome as keyof typeof cgOutcomeLabels] ?? d.outcome}`
            : 'Reconsideration asked for',
    },
    html: [
      `<p class="govuk-body">${d.type === 'reconsideration-request' ? 'Asked for on' : 'Decided on'} ${ukDate(d.decidedOn)}.</p>`,
      d.grounds ? `<p class="govuk-body">Grounds: ${escapeHtml(d.grounds)}</p>` : '',
      ...d.warnings.map((w) => `<p class="govuk-body govuk-!-font-weight-bold">${escapeHtml(w)}</p>`),
      `<p class="govuk-body-s">Rules ${escapeHtml(d.referralRules)}; calendar ${escapeHtml(d.calendarRules)}.</p>`,
    ].join(''),
    datetime: { timestamp: new Date(d.recordedAt).toISOString(), type: 'datetime' },
  }))
  const transfers = loaded.transfers.map((t) => ({
    label: {
      text: `Transferred from ${forceById(t.fromForceId)?.name ?? t.fromForceId} to ${forceById(t.toForceId)?.name ?? t.toForceId}`,
    },
    html: `${t.note ? `<p class="govuk-body">${escapeHtml(t.note)}</p>` : ''}${t.reviewedAt ? '<p class="govuk-body-s">Reviewed by the receiving force.</p>' : ''}`,
    datetime: { timestamp: new Date(t.at).toISOString(), type: 'datetime' },
    byline: { text: t.byName },
  }))
  const support = loaded.support.map((s) => {
    const r = s.record as Record<string, string | null>
    const what =
      s.type === 'msvcc'
        ? (msvccLabels.get(r.item ?? '') ?? r.item)
        : s.type === 'ictg'
          ? `Guardian referral to ${r.localAuthority}`
          : supportTypeLabels[s.type]
    const stay =
      s.type === 'place-of-safety' && r.startedOn
        ? `Stay from ${ukDate(r.startedOn)}${r.endedOn ? ` to ${ukDate(r.endedOn)}` : ', not ended yet'}`
        : ''
    return {
      id: s.id,
      version: s.version,
      type: supportTypeLabels[s.type],
      what,
      offeredOn: ukDate(r.offeredOn),
      response: responseLabels[r.response ?? 'pending'],
      stay,
      canEnd: s.type === 'place-of-safety' && r.startedOn !== null && r.endedOn === null && mayUpdate,
    }
  })
  const latestConsent = loaded.consentRows.filter((c) => c.scope === 'nrm').at(-1)
  return {
    referral: row,
    kindLabel: referralKindLabels[row.kind],
    ageLabel: ageStatusLabels[row.ageStatus],
    tag: statusTag(row.status),
    tasks,
    sectionsDone: sections.filter((s) => s.complete).length,
    sectionsTotal: sections.length,
    allComplete: sections.every((s) => s.complete),
    isDraft: row.status === 'draft',
    consent: loaded.consent,
    consentLatest: latestConsent ? consentPhrase(latestConsent.type) : null,
    consentHistory,
    identityConsent: identity && identityLabel ? { status: identity.status, label: identityLabel } : null,
    decisions,
    transfers,
    support,
    safeguarding: loaded.safeguarding,
    gender: genderLabels[String((row.person as Record<string, unknown>).gender ?? '')] ?? null,
    rgTarget:
      rgTarget?.dueDate && row.rg === null
        ? {
            due: ukDate(rgTarget.dueDate),
            basis: rgTarget.basis,
            ruleVersion: rgTarget.ruleVersion,
            overdue:
              awaitingRg || row.status === 'rg-pending' ? isPastDue({ dueDate: rgTarget.dueDate }, today) : false,
            waiting: awaitingRg,
          }
        : null,
    rgThreshold: rules?.rgThreshold,
    recovery: rp
      ? {
          startsOn: ukDate(rp.startsOn),
          endsOn: ukDate(rp.endsOn),
          minimumDays: rp.minimumDays,
          referralRules: rp.referralRules,
          calendarRules: rp.calendarRules,
          source: rpRules?.recoveryPeriodMinimumDays.source,
          running: row.status === 'rg-positive' && today < rp.endsOn,
          hasRun: today >= rp.endsOn,
        }
      : null,
    can: {
      update: mayUpdate,
      transfer: can(ctx.actor, 'referral:transfer') && events.includes('transfer'),
      recordReference: mayUpdate && events.includes('record-reference'),
      rg: mayUpdate && events.includes('rg-decision'),
      cg: mayUpdate && events.includes('cg-decision'),
      reconsider: mayUpdate && events.includes('request-reconsideration'),
      endRecovery: mayUpdate && events.includes('recovery-period-ended') && rp !== null && today >= rp.endsOn,
      withdraw: mayUpdate && events.includes('withdraw'),
      consent: mayUpdate && row.kind !== 'nrm-child' && row.status !== 'withdrawn',
      identityConsent: mayRecordIdentity,
      followOn:
        can(ctx.actor, 'referral:create') &&
        row.kind === 'duty-to-notify' &&
        row.status !== 'draft' &&
        loaded.consent.status === 'given',
      support: mayUpdate && row.status !== 'draft' && row.status !== 'withdrawn',
      contactPreferences: mayUpdate && (row.kind !== 'duty-to-notify' || row.identityConsentId !== null),
      reviewTransfer: mayUpdate && row.transferPendingReview,
    },
    encounterVisible,
    consentWithdrawnAfterSubmission:
      row.status !== 'draft' &&
      row.status !== 'withdrawn' &&
      isNrmKind(row.kind) &&
      loaded.consent.status === 'withdrawn',
  }
}

const isNrmKind = (k: string) => k !== 'duty-to-notify'

export async function referralRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<IdParams>('/referrals/:id', { config: { access: 'referral:read' } }, async (request, reply) => {
    const id = referralId(request)
    if (!id) return reply.callNotFound()
    try {
      const ctx = request.ctx()
      const loaded = await readReferral(deps, ctx, id)
      const encounter = await encounterOfReferral(deps, ctx, loaded.row)
      const investigations = await investigationLinks(deps, ctx, { referralId: loaded.row.id })
      return await render(request, reply, 'referrals/show.njk', {
        pageTitle: `Referral ${loaded.row.reference}`,
        ...recordView(loaded, ctx, deps.now(), encounter !== null),
        investigations,
      })
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })

  app.get<IdParams>('/referrals/:id.json', { config: { access: 'referral:read' } }, async (request, reply) => {
    const id = referralId(request)
    if (!id) return reply.callNotFound()
    try {
      const out = await exportReferral(deps, request.ctx(), id, 'json')
      if (!('json' in out)) throw new Error('expected JSON')
      return reply
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="referral-${out.reference}.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(out.json, null, 2))
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })

  app.get<IdParams>('/referrals/:id.pdf', { config: { access: 'referral:read' } }, async (request, reply) => {
    const id = referralId(request)
    if (!id) return reply.callNotFound()
    try {
      const out = await exportReferral(deps, request.ctx(), id, 'pdf')
      if (!('pdf' in out)) throw new Error('expected a PDF')
      return reply
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="referral-${out.reference}.pdf"`)
        .type('application/pdf')
        .send(out.pdf)
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })
}
