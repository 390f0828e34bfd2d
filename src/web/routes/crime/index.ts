import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { can } from '../../../domain/access/policy.js'
import { FORCES, forceById } from '../../../domain/forces/forces.js'
import { HOCR_CLASSIFICATIONS, hocrClassification, referralKindLabels } from '../../../domain/referral/index.js'
import { describeDue } from '../../../domain/tasks/due.js'
import { exploitationLocationLabels, ReceivedReferralInput } from '../../../domain/tasks/received-referral.js'
import {
  cancellationProblem,
  crimeSettings,
  decideCancellation,
  recordCrime,
  requestCancellation,
  setCrimeRecordingHours,
} from '../../../services/crime/crime-records.js'
import {
  logReceivedReferral,
  ReceivedReferralRefused,
  receivedReferralList,
} from '../../../services/crime/received-referrals.js'
import { investigationLinks } from '../../../services/investigate/links.js'
import type { AppDeps } from '../../app.js'
import { parseForm } from '../../forms.js'
import { render } from '../../render.js'
import { worklistSubnav } from '../worklists/subnav.js'
import { formPage } from './form-page.js'
import {
  aviKindLabels,
  CancelForm,
  DecisionForm,
  ReceivedKindForm,
  ReceivedSenderForm,
  ReceivedWhereForm,
  type RecordCrimeForm,
  receivedWhenForm,
  recordCrimeForm,
  SettingsForm,
  ukParts,
} from './forms.js'
import { checkAnswersJourney, type Loaded, recordRoute, refusalMessage, sessionDrafts } from './record-routes.js'

type RecordDraft = RecordCrimeForm & { version: number }
type CancelDraft = CancelForm & { version: number }
type ReceivedDraft = {
  submissionId: string
  kind?: 'nrm-adult' | 'nrm-child' | 'duty-to-notify'
  firstResponderOrganisation?: string
  externalReference?: string
  receivedAt?: string
  exploitationLocation?: 'uk' | 'overseas' | 'both' | 'not-known'
  exploitationForceId?: string
}

declare module 'fastify' {
  interface Session {
    crimeRecordDrafts?: Record<string, RecordDraft>
    crimeCancelDrafts?: Record<string, CancelDraft>
    receivedDraft?: ReceivedDraft
  }
}

type StepParams = { Params: { step: string }; Querystring: { return?: string } }
type StepReq = FastifyRequest<StepParams>
type Settings = Awaited<ReturnType<typeof crimeSettings>>
const Version = z.object({ version: z.coerce.number().int().min(1) })

