import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { CATALOGUE_VERSION } from '../../../domain/identify/catalogue.js'
import { catalogueSummary } from '../../../domain/identify/catalogue-summary.js'
import { iloForcedLabourTitles } from '../../../domain/identify/ilo-forced-labour.js'
import { themes } from '../../../domain/identify/themes.js'
import { exploitationTypeLabels, exploitationTypes } from '../../../domain/shared/vocabulary.js'
import type { AppDeps } from '../../app.js'
import { render } from '../../render.js'

const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))

const Filters = z.object({
  q: z.string().trim().max(100).optional().default(''),
  type: many.pipe(z.array(z.enum(exploitationTypes))).catch([]),
  theme: many.pipe(z.array(z.string())).catch([]),
  appliesTo: z.enum(['adult', 'child', '']).optional().catch(''),
  confidence: many.pipe(z.array(z.string())).catch([]),
})

export async function cataloguePageRoutes(app: FastifyInstance, _deps: AppDeps) {
  app.get('/reference/indicators', { config: { access: 'indicators:view' } }, async (request, reply) => {
    const f = Filters.parse(request.query)
    const words = f.q.toLowerCase().split(/\s+/).filter(Boolean)
    const all = catalogueSummary()
    const shown = all.filter(
      (i) =>
        words.every((w) => `${i.title} ${i.hint} ${i.id}`.toLowerCase().includes(w)) &&
        (f.type.length === 0 || i.types.some((t) => f.type.includes(t))) &&
        (f.theme.length === 0 || f.theme.includes(i.theme)) &&
        (!f.appliesTo || i.appliesTo === 'both' || i.appliesTo === f.appliesTo) &&
        (f.confidence.length === 0 || f.confidence.includes(i.confidence)),
    )
    const groups = themes
      .map((t) => ({ ...t, items: shown.filter((i) => i.theme === t.id) }))
      .filter((g) => g.items.length > 0)
    return render(request, reply, 'reference/indicators.njk', {
      pageTitle: 'Signs of modern slavery',
      version: CATALOGUE_VERSION,
      filters: f,
      total: all.length,
      count: shown.length,
      groups,
      typeItems: exploitationTypes.map((t) => ({
        value: t,
        text: exploitationTypeLabels[t],
        checked: f.type.includes(t),
      })),
      themeItems: themes.map((t) => ({ value: t.id, text: t.title, checked: f.theme.includes(t.id) })),
      confidenceItems: ['CONFIRMED', 'PARTLY CONFIRMED', 'SECONDARY', 'UNCONFIRMED'].map((c) => ({
        value: c,
        text: c,
        checked: f.confidence.includes(c),
      })),
      typeLabels: exploitationTypeLabels,
      iloLabels: iloForcedLabourTitles,
    })
  })
}
