import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { can } from '../../../domain/access/policy.js'
import type { Assessment } from '../../../domain/identify/assessment.js'
import { indicatorById } from '../../../domain/identify/catalogue.js'
import { actionStates } from '../../../services/identify/action-status.js'
import { EncounterNotFound, encounterHistory, readEncounter } from '../../../services/identify/encounters.js'
import { investigationLinks } from '../../../services/investigate/links.js'
import type { AppDeps } from '../../app.js'
import { escapeHtml } from '../../html.js'
import { render } from '../../render.js'
import { checkData } from './encounter-journey.js'
import { provenanceLabels } from './labels.js'

const concernTag: Record<Assessment['concern'], string> = {
  high: 'govuk-tag--red',
  medium: 'govuk-tag--orange',
  low: 'govuk-tag--yellow',
  none: 'govuk-tag--grey',
}
const fieldLabels: Record<string, string> = {
  occurredAt: 'When',
  location: 'Where',
  placeType: 'Type of place',
  immediateRisk: 'Immediate risk',
  person: 'The person',
  interpreter: 'Interpreter',
  indicators: 'Signs recorded',
  themesReviewed: 'Groups of signs looked at',
  account: 'Their account',
  consent: 'Consent',
}

export async function encounterRecordRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string } }>(
    '/encounters/:id',
    { config: { access: 'encounter:read' } },
    async (request, reply) => {
      const id = z.uuid().safeParse(request.params.id)
      if (!id.success) return reply.callNotFound()
      const ctx = request.ctx()
      let row: Awaited<ReturnType<typeof readEncounter>>
      try {
        row = await readEncounter(deps, ctx, id.data)
      } catch (e) {
        if (e instanceof EncounterNotFound) return reply.callNotFound()
        throw e
      }
      if (row.status === 'draft') {
        return render(request, reply, 'encounters/draft.njk', {
          pageTitle: `Encounter ${row.reference}`,
          encounter: row,
        })
      }
      const a = row.assessment as unknown as Assessment
      const [states, history, investigations] = await Promise.all([
        actionStates(deps, ctx, row),
        encounterHistory(deps, ctx, row.id),
        investigationLinks(deps, ctx, { encounterId: row.id }),
      ])
      const tasks = a.actions.map((action) => {
        const state = states[action.code] ?? { status: 'to-do' as const }
        return {
          title: { html: `<span data-action-code="${action.code}">${escapeHtml(action.title)}</span>` },
          hint: {
            html: `${escapeHtml(action.why)} <span class="govuk-body-s">(${escapeHtml(action.source.ref)}${action.source.confidence !== 'CONFIRMED' ? `, ${action.source.confidence}` : ''})</span>`,
          },
          href: state.href,
          status:
            state.status === 'done'
              ? { text: state.detail ?? 'Done' }
              : {
                  tag: {
                    text:
                      state.status === 'in-progress' ? 'In progress' : action.mandatory ? 'Required' : 'Recommended',
                    classes: action.mandatory ? 'govuk-tag--red' : 'govuk-tag--blue',
                  },
                },
        }
      })
      const reasons = a.reasons.map((r) => ({
        ...r,
        signs: r.indicators.map((i) => ({
          title: indicatorById(i.id)?.title ?? i.id,
          provenance: i.provenance.map((p) => provenanceLabels[p].toLowerCase()).join(', '),
        })),
      }))
      return render(request, reply, 'encounters/show.njk', {
        pageTitle: `Encounter ${row.reference}`,
        a,
        concernClass: concernTag[a.concern],
        tasks,
        reasons,
        history: history.map((h) => ({
          label: { text: h.pathwayBefore !== h.pathwayAfter ? `Amended: the pathway changed` : 'Amended' },
          html: `<p class="govuk-body">${escapeHtml(h.reason)}</p><p class="govuk-body-s">Changed: ${h.changes.map((c) => fieldLabels[c.field] ?? c.field).join(', ')}</p>`,
          datetime: { timestamp: h.changedAt, type: 'datetime' },
          byline: { text: h.changedBy === ctx.actor.userId ? 'you' : 'another officer' },
        })),
        outcomeOpen:
          a.pathway !== 'no-indicators' &&
          states['refer-nrm']?.status !== 'done' &&
          states['notify-dtn']?.status !== 'done',
        canDecideNone: can(ctx.actor, 'referral:decide-none'),
        investigations,
        canAmend: row.officerUserId === ctx.actor.userId || ['supervisor', 'force-lead'].includes(ctx.actor.role),
        ...checkData(row),
      })
    },
  )
}
