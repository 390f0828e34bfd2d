type Results<T extends readonly (() => unknown)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }

/**
 * Runs reads one after another. A transaction is one connection, and node-postgres warns about (and from v9
 * refuses) a second query sent before the first has answered, so Promise.all over `tx` is not safe.
 */
export async function oneAtATime<const T extends readonly (() => unknown)[]>(reads: T): Promise<Results<T>> {
  const results: unknown[] = []
  for (const read of reads) results.push(await read())
  return results as Results<T>
}
