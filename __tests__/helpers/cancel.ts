// A cancel that lands during the first wait between two attempts, as the run's cancel (SIGINT) would: the
// code under test gets `signal` and a `sleep` whose waits never end by themselves, a backoff so long that
// only the cancel can end it.
export function cancelAtFirstWait(): {
  signal: AbortSignal
  sleep: (ms: number) => Promise<void>
  /** The waits asked for, in order. */
  waits: number[]
} {
  const controller = new AbortController()
  const waits: number[] = []
  return {
    signal: controller.signal,
    waits,
    sleep: ms => {
      waits.push(ms)
      setTimeout(() => controller.abort('SIGINT'), 0)
      return new Promise(() => {})
    }
  }
}
