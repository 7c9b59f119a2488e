// Processes a killed main step left running. Its docker build or push runs in a process group of its own
// (exec.ts), so a SIGKILL of the step, which no handler sees, leaves it building or pushing after the job
// was cancelled. The post step finds such processes by the run's private directory, which each names in
// its environment (DOCKER_CONFIG, TMPDIR) or argv, and stops them as a cancel would have.
import { readdir, readFile } from 'node:fs/promises'
import { KILL_AFTER_MS } from './cancel.js'

/**
 * The pids of processes whose argv or environment names a path inside `dir` (Linux's /proc; none where
 * there is no /proc, or for processes of other users, which cannot be read). This process is left out.
 */
export async function processesNaming(dir: string, proc = '/proc'): Promise<number[]> {
  let entries: string[]
  try {
    entries = await readdir(proc)
  } catch {
    return []
  }
  // A path inside it, or itself as a whole argument or variable.
  const needles = [`${dir}/`, `${dir}\0`].map(n => Buffer.from(n))
  const found: number[] = []
  await Promise.all(
    entries
      .filter(e => /^\d+$/.test(e) && Number(e) !== process.pid)
      .map(async e => {
        for (const file of ['cmdline', 'environ']) {
          const bytes = await readFile(`${proc}/${e}/${file}`).catch(() => undefined)
          if (bytes && needles.some(n => bytes.includes(n))) return void found.push(Number(e))
        }
      })
  )
  return found.sort((a, b) => a - b)
}

/**
 * Stops every process processesNaming finds: SIGTERM (docker and buildx cancel what they were doing), then
 * SIGKILL for those still there after KILL_AFTER_MS. Returns how many it found.
 */
export async function stopProcessesNaming(dir: string, proc = '/proc'): Promise<number> {
  const pids = await processesNaming(dir, proc)
  for (const pid of pids) signal(pid, 'SIGTERM')
  const left = async (): Promise<number[]> => {
    const states = await Promise.all(pids.map(pid => running(pid, proc)))
    return pids.filter((_, i) => states[i])
  }
  const until = Date.now() + KILL_AFTER_MS
  let still = await left()
  while (still.length && Date.now() < until) {
    await new Promise(r => setTimeout(r, 50))
    still = await left()
  }
  for (const pid of still) signal(pid, 'SIGKILL')
  return pids.length
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name)
  } catch {
    // already gone
  }
}

/** Whether `pid` still runs: a zombie (ended, not yet reaped by whoever inherited it) does not. */
async function running(pid: number, proc: string): Promise<boolean> {
  const stat = await readFile(`${proc}/${pid}/stat`, 'utf8').catch(() => undefined)
  if (stat === undefined) return false
  // `pid (comm) S …`: the state follows the last parenthesis (comm may hold any).
  const state = stat.charAt(stat.lastIndexOf(')') + 2)
  return state !== 'Z' && state !== 'X'
}
