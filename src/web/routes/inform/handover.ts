import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { indicatorById } from '../../../domain/identify/catalogue.js'
import { rightsContent } from '../../../domain/inform/content.js'
import { questionIds } from '../../../domain/inform/content-schema.js'
import { FONT_FAMILIES } from '../../../domain/inform/fonts.js'
import { isLanguageCode, LANGUAGES, type LanguageCode, languageByCode } from '../../../domain/inform/languages.js'
import { PRIVATE_QUESTIONS } from '../../../domain/inform/questions.js'
import { fillPlaceholders } from '../../../domain/inform/status.js'
import { EncounterNotFound, readEncounter } from '../../../services/identify/encounters.js'
import { reauthenticate } from '../../../services/identity/reauthenticate.js'
import {
  finishHandover,
  formatLabels,
  informationHistory,
  recordInformationGiven,
} from '../../../services/inform/information-given.js'
import type { AppDeps } from '../../app.js'
import { parseForm } from '../../forms.js'
import { render } from '../../render.js'
import { rightsView } from './rights-view.js'

const Id = z.uuid()
const LanguageForm = z.object({
  language: z
    .string({ error: 'Select the language the person reads or understands best' })
    .refine(isLanguageCode, 'Select the language the person reads or understands best'),
})
const RecordForm = LanguageForm.extend({
  formats: z
    .union([z.string(), z.array(z.string())], { error: 'Select how you gave the information' })
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(
      z
        .array(
          z.enum(['printed-leaflet', 'pdf-leaflet', 'read-aloud', 'screen'], 'Select how you gave the information'),
        )
        .min(1),
    ),
})
const AnswerForm = z.object({ answer: z.enum(['yes', 'no', 'prefer-not-to-say'], 'Choose an answer') })

