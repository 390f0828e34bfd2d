import { z } from 'zod'
import { Assessment } from './assessment.js'
import { AssessmentInput } from './encounter-input.js'

/**
 * The published JSON Schemas (docs/schemas/), generated from the zod schemas so they cannot drift. The input schema
 * describes what callers send; the output schema what Lantern returns.
 */
export function assessmentJsonSchemaFiles(): Record<string, string> {
  const input = z.toJSONSchema(AssessmentInput, { io: 'input' })
  const output = z.toJSONSchema(Assessment, { io: 'output' })
  return {
    'assessment-input.schema.json': `${JSON.stringify(input, null, 2)}\n`,
    'assessment-output.schema.json': `${JSON.stringify(output, null, 2)}\n`,
  }
}
