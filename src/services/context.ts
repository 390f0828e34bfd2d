import type { Database, Db } from '../db/client.js'
import type { Actor } from '../domain/access/policy.js'

/** Who is acting and on which request: passed to every use-case that reads or changes records. */
export type Ctx = { readonly actor: Actor; readonly requestId: string }

/** What every use-case may depend on. Tests swap any of these in one line through buildApp. */
export type Deps = {
  readonly db: Db
  readonly database: Pick<Database, 'kind' | 'ping'>
  /** Injected clock: rules and tests never read the system time directly. */
  readonly now: () => Date
}
