import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { can } from '../../../domain/access/policy.js'
import { isoDateOf } from '../../../domain/investigation/dates.js'
import { MINIMUM_ORDER_YEARS } from '../../../domain/investigation/order-validation.js'
import {
  type OrderApplicant,
  orderApplicantLabels,
  orderApplicants,
  orderKindLabels,
  type Prohibition,
} from '../../../domain/investigation/orders.js'
import { OrderNotFound, Refused, refuse } from '../../../services/investigate/errors.js'
import {
  addOrder,
  type OrderInput,
  orderRegister,
  REMINDER_NOTE_MAX_LENGTH,
  ReminderAlreadyClosed,
  readOrder,
  recordBreach,
  recordBreachAction,
  recordMainApplicationDecided,
  recordReminderAction,
} from '../../../services/investigate/orders.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'
import {
  dateOf,
  errorsOf,
  type Field,
  type FormPage,
  handleInvestigationError,
  Id,
  renderForm,
  text,
  version,
} from './form-kit.js'
import { courtTypeLabels, itemsOf } from './labels.js'

type Body = Record<string, unknown>

const statusText = { 'not-yet-in-force': 'Not yet in force', 'in-force': 'In force', ended: 'Ended' } as const
const statusClass = {
  'not-yet-in-force': 'govuk-tag--grey',
  'in-force': 'govuk-tag--green',
  ended: 'govuk-tag--grey',
} as const

function orderFields(): Field[] {
  return [
    {
      kind: 'radios',
      name: 'kind',
      label: 'Which order',
      items: [
        {
          value: 'stpo',
          text: orderKindLabels.stpo,
          hint: `At least ${MINIMUM_ORDER_YEARS.stpo} years, or until further order (s17)`,
        },
        {
          value: 'stro',
          text: orderKindLabels.stro,
          hint: `At least ${MINIMUM_ORDER_YEARS.stro} years, or until further order (s24); no conviction needed`,
        },
      ],
    },
    {
      kind: 'radios',
      name: 'interim',
      label: 'Is it an interim order?',
      hint: 'An interim order lasts until the main application is decided (s21)',
      classes: 'govuk-radios--inline',
      items: [
        { value: 'no', text: 'No' },
        { value: 'yes', text: 'Yes' },
      ],
    },
    {
      kind: 'radios',
      name: 'route',
      label: 'How was it made',
      items: [
        { value: 'on-sentencing', text: 'On sentencing for a slavery or trafficking offence (STPO only, s14)' },
        { value: 'on-application', text: 'On application to a magistrates’ or youth court (s15, s23)' },
      ],
    },
    {
      kind: 'select',
      name: 'applicant',
      label: 'Who applied (for an order on application)',
      items: orderApplicants.map((a) => ({ value: a, text: orderApplicantLabels[a] })),
    },
    {
      kind: 'date',
      name: 'chiefOfficerNotifiedOn',
      label: 'Date the chief officer of police was told (immigration or NCA applications; optional)',
    },
    {
      kind: 'input',
      name: 'subjectRef',
      label: 'Reference for the person the order is against',
      hint: 'For example a PNC ID or the suspect’s reference in the investigation. Not a name: the register is read widely.',
      spellcheck: false,
    },
    {
      kind: 'input',
      name: 'subjectAge',
      label: 'Their age on the day of the application (optional)',
      classes: 'govuk-input--width-3',
      inputmode: 'numeric',
    },
    { kind: 'input', name: 'court', label: 'Court that made the order' },
    { kind: 'radios', name: 'courtType', label: 'Type of court', items: itemsOf(courtTypeLabels) },
    { kind: 'date', name: 'madeOn', label: 'Date the order was made' },
    { kind: 'date', name: 'startsOn', label: 'Date it starts' },
    {
      kind: 'radios',
      name: 'durationType',
      label: 'How long does it last?',
      items: [
        { value: 'fixed', text: 'Until a fixed date' },
        { value: 'until-further-order', text: 'Until further order' },
      ],
    },
    { kind: 'date', name: 'expiresOn', label: 'Expiry date (for a fixed period)' },
    {
      kind: 'textarea',
      name: 'prohibitions',
      label: 'Prohibitions',
      hint: 'One on each line, for example "Not to act as a gangmaster"',
      rows: 4,
    },
    {
      kind: 'textarea',
      name: 'travelProhibitions',
      label: 'Foreign travel prohibitions (optional)',
      hint: 'One on each line, for example "Not to travel to Romania" (s18)',
      rows: 2,
    },
    {
      kind: 'radios',
      name: 'notification',
      label: 'Must the person give their name and address to the police (s19)?',
      classes: 'govuk-radios--inline',
      items: [
        { value: 'yes', text: 'Yes' },
        { value: 'no', text: 'No' },
      ],
    },
    { kind: 'textarea', name: 'notificationDetails', label: 'Notification requirements (if yes)', rows: 3 },
  ]
}

