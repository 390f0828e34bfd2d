import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NrmStatus, nrmStatuses } from '../../../domain/s45/cps-note.js'
import {
  CUSTODY_LIST_DAYS,
  CustodyPersonNotFound,
  custodyList,
  custodyPerson,
  prepareCustodyNote,
  readCustodyNote,
} from '../../../services/custody/custody.js'
import { Refused } from '../../../services/investigate/errors.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'
import { placeTypeLabels, roleLabels } from '../identify/labels.js'
import { dateOf, errorsOf, type FormPage, renderForm, text } from '../investigate/form-kit.js'

const Id = z.uuid()

export const nrmStatusLabels: Record<NrmStatus, string> = {
  'not-yet-referred': 'Not yet referred',
  'referred-awaiting-decision': 'Referred; waiting for a Reasonable Grounds decision',
  'positive-reasonable-grounds': 'Positive Reasonable Grounds decision',
  'negative-reasonable-grounds': 'Negative Reasonable Grounds decision',
  'positive-conclusive-grounds': 'Positive Conclusive Grounds decision',
  'negative-conclusive-grounds': 'Negative Conclusive Grounds decision',
  'declined-consent-duty-to-notify-made': 'Adult declined consent; Duty to Notify report made',
}

function ageText(person: { age?: number; ageBand?: string; ageDisputed?: boolean }) {
  if (person.age !== undefined) return `${person.age}${person.ageDisputed ? ' (disputed)' : ''}`
  if (person.ageBand === 'child') return 'Appears under 18'
  if (person.ageBand === 'adult') return 'Appears 18 or over'
  return 'Not known'
}

async function withPerson<T>(
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  fn: (id: string) => Promise<T>,
) {
  const id = Id.safeParse(request.params.id)
  if (!id.success) return reply.callNotFound()
  try {
    return await fn(id.data)
  } catch (e) {
    if (e instanceof CustodyPersonNotFound) return reply.callNotFound()
    throw e
  }
}

/**
 * Custody (issue 6 §4): people in custody, or suspects and arrested people, with signs of modern slavery carry a
 * visible s45 flag, and a note for the CPS file can be prepared and printed for each.
 */
export async function custodyRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/custody', { config: { access: 'custody:view' } }, async (request, reply) => {
    const rows = await custodyList(deps, request.ctx())
    return render(request, reply, 'custody/list.njk', {
      pageTitle: 'Custody',
      days: CUSTODY_LIST_DAYS,
      rows: rows.map((r) => ({
        ...r,
        place: r.placeType
          ? (placeTypeLabels[r.placeType as keyof typeof placeTypeLabels] ?? r.placeType)
          : 'Not given',
        role: r.person.role ? roleLabels[r.person.role] : 'Not given',
        age: ageText(r.person),
        nrm: nrmStatusLabels[r.nrmStatus],
      })),
    })
  })

  app.get<{ Params: { id: string } }>('/custody/:id', { config: { access: 'custody:view' } }, async (request, reply) =>
    withPerson(request, reply, async (id) => {
      const p = await custodyPerson(deps, request.ctx(), id)
      return render(request, reply, 'custody/person.njk', {
        pageTitle: `Person in custody, encounter ${p.row.reference}`,
        p,
        age: ageText(p.row.person),
        role: p.row.person.role ? roleLabels[p.row.person.role] : 'Not given',
        nrm: nrmStatusLabels[p.nrmStatus],
      })
    }),
  )

  const notePage = (reference: string, id: string): FormPage => ({
    pageTitle: 'Prepare a note for the CPS file',
    caption: `Encounter ${reference}`,
    heading: 'Prepare a note for the CPS file',
    introHtml:
      '<p class="govuk-body">The note sets out the signs of modern slavery, the NRM position and, for each offence, whether the s45 defence is available, with the evidence to gather. It names the person only by reference.</p>',
    fields: [
      {
        kind: 'input',
        name: 'custodyRecordRef',
        label: 'Custody record reference',
        classes: 'govuk-input--width-20',
        spellcheck: false,
      },
      {
        kind: 'input',
        name: 'ageAtOffence',
        label: 'Their age when they did the act',
        hint: 'In whole years',
        classes: 'govuk-input--width-3',
        inputmode: 'numeric',
      },
      {
        kind: 'textarea',
        name: 'offences',
        label: 'Offences',
        hint: 'One on each line, for example "Misuse of Drugs Act 1971 s4(2)" or "Theft Act 1968 s8"',
        rows: 4,
      },
      { kind: 'date', name: 'offenceDate', label: 'Date of the act (optional)' },
      {
        kind: 'radios',
        name: 'nrmStatus',
        label: 'National Referral Mechanism',
        items: nrmStatuses.map((s) => ({ value: s, text: nrmStatusLabels[s] })),
      },
    ],
    submitText: 'Prepare the note',
    cancelHref: `/custody/${id}`,
  })

  app.get<{ Params: { id: string } }>(
    '/custody/:id/note',
    { config: { access: 'custody:view' } },
    async (request, reply) =>
      withPerson(request, reply, async (id) => {
        const p = await custodyPerson(deps, request.ctx(), id)
        return renderForm(request, reply, notePage(p.row.reference, id), {
          ageAtOffence: p.row.person.age ?? '',
          nrmStatus: p.nrmStatus,
        })
      }),
  )

  app.post<{ Params: { id: string } }>(
    '/custody/:id/note',
    { config: { access: 'custody:view' } },
    async (request, reply) =>
      withPerson(request, reply, async (id) => {
        const body = (request.body ?? {}) as Record<string, unknown>
        const fail = async (issues: readonly { field: string; message: string }[]) => {
          const p = await custodyPerson(deps, request.ctx(), id)
          const page = notePage(p.row.reference, id)
          return renderForm(request, reply, page, body, errorsOf(issues, page.fields))
        }
        const date = dateOf(body, 'offenceDate', 'the date of the act', { required: false })
        if (!date.ok) return fail([{ field: 'offenceDate', message: date.message }])
        const nrm = NrmStatus.safeParse(text(body, 'nrmStatus'))
        if (!nrm.success) return fail([{ field: 'nrmStatus', message: 'Select where the NRM referral stands' }])
        try {
          const note = await prepareCustodyNote(deps, request.ctx(), id, {
            custodyRecordRef: text(body, 'custodyRecordRef'),
            ageAtOffence: text(body, 'ageAtOffence'),
            offences: text(body, 'offences').split(/\r?\n/),
            offenceDate: date.value ?? '',
            nrmStatus: nrm.data,
          })
          request.session.flash = { type: 'success', text: 'Note prepared. Print it for the CPS file.' }
          return reply.redirect(`/custody/${id}/notes/${note.id}`)
        } catch (e) {
          if (e instanceof Refused) return fail(e.issues)
          throw e
        }
      }),
  )

  app.get<{ Params: { id: string; noteId: string } }>(
    '/custody/:id/notes/:noteId',
    { config: { access: 'custody:view' } },
    async (request, reply) =>
      withPerson(request, reply, async (id) => {
        const noteId = Id.safeParse(request.params.noteId)
        if (!noteId.success) return reply.callNotFound()
        const n = await readCustodyNote(deps, request.ctx(), id, noteId.data)
        return render(request, reply, 'custody/note.njk', {
          pageTitle: `Note for the CPS file, encounter ${n.reference}`,
          n,
          id,
          lines: n.note.text.replace(/\n$/, '').split('\n'),
        })
      }),
  )
}
