import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { can } from '../../../domain/access/policy.js'
import {
  type DecisionIssue,
  NoReferralReason,
  noReferralReasonInfo,
  reasonsAllowed,
} from '../../../domain/referral/no-referral-decision.js'
import { EncounterNotFound } from '../../../services/identify/encounters.js'
import {
  NoReferralDecisionRefused,
  noReferralDecisionView,
  previewNoReferralDecision,
  recordNoReferralDecision,
  withdrawNoReferralDecision,
} from '../../../services/refer/no-referral-decision.js'
import type { AppDeps } from '../../app.js'
import type { FieldError } from '../../forms.js'
import { render } from '../../render.js'

type Params = { Params: { id: string } }
type Body = Record<string, unknown>

const text = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
const orNull = (v: unknown) => text(v).trim() || null

const DecisionBody = z.object({
  reason: NoReferralReason,
  rationale: z.string().max(4000, 'The explanation must be 4,000 characters or fewer'),
  otherOrganisation: z.string().max(200, 'The organisation must be 200 characters or fewer').nullable(),
  otherReference: z.string().max(40, 'The reference must be 40 characters or fewer').nullable(),
  duplicateOfReference: z.string().max(40, 'The reference must be 40 characters or fewer').nullable(),
})

function inputOf(body: Body) {
  return DecisionBody.safeParse({
    reason: text(body.reason),
    rationale: text(body.rationale),
    otherOrganisation: orNull(body.otherOrganisation),
    otherReference: orNull(body.otherReference),
    duplicateOfReference: orNull(body.duplicateOfReference),
  })
}

function errorsOf(issues: readonly DecisionIssue[]) {
  const fieldErrors: Record<string, { text: string }> = {}
  const errors: FieldError[] = []
  for (const i of issues) {
    if (!fieldErrors[i.path]) fieldErrors[i.path] = { text: i.message }
    errors.push({ text: i.message, href: i.path === 'form' ? '#main-content' : `#${i.path}` })
  }
  return { errors, fieldErrors }
}

const reasonItems = (allowed: readonly NoReferralReason[], selected: string | undefined) =>
  allowed.map((r) => ({
    value: r,
    text: noReferralReasonInfo[r].label,
    hint: { text: noReferralReasonInfo[r].hint },
    checked: r === selected,
  }))

type View = Awaited<ReturnType<typeof noReferralDecisionView>>

function recordData(v: View, mayDecide: boolean) {
  const decisions = v.decisions.map((d) => ({
    ...d,
    reasonLabel: noReferralReasonInfo[d.reason].label,
    source: noReferralReasonInfo[d.reason].source,
    duplicateOfReference: d.duplicateOfEncounterId
      ? (v.duplicateReferences.get(d.duplicateOfEncounterId) ?? null)
      : null,
  }))
  return {
    pageTitle: `Decision on encounter ${v.encounter.reference}`,
    encounter: v.encounter,
    live: decisions.find((d) => d.withdrawnAt === null) ?? null,
    mayDecide,
    hasSubmittedReferral: v.context.hasSubmittedReferral,
    decisions,
  }
}

/**
 * The supervisor's decision that an encounter needs neither an NRM referral nor a Duty to Notify report (issue 5):
 * why (one question), the details that reason needs, check answers, then the record with its history.
 */
