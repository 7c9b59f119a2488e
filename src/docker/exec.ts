// The one funnel through which this program starts processes (docker, and docker-credential-* helpers):
// argument arrays, never a shell string, and every process bounded.
//
// Two paths, because @actions/exec gives no handle on the child it starts:
// - Commands whose output is only captured and that read no stdin (inspect, info, buildx version) run
//   through @actions/exec, under coreutils `timeout -k 5 <s>`, which enforces their fixed deadline by
//   itself.
// - Commands given stdin (login's password, a credential helper's host) are started here: @actions/exec
//   writes the input with no error handler on the pipe, so a child that exits before reading it (a helper
//   that is not installed) would end our process with an uncaught EPIPE.
// - Commands whose output is streamed (build, push) are started with node's child_process, each in a
//   process group of its own. A push must be stopped when it stalls (no new line of output for a while) or
//   runs past its ceiling, and a build or push must be stopped, together with the buildx plugin that docker
//   runs below it, when the job is cancelled. All of that needs the child's pid, which @actions/exec keeps
//   to itself.
// Cancelling them (signals, a closed output) is cancel.ts's.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { createFence, drainOf, singleLine, type Fence } from '../log/fence.js'
import { keptOutput } from './kept-output.js'
import { accounted, processStarted } from './process-time.js'
import {
  cancelSignal,
  exitCodeFor,
  KILL_AFTER_MS,
  runCancelled,
  track,
  untrack,
  type Stoppable
} from './cancel.js'

export interface Watch {
  /** Stop when no output came for this long. */
  stallMs?: number
  /** Stop when the process has run this long. */
  ceilingMs?: number
}

export interface ExecOptions {
  /** Bytes for the child's stdin (passwords go here, never in argv). */
  input?: Buffer
  /** Stream the child's output to ours (docker's own progress), fenced off from the runner. */
  stream?: boolean
  /** What to print as the command line instead of argv (argv may hold values we must not log). */
  display?: string
  /** A fixed deadline, for commands that should take seconds. */
  deadlineMs?: number
  /** Bounds read on every check, so they can grow once a size is known (a push). */
  watch?: () => Watch
  /** Sees the output as it comes (decoded), e.g. to start a bound once a phase begins. */
  onOutput?: (text: string) => void
  /** Stops a streamed command (or keeps it from starting) once aborted: the step failed elsewhere. */
  signal?: AbortSignal
}

/** Why a process was stopped before it ended by itself. */
export type Stop =
  | { reason: 'deadline' | 'stall' | 'ceiling'; afterMs: number }
  | { reason: 'signal'; signal: NodeJS.Signals }
  | { reason: 'aborted' }

export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
  /** Set when we stopped the process (a bound or a cancel); its exit code is then ours, not its own. */
  stopped?: Stop
}

export type Runner = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: ExecOptions
) => Promise<ExecResult>

/**
 * The real runner. Streamed output goes to `out`: stdout in the action, stderr in the CLI. A plain stream is
 * fenced when the runner reads it: always the action's stdout, the CLI's stderr inside a workflow. Pass a
 * Fence to share it with the code that writes our own commands to the same stream.
 */
