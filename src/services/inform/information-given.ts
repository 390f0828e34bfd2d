import { findEncounter } from '../../db/repositories/encounters.js'
import {
  insertInformationGiven,
  insertPrivateAnswers,
  listInformationGiven,
  listPrivateAnswers,
} from '../../db/repositories/inform.js'
import { assertCan, forceScopeOf } from '../../domain/access/policy.js'
import { rightsContent } from '../../domain/inform/content.js'
import { type LanguageCode, languageByCode } from '../../domain/inform/languages.js'
import { type Answers, indicatorsFromAnswers } from '../../domain/inform/questions.js'
import { translationStatus } from '../../domain/inform/status.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'
import { actionResolvers } from '../identify/action-status.js'
import { changeEncounter, EncounterNotFound } from '../identify/encounters.js'

export type InformationFormat = 'screen' | 'read-aloud' | 'printed-leaflet' | 'pdf-leaflet'

export const formatLabels: Record<InformationFormat, string> = {
  screen: 'shown on screen',
  'read-aloud': 'read aloud by the device',
  'printed-leaflet': 'printed leaflet',
  'pdf-leaflet': 'leaflet sent as a PDF',
}

/** Records that rights information was given; the assessment's inform-rights action is done only then. */
export async function recordInformationGiven(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  given: { language: LanguageCode; formats: InformationFormat[] },
) {
  assertCan(ctx.actor, 'rights:handover')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    if (!(await findEncounter(tx, scope, encounterId))) throw new EncounterNotFound(encounterId)
    const status = translationStatus(rightsContent(given.language).meta).reviewed ? 'reviewed' : 'draft'
    for (const format of new Set(given.formats)) {
      await insertInformationGiven(tx, scope, {
        encounterId,
        language: given.language,
        format,
        translationStatus: status,
        givenBy: ctx.actor.userId,
        givenAt: now.toISOString(),
      })
    }
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'information-given',
        recordId: encounterId,
        details: { language: given.language, formats: given.formats },
      },
      now,
    )
  })
}

/**
 * Ends a hand-over: records the information given and, all or nothing, adds what the person disclosed
 * in the private questions to the encounter with provenance "disclosed".
 */
export async function finishHandover(
  deps: Deps,
  ctx: Ctx,
  encounterId: string,
  h: { language: LanguageCode; answers: Answers; readAloud: boolean },
) {
  assertCan(ctx.actor, 'rights:handover')
  const scope = forceScopeOf(ctx.actor)
  const now = deps.now()
  return deps.db.transaction(async (tx) => {
    const encounter = await findEncounter(tx, scope, encounterId)
    if (!encounter) throw new EncounterNotFound(encounterId)
    const status = translationStatus(rightsContent(h.language).meta).reviewed ? 'reviewed' : 'draft'
    const formats: InformationFormat[] = h.readAloud ? ['screen', 'read-aloud'] : ['screen']
    for (const format of formats) {
      await insertInformationGiven(tx, scope, {
        encounterId,
        language: h.language,
        format,
        translationStatus: status,
        givenBy: ctx.actor.userId,
        givenAt: now.toISOString(),
      })
    }
    const disclosed = indicatorsFromAnswers(h.answers)
    const existing = new Set(encounter.indicators.map((i) => `${i.id}/${i.provenance}`))
    const added = disclosed.filter((d) => !existing.has(`${d.indicatorId}/disclosed`))
    if (Object.keys(h.answers).length > 0) {
      await insertPrivateAnswers(tx, scope, {
        encounterId,
        language: h.language,
        answers: h.answers,
        indicatorsAdded: added.map((a) => a.indicatorId),
        answeredAt: now.toISOString(),
      })
    }
    if (added.length > 0) {
      await changeEncounter(
        tx,
        ctx,
        encounterId,
        encounter.version,
        {
          indicators: [
            ...encounter.indicators,
            ...added.map((a) => ({
              id: a.indicatorId,
              provenance: 'disclosed' as const,
              recordedAt: now.toISOString(),
            })),
          ],
        },
        `Disclosed by the person in the private questions (${languageByCode(h.language).englishName})`,
        now,
      )
    }
    await audit(
      tx,
      ctx,
      {
        action: 'create',
        recordType: 'information-given',
        recordId: encounterId,
        details: {
          language: h.language,
          formats,
          questionsAnswered: Object.keys(h.answers).length,
          indicatorsAdded: added.length,
        },
      },
      now,
    )
    return { added: added.map((a) => a.indicatorId), answered: Object.keys(h.answers).length }
  })
}

export async function informationHistory(deps: Deps, ctx: Ctx, encounterId: string) {
  const scope = forceScopeOf(ctx.actor)
  const [given, answers] = await Promise.all([
    listInformationGiven(deps.db, scope, encounterId),
    listPrivateAnswers(deps.db, scope, encounterId),
  ])
  return { given, answers }
}

// The inform-rights action is done once information has been given and recorded (issue 4 §6).
actionResolvers.push(async (deps, ctx, encounter) => {
  const given = await listInformationGiven(deps.db, forceScopeOf(ctx.actor), encounter.id)
  const latest = given[0]
  const link = { href: `/encounters/${encounter.id}/information`, hrefText: 'Give rights information' }
  if (!latest) return { 'inform-rights': { status: 'to-do', ...link } }
  const when = new Date(latest.givenAt).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  })
  return {
    'inform-rights': {
      status: 'done',
      detail: `Given in ${languageByCode(latest.language as LanguageCode).englishName}, ${formatLabels[latest.format]}, ${when}`,
      ...link,
    },
  }
})