function orderInputOf(body: Body, today: string): OrderInput {
  const issues: { field: string; message: string }[] = []
  const need = (ok: boolean, field: string, message: string) => {
    if (!ok) issues.push({ field, message })
  }
  const kind = text(body, 'kind')
  need(kind === 'stpo' || kind === 'stro', 'kind', 'Select which order it is')
  const interim = text(body, 'interim')
  need(interim === 'yes' || interim === 'no', 'interim', 'Select whether it is an interim order')
  const route = text(body, 'route')
  need(route === 'on-sentencing' || route === 'on-application', 'route', 'Select how the order was made')
  const applicant = text(body, 'applicant')
  const courtType = text(body, 'courtType')
  need(courtType in courtTypeLabels, 'courtType', 'Select the type of court')
  need(text(body, 'subjectRef').trim() !== '', 'subjectRef', 'Enter a reference for the person the order is against')
  need(text(body, 'court').trim() !== '', 'court', 'Name the court that made the order')
  const age = text(body, 'subjectAge').trim()
  need(
    age === '' || (/^\d+$/.test(age) && Number(age) <= 120),
    'subjectAge',
    'Enter the age as a whole number of years',
  )
  const made = dateOf(body, 'madeOn', 'the date the order was made', { notAfter: today })
  if (!made.ok) issues.push({ field: 'madeOn', message: made.message })
  const starts = dateOf(body, 'startsOn', 'the date the order starts')
  if (!starts.ok) issues.push({ field: 'startsOn', message: starts.message })
  const notified = dateOf(body, 'chiefOfficerNotifiedOn', 'the date the chief officer was told', { required: false })
  if (!notified.ok) issues.push({ field: 'chiefOfficerNotifiedOn', message: notified.message })
  const durationType = text(body, 'durationType')
  need(
    durationType === 'fixed' || durationType === 'until-further-order',
    'durationType',
    'Select how long the order lasts',
  )
  const expires = dateOf(body, 'expiresOn', 'the expiry date', { required: durationType === 'fixed' })
  if (durationType === 'fixed' && !expires.ok) issues.push({ field: 'expiresOn', message: expires.message })
  const notification = text(body, 'notification')
  need(
    notification === 'yes' || notification === 'no',
    'notification',
    'Select whether the person must give their name and address',
  )
  if (issues.length > 0) throw new Refused(issues)
  const lines = (name: string) =>
    text(body, name)
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '')
  const prohibitions: Prohibition[] = [
    ...lines('prohibitions').map((t) => ({ text: t, foreignTravel: false, duration: null })),
    ...lines('travelProhibitions').map((t) => ({ text: t, foreignTravel: true, duration: null })),
  ]
  return {
    kind: kind as 'stpo' | 'stro',
    interim: interim === 'yes',
    route: route as 'on-sentencing' | 'on-application',
    applicant: (orderApplicants as readonly string[]).includes(applicant) ? (applicant as OrderApplicant) : null,
    chiefOfficerNotifiedOn: notified.ok ? notified.value : null,
    subjectRef: text(body, 'subjectRef').trim(),
    subjectAgeAtApplication: age === '' ? null : Number(age),
    court: text(body, 'court').trim(),
    courtType: courtType as 'magistrates' | 'youth' | 'crown',
    madeOn: made.ok ? (made.value ?? '') : '',
    startsOn: starts.ok ? (starts.value ?? '') : '',
    duration:
      durationType === 'fixed' && expires.ok && expires.value
        ? { type: 'fixed', expiresOn: expires.value }
        : { type: 'until-further-order' },
    mainApplicationDecidedOn: null,
    prohibitions,
    notificationRequirements: {
      required: notification === 'yes',
      details: text(body, 'notificationDetails').trim() || null,
    },
    investigationId: Id.safeParse(text(body, 'investigation')).success ? text(body, 'investigation') : null,
    submissionId: Id.safeParse(text(body, 'submissionId')).success ? text(body, 'submissionId') : randomUUID(),
  }
}

