import type { FastifyInstance } from 'fastify'
import { can } from '../../../domain/access/policy.js'
import { isoDateOf } from '../../../domain/investigation/dates.js'
import type { Outcome } from '../../../domain/investigation/outcomes.js'
import { courtResults, cpsDecisions, disposals } from '../../../domain/investigation/outcomes.js'
import { refuse } from '../../../services/investigate/errors.js'
import type { InvestigationView } from '../../../services/investigate/investigations.js'
import {
  type OutcomeInput,
  type OutcomeType,
  outcomeTypeLabels,
  recordOutcome,
} from '../../../services/investigate/outcomes.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'
import { dateOf, type Field, list, text, version } from './form-kit.js'
import { ancillaryOrderLabels, courtResultLabels, cpsDecisionLabels, disposalLabels, itemsOf } from './labels.js'
import { sectionForm } from './section-form.js'
import { loadInvestigation } from './show.js'

const typeKeys = Object.keys(outcomeTypeLabels) as OutcomeType[]

function describe(o: Outcome): string {
  switch (o.type) {
    case 'charge':
      return `Charged (${o.authorisedBy === 'cps' ? 'CPS' : 'police'} decision): ${o.offences.join('; ')}`
    case 'no-further-action':
      return `No further action (${o.decidedBy === 'cps' ? 'CPS' : 'police'}, ${o.basis.replace('-', ' ')}): ${o.rationale}`
    case 'cps-decision':
      return `${cpsDecisionLabels[o.decision]}${o.reference ? `, reference ${o.reference}` : ''}. Victim status considered: ${o.victimStatusConsidered ? 'yes' : 'no'}`
    case 'court-result':
      return `${courtResultLabels[o.result]} of ${o.offence} at ${o.court}`
    case 'sentence':
      return `${disposalLabels[o.disposal]}${o.custodialMonths ? `, ${o.custodialMonths} months` : ''} for ${o.offence}${o.ancillaryOrders.length ? `. Ancillary: ${o.ancillaryOrders.map((a) => ancillaryOrderLabels[a]).join(', ')}` : ''}`
  }
}

function suspectField(v: InvestigationView): Field {
  return {
    kind: 'select',
    name: 'suspect',
    label: 'Which suspect',
    items: v.links.filter((l) => l.link.role === 'suspect').map((l) => ({ value: l.link.id, text: l.entity.display })),
  }
}

function fieldsFor(type: OutcomeType, v: InvestigationView): Field[] {
  const suspect = suspectField(v)
  switch (type) {
    case 'charge':
      return [
        suspect,
        { kind: 'date', name: 'date', label: 'Date charged' },
        {
          kind: 'textarea',
          name: 'offences',
          label: 'Offences charged',
          hint: 'One on each line, for example "Modern Slavery Act 2015 s2" or "Modern Slavery Act 2015 s1"',
          rows: 4,
        },
        {
          kind: 'radios',
          name: 'authorisedBy',
          label: 'Who authorised the charge',
          items: [
            { value: 'cps', text: 'The CPS' },
            { value: 'police', text: 'The police' },
          ],
        },
      ]
    case 'no-further-action':
      return [
        suspect,
        { kind: 'date', name: 'date', label: 'Date of the decision' },
        {
          kind: 'radios',
          name: 'decidedBy',
          label: 'Who decided',
          items: [
            { value: 'police', text: 'The police' },
            { value: 'cps', text: 'The CPS' },
          ],
        },
        {
          kind: 'radios',
          name: 'basis',
          label: 'Why',
          items: [
            { value: 'evidential', text: 'Not enough evidence' },
            { value: 'public-interest', text: 'Not in the public interest' },
          ],
        },
        { kind: 'textarea', name: 'rationale', label: 'Rationale', rows: 4 },
      ]
    case 'cps-decision':
      return [
        suspect,
        { kind: 'date', name: 'date', label: 'Date of the decision' },
        {
          kind: 'radios',
          name: 'decision',
          label: 'The CPS decision',
          items: cpsDecisions.map((d) => ({ value: d, text: cpsDecisionLabels[d] })),
        },
        { kind: 'input', name: 'reference', label: 'CPS reference (optional)' },
        {
          kind: 'radios',
          name: 'victimStatusConsidered',
          label: 'Did the CPS consider whether the suspect might be a victim?',
          classes: 'govuk-radios--inline',
          items: [
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ],
        },
      ]
    case 'court-result':
      return [
        suspect,
        { kind: 'date', name: 'date', label: 'Date of the result' },
        { kind: 'input', name: 'court', label: 'Court' },
        { kind: 'input', name: 'offence', label: 'Offence', hint: 'For example, Modern Slavery Act 2015 s1' },
        {
          kind: 'radios',
          name: 'result',
          label: 'Result',
          items: courtResults.map((r) => ({ value: r, text: courtResultLabels[r] })),
        },
      ]
    case 'sentence':
      return [
        suspect,
        { kind: 'date', name: 'date', label: 'Date of sentence' },
        { kind: 'input', name: 'offence', label: 'Offence' },
        {
          kind: 'radios',
          name: 'disposal',
          label: 'Sentence',
          items: disposals.map((d) => ({ value: d, text: disposalLabels[d] })),
        },
        {
          kind: 'input',
          name: 'custodialMonths',
          label: 'Length in months (custodial or suspended sentences)',
          classes: 'govuk-input--width-3',
          inputmode: 'numeric',
        },
        {
          kind: 'checkboxes',
          name: 'ancillaryOrders',
          label: 'Ancillary orders made (optional)',
          items: itemsOf(ancillaryOrderLabels),
        },
      ]
  }
}

