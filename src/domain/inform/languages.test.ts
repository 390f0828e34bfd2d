import { describe, expect, it } from 'vitest'
import { chooseVoice, isLanguageCode, LANGUAGES, languageByCode, languageCodes, voiceMatches } from './languages.js'

const rightToLeft = ['ar', 'fa', 'prs', 'ps', 'ckb']

describe('languages', () => {
  it('lists the sixteen languages of issue 4, each once', () => {
    expect(LANGUAGES.map((l) => l.code)).toEqual([...languageCodes])
    expect(languageCodes).toHaveLength(16)
  })

  it.each(languageCodes.map((code) => [code] as const))('%s has the right text direction', (code) => {
    expect(languageByCode(code).dir).toBe(rightToLeft.includes(code) ? 'rtl' : 'ltr')
  })

  it('gives every right-to-left language an Arabic-script font', () => {
    for (const l of LANGUAGES.filter((l) => l.dir === 'rtl')) {
      expect([l.code, l.script, l.fontFamily]).toEqual([l.code, 'Arab', 'noto-naskh-arabic'])
    }
  })

  it('recognises only the listed codes, case-sensitively', () => {
    expect(isLanguageCode('zh-Hans')).toBe(true)
    expect(isLanguageCode('zh-hans')).toBe(false)
    expect(isLanguageCode('ku')).toBe(false)
    expect(isLanguageCode('__proto__')).toBe(false)
  })
})

describe('voices', () => {
  it('matches a voice by tag or by tag prefix, and never Kurmanji for Sorani', () => {
    expect(voiceMatches('ar-SA', languageByCode('ar'))).toBe(true)
    expect(voiceMatches('am_ET', languageByCode('am'))).toBe(true)
    expect(voiceMatches('ku-TR', languageByCode('ckb'))).toBe(false)
    expect(voiceMatches('arn', languageByCode('ar'))).toBe(false)
  })

  it('prefers the best tag, and falls back to Farsi for Dari', () => {
    const voices = [{ lang: 'fa-IR' }, { lang: 'zh-TW' }, { lang: 'zh-CN' }]
    expect(chooseVoice(voices, languageByCode('zh-Hans'))).toEqual({ lang: 'zh-CN' })
    expect(chooseVoice(voices, languageByCode('prs'))).toEqual({ lang: 'fa-IR' })
    expect(chooseVoice(voices, languageByCode('ti'))).toBeUndefined()
  })
})