async function loadOrder(deps: AppDeps, request: FastifyRequest<{ Params: { orderId: string } }>, reply: FastifyReply) {
  const id = Id.safeParse(request.params.orderId)
  if (!id.success) {
    await reply.callNotFound()
    return null
  }
  try {
    return await readOrder(deps, request.ctx(), id.data)
  } catch (e) {
    if (e instanceof OrderNotFound) {
      await reply.callNotFound()
      return null
    }
    throw e
  }
}

export async function orderRegisterRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Querystring: { investigation?: string } }>(
    '/investigations/orders',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const { items, today } = await orderRegister(deps, request.ctx())
      const only = request.query.investigation
      const shown = only ? items.filter((i) => i.row.investigationId === only) : items
      return render(request, reply, 'investigations/orders.njk', {
        pageTitle: 'Prevention and risk orders',
        today,
        investigation: only ?? null,
        rows: shown.map((i) => ({
          id: i.row.id,
          reference: i.row.reference,
          kind: `${i.row.interim ? 'Interim ' : ''}${orderKindLabels[i.row.kind]}`,
          subjectRef: i.row.subjectRef,
          court: i.row.court,
          startsOn: i.row.startsOn,
          endsOn: i.endsOn,
          status: statusText[i.status],
          statusClass: statusClass[i.status],
          breaches: i.row.breaches.length,
          due: i.due,
        })),
        dueCount: shown.reduce((n, i) => n + i.due.length, 0),
        canAdd: can(request.ctx().actor, 'investigation:update'),
      })
    },
  )

  const newPage = (investigation: string | null, submissionId: string): FormPage => ({
    pageTitle: 'Add an order to the register',
    heading: 'Add an order to the register',
    fields: orderFields(),
    submitText: 'Add the order',
    action: '/investigations/orders',
    cancelHref: investigation ? `/investigations/${investigation}` : '/investigations/orders',
    hidden: { submissionId, ...(investigation ? { investigation } : {}) },
  })

  app.get<{ Querystring: { investigation?: string } }>(
    '/investigations/orders/new',
    { config: { access: 'investigation:update' } },
    async (request, reply) => {
      const investigation = Id.safeParse(request.query.investigation).success
        ? (request.query.investigation as string)
        : null
      return renderForm(request, reply, newPage(investigation, randomUUID()), { notification: 'no', interim: 'no' })
    },
  )

  app.post('/investigations/orders', { config: { access: 'investigation:update' } }, async (request, reply) => {
    const body = (request.body ?? {}) as Body
    const investigation = Id.safeParse(text(body, 'investigation')).success ? text(body, 'investigation') : null
    const submissionId = Id.safeParse(text(body, 'submissionId')).success ? text(body, 'submissionId') : randomUUID()
    try {
      const row = await addOrder(deps, request.ctx(), orderInputOf(body, isoDateOf(deps.now())))
      request.session.flash = { type: 'success', title: 'Order added', text: `${row.reference} is on the register.` }
      return reply.redirect(`/investigations/orders/${row.id}`)
    } catch (e) {
      if (await handleInvestigationError(e, request, reply, '/investigations/orders')) return reply
      const page = newPage(investigation, submissionId)
      return renderForm(request, reply, page, body, errorsOf((e as Refused).issues, page.fields))
    }
  })

  type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>
  /** The note typed against one reminder, with its error, when the page is shown again after a refusal. */
  type NoteProblem = { taskId: string; value: string; message: string }

  const renderOrder = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: LoadedOrder,
    problem: { errors: { text: string; href: string }[]; note?: NoteProblem } | null = null,
    status = 200,
  ) =>
    render(
      request,
      reply,
      'investigations/order.njk',
      {
        pageTitle: `Order ${o.row.reference}`,
        o,
        kind: `${o.row.interim ? 'Interim ' : ''}${orderKindLabels[o.row.kind]}`,
        applicant: o.row.applicant
          ? (orderApplicantLabels[o.row.applicant as OrderApplicant] ?? o.row.applicant)
          : 'Made on sentencing',
        courtType: courtTypeLabels[o.row.courtType],
        status: statusText[o.status],
        statusClass: statusClass[o.status],
        canChange: can(request.ctx().actor, 'investigation:update'),
        noteMaxLength: REMINDER_NOTE_MAX_LENGTH,
        errors: problem?.errors ?? [],
        note: problem?.note ?? null,
      },
      status,
    )

  app.get<{ Params: { orderId: string } }>(
    '/investigations/orders/:orderId',
    { config: { access: 'investigation:read' } },
    async (request, reply) => {
      const o = await loadOrder(deps, request, reply)
      if (!o) return reply
      return renderOrder(request, reply, o)
    },
  )

  // Closes one open reminder task with what the officer did (issue 6 §3); the note joins the order's history.
  app.post<{ Params: { orderId: string; taskId: string } }>(
    '/investigations/orders/:orderId/reminders/:taskId',
    { config: { access: 'investigation:update' } },
    async (request, reply) => {
      const orderId = Id.safeParse(request.params.orderId)
      const taskId = Id.safeParse(request.params.taskId)
      if (!orderId.success || !taskId.success) return reply.callNotFound()
      const note = text((request.body ?? {}) as Body, 'note')
      try {
        const done = await recordReminderAction(deps, request.ctx(), orderId.data, taskId.data, note)
        request.session.flash = {
          type: 'success',
          title: 'Reminder closed',
          text: `What you did is in the history of order ${done.reference}. The reminder has left the worklists.`,
        }
        return reply.redirect(`/investigations/orders/${orderId.data}`)
      } catch (e) {
        if (e instanceof ReminderAlreadyClosed) {
          const o = await loadOrder(deps, request, reply)
          if (!o) return reply
          const errors = [
            {
              text: 'This reminder was already closed, so nothing was saved. What was recorded is in the history.',
              href: '#reminder-history',
            },
          ]
          return renderOrder(request, reply, o, { errors }, 409)
        }
        if (await handleInvestigationError(e, request, reply, `/investigations/orders/${orderId.data}`)) return reply
        const o = await loadOrder(deps, request, reply)
        if (!o) return reply
        const message = (e as Refused).issues[0]?.message ?? 'Enter what you did about this reminder'
        return renderOrder(
          request,
          reply,
          o,
          {
            errors: [{ text: message, href: `#note-${taskId.data}` }],
            note: { taskId: taskId.data, value: note, message },
          },
          400,
        )
      }
    },
  )

  type OrderForm = {
    path: string
    page(o: LoadedOrder, request: FastifyRequest): FormPage
    submit(o: LoadedOrder, body: Body, request: FastifyRequest): Promise<string>
  }
  const orderForm = (form: OrderForm) => {
    app.get<{ Params: { orderId: string; n?: string } }>(
      form.path,
      { config: { access: 'investigation:update' } },
      async (request, reply) => {
        const o = await loadOrder(deps, request, reply)
        if (!o) return reply
        try {
          const page = form.page(o, request)
          return renderForm(request, reply, { ...page, hidden: { ...page.hidden, version: o.row.version } })
        } catch (e) {
          if (e instanceof Refused) return reply.callNotFound()
          throw e
        }
      },
    )
    app.post<{ Params: { orderId: string; n?: string } }>(
      form.path,
      { config: { access: 'investigation:update' } },
      async (request, reply) => {
        const o = await loadOrder(deps, request, reply)
        if (!o) return reply
        const body = (request.body ?? {}) as Body
        try {
          request.session.flash = { type: 'success', text: await form.submit(o, body, request) }
          return reply.redirect(`/investigations/orders/${o.row.id}`)
        } catch (e) {
          if (await handleInvestigationError(e, request, reply, `/investigations/orders/${o.row.id}`)) return reply
          const page = form.page(o, request)
          return renderForm(
            request,
            reply,
            { ...page, hidden: { ...page.hidden, version: text(body, 'version') } },
            body,
            errorsOf((e as Refused).issues, page.fields),
          )
        }
      },
    )
  }

  orderForm({
    path: '/investigations/orders/:orderId/breaches',
    page: (o) => ({
      pageTitle: 'Record a breach',
      caption: `Order ${o.row.reference}`,
      heading: 'Record a breach',
      introHtml:
        '<p class="govuk-body">Breaching an order without reasonable excuse is an offence (s30; UNCONFIRMED section mapping).</p>',
      fields: [
        { kind: 'date', name: 'occurredOn', label: 'When did it happen?' },
        { kind: 'date', name: 'reportedOn', label: 'When was it reported?' },
        { kind: 'textarea', name: 'description', label: 'What happened', rows: 4 },
      ],
      submitText: 'Record the breach',
      cancelHref: `/investigations/orders/${o.row.id}`,
    }),
    submit: async (o, body, request) => {
      const today = isoDateOf(deps.now())
      const occurred = dateOf(body, 'occurredOn', 'the date of the breach', { notAfter: today })
      const reported = dateOf(body, 'reportedOn', 'the date it was reported', { notAfter: today })
      const issues = [
        ...(occurred.ok ? [] : [{ field: 'occurredOn', message: occurred.message }]),
        ...(reported.ok ? [] : [{ field: 'reportedOn', message: reported.message }]),
      ]
      if (!occurred.ok || !reported.ok) throw new Refused(issues)
      await recordBreach(deps, request.ctx(), o.row.id, version(body), {
        occurredOn: occurred.value ?? '',
        reportedOn: reported.value ?? '',
        description: text(body, 'description'),
      })
      return 'Breach recorded. Record the action taken when it is known.'
    },
  })

  orderForm({
    path: '/investigations/orders/:orderId/breaches/:n',
    page: (o, request) => {
      const n = Number((request.params as { n?: string }).n)
      const breach = o.row.breaches[n - 1]
      if (!breach || breach.actionTaken !== null) refuse('form', 'There is no such breach waiting for action.')
      return {
        pageTitle: 'Action taken on the breach',
        caption: `Order ${o.row.reference}, breach ${n}`,
        fields: [
          {
            kind: 'textarea',
            name: 'actionTaken',
            label: 'What action was taken on the breach?',
            pageHeading: true,
            rows: 4,
          },
        ],
        submitText: 'Save',
        cancelHref: `/investigations/orders/${o.row.id}`,
      }
    },
    submit: async (o, body, request) => {
      const n = Number((request.params as { n?: string }).n)
      await recordBreachAction(deps, request.ctx(), o.row.id, version(body), n - 1, text(body, 'actionTaken'))
      return 'Action recorded'
    },
  })

  orderForm({
    path: '/investigations/orders/:orderId/decided',
    page: (o) => {
      if (!o.row.interim || o.row.mainApplicationDecidedOn)
        refuse('form', 'This order is not waiting for a main application.')
      return {
        pageTitle: 'Main application decided',
        caption: `Order ${o.row.reference}`,
        fields: [
          { kind: 'date', name: 'decidedOn', label: 'When was the main application decided?', pageHeading: true },
        ],
        submitText: 'Save',
        cancelHref: `/investigations/orders/${o.row.id}`,
      }
    },
    submit: async (o, body, request) => {
      const decided = dateOf(body, 'decidedOn', 'the date the application was decided', {
        notAfter: isoDateOf(deps.now()),
      })
      if (!decided.ok) refuse('decidedOn', decided.message)
      await recordMainApplicationDecided(deps, request.ctx(), o.row.id, version(body), decided.value ?? '')
      return 'Recorded: the interim order ends when the main application is decided'
    },
  })
}
