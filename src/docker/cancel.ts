// Cancelling a run: the signals, the children to stop, and the abort the rest of the run listens to.
// While a streamed child runs (exec.ts tracks it here), or while a run holds the signals (guardSignals: the
// whole pipeline, so that a cancel in any phase is handled), SIGINT and SIGTERM (the runner cancelling the
// job) and SIGHUP (the CLI's terminal closed) stop every child: SIGTERM to its group, SIGKILL 2 s later;
// `runCancelled` aborts, so requests in flight end and the run unwinds (removing its private directory); a
// captured command still running is no longer waited for (its own deadline ends it); the process then
// exits with 128 + the signal's number. A closed stdout or stderr cancels the run as SIGPIPE
// (cancelOnClosedOutput).
import { constants } from 'node:os'

/** After SIGTERM, how long a stopped process group gets before SIGKILL. */
export const KILL_AFTER_MS = 2_000
/** After a cancel, how long the pipeline gets to unwind (remove its private directory) before we exit. */
export const EXIT_AFTER_MS = 5_000

/** A running child a cancel must stop: `halt` stops its group, SIGTERM then SIGKILL; `kill` at once. */
export interface Stoppable {
  halt(signal: NodeJS.Signals): void
  kill(): void
}

/** Children started by the exec funnel that have not closed yet. */
const live = new Set<Stoppable>()
let cancelledBy: NodeJS.Signals | undefined
const cancelController = new AbortController()
/** Aborted (with the signal's name) once a signal (or a closed output, as SIGPIPE) cancelled the run. */
export const runCancelled: AbortSignal = cancelController.signal
/** Runs holding the signal handlers (guardSignals). */
let holds = 0
/** What must go even when we exit before the run has unwound (its private directory, with the login). */
const beforeForcedExit = new Set<() => void>()

/** The signal that cancelled the run, if one did. */
export const cancelSignal = (): NodeJS.Signals | undefined => cancelledBy

export const exitCodeFor = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 0)

/** A child to stop on a cancel, until `untrack`: the signal handlers are in place while there is one. */
export function track(entry: Stoppable): void {
  live.add(entry)
  installSignalHandlers()
}

export function untrack(entry: Stoppable): void {
  live.delete(entry)
  if (live.size === 0 && holds === 0 && !cancelledBy) removeSignalHandlers()
}

/**
 * Holds the signal handlers (and watches stdout and stderr) for a whole run, children or not; returns the
 * release. A cancel then aborts runCancelled and the run fails as cancelled, instead of node dying mute.
 */
export function guardSignals(): () => void {
  holds++
  installSignalHandlers()
  cancelOnClosedOutput([process.stdout, process.stderr])
  let released = false
  return () => {
    if (released) return
    released = true
    holds--
    if (live.size === 0 && holds === 0 && !cancelledBy) removeSignalHandlers()
    // Unwound after a cancel: the caller prints its error line at once; a captured command we stopped
    // waiting for must not keep the process alive until its own deadline.
    if (cancelledBy && holds === 0) setTimeout(() => process.exit(exitCodeFor(cancelledBy!)), 200).unref()
  }
}

/**
 * `cleanUp` (synchronous) also runs when a second signal, or a run that does not unwind in time, ends the
 * process before the run's own cleanup could; returns its removal, for when the run cleaned up itself.
 */
export function cleanUpOnForcedExit(cleanUp: () => void): () => void {
  beforeForcedExit.add(cleanUp)
  return () => beforeForcedExit.delete(cleanUp)
}

function forceExit(code: number): never {
  for (const cleanUp of beforeForcedExit) {
    try {
      cleanUp()
    } catch {
      // the exit goes on: what could be removed was
    }
  }
  process.exit(code)
}

/** Stops every live streamed child as cancelled by `signal`. The signal handlers call it; so can a caller. */
export function stopChildren(signal: NodeJS.Signals = 'SIGTERM'): number {
  const all = [...live]
  for (const l of all) l.halt(signal)
  return all.length
}

/** How many streamed children are running (tests). */
export const liveChildren = (): number => live.size

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
let installed = false

function onSignal(signal: NodeJS.Signals): void {
  if (cancelledBy) {
    // The second signal (the runner's SIGTERM after its SIGINT): no more grace.
    for (const l of live) l.kill()
    forceExit(exitCodeFor(signal))
  }
  cancel(signal)
}

/**
 * A failed write to our stdout or stderr (EPIPE: `| head` had its lines; EIO: a closed terminal) would be an
 * uncaught error: node dead, its children running, its private directory (a login) left. It cancels the run
 * instead, as SIGPIPE ends docker's CLI or a C program, but with the cleanup (exit 141); later failed writes
 * change nothing (no escalation as on a second signal). An error line goes to a stream still open.
 */
export function cancelOnClosedOutput(streams: NodeJS.WritableStream[]): void {
  for (const s of streams) if (!s.listeners('error').includes(onClosedOutput)) s.on('error', onClosedOutput)
}
const onClosedOutput = (): void => void (cancelledBy ?? cancel('SIGPIPE'))

function cancel(signal: NodeJS.Signals): void {
  const code = exitCodeFor(signal)
  cancelledBy = signal
  // Whatever the unwinding pipeline sets (a failure is 1), a cancelled run ends as the signal says.
  process.on('exit', () => {
    process.exitCode = code
  })
  stopChildren(signal)
  cancelController.abort(signal)
  // The pipeline now fails, removes its private directory and returns; if anything keeps it, we still go.
  setTimeout(() => forceExit(code), EXIT_AFTER_MS).unref()
}

function installSignalHandlers(): void {
  if (installed) return
  installed = true
  for (const s of SIGNALS) process.on(s, onSignal)
}

/** Without a child to stop, a signal does what it does by default (ends the process). */
function removeSignalHandlers(): void {
  if (!installed) return
  installed = false
  for (const s of SIGNALS) process.off(s, onSignal)
}
