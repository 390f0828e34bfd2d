import type { ContentMeta } from './content-schema.js'

export const DRAFT_STATUS_ENGLISH = 'draft — awaiting professional review'

export type VisibleStatus = {
  reviewed: boolean
  /** The status in English, for the officer and for oversight. */
  english: string
  /** The same status in the content's own language. */
  local: string
}

/**
 * The status every page, hand-over screen and leaflet shows (issue 4). A translation counts as reviewed only
 * when its file records the status 'reviewed' together with a reviewer's name and a review date; anything
 * less reads "draft — awaiting professional review".
 */
export function translationStatus(meta: ContentMeta): VisibleStatus {
  const { reviewer, reviewedOn } = meta
  if (meta.status !== 'reviewed' || reviewer === null || reviewedOn === null) {
    return { reviewed: false, english: DRAFT_STATUS_ENGLISH, local: meta.statusLine.draft }
  }
  return {
    reviewed: true,
    english: `reviewed by ${reviewer} on ${reviewedOn}`,
    local: fillPlaceholders(meta.statusLine.reviewed, { reviewer, date: reviewedOn }),
  }
}

/** Replaces each {name} in a content string; an unknown name is left as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => {
    const value = values[name]
    return value === undefined ? whole : String(value)
  })
}

/** The {placeholder} names a content string uses, sorted. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1] ?? ''))].sort()
}
