import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import {
  ClosureReason,
  closureReasonLabels,
  closureReasons,
  secondReviewReasons,
  VictimContactStatus,
  victimContactStatuses,
} from '../../../domain/investigation/closure.js'
import {
  OrderConsiderationStage,
  orderConsiderationDecisions,
  stageLabels,
} from '../../../domain/investigation/prevention-order-consideration.js'
import { Refused, refuse } from '../../../services/investigate/errors.js'
import { suspectsOf } from '../../../services/investigate/model.js'
import {
  decideClosure,
  investigationSettings,
  recordOrderConsideration,
  recordReview,
  reopenInvestigation,
  requestClosure,
  saveSettings,
  secondReview,
  withdrawClosure,
} from '../../../services/investigate/supervision.js'
import type { AppDeps } from '../../app.js'
import { escapeHtml } from '../../html.js'
import { errorsOf, type Field, handleInvestigationError, renderForm, text, version } from './form-kit.js'
import { considerationDecisionLabels, victimContactLabels } from './labels.js'
import { sectionForm } from './section-form.js'
import { loadInvestigation } from './show.js'

const decisionField = (label: string): Field => ({
  kind: 'radios',
  name: 'decision',
  label,
  items: [
    { value: 'approve', text: 'Approve the closure' },
    { value: 'refuse', text: 'Refuse the closure: the investigation stays open' },
  ],
})

function decisionOf(body: Record<string, unknown>): 'approve' | 'refuse' {
  const d = text(body, 'decision')
  if (d !== 'approve' && d !== 'refuse') refuse('decision', 'Select whether you approve or refuse the closure')
  return d
}

