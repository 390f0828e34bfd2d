import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { assessmentJsonSchemaFiles } from '../src/domain/identify/json-schemas.js'

// Writes the published JSON Schemas for `lantern assess` and POST /api/v1/assessments.
// Run after changing the input or output schemas or the indicator catalogue: npx tsx scripts/generate-assessment-schema.ts
const dir = join(import.meta.dirname, '..', 'docs', 'schemas')
mkdirSync(dir, { recursive: true })
for (const [name, text] of Object.entries(assessmentJsonSchemaFiles())) {
  writeFileSync(join(dir, name), text)
  console.log(`wrote docs/schemas/${name}`)
}
