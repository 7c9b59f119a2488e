// The action's entry: the main step, or the post step. Each loads only its own modules: the post step runs
// after every failed job, and an input error, the most common failure, should cost little more than node.
import { existsSync } from 'node:fs'
import { STATE_KEPT_LOGIN, STATE_POST, STATE_WORKDIR } from './state.js'

/** core.getState's reading (STATE_<name>), without loading @actions/core for it. */
const state = (name: string): string => process.env[`STATE_${name}`] ?? ''

/**
 * Whether the post step has anything to undo: a kept login, or a private directory the main step did not
 * remove (it was killed, or crashed). A finished main step removes its own, so most post steps end here.
 */
export function postHasWork(): boolean {
  if (state(STATE_KEPT_LOGIN)) return true
  const workDir = state(STATE_WORKDIR)
  return workDir !== '' && existsSync(workDir)
}

export async function run(): Promise<void> {
  if (state(STATE_POST) === 'true') {
    if (postHasWork()) await (await import('./post.js')).post()
  } else await (await import('./main.js')).main()
  await exitOnceWritten([process.stdout, process.stderr], () => process.exit())
}

/**
 * Ends the step as soon as everything it wrote has left the process. Every phase has finished by now, so
 * what node would do next is tear down its heap: after a build, several milliseconds that the job waits
 * for and that do nothing for it. On POSIX a pipe (how the runner reads a step) is written asynchronously,
 * so the exit waits until each stream has written what it was given: a write's callback runs only after
 * every earlier write on that stream, and also when the stream has failed. `process.exit()` keeps
 * `process.exitCode`, so a failed step still fails.
 */
export async function exitOnceWritten(
  streams: readonly NodeJS.WritableStream[],
  exit: () => void
): Promise<void> {
  await Promise.all(streams.map(s => new Promise<void>(resolve => s.write('', () => resolve()))))
  exit()
}
