import { readFile } from 'node:fs/promises'
import { parseRightsContent, type RightsContent } from '../../domain/inform/content-schema.js'
import type { LanguageCode } from '../../domain/inform/languages.js'

// One language's content, read from its own file: the leaflet for a language needs no other language's file.
// The web pages use domain/inform/content.ts, which loads and checks all of them at start-up.
const contentDir = new URL('../../domain/inform/content/', import.meta.url)
const loaded = new Map<LanguageCode, Promise<RightsContent>>()

async function load(code: LanguageCode): Promise<RightsContent> {
  const text = await readFile(new URL(`${code}.json`, contentDir), 'utf8')
  return parseRightsContent(code, JSON.parse(text))
}

/** The validated content of one language, read once (`code` is from the fixed list, never a free path). */
export function loadRightsContent(code: LanguageCode): Promise<RightsContent> {
  const known = loaded.get(code)
  if (known) return known
  const pending = load(code)
  pending.catch(() => loaded.delete(code))
  loaded.set(code, pending)
  return pending
}
