import type { FastifyInstance, FastifyReply, FastifyRequest, Session } from 'fastify'
import { z } from 'zod'
import type { Ctx } from '../../../services/context.js'
import {
  CrimeRecordConflict,
  CrimeRecordNotFound,
  CrimeRefused,
  readCrimeRecord,
} from '../../../services/crime/crime-records.js'
import type { AppDeps } from '../../app.js'
import type { Access } from '../../types.js'
import { formPage } from './form-page.js'

type IdParams = { Params: { id: string } }
type IdReq = FastifyRequest<IdParams>
type Data = Record<string, unknown>
const Id = z.uuid()

/** The crime record named in the URL, or null once the reply is a 404 (no such record here, or not a record id). */
export async function loadRecord(deps: AppDeps, request: IdReq, reply: FastifyReply) {
  const id = Id.safeParse(request.params.id)
  if (!id.success) {
    reply.callNotFound()
    return null
  }
  try {
    return await readCrimeRecord(deps, request.ctx(), id.data)
  } catch (e) {
    if (e instanceof CrimeRecordNotFound) {
      reply.callNotFound()
      return null
    }
    throw e
  }
}

export type Loaded = NonNullable<Awaited<ReturnType<typeof loadRecord>>>
type Status = Loaded['record']['status']

/**
 * A route on one crime record: the handler gets the loaded record. With `status`, a record in any other state sends
 * the officer back to it (a second tab, or someone else acted first).
 */
export function recordRoute(
  app: FastifyInstance,
  deps: AppDeps,
  route: { method: 'GET' | 'POST'; url: string; access: Access; status?: Status },
  handler: (request: IdReq, reply: FastifyReply, data: Loaded) => Promise<unknown>,
) {
  app.route<IdParams>({
    method: route.method,
    url: route.url,
    config: { access: route.access },
    handler: async (request, reply) => {
      const data = await loadRecord(deps, request, reply)
      if (!data) return reply
      if (route.status && data.record.status !== route.status) return reply.redirect(`/crime/${data.record.id}`)
      return handler(request, reply, data)
    },
  })
}

/** The message for a change the service refused or that someone else's change beat; anything else is rethrown. */
export function refusalMessage(e: unknown, conflict: string): string {
  if (e instanceof CrimeRefused) return e.message
  if (e instanceof CrimeRecordConflict) return conflict
  throw e
}

type Flash = NonNullable<Session['flash']>
type Draft<A> = A & { version: number }

/** Answers kept in the session between the question page and check answers, one draft a record. */
export type DraftStore<D> = {
  get(request: FastifyRequest, id: string): D | undefined
  put(request: FastifyRequest, id: string, draft: D): void
  drop(request: FastifyRequest, id: string): void
}

/** Drafts in the session field that `read` reads and `write` replaces. */
export function sessionDrafts<D>(
  read: (s: Session) => Record<string, D> | undefined,
  write: (s: Session, bag: Record<string, D>) => void,
): DraftStore<D> {
  return {
    get: (request, id) => read(request.session)?.[id],
    put: (request, id, draft) => write(request.session, { ...read(request.session), [id]: draft }),
    drop: (request, id) => {
      const { [id]: _done, ...rest } = read(request.session) ?? {}
      write(request.session, rest)
    },
  }
}

/** A change to a crime record asked on one question page, then confirmed on a check-answers page. */
export type CheckAnswersJourney<A> = {
  /** The question is at /crime/:id/<path>, check answers at /crime/:id/<path>/check. */
  path: string
  access: Access
  /** The state a record must be in to take the change. */
  status: Status
  drafts: DraftStore<Draft<A>>
  question: {
    template: string
    title: string
    view(data: Loaded): Data
    /** Values for the first showing: the saved draft, or a sensible default. */
    prefill(data: Loaded, draft: Draft<A> | undefined): Data
  }
  /** The answers, or what the question page shows again with status 400. */
  answer(request: IdReq, data: Loaded): { ok: true; answers: A } | { ok: false; page: Data }
  check: { template: string; title: string; view(draft: Draft<A>): Data }
  submit(ctx: Ctx, data: Loaded, draft: Draft<A>): Promise<unknown>
  done(draft: Draft<A>): Flash
}

export function checkAnswersJourney<A>(app: FastifyInstance, deps: AppDeps, journey: CheckAnswersJourney<A>) {
  const { path, access, status, drafts, question, check } = journey
  const questionPage = formPage(question.template, (_request, data: Loaded) => ({
    pageTitle: question.title,
    ...question.view(data),
  }))
  const checkPage = formPage(check.template, (_request, { data, draft }: { data: Loaded; draft: Draft<A> }) => ({
    pageTitle: check.title,
    record: data.record,
    draft,
    ...check.view(draft),
  }))

  recordRoute(app, deps, { method: 'GET', url: `/crime/:id/${path}`, access, status }, async (request, reply, data) =>
    questionPage(request, reply, data, question.prefill(data, drafts.get(request, data.record.id))),
  )

  recordRoute(
    app,
    deps,
    { method: 'POST', url: `/crime/:id/${path}`, access, status },
    async (request, reply, data) => {
      const result = journey.answer(request, data)
      if (!result.ok) return questionPage(request, reply, data, result.page, 400)
      drafts.put(request, data.record.id, { ...result.answers, version: data.record.version })
      return reply.redirect(`/crime/${data.record.id}/${path}/check`)
    },
  )

  recordRoute(app, deps, { method: 'GET', url: `/crime/:id/${path}/check`, access }, async (request, reply, data) => {
    const draft = drafts.get(request, data.record.id)
    if (!draft || data.record.status !== status) return reply.redirect(`/crime/${data.record.id}/${path}`)
    return checkPage(request, reply, { data, draft })
  })

  recordRoute(app, deps, { method: 'POST', url: `/crime/:id/${path}/check`, access }, async (request, reply, data) => {
    const draft = drafts.get(request, data.record.id)
    // A second click after the first saved: the draft is gone, so show the record as it stands.
    if (!draft) return reply.redirect(`/crime/${data.record.id}`)
    try {
      await journey.submit(request.ctx(), data, draft)
    } catch (e) {
      const text = refusalMessage(e, 'Someone else changed this record first. Check it and try again.')
      return checkPage(request, reply, { data, draft }, { errors: [{ text, href: '#confirm' }] }, 400)
    }
    drafts.drop(request, data.record.id)
    request.session.flash = journey.done(draft)
    return reply.redirect(`/crime/${data.record.id}`)
  })
}