export async function investigationSupervisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const back = (id: string) => `/investigations/${id}`

  sectionForm(app, deps, {
    path: '/investigations/:id/review',
    access: 'investigation:review',
    page: (v) => ({
      pageTitle: 'Record a supervisory review',
      heading: 'Record a supervisory review',
      introHtml: v.review
        ? `<p class="govuk-body">This review was due on ${escapeHtml(v.review.due.toISOString().slice(0, 10))}${v.review.overdue ? ' and is overdue' : ''}.</p>`
        : undefined,
      fields: [
        {
          kind: 'textarea',
          name: 'rationale',
          label: 'Rationale',
          hint: 'What you looked at (plan, actions, evidence, victim contact, suspects) and what you decided',
          rows: 6,
        },
        {
          kind: 'textarea',
          name: 'directions',
          label: 'Directions (optional)',
          hint: 'One direction on each line, for example "Apply for communications data on the two handsets"',
          rows: 5,
        },
      ],
      submitText: 'Record the review',
      cancelHref: back(v.row.id),
    }),
    submit: async (v, body, request) => {
      await recordReview(deps, request.ctx(), v.row.id, version(body), {
        rationale: text(body, 'rationale'),
        directions: text(body, 'directions').split(/\r?\n/),
      })
      return {
        redirect: back(v.row.id),
        flash: 'Review recorded. The next review is due in 28 days unless your force has set another period.',
      }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/closure',
    access: 'investigation:update',
    page: (v) => {
      const guard = secondReviewReasons(
        {
          openedAt: new Date(v.row.openedAt),
          reopenedAt: v.row.reopenedAt ? new Date(v.row.reopenedAt) : null,
          suspects: suspectsOf(v.links),
        },
        'no-offence-disclosed',
        v.now,
        v.config.closure,
      ).filter((g) => g.code !== 'victim-disengaged')
      const guardHtml =
        guard.length > 0
          ? `<div class="govuk-inset-text"><p class="govuk-body">A supervisor must sign off every closure. This one will also need the force lead’s second-level review, because:</p><ul class="govuk-list govuk-list--bullet">${guard.map((g) => `<li>${escapeHtml(g.message)}</li>`).join('')}</ul></div>`
          : '<p class="govuk-body">A supervisor must sign off every closure. A closure because the victim disengaged also needs the force lead’s second-level review.</p>'
      return {
        pageTitle: 'Request closure',
        heading: 'Request closure',
        introHtml: guardHtml,
        fields: [
          {
            kind: 'radios',
            name: 'reason',
            label: 'Why should the investigation close?',
            items: closureReasons.map((r) => ({ value: r, text: closureReasonLabels[r] })),
          },
          {
            kind: 'textarea',
            name: 'rationale',
            label: 'Rationale',
            hint: `At least ${v.config.closure.minRationaleLength} characters: what was done, what is left, and why closing is right now`,
            rows: 8,
          },
          {
            kind: 'radios',
            name: 'victimContactStatus',
            label: 'Where does contact with the victim stand?',
            items: victimContactStatuses.map((s) => ({ value: s, text: victimContactLabels[s] })),
          },
        ],
        submitText: 'Ask a supervisor to close it',
        cancelHref: back(v.row.id),
      }
    },
    values: (v) => ({ victimContactStatus: v.contacts[0]?.contact.engagement }),
    submit: async (v, body, request) => {
      const issues: { field: string; message: string }[] = []
      const reason = ClosureReason.safeParse(text(body, 'reason'))
      if (!reason.success) issues.push({ field: 'reason', message: 'Choose a closure reason from the list.' })
      const contact = VictimContactStatus.safeParse(text(body, 'victimContactStatus'))
      if (!contact.success)
        issues.push({ field: 'victimContactStatus', message: 'Record the victim-contact status before closing.' })
      if (!reason.success || !contact.success) throw new Refused(issues)
      const { evaluation } = await requestClosure(deps, request.ctx(), v.row.id, version(body), {
        reason: reason.data,
        rationale: text(body, 'rationale'),
        victimContactStatus: contact.data,
      })
      return {
        redirect: back(v.row.id),
        flash: evaluation.secondReviewRequired
          ? 'Closure requested. A supervisor must sign it off, and the force lead must then give a second-level review.'
          : 'Closure requested. A supervisor must sign it off.',
      }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/closure/decision',
    access: 'investigation:review',
    page: (v) => {
      const live = v.liveClosure
      if (live?.status !== 'pending') refuse('form', 'There is no closure waiting for a supervisor.')
      return {
        pageTitle: 'Decide on the closure',
        heading: 'Decide on the closure',
        introHtml: `<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reason</dt><dd class="govuk-summary-list__value">${escapeHtml(closureReasonLabels[live.reason])}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rationale</dt><dd class="govuk-summary-list__value">${escapeHtml(live.rationale)}</dd></div></dl>${
          (live.secondReviewReasons ?? []).length > 0
            ? `<div class="govuk-inset-text"><p class="govuk-body">If you approve, the closure is held for the force lead’s second-level review, because:</p><ul class="govuk-list govuk-list--bullet">${(live.secondReviewReasons ?? []).map((g) => `<li>${escapeHtml(g.message)}</li>`).join('')}</ul></div>`
            : ''
        }`,
        fields: [
          decisionField('Do you approve the closure?'),
          { kind: 'textarea', name: 'rationale', label: 'Your rationale', rows: 5 },
        ],
        submitText: 'Record the decision',
        cancelHref: back(v.row.id),
      }
    },
    submit: async (v, body, request) => {
      const { status } = await decideClosure(deps, request.ctx(), v.row.id, version(body), {
        decision: decisionOf(body),
        rationale: text(body, 'rationale'),
      })
      return {
        redirect: back(v.row.id),
        flash:
          status === 'closed'
            ? 'Investigation closed'
            : status === 'closure-held-for-second-review'
              ? 'Closure approved and held for the force lead’s second-level review'
              : 'Closure refused: the investigation stays open',
      }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/closure/second-review',
    access: 'investigation:second-review',
    page: (v) => {
      const live = v.liveClosure
      if (live?.status !== 'held') refuse('form', 'No closure is held for second-level review.')
      const reasons = live.secondReviewReasons ?? []
      return {
        pageTitle: 'Second-level review of the closure',
        heading: 'Second-level review of the closure',
        introHtml: `<p class="govuk-body">The closure was held by the early-closure guard because:</p><ul class="govuk-list govuk-list--bullet">${reasons.map((g) => `<li>${escapeHtml(g.message)}</li>`).join('')}</ul><dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Reason</dt><dd class="govuk-summary-list__value">${escapeHtml(closureReasonLabels[live.reason])}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Rationale</dt><dd class="govuk-summary-list__value">${escapeHtml(live.rationale)}</dd></div><div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Supervisor</dt><dd class="govuk-summary-list__value">${escapeHtml(live.supervisorSignOff?.rationale ?? '')}</dd></div></dl>`,
        fields: [
          decisionField('Do you approve the closure?'),
          { kind: 'textarea', name: 'rationale', label: 'Your rationale', rows: 5 },
        ],
        submitText: 'Record the second-level review',
        cancelHref: back(v.row.id),
      }
    },
    submit: async (v, body, request) => {
      const { status } = await secondReview(deps, request.ctx(), v.row.id, version(body), {
        decision: decisionOf(body),
        rationale: text(body, 'rationale'),
      })
      return {
        redirect: back(v.row.id),
        flash:
          status === 'closed'
            ? 'Investigation closed after second-level review'
            : 'Closure refused: the investigation stays open',
      }
    },
  })

  app.post<{ Params: { id: string } }>(
    '/investigations/:id/closure/withdraw',
    { config: { access: 'investigation:update' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      try {
        await withdrawClosure(deps, request.ctx(), v.row.id, version((request.body ?? {}) as Record<string, unknown>))
        request.session.flash = { type: 'success', text: 'Closure request withdrawn' }
      } catch (e) {
        if (await handleInvestigationError(e, request, reply, back(v.row.id))) return reply
        request.session.flash = { type: 'important', text: (e as Refused).message }
      }
      return reply.redirect(back(v.row.id))
    },
  )

  sectionForm(app, deps, {
    path: '/investigations/:id/reopen',
    access: 'investigation:update',
    page: (v) => ({
      pageTitle: 'Reopen the investigation',
      fields: [
        {
          kind: 'textarea',
          name: 'reason',
          label: 'Why are you reopening the investigation?',
          pageHeading: true,
          hint: 'For example, new information, the victim has re-engaged, or a review found more could be done',
          rows: 5,
        },
      ],
      submitText: 'Reopen',
      cancelHref: back(v.row.id),
    }),
    submit: async (v, body, request) => {
      await reopenInvestigation(deps, request.ctx(), v.row.id, version(body), text(body, 'reason'))
      return { redirect: back(v.row.id), flash: 'Investigation reopened. The review schedule starts again from today.' }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/orders-considered',
    access: 'investigation:update',
    page: (v) => ({
      pageTitle: 'Prevention and risk orders: decisions',
      heading: 'Prevention and risk orders: decisions',
      introHtml:
        '<p class="govuk-body">Consider a Slavery and Trafficking Prevention Order (at least 5 years, or until further order) or Risk Order (at least 2 years; no conviction needed) at charge, at conviction and at closure, and record the decision. Modern Slavery Act 2015 Part 2 (England and Wales).</p>',
      listTemplate: 'investigations/_considerations.njk',
      listData: {
        rows: v.considerations.map((c) => ({
          ...c.consideration,
          decidedByName: c.decidedByName,
          stageText: stageLabels[c.consideration.stage],
          decisionText: considerationDecisionLabels[c.consideration.decision],
        })),
        missing: v.missingConsiderations.map((s) => stageLabels[s]),
      },
      formHeading: 'Record a decision',
      fields: [
        {
          kind: 'radios',
          name: 'stage',
          label: 'When',
          items: (['charge', 'conviction', 'closure'] as const).map((s) => ({
            value: s,
            text: stageLabels[s].replace(/^at /, 'At '),
          })),
        },
        {
          kind: 'radios',
          name: 'decision',
          label: 'Decision',
          items: orderConsiderationDecisions.map((d) => ({ value: d, text: considerationDecisionLabels[d] })),
        },
        { kind: 'textarea', name: 'rationale', label: 'Why', rows: 4 },
      ],
      submitText: 'Record the decision',
      cancelHref: back(v.row.id),
    }),
    values: (_v, request) => ({ stage: (request.query as { stage?: string }).stage }),
    submit: async (v, body, request) => {
      const stage = OrderConsiderationStage.safeParse(text(body, 'stage'))
      const decision = z.enum(orderConsiderationDecisions).safeParse(text(body, 'decision'))
      const issues = [
        ...(stage.success ? [] : [{ field: 'stage', message: 'Select when the decision was made' }]),
        ...(decision.success ? [] : [{ field: 'decision', message: 'Select the decision' }]),
      ]
      if (!stage.success || !decision.success) throw new Refused(issues)
      await recordOrderConsideration(deps, request.ctx(), v.row.id, version(body), {
        stage: stage.data,
        decision: decision.data,
        rationale: text(body, 'rationale'),
      })
      return { redirect: back(v.row.id), flash: 'Decision recorded' }
    },
  })

  app.get('/investigations/settings', { config: { access: 'force:settings' } }, async (request, reply) => {
    const config = await investigationSettings(deps, request.ctx())
    return renderForm(request, reply, settingsPage(), {
      firstReviewAfterDays: config.review.firstReviewAfterDays,
      reviewIntervalDays: config.review.reviewIntervalDays,
      earlyClosureDays: config.closure.earlyClosureDays,
    })
  })

  app.post('/investigations/settings', { config: { access: 'force:settings' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const days = (name: string, what: string) =>
      z.coerce
        .number({ error: `Enter ${what} as a number of days` })
        .int({ error: `Enter ${what} as a whole number of days` })
        .min(1, { error: `${what.charAt(0).toUpperCase()}${what.slice(1)} must be at least 1 day` })
        .max(365, { error: `${what.charAt(0).toUpperCase()}${what.slice(1)} must be 365 days or fewer` })
        .safeParse(text(body, name).trim() === '' ? undefined : text(body, name))
    const first = days('firstReviewAfterDays', 'the first review')
    const interval = days('reviewIntervalDays', 'the review interval')
    const early = days('earlyClosureDays', 'the early-closure window')
    const issues = [
      ...(first.success ? [] : [{ field: 'firstReviewAfterDays', message: first.error.issues[0]?.message ?? '' }]),
      ...(interval.success ? [] : [{ field: 'reviewIntervalDays', message: interval.error.issues[0]?.message ?? '' }]),
      ...(early.success ? [] : [{ field: 'earlyClosureDays', message: early.error.issues[0]?.message ?? '' }]),
    ]
    if (!first.success || !interval.success || !early.success) {
      return renderForm(request, reply, settingsPage(), body, errorsOf(issues, settingsPage().fields))
    }
    await saveSettings(deps, request.ctx(), {
      firstReviewAfterDays: first.data,
      reviewIntervalDays: interval.data,
      earlyClosureDays: early.data,
    })
    request.session.flash = { type: 'success', text: 'Investigation settings saved' }
    return reply.redirect('/investigations/settings')
  })

  function settingsPage() {
    return {
      pageTitle: 'Investigation settings',
      heading: 'Supervisory reviews and early closure',
      introHtml:
        '<p class="govuk-body">By default the first supervisory review falls due 7 days after an investigation is opened, then every 28 days, and a closure within 28 days of opening needs the force lead’s second-level review.</p>',
      fields: [
        {
          kind: 'input' as const,
          name: 'firstReviewAfterDays',
          label: 'First review, days after opening',
          classes: 'govuk-input--width-3',
          inputmode: 'numeric',
        },
        {
          kind: 'input' as const,
          name: 'reviewIntervalDays',
          label: 'Then every, in days',
          classes: 'govuk-input--width-3',
          inputmode: 'numeric',
        },
        {
          kind: 'input' as const,
          name: 'earlyClosureDays',
          label: 'Early-closure window, in days',
          classes: 'govuk-input--width-3',
          inputmode: 'numeric',
        },
      ],
      submitText: 'Save',
      cancelHref: '/',
    }
  }
}
