// Time bounds that grow with what is moved, and their overrides from the environment (the tests shrink
// them): one rule for docker pushes and for blob copies between registries.

/** The slowest transfer taken for a healthy one: 1 MiB/s. */
export const MIN_THROUGHPUT = 1024 * 1024

/** A positive integer of milliseconds from `env[name]`, or `fallback` when unset or not one. */
export function envMs(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name]?.trim()
  return value && /^[1-9][0-9]*$/.test(value) ? Number(value) : fallback
}

/** At least `minMs`, and as long as `size` bytes take at MIN_THROUGHPUT (0: unknown, the minimum). */
export function grownMs(minMs: number, size = 0): number {
  // A size that is no byte count (NaN from a malformed answer) must not make the bound NaN: no time is ever
  // past NaN, so the process would run unbounded.
  const bytes = Number.isFinite(size) && size > 0 ? size : 0
  return Math.max(minMs, Math.ceil((bytes / MIN_THROUGHPUT) * 1000))
}

/** 4000 → "4", 2500 → "2.5". */
export const formatSeconds = (ms: number): string => String(Math.round(ms / 100) / 10)
