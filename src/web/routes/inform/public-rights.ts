import { basename, dirname } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { cssFontStack, FONT_FAMILIES, fontFaceCss, fontFamilyKeys } from '../../../domain/inform/fonts.js'
import { isLanguageCode } from '../../../domain/inform/languages.js'
import { webFontFile } from '../../../services/inform/font-files.js'
import { renderLeafletPdf } from '../../../services/inform/leaflet-pdf.js'
import type { AppDeps } from '../../app.js'
import { languageList, rightsView } from './rights-view.js'

// Public pages for the person encountered: no sign-in, no session, no cookies (issue 4 §4).
export async function publicRightsRoutes(app: FastifyInstance, deps: AppDeps) {
  const css = [
    fontFaceCss('/assets/fonts'),
    ...fontFamilyKeys.map((k) => `.lantern-font-${k} { font-family: ${cssFontStack(k)}; }`),
  ].join('\n')

  app.get('/assets/fonts/rights.css', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(css),
  )

  app.get<{ Params: { file: string } }>(
    '/assets/fonts/:file',
    { config: { access: 'public' } },
    async (request, reply) => {
      const file = webFontFile(request.params.file)
      if (!file) return reply.callNotFound()
      return reply
        .type(file.contentType)
        .header('Cache-Control', 'public, max-age=604800')
        .sendFile(basename(file.path), dirname(file.path))
    },
  )

  app.get('/rights', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .header('Cache-Control', 'no-store')
      .view('rights/index.njk', { pageTitle: 'Your rights', languages: languageList() }),
  )

  app.get<{ Params: { lang: string } }>('/rights/:lang', { config: { access: 'public' } }, async (request, reply) => {
    const m = /^(.+?)(\.pdf)?$/.exec(request.params.lang)
    const code = m?.[1] ?? ''
    if (!isLanguageCode(code)) {
      return reply
        .code(404)
        .header('Cache-Control', 'no-store')
        .view('rights/unknown.njk', { pageTitle: 'Language not found', asked: code, languages: languageList() })
    }
    if (m?.[2]) {
      const pdf = await renderLeafletPdf(code, { publicUrl: deps.config.publicUrl })
      return reply
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename="lantern-rights-${code}.pdf"`)
        .header('Cache-Control', 'no-store')
        .send(pdf)
    }
    const view = rightsView(code)
    return reply.header('Cache-Control', 'no-store').view('rights/page.njk', {
      pageTitle: view.content.title,
      ...view,
      fontClass: `lantern-font-${view.language.fontFamily}`,
      families: FONT_FAMILIES,
      mode: 'public',
    })
  })
}
