import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'
import { render } from '../render.js'

export async function staticPageRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/accessibility', { config: { access: 'public' } }, (request, reply) =>
    render(request, reply, 'pages/accessibility.njk', { pageTitle: 'Accessibility statement' }),
  )
  app.get('/privacy', { config: { access: 'public' } }, (request, reply) =>
    render(request, reply, 'pages/privacy.njk', { pageTitle: 'Privacy notice' }),
  )
}
