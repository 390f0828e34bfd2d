import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { EncounterRow } from '../../../db/repositories/encounters.js'
import type { ReferralRow } from '../../../db/repositories/referrals.js'
import { ukDateOf } from '../../../domain/deadlines/index.js'
import type { Assessment } from '../../../domain/identify/assessment.js'
import { ReferralRefused } from '../../../services/refer/errors.js'
import { encounterOfReferral, firstResponderDefaults, readReferral } from '../../../services/refer/referrals.js'
import { saveSection } from '../../../services/refer/section-service.js'
import { FORM_SECTIONS, type FormSectionKey, sectionsFor, sectionTitleFor } from '../../../services/refer/sections.js'
import type { AppDeps } from '../../app.js'
import { parseForm } from '../../forms.js'
import { render } from '../../render.js'
import {
  AccountForm,
  AgenciesForm,
  ageStatusItems,
  DtnPersonForm,
  ExploitationForm,
  exploitationTypeItems,
  FirstResponderForm,
  genderItems,
  NeedsForm,
  PersonForm,
  SupportRequestedForm,
} from './forms.js'
import {
  forceItems,
  handleReferralError,
  referralId,
  refusalErrors,
  sectionHref,
  statusOfRefusal,
  versionOf,
} from './helpers.js'
import { emergencyReasonItems, msvccItems } from './labels.js'

type SectionParams = { Params: { id: string; section: string }; Querystring: { return?: string } }
type Req = FastifyRequest<SectionParams>

const join = (v: unknown, sep = ', ') => (Array.isArray(v) ? v.join(sep) : '')
const yn = (v: unknown) => (v === true ? 'yes' : v === false ? 'no' : undefined)
const dateParts = (prefix: string, iso: unknown) => {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return {}
  return {
    [`${prefix}-day`]: String(Number(iso.slice(8, 10))),
    [`${prefix}-month`]: String(Number(iso.slice(5, 7))),
    [`${prefix}-year`]: iso.slice(0, 4),
  }
}
type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {})

/** What each section page shows already filled in: the saved answers, else what the encounter told us. */
function valuesFor(
  key: FormSectionKey,
  row: ReferralRow,
  encounter: EncounterRow | null,
  defaults: { name: string; role: string; email: string },
): Obj {
  const person = obj(row.person)
  const e = obj(row.exploitation)
  switch (key) {
    case 'first-responder':
      return row.firstResponder ?? { ...defaults, phone: '' }
    case 'person':
      return {
        name: row.personName,
        nameInOriginalScript: row.nameInOriginalScript,
        otherNames: join(row.otherNames, '\n'),
        ...dateParts('dateOfBirth', row.dateOfBirth),
        estimatedAge: person.estimatedAge ?? (encounter?.person.age !== undefined ? encounter.person.age : undefined),
        ageStatus: row.ageStatus,
        gender: person.gender,
        nationalities: join(person.nationalities),
        languages: join(person.languages),
        interpreterNeeded: yn(person.interpreterNeeded) ?? (encounter?.interpreter?.used ? 'yes' : undefined),
        phone: row.contactPhone,
        email: row.contactEmail,
        address: row.address,
        immigrationStatus: person.immigrationStatus,
      }
    case 'dtn-person':
      return {
        gender: person.gender,
        ageAtExploitation: person.ageAtExploitation ?? encounter?.person.age,
        nationalities: join(person.nationalities),
        // Empty unless the person consented to share their identity (the database CHECK, s52(3)).
        name: row.personName,
        otherNames: join(row.otherNames, '\n'),
        ...dateParts('dateOfBirth', row.dateOfBirth),
        phone: row.contactPhone,
        email: row.contactEmail,
        address: row.address,
      }
    case 'exploitation': {
      const loc = obj(e.location)
      const period = obj(e.period)
      const suggested = ((encounter?.assessment as unknown as Assessment | null)?.types ?? []).map((t) => t.type)
      const types = Array.isArray(e.types)
        ? [...(e.types as string[]), ...(e.typeNotKnown ? ['not-known'] : [])]
        : suggested
      return {
        types,
        countyLines: e.countyLines ? ['yes'] : [],
        where: loc.where,
        policeForceArea: loc.policeForceArea ?? row.forceId,
        places: join(loc.places, '\n') || (e.location ? '' : (encounter?.location ?? '')),
        countries: join(loc.countries),
        ...dateParts('startedOn', period.startedOn),
        ...dateParts('endedOn', period.endedOn),
        ongoing: yn(period.ongoing),
        periodDescription: period.description,
      }
    }
    case 'account':
      return {
        recruitment: e.recruitment,
        control: e.control,
        movement: e.movement,
        exploiters: Array.isArray(e.exploiters)
          ? (e.exploiters as Obj[]).map((x) => [x.name, x.description].filter(Boolean).join(': ')).join('\n')
          : '',
        account: e.account ?? encounter?.account ?? '',
      }
    case 'needs': {
      const n = obj(row.needsAndRisks)
      return {
        immediateRisk: yn(n.immediateRisk) ?? encounter?.immediateRisk ?? undefined,
        riskDetails: n.riskDetails,
        accommodationNeeded: yn(n.accommodationNeeded),
        medicalNeeds: n.medicalNeeds,
        otherNeeds: n.otherNeeds,
      }
    }
    case 'support-requested': {
      const s = obj(row.supportRequested)
      return {
        emergencyAccommodation: yn(s.emergencyAccommodation),
        emergencyAccommodationReason: s.emergencyAccommodationReason,
        placeOfSafety: yn(s.placeOfSafety),
        msvcc: s.msvcc ?? [],
      }
    }
    case 'agencies': {
      const a = obj(row.agencies)
      return { ...a, others: join(a.others, '\n') }
    }
  }
}

