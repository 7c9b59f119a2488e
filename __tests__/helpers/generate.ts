// Deterministic generated inputs for the tests that hold our small parsers against the libraries
// metadata-action uses: the same seed gives the same cases on every run, so a failure can be replayed.

/** mulberry32: a small seeded PRNG. */
export function random(seed: number): () => number {
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
  <T>(xs: readonly T[]): T
  chance(p: number): boolean
  int(max: number): number
}

export function picker(seed: number): Pick {
  const r = random(seed)
  const pick = (<T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]) as Pick
  pick.chance = p => r() < p
  pick.int = max => Math.floor(r() * (max + 1))
  return pick
}
