// The clock the run times itself with: node's monotonic clock, read through process.hrtime and uptime so that
// the global `performance` (and perf_hooks with it) is not loaded before the build.
import { describe, expect, it } from '@jest/globals'
import { now, sinceStart } from '../../src/core/clock.js'

describe('now', () => {
  it('measures what performance.now() measures', async () => {
    const [a, p] = [now(), performance.now()]
    await new Promise(r => setTimeout(r, 120))
    const [b, q] = [now(), performance.now()]
    expect(b - a).toBeGreaterThanOrEqual(115)
    expect(Math.abs(b - a - (q - p))).toBeLessThan(2)
  })
})

describe('sinceStart', () => {
  it('is the time since the process started, as performance.now() counts it', () => {
    expect(Math.abs(sinceStart() - performance.now())).toBeLessThan(50)
    expect(sinceStart()).toBeGreaterThan(0)
  })
})
