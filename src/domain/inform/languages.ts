// Languages of the rights information (issue 4; chosen from the nationalities referred, indicators.md §7.1–§7.3).
//
// To add a language:
//   1. Add a row below: the BCP 47 code used in URLs (/rights/<code>), its English name, its endonym, `dir`,
//      the HTML `lang` value, the script, a font family from fonts.ts that covers the script, and speech hints.
//   2. Copy content/en.json to content/<code>.json, translate every string (keep 999 and 08000 121 700 as
//      digits and keep every {placeholder}), set meta.status to 'draft', meta.translatedBy to who drafted it,
//      and meta.reviewer / meta.reviewedOn to null.
//   3. Add the file to content-files.ts and run the tests: they name any missing or extra key and any code
//      point the chosen font cannot draw.
//
// To record a professional review: set meta.reviewer to the reviewer's name (and organisation),
// meta.reviewedOn to the ISO date of the review, and meta.status to 'reviewed'. The visible status line
// changes from "draft — awaiting professional review" only when all three are set (status.ts).
import { z } from 'zod'
import type { FontFamilyKey } from './fonts.js'

export const languageCodes = [
  'en',
  'en-easy',
  'cy',
  'ti',
  'so',
  'vi',
  'sq',
  'ar',
  'ro',
  'zh-Hans',
  'fa',
  'prs',
  'ps',
  'ckb',
  'pl',
  'am',
] as const
export const LanguageCode = z.enum(languageCodes)
export type LanguageCode = z.infer<typeof LanguageCode>

export const TextDirection = z.enum(['ltr', 'rtl'])
export type TextDirection = z.infer<typeof TextDirection>

export type Language = {
  code: LanguageCode
  englishName: string
  /** The language's name in itself, for the /rights list. */
  endonym: string
  dir: TextDirection
  /** Value for the HTML `lang` attribute. `en-easy` is not a valid tag, and `prs` is unknown to most screen readers. */
  htmlLang: string
  /** ISO 15924 script code. */
  script: 'Latn' | 'Arab' | 'Ethi' | 'Hans'
  fontFamily: FontFamilyKey
  /** Preferred `SpeechSynthesisUtterance.lang`. */
  speechLang: string
  /**
   * Voice language tags acceptable for this language, best first; a voice matches a tag if its lang equals it
   * or starts with it followed by '-'. Deliberately narrow: a Kurmanji ('ku') voice cannot read Sorani, and a
   * Cantonese ('zh-HK') voice should not read Mandarin text.
   */
  voiceLangs: readonly string[]
}

// One row per language: code, English name, endonym, dir, HTML lang, script, font, speech lang, acceptable voices.
type LanguageRow = readonly [
  LanguageCode,
  string,
  string,
  TextDirection,
  string,
  Language['script'],
  FontFamilyKey,
  string,
  readonly string[],
]

const rows: readonly LanguageRow[] = [
  ['en', 'English', 'English', 'ltr', 'en-GB', 'Latn', 'noto-sans', 'en-GB', ['en-GB', 'en']],
  ['en-easy', 'Easy Read English', 'Easy Read English', 'ltr', 'en-GB', 'Latn', 'noto-sans', 'en-GB', ['en-GB', 'en']],
  ['cy', 'Welsh', 'Cymraeg', 'ltr', 'cy', 'Latn', 'noto-sans', 'cy-GB', ['cy']],
  ['ti', 'Tigrinya', 'ትግርኛ', 'ltr', 'ti', 'Ethi', 'noto-sans-ethiopic', 'ti-ER', ['ti']],
  ['so', 'Somali', 'Soomaali', 'ltr', 'so', 'Latn', 'noto-sans', 'so-SO', ['so']],
  ['vi', 'Vietnamese', 'Tiếng Việt', 'ltr', 'vi', 'Latn', 'noto-sans', 'vi-VN', ['vi']],
  ['sq', 'Albanian', 'Shqip', 'ltr', 'sq', 'Latn', 'noto-sans', 'sq-AL', ['sq']],
  ['ar', 'Arabic', 'العربية', 'rtl', 'ar', 'Arab', 'noto-naskh-arabic', 'ar', ['ar']],
  ['ro', 'Romanian', 'Română', 'ltr', 'ro', 'Latn', 'noto-sans', 'ro-RO', ['ro']],
  [
    'zh-Hans',
    'Chinese (Simplified)',
    '简体中文',
    'ltr',
    'zh-Hans',
    'Hans',
    'noto-sans-sc',
    'zh-CN',
    ['zh-CN', 'cmn-Hans', 'cmn-CN', 'zh-Hans', 'cmn', 'zh-TW'],
  ],
  ['fa', 'Farsi (Persian)', 'فارسی', 'rtl', 'fa', 'Arab', 'noto-naskh-arabic', 'fa-IR', ['fa']],
  // Dari and Farsi are mutually intelligible; a Farsi voice is better than none (indicators.md §7.2).
  ['prs', 'Dari', 'دری', 'rtl', 'fa-AF', 'Arab', 'noto-naskh-arabic', 'fa-AF', ['fa-AF', 'prs', 'fa']],
  ['ps', 'Pashto', 'پښتو', 'rtl', 'ps', 'Arab', 'noto-naskh-arabic', 'ps-AF', ['ps']],
  ['ckb', 'Kurdish (Sorani)', 'کوردیی سۆرانی', 'rtl', 'ckb', 'Arab', 'noto-naskh-arabic', 'ckb-IQ', ['ckb']],
  ['pl', 'Polish', 'Polski', 'ltr', 'pl', 'Latn', 'noto-sans', 'pl-PL', ['pl']],
  ['am', 'Amharic', 'አማርኛ', 'ltr', 'am', 'Ethi', 'noto-sans-ethiopic', 'am-ET', ['am']],
]

export const LANGUAGES: readonly Language[] = rows.map(
  ([code, englishName, endonym, dir, htmlLang, script, fontFamily, speechLang, voiceLangs]) => ({
    code,
    englishName,
    endonym,
    dir,
    htmlLang,
    script,
    fontFamily,
    speechLang,
    voiceLangs,
  }),
)

const byCode = new Map(LANGUAGES.map((l) => [l.code, l]))

export function isLanguageCode(value: string): value is LanguageCode {
  return byCode.has(value as LanguageCode)
}

export function languageByCode(code: LanguageCode): Language {
  const language = byCode.get(code)
  if (!language) throw new Error(`No language with code ${code}`)
  return language
}

/** Whether a speech-synthesis voice whose `lang` is `voiceLang` can read this language (case-insensitive). */
export function voiceMatches(voiceLang: string, language: Language): boolean {
  const v = voiceLang.replace(/_/g, '-').toLowerCase()
  return language.voiceLangs.some((tag) => {
    const t = tag.toLowerCase()
    return v === t || v.startsWith(`${t}-`)
  })
}

/** The best of the available voices for a language, or undefined when the device has none for it. */
export function chooseVoice<V extends { lang: string }>(voices: readonly V[], language: Language): V | undefined {
  for (const tag of language.voiceLangs) {
    const one = { ...language, voiceLangs: [tag] }
    const found = voices.find((voice) => voiceMatches(voice.lang, one))
    if (found) return found
  }
  return undefined
}
