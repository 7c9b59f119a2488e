// processTime(): the wall time during which at least one process we started was running, overlaps counted
// once. The bench subtracts it from the action's wall time to report the action's own time. whileDockerRuns():
// work done once the next process has started, while the run waits for it.
import { describe, expect, it } from '@jest/globals'
import { createExecRunner } from '../../src/docker/exec.js'
import { processTime, whileDockerRuns } from '../../src/docker/process-time.js'

const sleep = (s: number): [string, string[]] => [
  process.execPath,
  ['-e', `setTimeout(() => {}, ${s * 1000})`]
]

describe('processTime', () => {
  it('counts two overlapping processes once, and nothing between runs', async () => {
    const run = createExecRunner(process.stderr)
    const before = processTime()
    const started = performance.now()
    await Promise.all([run(...sleep(0.6), process.env, {}), run(...sleep(0.3), process.env, {})])
    const wall = performance.now() - started
    const during = processTime() - before
    expect(during).toBeGreaterThanOrEqual(550)
    expect(during).toBeLessThanOrEqual(wall + 1)
    await new Promise(r => setTimeout(r, 300))
    expect(processTime() - before).toBeCloseTo(during, 0)
  })
})

describe('whileDockerRuns', () => {
  it('runs its tasks once the next streamed process has started, before it ends, and once', async () => {
    const run = createExecRunner(process.stderr)
    const ran: number[] = []
    whileDockerRuns(() => ran.push(performance.now()))
    whileDockerRuns(() => {
      throw new Error('a failing task is for the later use to report')
    })
    await new Promise(r => setTimeout(r, 50))
    expect(ran).toEqual([])
    const started = performance.now()
    await run(...sleep(0.5), process.env, { stream: true })
    const ended = performance.now()
    expect(ran).toHaveLength(1)
    expect(ran[0]).toBeGreaterThanOrEqual(started)
    expect(ran[0]).toBeLessThan(ended - 300)
    await run(...sleep(0.1), process.env, { stream: true })
    expect(ran).toHaveLength(1)
  })
})
