import type { FastifyInstance } from 'fastify'
import { can } from '../../../domain/access/policy.js'
import {
  type EntityKind,
  type EntityLinkRole,
  entityKindLabels,
  entityKinds,
} from '../../../domain/entities/entity-kind.js'
import type { EntityInput } from '../../../domain/entities/normalise-entity.js'
import { type OnlinePlatform, onlinePlatformLabels, onlinePlatforms } from '../../../domain/entities/online-handle.js'
import { suspectPursuits } from '../../../domain/investigation/closure.js'
import {
  addToInvestigation,
  entityLinkRoleLabels,
  setSuspectPursuit,
  unlinkFromInvestigation,
} from '../../../services/entities/entities.js'
import { refuse } from '../../../services/investigate/errors.js'
import type { InvestigationView } from '../../../services/investigate/investigations.js'
import type { AppDeps } from '../../app.js'
import { escapeHtml } from '../../html.js'
import { render } from '../../render.js'
import { dateOf, type Field, renderForm, text, version } from './form-kit.js'
import { pursuitLabels } from './labels.js'
import { sectionForm } from './section-form.js'
import { loadInvestigation } from './show.js'

const PEOPLE_ROLES: EntityLinkRole[] = ['victim', 'suspect', 'witness', 'associate', 'other']
const THING_ROLES: EntityLinkRole[] = [
  'exploitation-location',
  'residence',
  'workplace',
  'used-by-suspect',
  'used-by-victim',
  'advertised',
  'other',
]

const kindHints: Record<EntityKind, string> = {
  person: 'Victim, suspect, witness or associate',
  phone: 'Matched in international form (E.164), so 07… and +44 7… are the same number',
  address: 'Matched on the postcode and the first lines',
  vehicle: 'Matched on the registration without spaces',
  'bank-account': 'Sort code and account number, or an IBAN',
  'online-handle': 'A username on a platform',
  business: 'Matched on the name without “Ltd” and similar',
  email: 'Matched in lower case',
}

function rolesFor(kind: EntityKind) {
  return kind === 'person' ? PEOPLE_ROLES : THING_ROLES
}

function kindOf(param: string | undefined): EntityKind {
  if (!param || !(entityKinds as readonly string[]).includes(param)) refuse('form', 'There is no such kind of record.')
  return param as EntityKind
}

function identifierFields(kind: EntityKind): Field[] {
  switch (kind) {
    case 'person':
      return [
        {
          kind: 'input',
          name: 'name',
          label: 'Name',
          hint: 'As the person gives it, or a description if the name is not known',
          spellcheck: false,
        },
        { kind: 'date', name: 'dateOfBirth', label: 'Date of birth (optional)', hint: 'For example, 3 7 1994' },
        {
          kind: 'checkboxes',
          name: 'unidentified',
          label: 'Identification',
          items: [{ value: 'yes', text: 'Not yet identified: this is a description, not a name' }],
        },
      ]
    case 'phone':
      return [
        {
          kind: 'input',
          name: 'value',
          label: 'Phone number',
          inputmode: 'tel',
          spellcheck: false,
          classes: 'govuk-input--width-20',
        },
        {
          kind: 'input',
          name: 'region',
          label: 'Country, if the number has no country code and is not a UK number (optional)',
          hint: 'Two-letter code, for example RO for Romania',
          classes: 'govuk-input--width-3',
          spellcheck: false,
        },
      ]
    case 'address':
      return [
        { kind: 'input', name: 'line1', label: 'Address line 1' },
        { kind: 'input', name: 'line2', label: 'Address line 2 (optional)' },
        { kind: 'input', name: 'town', label: 'Town or city', classes: 'govuk-!-width-two-thirds' },
        { kind: 'input', name: 'postcode', label: 'Postcode', classes: 'govuk-input--width-10', spellcheck: false },
      ]
    case 'vehicle':
      return [
        {
          kind: 'input',
          name: 'value',
          label: 'Registration number',
          classes: 'govuk-input--width-10',
          spellcheck: false,
        },
      ]
    case 'bank-account':
      return [
        { kind: 'input', name: 'sortCode', label: 'Sort code', classes: 'govuk-input--width-5', inputmode: 'numeric' },
        {
          kind: 'input',
          name: 'accountNumber',
          label: 'Account number',
          classes: 'govuk-input--width-10',
          inputmode: 'numeric',
        },
        { kind: 'input', name: 'iban', label: 'Or an IBAN (for an account outside the UK)', spellcheck: false },
      ]
    case 'online-handle':
      return [
        {
          kind: 'select',
          name: 'platform',
          label: 'Platform',
          items: onlinePlatforms.map((p) => ({ value: p, text: onlinePlatformLabels[p] })),
        },
        { kind: 'input', name: 'value', label: 'Username or profile address', spellcheck: false },
      ]
    case 'business':
      return [
        { kind: 'input', name: 'name', label: 'Business name' },
        {
          kind: 'input',
          name: 'companyNumber',
          label: 'Companies House number (optional)',
          classes: 'govuk-input--width-10',
          spellcheck: false,
        },
      ]
    case 'email':
      return [
        {
          kind: 'input',
          name: 'value',
          label: 'Email address',
          spellcheck: false,
          classes: 'govuk-!-width-two-thirds',
        },
      ]
  }
}

