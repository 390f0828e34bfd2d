import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import {
  InvestigationConflict,
  InvestigationNotFound,
  OrderNotFound,
  Refused,
} from '../../../services/investigate/errors.js'
import { render } from '../../render.js'
import { ukLocalToInstant } from '../identify/encounter-steps.js'

/** One field of a form page, rendered by investigations/form.njk with the GOV.UK macro for its kind. */
export type Field = {
  kind: 'input' | 'textarea' | 'radios' | 'checkboxes' | 'select' | 'date' | 'html'
  name: string
  label?: string
  hint?: string
  /** Radios, checkboxes and selects. No conditional reveals: GOV.UK's sets aria-expanded on a radio, which axe rejects. */
  items?: {
    value: string
    text: string
    hint?: string
  }[]
  /** Makes the label or legend the page's h1 (one question per page). */
  pageHeading?: boolean
  classes?: string
  inputmode?: string
  spellcheck?: boolean
  html?: string
  rows?: number
}

export type FormPage = {
  pageTitle: string
  caption?: string
  /** A heading of its own when no field is the page heading. */
  heading?: string
  introHtml?: string
  fields: Field[]
  submitText: string
  cancelHref?: string
  hidden?: Record<string, string | number>
  warningText?: string
  /** A partial shown above the form (a list of what is recorded so far), with its data. */
  listTemplate?: string
  listData?: Record<string, unknown>
  /** Heading above the form when a list comes first. */
  formHeading?: string
  /** A GET form only chooses where to go next; it saves nothing and carries no CSRF token. */
  method?: 'get' | 'post'
  action?: string
}

export type FieldErrors = { errors: { text: string; href: string }[]; fieldErrors: Record<string, { text: string }> }

/** The GOV.UK error summary for refused input: each message links to its field (a date's day box). */
export function errorsOf(
  issues: readonly { field: string; message: string }[],
  fields: readonly Field[] = [],
): FieldErrors {
  const fieldErrors: Record<string, { text: string }> = {}
  const errors: { text: string; href: string }[] = []
  for (const issue of issues) {
    const field = fields.find((f) => f.name === issue.field)
    const href =
      field?.kind === 'date' ? `#${issue.field}-day` : issue.field === 'form' ? '#main-content' : `#${issue.field}`
    if (!errors.some((e) => e.text === issue.message)) errors.push({ text: issue.message, href })
    if (!fieldErrors[issue.field]) fieldErrors[issue.field] = { text: issue.message }
  }
  return { errors, fieldErrors }
}

export async function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  page: FormPage,
  values: Record<string, unknown> = {},
  problems: FieldErrors | null = null,
) {
  return render(
    request,
    reply,
    'investigations/form.njk',
    { ...page, values, ...(problems ?? {}) },
    problems && problems.errors.length > 0 ? 400 : 200,
  )
}

type Body = Record<string, unknown>

export function text(body: Body, name: string): string {
  const v = body[name]
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''
}

export function list(body: Body, name: string): string[] {
  const v = body[name]
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string')
  return typeof v === 'string' && v !== '' ? [v] : []
}

export function version(body: Body): number {
  const n = Number(text(body, 'version'))
  return Number.isInteger(n) ? n : -1
}

/** Day, month and year boxes → an ISO date, or a specific message. */
export function dateOf(
  body: Body,
  name: string,
  what: string,
  opts: { required?: boolean; notAfter?: string } = {},
): { ok: true; value: string | null } | { ok: false; message: string } {
  const [d, m, y] = ['day', 'month', 'year'].map((p) => text(body, `${name}-${p}`).trim())
  if (!d && !m && !y)
    return opts.required === false ? { ok: true, value: null } : { ok: false, message: `Enter ${what}` }
  if (!d || !m || !y) {
    const missing = [!d ? 'day' : null, !m ? 'month' : null, !y ? 'year' : null].filter(Boolean).join(' and ')
    return { ok: false, message: `${capitalise(what)} must include a ${missing}` }
  }
  const iso = `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const parsed = new Date(`${iso}T00:00:00Z`)
  if (!/^\d+$/.test(d + m + y) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    return { ok: false, message: `${capitalise(what)} must be a real date` }
  }
  if (Number(y) < 1900 || Number(y) > 2200) return { ok: false, message: `${capitalise(what)} must be a real date` }
  if (opts.notAfter && iso > opts.notAfter)
    return { ok: false, message: `${capitalise(what)} must be today or in the past` }
  return { ok: true, value: iso }
}

/** A date and a 24-hour time typed in UK time → an ISO instant. */
export function dateTimeOf(
  body: Body,
  name: string,
  what: string,
): { ok: true; value: string } | { ok: false; field: string; message: string } {
  const date = dateOf(body, name, what)
  if (!date.ok) return { ok: false, field: name, message: date.message }
  const time = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(text(body, `${name}-time`).trim())
  if (!time) return { ok: false, field: `${name}-time`, message: 'Enter the time as hours and minutes, like 14:30' }
  const instant = ukLocalToInstant(`${date.value}T${(time[1] ?? '0').padStart(2, '0')}:${time[2]}:00`)
  return { ok: true, value: instant.toISOString() }
}

export function dateParts(iso: string | null | undefined, name: string): Record<string, string> {
  if (!iso) return {}
  const [y, m, d] = iso.slice(0, 10).split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y ?? '' }
}

function capitalise(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

export const Id = z.uuid()

/**
 * Turns the service's refusals into pages: 404 for records not in the force, 409 for a change that lost a race.
 * True when a page was sent; false for a Refused, which the caller shows on its form. (The reply itself is not
 * returned: a Fastify reply is thenable, so awaiting it would not give it back.)
 */
export async function handleInvestigationError(
  e: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  back: string,
): Promise<boolean> {
  if (e instanceof InvestigationNotFound || e instanceof OrderNotFound) {
    await reply.callNotFound()
    return true
  }
  if (e instanceof InvestigationConflict) {
    await render(request, reply, 'investigations/conflict.njk', { pageTitle: 'This record has changed', back }, 409)
    return true
  }
  if (e instanceof Refused) return false
  throw e
}
