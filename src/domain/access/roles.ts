import { z } from 'zod'

export const roles = [
  'response-officer',
  'custody-officer',
  'investigator',
  'supervisor',
  'force-lead',
  'analyst',
  'force-admin',
  'inspector',
] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

export const roleLabels: Record<Role, string> = {
  'response-officer': 'Response officer',
  'custody-officer': 'Custody officer',
  investigator: 'Investigator',
  supervisor: 'Supervisor',
  'force-lead': 'Force modern slavery lead',
  analyst: 'Analyst',
  'force-admin': 'Force administrator',
  inspector: 'Inspector',
}

/** Inspectors belong to no force and see only aggregates (issue #2 §6). */
export function roleHasForce(role: Role): boolean {
  return role !== 'inspector'
}
