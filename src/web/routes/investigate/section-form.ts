import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Refused } from '../../../services/investigate/errors.js'
import type { InvestigationView } from '../../../services/investigate/investigations.js'
import type { AppDeps } from '../../app.js'
import type { Access } from '../../types.js'
import { errorsOf, type FormPage, handleInvestigationError, renderForm } from './form-kit.js'
import { loadInvestigation } from './show.js'

type Params = { id: string; [name: string]: string | undefined }
type Req = FastifyRequest<{ Params: Params }>
type Body = Record<string, unknown>

export type SectionForm = {
  path: string
  access: Access
  page(v: InvestigationView, request: Req): FormPage | Promise<FormPage>
  values?(v: InvestigationView, request: Req): Record<string, unknown>
  /** Saves the change; returns where to go next and the message to show there. */
  submit(v: InvestigationView, body: Body, request: Req): Promise<{ redirect: string; flash?: string }>
}

/**
 * A page of an investigation that asks something and saves it: GET shows the form; POST saves it, or shows the
 * page again with the GOV.UK error summary (status 400) and nothing saved. The version travels in the form, so a
 * second submission of the same page is refused instead of applied twice.
 */
export function sectionForm(app: FastifyInstance, deps: AppDeps, form: SectionForm) {
  const withVersion = async (v: InvestigationView, request: Req): Promise<FormPage> => {
    const page = await form.page(v, request)
    return {
      ...page,
      caption: page.caption ?? `Investigation ${v.row.reference}`,
      hidden: { ...page.hidden, version: v.row.version },
    }
  }

  app.get<{ Params: Params }>(form.path, { config: { access: form.access } }, async (request, reply) => {
    const v = await loadInvestigation(deps, request, reply)
    if (!v) return reply
    let page: FormPage
    try {
      page = await withVersion(v, request)
    } catch (e) {
      // The page asks about something that is not there (a closed action, an unknown checklist part).
      if (e instanceof Refused) return reply.callNotFound()
      throw e
    }
    return renderForm(request, reply, page, form.values?.(v, request) ?? {})
  })

  app.post<{ Params: Params }>(form.path, { config: { access: form.access } }, async (request, reply) => {
    const v = await loadInvestigation(deps, request, reply)
    if (!v) return reply
    const body = (request.body ?? {}) as Body
    try {
      const done = await form.submit(v, body, request)
      if (done.flash) request.session.flash = { type: 'success', text: done.flash }
      return reply.redirect(done.redirect)
    } catch (e) {
      if (await handleInvestigationError(e, request, reply, `/investigations/${v.row.id}`)) return reply
      const page = await withVersion(v, request)
      return renderForm(
        request,
        reply,
        { ...page, hidden: { ...page.hidden, version: String(body.version ?? v.row.version) } },
        body,
        errorsOf((e as Refused).issues, page.fields),
      )
    }
  })
}