function formFor(key: FormSectionKey, row: ReferralRow, today: string): z.ZodType {
  switch (key) {
    case 'first-responder':
      return FirstResponderForm(row.forceId)
    case 'person':
      return PersonForm(today)
    case 'dtn-person':
      return DtnPersonForm(today)
    case 'exploitation':
      return ExploitationForm(today)
    case 'account':
      return AccountForm
    case 'needs':
      return NeedsForm
    case 'support-requested':
      return SupportRequestedForm
    case 'agencies':
      return AgenciesForm
  }
}

/** The next page after a section: the next section of this kind of referral, or check answers. */
export function nextPageAfter(row: ReferralRow, key: string, returnTo: string | undefined): string {
  if (returnTo === 'check') return `/referrals/${row.id}/check`
  const order = sectionsFor(row.kind)
  const next = order[order.indexOf(key as FormSectionKey) + 1]
  if (!next) return `/referrals/${row.id}/check`
  return sectionHref(row.id, next)
}

export async function referralSectionRoutes(app: FastifyInstance, deps: AppDeps) {
  const page = async (
    request: Req,
    reply: FastifyReply,
    key: FormSectionKey,
    row: ReferralRow,
    extra: Obj,
    status = 200,
  ) =>
    render(
      request,
      reply,
      `referrals/sections/${key}.njk`,
      {
        pageTitle: sectionTitleFor(key, row),
        title: sectionTitleFor(key, row),
        referral: row,
        returnTo: request.query.return,
        backHref: `/referrals/${row.id}`,
        items: {
          ageStatus: ageStatusItems,
          gender: genderItems,
          types: exploitationTypeItems,
          forces: forceItems(null),
          msvcc: msvccItems,
          emergencyReason: emergencyReasonItems,
        },
        fieldErrors: {},
        ...extra,
      },
      status,
    )

  const sectionOf = (request: Req): FormSectionKey | null =>
    (FORM_SECTIONS as readonly string[]).includes(request.params.section)
      ? (request.params.section as FormSectionKey)
      : null

  app.get<SectionParams>(
    '/referrals/:id/section/:section',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      const id = referralId(request)
      const key = sectionOf(request)
      if (!id || !key) return reply.callNotFound()
      try {
        const ctx = request.ctx()
        const loaded = await readReferral(deps, ctx, id)
        if (!sectionsFor(loaded.row.kind).includes(key) || loaded.row.status !== 'draft') {
          return reply.redirect(`/referrals/${id}`)
        }
        const encounter = await encounterOfReferral(deps, ctx, loaded.row)
        const defaults = await firstResponderDefaults(deps, ctx)
        return await page(request, reply, key, loaded.row, { values: valuesFor(key, loaded.row, encounter, defaults) })
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )

  app.post<SectionParams>(
    '/referrals/:id/section/:section',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      const id = referralId(request)
      const key = sectionOf(request)
      if (!id || !key) return reply.callNotFound()
      try {
        const ctx = request.ctx()
        const loaded = await readReferral(deps, ctx, id)
        const form = parseForm(formFor(key, loaded.row, ukDateOf(deps.now())), request.body)
        if (!form.ok) {
          return await page(request, reply, key, loaded.row, { ...form, values: request.body }, 400)
        }
        try {
          const saved = await saveSection(deps, ctx, id, versionOf(request.body), key, form.data)
          return reply.redirect(nextPageAfter(saved, key, request.query.return))
        } catch (e) {
          if (e instanceof ReferralRefused) {
            return await page(
              request,
              reply,
              key,
              loaded.row,
              { ...refusalErrors(e), values: request.body },
              statusOfRefusal(e),
            )
          }
          throw e
        }
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )
}
