import type { FastifyReply, FastifyRequest } from 'fastify'
import { render } from '../../render.js'

type Data = Record<string, unknown>

/**
 * A page that shows again, with the answers and the GOV.UK error summary, when the answers are wrong: `view` is what
 * it always shows for its subject, `extra` what one showing adds (values, errors) and `status` 400 on errors.
 */
export function formPage<S>(
  template: string | ((subject: S) => string),
  view: (request: FastifyRequest, subject: S) => Data,
) {
  return (request: FastifyRequest, reply: FastifyReply, subject: S, extra: Data = {}, status = 200) =>
    render(
      request,
      reply,
      typeof template === 'string' ? template : template(subject),
      { ...view(request, subject), ...extra },
      status,
    )
}
