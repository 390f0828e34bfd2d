import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import { AccessDenied, can } from '../../domain/access/policy.js'
import { loadActor } from '../../services/identity/sign-in.js'
import { actorForApiToken } from '../../services/identity/users.js'
import type { AppDeps, RouteRecord } from '../app.js'
import { sendProblem } from '../problem.js'
import type { Access } from '../types.js'

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Pages a user who must still set up a second factor may reach.
const TOTP_SETUP_ALLOWED = /^\/(account\/two-factor|sign-out|assets\/)/
// While the phone is handed to the person encountered, nothing of the case may be reachable.
const HANDOVER_ALLOWED = /^\/(handover|rights|assets)(\/|$|\?|\.)/

/**
 * Sign-in and authorisation for every route: each route must declare `config.access`, the actor
 * is resolved once per request (session or bearer token), and CSRF is checked on every unsafe
 * method that is not token-authenticated.
 */
export function registerAccessControl(app: FastifyInstance & { lanternRoutes: RouteRecord[] }, deps: AppDeps) {
  const { config } = deps

  app.decorateRequest('actor', null)
  app.decorateRequest('viaToken', false)
  app.decorateRequest('ctx', function (this: FastifyRequest) {
    if (!this.actor) throw new AccessDenied('home:view', 'You need to sign in')
    return { actor: this.actor, requestId: this.id }
  })

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path
    if (url.startsWith('/assets/')) route.config = { ...route.config, access: 'public' }
    const access = route.config?.access
    if (!access) throw new Error(`Route ${String(route.method)} ${url} does not state the access it needs`)
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const m of methods) if (m !== 'HEAD') app.lanternRoutes.push({ method: m, url, access })
    if (methods.some((m) => UNSAFE.has(m))) {
      const existing = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : []
      route.preHandler = [csrfGuard, ...existing]
    }
  })

  function csrfGuard(
    this: FastifyInstance,
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ) {
    if (request.viaToken) return done()
    app.csrfProtection(request, reply, done)
  }

  app.addHook('preHandler', async (request, reply) => {
    const access: Access | undefined = request.routeOptions.config.access
    const isApi = request.url.startsWith('/api/')
    await resolveActor(request, deps, isApi)
    if (access === undefined || access === 'public') return
    if (!request.actor) {
      if (isApi) {
        return sendProblem(reply, {
          status: 401,
          title: 'Authentication required',
          detail: 'Send a bearer token or sign in',
        })
      }
      if (request.method === 'GET' && request.session) request.session.returnTo = request.url
      const expired = request.sessionExpired
      return reply.redirect(expired ? `/sign-in?expired=${expired}` : '/sign-in')
    }
    if (request.session?.handover && !HANDOVER_ALLOWED.test(request.url)) {
      return isApi
        ? sendProblem(reply, { status: 423, title: 'Locked', detail: 'A hand-over is in progress' })
        : reply.redirect('/handover')
    }
    if (request.session?.mustSetUpTotp && !TOTP_SETUP_ALLOWED.test(request.url)) {
      return reply.redirect('/account/two-factor')
    }
    if (access !== 'signed-in' && !can(request.actor, access)) throw new AccessDenied(access)
  })

  async function resolveActor(request: FastifyRequest, d: AppDeps, isApi: boolean) {
    const auth = request.headers.authorization
    if (isApi && auth?.startsWith('Bearer ')) {
      request.actor = await actorForApiToken(d, auth.slice(7).trim())
      request.viaToken = request.actor !== null
      return
    }
    const s = request.session
    if (!s?.userId) return
    const now = d.now().getTime()
    const idleMs = config.session.idleMinutes * 60_000
    const absoluteMs = config.session.absoluteHours * 3_600_000
    const expired =
      now - (s.signedInAt ?? 0) > absoluteMs ? 'absolute' : now - (s.lastSeenAt ?? 0) > idleMs ? 'idle' : null
    if (expired) {
      await s.destroy()
      request.sessionExpired = expired
      return
    }
    // Touch at most once a minute: enough for a 30-minute idle limit, and it spares a write per request.
    if (now - (s.lastSeenAt ?? 0) > 60_000) s.lastSeenAt = now
    request.actor = await loadActor(d, s.userId)
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionExpired?: 'idle' | 'absolute'
  }
}
