import type { FastifyInstance } from 'fastify'
import { saveDutyToNotifyReport } from '../../../services/refer/dtn-api.js'
import {
  ReferralConflict,
  ReferralNotFound,
  ReferralRefused,
  ReferralTransferredAway,
} from '../../../services/refer/errors.js'
import type { AppDeps } from '../../app.js'
import { sendProblem } from '../../problem.js'
import { type IdParams, referralId } from './helpers.js'

const PROBLEMS = 'https://lantern.police.uk/problems'

export async function referralApiRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post<IdParams>(
    '/api/v1/referrals/:id/duty-to-notify',
    { config: { access: 'referral:update' } },
    async (request, reply) => {
      const id = referralId(request)
      if (!id) return sendProblem(reply, { status: 404, title: 'Not found', detail: 'No referral has that id' })
      if (!request.headers['content-type']?.includes('application/json')) {
        return sendProblem(reply, {
          status: 415,
          title: 'Unsupported media type',
          detail: 'Send the Duty to Notify report as application/json',
        })
      }
      try {
        return reply.code(200).send(await saveDutyToNotifyReport(deps, request.ctx(), id, request.body))
      } catch (e) {
        if (e instanceof ReferralNotFound || e instanceof ReferralTransferredAway) {
          return sendProblem(reply, {
            status: 404,
            title: 'Not found',
            detail: 'Your force holds no referral with that id',
          })
        }
        if (e instanceof ReferralConflict) {
          return sendProblem(reply, {
            type: `${PROBLEMS}/conflict`,
            status: 409,
            title: 'The referral changed while it was being saved',
            detail: 'Send the report again',
          })
        }
        if (e instanceof ReferralRefused) {
          const invalid = e.code === 'invalid' || e.code === 'consent-mismatch'
          return sendProblem(reply, {
            type: `${PROBLEMS}/${invalid ? 'invalid-duty-to-notify' : e.code}`,
            status: invalid ? 422 : 409,
            title: invalid ? 'The Duty to Notify report is not valid' : 'The report cannot be changed',
            detail: e.message,
            errors: e.issues.map((i) => ({ path: i.path, message: i.message })),
          })
        }
        throw e
      }
    },
  )
}
