// The clock the run times itself with: node's monotonic clock, read through process.hrtime and uptime so that
// the global `performance` (and perf_hooks with it) is not loaded before the build.
import { describe, expect, it } from '@jest/globals'
import { now, sinceStart } from '../../src/core/clock.js'

describe('now', () => {
  // Each reading is bracketed by two of performance.now(), so that the process being put off the CPU between
  // two readings (a loaded machine) widens the bounds instead of failing the test.
  it('measures what performance.now() measures', async () => {
    const [p1, a, p2] = [performance.now(), now(), performance.now()]
    await new Promise(r => setTimeout(r, 120))
    const [q1, b, q2] = [performance.now(), now(), performance.now()]
    expect(b - a).toBeGreaterThanOrEqual(115)
    expect(b - a).toBeGreaterThanOrEqual(q1 - p2 - 0.5)
    expect(b - a).toBeLessThanOrEqual(q2 - p1 + 0.5)
  })
})

describe('sinceStart', () => {
  // The two origins are taken at two moments of node's own start, which a loaded machine stretches (over
  // 50 ms in a unit run beside other work): the offset between them is bounded loosely, and the two clocks
  // must run together from there.
  it('is the time since the process started, as performance.now() counts it', async () => {
    const offset = () => {
      const [p1, s, p2] = [performance.now(), sinceStart(), performance.now()]
      return { low: s - p2, high: s - p1 }
    }
    const first = offset()
    expect(Math.abs(first.low)).toBeLessThan(1000)
    await new Promise(r => setTimeout(r, 50))
    const later = offset()
    // process.uptime() counts in microseconds: a reading may lag performance.now() by a fraction of one.
    expect(later.high).toBeGreaterThanOrEqual(first.low - 1)
    expect(later.low).toBeLessThanOrEqual(first.high + 1)
    expect(sinceStart()).toBeGreaterThan(0)
  })
})
