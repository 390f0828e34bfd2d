import type { z } from 'zod'

export type FieldError = { text: string; href: string }
export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldError[]; fieldErrors: Record<string, { text: string }>; values: Record<string, unknown> }

/**
 * Validates a form body with zod and turns the issues into the GOV.UK error summary shape:
 * one message per field, linked to the field's id (the first input of a group).
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {})
  if (parsed.success) return { ok: true, data: parsed.data }
  const fieldErrors: Record<string, { text: string }> = {}
  const errors: FieldError[] = []
  for (const issue of parsed.error.issues) {
    const field = issue.path.map(String).join('-') || 'form'
    if (fieldErrors[field]) continue
    fieldErrors[field] = { text: issue.message }
    errors.push({ text: issue.message, href: `#${field}` })
  }
  return { ok: false, errors, fieldErrors, values: (body ?? {}) as Record<string, unknown> }
}
