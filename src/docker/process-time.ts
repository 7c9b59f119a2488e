// How long this run has waited on the processes it started: the part of its wall time that is not its own,
// and what it does meanwhile. The exec funnel counts every process it runs here.
import { now } from '../core/clock.js'

let running = 0
let runningSince = 0
let processMs = 0

/** Counts the wall time during which at least one of our processes runs (overlaps counted once). */
export async function accounted<T>(work: () => Promise<T>): Promise<T> {
  if (running++ === 0) runningSince = now()
  try {
    return await work()
  } finally {
    if (--running === 0) processMs += now() - runningSince
  }
}

/**
 * How long this run has waited on processes it started (docker): the part of its wall time that is not its
 * own. `npm run bench` subtracts it to report the action's own time.
 */
export const processTime = (): number => processMs + (running ? now() - runningSince : 0)

// What a later phase would load on its critical path, loaded while docker works instead: a build leaves the
// main thread waiting for seconds once its process has started.
const meanwhile: Array<() => unknown> = []

/**
 * Runs `task` (errors ignored: the later use meets them) soon after the exec funnel next starts a process it
 * streams or watches (a build, a push).
 */
export function whileDockerRuns(task: () => unknown): void {
  meanwhile.push(task)
}

/** Called by the exec funnel once it has started a process. */
export function processStarted(): void {
  if (!meanwhile.length) return
  const tasks = meanwhile.splice(0)
  setImmediate(() => {
    for (const task of tasks)
      Promise.resolve()
        .then(task)
        .catch(() => undefined)
  })
}
