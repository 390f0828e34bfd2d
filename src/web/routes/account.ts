import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { findUserById } from '../../db/repositories/identity.js'
import { newTotpSecret, totpQrSvg } from '../../services/identity/totp.js'
import { enableTwoFactor } from '../../services/identity/users.js'
import type { AppDeps } from '../app.js'
import { parseForm } from '../forms.js'
import { render } from '../render.js'

const CodeForm = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app' })
    .trim()
    .min(1, 'Enter the 6-digit code from your authenticator app')
    .regex(/^\d{3}\s?\d{3}$/, 'The code must be 6 digits, like 123456'),
})

export async function accountRoutes(app: FastifyInstance, deps: AppDeps) {
  async function page(
    request: Parameters<typeof render>[0],
    reply: Parameters<typeof render>[1],
    extra: Record<string, unknown>,
    status = 200,
  ) {
    const actor = request.ctx().actor
    const found = await findUserById(deps.db, actor.userId)
    const enabled = Boolean(found?.user.totpEnabledAt)
    let secret = request.session.totpSetupSecret
    if (!enabled && !secret) {
      secret = newTotpSecret()
      request.session.totpSetupSecret = secret
    }
    const qr = !enabled && secret ? await totpQrSvg(secret, found?.user.email ?? actor.displayName) : null
    return render(
      request,
      reply,
      'account/two-factor.njk',
      {
        pageTitle: 'Two-factor authentication',
        enabled,
        enabledAt: found?.user.totpEnabledAt,
        secret: enabled ? null : secret,
        qr,
        required: request.session.mustSetUpTotp,
        ...extra,
      },
      status,
    )
  }

  app.get('/account/two-factor', { config: { access: 'account:manage-own' } }, (request, reply) =>
    page(request, reply, {}),
  )

  app.post('/account/two-factor', { config: { access: 'account:manage-own' } }, async (request, reply) => {
    const form = parseForm(CodeForm, request.body)
    if (!form.ok) return page(request, reply, form, 400)
    const secret = request.session.totpSetupSecret
    if (!secret) return reply.redirect('/account/two-factor')
    const ok = await enableTwoFactor(deps, request.ctx(), secret, form.data.code)
    if (!ok) {
      return page(
        request,
        reply,
        {
          errors: [
            { text: 'The code is not correct – check the time on your phone and enter the latest code', href: '#code' },
          ],
        },
        400,
      )
    }
    request.session.totpSetupSecret = undefined
    request.session.mustSetUpTotp = undefined
    request.session.flash = {
      type: 'success',
      text: 'Two-factor authentication is on. You will need a code each time you sign in.',
    }
    return reply.redirect('/')
  })
}
