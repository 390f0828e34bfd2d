import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FONT_FAMILIES, fontFaceCss, WEB_FONT_FILES } from '../../domain/inform/fonts.js'
import { fontFilePath, webFontFile } from './font-files.js'

// TrueType files start with 0x00010000, OpenType (CFF) files with 'OTTO'.
const signature = { truetype: '00010000', opentype: '4f54544f' }

describe('font files', () => {
  it.each(WEB_FONT_FILES.map((f) => [f.fileName, f] as const))(
    '%s is installed and is a font of its format',
    (_, file) => {
      const path = fontFilePath(file)
      expect(isAbsolute(path)).toBe(true)
      expect(existsSync(path), path).toBe(true)
      expect(readFileSync(path).subarray(0, 4).toString('hex')).toBe(signature[file.format])
    },
  )

  it('serves a listed file with its content type', () => {
    expect(webFontFile('noto-sans-ethiopic-400.ttf')).toEqual({
      path: fontFilePath(FONT_FAMILIES['noto-sans-ethiopic'].files.normal),
      contentType: 'font/ttf',
    })
    expect(webFontFile('noto-sans-sc-700.otf')?.contentType).toBe('font/otf')
  })

  it('refuses any name not in the fonts list', () => {
    for (const name of [
      'NotoSans-Regular.ttf',
      '../package.json',
      '../../../../etc/passwd',
      'noto-sans-400.ttf/',
      '__proto__',
      'constructor',
      '',
    ]) {
      expect(webFontFile(name), name).toBeUndefined()
    }
  })
})

describe('fontFaceCss', () => {
  const css = fontFaceCss('/assets/fonts/')

  it('has a @font-face rule per served file, under the prefix', () => {
    for (const file of WEB_FONT_FILES) expect(css).toContain(`url('/assets/fonts/${file.fileName}')`)
    expect(css.match(/@font-face/g)).toHaveLength(WEB_FONT_FILES.length)
  })

  it('gives each language its font stack through :lang()', () => {
    expect(css).toContain(":lang(ti), :lang(am) {\n  font-family: 'Noto Sans Ethiopic', 'Noto Sans', sans-serif;\n}")
    expect(css).toMatch(
      /:lang\(ar\), :lang\(fa\), :lang\(fa-AF\), :lang\(ps\), :lang\(ckb\) \{\n {2}font-family: 'Noto Naskh Arabic'/,
    )
    expect(css).toContain(":lang(zh-Hans) {\n  font-family: 'Noto Sans SC', 'Noto Sans', sans-serif;\n}")
  })

  it('lets the browser use an installed Chinese font before downloading 8 MB', () => {
    expect(css).toContain("src: local('Noto Sans CJK SC'), local('NotoSansCJKsc-Regular')")
  })
})
