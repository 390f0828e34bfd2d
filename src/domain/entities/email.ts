import { z } from 'zod'
import { identifierFields } from './entity-kind.js'

export const NormalisedEmail = z.object({ kind: z.literal('email'), ...identifierFields })
export type NormalisedEmail = z.infer<typeof NormalisedEmail>

const SHAPE = /^[^\s@]+@([a-z0-9-]+\.)+[a-z]{2,}$/

/**
 * Lower case is the key. Gmail ignores dots and anything after "+" in the local part, and googlemail.com is the
 * same mailbox, so those collapse to one key; other providers are left as written.
 */
export function normaliseEmail(raw: string): NormalisedEmail {
  const display = raw.trim().replace(/^mailto:/i, '')
  const lower = display.toLowerCase()
  if (lower === '')
    return { kind: 'email', normalised: '', display: '', valid: false, problems: ['Enter an email address.'] }
  if (!SHAPE.test(lower)) {
    return {
      kind: 'email',
      normalised: lower,
      display,
      valid: false,
      problems: ['This is not a valid email address: it needs a name, an @ and a domain, such as name@example.com.'],
    }
  }
  const at = lower.lastIndexOf('@')
  let local = lower.slice(0, at)
  let domain = lower.slice(at + 1)
  if (domain === 'gmail.com' || domain === 'googlemail.com') {
    domain = 'gmail.com'
    local = local.split('+')[0]?.replaceAll('.', '') ?? local
  }
  return { kind: 'email', normalised: `${local}@${domain}`, display, valid: true, problems: [] }
}
