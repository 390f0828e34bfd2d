// Suggestions for an offence Lantern cannot identify. The candidate list is a few hundred short strings, so a
// plain edit distance plus a token-by-token comparison is fast and good enough; a fuzzy-search library would
// add a dependency for no gain in quality.

/** Levenshtein edit distance (insertions, deletions and substitutions each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

function ratio(a: string, b: string): number {
  const longest = Math.max(a.length, b.length)
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest
}

function tokens(text: string): string[] {
  return text.split(/[\s()]+/).filter((t) => t.length > 0)
}

// For each token of `from`, the best match among the tokens of `to`, averaged.
function directedTokenScore(from: readonly string[], to: readonly string[]): number {
  if (from.length === 0 || to.length === 0) return 0
  let total = 0
  for (const f of from) total += Math.max(...to.map((t) => ratio(f, t)))
  return total / from.length
}

/**
 * 0 (nothing alike) to 1 (identical): the better of whole-string and token-by-token similarity. A query whose
 * words all appear in the candidate ("supply" in "supply of a controlled drug") scores at least 0.75.
 */
export function similarity(a: string, b: string): number {
  const ta = tokens(a)
  const tb = tokens(b)
  const tokenScore = (directedTokenScore(ta, tb) + directedTokenScore(tb, ta)) / 2
  const contained = ta.length > 0 && ta.every((t) => tb.includes(t)) ? 0.75 : 0
  return Math.max(ratio(a, b), tokenScore, contained)
}

export type Candidate = { readonly key: string; readonly display: string }

/** The closest candidates to `query` (already normalised), best first, above a floor. */
export function closeMatches(
  query: string,
  candidates: readonly Candidate[],
  options: { readonly limit?: number; readonly floor?: number } = {},
): string[] {
  const limit = options.limit ?? 5
  const floor = options.floor ?? 0.65
  const scored = candidates
    .map((c) => ({ display: c.display, score: similarity(query, c.key) }))
    .filter((c) => c.score >= floor)
    .sort((x, y) => y.score - x.score || x.display.localeCompare(y.display))
  const seen = new Set<string>()
  const out: string[] = []
  for (const c of scored) {
    if (seen.has(c.display)) continue
    seen.add(c.display)
    out.push(c.display)
    if (out.length === limit) break
  }
  return out
}
