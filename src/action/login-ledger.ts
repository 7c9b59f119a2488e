// Kept logins of other jobs that share the docker config (two self-hosted runners under one user): each run
// that keeps a login leaves a pointer to its undo file in a folder beside the config, for as long as its
// login is kept. A post step that finds a later run's login stacked on its own (the later run's undo says
// it replaced ours) hands what ours replaced on to that run instead of writing it back. Without this, the
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
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** The folder of pointers beside a docker config file. */
export const ledgerDir = (configFile: string): string =>
  path.join(path.dirname(configFile), 'build-tag-push-kept-logins')

/** How long a step waits for another's lock before it goes on without one, saying so. */
export const LOCK_WAIT_MS = 5_000
/** A lock this old was left by a step killed while holding it. */
export const LOCK_STALE_MS = 15_000

/** Runs `work` holding the lock beside `configFile` (whose folder exists); without it if it cannot be had. */
export async function withLock<T>(
  configFile: string,
  reporter: { warning(message: string): void },
  work: () => Promise<T>
): Promise<T> {
  const lock = `${ledgerDir(configFile)}.lock`
  const held = await acquire(lock)
  if (held === 'busy')
    reporter.warning(`keep-login: ${lock} stayed locked for ${LOCK_WAIT_MS / 1000} s; going on without it`)
  try {
    return await work()
  } finally {
    if (held === 'held') await rm(lock, { force: true })
  }
}

/** 'unlockable': the lock file cannot be made at all (a folder gone or read-only), which the work finds too. */
async function acquire(lock: string): Promise<'held' | 'busy' | 'unlockable'> {
  const until = Date.now() + LOCK_WAIT_MS
  for (;;) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: 'wx', mode: 0o600 })
      return 'held'
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return 'unlockable'
    }
    const age = await stat(lock).then(
      s => Date.now() - s.mtimeMs,
      () => 0
    )
    if (age > LOCK_STALE_MS) await rm(lock, { force: true })
    else if (Date.now() > until) return 'busy'
    else await sleep(20)
  }
}

/** Writes a file whole: beside itself, then renamed over it, readable by its owner only. */
export async function writePrivate(file: string, text: string): Promise<void> {
  const tmp = `${file}.build-tag-push-${process.pid}`
  await writeFile(tmp, text, { mode: 0o600 })
  await rename(tmp, file)
}

/** Enters the run's undo file in the ledger beside `configFile`; returns the pointer's path. */
export async function enter(configFile: string, undoFile: string): Promise<string> {
  const dir = ledgerDir(configFile)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const pointer = path.join(dir, `${path.basename(path.dirname(undoFile))}.json`)
  await writePrivate(pointer, JSON.stringify({ undo: undoFile }))
  return pointer
}

/** Another run's undo, as its file holds it, and where, so that it can be written back. */
export interface Entry<T> {
  file: string
  undo: T
}

/**
 * The undo files of the other runs still keeping a login in this config. Stale pointers (their undo file
 * gone with their job's RUNNER_TEMP) are removed; an unreadable one is passed over.
 */
export async function others<T>(
  pointer: string,
  isUndo: (value: unknown) => value is T
): Promise<Entry<T>[]> {
  const dir = path.dirname(pointer)
  const names = await readdir(dir).catch(() => [] as string[])
  const found: Entry<T>[] = []
  for (const name of names) {
    const at = path.join(dir, name)
    if (at === pointer || !name.endsWith('.json')) continue
    try {
      const file = (JSON.parse(await readFile(at, 'utf8')) as { undo?: unknown }).undo
      if (typeof file !== 'string') continue
      if (!existsSync(file)) {
        await rm(at, { force: true })
        continue
      }
      const undo: unknown = JSON.parse(await readFile(file, 'utf8'))
      if (isUndo(undo)) found.push({ file, undo })
    } catch {
      // Being written or removed by its own run right now, or not ours: not an heir.
    }
  }
  return found
}

/** Takes the run's pointer out; the folder goes with the last one. */
export async function leave(pointer: string): Promise<void> {
  await rm(pointer, { force: true })
  await rmdir(path.dirname(pointer)).catch(() => undefined)
}
