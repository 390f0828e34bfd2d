import { z } from 'zod'

// The shape of one language's rights and support information (content/<code>.json). Every file has exactly
// the keys of content/en.json; lists (paragraphs, items) may differ in length, so that Easy Read can use more,
// shorter lines.

const Text = z.string().trim().min(1, 'Write the text; an empty string is never right')
const Lines = z.array(Text).min(1, 'Give at least one line')

export const TranslationStatus = z.enum(['draft', 'reviewed'])
export type TranslationStatus = z.infer<typeof TranslationStatus>

export const ContentMeta = z
  .strictObject({
    status: TranslationStatus,
    /** Who wrote or drafted the text, e.g. 'Lantern team (machine-drafted)'. */
    translatedBy: Text,
    /** The professional reviewer's name (and organisation); null until a review is recorded. */
    reviewer: Text.nullable(),
    /** ISO date of the review; null until a review is recorded. */
    reviewedOn: z.iso.date().nullable(),
    /** The status line in this language; {reviewer} and {date} are filled in from the fields above. */
    statusLine: z.strictObject({ draft: Text, reviewed: Text }),
  })
  .refine((meta) => meta.status === 'draft' || (meta.reviewer !== null && meta.reviewedOn !== null), {
    message: "A translation is 'reviewed' only with a reviewer and a review date",
  })
export type ContentMeta = z.infer<typeof ContentMeta>

export const Section = z.strictObject({ heading: Text, paragraphs: Lines })
export type Section = z.infer<typeof Section>

export const ListSection = z.strictObject({ heading: Text, paragraphs: Lines, items: Lines })
export type ListSection = z.infer<typeof ListSection>

// The order in which pages, the leaflet and read-aloud present the sections.
export const sectionKeys = [
  'whatIsModernSlavery',
  'notInTrouble',
  'nrm',
  'support',
  'consent',
  'children',
  'forcedCrime',
  'confidentiality',
  'getHelp',
] as const
export type SectionKey = (typeof sectionKeys)[number]

export const questionIds = [
  'documents',
  'debt',
  'notFreeToLeave',
  'threats',
  'violence',
  'pay',
  'hours',
  'deceived',
  'fearOfAuthorities',
  'livesAtWork',
  'forcedCrime',
  'sexualServices',
] as const
export const QuestionId = z.enum(questionIds)
export type QuestionId = z.infer<typeof QuestionId>

export const RightsContent = z.strictObject({
  meta: ContentMeta,
  title: Text,
  intro: Lines,
  sections: z.strictObject({
    whatIsModernSlavery: Section,
    notInTrouble: Section,
    nrm: Section,
    support: ListSection,
    consent: Section,
    children: Section,
    forcedCrime: Section,
    confidentiality: Section,
    getHelp: Section,
  }),
  helpline: z.strictObject({
    /** "In an emergency, call 999." */
    emergency: Text,
    /** The Modern Slavery & Exploitation Helpline's name. */
    name: Text,
    /** "Free, 24 hours a day, every day." */
    details: Text,
  }),
  ui: z.strictObject({
    readAloud: Text,
    stop: Text,
    noVoice: Text,
    giveBack: Text,
    questionsTitle: Text,
    questionsIntro: Lines,
    startQuestions: Text,
    /** Has {n} and {total}. */
    questionProgress: Text,
    yes: Text,
    no: Text,
    preferNotToSay: Text,
    next: Text,
    chooseAnswer: Text,
    back: Text,
    questionsDone: Text,
    scanQr: Text,
    /** Has {page} and {pages}. */
    pageOf: Text,
    otherLanguages: Text,
  }),
  questions: z.strictObject(Object.fromEntries(questionIds.map((id) => [id, Text])) as Record<QuestionId, typeof Text>),
})
export type RightsContent = z.infer<typeof RightsContent>

/** Validates one content file; the error names the file and every problem in it. */
export function parseRightsContent(code: string, raw: unknown): RightsContent {
  const result = RightsContent.safeParse(raw)
  if (!result.success) throw new Error(`content/${code}.json is not valid:\n${z.prettifyError(result.error)}`)
  return result.data
}
