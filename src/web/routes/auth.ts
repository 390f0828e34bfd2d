import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { Actor } from '../../domain/access/policy.js'
import { type SignInResult, signInWithPassword, signInWithTotp } from '../../services/identity/sign-in.js'
import type { AppDeps } from '../app.js'
import { parseForm } from '../forms.js'
import { render } from '../render.js'

const SignInForm = z.object({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .min(1, 'Enter your email address')
    .max(254, 'Email address must be 254 characters or fewer'),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(1024, 'Password must be 1024 characters or fewer'),
})
const TotpForm = z.object({
  code: z
    .string({ error: 'Enter the 6-digit code from your authenticator app' })
    .trim()
    .min(1, 'Enter the 6-digit code from your authenticator app')
    .regex(/^\d{3}\s?\d{3}$/, 'The code must be 6 digits, like 123456'),
})

const expiredMessages: Record<string, string> = {
  idle: 'You were signed out because you did nothing for 30 minutes. Nothing you had saved has been lost.',
  absolute: 'You were signed out because you have been signed in for 12 hours. Sign in again to carry on.',
}

// A pending TOTP step expires quickly, so a stolen half-signed-in session is of little use.
const PENDING_TOTP_MS = 5 * 60_000

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const policy = {
    maxFailures: deps.config.signIn.maxFailures,
    lockMinutes: deps.config.signIn.lockMinutes,
    demo: deps.config.demo,
  }

  app.get<{ Querystring: { expired?: string; 'signed-out'?: string } }>(
    '/sign-in',
    { config: { access: 'public' } },
    async (request, reply) => {
      if (request.actor) return reply.redirect('/')
      const q = request.query
      const notice = q.expired ? expiredMessages[q.expired] : q['signed-out'] ? 'You have signed out.' : undefined
      return render(request, reply, 'pages/sign-in.njk', { pageTitle: 'Sign in', notice, demo: deps.config.demo })
    },
  )

  app.post(
    '/sign-in',
    { config: { access: 'public', rateLimit: { max: deps.config.signIn.ratePerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = parseForm(SignInForm, request.body)
      if (!form.ok) {
        return render(
          request,
          reply,
          'pages/sign-in.njk',
          { pageTitle: 'Sign in', ...form, values: { email: form.values.email } },
          400,
        )
      }
      const result = await signInWithPassword(deps, policy, { ...form.data, requestId: request.id })
      return afterSignIn(request, reply, result, { email: form.data.email })
    },
  )

  app.get('/sign-in/two-factor', { config: { access: 'public' } }, async (request, reply) => {
    if (!pendingTotpUser(request, deps)) return reply.redirect('/sign-in')
    return render(request, reply, 'pages/sign-in-two-factor.njk', { pageTitle: 'Enter your security code' })
  })

  app.post(
    '/sign-in/two-factor',
    { config: { access: 'public', rateLimit: { max: deps.config.signIn.ratePerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const userId = pendingTotpUser(request, deps)
      if (!userId) return reply.redirect('/sign-in?expired=idle')
      const form = parseForm(TotpForm, request.body)
      if (!form.ok)
        return render(
          request,
          reply,
          'pages/sign-in-two-factor.njk',
          { pageTitle: 'Enter your security code', ...form },
          400,
        )
      const result = await signInWithTotp(deps, policy, { userId, code: form.data.code, requestId: request.id })
      return afterSignIn(request, reply, result, {})
    },
  )

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (request.session) await request.session.destroy()
    return reply.redirect('/sign-in?signed-out=1')
  })

  async function afterSignIn(
    request: FastifyRequest,
    reply: FastifyReply,
    result: SignInResult,
    values: Record<string, unknown>,
  ) {
    const template = values.email !== undefined ? 'pages/sign-in.njk' : 'pages/sign-in-two-factor.njk'
    const title = values.email !== undefined ? 'Sign in' : 'Enter your security code'
    switch (result.outcome) {
      case 'invalid': {
        const text =
          values.email !== undefined
            ? 'Enter a correct email address and password'
            : 'The security code is not correct or has expired – enter the latest code from your authenticator app'
        const href = values.email !== undefined ? '#email' : '#code'
        return render(request, reply, template, { pageTitle: title, errors: [{ text, href }], values }, 401)
      }
      case 'locked':
        return render(
          request,
          reply,
          template,
          {
            pageTitle: title,
            errors: [
              {
                text: `This account is locked after too many failed attempts. Try again after ${result.until.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' })}, or ask your force's Lantern administrator to unlock it`,
                href: '#email',
              },
            ],
            values,
          },
          423,
        )
      case 'second-factor-needed':
        await request.session.regenerate()
        request.session.pendingTotpUserId = result.userId
        request.session.pendingTotpAt = deps.now().getTime()
        return reply.redirect('/sign-in/two-factor')
      case 'second-factor-setup-needed':
        await establish(request, result.actor, true)
        return reply.redirect('/account/two-factor')
      case 'signed-in': {
        const returnTo = request.session.returnTo
        await establish(request, result.actor, false)
        return reply.redirect(returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/')
      }
    }
  }

  // The session id is rotated at sign-in (issue #2 §5): anything an attacker planted before is dropped.
  async function establish(request: FastifyRequest, actor: Actor, mustSetUpTotp: boolean) {
    await request.session.regenerate()
    const now = deps.now().getTime()
    request.session.userId = actor.userId
    request.session.signedInAt = now
    request.session.lastSeenAt = now
    request.session.mustSetUpTotp = mustSetUpTotp || undefined
  }
}

function pendingTotpUser(request: FastifyRequest, deps: AppDeps): string | null {
  const s = request.session
  if (!s?.pendingTotpUserId || !s.pendingTotpAt) return null
  if (deps.now().getTime() - s.pendingTotpAt > PENDING_TOTP_MS) return null
  return s.pendingTotpUserId
}