export function createExecRunner(
  out: Fence | NodeJS.WritableStream = process.stdout,
  env: NodeJS.ProcessEnv = process.env
): Runner {
  const fence: Fence = isFence(out)
    ? out
    : createFence(chunk => out.write(chunk), {
        enabled: out === process.stdout || env.GITHUB_ACTIONS === 'true',
        drain: drainOf(out)
      })
  // Loads while the registry preflight runs, not after it.
  const actionsExec = import('@actions/exec')
  return (command, args, childEnv, options) => accounted(() => run(command, args, childEnv, options))
  async function run(...[command, args, childEnv, options]: Parameters<Runner>): Promise<ExecResult> {
    const cancelled = cancelSignal()
    if (cancelled) return refused(cancelled)
    if (options.signal?.aborted)
      return { exitCode: 1, stdout: '', stderr: '', stopped: { reason: 'aborted' } }
    if (options.stream || options.watch) {
      if (options.stream)
        fence.own(`[command]${singleLine(options.display ?? [command, ...args].join(' '))}\n`)
      try {
        return await spawnWatched(command, args, childEnv, options, options.stream ? fence : undefined)
      } finally {
        // Our next line (a warning, the error) must be live.
        fence.close()
      }
    }
    const timeout = options.deadlineMs === undefined ? undefined : timeoutBinary(childEnv)
    if (options.input || (options.deadlineMs !== undefined && !timeout)) {
      // Stdin to write, or a deadline without coreutils timeout (macOS without coreutils, Windows): started
      // here, under the same deadline.
      const afterMs = options.deadlineMs
      const result = await spawnWatched(command, args, childEnv, {
        input: options.input,
        ...(afterMs !== undefined && { watch: () => ({ ceilingMs: afterMs }) })
      })
      return afterMs !== undefined && result.stopped?.reason === 'ceiling'
        ? { ...result, stopped: { reason: 'deadline', afterMs } }
        : result
    }
    const { exec } = await actionsExec
    const captured = async (file: string, argv: string[]): Promise<ExecResult> => {
      // Kept as a streamed command's output is: a process run for seconds can still print gigabytes.
      const out = { stdout: keptOutput(), stderr: keptOutput() }
      const done = await untilCancelled(
        exec(file, argv, {
          env: childEnv as Record<string, string>,
          silent: true,
          ignoreReturnCode: true,
          listeners: { stdout: out.stdout.write, stderr: out.stderr.write }
        })
      )
      return typeof done === 'number'
        ? { exitCode: done, stdout: out.stdout.end(), stderr: out.stderr.end() }
        : done
    }
    if (!timeout || options.deadlineMs === undefined) return captured(command, args)
    const afterMs = options.deadlineMs
    const started = Date.now()
    const done = await captured(timeout, ['-k', '5', seconds(afterMs), command, ...args])
    if (done.stopped) return done
    const { exitCode, stdout, stderr } = done
    // 124: timeout stopped it; a failure once the deadline passed: it took the SIGKILL (137) or died of it.
    if (exitCode === 124 || (exitCode !== 0 && Date.now() - started >= afterMs))
      return { exitCode, stdout, stderr, stopped: { reason: 'deadline', afterMs } }
    return { exitCode, stdout, stderr }
  }
}

const isFence = (out: Fence | NodeJS.WritableStream): out is Fence => 'own' in out && 'close' in out

/** `timeout`'s duration argument: seconds, fractions allowed. */
const seconds = (ms: number): string => String(Math.max(ms, 1) / 1000)

const timeoutPaths = new Map<string, string | undefined>()

/** coreutils `timeout` on PATH; never on Windows, whose `timeout` only waits. */
function timeoutBinary(env: NodeJS.ProcessEnv): string | undefined {
  if (process.platform === 'win32') return undefined
  const PATH = env.PATH ?? process.env.PATH ?? ''
  if (!timeoutPaths.has(PATH))
    timeoutPaths.set(
      PATH,
      PATH.split(path.delimiter)
        .filter(Boolean)
        .map(dir => path.join(dir, 'timeout'))
        .find(file => existsSync(file))
    )
  return timeoutPaths.get(PATH)
}

/** `work`, or the refusal a cancel gives, whichever comes first: a cancelled run waits for no capture. */
function untilCancelled<T>(work: Promise<T>): Promise<T | ExecResult> {
  const cancelled = cancelSignal()
  if (cancelled) return Promise.resolve(refused(cancelled))
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(refused(cancelSignal() ?? 'SIGTERM'))
    runCancelled.addEventListener('abort', onAbort, { once: true })
    work.then(
      value => {
        runCancelled.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        runCancelled.removeEventListener('abort', onAbort)
        reject(error)
      }
    )
  })
}

const refused = (signal: NodeJS.Signals): ExecResult => ({
  exitCode: exitCodeFor(signal),
  stdout: '',
  stderr: '',
  stopped: { reason: 'signal', signal }
})

