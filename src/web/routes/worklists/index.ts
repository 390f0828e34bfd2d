import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { TaskKind, taskKindLabels, taskKinds } from '../../../domain/tasks/task-kind.js'
import { pendingCancellations } from '../../../services/crime/crime-records.js'
import { type SchedulerDeps, smtpMailer, startScheduler } from '../../../services/notifications/scheduler.js'
import { loadNotificationSettings } from '../../../services/notifications/settings.js'
import { markRead, myActions, openNotification, teamActions } from '../../../services/tasks/worklists.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'
import { worklistSubnav } from './subnav.js'

const TeamQuery = z.object({
  kind: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .transform((v) => v.filter((k): k is TaskKind => TaskKind.safeParse(k).success)),
  overdue: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v.includes('yes') : v === 'yes')),
})

export async function worklistRoutes(app: FastifyInstance, deps: AppDeps) {
  startBackgroundScheduler(app, deps)

  app.get('/actions', { config: { access: 'worklist:own' } }, async (request, reply) => {
    const { items, notifications, unread } = await myActions(deps, request.ctx())
    return render(request, reply, 'worklists/my-actions.njk', {
      pageTitle: 'My actions',
      subnav: worklistSubnav(request.actor, '/actions'),
      items,
      overdueCount: items.filter((i) => i.due.overdue).length,
      notifications,
      unread,
    })
  })

  app.post('/actions/notifications/read', { config: { access: 'worklist:own' } }, async (request, reply) => {
    const changed = await markRead(deps, request.ctx())
    request.session.flash = {
      type: 'success',
      text: changed === 1 ? '1 notification marked as read.' : `${changed} notifications marked as read.`,
    }
    return reply.redirect('/actions#notifications')
  })

  app.get<{ Params: { id: string } }>(
    '/notifications/:id',
    { config: { access: 'worklist:own' } },
    async (request, reply) => {
      const id = z.uuid().safeParse(request.params.id)
      if (!id.success) return reply.callNotFound()
      const link = await openNotification(deps, request.ctx(), id.data)
      if (!link) return reply.callNotFound()
      return reply.redirect(link)
    },
  )

  app.get('/team-actions', { config: { access: 'worklist:team' } }, async (request, reply) => {
    const query = TeamQuery.parse(request.query ?? {})
    const ctx = request.ctx()
    const { items } = await teamActions(deps, ctx, { kinds: query.kind, overdueOnly: query.overdue })
    const cancellations = await pendingCancellations(deps, ctx)
    const removeHref = (drop: { kind?: string; overdue?: boolean }) => {
      const params = new URLSearchParams()
      for (const k of query.kind) if (k !== drop.kind) params.append('kind', k)
      if (query.overdue && !drop.overdue) params.append('overdue', 'yes')
      const s = params.toString()
      return s ? `/team-actions?${s}` : '/team-actions'
    }
    const selected = [
      ...(query.kind.length
        ? [
            {
              heading: { text: 'Kind of action' },
              items: query.kind.map((k) => ({ text: taskKindLabels[k], href: removeHref({ kind: k }) })),
            },
          ]
        : []),
      ...(query.overdue
        ? [{ heading: { text: 'Due' }, items: [{ text: 'Overdue only', href: removeHref({ overdue: true }) }] }]
        : []),
    ]
    return render(request, reply, 'worklists/team-actions.njk', {
      pageTitle: 'Team actions',
      subnav: worklistSubnav(request.actor, '/team-actions'),
      items,
      overdueCount: items.filter((i) => i.due.overdue).length,
      cancellations,
      kindItems: taskKinds.map((k) => ({ value: k, text: taskKindLabels[k], checked: query.kind.includes(k) })),
      overdueOnly: query.overdue,
      selected,
    })
  })
}

/**
 * Runs the reminder scheduler and outbox in this process (lantern serve), on LANTERN_SCHEDULER_INTERVAL_SECONDS.
 * It is off in tests, which call runDueJobs with the injected clock instead. pg-boss is not installed,
 * so the queue is a table claimed with FOR UPDATE SKIP LOCKED (src/services/notifications/scheduler.ts).
 */
function startBackgroundScheduler(app: FastifyInstance, deps: AppDeps) {
  const settings = loadNotificationSettings(process.env, deps.config.env)
  if (settings.intervalSeconds === 0) return
  const schedulerDeps: SchedulerDeps = {
    db: deps.db,
    publicUrl: deps.config.publicUrl,
    mailer: settings.smtpUrl ? smtpMailer(settings.smtpUrl, settings.from) : null,
    log: app.log,
  }
  let handle: ReturnType<typeof startScheduler> | null = null
  app.addHook('onReady', async () => {
    handle = startScheduler(schedulerDeps, settings.intervalSeconds * 1000, deps.now)
    app.log.info(
      { intervalSeconds: settings.intervalSeconds, email: settings.smtpUrl !== null },
      'reminder scheduler started',
    )
  })
  app.addHook('onClose', async () => {
    await handle?.stop()
  })
}
