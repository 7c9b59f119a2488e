// Milliseconds on node's monotonic clock, read without the global `performance`: its first read loads
// perf_hooks (nine modules, 1 to 2 ms on a slow machine, before the build). process.hrtime is the same clock.

/** Milliseconds on the monotonic clock, from an arbitrary origin: for durations. */
export const now = (): number => Number(process.hrtime.bigint()) / 1e6

/** Milliseconds since the process started. */
export const sinceStart = (): number => process.uptime() * 1000
