// Fonts for the rights information, in the browser and in the PDF leaflet (issue 4: real glyphs, no tofu).
// Every file comes from an npm package pinned in package.json, so a fresh machine gets them with `npm ci`
// (stack.md §5). The web layer serves each file at `${urlPrefix}/${fileName}`; services/inform/font-files.ts
// turns a file name into its path on disk.
//
// Noto Naskh Arabic is version 1.00 on purpose: the 2.x Noto Arabic fonts draw dotted letters as a shared
// dotless glyph plus dots, and pdfkit can map a glyph to only one character, so text copied or extracted
// from the PDF came out with the wrong letters (e.g. شحص for شخص). Version 1.00 has one glyph per letter,
// including the extra Pashto and Sorani letters, but no Latin letters, brackets, hyphen or question mark:
// Arabic-script content uses Arabic punctuation (، ؛ ؟) and digits only, which the coverage test enforces.
import { LANGUAGES } from './languages.js'

export const fontFamilyKeys = ['noto-sans', 'noto-naskh-arabic', 'noto-sans-ethiopic', 'noto-sans-sc'] as const
export type FontFamilyKey = (typeof fontFamilyKeys)[number]
export type FontWeight = 'normal' | 'bold'

export type FontFile = {
  /** The npm package that ships the file. */
  package: string
  /** Path of the file inside the package. */
  path: string
  /** Name under which the web layer serves the file. */
  fileName: string
  format: 'truetype' | 'opentype'
  /** Installed copies the browser may use instead of downloading (full and PostScript names). */
  localNames: readonly string[]
}

export type FontFamily = {
  key: FontFamilyKey
  /** CSS font-family name. */
  cssName: string
  /** Name of the font in pdfmake's font dictionary. */
  pdfName: string
  files: Record<FontWeight, FontFile>
  /** Characters the web font is used for; the rest fall through to the next font in the stack. */
  unicodeRange?: string
}

const notoSans: FontFamily = {
  key: 'noto-sans',
  cssName: 'Noto Sans',
  pdfName: 'NotoSans',
  files: {
    normal: {
      package: '@embedpdf/fonts-latin',
      path: 'fonts/NotoSans-Regular.ttf',
      fileName: 'noto-sans-400.ttf',
      format: 'truetype',
      localNames: [],
    },
    bold: {
      package: '@embedpdf/fonts-latin',
      path: 'fonts/NotoSans-Bold.ttf',
      fileName: 'noto-sans-700.ttf',
      format: 'truetype',
      localNames: [],
    },
  },
}

const notoNaskhArabic: FontFamily = {
  key: 'noto-naskh-arabic',
  cssName: 'Noto Naskh Arabic',
  pdfName: 'NotoNaskhArabic',
  files: {
    normal: {
      package: '@embedpdf/fonts-arabic',
      path: 'fonts/NotoNaskhArabic-Regular.ttf',
      fileName: 'noto-naskh-arabic-400.ttf',
      format: 'truetype',
      localNames: [],
    },
    bold: {
      package: '@embedpdf/fonts-arabic',
      path: 'fonts/NotoNaskhArabic-Bold.ttf',
      fileName: 'noto-naskh-arabic-700.ttf',
      format: 'truetype',
      localNames: [],
    },
  },
  // Arabic, Arabic Supplement, Extended-A, Presentation Forms A and B, and the joiners and direction marks.
  unicodeRange: 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+200C-200F, U+FB50-FDFF, U+FE70-FEFF',
}

const notoSansEthiopic: FontFamily = {
  key: 'noto-sans-ethiopic',
  cssName: 'Noto Sans Ethiopic',
  pdfName: 'NotoSansEthiopic',
  files: {
    normal: {
      package: '@expo-google-fonts/noto-sans-ethiopic',
      path: '400Regular/NotoSansEthiopic_400Regular.ttf',
      fileName: 'noto-sans-ethiopic-400.ttf',
      format: 'truetype',
      localNames: [],
    },
    bold: {
      package: '@expo-google-fonts/noto-sans-ethiopic',
      path: '700Bold/NotoSansEthiopic_700Bold.ttf',
      fileName: 'noto-sans-ethiopic-700.ttf',
      format: 'truetype',
      localNames: [],
    },
  },
}

