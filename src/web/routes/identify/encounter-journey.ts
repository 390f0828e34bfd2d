import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { EncounterPatch, EncounterRow } from '../../../db/repositories/encounters.js'
import { indicators } from '../../../domain/identify/catalogue.js'
import { type ThemeId, ThemeId as ThemeIdSchema, themeById } from '../../../domain/identify/themes.js'
import {
  AmendmentReasonMissing,
  EncounterConflict,
  EncounterIncomplete,
  EncounterNotFound,
  myEncounters,
  readEncounter,
  saveEncounterStep,
  startEncounter,
  submitEncounter,
} from '../../../services/identify/encounters.js'
import type { AppDeps } from '../../app.js'
import { type FormResult, parseForm } from '../../forms.js'
import { render } from '../../render.js'
import {
  AccountForm,
  AgeForm,
  AmendReason,
  ConsentForm,
  items,
  LanguageForm,
  mergeTheme,
  nextStep,
  PlaceForm,
  RiskForm,
  RoleForm,
  type StepSlug,
  themeForm,
  themeList,
  treatedAsChild,
  ukLocalParts,
  whenSchema,
} from './encounter-steps.js'
import { consentLabels, interpreterLabels, placeTypeLabels, provenanceLabels, roleLabels } from './labels.js'

type Params = { id: string }
type Req = FastifyRequest<{ Params: Params; Querystring: { return?: string } }>

const Id = z.uuid()

type FormStep = {
  slug: Exclude<StepSlug, 'indicators' | 'check'>
  title: string
  template: string
  parse(deps: AppDeps, body: unknown): FormResult<unknown>
  toPatch(data: never, row: EncounterRow): EncounterPatch
  values(row: EncounterRow): Record<string, unknown>
}

function formSteps(): FormStep[] {
  return [
    {
      slug: 'when',
      title: 'When and where did you meet the person?',
      template: 'encounters/when.njk',
      parse: (deps, body) => parseForm(whenSchema(deps.now), body),
      toPatch: (d: { occurredAt: string; location?: string }) => ({
        occurredAt: d.occurredAt,
        location: d.location ?? null,
      }),
      values: (row) => ({ ...ukLocalParts(row.occurredAt), location: row.location }),
    },
    {
      slug: 'place',
      title: 'What kind of place was it?',
      template: 'encounters/place.njk',
      parse: (_d, body) => parseForm(PlaceForm, body),
      toPatch: (d: { placeType: string }) => ({ placeType: d.placeType }),
      values: (row) => ({ placeType: row.placeType }),
    },
    {
      slug: 'risk',
      title: 'Is anyone in danger now?',
      template: 'encounters/risk.njk',
      parse: (_d, body) => parseForm(RiskForm, body),
      toPatch: (d: { immediateRisk: 'yes' | 'no' }) => ({ immediateRisk: d.immediateRisk }),
      values: (row) => ({ immediateRisk: row.immediateRisk }),
    },
    {
      slug: 'role',
      title: 'What is the person’s role in this encounter?',
      template: 'encounters/role.njk',
      parse: (_d, body) => parseForm(RoleForm, body),
      toPatch: (d: { role: NonNullable<EncounterRow['person']['role']> }, row) => ({
        person: { ...row.person, role: d.role },
      }),
      values: (row) => ({ role: row.person.role }),
    },
    {
      slug: 'age',
      title: 'How old is the person?',
      template: 'encounters/age.njk',
      parse: (_d, body) => parseForm(AgeForm, body),
      toPatch: (d: { age?: number; ageBand?: 'child' | 'adult' | 'unknown'; ageDisputed: boolean }, row) => {
        const { age: _a, ageBand: _b, ageDisputed: _c, ...rest } = row.person
        return {
          person: {
            ...rest,
            ...(d.age !== undefined ? { age: d.age } : {}),
            ...(d.ageBand !== undefined ? { ageBand: d.ageBand } : {}),
            ...(d.ageDisputed ? { ageDisputed: true } : {}),
          },
        }
      },
      values: (row) => ({
        ageKnown: row.person.age !== undefined ? 'known' : row.person.ageBand,
        age: row.person.age,
        ageDisputed: row.person.ageDisputed ? ['yes'] : [],
      }),
    },
    {
      slug: 'language',
      title: 'What language does the person speak?',
      template: 'encounters/language.njk',
      parse: (_d, body) => parseForm(LanguageForm, body),
      toPatch: (d: { language?: string; interpreter: 'none' | 'independent' | 'not-independent' }, row) => {
        const { language: _l, ...rest } = row.person
        return {
          person: { ...rest, ...(d.language ? { language: d.language } : {}) },
          interpreter:
            d.interpreter === 'none' ? { used: false } : { used: true, independent: d.interpreter === 'independent' },
        }
      },
      values: (row) => ({
        language: row.person.language,
        interpreter: !row.interpreter
          ? undefined
          : !row.interpreter.used
            ? 'none'
            : row.interpreter.independent
              ? 'independent'
              : 'not-independent',
      }),
    },
    {
      slug: 'account',
      title: 'What did the person tell you, in their own words?',
      template: 'encounters/account.njk',
      parse: (_d, body) => parseForm(AccountForm, body),
      toPatch: (d: { account?: string }) => ({ account: d.account ?? null }),
      values: (row) => ({ account: row.account }),
    },
    {
      slug: 'consent',
      title: 'Does the person agree to be referred to the National Referral Mechanism?',
      template: 'encounters/consent.njk',
      parse: (_d, body) => parseForm(ConsentForm, body),
      toPatch: (d: { consent: 'given' | 'declined' | 'not-asked' }) => ({ consent: d.consent }),
      values: (row) => ({ consent: row.consent }),
    },
  ]
}

