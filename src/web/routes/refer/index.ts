import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.js'
import { referralApiRoutes } from './api.js'
import { referralFollowUpRoutes } from './follow-up.js'
import { referralJourneyRoutes } from './journey.js'
import { referralListAndStartRoutes } from './list-and-start.js'
import { noReferralDecisionRoutes } from './no-referral-decision.js'
import { referralRecordRoutes } from './record.js'
import { referralSectionRoutes } from './sections.js'

export async function referRoutes(app: FastifyInstance, deps: AppDeps) {
  await referralListAndStartRoutes(app, deps)
  await referralRecordRoutes(app, deps)
  await referralJourneyRoutes(app, deps)
  await referralSectionRoutes(app, deps)
  await referralFollowUpRoutes(app, deps)
  await referralApiRoutes(app, deps)
  await noReferralDecisionRoutes(app, deps)
}
