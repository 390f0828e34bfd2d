import { describe, expect, it } from 'vitest'
import { FORCES, forceById } from './forces.js'

describe('police forces reference data', () => {
  it('holds the 43 territorial forces of England and Wales plus BTP, Police Scotland and PSNI', () => {
    expect(FORCES).toHaveLength(46)
    const ew = FORCES.filter((f) => f.jurisdiction === 'england-and-wales' && f.territorial)
    expect(ew).toHaveLength(43)
    expect(forceById('british-transport-police')?.territorial).toBe(false)
    expect(forceById('police-scotland')?.jurisdiction).toBe('scotland')
    expect(forceById('psni')?.jurisdiction).toBe('northern-ireland')
  })

  it('has unique, stable, url-safe ids', () => {
    const ids = FORCES.map((f) => f.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/)
  })

  it('includes the four Welsh forces', () => {
    for (const id of ['dyfed-powys', 'gwent', 'north-wales', 'south-wales']) expect(forceById(id)).toBeDefined()
  })
})
