import type { z } from 'zod'

type Issue = z.core.$ZodIssue

/** `indicators[2].provenance` from ['indicators', 2, 'provenance']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(root)' : out
}

// Long enum lists (the indicator ids) carry their own message instead of the list.
const MAX_LISTED_VALUES = 15

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // zod 4 leaves the input off the issue unless asked, so what was received is read from its message.
      if (/received undefined$/.test(issue.message)) return `required (expected ${issue.expected})`
      const received = /received (\w+)$/.exec(issue.message)?.[1]
      return received === undefined ? `expected ${issue.expected}` : `expected ${issue.expected}, received ${received}`
    }
    case 'invalid_value':
      if (!issue.message.startsWith('Invalid option') && !issue.message.startsWith('Invalid input')) {
        return issue.message
      }
      return issue.values.length <= MAX_LISTED_VALUES
        ? `expected one of ${issue.values.map(String).join('|')}`
        : `expected one of ${issue.values.length} allowed values`
    case 'too_small':
      return issue.origin === 'array'
        ? `expected at least ${String(issue.minimum)} items`
        : issue.origin === 'string'
          ? `expected at least ${String(issue.minimum)} characters`
          : `expected a value of at least ${String(issue.minimum)}`
    case 'too_big':
      return issue.origin === 'array'
        ? `expected at most ${String(issue.maximum)} items`
        : issue.origin === 'string'
          ? `expected at most ${String(issue.maximum)} characters`
          : `expected a value of at most ${String(issue.maximum)}`
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'expected an ISO 8601 date-time with a time zone, e.g. 2026-11-28T14:30:00Z'
        : `expected the ${issue.format} format`
    default:
      return issue.message
  }
}

/**
 * One line per invalid field, "path: what is wrong", for the CLI and the HTTP API's problem+json `errors`.
 * Unknown fields get a line each.
 */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field`)
    }
    return [`${formatPath(issue.path)}: ${describe(issue)}`]
  })
}
