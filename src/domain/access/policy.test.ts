import { describe, expect, it } from 'vitest'
import { AccessDenied, type Actor, allPermissions, can, forceScopeOf, permissions, seesPersonalData } from './policy.js'
import { roles } from './roles.js'

const actor = (role: Actor['role'], forceId: string | null = 'kent'): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  role,
  forceId,
  displayName: 'Test',
})

describe('policy', () => {
  it('gives every permission to at least one role and only to known roles', () => {
    for (const p of allPermissions) {
      expect(permissions[p].length).toBeGreaterThan(0)
      for (const r of permissions[p]) expect(roles).toContain(r)
    }
  })

  it('lets an inspector see aggregates but never personal records', () => {
    const inspector = actor('inspector', null)
    expect(can(inspector, 'oversight:national')).toBe(true)
    expect(can(inspector, 'encounter:read')).toBe(false)
    expect(can(inspector, 'audit:search')).toBe(false)
    expect(seesPersonalData(inspector)).toBe(false)
    expect(() => forceScopeOf(inspector)).toThrow(AccessDenied)
  })

  it('keeps audit search and user management with the force administrator only', () => {
    for (const r of roles) {
      expect(can(actor(r), 'audit:search')).toBe(r === 'force-admin')
      expect(can(actor(r), 'users:manage')).toBe(r === 'force-admin')
    }
  })

  it('reserves the second-level (early closure) review for the force lead', () => {
    expect(roles.filter((r) => can(actor(r), 'investigation:second-review'))).toEqual(['force-lead'])
  })

  it('scopes a force member to their own force', () => {
    expect(forceScopeOf(actor('investigator', 'merseyside')).forceId).toBe('merseyside')
  })
})
