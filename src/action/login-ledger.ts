// Kept logins of other jobs that share the docker config (two self-hosted runners under one user): each run
// that keeps a login leaves a pointer to its undo file in a folder beside the config, for as long as its
// login is kept, numbered in the order the runs entered. A post step that finds the next later run's login
// stacked on its own (that run's undo says it replaced ours) hands what ours replaced on to that run instead
// of writing it back. Without this, the
// jobs' posts in the order they started leave the first job's password in the config for good: the first
// post finds its entry replaced and leaves it, the second puts back the entry it replaced, the first's.
//
// The pointers hold paths, never a credential: the undo files stay in each job's RUNNER_TEMP, which the
// runner empties after the job. A pointer whose undo file is gone is stale and removed by the next post.
//
// Each change of the config and the ledger (read, then written) holds a lock file beside them, so that two
// jobs' steps never write from the same stale read. Hand-written rather than proper-lockfile: the lock is
// held for a few milliseconds of file work, where that library keeps refreshing a long hold, and its
// signal-exit dependency would add signal handlers beside the run's own cancel handling.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** The folder of pointers beside a docker config file. */
export const ledgerDir = (configFile: string): string =>
  path.join(path.dirname(configFile), 'build-tag-push-kept-logins')

/** How long a step waits for another's lock before it goes on without one, saying so: past LOCK_STALE_MS. */
export const LOCK_WAIT_MS = 12_000
/** A lock this old was left by a step killed while holding it (one on this host is known dead sooner). */
export const LOCK_STALE_MS = 10_000

/** Runs `work` holding the lock beside `configFile` (whose folder exists); without it if it cannot be had. */
export async function withLock<T>(
  configFile: string,
  reporter: { warning(message: string): void },
  work: () => Promise<T>
): Promise<T> {
  const lock = `${ledgerDir(configFile)}.lock`
  const token = `${hostname()} ${process.pid} ${randomBytes(8).toString('hex')}\n`
  const held = await acquire(lock, token)
  if (held === 'busy')
    reporter.warning(`keep-login: ${lock} stayed locked for ${LOCK_WAIT_MS / 1000} s; going on without it`)
  try {
    return await work()
  } finally {
    // Only our own: a lock taken from us as stale is another step's now.
    if (held === 'held' && (await readFile(lock, 'utf8').catch(() => '')) === token)
      await rm(lock, { force: true })
  }
}

/** Whether a lock was left by a process that is gone: one of this host whose pid is dead, or one too old. */
async function abandoned(lock: string): Promise<boolean> {
  const [text, age] = await Promise.all([
    readFile(lock, 'utf8').catch(() => ''),
    stat(lock).then(
      s => Date.now() - s.mtimeMs,
      () => 0
    )
  ])
  if (age > LOCK_STALE_MS) return true
  const [host, pid] = text.split(' ')
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false
  try {
    process.kill(Number(pid), 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** 'unlockable': the lock file cannot be made at all (a folder gone or read-only), which the work finds too. */
async function acquire(lock: string, token: string): Promise<'held' | 'busy' | 'unlockable'> {
  const until = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      await writeFile(lock, token, { flag: 'wx', mode: 0o600 })
      return 'held'
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return 'unlockable'
    }
    if (await abandoned(lock)) await rm(lock, { force: true })
    else if (Date.now() > until) return 'busy'
    else await sleep(20)
  }
}

/** Writes a file whole: beside itself, then renamed over it, readable by its owner only. */
export async function writePrivate(file: string, text: string): Promise<void> {
  const tmp = `${file}.build-tag-push-${process.pid}`
  await writeFile(tmp, text, { mode: 0o600 })
  // A rename refused (a config.json held open, bind-mounted) must not leave the copy with its credentials.
  await rename(tmp, file).catch(async (error: unknown) => {
    await rm(tmp, { force: true })
    throw error
  })
}

/** Where a run's pointer is, and its place in the order the runs entered. */
export interface Place {
  pointer: string
  seq: number
}

/** Enters the run's undo file in the ledger beside `configFile`, after every run there (under the lock). */
export async function enter(configFile: string, undoFile: string): Promise<Place> {
  const dir = ledgerDir(configFile)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const pointer = path.join(dir, `${path.basename(path.dirname(undoFile))}.json`)
  const seq = Math.max(0, ...(await pointers(dir)).map(p => p.seq)) + 1
  await writePrivate(pointer, JSON.stringify({ undo: undoFile, seq }))
  return { pointer, seq }
}

/** The pointers in a ledger folder, as written: the undo file's path and the run's place. */
async function pointers(dir: string): Promise<{ at: string; undo: string; seq: number }[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const found: { at: string; undo: string; seq: number }[] = []
  for (const name of names) {
    if (!name.endsWith('.json')) continue
    const at = path.join(dir, name)
    try {
      const { undo, seq } = JSON.parse(await readFile(at, 'utf8')) as { undo?: unknown; seq?: unknown }
      if (typeof undo === 'string' && Number.isSafeInteger(seq)) found.push({ at, undo, seq: seq as number })
    } catch {
      // Being written or removed by its own run right now, or not ours.
    }
  }
  return found
}

/** Another run's undo, as its file holds it, where, and its place in the order. */
export interface Entry<T> {
  file: string
  undo: T
  seq: number
}

/**
 * The undo files of the runs that entered after `place` and still keep a login in this config, earliest
 * first. Stale pointers (their undo file gone with their job's RUNNER_TEMP) are removed; an unreadable one
 * is passed over.
 */
export async function later<T>(place: Place, isUndo: (value: unknown) => value is T): Promise<Entry<T>[]> {
  const found: Entry<T>[] = []
  for (const p of await pointers(path.dirname(place.pointer))) {
    if (p.at === place.pointer) continue
    if (!existsSync(p.undo)) {
      await rm(p.at, { force: true })
      continue
    }
    if (p.seq <= place.seq) continue
    try {
      const undo: unknown = JSON.parse(await readFile(p.undo, 'utf8'))
      if (isUndo(undo)) found.push({ file: p.undo, undo, seq: p.seq })
    } catch {
      // Being written or removed by its own run right now: not an heir.
    }
  }
  return found.sort((a, b) => a.seq - b.seq)
}

/** Takes the run's pointer out; the folder goes with the last one. */
export async function leave(pointer: string): Promise<void> {
  await rm(pointer, { force: true })
  await rmdir(path.dirname(pointer)).catch(() => undefined)
}
