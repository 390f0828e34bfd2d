import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { AccessDenied } from '../../domain/access/policy.js'
import { sendProblem } from '../problem.js'
import { render } from '../render.js'

const isApi = (request: FastifyRequest) => request.url.startsWith('/api/')

/** GOV.UK-style error pages for people, problem+json for the API; no stack traces or personal data. */
export function registerErrorHandlers(app: FastifyInstance) {
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) {
      return sendProblem(reply, {
        status: 404,
        title: 'Not found',
        detail: `No resource at ${request.url.split('?')[0]}`,
      })
    }
    return render(request, reply, 'errors/404.njk', { pageTitle: 'Page not found' }, 404)
  })

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = statusFor(error)
    if (status >= 500)
      request.log.error({ err: { message: error.message, code: error.code, stack: error.stack } }, 'request failed')
    else request.log.info({ code: error.code, status }, 'request refused')
    if (isApi(request)) return sendProblem(reply, problemFor(error, status))
    return renderError(request, reply, error, status)
  })
}

function statusFor(error: FastifyError): number {
  if (error instanceof AccessDenied) return 403
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') return 403
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 413
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 600) return error.statusCode
  return 500
}

function problemFor(error: FastifyError, status: number) {
  if (error instanceof AccessDenied) return { status, title: 'Forbidden', detail: error.message }
  if (status === 413) return { status, title: 'Request too large', detail: 'The request body is larger than the limit' }
  if (status === 403) return { status, title: 'Forbidden', detail: 'The CSRF token is missing or invalid' }
  if (status === 400 || status === 415) return { status, title: 'Bad request', detail: error.message }
  if (status === 429) return { status, title: 'Too many requests', detail: 'Wait a minute and try again' }
  return { status, title: 'Something went wrong', detail: 'The error has been logged with this request id' }
}

async function renderError(request: FastifyRequest, reply: FastifyReply, error: FastifyError, status: number) {
  try {
    if (error instanceof AccessDenied) {
      return await render(
        request,
        reply,
        'errors/403.njk',
        { pageTitle: 'You do not have access to this page', reason: error.message },
        403,
      )
    }
    if (status === 403) {
      return await render(request, reply, 'errors/csrf.njk', { pageTitle: 'Your form could not be sent' }, 403)
    }
    if (status === 413) {
      return await render(request, reply, 'errors/413.njk', { pageTitle: 'What you sent is too large' }, 413)
    }
    if (status === 429) {
      return await render(request, reply, 'errors/429.njk', { pageTitle: 'Too many attempts' }, 429)
    }
    if (status < 500) {
      return await render(
        request,
        reply,
        'errors/400.njk',
        { pageTitle: 'There is a problem with the request' },
        status,
      )
    }
    return await render(
      request,
      reply,
      'errors/500.njk',
      { pageTitle: 'Sorry, there is a problem with the service' },
      500,
    )
  } catch {
    // The error page itself failed (for example the session store is down): plain text, still no details.
    return reply
      .code(status)
      .type('text/plain')
      .send(`Sorry, there is a problem with the service. Reference: ${request.id}`)
  }
}
