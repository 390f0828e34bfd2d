import type { Database } from '../src/db/client.js'
import type { LoadResult } from './harness.js'
import { identifyBench } from './sections/identify.js'
import { referBench } from './sections/refer.js'

export type BenchEnv = {
  kind: 'pglite' | 'postgres'
  baseUrl: string
  cookie: string
  seconds: number
  concurrency: number
  database: Database
}
export type BenchSection = { name: string; run(env: BenchEnv): Promise<{ load: LoadResult[]; notes: string[] }> }

// Each capability adds its own measurements here.
export const benchSections: BenchSection[] = [identifyBench, referBench]