export async function encounterJourneyRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = async (request: Req) => {
    const id = Id.safeParse(request.params.id)
    if (!id.success) throw new EncounterNotFound(request.params.id)
    return readEncounter(deps, request.ctx(), id.data)
  }

  const stepUrl = (row: EncounterRow, slug: StepSlug, request: Req) =>
    row.status === 'submitted'
      ? `/encounters/${row.id}`
      : slug === 'check' || request.query.return === 'check'
        ? `/encounters/${row.id}/check`
        : `/encounters/${row.id}/${slug}`

  async function handleError(e: unknown, request: Req, reply: FastifyReply) {
    if (e instanceof EncounterNotFound) return reply.callNotFound()
    if (e instanceof EncounterConflict) {
      return render(
        request,
        reply,
        'encounters/conflict.njk',
        { pageTitle: 'This encounter has changed', id: request.params.id },
        409,
      )
    }
    throw e
  }

  app.get('/encounters', { config: { access: 'encounter:create' } }, async (request, reply) => {
    const rows = await myEncounters(deps, request.ctx())
    return render(request, reply, 'encounters/list.njk', {
      pageTitle: 'My encounters',
      rows: rows.map((r) => ({
        ...r,
        placeLabel: r.placeType ? placeTypeLabels[r.placeType as keyof typeof placeTypeLabels] : '',
      })),
    })
  })

  app.post('/encounters', { config: { access: 'encounter:create' } }, async (request, reply) => {
    const row = await startEncounter(deps, request.ctx())
    return reply.redirect(`/encounters/${row.id}/when`)
  })

  for (const step of formSteps()) {
    const url = `/encounters/:id/${step.slug}`
    const pageData = (row: EncounterRow, request: Req) => ({
      pageTitle: step.title,
      title: step.title,
      encounter: row,
      items,
      returnTo: request.query.return,
      amending: row.status === 'submitted',
      backHref: row.status === 'submitted' ? `/encounters/${row.id}` : undefined,
      treatedAsChild: treatedAsChild(row),
    })

    app.get<{ Params: Params; Querystring: { return?: string } }>(
      url,
      { config: { access: 'encounter:amend' } },
      async (request, reply) => {
        try {
          const row = await read(request)
          return await render(request, reply, step.template, { ...pageData(row, request), values: step.values(row) })
        } catch (e) {
          return handleError(e, request, reply)
        }
      },
    )

    app.post<{ Params: Params; Querystring: { return?: string } }>(
      url,
      { config: { access: 'encounter:amend' } },
      async (request, reply) => {
        try {
          const row = await read(request)
          const form = step.parse(deps, request.body)
          const reason = row.status === 'submitted' ? parseForm(AmendReason, request.body) : null
          if (!form.ok || (reason && !reason.ok)) {
            const errors = [...(form.ok ? [] : form.errors), ...(reason && !reason.ok ? reason.errors : [])]
            const fieldErrors = {
              ...(form.ok ? {} : form.fieldErrors),
              ...(reason && !reason.ok ? reason.fieldErrors : {}),
            }
            return await render(
              request,
              reply,
              step.template,
              { ...pageData(row, request), errors, fieldErrors, values: request.body as Record<string, unknown> },
              400,
            )
          }
          const version = Number((request.body as { version?: string }).version ?? row.version)
          const saved = await saveEncounterStep(
            deps,
            request.ctx(),
            row.id,
            version,
            step.toPatch(form.data as never, row),
            reason?.ok ? reason.data.reason : undefined,
          )
          if (saved.status === 'submitted' && row.status === 'submitted') {
            request.session.flash = {
              type: 'success',
              text: 'Your change is saved and the assessment has been updated.',
            }
          }
          return reply.redirect(stepUrl(saved, nextStep(step.slug, saved), request))
        } catch (e) {
          if (e instanceof AmendmentReasonMissing)
            return reply.redirect(`/encounters/${request.params.id}/${step.slug}`)
          return handleError(e, request, reply)
        }
      },
    )
  }

  app.get<{ Params: Params; Querystring: { return?: string } }>(
    '/encounters/:id/indicators',
    { config: { access: 'encounter:amend' } },
    async (request, reply) => {
      try {
        const row = await read(request)
        const counts = new Map<string, number>()
        for (const i of row.indicators) {
          const theme = indicators.find((x) => x.id === i.id)?.theme
          if (theme) counts.set(theme, (counts.get(theme) ?? 0) + 1)
        }
        const child = treatedAsChild(row)
        const tasks = themeList
          .filter((t) => child || t.id !== 'children')
          .map((t) => ({
            title: { text: t.title },
            hint: { text: t.description },
            href: `/encounters/${row.id}/indicators/${t.id}${request.query.return === 'check' ? '?return=check' : ''}`,
            status: counts.get(t.id)
              ? { tag: { text: `${counts.get(t.id)} recorded`, classes: 'govuk-tag--blue' } }
              : row.themesReviewed.includes(t.id)
                ? { text: 'None seen' }
                : { text: 'Not looked at', classes: 'govuk-task-list__status--cannot-start-yet' },
          }))
        return await render(request, reply, 'encounters/indicators.njk', {
          pageTitle: 'What signs of exploitation did you see or hear about?',
          encounter: row,
          tasks,
          total: row.indicators.length,
          next: stepUrl(row, nextStep('indicators', row), request),
        })
      } catch (e) {
        return handleError(e, request, reply)
      }
    },
  )

  const themeParams = z.object({ id: z.string(), theme: ThemeIdSchema })

  const themePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: EncounterRow,
    theme: ThemeId,
    extra: Record<string, unknown>,
    status = 200,
  ) => {
    const current = new Map(row.indicators.map((i) => [i.id, i.provenance]))
    const chosen = extra.chosen as Map<string, string> | undefined
    const list = indicators
      .filter((i) => i.theme === theme)
      .map((i) => ({
        ...i,
        checked: (chosen ?? current).has(i.id),
        provenance: (chosen ?? current).get(i.id) ?? 'observed',
      }))
    return render(
      request,
      reply,
      'encounters/theme.njk',
      {
        pageTitle: themeById(theme).title,
        theme: themeById(theme),
        encounter: row,
        list,
        provenanceItems: items.provenance,
        amending: row.status === 'submitted',
        ...extra,
      },
      status,
    )
  }

  app.get<{ Params: Params & { theme: string }; Querystring: { return?: string } }>(
    '/encounters/:id/indicators/:theme',
    { config: { access: 'encounter:amend' } },
    async (request, reply) => {
      const p = themeParams.safeParse(request.params)
      if (!p.success) return reply.callNotFound()
      try {
        const row = await read(request as unknown as Req)
        return await themePage(request, reply, row, p.data.theme, { returnTo: request.query.return })
      } catch (e) {
        return handleError(e, request as unknown as Req, reply)
      }
    },
  )

  app.post<{ Params: Params & { theme: string }; Querystring: { return?: string } }>(
    '/encounters/:id/indicators/:theme',
    { config: { access: 'encounter:amend' } },
    async (request, reply) => {
      const p = themeParams.safeParse(request.params)
      if (!p.success) return reply.callNotFound()
      const req = request as unknown as Req
      try {
        const row = await read(req)
        const form = parseForm(themeForm(p.data.theme), request.body)
        const reason = row.status === 'submitted' ? parseForm(AmendReason, request.body) : null
        if (!form.ok || (reason && !reason.ok)) {
          const errors = [...(form.ok ? [] : form.errors), ...(reason && !reason.ok ? reason.errors : [])]
          const fieldErrors = {
            ...(form.ok ? {} : form.fieldErrors),
            ...(reason && !reason.ok ? reason.fieldErrors : {}),
          }
          return await themePage(
            request,
            reply,
            row,
            p.data.theme,
            { errors, fieldErrors, returnTo: request.query.return },
            400,
          )
        }
        const version = Number((request.body as { version?: string }).version ?? row.version)
        const saved = await saveEncounterStep(
          deps,
          request.ctx(),
          row.id,
          version,
          mergeTheme(row, p.data.theme, form.data, deps.now()),
          reason?.ok ? reason.data.reason : undefined,
        )
        const back =
          saved.status === 'submitted'
            ? `/encounters/${saved.id}`
            : `/encounters/${saved.id}/indicators${request.query.return === 'check' ? '?return=check' : ''}`
        return reply.redirect(back)
      } catch (e) {
        return handleError(e, req, reply)
      }
    },
  )

  app.get<{ Params: Params }>(
    '/encounters/:id/check',
    { config: { access: 'encounter:amend' } },
    async (request, reply) => {
      try {
        const row = await read(request as Req)
        if (row.status === 'submitted') return reply.redirect(`/encounters/${row.id}`)
        return await render(request, reply, 'encounters/check.njk', {
          pageTitle: 'Check your answers',
          ...checkData(row),
        })
      } catch (e) {
        return handleError(e, request as Req, reply)
      }
    },
  )

  app.post<{ Params: Params }>(
    '/encounters/:id/check',
    { config: { access: 'encounter:create' } },
    async (request, reply) => {
      try {
        const row = await read(request as Req)
        const version = Number((request.body as { version?: string }).version ?? row.version)
        const done = await submitEncounter(deps, request.ctx(), row.id, version)
        return reply.redirect(`/encounters/${done.id}`)
      } catch (e) {
        if (e instanceof EncounterIncomplete) {
          const row = await read(request as Req)
          return render(
            request,
            reply,
            'encounters/check.njk',
            {
              pageTitle: 'Check your answers',
              ...checkData(row),
              errors: e.missing.map((m) => ({ text: m.text, href: `/encounters/${row.id}/${m.step}?return=check` })),
            },
            400,
          )
        }
        return handleError(e, request as Req, reply)
      }
    },
  )
}

