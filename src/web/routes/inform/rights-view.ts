import { EMERGENCY_NUMBER, HELPLINE_NUMBER, readingOrder, rightsContent } from '../../../domain/inform/content.js'
import { sectionKeys } from '../../../domain/inform/content-schema.js'
import { LANGUAGES, type LanguageCode, languageByCode } from '../../../domain/inform/languages.js'
import { translationStatus } from '../../../domain/inform/status.js'

/** What the rights templates need for one language, shared by the public page and the hand-over screen. */
export function rightsView(code: LanguageCode) {
  const language = languageByCode(code)
  const content = rightsContent(code)
  return {
    language,
    content,
    sections: sectionKeys.map((key) => ({ key, ...content.sections[key] })),
    status: translationStatus(content.meta),
    helplineNumber: HELPLINE_NUMBER,
    emergencyNumber: EMERGENCY_NUMBER,
    speech: JSON.stringify({ lang: language.speechLang, voices: language.voiceLangs, texts: readingOrder(content) }),
    htmlLang: language.htmlLang,
    htmlDir: language.dir,
  }
}

export function languageList() {
  return LANGUAGES.map((l) => ({ ...l, status: translationStatus(rightsContent(l.code).meta) }))
}