/** Sends `signal` to the child's process group (docker and the plugin it runs), or to the child alone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, signal)
    else child.kill(signal)
  } catch {
    // already gone
  }
}

function spawnWatched(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: ExecOptions,
  fence?: Fence
): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
      // Its own process group, so that stopping it stops what it started (docker → docker-buildx).
      detached: process.platform !== 'win32'
    })
    processStarted()
    const started = Date.now()
    let lastOutput = started
    /** While our reader is behind, docker's pipes are paused: its silence then is ours, not a stall. */
    let paused = false
    let stopped: Stop | undefined
    let closed = false
    let killTimer: NodeJS.Timeout | undefined
    let drainTimer: NodeJS.Timeout | undefined
    const kept = { stdout: keptOutput(), stderr: keptOutput() }

    const halt = (stop: Stop): void => {
      // Once the leader exited the group can still hold the plugin; only 'close' says all is gone.
      if (stopped || closed) return
      stopped = stop
      signalGroup(child, 'SIGTERM')
      killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_AFTER_MS)
    }
    const onAbort = (): void => halt({ reason: 'aborted' })
    options.signal?.addEventListener('abort', onAbort, { once: true })
    const entry: Stoppable = {
      halt: signal => halt({ reason: 'signal', signal }),
      kill: () => signalGroup(child, 'SIGKILL')
    }

    const watch = options.watch
    const first = watch?.() ?? {}
    const shortest = Math.min(first.stallMs ?? Infinity, first.ceilingMs ?? Infinity)
    const ticker = watch
      ? setInterval(
          () => {
            const { stallMs, ceilingMs } = watch()
            const now = Date.now()
            if (ceilingMs !== undefined && now - started >= ceilingMs)
              halt({ reason: 'ceiling', afterMs: ceilingMs })
            else if (stallMs !== undefined && !paused && now - lastOutput >= stallMs)
              halt({ reason: 'stall', afterMs: stallMs })
          },
          Math.min(1000, Math.max(25, Number.isFinite(shortest) ? shortest / 20 : 1000))
        )
      : undefined

    for (const name of ['stdout', 'stderr'] as const)
      child[name]?.on('data', (chunk: Buffer) => {
        lastOutput = Date.now()
        const decoded = kept[name].write(chunk)
        options.onOutput?.(decoded)
        if (fence?.write(chunk) !== false || !fence.whenDrained || paused) return
        // Held in memory no longer than the reader takes it: docker waits on its full pipe meanwhile.
        paused = true
        child.stdout?.pause()
        child.stderr?.pause()
        fence.whenDrained(() => {
          paused = false
          lastOutput = Date.now()
          child.stdout?.resume()
          child.stderr?.resume()
        })
      })

    const done = (): void => {
      if (ticker) clearInterval(ticker)
      untrack(entry)
      options.signal?.removeEventListener('abort', onAbort)
    }
    child.on('error', error => {
      done()
      if (killTimer) clearTimeout(killTimer)
      // Started without a cwd of its own: ENOENT for a bare name is the program missing from PATH. The
      // code stays on the error for whoever tells a missing program apart (credential helpers).
      const { code } = error as NodeJS.ErrnoException
      const missing = code === 'ENOENT' && !command.includes(path.sep)
      reject(
        Object.assign(
          new Error(
            `could not run ${command}: ${missing ? 'it is not installed, or not on PATH' : error.message}`
          ),
          { code }
        )
      )
    })
    // Something docker started may keep our pipes open after docker exited: wait for it as long as
    // @actions/exec does (10 s), then stop reading.
    child.on('exit', () => {
      drainTimer = setTimeout(() => {
        child.stdout?.destroy()
        child.stderr?.destroy()
      }, 10_000)
    })
    child.on('close', (code, signal) => {
      closed = true
      if (drainTimer) clearTimeout(drainTimer)
      done()
      // The group may hold the plugin still: it gets the SIGKILL the leader did not need.
      if (killTimer && stopped) {
        clearTimeout(killTimer)
        signalGroup(child, 'SIGKILL')
      }
      const stdout = kept.stdout.end()
      const stderr = kept.stderr.end()
      const exitCode = code ?? (signal ? exitCodeFor(signal) : 1)
      resolve({ exitCode, stdout, stderr, ...(stopped ? { stopped } : {}) })
    })

    if (child.pid !== undefined) track(entry)
    if (options.input && child.stdin) {
      child.stdin.on('error', () => {}) // a child that exits without reading its stdin
      child.stdin.end(options.input)
    }
  })
}
