import type { SessionStore } from '@fastify/session'
import type { Session } from 'fastify'
import type { Db } from '../../db/client.js'
import { deleteSession, readSession, writeSession } from '../../db/repositories/identity.js'

type Callback = (err?: unknown, result?: unknown) => void

/** Sessions live in the database, so any web node can serve any request (DEVELOPERS.md: stateless). */
export class DatabaseSessionStore implements SessionStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly absoluteMs: number,
  ) {}

  set(sessionId: string, session: unknown, callback: Callback): void {
    const data = JSON.parse(JSON.stringify(session)) as Record<string, unknown>
    const expiresAt = new Date(this.now().getTime() + this.absoluteMs)
    writeSession(this.db, sessionId, data, expiresAt).then(() => callback(), callback)
  }

  get(sessionId: string, callback: (err: unknown, result?: Session | null) => void): void {
    readSession(this.db, sessionId).then((row) => {
      if (!row || row.expiresAt.getTime() <= this.now().getTime()) return callback(null, null)
      callback(null, row.data as unknown as Session)
    }, callback)
  }

  destroy(sessionId: string, callback: Callback): void {
    deleteSession(this.db, sessionId).then(() => callback(), callback)
  }
}
