import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.js'
import { handoverRoutes } from './handover.js'
import { publicRightsRoutes } from './public-rights.js'

export async function informRoutes(app: FastifyInstance, deps: AppDeps) {
  await publicRightsRoutes(app, deps)
  await handoverRoutes(app, deps)
}
