import type { z } from 'zod'

/** One problem with submitted data: where it is (dot path, for the error summary) and what to do. */
export type Issue = { readonly path: string; readonly message: string }

export type Validated<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly code: 'invalid'; readonly message: string; readonly issues: readonly Issue[] }

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
}

export function invalid<T>(issues: readonly Issue[]): Validated<T> {
  return { ok: false, code: 'invalid', message: issues[0]?.message ?? 'The record is not valid', issues }
}
