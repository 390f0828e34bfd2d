import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../app.js'
import { accountRoutes } from './account.js'
import { adminRoutes } from './admin.js'
import { authRoutes } from './auth.js'
import { crimeRoutes } from './crime/index.js'
import { custodyRoutes } from './custody/index.js'
import { homeRoutes } from './home.js'
import { identifyRoutes } from './identify/index.js'
import { informRoutes } from './inform/index.js'
import { investigateRoutes } from './investigate/index.js'
import { referRoutes } from './refer/index.js'
import { s45Routes } from './s45/index.js'
import { staticPageRoutes } from './static-pages.js'
import { worklistRoutes } from './worklists/index.js'

// Each capability adds its route module here; buildApp registers them in this order.
export const routeModules: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = [
  authRoutes,
  homeRoutes,
  staticPageRoutes,
  accountRoutes,
  adminRoutes,
  identifyRoutes,
  informRoutes,
  referRoutes,
  worklistRoutes,
  crimeRoutes,
  investigateRoutes,
  custodyRoutes,
  s45Routes,
]
