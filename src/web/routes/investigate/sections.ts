import type { FastifyInstance } from 'fastify'
import type { ActionRow, LineOfEnquiryRow } from '../../../db/repositories/investigations.js'
import { can } from '../../../domain/access/policy.js'
import { VictimContactStatus, victimContactStatuses } from '../../../domain/investigation/closure.js'
import { isoDateOf } from '../../../domain/investigation/dates.js'
import {
  checklistProgress,
  EVIDENCE_CHECKLIST,
  EVIDENCE_CHECKLIST_SOURCE,
  type EvidenceCategoryId,
  evidenceItemStatuses,
} from '../../../domain/investigation/evidence-checklist.js'
import { TYPOLOGY } from '../../../domain/investigation/typology.js'
import { type ExploitationType, exploitationTypeLabels, exploitationTypes } from '../../../domain/shared/vocabulary.js'
import { refuse } from '../../../services/investigate/errors.js'
import {
  addAction,
  addLine,
  addVictimContact,
  changeOfficerInCharge,
  classify,
  closeLine,
  completeActionOf,
  formOptions,
  updateEvidence,
} from '../../../services/investigate/investigations.js'
import type { AppDeps } from '../../app.js'
import { escapeHtml } from '../../html.js'
import { render } from '../../render.js'
import { dateOf, dateTimeOf, type Field, list, text, version } from './form-kit.js'
import { contactMethodLabels, interpreterLabels, itemsOf, victimContactLabels } from './labels.js'
import { sectionForm } from './section-form.js'
import { loadInvestigation } from './show.js'

const evidenceStatusLabels: Record<(typeof evidenceItemStatuses)[number], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  'not-applicable': 'Does not apply',
}