function entityInputOf(kind: EntityKind, body: Record<string, unknown>): EntityInput {
  switch (kind) {
    case 'person': {
      const dob = dateOf(body, 'dateOfBirth', 'the date of birth', { required: false })
      if (!dob.ok) refuse('dateOfBirth', dob.message)
      return { kind, name: text(body, 'name'), dateOfBirth: dob.value }
    }
    case 'phone': {
      const region = text(body, 'region').trim()
      if (region !== '' && !/^[a-z]{2}$/i.test(region))
        refuse('region', 'Enter the country as a two-letter code, for example RO')
      return { kind, value: text(body, 'value'), ...(region ? { defaultRegion: region.toUpperCase() } : {}) }
    }
    case 'address':
      return {
        kind,
        lines: [text(body, 'line1'), text(body, 'line2'), text(body, 'town')],
        postcode: text(body, 'postcode'),
      }
    case 'vehicle':
    case 'email':
      return { kind, value: text(body, 'value') }
    case 'bank-account':
      return {
        kind,
        sortCode: text(body, 'sortCode'),
        accountNumber: text(body, 'accountNumber'),
        iban: text(body, 'iban'),
      }
    case 'online-handle': {
      const platform = text(body, 'platform')
      if (!(onlinePlatforms as readonly string[]).includes(platform)) refuse('platform', 'Choose the platform')
      return { kind, platform: platform as OnlinePlatform, value: text(body, 'value') }
    }
    case 'business':
      return { kind, name: text(body, 'name'), companyNumber: text(body, 'companyNumber') || null }
  }
}

/** The first field of each kind carries the identifier's errors. */
const valueField: Record<EntityKind, string> = {
  person: 'name',
  phone: 'value',
  address: 'line1',
  vehicle: 'value',
  'bank-account': 'sortCode',
  'online-handle': 'value',
  business: 'name',
  email: 'value',
}

function grouped(v: InvestigationView) {
  const roles = [...new Set(v.links.map((l) => l.link.role))]
  return roles.map((role) => ({
    role: entityLinkRoleLabels[role],
    items: v.links
      .filter((l) => l.link.role === role)
      .map((l) => ({
        id: l.link.id,
        kind: entityKindLabels[l.entity.kind],
        display: l.entity.display,
        problems: l.entity.problems,
        pursuit: l.link.role === 'suspect' ? pursuitLabels[l.link.pursuit ?? 'not-pursued'] : null,
        unidentified: l.link.role === 'suspect' && l.link.identified === false,
        others: v.network.filter((n) => n.entityId === l.entity.id),
      })),
  }))
}

