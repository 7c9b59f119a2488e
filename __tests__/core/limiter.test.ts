import { describe, expect, it } from '@jest/globals'
import { allOrStop, eachLimited, Limiter } from '../../src/core/limiter.js'

const tick = () => new Promise<void>(resolve => setTimeout(resolve, 1))

describe('Limiter', () => {
  it('runs at most its number of tasks at once, in the order they came', async () => {
    const limiter = new Limiter(3)
    let running = 0
    let most = 0
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          order.push(i)
          most = Math.max(most, ++running)
          await tick()
          running--
        })
      )
    )
    expect(most).toBe(3)
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('starts no queued task once one has failed; each rejects with that failure', async () => {
    const limiter = new Limiter(2)
    const started: number[] = []
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        limiter.run(async () => {
          started.push(i)
          await tick()
          if (i === 0) throw new Error('first failed')
        })
      )
    )
    expect(started).toEqual([0, 1])
    expect(results[1].status).toBe('fulfilled')
    for (const r of [results[0], ...results.slice(2)])
      expect(r).toEqual({ status: 'rejected', reason: new Error('first failed') })
  })
})

describe('eachLimited', () => {
  it('every item, by index, at most so many at once', async () => {
    let running = 0
    let most = 0
    const seen: string[] = []
    await eachLimited(['a', 'b', 'c', 'd', 'e'], 2, async (item, i) => {
      most = Math.max(most, ++running)
      await tick()
      seen[i] = item
      running--
    })
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(most).toBe(2)
  })
})

describe('allOrStop', () => {
  it('the first failure aborts the others’ signal, and rejects only once every task has ended', async () => {
    const ended: string[] = []
    const slow = async (signal: AbortSignal) => {
      await new Promise<void>(resolve => signal.addEventListener('abort', () => resolve()))
      await tick()
      ended.push('slow')
      return 1
    }
    const failing = async () => {
      await tick()
      throw new Error('second target refused')
    }
    await expect(allOrStop([slow, failing])).rejects.toThrow('second target refused')
    expect(ended).toEqual(['slow'])
  })

  it('every value, in order, when none fails', async () => {
    expect(await allOrStop([async () => 'a', async () => 'b'])).toEqual(['a', 'b'])
  })
})
