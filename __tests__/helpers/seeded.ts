// A seeded pseudo-random generator for cross-tests against reference libraries: the same seed gives the same
// inputs on every run, so a difference found once is found again, and can be listed as a decision.

/** mulberry32: small, fast, and good enough to spread test inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Pick {
  /** An integer in [0, n). */
  int(n: number): number
  /** One of the items. */
  one<T>(items: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** `n` picks from `items` (n in [min, max]), joined. */
  string(items: readonly string[], min: number, max: number): string
}

export function picker(seed: number): Pick {
  const next = seeded(seed)
  const int = (n: number): number => Math.floor(next() * n)
  const one = <T>(items: readonly T[]): T => items[int(items.length)]
  return {
    int,
    one,
    chance: p => next() < p,
    string: (items, min, max) => Array.from({ length: min + int(max - min + 1) }, () => one(items)).join('')
  }
}
