import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { type Role, roleLabels, roles } from '../../domain/access/roles.js'
import { auditActions, searchAudit } from '../../services/audit/audit.js'
import { getOwnForce, requireTwoFactorForForce } from '../../services/identity/force-settings.js'
import { addUser, listUsers, UserInputError, unlockAccount } from '../../services/identity/users.js'
import type { AppDeps } from '../app.js'
import { parseForm } from '../forms.js'
import { render } from '../render.js'

const PAGE_SIZE = 50
const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD, like 2026-11-28')
  .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()), 'Enter a real date')

const AuditQuery = z.object({
  recordType: z
    .string()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  recordId: z
    .string()
    .trim()
    .max(80)
    .optional()
    .transform((v) => v || undefined),
  actorUserId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.uuid('The user id must be a Lantern user id (a UUID)').optional()),
  action: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(auditActions, 'Choose an action from the list').optional()),
  from: z.union([z.literal('').transform(() => undefined), isoDay]).optional(),
  to: z.union([z.literal('').transform(() => undefined), isoDay]).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
})

const NewUserForm = z.object({
  displayName: z
    .string({ error: 'Enter the person’s name' })
    .trim()
    .min(1, 'Enter the person’s name')
    .max(120, 'Name must be 120 characters or fewer'),
  email: z.email({ error: 'Enter an email address in the correct format, like name@force.police.uk' }),
  role: z.enum(roles.filter((r) => r !== 'inspector') as [Role, ...Role[]], 'Select a role'),
  password: z
    .string({ error: 'Enter a temporary password' })
    .min(12, 'Temporary password must be at least 12 characters')
    .max(200),
})

export async function adminRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/admin', { config: { access: 'users:manage' } }, (request, reply) =>
    render(request, reply, 'admin/index.njk', { pageTitle: 'Administration' }),
  )

  app.get('/admin/users', { config: { access: 'users:manage' } }, async (request, reply) => {
    const ctx = request.ctx()
    const [users, force] = await Promise.all([listUsers(deps, ctx), getOwnForce(deps, ctx)])
    return render(request, reply, 'admin/users.njk', {
      pageTitle: 'Users and sign-in',
      users: users.map((u) => ({
        ...u,
        roleLabel: roleLabels[u.role],
        locked: u.lockedUntil && u.lockedUntil > deps.now(),
      })),
      force,
    })
  })

  const roleItems = roles.filter((r) => r !== 'inspector').map((r) => ({ value: r, text: roleLabels[r] }))

  app.get('/admin/users/new', { config: { access: 'users:manage' } }, (request, reply) =>
    render(request, reply, 'admin/user-new.njk', { pageTitle: 'Add a user', roleItems, values: {} }),
  )

  app.post('/admin/users/new', { config: { access: 'users:manage' } }, async (request, reply) => {
    const form = parseForm(NewUserForm, request.body)
    const values = { ...(request.body as object), password: '' }
    if (!form.ok)
      return render(request, reply, 'admin/user-new.njk', { pageTitle: 'Add a user', roleItems, ...form, values }, 400)
    const ctx = request.ctx()
    try {
      await addUser(deps, { ...form.data, forceId: ctx.actor.forceId }, { demo: deps.config.demo, by: ctx })
    } catch (e) {
      if (!(e instanceof UserInputError)) throw e
      const field = /email/i.test(e.message) ? 'email' : /password/i.test(e.message) ? 'password' : 'displayName'
      return render(
        request,
        reply,
        'admin/user-new.njk',
        {
          pageTitle: 'Add a user',
          roleItems,
          errors: [{ text: e.message, href: `#${field}` }],
          fieldErrors: { [field]: { text: e.message } },
          values,
        },
        400,
      )
    }
    request.session.flash = {
      type: 'success',
      text: `${form.data.displayName} can now sign in with the temporary password.`,
    }
    return reply.redirect('/admin/users')
  })

  app.post<{ Params: { id: string } }>(
    '/admin/users/:id/unlock',
    { config: { access: 'users:manage' } },
    async (request, reply) => {
      const id = z.uuid().safeParse(request.params.id)
      if (!id.success || !(await unlockAccount(deps, request.ctx(), id.data))) return reply.callNotFound()
      request.session.flash = { type: 'success', text: 'The account is unlocked.' }
      return reply.redirect('/admin/users')
    },
  )

  app.post('/admin/settings/two-factor', { config: { access: 'force:settings' } }, async (request, reply) => {
    const form = parseForm(z.object({ requireTwoFactor: z.enum(['yes', 'no'], 'Select yes or no') }), request.body)
    if (!form.ok) return reply.redirect('/admin/users')
    await requireTwoFactorForForce(deps, request.ctx(), form.data.requireTwoFactor === 'yes')
    request.session.flash = {
      type: 'success',
      text:
        form.data.requireTwoFactor === 'yes'
          ? 'Every user in your force must now use two-factor authentication. Users without it will set it up at their next sign-in.'
          : 'Two-factor authentication is now optional in your force.',
    }
    return reply.redirect('/admin/users')
  })

  app.get('/admin/audit', { config: { access: 'audit:search' } }, async (request, reply) => {
    const q = AuditQuery.safeParse(request.query)
    const values = request.query as Record<string, string>
    const actionItems = [{ value: '', text: 'Any action' }, ...auditActions.map((a) => ({ value: a, text: a }))]
    if (!q.success) {
      const form = parseForm(AuditQuery, request.query)
      return render(
        request,
        reply,
        'admin/audit.njk',
        { pageTitle: 'Audit log', actionItems, values, ...(form.ok ? {} : form), rows: [] },
        400,
      )
    }
    const { page, ...filters } = q.data
    const result = await searchAudit(deps, request.ctx(), {
      ...filters,
      from: filters.from ? `${filters.from}T00:00:00Z` : undefined,
      to: filters.to ? `${filters.to}T23:59:59.999Z` : undefined,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    })
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
    const qs = (p: number) => `?${new URLSearchParams({ ...values, page: String(p) }).toString()}`
    return render(request, reply, 'admin/audit.njk', {
      pageTitle: 'Audit log',
      actionItems,
      values,
      rows: result.rows,
      total: result.total,
      pagination: {
        previous: page > 1 ? { href: qs(page - 1) } : undefined,
        next: page < pages ? { href: qs(page + 1) } : undefined,
      },
      page,
      pages,
    })
  })
}
