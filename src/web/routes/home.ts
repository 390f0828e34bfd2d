import type { FastifyInstance } from 'fastify'
import { roleLabels } from '../../domain/access/roles.js'
import type { AppDeps } from '../app.js'
import { homeTasksFor } from '../home-tasks.js'
import { render } from '../render.js'

export async function homeRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/', { config: { access: 'home:view' } }, async (request, reply) => {
    const actor = request.ctx().actor
    return render(request, reply, 'pages/home.njk', {
      pageTitle: 'Home',
      roleLabel: roleLabels[actor.role],
      tasks: homeTasksFor(actor),
      isInspector: actor.forceId === null,
    })
  })
}
