import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodType } from 'zod'
import { ukDateOf } from '../../../domain/deadlines/index.js'
import { isNrm, referralKindLabels, rulesAt } from '../../../domain/referral/index.js'
import { recordConsent, recordSafeguarding, startReferralAfterConsent } from '../../../services/refer/consent.js'
import { endRecoveryPeriod } from '../../../services/refer/decisions.js'
import { consentPhrase, referralDocument } from '../../../services/refer/document.js'
import { ReferralRefused } from '../../../services/refer/errors.js'
import { recordIdentityConsent } from '../../../services/refer/identity-consent.js'
import { identityConsentStateOf } from '../../../services/refer/model.js'
import {
  encounterOfReferral,
  type LoadedReferral,
  readReferral,
  recordHomeOfficeReference,
  submissionProblems,
  submitReferral,
  withdrawReferral,
} from '../../../services/refer/referrals.js'
import { markTransferReviewed } from '../../../services/refer/transfer.js'
import type { AppDeps } from '../../app.js'
import { parseForm } from '../../forms.js'
import { render } from '../../render.js'
import { ConsentForm, IdentityConsentForm, ReferenceForm, SafeguardingForm, WithdrawForm } from './forms.js'
import {
  handleReferralError,
  type IdParams,
  referralId,
  refusalErrors,
  sectionHref,
  statusOfRefusal,
  versionOf,
} from './helpers.js'
import { interpreterItems, methodItems } from './labels.js'
import { nextPageAfter } from './sections.js'

type Req = FastifyRequest<IdParams & { Querystring: { return?: string } }>

function ukParts(instant: Date) {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(instant)
  const get = (t: string) => f.find((p) => p.type === t)?.value ?? ''
  return { day: get('day'), month: get('month'), year: get('year'), time: `${get('hour')}:${get('minute')}` }
}
const instantParts = (prefix: string, at: Date) => {
  const p = ukParts(at)
  return {
    [`${prefix}-day`]: p.day,
    [`${prefix}-month`]: p.month,
    [`${prefix}-year`]: p.year,
    [`${prefix}-time`]: p.time,
  }
}

/** Which answers make sense now (law-and-process.md §2.3): consent is given or declined, then withdrawn or given later. */
function consentItems(status: string) {
  if (status === 'given') return [{ value: 'withdrawn', text: 'They have withdrawn their consent' }]
  if (status === 'declined' || status === 'withdrawn') {
    return [{ value: 'given', text: 'They now agree to be referred (consent given later)' }]
  }
  return [
    { value: 'given', text: 'Yes, they agree to be referred to the NRM' },
    { value: 'declined', text: 'No, they do not agree' },
  ]
}

