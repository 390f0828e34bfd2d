import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ukDateOf } from '../../../domain/deadlines/index.js'
import { forceById } from '../../../domain/forces/forces.js'
import { allowedEvents, CG_OUTCOMES_SOURCE, rulesAt } from '../../../domain/referral/index.js'
import { recordDecision } from '../../../services/refer/decisions.js'
import { ukDate } from '../../../services/refer/document.js'
import { ReferralRefused } from '../../../services/refer/errors.js'
import { stateOf } from '../../../services/refer/model.js'
import { type LoadedReferral, readReferral } from '../../../services/refer/referrals.js'
import { addSupport, endPlaceOfSafety, saveContactPreferences } from '../../../services/refer/support.js'
import { transferReferral } from '../../../services/refer/transfer.js'
import type { AppDeps } from '../../app.js'
import { parseForm } from '../../forms.js'
import { render } from '../../render.js'
import {
  ContactPreferencesForm,
  contactChannelItems,
  DecisionForm,
  EndStayForm,
  SupportForm,
  SupportTypeForm,
  supportTypeItems,
  TransferForm,
} from './forms.js'
import {
  forceItems,
  handleReferralError,
  type IdParams,
  referralId,
  refusalErrors,
  statusOfRefusal,
  versionOf,
} from './helpers.js'
import { cgItems, emergencyReasonItems, msvccItems } from './labels.js'

type Obj = Record<string, unknown>
type DecisionQuery = { Querystring: { type?: string } }

/** The decision the referral is waiting for now, so the page asks the right question. */
function decisionStage(loaded: LoadedReferral, asked: string | undefined): 'rg' | 'cg' | 'reconsideration' | null {
  const events = allowedEvents(stateOf(loaded.row, loaded.decisions, loaded.transfers))
  const open = [
    ...(events.includes('rg-decision') ? (['rg'] as const) : []),
    ...(events.includes('cg-decision') ? (['cg'] as const) : []),
    ...(events.includes('request-reconsideration') ? (['reconsideration'] as const) : []),
  ]
  if (asked === 'rg' || asked === 'cg' || asked === 'reconsideration') return asked
  return open[0] ?? null
}

const stageTitles = {
  rg: 'Record the Reasonable Grounds decision',
  cg: 'Record the Conclusive Grounds decision',
  reconsideration: 'Record a request for reconsideration',
} as const