export async function investigationPeopleRoutes(app: FastifyInstance, deps: AppDeps) {
  const base = (id: string) => `/investigations/${id}/people`

  app.get<{ Params: { id: string } }>(
    '/investigations/:id/people',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      return render(request, reply, 'investigations/people.njk', {
        pageTitle: 'Victims, suspects, witnesses, places and things',
        v,
        groups: grouped(v),
        canChange: can(request.ctx().actor, 'investigation:update') && v.row.status !== 'closed',
      })
    },
  )

  // Step 1: what kind of record (a GET form: nothing is saved).
  app.get<{ Params: { id: string }; Querystring: { role?: string } }>(
    '/investigations/:id/people/add',
    { config: { access: 'investigation:update' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      return renderForm(
        request,
        reply,
        {
          pageTitle: 'What do you want to add?',
          caption: `Investigation ${v.row.reference}`,
          method: 'get',
          action: `${base(v.row.id)}/add/kind`,
          fields: [
            {
              kind: 'radios',
              name: 'kind',
              label: 'What do you want to add?',
              pageHeading: true,
              items: entityKinds.map((k) => ({ value: k, text: entityKindLabels[k], hint: kindHints[k] })),
            },
          ],
          hidden: request.query.role ? { role: request.query.role } : {},
          submitText: 'Continue',
          cancelHref: base(v.row.id),
        },
        { kind: request.query.role ? 'person' : undefined },
      )
    },
  )

  app.get<{ Params: { id: string }; Querystring: { kind?: string; role?: string } }>(
    '/investigations/:id/people/add/kind',
    { config: { access: 'investigation:update' } },
    async (request, reply) => {
      const kind = request.query.kind
      if (!kind || !(entityKinds as readonly string[]).includes(kind)) {
        const v = await loadInvestigation(deps, request, reply)
        if (!v) return reply
        return renderForm(
          request,
          reply,
          {
            pageTitle: 'What do you want to add?',
            caption: `Investigation ${v.row.reference}`,
            method: 'get',
            action: `${base(v.row.id)}/add/kind`,
            fields: [
              {
                kind: 'radios',
                name: 'kind',
                label: 'What do you want to add?',
                pageHeading: true,
                items: entityKinds.map((k) => ({ value: k, text: entityKindLabels[k], hint: kindHints[k] })),
              },
            ],
            submitText: 'Continue',
            cancelHref: base(v.row.id),
          },
          {},
          {
            errors: [{ text: 'Select what you want to add', href: '#kind' }],
            fieldErrors: { kind: { text: 'Select what you want to add' } },
          },
        )
      }
      const role = request.query.role ? `?role=${encodeURIComponent(request.query.role)}` : ''
      return reply.redirect(`${base(request.params.id)}/add/${kind}${role}`)
    },
  )

  sectionForm(app, deps, {
    path: '/investigations/:id/people/add/:kind',
    access: 'investigation:update',
    page: (v, request) => {
      const kind = kindOf(request.params.kind ?? '')
      const checking = request.method === 'POST'
      return {
        pageTitle: `Add a ${entityKindLabels[kind].toLowerCase()}`,
        heading: `Add a ${entityKindLabels[kind].toLowerCase()}`,
        fields: [
          ...identifierFields(kind),
          {
            kind: 'radios',
            name: 'role',
            label: kind === 'person' ? 'Their part in the investigation' : 'Its part in the investigation',
            items: rolesFor(kind).map((r) => ({ value: r, text: entityLinkRoleLabels[r] })),
          },
          { kind: 'textarea', name: 'notes', label: 'Notes (optional)', rows: 3 },
          ...(checking
            ? [
                {
                  kind: 'checkboxes' as const,
                  name: 'saveAnyway',
                  label: 'If Lantern says the identifier looks wrong',
                  items: [{ value: 'yes', text: 'I have checked it: save it as recorded' }],
                },
              ]
            : []),
        ],
        submitText: 'Add',
        cancelHref: base(v.row.id),
      }
    },
    values: (_v, request) => ({ role: (request.query as { role?: string }).role }),
    submit: async (v, body, request) => {
      const kind = kindOf(request.params.kind ?? '')
      const role = text(body, 'role') as EntityLinkRole
      if (!rolesFor(kind).includes(role))
        refuse(
          'role',
          kind === 'person' ? 'Select their part in the investigation' : 'Select its part in the investigation',
        )
      try {
        const { entity } = await addToInvestigation(deps, request.ctx(), v.row.id, version(body), {
          role,
          entity: entityInputOf(kind, body),
          notes: text(body, 'notes') || null,
          unidentified: text(body, 'unidentified') === 'yes',
          saveAnyway: text(body, 'saveAnyway') === 'yes',
        })
        return {
          redirect: base(v.row.id),
          flash: `${entity.display} added as ${entityLinkRoleLabels[role].toLowerCase()}`,
        }
      } catch (e) {
        // The identifier's problems belong to its first field.
        if (e instanceof Error && 'issues' in e) {
          const issues = (e as { issues: { field: string; message: string }[] }).issues
          for (const i of issues) if (i.field === 'value') i.field = valueField[kind]
        }
        throw e
      }
    },
  })

  app.get<{ Params: { id: string; linkId: string } }>(
    '/investigations/:id/people/:linkId',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const v = await loadInvestigation(deps, request, reply)
      if (!v) return reply
      const found = v.links.find((l) => l.link.id === request.params.linkId)
      if (!found) return reply.callNotFound()
      const canChange = can(request.ctx().actor, 'investigation:update') && v.row.status !== 'closed'
      return render(request, reply, 'investigations/person.njk', {
        pageTitle: found.entity.display,
        v,
        link: found.link,
        entity: found.entity,
        kind: entityKindLabels[found.entity.kind],
        role: entityLinkRoleLabels[found.link.role],
        pursuit: found.link.role === 'suspect' ? pursuitLabels[found.link.pursuit ?? 'not-pursued'] : null,
        others: v.network.filter((n) => n.entityId === found.entity.id),
        canChange,
      })
    },
  )

  sectionForm(app, deps, {
    path: '/investigations/:id/people/:linkId/pursuit',
    access: 'investigation:update',
    page: (v, request) => {
      const found = v.links.find((l) => l.link.id === (request.params.linkId ?? ''))
      if (found?.link.role !== 'suspect') refuse('form', 'Only a suspect is pursued.')
      return {
        pageTitle: 'How is the suspect being pursued?',
        caption: found.entity.display,
        fields: [
          {
            kind: 'radios',
            name: 'pursuit',
            label: 'How is the suspect being pursued?',
            pageHeading: true,
            hint: 'A suspect identified but not pursued holds any closure for the force lead’s review',
            items: suspectPursuits.map((p) => ({ value: p, text: pursuitLabels[p] })),
          },
          {
            kind: 'radios',
            name: 'identified',
            label: 'Is the suspect identified?',
            classes: 'govuk-radios--inline',
            items: [
              { value: 'yes', text: 'Yes' },
              { value: 'no', text: 'No' },
            ],
          },
        ],
        submitText: 'Save',
        cancelHref: `${base(v.row.id)}/${found.link.id}`,
      }
    },
    values: (v, request) => {
      const found = v.links.find((l) => l.link.id === (request.params.linkId ?? ''))
      return { pursuit: found?.link.pursuit, identified: found?.link.identified === false ? 'no' : 'yes' }
    },
    submit: async (v, body, request) => {
      const pursuit = text(body, 'pursuit')
      if (!(suspectPursuits as readonly string[]).includes(pursuit))
        refuse('pursuit', 'Select how the suspect is being pursued')
      const identified = text(body, 'identified')
      if (identified !== 'yes' && identified !== 'no') refuse('identified', 'Select whether the suspect is identified')
      const linkId = request.params.linkId ?? ''
      await setSuspectPursuit(deps, request.ctx(), v.row.id, version(body), linkId, {
        pursuit: pursuit as (typeof suspectPursuits)[number],
        identified: identified === 'yes',
      })
      return { redirect: `${base(v.row.id)}/${linkId}`, flash: 'Saved' }
    },
  })

  sectionForm(app, deps, {
    path: '/investigations/:id/people/:linkId/remove',
    access: 'investigation:update',
    page: (v, request) => {
      const found = v.links.find((l) => l.link.id === (request.params.linkId ?? ''))
      if (!found) refuse('form', 'This record is not linked to the investigation.')
      return {
        pageTitle: 'Remove from the investigation',
        caption: found.entity.display,
        introHtml: `<p class="govuk-body">${escapeHtml(found.entity.display)} will no longer be linked as ${escapeHtml(entityLinkRoleLabels[found.link.role].toLowerCase())}. The record and its history are kept.</p>`,
        fields: [{ kind: 'textarea', name: 'reason', label: 'Why are you removing it?', pageHeading: true, rows: 3 }],
        submitText: 'Remove',
        cancelHref: `${base(v.row.id)}/${found.link.id}`,
      }
    },
    submit: async (v, body, request) => {
      await unlinkFromInvestigation(
        deps,
        request.ctx(),
        v.row.id,
        version(body),
        request.params.linkId ?? '',
        text(body, 'reason'),
      )
      return { redirect: base(v.row.id), flash: 'Removed from the investigation' }
    },
  })
}
