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

/**
 * Every task at once, each handed a signal that aborts at the first failure so the others stop; resolves
 * with their values, or rejects with that first failure once every task has ended, so that nothing of the
 * step goes on writing after its error line.
 */
export async function allOrStop<T>(
  tasks: readonly ((signal: AbortSignal) => Promise<T>)[],
  /** Its signal may be handed to what the tasks share (a copier). */
  stop = new AbortController()
): Promise<T[]> {
  let failure: { error: unknown } | undefined
  const settled = await Promise.allSettled(
    tasks.map(task =>
      task(stop.signal).catch((error: unknown) => {
        if (!failure) {
          failure = { error }
          stop.abort(error)
        }
        throw error
      })
    )
  )
  if (failure) throw failure.error
  return settled.map(s => (s as PromiseFulfilledResult<T>).value)
}
