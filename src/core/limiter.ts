// At most so many tasks at once, the rest queued in order; once one has failed, no queued task starts (each
// rejects with that failure), so a step that has failed sends no more requests and writes nothing more.

export class Limiter {
  private active = 0
  private readonly waiting: (() => void)[] = []
  private failure: { error: unknown } | undefined

  constructor(private readonly max: number) {}

  /** `fn`, once fewer than `max` tasks run; rejects without running it when a task has failed meanwhile. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    while (this.active >= this.max && !this.failure)
      await new Promise<void>(resolve => this.waiting.push(resolve))
    if (this.failure) throw this.failure.error
    this.active++
    try {
      return await fn()
    } catch (error) {
      if (!this.failure) {
        this.failure = { error }
        for (const wake of this.waiting.splice(0)) wake()
      }
      throw error
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

/** `fn` on every item, at most `max` at once; the first failure rejects, and no item starts after it. */
export async function eachLimited<T>(
  items: readonly T[],
  max: number,
  fn: (item: T, index: number) => Promise<void>
): Promise<void> {
  const limiter = new Limiter(max)
  await Promise.all(items.map((item, i) => limiter.run(() => fn(item, i))))
}
