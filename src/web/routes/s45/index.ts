import type { FastifyInstance } from 'fastify'
import { assessS45 } from '../../../domain/s45/assess-s45.js'
import { SCHEDULE_4_SOURCE_URL, SCHEDULE_4_VERSION } from '../../../domain/s45/schedule-4.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'

type Query = { age?: string; offence?: string; 'date-day'?: string; 'date-month'?: string; 'date-year'?: string }

const fieldIds = { ageAtOffence: 'age', offence: 'offence', offenceDate: 'date-day', jurisdiction: 'age' } as const

/** The date of the act from the three boxes: null when all are empty, the typed text otherwise (the rules check it). */
function dateOf(q: Query): string | null {
  const [d, m, y] = [q['date-day'], q['date-month'], q['date-year']].map((x) => (x ?? '').trim())
  if (!d && !m && !y) return null
  return `${(y ?? '').padStart(4, '0')}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`
}

/**
 * The s45 statutory defence assistant (Modern Slavery Act 2015; England and Wales): age at the time of the act and
 * the offence in, whether the defence is available (or which Schedule 4 row excludes it), the limb, the elements and
 * the evidence to gather out. Nothing personal is asked, so nothing is stored; a GET form keeps results linkable.
 */
export async function s45Routes(app: FastifyInstance, _deps: AppDeps) {
  app.get<{ Querystring: Query }>('/s45', { config: { access: 's45:assess' } }, async (request, reply) => {
    const q = request.query
    const asked = q.age !== undefined || q.offence !== undefined
    const values = { age: q.age ?? '', offence: q.offence ?? '', ...q }
    const base = {
      pageTitle: 'Section 45 defence',
      values,
      scheduleVersion: SCHEDULE_4_VERSION,
      scheduleUrl: SCHEDULE_4_SOURCE_URL,
    }
    if (!asked) return render(request, reply, 's45/index.njk', base)
    const date = dateOf(q)
    const result = assessS45({
      ageAtOffence: q.age ?? '',
      offence: q.offence ?? '',
      ...(date ? { offenceDate: date } : {}),
    })
    if (!result.ok) {
      const fieldErrors: Record<string, { text: string }> = {}
      for (const e of result.errors) fieldErrors[fieldIds[e.field]] ??= { text: e.message }
      const offenceError = result.errors.find((e) => e.field === 'offence')
      return render(
        request,
        reply,
        's45/index.njk',
        {
          ...base,
          pageTitle: 'Section 45 defence',
          errors: result.errors.map((e) => ({ text: e.message, href: `#${fieldIds[e.field]}` })),
          fieldErrors,
          suggestions: (offenceError?.suggestions ?? []).map((s) => ({
            text: s,
            href: `/s45?${new URLSearchParams({ age: q.age ?? '', offence: s }).toString()}`,
          })),
        },
        400,
      )
    }
    return render(request, reply, 's45/index.njk', {
      ...base,
      pageTitle: 'Section 45 defence: result',
      a: result.assessment,
    })
  })
}
