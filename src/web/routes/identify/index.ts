import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.js'
import { identifyApiRoutes } from './api.js'
import { cataloguePageRoutes } from './catalogue-page.js'
import { encounterJourneyRoutes } from './encounter-journey.js'
import { encounterRecordRoutes } from './encounter-record.js'

export async function identifyRoutes(app: FastifyInstance, deps: AppDeps) {
  await encounterJourneyRoutes(app, deps)
  await encounterRecordRoutes(app, deps)
  await identifyApiRoutes(app, deps)
  await cataloguePageRoutes(app, deps)
}
