import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { indicatorIds } from './catalogue.js'
import { assessmentJsonSchemaFiles } from './json-schemas.js'

const schemaDir = new URL('../../../docs/schemas/', import.meta.url)
const files = assessmentJsonSchemaFiles()

describe('published JSON Schemas (docs/schemas)', () => {
  it.each(Object.keys(files))('%s matches what the zod schemas generate', (name) => {
    const committed = readFileSync(new URL(name, schemaDir), 'utf8')
    // If this fails, run: npx tsx scripts/generate-assessment-schema.ts
    expect(committed).toBe(files[name])
  })

  it('describes the input fields the CLI and API accept, with every indicator id', () => {
    const input = JSON.parse(files['assessment-input.schema.json'] ?? '{}')
    expect(input.required).toEqual(['person', 'indicators', 'consent', 'immediateRisk', 'placeType', 'occurredAt'])
    expect(input.additionalProperties).toBe(false)
    expect(input.properties.person.required).toEqual(['role'])
    expect(input.properties.person.properties.age).toMatchObject({ type: 'number', minimum: 0, maximum: 120 })
    expect(input.properties.indicators.items.properties.id.enum).toEqual(indicatorIds)
    expect(input.properties.indicators.items.properties.provenance.enum).toEqual(['observed', 'disclosed', 'reported'])
    expect(input.properties.occurredAt.format).toBe('date-time')
  })

  it('describes the output with pathway, concern, actions, types and reasons', () => {
    const output = JSON.parse(files['assessment-output.schema.json'] ?? '{}')
    for (const key of ['pathway', 'concern', 'actions', 'types', 'reasons', 'dimensions', 'canStillRefer']) {
      expect(output.required).toContain(key)
    }
    expect(output.properties.concern.enum).toEqual(['none', 'low', 'medium', 'high'])
    expect(output.properties.actions.items.properties.code.enum).toContain('s45-flag')
  })
})