export async function noReferralDecisionRoutes(app: FastifyInstance, deps: AppDeps) {
  const idOf = (request: FastifyRequest<Params>) => z.uuid().safeParse(request.params.id)
  const base = (id: string) => `/encounters/${id}/no-referral-decision`

  const view = async (request: FastifyRequest<Params>, reply: FastifyReply) => {
    const id = idOf(request)
    if (!id.success) {
      reply.callNotFound()
      return null
    }
    try {
      return await noReferralDecisionView(deps, request.ctx(), id.data)
    } catch (e) {
      if (e instanceof EncounterNotFound) {
        reply.callNotFound()
        return null
      }
      throw e
    }
  }

  const detailsPage = (
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    v: View,
    reason: NoReferralReason,
    values: Body,
    status = 200,
    issues: readonly DecisionIssue[] = [],
  ) =>
    render(
      request,
      reply,
      'encounters/no-referral-details.njk',
      {
        pageTitle: 'Explain the decision',
        encounter: v.encounter,
        reason,
        reasonLabel: noReferralReasonInfo[reason].label,
        source: noReferralReasonInfo[reason].source,
        submissionId: text(values.submissionId) || randomUUID(),
        values,
        backHref: `${base(v.encounter.id)}?reason=${reason}`,
        ...errorsOf(issues),
      },
      status,
    )

  app.get<Params & { Querystring: { reason?: string; history?: string } }>(
    '/encounters/:id/no-referral-decision',
    { config: { access: 'encounter:read' } },
    async (request, reply) => {
      const v = await view(request, reply)
      if (!v) return reply
      const actor = request.ctx().actor
      const mayDecide = can(actor, 'referral:decide-none')
      const record = v.live || !mayDecide || v.context.hasSubmittedReferral || v.encounter.status !== 'submitted'
      if (record || request.query.history !== undefined) {
        return render(request, reply, 'encounters/no-referral-record.njk', recordData(v, mayDecide))
      }
      return render(request, reply, 'encounters/no-referral-reason.njk', {
        pageTitle: 'Why is no referral or report needed?',
        encounter: v.encounter,
        treatedAsChild: v.context.treatedAsChild,
        jurisdiction: v.context.jurisdiction,
        items: reasonItems(v.allowedReasons, request.query.reason),
        pastDecisions: v.decisions.length,
      })
    },
  )

  app.post<Params>(
    '/encounters/:id/no-referral-decision',
    { config: { access: 'referral:decide-none' } },
    async (request, reply) => {
      const v = await view(request, reply)
      if (!v) return reply
      const reason = NoReferralReason.safeParse(text((request.body as Body | undefined)?.reason))
      if (!reason.success || !reasonsAllowed(v.context).includes(reason.data)) {
        return render(
          request,
          reply,
          'encounters/no-referral-reason.njk',
          {
            pageTitle: 'Why is no referral or report needed?',
            encounter: v.encounter,
            treatedAsChild: v.context.treatedAsChild,
            jurisdiction: v.context.jurisdiction,
            items: reasonItems(v.allowedReasons, undefined),
            pastDecisions: v.decisions.length,
            ...errorsOf([{ path: 'reason', message: 'Select why no referral or report is needed' }]),
          },
          400,
        )
      }
      return detailsPage(request, reply, v, reason.data, {})
    },
  )

  app.post<Params>(
    '/encounters/:id/no-referral-decision/details',
    { config: { access: 'referral:decide-none' } },
    async (request, reply) => {
      const v = await view(request, reply)
      if (!v) return reply
      const body = (request.body ?? {}) as Body
      const parsed = inputOf(body)
      if (!parsed.success) {
        const reason = NoReferralReason.safeParse(text(body.reason))
        if (!reason.success) return reply.redirect(base(v.encounter.id))
        const issues = parsed.error.issues.map((i) => ({
          path: String(i.path[0] ?? 'form') as DecisionIssue['path'],
          message: i.message,
        }))
        return detailsPage(request, reply, v, reason.data, body, 400, issues)
      }
      const input = parsed.data
      const intent = text(body.intent)
      if (intent === 'change') return detailsPage(request, reply, v, input.reason, body)
      const submissionId = z.uuid().safeParse(text(body.submissionId))
      if (!submissionId.success) return reply.redirect(base(v.encounter.id))
      try {
        if (intent === 'confirm') {
          const saved = await recordNoReferralDecision(deps, request.ctx(), v.encounter.id, {
            ...input,
            submissionId: submissionId.data,
          })
          request.session.flash = {
            type: 'success',
            text: [
              `Decision recorded: encounter ${v.encounter.reference} needs no referral or report.`,
              ...saved.warnings,
            ].join(' '),
          }
          return reply.redirect(`/encounters/${v.encounter.id}`)
        }
        const preview = await previewNoReferralDecision(deps, request.ctx(), v.encounter.id, input)
        return render(request, reply, 'encounters/no-referral-check.njk', {
          pageTitle: 'Check your decision',
          encounter: v.encounter,
          value: preview.value,
          reasonLabel: noReferralReasonInfo[preview.value.reason].label,
          warnings: preview.warnings,
          submissionId: submissionId.data,
        })
      } catch (e) {
        if (e instanceof NoReferralDecisionRefused) {
          return detailsPage(request, reply, v, input.reason, body, 400, e.issues)
        }
        throw e
      }
    },
  )

  app.post<Params>(
    '/encounters/:id/no-referral-decision/withdraw',
    { config: { access: 'referral:decide-none' } },
    async (request, reply) => {
      const v = await view(request, reply)
      if (!v) return reply
      const body = (request.body ?? {}) as Body
      try {
        await withdrawNoReferralDecision(
          deps,
          request.ctx(),
          v.encounter.id,
          text(body.decisionId),
          text(body.withdrawalReason),
        )
      } catch (e) {
        if (e instanceof NoReferralDecisionRefused) {
          return render(
            request,
            reply,
            'encounters/no-referral-record.njk',
            {
              ...recordData(v, true),
              values: body,
              ...errorsOf(e.issues),
            },
            e.issues.some((i) => i.path === 'form') ? 409 : 400,
          )
        }
        throw e
      }
      request.session.flash = {
        type: 'important',
        text: `The decision was withdrawn. Encounter ${v.encounter.reference} needs a referral, a report or a new decision.`,
      }
      return reply.redirect(`/encounters/${v.encounter.id}`)
    },
  )
}