export async function referralJourneyRoutes(app: FastifyInstance, deps: AppDeps) {
  /** A page that shows a form about one referral: GET renders, POST validates, calls the service, redirects. */
  function formPage<T>(options: {
    path: string
    template: string
    title: (l: LoadedReferral) => string
    form: (l: LoadedReferral) => ZodType<T>
    view?: (l: LoadedReferral, request: Req) => Promise<Record<string, unknown>> | Record<string, unknown>
    values: (l: LoadedReferral) => Record<string, unknown>
    allowed?: (l: LoadedReferral) => boolean
    save: (request: Req, l: LoadedReferral, data: T) => Promise<string>
    fallbackField: string
  }) {
    const show = async (
      request: Req,
      reply: FastifyReply,
      loaded: LoadedReferral,
      extra: Record<string, unknown>,
      status = 200,
    ) =>
      render(
        request,
        reply,
        options.template,
        {
          pageTitle: options.title(loaded),
          title: options.title(loaded),
          referral: loaded.row,
          backHref: `/referrals/${loaded.row.id}`,
          returnTo: request.query.return,
          fieldErrors: {},
          ...(options.view ? await options.view(loaded, request) : {}),
          ...extra,
        },
        status,
      )
    app.get<IdParams & { Querystring: { return?: string } }>(
      options.path,
      { config: { access: 'referral:update' } },
      async (request, reply) => {
        const id = referralId(request)
        if (!id) return reply.callNotFound()
        try {
          const loaded = await readReferral(deps, request.ctx(), id)
          if (options.allowed && !options.allowed(loaded)) return reply.redirect(`/referrals/${id}`)
          return await show(request, reply, loaded, { values: options.values(loaded) })
        } catch (e) {
          return handleReferralError(e, request, reply)
        }
      },
    )
    app.post<IdParams & { Querystring: { return?: string } }>(
      options.path,
      { config: { access: 'referral:update' } },
      async (request, reply) => {
        const id = referralId(request)
        if (!id) return reply.callNotFound()
        try {
          const loaded = await readReferral(deps, request.ctx(), id)
          const form = parseForm(options.form(loaded), request.body)
          if (!form.ok) return await show(request, reply, loaded, { ...form, values: request.body }, 400)
          try {
            return reply.redirect(await options.save(request, loaded, form.data))
          } catch (e) {
            if (e instanceof ReferralRefused) {
              return await show(
                request,
                reply,
                loaded,
                { ...refusalErrors(e, options.fallbackField), values: request.body },
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

  formPage({
    path: '/referrals/:id/consent',
    template: 'referrals/consent.njk',
    title: () => 'Does the person agree to be referred to the National Referral Mechanism?',
    form: () => ConsentForm,
    allowed: (l) => l.row.kind !== 'nrm-child' && l.row.status !== 'withdrawn',
    view: async (l, request) => {
      const encounter = await encounterOfReferral(deps, request.ctx(), l.row)
      return {
        consent: l.consent,
        consentItems: consentItems(l.consent.status),
        interpreterItems,
        history: l.consentRows
          .filter((c) => c.scope === 'nrm')
          .map((c) => ({ type: consentPhrase(c.type), at: c.at, by: c.recordedBy, language: c.language })),
        encounterLanguage: encounter?.person.language,
      }
    },
    values: (l) => {
      const last = l.consentRows.filter((c) => c.scope === 'nrm').at(-1)
      return {
        ...instantParts('at', deps.now()),
        language: last?.language ?? undefined,
        interpreter: last
          ? last.interpreterUsed
            ? last.interpreterIndependent
              ? 'independent'
              : 'not-independent'
            : 'none'
          : undefined,
      }
    },
    fallbackField: 'type',
    save: async (request, l, data) => {
      const result = await recordConsent(deps, request.ctx(), l.row.id, versionOf(request.body), data)
      if (result.kindChanged) {
        request.session.flash = {
          type: 'important',
          title: 'The referral has changed',
          text:
            result.row.kind === 'duty-to-notify'
              ? `Without consent, this is now an anonymous Duty to Notify report.${result.identityRemoved ? ' The name, date of birth and contact details you entered have been removed: the report cannot hold them.' : ''}`
              : 'With consent, this is now an NRM referral for an adult.',
        }
      }
      if (result.row.status !== 'draft') return `/referrals/${l.row.id}`
      return nextPageAfter(result.row, 'consent', request.query.return)
    },
  })

  // MSA 2015 s52(3), law-and-process.md §2.5: a Duty to Notify report may name the person only with their consent.
  const identityAnswer = (l: LoadedReferral) =>
    identityConsentStateOf(l.row, l.consentRows).status === 'given' ? 'withdrawn' : 'given'
  formPage({
    path: '/referrals/:id/identity-consent',
    template: 'referrals/identity-consent.njk',
    title: (l) =>
      identityAnswer(l) === 'given'
        ? 'Record consent to share their identity'
        : 'Record that they withdrew consent to share their identity',
    form: () => IdentityConsentForm,
    allowed: (l) => l.row.kind === 'duty-to-notify' && l.row.status === 'draft',
    view: (l) => ({
      answer: identityAnswer(l),
      interpreterItems,
      history: identityConsentStateOf(l.row, l.consentRows).history.map((c) => ({
        type: consentPhrase(c.type),
        at: c.at,
        by: c.recordedBy,
        language: c.language,
      })),
    }),
    values: (l) => {
      const nrm = l.consentRows.filter((c) => c.scope === 'nrm').at(-1)
      return {
        ...instantParts('at', deps.now()),
        // Usually asked in the same conversation as the NRM question, so its language and interpreter come first.
        language: nrm?.language ?? undefined,
        interpreter:
          nrm?.interpreterUsed === true
            ? nrm.interpreterIndependent
              ? 'independent'
              : 'not-independent'
            : nrm?.interpreterUsed === false
              ? 'none'
              : undefined,
        interpreterProvider: nrm?.interpreterProvider ?? undefined,
      }
    },
    fallbackField: 'type',
    save: async (request, l, data) => {
      const result = await recordIdentityConsent(deps, request.ctx(), l.row.id, versionOf(request.body), data)
      if (data.type === 'withdrawn') {
        request.session.flash = {
          type: 'success',
          text: result.identityRemoved
            ? 'Consent to share their identity has been withdrawn. Their name, date of birth, contact details and address have been removed from the report.'
            : 'Consent to share their identity has been withdrawn. The report is anonymous.',
        }
        return request.query.return === 'check' ? `/referrals/${l.row.id}/check` : `/referrals/${l.row.id}`
      }
      request.session.flash = {
        type: 'success',
        text: 'Consent to share their identity has been recorded. You can now add their name and contact details.',
      }
      // The name comes next; from check answers, it goes back there afterwards.
      return `${sectionHref(l.row.id, 'dtn-person')}${request.query.return === 'check' ? '?return=check' : ''}`
    },
  })

  formPage({
    path: '/referrals/:id/safeguarding',
    template: 'referrals/safeguarding.njk',
    title: () => 'Record the safeguarding referral to the local authority',
    form: () => SafeguardingForm,
    allowed: (l) => l.row.kind === 'nrm-child',
    view: () => ({ methodItems }),
    values: (l) =>
      l.safeguarding
        ? {
            localAuthority: l.safeguarding.localAuthority,
            ...instantParts('referredAt', new Date(l.safeguarding.referredAt)),
            method: l.safeguarding.method,
            reference: l.safeguarding.reference,
            madeBy: l.safeguarding.madeBy,
            contactName: l.safeguarding.contactName,
            contactDetails: l.safeguarding.contactDetails,
          }
        : { ...instantParts('referredAt', deps.now()) },
    fallbackField: 'localAuthority',
    save: async (request, l, data) => {
      const saved = await recordSafeguarding(deps, request.ctx(), l.row.id, versionOf(request.body), data)
      return nextPageAfter(saved, 'safeguarding', request.query.return)
    },
  })

  formPage({
    path: '/referrals/:id/reference',
    template: 'referrals/reference.njk',
    title: () => 'What is the Home Office reference?',
    form: () => ReferenceForm,
    values: (l) => ({ homeOfficeReference: l.row.homeOfficeReference }),
    fallbackField: 'homeOfficeReference',
    save: async (request, l, data) => {
      await recordHomeOfficeReference(deps, request.ctx(), l.row.id, versionOf(request.body), data.homeOfficeReference)
      request.session.flash = { type: 'success', text: 'The Home Office reference has been recorded.' }
      return `/referrals/${l.row.id}`
    },
  })

  formPage({
    path: '/referrals/:id/withdraw',
    template: 'referrals/withdraw.njk',
    title: () => 'Why are you withdrawing this referral?',
    form: () => WithdrawForm,
    values: () => ({}),
    fallbackField: 'reason',
    save: async (request, l, data) => {
      await withdrawReferral(deps, request.ctx(), l.row.id, versionOf(request.body), data.reason)
      request.session.flash = { type: 'success', text: 'The referral has been withdrawn.' }
      return `/referrals/${l.row.id}`
    },
  })

  const checkView = (loaded: LoadedReferral, encounterPresent: Parameters<typeof submissionProblems>[1]) => {
    const problems = submissionProblems(loaded, encounterPresent, deps.now())
    return {
      pageTitle: 'Check your answers before submitting',
      referral: loaded.row,
      kindLabel: referralKindLabels[loaded.row.kind],
      document: referralDocument(loaded),
      problems: problems.issues.map((i) => ({
        text: i.message,
        href: `${sectionHref(loaded.row.id, i.section)}?return=check`,
      })),
      identityShared: loaded.row.identityConsentId !== null,
      warnings: problems.warnings,
      isNrm: isNrm(loaded.row.kind),
    }
  }

  app.get<IdParams>('/referrals/:id/check', { config: { access: 'referral:create' } }, async (request, reply) => {
    const id = referralId(request)
    if (!id) return reply.callNotFound()
    try {
      const ctx = request.ctx()
      const loaded = await readReferral(deps, ctx, id)
      if (loaded.row.status !== 'draft') return reply.redirect(`/referrals/${id}`)
      const encounter = await encounterOfReferral(deps, ctx, loaded.row)
      return await render(request, reply, 'referrals/check.njk', checkView(loaded, encounter))
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })

  app.post<IdParams>('/referrals/:id/check', { config: { access: 'referral:create' } }, async (request, reply) => {
    const id = referralId(request)
    if (!id) return reply.callNotFound()
    try {
      const ctx = request.ctx()
      try {
        await submitReferral(deps, ctx, id, versionOf(request.body))
        return reply.redirect(`/referrals/${id}/confirmation`)
      } catch (e) {
        if (!(e instanceof ReferralRefused)) throw e
        const loaded = await readReferral(deps, ctx, id)
        const encounter = await encounterOfReferral(deps, ctx, loaded.row)
        const view = checkView(loaded, encounter)
        const errors = view.problems.length > 0 ? view.problems : [{ text: e.message, href: '#submit' }]
        return await render(request, reply, 'referrals/check.njk', { ...view, errors }, 400)
      }
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })

  app.get<IdParams>('/referrals/:id/confirmation', { config: { access: 'referral:read' } }, async (request, reply) => {
    const id = referralId(request)
    if (!id) return reply.callNotFound()
    try {
      const loaded = await readReferral(deps, request.ctx(), id)
      if (loaded.row.status === 'draft') return reply.redirect(`/referrals/${id}`)
      const submittedOn = loaded.row.submittedAt ? ukDateOf(new Date(loaded.row.submittedAt)) : ukDateOf(deps.now())
      return await render(request, reply, 'referrals/confirmation.njk', {
        pageTitle: isNrm(loaded.row.kind) ? 'NRM referral submitted' : 'Duty to Notify report recorded',
        referral: loaded.row,
        isNrm: isNrm(loaded.row.kind),
        kindLabel: referralKindLabels[loaded.row.kind],
        rgTarget: loaded.row.rgTarget,
        crimeHours: rulesAt(submittedOn).crimeRecordingHours,
      })
    } catch (e) {
      return handleReferralError(e, request, reply)
    }
  })

  const action = (path: string, run: (request: FastifyRequest<IdParams>, id: string) => Promise<string>) =>
    app.post<IdParams>(path, { config: { access: 'referral:update' } }, async (request, reply) => {
      const id = referralId(request)
      if (!id) return reply.callNotFound()
      try {
        return reply.redirect(await run(request, id))
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    })

  action('/referrals/:id/recovery-period-ended', async (request, id) => {
    await endRecoveryPeriod(deps, request.ctx(), id, versionOf(request.body))
    request.session.flash = {
      type: 'success',
      text: 'The referral is now waiting for its Conclusive Grounds decision.',
    }
    return `/referrals/${id}`
  })

  action('/referrals/:id/transfer-reviewed', async (request, id) => {
    await markTransferReviewed(deps, request.ctx(), id, versionOf(request.body))
    request.session.flash = {
      type: 'success',
      text: 'The transfer has been reviewed. A crime to record has been added for your force.',
    }
    return `/referrals/${id}`
  })

  app.post<IdParams>(
    '/referrals/:id/nrm-referral',
    { config: { access: 'referral:create' } },
    async (request, reply) => {
      const id = referralId(request)
      if (!id) return reply.callNotFound()
      try {
        const created = await startReferralAfterConsent(deps, request.ctx(), id)
        return reply.redirect(`/referrals/${created.id}`)
      } catch (e) {
        return handleReferralError(e, request, reply)
      }
    },
  )
}
