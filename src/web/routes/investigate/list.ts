import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { can } from '../../../domain/access/policy.js'
import {
  type InvestigationStatus,
  investigationStatuses,
  investigationStatusLabels,
} from '../../../domain/investigation/status.js'
import { type ExploitationType, exploitationTypeLabels, exploitationTypes } from '../../../domain/shared/vocabulary.js'
import type { Refused } from '../../../services/investigate/errors.js'
import {
  formOptions,
  listForceInvestigations,
  type OpenSource,
  openInvestigation,
} from '../../../services/investigate/investigations.js'
import { reviewsDue } from '../../../services/investigate/supervision.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'
import { errorsOf, type Field, type FormPage, handleInvestigationError, renderForm, text } from './form-kit.js'
import { statusTagClasses } from './labels.js'

type Query = Record<string, string | string[] | undefined>

function many(q: Query, name: string): string[] {
  const v = q[name]
  return Array.isArray(v) ? v : typeof v === 'string' && v !== '' ? [v] : []
}

function withoutParam(q: Query, name: string, value?: string): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) {
    for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
      if (k === name && (value === undefined || x === value)) continue
      p.append(k, x)
    }
  }
  const s = p.toString()
  return s ? `/investigations?${s}` : '/investigations'
}

export async function investigationListRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Querystring: Query }>(
    '/investigations',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const q = request.query
      const statuses = many(q, 'status').filter((s): s is InvestigationStatus =>
        (investigationStatuses as readonly string[]).includes(s),
      )
      const types = many(q, 'type').filter((t): t is ExploitationType =>
        (exploitationTypes as readonly string[]).includes(t),
      )
      const overdue = q.overdue === 'yes'
      const held = q.held === 'yes'
      const { items } = await listForceInvestigations(deps, request.ctx(), { statuses, types, overdue, held })
      const categories = [
        statuses.length > 0 && {
          heading: { text: 'Status' },
          items: statuses.map((s) => ({ text: investigationStatusLabels[s], href: withoutParam(q, 'status', s) })),
        },
        types.length > 0 && {
          heading: { text: 'Type of exploitation' },
          items: types.map((t) => ({ text: exploitationTypeLabels[t], href: withoutParam(q, 'type', t) })),
        },
        (overdue || held) && {
          heading: { text: 'Needs attention' },
          items: [
            ...(overdue ? [{ text: 'Review overdue', href: withoutParam(q, 'overdue') }] : []),
            ...(held ? [{ text: 'Closure held for the force lead', href: withoutParam(q, 'held') }] : []),
          ],
        },
      ].filter(Boolean)
      return render(request, reply, 'investigations/list.njk', {
        pageTitle: 'Investigations',
        rows: items.map((r) => ({
          id: r.investigation.id,
          reference: r.investigation.reference,
          title: r.investigation.title,
          status: investigationStatusLabels[r.investigation.status],
          statusClass: statusTagClasses[r.investigation.status],
          types: r.investigation.exploitationTypes
            .map((t) => exploitationTypeLabels[t as ExploitationType] ?? t)
            .join(', '),
          officer: r.officerName,
          openedAt: r.investigation.openedAt,
          review: r.review,
        })),
        statusItems: investigationStatuses.map((s) => ({ value: s, text: investigationStatusLabels[s] })),
        typeItems: exploitationTypes.map((t) => ({ value: t, text: exploitationTypeLabels[t] })),
        attentionItems: [
          { value: 'overdue', text: 'Review overdue' },
          { value: 'held', text: 'Closure held for the force lead' },
        ],
        chosen: {
          status: statuses,
          type: types,
          attention: [...(overdue ? ['overdue'] : []), ...(held ? ['held'] : [])],
        },
        selectedFilters:
          categories.length > 0
            ? {
                heading: { text: 'Selected filters' },
                clearLink: { href: '/investigations', text: 'Clear filters' },
                categories,
              }
            : null,
        canOpen: can(request.ctx().actor, 'investigation:create'),
        canReview: can(request.ctx().actor, 'investigation:review'),
      })
    },
  )

  app.get('/investigations/reviews-due', { config: { access: 'investigation:review' } }, async (request, reply) => {
    const { items, config } = await reviewsDue(deps, request.ctx())
    return render(request, reply, 'investigations/reviews-due.njk', {
      pageTitle: 'Reviews due',
      config: config.review,
      rows: items.map((r) => ({
        id: r.investigation.id,
        reference: r.investigation.reference,
        title: r.investigation.title,
        status: investigationStatusLabels[r.investigation.status],
        statusClass: statusTagClasses[r.investigation.status],
        officer: r.officerName,
        due: r.review?.due,
        overdue: r.review?.overdue ?? false,
        daysOverdue: r.review?.daysOverdue ?? 0,
        lastReviewAt: r.lastReviewAt,
        held: r.investigation.status === 'closure-held-for-second-review',
      })),
      overdueCount: items.filter((r) => r.review?.overdue).length,
    })
  })

  async function openFields(request: FastifyRequest): Promise<Field[]> {
    const { investigators } = await formOptions(deps, request.ctx())
    return [
      {
        kind: 'input',
        name: 'title',
        label: 'Name of the investigation',
        hint: 'An operation name or a short description. Do not use a victim’s name: it shows in lists.',
      },
      { kind: 'textarea', name: 'summary', label: 'What is being investigated (optional)', rows: 4 },
      {
        kind: 'radios',
        name: 'source',
        label: 'What did it start from?',
        items: [
          { value: 'encounter', text: 'An encounter' },
          { value: 'referral', text: 'An NRM referral or Duty to Notify report' },
          { value: 'crime-record', text: 'A crime record' },
          { value: 'direct', text: 'None of these: open it directly' },
        ],
      },
      {
        kind: 'input',
        name: 'sourceRef',
        label: 'Its reference (not needed when opening it directly)',
        hint: 'For example, ENC-26-7KQ2MX for an encounter, or the crime reference number',
        spellcheck: false,
        classes: 'govuk-!-width-two-thirds',
      },
      {
        kind: 'select',
        name: 'officerInCharge',
        label: 'Officer in charge',
        hint: 'An investigator of your force',
        items: investigators.map((i) => ({ value: i.id, text: i.displayName })),
      },
    ]
  }

  const page = (fields: Field[], submissionId: string): FormPage => ({
    pageTitle: 'Open an investigation',
    heading: 'Open an investigation',
    fields,
    submitText: 'Open the investigation',
    action: '/investigations',
    cancelHref: '/investigations',
    hidden: { submissionId },
  })

  app.get<{ Querystring: Query }>(
    '/investigations/new',
    { config: { access: 'investigation:create' } },
    async (request, reply) => {
      const q = request.query
      const values: Record<string, string> = {
        officerInCharge: request.ctx().actor.role === 'investigator' ? request.ctx().actor.userId : '',
      }
      if (typeof q.encounter === 'string') Object.assign(values, { source: 'encounter', sourceRef: q.encounter })
      if (typeof q.referral === 'string') Object.assign(values, { source: 'referral', sourceRef: q.referral })
      if (typeof q.crime === 'string') Object.assign(values, { source: 'crime-record', sourceRef: q.crime })
      const fields = await openFields(request)
      return renderForm(request, reply, page(fields, randomUUID()), values)
    },
  )

  app.post('/investigations', { config: { access: 'investigation:create' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = Object.fromEntries(
      ['title', 'summary', 'source', 'sourceRef', 'officerInCharge', 'submissionId'].map((k) => [k, text(body, k)]),
    )
    const source = values.source
    const issues: { field: string; message: string }[] = []
    let openSource: OpenSource = { type: 'direct' }
    if (source === 'encounter' || source === 'referral' || source === 'crime-record') {
      const ref = (values.sourceRef ?? '').trim()
      if (ref === '') {
        const what = { encounter: 'encounter', referral: 'referral', 'crime-record': 'crime' }[source]
        issues.push({ field: 'sourceRef', message: `Enter the ${what} reference` })
      }
      openSource = { type: source, ref }
    } else if (source !== 'direct') {
      issues.push({ field: 'source', message: 'Select what the investigation started from' })
    }
    if (!(values.title ?? '').trim())
      issues.push({ field: 'title', message: 'Enter a name for the investigation, such as an operation name.' })
    if (!values.officerInCharge) issues.push({ field: 'officerInCharge', message: 'Choose the officer in charge.' })
    const submissionId = /^[0-9a-f-]{36}$/.test(values.submissionId ?? '')
      ? (values.submissionId as string)
      : randomUUID()
    const fail = async (all: { field: string; message: string }[]) => {
      const fields = await openFields(request)
      // The service names the reference field by source; the page has one reference field.
      const mapped = all.map((i) =>
        ['encounterRef', 'referralRef', 'crimeRef'].includes(i.field) ? { ...i, field: 'sourceRef' } : i,
      )
      return renderForm(request, reply, page(fields, submissionId), values, errorsOf(mapped, fields))
    }
    if (issues.length > 0) return fail(issues)
    try {
      const row = await openInvestigation(deps, request.ctx(), {
        submissionId,
        title: values.title ?? '',
        summary: values.summary ?? null,
        source: openSource,
        officerInChargeUserId: values.officerInCharge ?? '',
      })
      request.session.flash = {
        type: 'success',
        title: 'Investigation opened',
        text: `${row.reference} is open. The first supervisory review is due in 7 days unless your force has set another period.`,
      }
      return reply.redirect(`/investigations/${row.id}`)
    } catch (e) {
      if (await handleInvestigationError(e, request, reply, '/investigations')) return reply
      return fail([...(e as Refused).issues])
    }
  })
}
