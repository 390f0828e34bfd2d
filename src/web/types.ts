import type { Actor, Permission } from '../domain/access/policy.js'
import type { Ctx } from '../services/context.js'

/**
 * Every route states who may call it: 'public' (no sign-in), 'signed-in' (any role) or one
 * permission from the policy module. buildApp refuses to start if a route leaves it out.
 */
export type Access = 'public' | 'signed-in' | Permission

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    actor: Actor | null
    /** True when the caller authenticated with a bearer token (no cookie, so no CSRF check). */
    viaToken: boolean
    ctx(): Ctx
  }
}

export type SessionData = {
  userId?: string
  signedInAt?: number
  lastSeenAt?: number
  /** Password accepted, TOTP code still needed. */
  pendingTotpUserId?: string
  pendingTotpAt?: number
  /** Secret shown during TOTP set-up, kept until the user confirms a code. */
  totpSetupSecret?: string
  /** The force requires a second factor and this user has none yet. */
  mustSetUpTotp?: boolean
  flash?: { type: 'success' | 'important'; text: string; title?: string }
  returnTo?: string
  /** The phone is with the person encountered: only the hand-over pages are reachable until the officer signs in again. */
  handover?: {
    encounterId: string
    lang: string
    startedAt: number
    answers: Record<string, 'yes' | 'no' | 'prefer-not-to-say'>
    readAloud: boolean
  }
}

declare module 'fastify' {
  interface Session extends SessionData {}
}