// The Simplified Chinese files are 8 MB each, so the browser is told to use an installed Noto/Source Han
// Sans CJK SC first (most phones and Debian's fonts-noto-cjk have one) and to download only when it must.
const notoSansSc: FontFamily = {
  key: 'noto-sans-sc',
  cssName: 'Noto Sans SC',
  pdfName: 'NotoSansSC',
  files: {
    normal: {
      package: '@embedpdf/fonts-sc',
      path: 'fonts/NotoSansHans-Regular.otf',
      fileName: 'noto-sans-sc-400.otf',
      format: 'opentype',
      localNames: ['Noto Sans CJK SC', 'NotoSansCJKsc-Regular', 'Noto Sans SC', 'NotoSansSC-Regular'],
    },
    bold: {
      package: '@embedpdf/fonts-sc',
      path: 'fonts/NotoSansHans-Bold.otf',
      fileName: 'noto-sans-sc-700.otf',
      format: 'opentype',
      localNames: ['Noto Sans CJK SC Bold', 'NotoSansCJKsc-Bold', 'Noto Sans SC Bold', 'NotoSansSC-Bold'],
    },
  },
  // CJK punctuation, ideographs (with Extension A and compatibility ideographs) and full-width forms.
  unicodeRange: 'U+2E80-2FDF, U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FF00-FFEF',
}

export const FONT_FAMILIES: Readonly<Record<FontFamilyKey, FontFamily>> = {
  'noto-sans': notoSans,
  'noto-naskh-arabic': notoNaskhArabic,
  'noto-sans-ethiopic': notoSansEthiopic,
  'noto-sans-sc': notoSansSc,
}

/** Every web font file, for the web layer's allow-list of what it serves. */
export const WEB_FONT_FILES: readonly FontFile[] = fontFamilyKeys.flatMap((key) => [
  FONT_FAMILIES[key].files.normal,
  FONT_FAMILIES[key].files.bold,
])

export const DEFAULT_FONT_URL_PREFIX = '/assets/fonts'

/** CSS font-family value for a font family: itself, then Noto Sans for anything it lacks, then the system's. */
export function cssFontStack(key: FontFamilyKey): string {
  const names = key === 'noto-sans' ? [notoSans.cssName] : [FONT_FAMILIES[key].cssName, notoSans.cssName]
  return [...names.map((name) => `'${name}'`), 'sans-serif'].join(', ')
}

function fontFaceRule(family: FontFamily, weight: FontWeight, urlPrefix: string): string {
  const file = family.files[weight]
  const sources = [
    ...file.localNames.map((name) => `local('${name}')`),
    `url('${urlPrefix}/${file.fileName}') format('${file.format}')`,
  ]
  const lines = [
    `  font-family: '${family.cssName}';`,
    `  font-style: normal;`,
    `  font-weight: ${weight === 'bold' ? 700 : 400};`,
    '  font-display: swap;',
    `  src: ${sources.join(', ')};`,
    ...(family.unicodeRange ? [`  unicode-range: ${family.unicodeRange};`] : []),
  ]
  return `@font-face {\n${lines.join('\n')}\n}`
}

/**
 * The CSS the web layer serves for the rights pages: an @font-face rule per file, and a `:lang()` rule per
 * language so that every element inside one with the language's `lang` attribute gets its font stack.
 * `:lang()` has the specificity of a class, so include this after govuk-frontend's CSS.
 */
export function fontFaceCss(urlPrefix: string = DEFAULT_FONT_URL_PREFIX): string {
  const prefix = urlPrefix.replace(/\/+$/, '')
  const faces = fontFamilyKeys.flatMap((key) =>
    (['normal', 'bold'] as const).map((weight) => fontFaceRule(FONT_FAMILIES[key], weight, prefix)),
  )
  const langsByFamily = new Map<FontFamilyKey, Set<string>>()
  for (const language of LANGUAGES) {
    const set = langsByFamily.get(language.fontFamily) ?? new Set<string>()
    set.add(language.htmlLang)
    langsByFamily.set(language.fontFamily, set)
  }
  const langRules = [...langsByFamily].map(([key, langs]) => {
    const selectors = [...langs].map((lang) => `:lang(${lang})`).join(', ')
    return `${selectors} {\n  font-family: ${cssFontStack(key)};\n}`
  })
  return `${[...faces, ...langRules].join('\n\n')}\n`
}
