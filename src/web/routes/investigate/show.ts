import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type Actor, can } from '../../../domain/access/policy.js'
import { entityKindLabels } from '../../../domain/entities/entity-kind.js'
import { closureReasonLabels } from '../../../domain/investigation/closure.js'
import { isoDateOf } from '../../../domain/investigation/dates.js'
import { checklistProgress } from '../../../domain/investigation/evidence-checklist.js'
import { stageLabels } from '../../../domain/investigation/prevention-order-consideration.js'
import { investigationStatusLabels } from '../../../domain/investigation/status.js'
import { typologyById } from '../../../domain/investigation/typology.js'
import { type ExploitationType, exploitationTypeLabels } from '../../../domain/shared/vocabulary.js'
import { entityLinkRoleLabels } from '../../../services/entities/entities.js'
import { InvestigationNotFound } from '../../../services/investigate/errors.js'
import { type InvestigationView, readInvestigation } from '../../../services/investigate/investigations.js'
import type { AppDeps } from '../../app.js'
import { escapeHtml } from '../../html.js'
import { render } from '../../render.js'
import { Id } from './form-kit.js'
import { statusTagClasses, victimContactLabels } from './labels.js'

/** Reads the investigation for a page, or answers 404 when the id is not one of the force's investigations. */
export async function loadInvestigation(
  deps: AppDeps,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): Promise<InvestigationView | null> {
  const id = Id.safeParse(request.params.id)
  if (!id.success) {
    await reply.callNotFound()
    return null
  }
  try {
    return await readInvestigation(deps, request.ctx(), id.data)
  } catch (e) {
    if (e instanceof InvestigationNotFound) {
      await reply.callNotFound()
      return null
    }
    throw e
  }
}

type TimelineItem = {
  label: { text: string }
  html: string
  datetime: { timestamp: string; type: 'datetime' }
  byline?: { text: string }
}

/** Everything that happened, newest first: the events, and where the investigation came from. */
export function timelineOf(v: InvestigationView): TimelineItem[] {
  const items: (TimelineItem & { at: number })[] = v.events.map(({ event, actorName }) => ({
    at: new Date(event.at).getTime(),
    label: { text: eventTitle(event.type) },
    html: `<p class="govuk-body">${escapeHtml(event.summary)}</p>`,
    datetime: { timestamp: event.at, type: 'datetime' },
    ...(actorName ? { byline: { text: actorName } } : {}),
  }))
  if (v.encounter?.submittedAt) {
    items.push({
      at: new Date(v.encounter.submittedAt).getTime(),
      label: { text: 'Encounter' },
      html: `<p class="govuk-body">Encounter <a class="govuk-link" href="/encounters/${v.encounter.id}">${escapeHtml(v.encounter.reference)}</a> recorded and assessed.</p>`,
      datetime: { timestamp: v.encounter.submittedAt, type: 'datetime' },
    })
  }
  if (v.referral) {
    const at = v.referral.submittedAt ?? v.referral.createdAt
    items.push({
      at: new Date(at).getTime(),
      label: { text: v.referral.kind === 'duty-to-notify' ? 'Duty to Notify report' : 'NRM referral' },
      html: `<p class="govuk-body">${v.referral.kind === 'duty-to-notify' ? 'Report' : 'Referral'} ${escapeHtml(v.referral.reference)} (${escapeHtml(v.referral.status.replaceAll('-', ' '))}).</p>`,
      datetime: { timestamp: at, type: 'datetime' },
    })
  }
  if (v.crimeRecord) {
    const at = v.crimeRecord.recordedAt ?? v.crimeRecord.createdAt
    items.push({
      at: new Date(at).getTime(),
      label: { text: 'Crime record' },
      html: `<p class="govuk-body">Crime ${escapeHtml(v.crimeRecord.crimeReference ?? 'not yet recorded')} (${escapeHtml(v.crimeRecord.status)}).</p>`,
      datetime: { timestamp: at, type: 'datetime' },
    })
  }
  return items.sort((a, b) => b.at - a.at).map(({ at: _at, ...i }) => i)
}

const EVENT_TITLES: Record<string, string> = {
  opened: 'Opened',
  classified: 'Exploitation recorded',
  'officer-changed': 'Officer in charge changed',
  'line-added': 'Investigation plan',
  'line-closed': 'Investigation plan',
  'action-added': 'Action set',
  'action-done': 'Action done',
  'evidence-updated': 'Evidence checklist',
  'victim-contact': 'Victim contact',
  'entity-linked': 'Linked record added',
  'entity-unlinked': 'Linked record removed',
  'suspect-pursuit': 'Suspect',
  reviewed: 'Supervisory review',
  'closure-requested': 'Closure requested',
  'closure-held': 'Closure held (early-closure guard)',
  'closure-refused': 'Closure refused',
  'closure-withdrawn': 'Closure request withdrawn',
  closed: 'Closed',
  reopened: 'Reopened',
  'order-considered': 'Prevention and risk orders considered',
  'order-made': 'Order registered',
  'order-updated': 'Order updated',
}

function eventTitle(type: string): string {
  if (type.startsWith('outcome-')) return 'Outcome'
  return EVENT_TITLES[type] ?? 'Update'
}

function tag(text: string, classes: string) {
  return { tag: { text, classes } }
}

