import { performance } from 'node:perf_hooks'

export type LoadResult = {
  name: string
  requests: number
  rps: number
  p50: number
  p95: number
  p99: number
  errors: number
}

/** A small closed-loop load generator over real HTTP on loopback: `concurrency` clients for `seconds`. */
export async function load(
  name: string,
  request: () => Promise<Response>,
  opts: { seconds?: number; concurrency?: number; warmup?: number } = {},
): Promise<LoadResult> {
  const seconds = opts.seconds ?? 5
  const concurrency = opts.concurrency ?? 8
  for (let i = 0; i < (opts.warmup ?? 50); i++) await (await request()).arrayBuffer()
  const latencies: number[] = []
  let errors = 0
  const end = performance.now() + seconds * 1000
  const start = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now()
        const res = await request()
        await res.arrayBuffer()
        latencies.push(performance.now() - t0)
        if (res.status >= 400) errors += 1
      }
    }),
  )
  const elapsed = (performance.now() - start) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    errors,
  }
}

/** Calls `fn` repeatedly for `seconds` in one thread; for pure functions such as the assessment engine. */
export function loop(name: string, fn: () => unknown, seconds = 3) {
  const end = performance.now() + seconds * 1000
  let n = 0
  const start = performance.now()
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) fn()
    n += 100
  }
  const elapsed = (performance.now() - start) / 1000
  return { name, calls: n, perSecond: n / elapsed }
}

/** A pure function does not touch the database: measure it (3 s at most) on the first database only, printed once. */
export function firstPassOnly(measure: (seconds: number) => string): (seconds: number) => string[] {
  let done = false
  return (seconds) => {
    if (done) return []
    done = true
    return [measure(Math.min(seconds, 3))]
  }
}

export function table(rows: LoadResult[], baseline: LoadResult) {
  const lines = [
    '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | errors | req/s vs baseline |',
    '|---|---|---|---|---|---|---|---|',
  ]
  for (const r of [baseline, ...rows]) {
    lines.push(
      `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} | ${(r.rps / baseline.rps).toFixed(3)} |`,
    )
  }
  return lines.join('\n')
}
