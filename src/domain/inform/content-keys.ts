// Compares a translation's keys with English's, so that a test can name each missing or extra key
// (issue 4: "a missing key in any translation fails the tests with the language and key named").

/**
 * The dotted paths of every leaf in a content value. Arrays count as one leaf: a translation may use more or
 * fewer lines than English (Easy Read does), so only the key is compared, not the number of lines.
 */
export function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : []
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key))
}

export type KeyDifferences = { missing: string[]; extra: string[] }

/** The keys `candidate` lacks and the keys it has that `reference` does not, each sorted. */
export function keyDifferences(reference: unknown, candidate: unknown): KeyDifferences {
  const expected = new Set(keyPaths(reference))
  const actual = new Set(keyPaths(candidate))
  return {
    missing: [...expected].filter((key) => !actual.has(key)).sort(),
    extra: [...actual].filter((key) => !expected.has(key)).sort(),
  }
}

export type StringLeaf = { path: string; text: string }

/** Every string in a content value with its path, list lines as `intro[0]`, in file order. */
export function stringLeaves(value: unknown, prefix = ''): StringLeaf[] {
  if (typeof value === 'string') return [{ path: prefix, text: value }]
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, `${prefix}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, prefix ? `${prefix}.${key}` : key))
  }
  return []
}
