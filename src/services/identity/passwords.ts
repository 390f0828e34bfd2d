import { hash, verify } from '@node-rs/argon2'

// argon2id with the library defaults, m=19456 KiB, t=2, p=1: OWASP's minimum (stack.md §2e).
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 })
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** The published demo password (README). Refused everywhere outside demo mode. */
export const DEMO_PASSWORD = 'lantern-demo-2026'

export const MIN_PASSWORD_LENGTH = 12

export function passwordProblem(password: string, demo: boolean): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters`
  if (!demo && password === DEMO_PASSWORD) return 'The demo password is public and cannot be used outside demo mode'
  return null
}

// Verifying against a real hash when the e-mail is unknown keeps the response time the same,
// so timing does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('lantern-timing-equaliser')
  return dummyHash
}
