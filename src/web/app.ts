import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import session from '@fastify/session'
import fastifyStatic from '@fastify/static'
import view from '@fastify/view'
import Fastify, { type FastifyInstance } from 'fastify'
import nunjucks from 'nunjucks'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Deps } from '../services/context.js'
import { govukAssetsDir, mojAssetsDir, publicDir } from './build-assets.js'
import { registerAccessControl } from './plugins/access.js'
import { registerErrorHandlers } from './plugins/errors.js'
import { DatabaseSessionStore } from './plugins/session-store.js'
import { registerViewFilters } from './plugins/view-filters.js'
import { routeModules } from './routes/index.js'
import type { Access } from './types.js'

const require = createRequire(import.meta.url)
const viewsDir = join(dirname(fileURLToPath(import.meta.url)), 'views')
const govukRoot = dirname(require.resolve('govuk-frontend/package.json'))
const mojRoot = dirname(require.resolve('@ministryofjustice/frontend/package.json'))

export type AppDeps = Deps & { config: Config; logger?: Logger | false }

export type RouteRecord = { method: string; url: string; access: Access }

/**
 * The composition root for the web: the request pipeline reads top to bottom, in the order HMPPS
 * uses — health, security headers, static, parsing, session, CSRF, views, sign-in, routes, errors.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { lanternRoutes: RouteRecord[] }> {
  const { config } = deps
  const app = Fastify({
    loggerInstance: deps.logger || undefined,
    logger: deps.logger === false ? false : undefined,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
  }) as unknown as FastifyInstance & { lanternRoutes: RouteRecord[] }

  app.decorate('lanternRoutes', [] as RouteRecord[])
  registerAccessControl(app, deps)

  app.addHook('onSend', async (request, reply) => {
    reply.header('X-Request-Id', request.id)
  })

  app.get('/health', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await deps.database.ping()
      return { status: 'UP', database: { status: 'UP', kind: deps.database.kind } }
    } catch {
      return reply.code(503).send({ status: 'DOWN', database: { status: 'DOWN', kind: deps.database.kind } })
    }
  })
  app.get('/ready', { config: { access: 'public' } }, async () => ({ status: 'READY' }))

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        upgradeInsecureRequests: config.session.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.session.cookieSecure,
    referrerPolicy: { policy: 'no-referrer' },
  })

  await app.register(fastifyStatic, {
    root: [publicDir, join(govukAssetsDir), join(mojAssetsDir)],
    prefix: '/assets/',
    maxAge: config.env === 'production' ? '1d' : 0,
    index: false,
  })

  await app.register(formbody, { bodyLimit: config.bodyLimitBytes })
  await app.register(cookie)
  await app.register(session, {
    secret: config.sessionSecret,
    cookieName: 'lantern.sid',
    saveUninitialized: false,
    // Save only when the session changes (the idle clock is touched at most once a minute), not on every request.
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.cookieSecure,
      maxAge: config.session.absoluteHours * 3_600_000,
      path: '/',
    },
    store: new DatabaseSessionStore(deps.db, deps.now, config.session.absoluteHours * 3_600_000),
  })
  await app.register(csrf, { sessionPlugin: '@fastify/session' })
  await app.register(rateLimit, { global: false })

  await app.register(view, {
    engine: { nunjucks },
    templates: [viewsDir, join(govukRoot, 'dist'), mojRoot],
    production: config.env === 'production',
    options: { autoescape: true, throwOnUndefined: false, onConfigure: registerViewFilters },
  })

  // Error handlers are inherited by route plugins registered after them, so they come first.
  registerErrorHandlers(app)
  for (const register of routeModules) await app.register(register, deps)
  return app
}