function inputOf(type: OutcomeType, body: Record<string, unknown>, today: string): OutcomeInput {
  const date = dateOf(body, 'date', 'the date', { notAfter: today })
  if (!date.ok) refuse('date', date.message)
  const at = new Date(`${date.value}T12:00:00Z`)
  const suspectId = text(body, 'suspect')
  if (!suspectId) refuse('suspect', 'Choose the suspect')
  switch (type) {
    case 'charge':
      return {
        type,
        suspectId,
        chargedAt: at,
        offences: text(body, 'offences')
          .split(/\r?\n/)
          .map((o) => o.trim())
          .filter((o) => o !== ''),
        authorisedBy: text(body, 'authorisedBy'),
      }
    case 'no-further-action':
      return {
        type,
        suspectId,
        decidedAt: at,
        decidedBy: text(body, 'decidedBy'),
        basis: text(body, 'basis'),
        rationale: text(body, 'rationale'),
      }
    case 'cps-decision': {
      const considered = text(body, 'victimStatusConsidered')
      if (considered !== 'yes' && considered !== 'no')
        refuse('victimStatusConsidered', 'Select whether the CPS considered whether the suspect might be a victim')
      return {
        type,
        suspectId,
        decidedAt: at,
        decision: text(body, 'decision'),
        reference: text(body, 'reference').trim() || null,
        victimStatusConsidered: considered === 'yes',
      }
    }
    case 'court-result':
      return {
        type,
        suspectId,
        date: at,
        court: text(body, 'court'),
        offence: text(body, 'offence'),
        result: text(body, 'result'),
      }
    case 'sentence': {
      const months = text(body, 'custodialMonths').trim()
      if (months !== '' && !/^\d+$/.test(months))
        refuse('custodialMonths', 'Enter the length as a whole number of months')
      return {
        type,
        suspectId,
        date: at,
        offence: text(body, 'offence'),
        disposal: text(body, 'disposal'),
        custodialMonths: months === '' ? null : Number(months),
        ancillaryOrders: list(body, 'ancillaryOrders'),
      }
    }
  }
}

export async function investigationOutcomeRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { id: string } }>(
    '/investigations/:id/outcomes',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      return render(request, reply, 'investigations/outcomes.njk', {
        pageTitle: 'Outcomes',
        v,
        rows: v.outcomes.map((o) => ({
          type: outcomeTypeLabels[o.outcome.type],
          at: o.row.occurredAt,
          suspect:
            v.links.find((l) => l.link.id === o.row.suspectLinkId)?.entity.display ?? 'A suspect no longer linked',
          text: describe(o.outcome),
        })),
        types: typeKeys.map((t) => ({ value: t, text: outcomeTypeLabels[t] })),
        hasSuspects: v.links.some((l) => l.link.role === 'suspect'),
        canRecord: can(request.ctx().actor, 'investigation:update'),
      })
    },
  )

  sectionForm(app, deps, {
    path: '/investigations/:id/outcomes/:type',
    access: 'investigation:update',
    page: (v, request) => {
      const type = (request.params.type ?? '') as OutcomeType
      if (!typeKeys.includes(type)) refuse('form', 'There is no such kind of outcome.')
      if (!v.links.some((l) => l.link.role === 'suspect')) refuse('form', 'Link a suspect first.')
      return {
        pageTitle: `Record: ${outcomeTypeLabels[type].toLowerCase()}`,
        heading: `Record: ${outcomeTypeLabels[type].toLowerCase()}`,
        fields: fieldsFor(type, v),
        submitText: 'Record',
        cancelHref: `/investigations/${v.row.id}/outcomes`,
      }
    },
    submit: async (v, body, request) => {
      const type = (request.params.type ?? '') as OutcomeType
      await recordOutcome(deps, request.ctx(), v.row.id, version(body), inputOf(type, body, isoDateOf(v.now)))
      const stage = type === 'charge' ? 'charge' : type === 'court-result' ? 'conviction' : null
      return {
        redirect: stage
          ? `/investigations/${v.row.id}/orders-considered?stage=${stage}`
          : `/investigations/${v.row.id}/outcomes`,
        flash:
          stage === 'charge'
            ? 'Charge recorded. Now record whether a prevention or risk order was considered at charge.'
            : stage === 'conviction'
              ? 'Court result recorded. If it is a conviction, record whether a prevention order was considered.'
              : `${outcomeTypeLabels[type]} recorded`,
      }
    },
  })
}
