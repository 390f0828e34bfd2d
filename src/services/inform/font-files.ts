// Where the font files of domain/inform/fonts.ts are on disk. They live inside their npm packages, whose
// `exports` maps hide the font files from require.resolve, so the package folder is found on Node's own module
// search path instead.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { type FontFile, WEB_FONT_FILES } from '../../domain/inform/fonts.js'

const require = createRequire(import.meta.url)
const packageDirs = new Map<string, string>()

function packageDir(name: string): string {
  const known = packageDirs.get(name)
  if (known) return known
  const dir = (require.resolve.paths(name) ?? [])
    .map((base) => join(base, name))
    .find((candidate) => existsSync(join(candidate, 'package.json')))
  if (!dir) throw new Error(`The font package ${name} is not installed; run npm ci`)
  packageDirs.set(name, dir)
  return dir
}

/** The absolute path of a font file listed in fonts.ts. */
export function fontFilePath(file: FontFile): string {
  return join(packageDir(file.package), file.path)
}

export type WebFontFile = { path: string; contentType: 'font/ttf' | 'font/otf' }

const byFileName = new Map(WEB_FONT_FILES.map((file) => [file.fileName, file]))

/**
 * The file the web layer serves at `/assets/fonts/<fileName>`, or undefined for any name not in the fonts list
 * (so no request can reach another file, whatever it contains).
 */
export function webFontFile(fileName: string): WebFontFile | undefined {
  const file = byFileName.get(fileName)
  if (!file) return undefined
  return { path: fontFilePath(file), contentType: file.format === 'truetype' ? 'font/ttf' : 'font/otf' }
}