const statusTags = {
  open: { text: 'Not recorded', classes: 'govuk-tag--red' },
  recorded: { text: 'Recorded', classes: 'govuk-tag--green' },
  'cancellation-requested': { text: 'Cancellation requested', classes: 'govuk-tag--orange' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
} as const

const triggerLabels = {
  'nrm-referral-made': 'NRM referral made by the force',
  'nrm-referral-received': 'NRM referral received',
  'duty-to-notify-received': 'Duty to Notify report received',
} as const

const historyLabels: Record<string, string> = {
  created: 'Crime to record: clock started',
  completed: 'Task closed',
  'crime-recorded': 'Crime recorded',
  'cancellation-requested': 'Cancellation requested',
  'cancellation-approved': 'Cancellation approved',
  'cancellation-rejected': 'Cancellation rejected',
}

/** Classification choices: the code, the label and the SECONDARY source label the list rests on. */
const classificationItems = HOCR_CLASSIFICATIONS.map((c) => ({
  value: c.code,
  text: `${c.code}: ${c.label}`,
  hint: {
    text: `${c.kind === 'crime' ? 'A recorded crime' : 'A notifiable incident'}. Source: ${c.source.confidence}`,
  },
}))

function classificationText(code: string | null): string {
  if (!code) return ''
  const c = hocrClassification(code)
  return c ? `${c.code}: ${c.label}` : code
}

function viewOf(deps: AppDeps, request: FastifyRequest, data: Loaded) {
  const { record } = data
  const me = request.actor?.userId
  const region = forceById(record.forceId)?.jurisdiction ?? 'england-and-wales'
  const nameOf = (id: string | null | undefined) =>
    !id ? 'Lantern' : id === me ? 'you' : (data.names.get(id) ?? 'another officer')
  const cancellation = record.cancellation
  return {
    record,
    received: data.received,
    receivedKindLabel: data.received ? referralKindLabels[data.received.kind] : null,
    receivedLocationLabel: data.received ? exploitationLocationLabels[data.received.exploitationLocation] : null,
    receivedForceName: data.received?.exploitationForceId
      ? (forceById(data.received.exploitationForceId)?.name ?? data.received.exploitationForceId)
      : null,
    triggerLabel: triggerLabels[record.trigger],
    statusTag: statusTags[record.status],
    overdue: data.overdue,
    due: describeDue(new Date(record.dueAt).toISOString(), deps.now(), region),
    clockLabel: data.clockLabel,
    classification: classificationText(record.classification),
    recordedByName: nameOf(record.recordedBy),
    cancellation: cancellation && {
      ...cancellation,
      evidence: cancellation.evidence.map((e) => ({
        ...e,
        label: aviKindLabels[e.kind as keyof typeof aviKindLabels] ?? e.kind,
      })),
      requestedByName: nameOf(cancellation.requestedBy),
    },
    rejected: record.rejectedCancellations.map((c) => ({
      ...c,
      requestedByName: nameOf(c.requestedBy),
      decidedByName: nameOf(c.decision?.by),
    })),
    ownRequest: cancellation?.requestedBy === me,
    canDecide:
      record.status === 'cancellation-requested' &&
      request.actor !== null &&
      can(request.actor, 'crime:cancel-approve') &&
      cancellation?.requestedBy !== me,
    history: [...data.events].reverse().map((e) => ({
      label: { text: historyLabels[e.event] ?? e.event },
      text: historyText(e.event, e.details),
      datetime: { timestamp: new Date(e.at).toISOString(), type: 'datetime' },
      byline: { text: nameOf(e.actorUserId) },
    })),
  }
}

function historyText(event: string, d: Record<string, unknown>): string {
  switch (event) {
    case 'created':
      return `Due ${new Date(String(d.dueAt)).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium', timeStyle: 'short' })}. ${String(d.basis ?? '')}`
    case 'crime-recorded':
      return `Reference ${String(d.reference ?? '')}, classification ${classificationText(String(d.classification ?? ''))}${Array.isArray(d.warnings) && d.warnings.length ? `. ${d.warnings.join('. ')}` : ''}`
    case 'cancellation-requested':
      return String(d.rationale ?? '')
    case 'cancellation-rejected':
      return `Reason: ${String(d.reason ?? '')}`
    case 'completed':
      return String(d.outcome ?? '')
    default:
      return ''
  }
}

export async function crimeRoutes(app: FastifyInstance, deps: AppDeps) {
  // ---- One crime record ----

  recordRoute(app, deps, { method: 'GET', url: '/crime/:id', access: 'crime:record' }, async (request, reply, data) => {
    const { record } = data
    const links = await investigationLinks(deps, request.ctx(), { crimeRecordId: record.id })
    return render(request, reply, 'crime/show.njk', {
      pageTitle: 'Crime to record',
      ...viewOf(deps, request, data),
      // /investigations/new finds a crime record by its crime reference, so the link waits until one is recorded.
      investigations: { ...links, canOpen: links.canOpen && record.crimeReference !== null },
      investigationNeedsReference: links.canOpen && record.crimeReference === null,
    })
  })

  // ---- Record the crime: question page, then check answers ----

  checkAnswersJourney<RecordCrimeForm>(app, deps, {
    path: 'record',
    access: 'crime:record',
    status: 'open',
    drafts: sessionDrafts(
      (s) => s.crimeRecordDrafts,
      (s, bag) => {
        s.crimeRecordDrafts = bag
      },
    ),
    question: {
      template: 'crime/record.njk',
      title: 'Record the crime',
      view: (data) => ({ record: data.record, clockLabel: data.clockLabel, classificationItems }),
      prefill: (data, draft) => ({
        values: draft
          ? { ...draft, ...ukParts('recorded', draft.recordedAt) }
          : { ...ukParts('recorded', deps.now().toISOString()) },
        version: data.record.version,
      }),
    },
    answer: (request, data) => {
      const form = parseForm(recordCrimeForm(deps.now), request.body)
      return form.ok ? { ok: true, answers: form.data } : { ok: false, page: { ...form, version: data.record.version } }
    },
    check: {
      template: 'crime/record-check.njk',
      title: 'Check the crime record before you save it',
      view: (draft) => ({ classification: classificationText(draft.classification) }),
    },
    submit: (ctx, data, draft) =>
      recordCrime(deps, ctx, data.record.id, draft.version, {
        reference: draft.crimeReference,
        classification: draft.classification,
        recordedAt: draft.recordedAt,
      }),
    done: (draft) => ({
      type: 'success',
      title: 'Crime recorded',
      text: `Crime reference ${draft.crimeReference} saved.`,
    }),
  })

  // ---- Ask to cancel: question page, then check answers ----

  const aviItems = Object.entries(aviKindLabels).map(([value, text]) => ({ value, text }))
  checkAnswersJourney<CancelForm>(app, deps, {
    path: 'cancel',
    access: 'crime:record',
    status: 'recorded',
    drafts: sessionDrafts(
      (s) => s.crimeCancelDrafts,
      (s, bag) => {
        s.crimeCancelDrafts = bag
      },
    ),
    question: {
      template: 'crime/cancel.njk',
      title: 'Ask to cancel the crime record',
      view: (data) => ({ record: data.record, aviItems }),
      prefill: (_data, draft) => ({ values: draft ?? {} }),
    },
    answer: (request, data) => {
      const form = parseForm(CancelForm, request.body)
      if (!form.ok) return { ok: false, page: form }
      const problem = cancellationProblem(data.record, request.ctx().actor.userId, toRequest(form.data), deps.now())
      if (!problem) return { ok: true, answers: form.data }
      const field = problem.code === 'nrm-decision-not-avi' ? 'evidenceKind' : 'rationale'
      return {
        ok: false,
        page: {
          values: form.data,
          errors: [{ text: problem.message, href: `#${field}` }],
          fieldErrors: { [field]: { text: problem.message } },
        },
      }
    },
    check: {
      template: 'crime/cancel-check.njk',
      title: 'Check your cancellation request',
      view: (draft) => ({ evidenceLabel: aviKindLabels[draft.evidenceKind] }),
    },
    submit: (ctx, data, draft) => requestCancellation(deps, ctx, data.record.id, draft.version, toRequest(draft)),
    done: () => ({
      type: 'success',
      title: 'Cancellation requested',
      text: 'A supervisor or the force lead must now approve or reject it. The crime record stands until then.',
    }),
  })

  // ---- A supervisor decides ----

  const decisionPage = formPage('crime/decision.njk', (request, data: Loaded) => ({
    pageTitle: 'Decide on the cancellation',
    ...viewOf(deps, request, data),
    values: {},
  }))
  const decision = {
    url: '/crime/:id/decision',
    access: 'crime:cancel-approve',
    status: 'cancellation-requested',
  } as const

  recordRoute(app, deps, { method: 'GET', ...decision }, async (request, reply, data) =>
    decisionPage(request, reply, data, {}),
  )

  recordRoute(app, deps, { method: 'POST', ...decision }, async (request, reply, data) => {
    const form = parseForm(DecisionForm, request.body)
    const version = Version.safeParse(request.body)
    if (!form.ok) return decisionPage(request, reply, data, form, 400)
    try {
      await decideCancellation(
        deps,
        request.ctx(),
        data.record.id,
        version.success ? version.data.version : data.record.version,
        form.data,
      )
    } catch (e) {
      const text = refusalMessage(e, 'Someone else decided on this cancellation first. Check the record.')
      return decisionPage(
        request,
        reply,
        data,
        { values: form.data, errors: [{ text, href: '#outcome' }], fieldErrors: { outcome: { text } } },
        400,
      )
    }
    request.session.flash =
      form.data.outcome === 'approved'
        ? { type: 'success', title: 'Cancellation approved', text: 'The crime record is cancelled.' }
        : { type: 'success', title: 'Cancellation rejected', text: 'The crime record stands.' }
    return reply.redirect(`/crime/${data.record.id}`)
  })

  // ---- Referrals and reports received from other organisations ----

  app.get('/crime/received', { config: { access: 'referral:read' } }, async (request, reply) => {
    const rows = await receivedReferralList(deps, request.ctx())
    return render(request, reply, 'crime/received-list.njk', {
      pageTitle: 'Referrals and reports received',
      subnav: worklistSubnav(request.actor, '/crime/received'),
      canLog: request.actor !== null && can(request.actor, 'referral:create'),
      rows: rows.map(({ referral, crime }) => ({
        ...referral,
        kindLabel: referralKindLabels[referral.kind],
        crime,
        crimeTag: crime ? statusTags[crime.status] : null,
      })),
    })
  })

  app.get('/crime/received/new', { config: { access: 'referral:create' } }, async (request, reply) => {
    request.session.receivedDraft = { submissionId: randomUUID() }
    return reply.redirect('/crime/received/new/kind')
  })

  const forceItems = [{ value: '', text: 'Not known' }, ...FORCES.map((f) => ({ value: f.id, text: f.name }))]
  const steps = {
    kind: {
      template: 'crime/received-kind.njk',
      title: 'What did you receive?',
      parse: (body: unknown) => parseForm(ReceivedKindForm, body),
      values: (d: ReceivedDraft) => ({ kind: d.kind }),
      next: 'sender',
    },
    sender: {
      template: 'crime/received-sender.njk',
      title: 'Who sent it?',
      parse: (body: unknown) => parseForm(ReceivedSenderForm, body),
      values: (d: ReceivedDraft) => ({
        firstResponderOrganisation: d.firstResponderOrganisation,
        externalReference: d.externalReference,
      }),
      next: 'when',
    },
    when: {
      template: 'crime/received-when.njk',
      title: 'When did your force receive it?',
      parse: (body: unknown) => parseForm(receivedWhenForm(deps.now), body),
      values: (d: ReceivedDraft) => ukParts('received', d.receivedAt),
      next: 'where',
    },
    where: {
      template: 'crime/received-where.njk',
      title: 'Where did the exploitation happen?',
      parse: (body: unknown) => parseForm(ReceivedWhereForm, body),
      values: (d: ReceivedDraft) => ({
        exploitationLocation: d.exploitationLocation,
        exploitationForceId: d.exploitationForceId,
      }),
      next: 'check',
    },
  } as const
  type StepName = keyof typeof steps
  const StepName = z.enum(['kind', 'sender', 'when', 'where'])
  const back: Record<StepName, string> = {
    kind: '/crime/received',
    sender: '/crime/received/new/kind',
    when: '/crime/received/new/sender',
    where: '/crime/received/new/when',
  }

  const stepPage = formPage(
    (step: StepName) => steps[step].template,
    (request, step) => {
      const fromCheck = (request.query as { return?: string }).return === 'check'
      return {
        pageTitle: steps[step].title,
        title: steps[step].title,
        backHref: fromCheck ? '/crime/received/new/check' : back[step],
        returnTo: fromCheck ? 'check' : null,
        forceItems,
      }
    },
  )

  /** The received journey's pages: the check page, or one question (404 for any other name). */
  const stepRoute = (
    method: 'GET' | 'POST',
    atCheck: (request: StepReq, reply: FastifyReply, draft: ReceivedDraft) => Promise<unknown>,
    atStep: (request: StepReq, reply: FastifyReply, draft: ReceivedDraft, step: StepName) => Promise<unknown>,
  ) =>
    app.route<StepParams>({
      method,
      url: '/crime/received/new/:step',
      config: { access: 'referral:create' },
      handler: async (request, reply) => {
        const draft = request.session.receivedDraft
        if (!draft) return reply.redirect('/crime/received/new')
        if (request.params.step === 'check') return atCheck(request, reply, draft)
        const step = StepName.safeParse(request.params.step)
        if (!step.success) return reply.callNotFound()
        return atStep(request, reply, draft, step.data)
      },
    })

  stepRoute('GET', receivedCheck, async (request, reply, draft, step) =>
    stepPage(request, reply, step, { values: steps[step].values(draft) }),
  )

  stepRoute('POST', submitReceived, async (request, reply, draft, step) => {
    const form = steps[step].parse(request.body)
    if (!form.ok) return stepPage(request, reply, step, form, 400)
    request.session.receivedDraft = { ...draft, ...(form.data as Partial<ReceivedDraft>) }
    const next = request.query.return === 'check' ? 'check' : steps[step].next
    return reply.redirect(`/crime/received/new/${next}`)
  })

  function receivedSummary(draft: ReceivedDraft) {
    const when = draft.receivedAt
    return [
      { key: 'What was received', value: draft.kind ? referralKindLabels[draft.kind] : '', step: 'kind' },
      { key: 'Organisation that sent it', value: draft.firstResponderOrganisation ?? '', step: 'sender' },
      { key: 'Their reference', value: draft.externalReference || 'Not given', step: 'sender' },
      { key: 'Received', value: when ?? '', kind: 'datetime', step: 'when' },
      {
        key: 'Where the exploitation happened',
        value: draft.exploitationLocation ? exploitationLocationLabels[draft.exploitationLocation] : '',
        step: 'where',
      },
      {
        key: 'Police force area',
        value: draft.exploitationForceId ? (forceById(draft.exploitationForceId)?.name ?? '') : 'Not known',
        step: 'where',
      },
    ]
  }

  function receivedCheck(request: FastifyRequest, reply: FastifyReply, draft: ReceivedDraft, extra = {}, status = 200) {
    return render(
      request,
      reply,
      'crime/received-check.njk',
      {
        pageTitle: 'Check what you received before you log it',
        summary: receivedSummary(draft),
        ...extra,
      },
      status,
    )
  }

  async function submitReceived(request: FastifyRequest, reply: FastifyReply, draft: ReceivedDraft) {
    const input = ReceivedReferralInput.safeParse(draft)
    if (!input.success) {
      const first = input.error.issues[0]
      const field = String(first?.path[0] ?? 'kind')
      const step =
        field === 'kind'
          ? 'kind'
          : field === 'receivedAt'
            ? 'when'
            : field.startsWith('exploitation')
              ? 'where'
              : 'sender'
      return receivedCheck(
        request,
        reply,
        draft,
        { errors: [{ text: first?.message ?? 'Answer every question', href: `/crime/received/new/${step}` }] },
        400,
      )
    }
    let result: Awaited<ReturnType<typeof logReceivedReferral>>
    try {
      result = await logReceivedReferral(deps, request.ctx(), draft.submissionId, input.data)
    } catch (e) {
      if (e instanceof ReceivedReferralRefused) {
        return receivedCheck(
          request,
          reply,
          draft,
          { errors: [{ text: e.message, href: '/crime/received/new/when' }] },
          400,
        )
      }
      throw e
    }
    request.session.receivedDraft = undefined
    request.session.flash = {
      type: 'success',
      title: result.duplicate ? 'Already logged' : 'Referral logged',
      text: result.duplicate
        ? `This was already logged as ${result.referral.reference}.`
        : `Logged as ${result.referral.reference}. Record the crime before the time limit below.`,
    }
    return reply.redirect(result.crimeRecordId ? `/crime/${result.crimeRecordId}` : '/crime/received')
  }

  // ---- The force's crime-recording time limit ----

  const settingsPage = formPage('crime/settings.njk', (_request, settings: Settings) => ({
    pageTitle: 'Crime-recording time limit',
    settings,
  }))

  app.get('/crime/settings', { config: { access: 'force:settings' } }, async (request, reply) => {
    const settings = await crimeSettings(deps, request.ctx())
    return settingsPage(request, reply, settings, {
      values: { useDefault: settings.hours === null ? 'default' : 'custom', hours: settings.hours ?? '' },
    })
  })

  app.post('/crime/settings', { config: { access: 'force:settings' } }, async (request, reply) => {
    const form = parseForm(SettingsForm, request.body)
    if (!form.ok) return settingsPage(request, reply, await crimeSettings(deps, request.ctx()), form, 400)
    await setCrimeRecordingHours(deps, request.ctx(), form.data.hours)
    request.session.flash = {
      type: 'success',
      title: 'Time limit saved',
      text: 'New crime-to-record tasks use it. Tasks already open keep the time limit they started with.',
    }
    return reply.redirect('/crime/settings')
  })
}

function toRequest(form: CancelForm) {
  return {
    rationale: form.rationale,
    evidence: [{ kind: form.evidenceKind, description: form.evidenceDescription }],
  }
}