/** The sections of an investigation as a GOV.UK task list, with where each stands. */
function sectionsOf(v: InvestigationView, actor: Actor) {
  const base = `/investigations/${v.row.id}`
  const today = isoDateOf(v.now)
  const evidence = checklistProgress(v.row.evidence.map((e) => ({ itemId: e.itemId, status: e.status, note: e.note })))
  const openActions = v.actions.filter((a) => a.action.status === 'open')
  const overdueActions = openActions.filter((a) => a.action.dueOn < today)
  const lastContact = v.contacts[0]?.contact
  const suspects = v.links.filter((l) => l.link.role === 'suspect')
  const victims = v.links.filter((l) => l.link.role === 'victim')
  return [
    {
      title: { text: 'Exploitation types and typology' },
      href: `${base}/types`,
      status:
        v.row.exploitationTypes.length > 0
          ? { text: v.row.exploitationTypes.map((t) => exploitationTypeLabels[t as ExploitationType] ?? t).join(', ') }
          : tag('Not recorded', 'govuk-tag--blue'),
    },
    {
      title: { text: 'Victims, suspects, witnesses, places and things' },
      href: `${base}/people`,
      status: {
        text: `${victims.length} victim${victims.length === 1 ? '' : 's'}, ${suspects.length} suspect${suspects.length === 1 ? '' : 's'}, ${v.links.length} linked in all`,
      },
    },
    {
      title: { text: 'Investigation plan: lines of enquiry' },
      href: `${base}/plan`,
      status:
        v.plan.length === 0
          ? tag('No lines of enquiry', 'govuk-tag--blue')
          : { text: `${v.plan.filter((p) => p.status === 'open').length} open of ${v.plan.length}` },
    },
    {
      title: { text: 'Actions' },
      href: `${base}/actions`,
      status:
        overdueActions.length > 0
          ? tag(`${overdueActions.length} overdue`, 'govuk-tag--red')
          : { text: `${openActions.length} open` },
    },
    {
      title: { text: 'Evidence that does not rest on the victim' },
      href: `${base}/evidence`,
      hint: { text: 'Financial, phones, ANPR and travel, premises, third-party witnesses, open source' },
      status: { text: `${evidence.done} done, ${evidence.notApplicable} not applicable, of ${evidence.total}` },
    },
    {
      title: { text: 'Victim contact' },
      href: `${base}/victim-contact`,
      status: lastContact
        ? { text: `${victimContactLabels[lastContact.engagement]} (${lastContact.contactedAt.slice(0, 10)})` }
        : tag('No contact recorded', 'govuk-tag--blue'),
    },
    {
      title: { text: 'Outcomes: charge, no further action, CPS, court and sentence' },
      href: `${base}/outcomes`,
      status: { text: `${v.outcomes.length} recorded` },
    },
    {
      title: { text: 'Prevention and risk orders: decisions' },
      href: `${base}/orders-considered`,
      hint: { text: 'Considered at charge, at conviction and at closure' },
      status:
        v.missingConsiderations.length > 0
          ? tag(`Decision needed ${v.missingConsiderations.map((s) => stageLabels[s]).join(', ')}`, 'govuk-tag--red')
          : { text: `${v.considerations.length} recorded` },
    },
    {
      title: { text: 'Prevention and risk orders made' },
      href: `/investigations/orders?investigation=${v.row.id}`,
      status: { text: `${v.orders.length} on the register` },
    },
    {
      title: { text: 'Supervisory reviews' },
      href: `${base}/reviews`,
      status: v.review?.overdue
        ? tag('Review overdue', 'govuk-tag--red')
        : {
            text: `${v.reviews.length} held${v.review ? `; next due ${v.review.due.toISOString().slice(0, 10)}` : ''}`,
          },
    },
    ...(can(actor, 'investigation:update')
      ? [
          {
            title: { text: 'Officer in charge' },
            href: `${base}/officer`,
            status: { text: v.officer?.displayName ?? 'Not known' },
          },
        ]
      : []),
  ]
}

export async function investigationShowRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string } }>(
    '/investigations/:id',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      const actor = request.ctx().actor
      const live = v.liveClosure
      return render(request, reply, 'investigations/show.njk', {
        pageTitle: `Investigation ${v.row.reference}`,
        v,
        statusLabel: investigationStatusLabels[v.row.status],
        statusClass: statusTagClasses[v.row.status],
        types: v.row.exploitationTypes.map((t) => exploitationTypeLabels[t as ExploitationType] ?? t),
        typology: v.row.typologyIds
          .map((t) => typologyById(t)?.name)
          .filter(Boolean)
          .join(', '),
        sections: sectionsOf(v, actor),
        timeline: timelineOf(v),
        missing: v.missingConsiderations.map((s) => stageLabels[s]),
        closureReason: live
          ? closureReasonLabels[live.reason]
          : v.row.closureReason
            ? closureReasonLabels[v.row.closureReason]
            : null,
        guardReasons: live?.secondReviewReasons ?? v.closureEvaluation?.secondReviewReasons ?? [],
        canReview: can(actor, 'investigation:review') && v.allowed.includes('start-review'),
        canRequestClosure: can(actor, 'investigation:update') && v.allowed.includes('request-closure'),
        canDecide:
          can(actor, 'investigation:review') && live?.status === 'pending' && live.requestedBy !== actor.userId,
        decideBlockedForRequester: live?.status === 'pending' && live.requestedBy === actor.userId,
        canSecondReview:
          can(actor, 'investigation:second-review') &&
          live?.status === 'held' &&
          live.requestedBy !== actor.userId &&
          live.supervisorSignOff?.userId !== actor.userId,
        canWithdraw: can(actor, 'investigation:update') && live !== null,
        canReopen: can(actor, 'investigation:update') && v.row.status === 'closed',
        network: v.network.map((n) => ({
          ...n,
          entity: v.links.find((l) => l.entity.id === n.entityId)?.entity.display ?? '',
          kind: entityKindLabels[v.links.find((l) => l.entity.id === n.entityId)?.entity.kind ?? 'person'],
        })),
        roleLabels: entityLinkRoleLabels,
      })
    },
  )
}