export async function handoverRoutes(app: FastifyInstance, deps: AppDeps) {
  const policy = {
    maxFailures: deps.config.signIn.maxFailures,
    lockMinutes: deps.config.signIn.lockMinutes,
    demo: deps.config.demo,
  }
  const languageItems = LANGUAGES.map((l) => ({
    value: l.code,
    text: l.code === 'en' || l.code === 'en-easy' ? l.englishName : `${l.endonym} – ${l.englishName}`,
    attributes: { lang: l.htmlLang },
  }))

  async function informationPage(
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const id = Id.safeParse(request.params.id)
    if (!id.success) return reply.callNotFound()
    try {
      const ctx = request.ctx()
      const encounter = await readEncounter(deps, ctx, id.data)
      const history = await informationHistory(deps, ctx, encounter.id)
      return await render(
        request,
        reply,
        'rights/information.njk',
        {
          pageTitle: 'Give rights and support information',
          encounter,
          languageItems,
          given: history.given.map((g) => ({
            ...g,
            languageName: isLanguageCode(g.language) ? languageByCode(g.language).englishName : g.language,
            formatLabel: formatLabels[g.format],
          })),
          answers: history.answers.map((a) => ({
            ...a,
            added: a.indicatorsAdded.map((i) => indicatorById(i)?.title ?? i),
            yes: Object.values(a.answers).filter((x) => x === 'yes').length,
            total: Object.keys(a.answers).length,
          })),
          values: {},
          ...extra,
        },
        status,
      )
    } catch (e) {
      if (e instanceof EncounterNotFound) return reply.callNotFound()
      throw e
    }
  }

  app.get<{ Params: { id: string } }>(
    '/encounters/:id/information',
    { config: { access: 'rights:handover' } },
    (request, reply) => informationPage(request, reply),
  )

  app.post<{ Params: { id: string } }>(
    '/encounters/:id/information/handover',
    { config: { access: 'rights:handover' } },
    async (request, reply) => {
      const form = parseForm(LanguageForm, request.body)
      if (!form.ok) return informationPage(request, reply, { ...form, values: form.values }, 400)
      const id = Id.safeParse(request.params.id)
      if (!id.success) return reply.callNotFound()
      try {
        await readEncounter(deps, request.ctx(), id.data)
      } catch (e) {
        if (e instanceof EncounterNotFound) return reply.callNotFound()
        throw e
      }
      request.session.handover = {
        encounterId: id.data,
        lang: form.data.language,
        startedAt: deps.now().getTime(),
        answers: {},
        readAloud: false,
      }
      return reply.redirect('/handover')
    },
  )

  app.post<{ Params: { id: string } }>(
    '/encounters/:id/information/record',
    { config: { access: 'rights:handover' } },
    async (request, reply) => {
      const form = parseForm(RecordForm, request.body)
      if (!form.ok) return informationPage(request, reply, { ...form, values: form.values }, 400)
      const id = Id.safeParse(request.params.id)
      if (!id.success) return reply.callNotFound()
      try {
        await recordInformationGiven(deps, request.ctx(), id.data, {
          language: form.data.language as LanguageCode,
          formats: form.data.formats,
        })
      } catch (e) {
        if (e instanceof EncounterNotFound) return reply.callNotFound()
        throw e
      }
      request.session.flash = {
        type: 'success',
        text: 'Recorded: the person has been given rights and support information.',
      }
      return reply.redirect(`/encounters/${id.data}`)
    },
  )

  const current = (request: FastifyRequest) => {
    const h = request.session.handover
    return h && isLanguageCode(h.lang) ? { ...h, lang: h.lang } : null
  }

  // The hand-over pages are in the person's language and show nothing of the case (issue 4 §3).
  const handoverView = (lang: LanguageCode) => {
    const view = rightsView(lang)
    return { ...view, mode: 'handover', fontClass: `lantern-font-${view.language.fontFamily}`, families: FONT_FAMILIES }
  }

  app.get('/handover', { config: { access: 'rights:handover' } }, async (request, reply) => {
    const h = current(request)
    if (!h) return reply.redirect('/')
    const view = handoverView(h.lang)
    return render(request, reply, 'rights/handover.njk', { pageTitle: view.content.title, ...view })
  })

  app.post('/handover/read-aloud', { config: { access: 'rights:handover' } }, async (request, reply) => {
    const h = request.session.handover
    if (h) request.session.handover = { ...h, readAloud: true }
    return reply.code(204).send()
  })

  app.get('/handover/questions', { config: { access: 'rights:handover' } }, async (request, reply) => {
    const h = current(request)
    if (!h) return reply.redirect('/')
    const view = handoverView(h.lang)
    return render(request, reply, 'rights/questions-intro.njk', { pageTitle: view.content.ui.questionsTitle, ...view })
  })

  const questionPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    n: number,
    lang: LanguageCode,
    extra: Record<string, unknown> = {},
    status = 200,
  ) => {
    const view = handoverView(lang)
    const q = PRIVATE_QUESTIONS[n - 1]
    if (!q) return reply.redirect('/handover/return')
    const ui = view.content.ui
    return render(
      request,
      reply,
      'rights/question.njk',
      {
        pageTitle: view.content.questions[q.id],
        ...view,
        n,
        progress: fillPlaceholders(ui.questionProgress, { n, total: PRIVATE_QUESTIONS.length }),
        question: view.content.questions[q.id],
        answerItems: [
          { value: 'yes', text: ui.yes },
          { value: 'no', text: ui.no },
          { value: 'prefer-not-to-say', text: ui.preferNotToSay },
        ],
        chosen: request.session.handover?.answers[q.id],
        back: n > 1 ? `/handover/questions/${n - 1}` : '/handover/questions',
        ...extra,
      },
      status,
    )
  }

  app.get<{ Params: { n: string } }>(
    '/handover/questions/:n',
    { config: { access: 'rights:handover' } },
    async (request, reply) => {
      const h = current(request)
      if (!h) return reply.redirect('/')
      const n = Number(request.params.n)
      if (!Number.isInteger(n) || n < 1 || n > questionIds.length) return reply.callNotFound()
      return questionPage(request, reply, n, h.lang)
    },
  )

  app.post<{ Params: { n: string } }>(
    '/handover/questions/:n',
    { config: { access: 'rights:handover' } },
    async (request, reply) => {
      const h = current(request)
      if (!h) return reply.redirect('/')
      const n = Number(request.params.n)
      const q = PRIVATE_QUESTIONS[n - 1]
      if (!Number.isInteger(n) || !q) return reply.callNotFound()
      const form = parseForm(AnswerForm, request.body)
      if (!form.ok) {
        const ui = rightsContent(h.lang).ui
        return questionPage(
          request,
          reply,
          n,
          h.lang,
          {
            errors: [{ text: `${ui.yes} / ${ui.no}`, href: '#answer' }],
            fieldErrors: { answer: { text: `${ui.yes} / ${ui.no} / ${ui.preferNotToSay}` } },
          },
          400,
        )
      }
      request.session.handover = {
        ...(request.session.handover as NonNullable<typeof request.session.handover>),
        answers: { ...h.answers, [q.id]: form.data.answer },
      }
      return reply.redirect(n < PRIVATE_QUESTIONS.length ? `/handover/questions/${n + 1}` : '/handover/return')
    },
  )

  app.get('/handover/return', { config: { access: 'rights:handover' } }, async (request, reply) => {
    const h = current(request)
    if (!h) return reply.redirect('/')
    const view = handoverView(h.lang)
    return render(request, reply, 'rights/return.njk', { pageTitle: view.content.ui.giveBack, ...view })
  })

  app.post(
    '/handover/return',
    {
      config: {
        access: 'rights:handover',
        rateLimit: { max: deps.config.signIn.ratePerMinute, timeWindow: '1 minute' },
      },
    },
    async (request, reply) => {
      const h = current(request)
      if (!h) return reply.redirect('/')
      const ctx = request.ctx()
      const form = parseForm(
        z.object({
          password: z.string({ error: 'Enter your Lantern password' }).min(1, 'Enter your Lantern password'),
        }),
        request.body,
      )
      const view = handoverView(h.lang)
      const again = (text: string, status: number) =>
        render(
          request,
          reply,
          'rights/return.njk',
          {
            pageTitle: view.content.ui.giveBack,
            ...view,
            errors: [{ text, href: '#password' }],
            fieldErrors: { password: { text } },
          },
          status,
        )
      if (!form.ok) return again('Officer: enter your Lantern password', 400)
      const result = await reauthenticate(deps, policy, {
        userId: ctx.actor.userId,
        password: form.data.password,
        requestId: request.id,
      })
      if (result === 'locked') {
        await request.session.destroy()
        return reply.redirect('/sign-in')
      }
      if (result !== 'ok') return again('Officer: the password is not correct', 401)
      const outcome = await finishHandover(deps, ctx, h.encounterId, {
        language: h.lang,
        answers: h.answers,
        readAloud: h.readAloud,
      })
      request.session.handover = undefined
      request.session.flash = {
        type: 'success',
        title: 'Rights information given',
        text:
          outcome.answered === 0
            ? `Recorded: information given in ${languageByCode(h.lang).englishName}. The person did not answer the private questions.`
            : `Recorded: information given in ${languageByCode(h.lang).englishName}. The person answered ${outcome.answered} private question${outcome.answered === 1 ? '' : 's'}; ${outcome.added.length} sign${outcome.added.length === 1 ? ' was' : 's were'} added to the encounter as disclosed.`,
      }
      return reply.redirect(`/encounters/${h.encounterId}`)
    },
  )
}
