import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.js'
import { investigationListRoutes } from './list.js'
import { orderRegisterRoutes } from './orders.js'
import { investigationOutcomeRoutes } from './outcomes.js'
import { investigationPeopleRoutes } from './people.js'
import { investigationSectionRoutes } from './sections.js'
import { investigationShowRoutes } from './show.js'
import { investigationSupervisionRoutes } from './supervision.js'

export async function investigateRoutes(app: FastifyInstance, deps: AppDeps) {
  await investigationListRoutes(app, deps)
  await orderRegisterRoutes(app, deps)
  await investigationShowRoutes(app, deps)
  await investigationSectionRoutes(app, deps)
  await investigationSupervisionRoutes(app, deps)
  await investigationOutcomeRoutes(app, deps)
  await investigationPeopleRoutes(app, deps)
}