export async function referralFollowUpRoutes(app: FastifyInstance, deps: AppDeps) {
  const load = async (request: FastifyRequest<IdParams>) => {
    const id = referralId(request)
    if (!id) return null
    return readReferral(deps, request.ctx(), id)
  }

  // Decisions (law-and-process.md §2.7–§2.9).
  const decisionPage = async (
    request: FastifyRequest<IdParams & DecisionQuery>,
    reply: FastifyReply,
    loaded: LoadedReferral,
    stage: 'rg' | 'cg' | 'reconsideration',
    extra: Obj,
    status = 200,
  ) => {
    const submittedOn = loaded.row.submittedAt ? ukDateOf(new Date(loaded.row.submittedAt)) : ukDateOf(deps.now())
    const rules = rulesAt(submittedOn)
    const rgTarget = loaded.row.rgTarget as { dueDate?: string; basis?: string } | null
    return render(
      request,
      reply,
      'referrals/decision.njk',
      {
        pageTitle: stageTitles[stage],
        title: stageTitles[stage],
        stage,
        referral: loaded.row,
        backHref: `/referrals/${loaded.row.id}`,
        cgItems,
        cgSource: CG_OUTCOMES_SOURCE,
        rgThreshold: rules.rgThreshold,
        rgTarget: rgTarget?.dueDate ? { due: ukDate(rgTarget.dueDate), basis: rgTarget.basis } : null,
        rg: loaded.row.rg ? { ...loaded.row.rg, on: ukDate(loaded.row.rg.decidedOn) } : null,
        recovery: loaded.row.recoveryPeriod
          ? { ...loaded.row.recoveryPeriod, ends: ukDate(loaded.row.recoveryPeriod.endsOn) }
          : null,
        fieldErrors: {},
        values: {},
        ...extra,
      },
      status,
    )
  }

  app.get<IdParams & DecisionQuery>(
    '/referrals/:id/decisions/new',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        const stage = decisionStage(loaded, request.query.type)
        if (!stage) {
          request.session.flash = {
            type: 'important',
            text: 'This referral is not waiting for a decision, so none can be recorded now.',
          }
          return reply.redirect(`/referrals/${loaded.row.id}`)
        }
        return await decisionPage(request, reply, loaded, stage, {})
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )

  app.post<IdParams & DecisionQuery>(
    '/referrals/:id/decisions/new',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        const asked = String((request.body as Obj | undefined)?.type ?? '')
        const stage = decisionStage(loaded, asked) ?? 'rg'
        const form = parseForm(DecisionForm, request.body)
        if (!form.ok) return await decisionPage(request, reply, loaded, stage, { ...form, values: request.body }, 400)
        try {
          const { warnings } = await recordDecision(
            deps,
            request.ctx(),
            loaded.row.id,
            versionOf(request.body),
            form.data,
          )
          request.session.flash = {
            type: 'success',
            text: ['The decision has been recorded.', ...warnings].join(' '),
          }
          return reply.redirect(`/referrals/${loaded.row.id}`)
        } catch (e) {
          if (e instanceof ReferralRefused) {
            return await decisionPage(
              request,
              reply,
              loaded,
              stage,
              { ...refusalErrors(e, 'decidedOn-day'), values: request.body },
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

  // Support (law-and-process.md §2.10, §2.4, §9.14).
  app.get<IdParams>('/referrals/:id/support/new', { config: { access: 'referral:update' } }, async (request, reply) => {
    try {
      const loaded = await load(request)
      if (!loaded) return reply.callNotFound()
      return await render(request, reply, 'referrals/support-type.njk', {
        pageTitle: 'What support was offered?',
        referral: loaded.row,
        backHref: `/referrals/${loaded.row.id}`,
        items: supportTypeItems.filter((i) => i.value !== 'ictg' || loaded.row.ageStatus !== 'adult'),
        fieldErrors: {},
        values: {},
      })
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })

  app.post<IdParams>(
    '/referrals/:id/support/new',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        const form = parseForm(SupportTypeForm, request.body)
        if (!form.ok) {
          return await render(
            request,
            reply,
            'referrals/support-type.njk',
            {
              pageTitle: 'What support was offered?',
              referral: loaded.row,
              backHref: `/referrals/${loaded.row.id}`,
              items: supportTypeItems.filter((i) => i.value !== 'ictg' || loaded.row.ageStatus !== 'adult'),
              ...form,
            },
            400,
          )
        }
        return reply.redirect(`/referrals/${loaded.row.id}/support/new/${form.data.type}`)
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )

  type SupportParams = { Params: { id: string; type: string } }
  const supportType = (t: string) =>
    t === 'msvcc' || t === 'emergency-accommodation' || t === 'place-of-safety' || t === 'ictg' ? t : null
  const supportPage = async (
    request: FastifyRequest<SupportParams>,
    reply: FastifyReply,
    loaded: LoadedReferral,
    type: 'msvcc' | 'emergency-accommodation' | 'place-of-safety' | 'ictg',
    extra: Obj,
    status = 200,
  ) =>
    render(
      request,
      reply,
      'referrals/support.njk',
      {
        pageTitle: supportTypeItems.find((i) => i.value === type)?.text ?? 'Support',
        title: supportTypeItems.find((i) => i.value === type)?.text ?? 'Support',
        type,
        referral: loaded.row,
        backHref: `/referrals/${loaded.row.id}/support/new`,
        msvccItems,
        emergencyReasonItems,
        placeOfSafetyDays: rulesAt(ukDateOf(deps.now())).placesOfSafetyMaxWorkingDays,
        fieldErrors: {},
        values: {},
        ...extra,
      },
      status,
    )

  app.get<SupportParams>(
    '/referrals/:id/support/new/:type',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      const type = supportType(request.params.type)
      if (!type) return reply.callNotFound()
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        const today = ukDateOf(deps.now())
        return await supportPage(request, reply, loaded, type, {
          values: {
            'offeredOn-day': String(Number(today.slice(8))),
            'offeredOn-month': String(Number(today.slice(5, 7))),
            'offeredOn-year': today.slice(0, 4),
          },
        })
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )

  app.post<SupportParams>(
    '/referrals/:id/support/new/:type',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      const type = supportType(request.params.type)
      if (!type) return reply.callNotFound()
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        const form = parseForm(SupportForm(type), request.body)
        if (!form.ok) return await supportPage(request, reply, loaded, type, { ...form, values: request.body }, 400)
        try {
          const { warnings } = await addSupport(deps, request.ctx(), loaded.row.id, versionOf(request.body), form.data)
          request.session.flash = { type: 'success', text: ['The support has been recorded.', ...warnings].join(' ') }
          return reply.redirect(`/referrals/${loaded.row.id}`)
        } catch (e) {
          if (e instanceof ReferralRefused) {
            return await supportPage(
              request,
              reply,
              loaded,
              type,
              { ...refusalErrors(e, 'offeredOn-day'), values: request.body },
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

  type StayParams = { Params: { id: string; supportId: string } }
  const stayPage = async (
    request: FastifyRequest<StayParams>,
    reply: FastifyReply,
    loaded: LoadedReferral,
    extra: Obj,
    status = 200,
  ) => {
    const stay = loaded.support.find((s) => s.id === request.params.supportId && s.type === 'place-of-safety')
    if (!stay) return reply.callNotFound()
    return render(
      request,
      reply,
      'referrals/end-stay.njk',
      {
        pageTitle: 'When did the Place of Safety stay end?',
        referral: loaded.row,
        stay,
        startedOn: ukDate(String((stay.record as Obj).startedOn ?? '')),
        backHref: `/referrals/${loaded.row.id}`,
        fieldErrors: {},
        values: {},
        ...extra,
      },
      status,
    )
  }
  app.get<StayParams>(
    '/referrals/:id/support/:supportId/end',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request as unknown as FastifyRequest<IdParams>)
        if (!loaded) return reply.callNotFound()
        return await stayPage(request, reply, loaded, {})
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )
  app.post<StayParams>(
    '/referrals/:id/support/:supportId/end',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request as unknown as FastifyRequest<IdParams>)
        if (!loaded) return reply.callNotFound()
        const form = parseForm(EndStayForm, request.body)
        if (!form.ok) return await stayPage(request, reply, loaded, { ...form, values: request.body }, 400)
        try {
          await endPlaceOfSafety(
            deps,
            request.ctx(),
            loaded.row.id,
            request.params.supportId,
            versionOf({ version: (request.body as Obj | undefined)?.supportVersion }),
            form.data,
          )
          request.session.flash = { type: 'success', text: 'The end of the stay has been recorded.' }
          return reply.redirect(`/referrals/${loaded.row.id}`)
        } catch (e) {
          if (e instanceof ReferralRefused) {
            return await stayPage(
              request,
              reply,
              loaded,
              { ...refusalErrors(e, 'endedOn-day'), values: request.body },
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

  const contactPage = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    loaded: LoadedReferral,
    extra: Obj,
    status = 200,
  ) => {
    const prefs = (loaded.row.contactPreferences ?? {}) as Obj
    const methods = Array.isArray(prefs.methods) ? (prefs.methods as Obj[]) : []
    return render(
      request,
      reply,
      'referrals/contact-preferences.njk',
      {
        pageTitle: 'How does the person want to be contacted?',
        referral: loaded.row,
        backHref: `/referrals/${loaded.row.id}`,
        channelItems: contactChannelItems,
        fieldErrors: {},
        values: {
          channels: methods.map((m) => m.channel),
          detail: methods[0]?.detail,
          safeToLeaveMessage: methods[0] ? (methods[0].safeToLeaveMessage ? 'yes' : 'no') : undefined,
          contactDeclined: prefs.contactDeclined ? ['yes'] : [],
          language: prefs.language ?? ((loaded.row.person as Obj).languages as string[] | undefined)?.[0],
          interpreterNeeded: prefs.interpreterNeeded === undefined ? undefined : prefs.interpreterNeeded ? 'yes' : 'no',
          bestTimes: prefs.bestTimes,
          avoid: prefs.avoid,
        },
        ...extra,
      },
      status,
    )
  }
  app.get<IdParams>(
    '/referrals/:id/contact-preferences',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        return await contactPage(request, reply, loaded, {})
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )
  app.post<IdParams>(
    '/referrals/:id/contact-preferences',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      try {
        const loaded = await load(request)
        if (!loaded) return reply.callNotFound()
        const form = parseForm(ContactPreferencesForm, request.body)
        if (!form.ok) return await contactPage(request, reply, loaded, { ...form, values: request.body }, 400)
        try {
          await saveContactPreferences(deps, request.ctx(), loaded.row.id, versionOf(request.body), form.data)
          request.session.flash = { type: 'success', text: 'The contact preferences have been saved.' }
          return reply.redirect(`/referrals/${loaded.row.id}`)
        } catch (e) {
          if (e instanceof ReferralRefused) {
            return await contactPage(
              request,
              reply,
              loaded,
              { ...refusalErrors(e, 'channels'), values: request.body },
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

  // Transfers between forces (law-and-process.md §9.12, §9.13).
  const transferPage = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    loaded: LoadedReferral,
    extra: Obj,
    status = 200,
  ) => {
    const loc = ((loaded.row.exploitation as Obj).location ?? {}) as Obj
    const area = typeof loc.policeForceArea === 'string' ? loc.policeForceArea : null
    return render(
      request,
      reply,
      'referrals/transfer.njk',
      {
        pageTitle: 'Which force should this referral go to?',
        referral: loaded.row,
        backHref: `/referrals/${loaded.row.id}`,
        forces: [{ value: '', text: 'Select a force' }, ...forceItems(loaded.row.forceId)],
        exploitationArea: area && area !== loaded.row.forceId ? (forceById(area)?.name ?? area) : null,
        fieldErrors: {},
        values: { toForceId: area !== loaded.row.forceId ? area : '' },
        ...extra,
      },
      status,
    )
  }
  app.get<IdParams>('/referrals/:id/transfer', { config: { access: 'referral:transfer' } }, async (request, reply) => {
    try {
      const loaded = await load(request)
      if (!loaded) return reply.callNotFound()
      return await transferPage(request, reply, loaded, {})
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })
  app.post<IdParams>('/referrals/:id/transfer', { config: { access: 'referral:transfer' } }, async (request, reply) => {
    try {
      const loaded = await load(request)
      if (!loaded) return reply.callNotFound()
      const form = parseForm(TransferForm(loaded.row.forceId), request.body)
      if (!form.ok) return await transferPage(request, reply, loaded, { ...form, values: request.body }, 400)
      try {
        await transferReferral(deps, request.ctx(), loaded.row.id, versionOf(request.body), {
          toForceId: form.data.toForceId,
          note: form.data.note ?? undefined,
        })
        request.session.flash = {
          type: 'success',
          text: `The referral has been transferred to ${forceById(form.data.toForceId)?.name ?? form.data.toForceId}. Your force keeps this record of the transfer.`,
        }
        return reply.redirect(`/referrals/${loaded.row.id}`)
      } catch (e) {
        if (e instanceof ReferralRefused) {
          return await transferPage(
            request,
            reply,
            loaded,
            { ...refusalErrors(e, 'toForceId'), values: request.body },
            statusOfRefusal(e),
          )
        }
        throw e
      }
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })
}
