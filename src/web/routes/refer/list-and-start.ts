import type { FastifyInstance, FastifyRequest } from 'fastify'
import { forceById } from '../../../domain/forces/forces.js'
import { pathwayTitles } from '../../../domain/identify/pathway.js'
import {
  ageStatusLabels,
  ReferralKind,
  ReferralStatus,
  referralKindLabels,
  referralStatusLabels,
} from '../../../domain/referral/index.js'
import { ukDate, ukDateTime } from '../../../services/refer/document.js'
import { ReferralRefused } from '../../../services/refer/errors.js'
import { listForceReferrals, referralOptionsForEncounter, startReferral } from '../../../services/refer/referrals.js'
import type { AppDeps } from '../../app.js'
import { parseForm } from '../../forms.js'
import { render } from '../../render.js'
import { StartForm } from './forms.js'
import { handleReferralError, Id, type IdParams, refusalErrors } from './helpers.js'
import { kindItems, statusItems } from './labels.js'
import { statusTag } from './record.js'

type ListQuery = { Querystring: { status?: string | string[]; kind?: string | string[] } }

const asList = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

export async function referralListAndStartRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<ListQuery>('/referrals', { config: { access: 'referral:read' } }, async (request, reply) => {
    const statuses = asList(request.query.status).filter((s) => ReferralStatus.safeParse(s).success) as ReferralStatus[]
    const kinds = asList(request.query.kind).filter((k) => ReferralKind.safeParse(k).success) as ReferralKind[]
    const { rows, sent } = await listForceReferrals(deps, request.ctx(), { statuses, kinds })
    const today = deps.now().toISOString().slice(0, 10)
    return render(request, reply, 'referrals/list.njk', {
      pageTitle: 'Referrals',
      statusItems: statusItems.map((i) => ({ ...i, checked: statuses.includes(i.value as ReferralStatus) })),
      kindItems: kindItems.map((i) => ({ ...i, checked: kinds.includes(i.value as ReferralKind) })),
      filtered: statuses.length > 0 || kinds.length > 0,
      rows: rows.map((r) => {
        const rgDue = (r.rgTarget as { dueDate?: string } | null)?.dueDate
        return {
          ...r,
          kindLabel: referralKindLabels[r.kind],
          ageLabel: ageStatusLabels[r.ageStatus],
          tag: statusTag(r.status),
          submitted: r.submittedAt ? `Submitted ${ukDate(new Date(r.submittedAt).toISOString())}` : 'Not submitted',
          rgOverdue: rgDue !== undefined && (r.status === 'rg-pending' || r.status === 'submitted') && today > rgDue,
          recoveryEnds: r.recoveryPeriod && r.status === 'rg-positive' ? ukDate(r.recoveryPeriod.endsOn) : null,
          fromForce:
            r.originForceId !== request.actor?.forceId ? (forceById(r.originForceId)?.name ?? r.originForceId) : null,
        }
      }),
      sent: sent.map((t) => ({
        ...t,
        kindLabel: referralKindLabels[t.kind],
        toForce: forceById(t.toForceId)?.name ?? t.toForceId,
        when: ukDateTime(new Date(t.at).toISOString()),
      })),
    })
  })

  const startPage = async (request: FastifyRequest<IdParams>, extra: Record<string, unknown> = {}) => {
    const id = Id.parse(request.params.id)
    const options = await referralOptionsForEncounter(deps, request.ctx(), id)
    const { encounter, assessment, decision, existing, transfers } = options
    return {
      pageTitle: 'Refer or notify',
      encounter,
      pathway: assessment.pathway,
      pathwayTitle: pathwayTitles[assessment.pathway],
      pathwayWhy: assessment.pathwayWhy,
      ageLabel: ageStatusLabels[options.ageStatus],
      decision,
      options: decision.options.map((o) => ({ ...o, label: referralKindLabels[o.kind] })),
      existing: existing.map((r) => ({
        ...r,
        kindLabel: referralKindLabels[r.kind],
        statusLabel: referralStatusLabels[r.status],
      })),
      live: existing.filter((r) => r.status !== 'withdrawn'),
      transfers: transfers.map((t) => ({ ...t, toForce: forceById(t.toForceId)?.name ?? t.toForceId })),
      noIndicators: assessment.pathway === 'no-indicators',
      values: {},
      ...extra,
    }
  }

  app.get<IdParams>(
    '/encounters/:id/referral/new',
    { config: { access: 'referral:create' } },
    async (request, reply) => {
      if (!Id.safeParse(request.params.id).success) return reply.callNotFound()
      try {
        return await render(request, reply, 'referrals/start.njk', await startPage(request))
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )

  app.post<IdParams>(
    '/encounters/:id/referral/new',
    { config: { access: 'referral:create' } },
    async (request, reply) => {
      if (!Id.safeParse(request.params.id).success) return reply.callNotFound()
      const form = parseForm(StartForm, request.body)
      try {
        if (!form.ok) {
          return await render(request, reply, 'referrals/start.njk', { ...(await startPage(request)), ...form }, 400)
        }
        const { row, created } = await startReferral(deps, request.ctx(), request.params.id, {
          reason: form.data.reason ?? undefined,
        })
        if (!created) return reply.redirect(`/referrals/${row.id}`)
        return reply.redirect(
          row.kind === 'nrm-child' ? `/referrals/${row.id}/safeguarding` : `/referrals/${row.id}/consent`,
        )
      } catch (e) {
        if (e instanceof ReferralRefused) {
          return render(
            request,
            reply,
            'referrals/start.njk',
            { ...(await startPage(request)), ...refusalErrors(e, 'reason'), values: request.body },
            400,
          )
        }
        return handleReferralError(e, request, reply)
      }
    },
  )
}
