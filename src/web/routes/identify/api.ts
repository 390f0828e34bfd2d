import type { FastifyInstance } from 'fastify'
import { CATALOGUE_VERSION } from '../../../domain/identify/catalogue.js'
import { catalogueSummary } from '../../../domain/identify/catalogue-summary.js'
import { assessForApi } from '../../../services/identify/assess-api.js'
import type { AppDeps } from '../../app.js'
import { sendProblem } from '../../problem.js'

export async function identifyApiRoutes(app: FastifyInstance, deps: AppDeps) {
  app.post('/api/v1/assessments', { config: { access: 'assessment:run' } }, async (request, reply) => {
    if (!request.headers['content-type']?.includes('application/json')) {
      return sendProblem(reply, {
        status: 415,
        title: 'Unsupported media type',
        detail: 'Send the encounter as application/json',
      })
    }
    const result = await assessForApi(deps, request.ctx(), request.body)
    if (!result.ok) {
      return sendProblem(reply, {
        type: 'https://lantern.police.uk/problems/invalid-encounter',
        status: 400,
        title: 'The encounter is not valid',
        detail: `${result.errors.length} field${result.errors.length === 1 ? '' : 's'} failed validation; see docs/schemas/assessment-input.schema.json`,
        errors: result.errors,
      })
    }
    return reply.code(200).send(result.assessment)
  })

  app.get('/api/v1/indicators', { config: { access: 'indicators:view' } }, async () => ({
    version: CATALOGUE_VERSION,
    indicators: catalogueSummary(),
  }))
}
