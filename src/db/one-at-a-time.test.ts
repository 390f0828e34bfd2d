import { describe, expect, it } from 'vitest'
import { oneAtATime } from './one-at-a-time.js'

describe('oneAtATime', () => {
  it('starts each read only after the one before has finished, and keeps the order of results', async () => {
    const log: string[] = []
    const read = (name: string, ms: number) => async () => {
      log.push(`start ${name}`)
      await new Promise((r) => setTimeout(r, ms))
      log.push(`end ${name}`)
      return name.length
    }
    const [a, b, c] = await oneAtATime([read('slow', 20), read('quick', 1), () => 'plain'])
    expect([a, b, c]).toEqual([4, 5, 'plain'])
    expect(log).toEqual(['start slow', 'end slow', 'start quick', 'end quick'])
  })
})
