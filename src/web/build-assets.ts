import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

// One small step instead of a bundler: compile the Sass once, copy the two ES-module bundles.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const require = createRequire(import.meta.url)
const govukDist = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk')
const mojRoot = join(dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj')
const src = join(root, 'src', 'web', 'assets')
const out = join(root, 'public')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)
  }
  return newest
}

export function assetsAreStale(): boolean {
  const css = join(out, 'css', 'app.css')
  return !existsSync(css) || statSync(css).mtimeMs < newestMtime(src)
}

export function buildAssets(): void {
  mkdirSync(join(out, 'css'), { recursive: true })
  mkdirSync(join(out, 'js'), { recursive: true })
  mkdirSync(join(out, 'images'), { recursive: true })
  const result = sass.compile(join(src, 'scss', 'app.scss'), {
    importers: [new sass.NodePackageImporter()],
    loadPaths: [root],
    quietDeps: true,
    silenceDeprecations: ['mixed-decls'],
    style: 'compressed',
    logger: sass.Logger.silent,
  })
  if (/GDS Transport|@font-face\s*{[^}]*gds/i.test(result.css)) throw new Error('GDS Transport must not be compiled in')
  writeFileSync(join(out, 'css', 'app.css'), result.css)
  copyFileSync(join(govukDist, 'govuk-frontend.min.js'), join(out, 'js', 'govuk-frontend.min.js'))
  copyFileSync(join(mojRoot, 'moj-frontend.min.js'), join(out, 'js', 'moj-frontend.min.js'))
  for (const f of readdirSync(join(src, 'js'))) copyFileSync(join(src, 'js', f), join(out, 'js', f))
  for (const f of readdirSync(join(src, 'images'))) copyFileSync(join(src, 'images', f), join(out, 'images', f))
}

export const publicDir = out
export const govukAssetsDir = join(govukDist, 'assets')
export const mojAssetsDir = join(mojRoot, 'assets')
