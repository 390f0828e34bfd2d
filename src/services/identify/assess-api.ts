import { assertCan } from '../../domain/access/policy.js'
import { type Assessment, assess } from '../../domain/identify/assessment.js'
import { AssessmentInput } from '../../domain/identify/encounter-input.js'
import { formatIssues } from '../../domain/identify/format-issues.js'
import { audit } from '../audit/audit.js'
import type { Ctx, Deps } from '../context.js'

export type AssessResult =
  | { ok: true; assessment: Assessment }
  | { ok: false; errors: { path: string; message: string }[] }

/**
 * Assesses an encounter sent by another system. Nothing is stored; the audit log records that an
 * assessment was run and its pathway, not the content, which may describe a person.
 */
export async function assessForApi(deps: Deps, ctx: Ctx, body: unknown): Promise<AssessResult> {
  assertCan(ctx.actor, 'assessment:run')
  const parsed = AssessmentInput.safeParse(body)
  if (!parsed.success) {
    return {
      ok: false,
      errors: formatIssues(parsed.error).map((line) => {
        const at = line.indexOf(': ')
        return { path: line.slice(0, at), message: line.slice(at + 2) }
      }),
    }
  }
  const assessment = assess(parsed.data)
  await audit(
    deps.db,
    ctx,
    {
      action: 'create',
      recordType: 'assessment',
      details: { pathway: assessment.pathway, concern: assessment.concern, via: 'api' },
    },
    deps.now(),
  )
  return { ok: true, assessment }
}
