// How long a docker process may run: fixed deadlines for the quick commands, and a push's stall window and
// ceiling, which grow with the image's size. Each overridable through BTP_* for tests.
import { envMs, grownMs, MIN_THROUGHPUT } from '../core/bounds.js'

/** Deadline of the commands that should take seconds: inspect, info, login. */
export const SHORT_DEADLINE_MS = 60_000
/**
 * A push is stopped after this long without a new status line. Without a terminal docker prints no byte
 * progress, so a layer uploading is silence too: the window grows with the image (PUSH_MIN_THROUGHPUT).
 */
export const PUSH_STALL_MS = 60_000
/** A push is stopped after max(this, image size at PUSH_MIN_THROUGHPUT). */
export const PUSH_MIN_MS = 180_000
/** The slowest push taken for a healthy one: 1 MiB/s. */
export const PUSH_MIN_THROUGHPUT = MIN_THROUGHPUT

export interface Bounds {
  shortMs: number
  pushStallMs: number
  pushMinMs: number
}

/** The bounds, each overridable by a positive integer in BTP_SHORT_DEADLINE_MS, BTP_PUSH_STALL_MS, BTP_PUSH_MIN_MS. */
export function boundsFrom(env: NodeJS.ProcessEnv): Bounds {
  const ms = (name: string, fallback: number): number => envMs(env, name, fallback)
  return {
    shortMs: ms('BTP_SHORT_DEADLINE_MS', SHORT_DEADLINE_MS),
    pushStallMs: ms('BTP_PUSH_STALL_MS', PUSH_STALL_MS),
    pushMinMs: ms('BTP_PUSH_MIN_MS', PUSH_MIN_MS)
  }
}

/** A push's stall window and ceiling for an image of `size` bytes (0: unknown, the minimums). */
export function pushWatch(bounds: Bounds, size = 0): { stallMs: number; ceilingMs: number } {
  return { stallMs: grownMs(bounds.pushStallMs, size), ceilingMs: grownMs(bounds.pushMinMs, size) }
}