export function checkData(row: EncounterRow) {
  const child = treatedAsChild(row)
  const byId = new Map(indicators.map((i) => [i.id, i]))
  const p = row.person
  const age =
    p.age !== undefined
      ? `${p.age}`
      : p.ageBand === 'child'
        ? 'Looks under 18'
        : p.ageBand === 'adult'
          ? 'Looks 18 or over'
          : p.ageBand === 'unknown'
            ? 'Cannot tell'
            : ''
  const interp = !row.interpreter
    ? ''
    : !row.interpreter.used
      ? interpreterLabels.none
      : row.interpreter.independent
        ? interpreterLabels.independent
        : interpreterLabels['not-independent']
  return {
    encounter: row,
    treatedAsChild: child,
    summary: [
      { key: 'When', value: row.occurredAt, kind: 'datetime', step: 'when' },
      { key: 'Where', value: row.location, step: 'when' },
      {
        key: 'Type of place',
        value: row.placeType ? placeTypeLabels[row.placeType as keyof typeof placeTypeLabels] : '',
        step: 'place',
      },
      {
        key: 'Anyone in danger now',
        value: row.immediateRisk === 'yes' ? 'Yes' : row.immediateRisk === 'no' ? 'No' : '',
        step: 'risk',
      },
      { key: 'Role', value: p.role ? roleLabels[p.role] : '', step: 'role' },
      { key: 'Age', value: age + (p.ageDisputed ? ' (disputed)' : ''), step: 'age' },
      { key: 'Language', value: p.language, step: 'language' },
      { key: 'Interpreter', value: interp, step: 'language' },
      { key: 'Their account', value: row.account, step: 'account' },
      ...(child
        ? []
        : [{ key: 'Agrees to NRM referral', value: row.consent ? consentLabels[row.consent] : '', step: 'consent' }]),
    ],
    signs: row.indicators.map((i) => ({
      title: byId.get(i.id)?.title ?? i.id,
      provenance: provenanceLabels[i.provenance],
    })),
  }
}
