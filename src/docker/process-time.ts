// How long this run has waited on the processes it started: the part of its wall time that is not its own.
// The exec funnel counts every process it runs here.

let running = 0
let runningSince = 0
let processMs = 0

/** Counts the wall time during which at least one of our processes runs (overlaps counted once). */
export async function accounted<T>(work: () => Promise<T>): Promise<T> {
  if (running++ === 0) runningSince = performance.now()
  try {
    return await work()
  } finally {
    if (--running === 0) processMs += performance.now() - runningSince
  }
}

/**
 * How long this run has waited on processes it started (docker): the part of its wall time that is not its
 * own. `npm run bench` subtracts it to report the action's own time.
 */
export const processTime = (): number => processMs + (running ? performance.now() - runningSince : 0)
