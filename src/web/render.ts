import type { FastifyReply, FastifyRequest } from 'fastify'
import { roleLabels } from '../domain/access/roles.js'
import { forceById } from '../domain/forces/forces.js'
import { navigationFor } from './navigation.js'

/** Renders a page with what every page needs: CSP nonce, CSRF token, the user and the navigation. */
export async function render(
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown> = {},
  status = 200,
) {
  const actor = request.actor
  const flash = request.session?.flash
  if (flash) request.session.flash = undefined
  const csrfToken = request.session ? await reply.generateCsrf() : undefined
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .view(template, {
      cspNonce: reply.cspNonce?.script,
      csrfToken,
      user: actor && {
        ...actor,
        roleLabel: roleLabels[actor.role],
        forceName: actor.forceId ? forceById(actor.forceId)?.name : null,
      },
      navigation: navigationFor(actor, request.url.split('?')[0] ?? '/'),
      flash,
      requestId: request.id,
      ...data,
    })
}
