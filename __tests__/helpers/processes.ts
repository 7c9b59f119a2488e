// The action as a live process (to signal it mid-run) and the process tree below it, read from /proc.
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { constants } from 'node:os'
import { ACTION, RUNNER_NODE, runPost, stepDir, stepEnv, type StepDir } from './action.js'
import type { CliResult } from './docker.js'

export interface LiveAction {
  child: ChildProcess
  /** Its directory (RUNNER_TEMP, HOME, the command files) and the environment it was started with. */
  step: StepDir
  env: NodeJS.ProcessEnv
  /** Everything it printed so far, stdout and stderr. */
  output(): string
  /** Resolves once `text` has been printed, rejects after `ms`. */
  waitFor(text: string | RegExp, ms: number): Promise<void>
  /** Resolves with the exit code (or 128 + signal) once it has exited. */
  exited: Promise<number>
  /** The post step after it, as the runner starts it (runPost), once it has exited. */
  post(): Promise<CliResult>
}

/** Starts the action bundle as the runner would (see runAction), without waiting for it; `env` goes last. */
export async function startAction(
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {}
): Promise<LiveAction> {
  const step = await stepDir('btp-live-')
  const mainEnv = stepEnv(step, inputs, env)
  const child = spawn(RUNNER_NODE, [ACTION], { env: mainEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  const waiters = new Set<() => void>()
  for (const stream of [child.stdout, child.stderr])
    stream.on('data', (b: Buffer) => {
      text += b.toString('utf8')
      for (const w of waiters) w()
    })
  const exited = new Promise<number>(resolve =>
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)))
  )
  return {
    child,
    step,
    env: mainEnv,
    output: () => text,
    exited,
    post: async () => {
      await exited
      return runPost(step, mainEnv)
    },
    waitFor: (wanted, ms) =>
      new Promise<void>((resolve, reject) => {
        const hit = (): boolean => (typeof wanted === 'string' ? text.includes(wanted) : wanted.test(text))
        if (hit()) return resolve()
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`not printed within ${ms} ms: ${wanted}\n--- output ---\n${text.slice(-3000)}`))
        }, ms)
        const check = (): void => {
          if (!hit()) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
        void exited.then(() => {
          if (!hit()) check()
        })
      })
  }
}

/**
 * A build's process as it shows in /proc: `docker build`, or the buildx plugin, which the run starts as
 * docker would (`…/docker-buildx buildx build`).
 */
export const BUILD_PROCESS = /docker(-buildx)? (buildx )?build /

interface ProcInfo {
  pid: number
  ppid: number
  state: string
  cmdline: string
}

function readProc(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()
    return { pid, ppid: Number(rest[1]), state: rest[0], cmdline }
  } catch {
    return undefined
  }
}

/** Every process on the machine. */
export function processes(): ProcInfo[] {
  return readdirSync('/proc')
    .filter(d => /^\d+$/.test(d))
    .map(d => readProc(Number(d)))
    .filter((p): p is ProcInfo => p !== undefined)
}

/** The processes below `pid`, children first. */
export function descendants(pid: number): ProcInfo[] {
  const all = processes()
  const out: ProcInfo[] = []
  const walk = (parent: number): void => {
    for (const p of all.filter(q => q.ppid === parent)) {
      out.push(p)
      walk(p.pid)
    }
  }
  walk(pid)
  return out
}

/** Whether a process still runs (a zombie does not). */
export const running = (pid: number): boolean => {
  const p = readProc(pid)
  return p !== undefined && p.state !== 'Z' && p.state !== 'X'
}

/** Polls until `done()` or `ms` passed; returns whether it got there. */
export async function eventually(done: () => boolean, ms: number, every = 100): Promise<boolean> {
  const deadline = Date.now() + ms
  for (;;) {
    if (done()) return true
    if (Date.now() > deadline) return false
    await new Promise(r => setTimeout(r, every))
  }
}