export async function investigationSectionRoutes(app: FastifyInstance, deps: AppDeps) {
  const back = (id: string) => `/investigations/${id}`

  sectionForm(app, deps, {
    path: '/investigations/:id/types',
    access: 'investigation:update',
    page: (v) => ({
      pageTitle: 'Exploitation types and typology',
      heading: 'Exploitation types and typology',
      fields: [
        {
          kind: 'checkboxes',
          name: 'types',
          label: 'Types of exploitation',
          hint: 'The National Referral Mechanism categories. Select all that apply.',
          items: exploitationTypes.map((t) => ({ value: t, text: exploitationTypeLabels[t] })),
        },
        {
          kind: 'radios',
          name: 'countyLines',
          label: 'Is it county lines?',
          classes: 'govuk-radios--inline',
          items: [
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ],
        },
        {
          kind: 'checkboxes',
          name: 'typology',
          label: 'Home Office typology sub-types (optional)',
          hint: 'A typology of modern slavery offences in the UK (Home Office, 2017). The names are partly UNCONFIRMED; choose only sub-types of the types selected above.',
          items: TYPOLOGY.map((t) => ({
            value: t.id,
            text: `${t.name}${t.confidence === 'UNCONFIRMED' ? ' (name UNCONFIRMED)' : ''}`,
            hint: `${exploitationTypeLabels[t.group]}. ${t.description}`,
          })),
        },
      ],
      submitText: 'Save',
      cancelHref: back(v.row.id),
    }),
    values: (v) => ({
      types: v.row.exploitationTypes,
      countyLines: v.row.countyLines ? 'yes' : 'no',
      typology: v.row.typologyIds,
    }),
    submit: async (v, body, request) => {
      const types = list(body, 'types').filter((t): t is ExploitationType =>
        (exploitationTypes as readonly string[]).includes(t),
      )
      const county = text(body, 'countyLines')
      if (county !== 'yes' && county !== 'no') refuse('countyLines', 'Select yes if it is county lines')
      await classify(deps, request.ctx(), v.row.id, version(body), {
        types,
        countyLines: county === 'yes',
        typologyIds: list(body, 'typology'),
      })
      return { redirect: back(v.row.id), flash: 'Exploitation types saved' }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/officer',
    access: 'investigation:update',
    page: async (v, request) => {
      const { investigators } = await formOptions(deps, request.ctx())
      return {
        pageTitle: 'Officer in charge',
        fields: [
          {
            kind: 'select',
            name: 'officerInCharge',
            label: 'Who is the officer in charge?',
            pageHeading: true,
            hint: 'An investigator of your force',
            items: investigators.map((i) => ({ value: i.id, text: i.displayName })),
          },
        ],
        submitText: 'Save',
        cancelHref: back(v.row.id),
      }
    },
    values: (v) => ({ officerInCharge: v.row.officerInChargeUserId }),
    submit: async (v, body, request) => {
      await changeOfficerInCharge(deps, request.ctx(), v.row.id, version(body), text(body, 'officerInCharge'))
      return { redirect: back(v.row.id), flash: 'Officer in charge changed' }
    },
  })

  const lineStatus = (l: LineOfEnquiryRow) =>
    ({ open: 'Open', completed: 'Completed', discounted: 'Discounted' })[l.status]

  sectionForm(app, deps, {
    path: '/investigations/:id/plan',
    access: 'investigation:update',
    page: (v) => ({
      pageTitle: 'Investigation plan',
      heading: 'Investigation plan: lines of enquiry',
      listTemplate: 'investigations/_plan.njk',
      listData: {
        id: v.row.id,
        lines: v.plan.map((l) => ({ ...l, statusText: lineStatus(l) })),
        closed: v.row.status === 'closed',
      },
      formHeading: 'Add a line of enquiry',
      fields: [
        {
          kind: 'input',
          name: 'title',
          label: 'Line of enquiry',
          hint: 'For example, trace the money from the car wash to the suspects’ accounts',
        },
        { kind: 'textarea', name: 'rationale', label: 'Why (optional)', rows: 3 },
      ],
      submitText: 'Add the line of enquiry',
      cancelHref: back(v.row.id),
    }),
    submit: async (v, body, request) => {
      await addLine(deps, request.ctx(), v.row.id, version(body), {
        title: text(body, 'title'),
        rationale: text(body, 'rationale') || null,
      })
      return { redirect: `${back(v.row.id)}/plan`, flash: 'Line of enquiry added' }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/plan/:lineId',
    access: 'investigation:update',
    page: (v, request) => {
      const line = v.plan.find((l) => l.id === (request.params.lineId ?? ''))
      if (line?.status !== 'open') refuse('form', 'This line of enquiry is not open.')
      return {
        pageTitle: 'Close a line of enquiry',
        heading: line.title,
        fields: [
          {
            kind: 'radios',
            name: 'status',
            label: 'What happened to this line of enquiry?',
            items: [
              { value: 'completed', text: 'Completed' },
              { value: 'discounted', text: 'Discounted' },
            ],
          },
          { kind: 'textarea', name: 'outcome', label: 'What it found, or why it was discounted', rows: 4 },
        ],
        submitText: 'Save',
        cancelHref: `${back(v.row.id)}/plan`,
      }
    },
    submit: async (v, body, request) => {
      const status = text(body, 'status')
      if (status !== 'completed' && status !== 'discounted')
        refuse('status', 'Select whether the line was completed or discounted')
      await closeLine(deps, request.ctx(), v.row.id, version(body), request.params.lineId ?? '', {
        status,
        outcome: text(body, 'outcome'),
      })
      return { redirect: `${back(v.row.id)}/plan`, flash: 'Line of enquiry updated' }
    },
  })

  const actionRow = (a: { action: ActionRow; ownerName: string }, today: string) => ({
    ...a.action,
    ownerName: a.ownerName,
    overdue: a.action.status === 'open' && a.action.dueOn < today,
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/actions',
    access: 'investigation:update',
    page: async (v, request) => {
      const { officers } = await formOptions(deps, request.ctx())
      const today = isoDateOf(v.now)
      return {
        pageTitle: 'Actions',
        heading: 'Actions',
        listTemplate: 'investigations/_actions.njk',
        listData: {
          id: v.row.id,
          actions: v.actions.map((a) => actionRow(a, today)),
          closed: v.row.status === 'closed',
        },
        formHeading: 'Set an action',
        fields: [
          { kind: 'textarea', name: 'description', label: 'What needs doing', rows: 3 },
          {
            kind: 'select',
            name: 'owner',
            label: 'Who owns it',
            items: officers.map((o) => ({ value: o.id, text: o.displayName })),
          },
          { kind: 'date', name: 'dueOn', label: 'Due by' },
        ],
        submitText: 'Set the action',
        cancelHref: back(v.row.id),
      }
    },
    submit: async (v, body, request) => {
      const due = dateOf(body, 'dueOn', 'the date the action is due')
      if (!due.ok) refuse('dueOn', due.message)
      await addAction(deps, request.ctx(), v.row.id, version(body), {
        description: text(body, 'description'),
        ownerUserId: text(body, 'owner'),
        dueOn: due.value ?? '',
      })
      return { redirect: `${back(v.row.id)}/actions`, flash: 'Action set' }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/actions/:actionId',
    access: 'investigation:update',
    page: (v, request) => {
      const found = v.actions.find((a) => a.action.id === (request.params.actionId ?? ''))
      if (found?.action.status !== 'open') refuse('form', 'This action is not open.')
      return {
        pageTitle: 'Mark an action done',
        heading: 'Mark the action done',
        introHtml: `<p class="govuk-body">${escapeHtml(found.action.description)}</p>`,
        fields: [{ kind: 'textarea', name: 'result', label: 'What was the result?', rows: 4 }],
        submitText: 'Mark as done',
        cancelHref: `${back(v.row.id)}/actions`,
      }
    },
    submit: async (v, body, request) => {
      await completeActionOf(
        deps,
        request.ctx(),
        v.row.id,
        version(body),
        request.params.actionId ?? '',
        text(body, 'result'),
      )
      return { redirect: `${back(v.row.id)}/actions`, flash: 'Action marked as done' }
    },
  })

  app.get<{ Params: { id: string } }>(
    '/investigations/:id/evidence',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      const states = v.row.evidence
      return render(request, reply, 'investigations/evidence.njk', {
        pageTitle: 'Evidence that does not rest on the victim',
        v,
        source: EVIDENCE_CHECKLIST_SOURCE,
        progress: checklistProgress(states.map((s) => ({ itemId: s.itemId, status: s.status, note: s.note }))),
        categories: EVIDENCE_CHECKLIST.map((c) => ({
          ...c,
          items: c.items.map((i) => {
            const s = states.find((x) => x.itemId === i.id)
            return {
              ...i,
              status: s?.status ?? 'not-started',
              statusText: evidenceStatusLabels[s?.status ?? 'not-started'],
              note: s?.note ?? null,
            }
          }),
        })),
      })
    },
  )

  sectionForm(app, deps, {
    path: '/investigations/:id/evidence/:category',
    access: 'investigation:update',
    page: (v, request) => {
      const category = EVIDENCE_CHECKLIST.find((c) => c.id === (request.params.category ?? ''))
      if (!category) refuse('form', 'There is no such part of the evidence checklist.')
      const fields: Field[] = category.items.flatMap((item): Field[] => [
        {
          kind: 'radios',
          name: `status-${item.id}`,
          label: item.text,
          classes: 'govuk-radios--small',
          items: evidenceItemStatuses.map((s) => ({ value: s, text: evidenceStatusLabels[s] })),
        },
        { kind: 'input', name: `note-${item.id}`, label: 'Note (needed if it does not apply)' },
      ])
      return {
        pageTitle: category.title,
        heading: category.title,
        introHtml: `<p class="govuk-body">${escapeHtml(category.why)}</p>`,
        fields,
        submitText: 'Save',
        cancelHref: `${back(v.row.id)}/evidence`,
      }
    },
    values: (v, request) => {
      const category = EVIDENCE_CHECKLIST.find((c) => c.id === (request.params.category ?? ''))
      const values: Record<string, unknown> = {}
      for (const item of category?.items ?? []) {
        const s = v.row.evidence.find((e) => e.itemId === item.id)
        values[`status-${item.id}`] = s?.status ?? 'not-started'
        values[`note-${item.id}`] = s?.note ?? ''
      }
      return values
    },
    submit: async (v, body, request) => {
      const categoryId = (request.params.category ?? '') as EvidenceCategoryId
      const category = EVIDENCE_CHECKLIST.find((c) => c.id === categoryId)
      if (!category) refuse('form', 'There is no such part of the evidence checklist.')
      await updateEvidence(
        deps,
        request.ctx(),
        v.row.id,
        version(body),
        categoryId,
        category.items.map((i) => ({
          itemId: i.id,
          status: text(body, `status-${i.id}`) || 'not-started',
          note: text(body, `note-${i.id}`) || null,
        })),
      )
      return { redirect: `${back(v.row.id)}/evidence`, flash: `${category.title} saved` }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/victim-contact',
    access: 'investigation:update',
    page: (v) => {
      const victims = v.links.filter((l) => l.link.role === 'victim')
      return {
        pageTitle: 'Victim contact',
        heading: 'Victim contact',
        listTemplate: 'investigations/_contacts.njk',
        listData: {
          contacts: v.contacts.map((c) => ({
            ...c.contact,
            recordedByName: c.recordedByName,
            engagementText: victimContactLabels[c.contact.engagement],
            methodText: contactMethodLabels[c.contact.method],
            interpreterText: interpreterLabels[c.contact.interpreter],
            victim: victims.find((x) => x.link.id === c.contact.victimLinkId)?.entity.display ?? null,
          })),
        },
        formHeading: 'Record contact with the victim',
        fields: [
          ...(victims.length > 0
            ? [
                {
                  kind: 'select' as const,
                  name: 'victim',
                  label: 'Which victim (optional)',
                  items: victims.map((x) => ({ value: x.link.id, text: x.entity.display })),
                },
              ]
            : []),
          { kind: 'date', name: 'contactedAt', label: 'Date of the contact' },
          {
            kind: 'input',
            name: 'contactedAt-time',
            label: 'Time',
            hint: 'Use the 24-hour clock, for example 14:30',
            classes: 'govuk-input--width-5',
          },
          { kind: 'radios', name: 'method', label: 'How', items: itemsOf(contactMethodLabels) },
          {
            kind: 'radios',
            name: 'engagement',
            label: 'How is the victim engaging with the investigation?',
            items: victimContactStatuses
              .filter((s) => s !== 'no-identified-victim')
              .map((s) => ({ value: s, text: victimContactLabels[s] })),
          },
          {
            kind: 'input',
            name: 'supportWorker',
            label: 'Support worker (optional)',
            hint: 'Name and organisation, for example a Victim Care Contract worker',
          },
          { kind: 'radios', name: 'interpreter', label: 'Interpreter', items: itemsOf(interpreterLabels) },
          { kind: 'input', name: 'interpreterLanguage', label: 'Language interpreted (if an interpreter was used)' },
          {
            kind: 'textarea',
            name: 'needs',
            label: 'Needs and support (optional)',
            hint: 'Safety, accommodation, health, legal advice, money, contact preferences',
            rows: 3,
          },
          { kind: 'textarea', name: 'notes', label: 'Notes (optional)', rows: 3 },
        ],
        submitText: 'Record the contact',
        cancelHref: back(v.row.id),
      }
    },
    submit: async (v, body, request) => {
      const when = dateTimeOf(body, 'contactedAt', 'the date of the contact')
      if (!when.ok) refuse(when.field, when.message)
      const method = text(body, 'method')
      if (!(method in contactMethodLabels)) refuse('method', 'Select how the contact was made')
      const engagement = VictimContactStatus.safeParse(text(body, 'engagement'))
      if (!engagement.success) refuse('engagement', 'Select how the victim is engaging')
      const interpreter = text(body, 'interpreter')
      if (!(interpreter in interpreterLabels)) refuse('interpreter', 'Select whether an interpreter was used')
      await addVictimContact(deps, request.ctx(), v.row.id, version(body), {
        contactedAt: when.value,
        method: method as keyof typeof contactMethodLabels,
        engagement: engagement.data,
        victimLinkId: text(body, 'victim') || null,
        supportWorker: text(body, 'supportWorker') || null,
        interpreter: interpreter as keyof typeof interpreterLabels,
        interpreterLanguage: text(body, 'interpreterLanguage') || null,
        needs: text(body, 'needs') || null,
        notes: text(body, 'notes') || null,
      })
      return { redirect: `${back(v.row.id)}/victim-contact`, flash: 'Contact recorded' }
    },
  })

  app.get<{ Params: { id: string } }>(
    '/investigations/:id/reviews',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      return render(request, reply, 'investigations/reviews.njk', {
        pageTitle: 'Supervisory reviews',
        v,
        canReview: v.allowed.includes('start-review') && can(request.ctx().actor, 'investigation:review'),
      })
    },
  )
}
