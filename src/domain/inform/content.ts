import type { SourceRef } from '../shared/vocabulary.js'
import { CONTENT_FILES } from './content-files.js'
import { parseRightsContent, type RightsContent, type SectionKey, sectionKeys } from './content-schema.js'
import { HELPLINE_NUMBER } from './helpline.js'
import { type LanguageCode, languageCodes } from './languages.js'

export { EMERGENCY_NUMBER, HELPLINE_NUMBER } from './helpline.js'

// Where each section's statements come from, with the confidence the product shows beside them.
export const CONTENT_SOURCES: Readonly<Record<SectionKey, readonly SourceRef[]>> = {
  whatIsModernSlavery: [
    { ref: 'law-and-process.md §4.1', confidence: 'PARTLY CONFIRMED' },
    { ref: 'indicators.md §2.2', confidence: 'SECONDARY' },
  ],
  notInTrouble: [
    {
      ref: 'indicators.md §2.6',
      url: 'https://www.app.college.police.uk/app-content/major-investigation-and-public-protection/modern-slavery/national-referral-mechanism/',
      confidence: 'CONFIRMED',
    },
  ],
  nrm: [
    { ref: 'law-and-process.md §2.6', confidence: 'CONFIRMED' },
    {
      ref: 'law-and-process.md §2.7',
      url: 'https://athub.org.uk/knowledge-base/nrm-decisions-and-challenges/',
      confidence: 'CONFIRMED',
    },
    { ref: 'law-and-process.md §2.8', confidence: 'CONFIRMED' },
  ],
  support: [
    {
      ref: 'law-and-process.md §2.10',
      url: 'https://www.salvationarmy.org.uk/modern-slavery/new-victim-care-contract',
      confidence: 'CONFIRMED',
    },
    {
      ref: 'law-and-process.md §2.10',
      url: 'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder',
      confidence: 'CONFIRMED',
    },
  ],
  consent: [
    {
      ref: 'law-and-process.md §2.3',
      url: 'https://gov.uk/government/publications/support-for-victims-of-human-trafficking',
      confidence: 'CONFIRMED',
    },
    {
      ref: 'law-and-process.md §2.5',
      url: 'https://parallelparliament.co.uk/question/125790',
      confidence: 'CONFIRMED',
    },
  ],
  children: [
    {
      ref: 'law-and-process.md §2.4',
      url: 'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder',
      confidence: 'CONFIRMED',
    },
  ],
  forcedCrime: [
    {
      ref: 'law-and-process.md §4.2',
      url: 'http://www.legislation.gov.uk/ukpga/2015/30/section/45/enacted',
      confidence: 'CONFIRMED',
    },
    {
      ref: 'law-and-process.md §4.3',
      url: 'https://www.legislation.gov.uk/ukpga/2015/30/schedule/4',
      confidence: 'CONFIRMED',
    },
  ],
  // The anonymity of a notification without consent is confirmed; what the force shares, and with whom,
  // is the force's own data-protection practice and is not in the sources.
  confidentiality: [
    {
      ref: 'law-and-process.md §2.5',
      url: 'https://parallelparliament.co.uk/question/125790',
      confidence: 'PARTLY CONFIRMED',
    },
    { ref: 'law-and-process.md §2.9', confidence: 'CONFIRMED' },
  ],
  // The number is confirmed; "free, 24 hours" comes from issue 4 and is not in the domain notes.
  getHelp: [
    {
      ref: 'law-and-process.md §2.2',
      url: 'https://www.gov.uk/guidance/report-modern-slavery-as-a-first-responder',
      confidence: 'CONFIRMED',
    },
    { ref: 'issue 4 (helpline free, 24 hours)', confidence: 'UNCONFIRMED' },
  ],
}

const parsed = new Map(languageCodes.map((code) => [code, parseRightsContent(code, CONTENT_FILES[code])]))

export function rightsContent(code: LanguageCode): RightsContent {
  const content = parsed.get(code)
  if (!content) throw new Error(`No content for ${code}`)
  return content
}

/** The content in reading order as separate utterances, for read-aloud and for the leaflet's text checks. */
export function readingOrder(content: RightsContent): string[] {
  const sections = sectionKeys.flatMap((key) => {
    const section = content.sections[key]
    return [section.heading, ...section.paragraphs, ...('items' in section ? section.items : [])]
  })
  const { emergency, name, details } = content.helpline
  return [content.title, ...content.intro, ...sections, emergency, `${name}: ${HELPLINE_NUMBER}. ${details}`]
}

/** Every string in a content value (used by the font coverage test), walking objects and arrays. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(allStrings)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(allStrings)
  return []
}
