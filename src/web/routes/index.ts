import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'
import { accountRoutes } from './account.js'
import { adminRoutes } from './admin.js'
import { authRoutes } from './auth.js'
import { homeRoutes } from './home.js'
import { identifyRoutes } from './identify/index.js'
import { staticPageRoutes } from './static-pages.js'

// Each capability adds its route module here; buildApp registers them in this order.
export const routeModules: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = [
  authRoutes,
  homeRoutes,
  staticPageRoutes,
  accountRoutes,
  adminRoutes,
  identifyRoutes,
]
