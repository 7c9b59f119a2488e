// Kept logins of other jobs that share the docker config (two self-hosted runners under one user, two hosts
// with one NFS home, two runner containers with one bind-mounted ~/.docker): each run that keeps a login
// leaves a pointer in a folder beside the config, for as long as its login is kept, numbered in the order
// the runs entered. A post step that finds the next later run's login stacked on its own (that run's pointer
// says it replaced ours) hands what ours replaced on to that run instead of writing it back. Without this,
// the jobs' posts in the order they started leave the first job's password in the config for good: the first
// post finds its entry replaced and leaves it, the second puts back the entry it replaced, the first's.
//
// What a run hands on goes into the heir's pointer, beside the config, not into the heir's undo file: that
// lies in the heir job's RUNNER_TEMP, which another host or container cannot see. A pointer holds the path of
// its run's undo file, where it was written (host, kernel, mount namespace), and the note its run gives it
// (keep-login.ts: digests of what it replaced, and what was handed on to it: an entry the config held before,
// never the run's own login). A pointer of this place whose undo file is gone is stale (its job ended without
// its post, and the runner emptied RUNNER_TEMP); one of elsewhere, whose undo file cannot be seen from here, is
// stale only past the longest a job runs.
//
// Each change of the config and the ledger (read, then written) holds a lock file beside them, so that two
// jobs' steps never write from the same stale read. Hand-written rather than proper-lockfile: the lock is
// held for a few milliseconds of file work, where that library keeps refreshing a long hold, and its
// signal-exit dependency would add signal handlers beside the run's own cancel handling.
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, readlinkSync } from 'node:fs'
import { link, mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** The folder of pointers beside a docker config file. */
export const ledgerDir = (configFile: string): string =>
  path.join(path.dirname(configFile), 'build-tag-push-kept-logins')

/** How long a step waits for another's lock before it goes on without one, saying so: past LOCK_STALE_MS. */
export const LOCK_WAIT_MS = 12_000
/**
 * A lock this old was left by a step killed while holding it: held for milliseconds of file work, so far
 * longer than any hold (one of a dead process of this kernel and pid namespace is known sooner).
 */
export const LOCK_STALE_MS = 10_000
/** A pointer of another host or container this old is stale: longer than a job runs (5 days, self-hosted). */
export const POINTER_STALE_MS = 6 * 24 * 3600_000

/** A Linux namespace's or the kernel's id, or '' (another system: no namespaces, one kernel per host). */
function linuxId(file: string): string {
  try {
    return file.includes('/ns/') ? readlinkSync(file) : readFileSync(file, 'utf8').trim()
  } catch {
    return ''
  }
}

const BOOT = linuxId('/proc/sys/kernel/random/boot_id')
/** Where a process's pid means the same process: one kernel's one pid namespace (containers have their own). */
export const PID_SPACE = `${BOOT}/${linuxId('/proc/self/ns/pid')}`
/** Where a path names the same file: one host's kernel and mount namespace (a container has its own). */
export const PLACE = `${hostname()} ${BOOT}/${linuxId('/proc/self/ns/mnt')}`

/** Runs `work` holding the lock beside `configFile` (whose folder exists); without it if it cannot be had. */
export async function withLock<T>(
  configFile: string,
  reporter: { warning(message: string): void },
  work: () => Promise<T>
): Promise<T> {
  const lock = `${ledgerDir(configFile)}.lock`
  const token = `${hostname()} ${process.pid} ${randomBytes(8).toString('hex')} ${PID_SPACE}\n`
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

const ageOf = (file: string): Promise<number> =>
  stat(file).then(
    s => Date.now() - s.mtimeMs,
    () => 0
  )

/**
 * Whether the lock holding `text` was left by a process that is gone: one too old, or one of this host
 * whose pid is dead in our pid namespace (a container's pid 1 with the host's name is not ours to test).
 */
async function abandoned(lock: string, text: string): Promise<boolean> {
  if ((await ageOf(lock)) > LOCK_STALE_MS) return true
  const [host, pid, , space] = text.trim().split(' ')
  if (host !== hostname() || space !== PID_SPACE || !/^\d+$/.test(pid ?? '')) return false
  try {
    process.kill(Number(pid), 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * Removes the lock if it still holds `text`, judged abandoned. Waiters that judged the same lock must not
 * remove the one the first of them took next: each first makes a claim named after the token, exclusively,
 * and re-reads the lock only while holding it, removing the lock before the claim. A token is never made
 * twice, so a claim made after the removal finds another token and leaves it. A claim outlives only a
 * process killed between its two removals; past LOCK_STALE_MS it goes, and the next round retries.
 */
async function breakLock(lock: string, text: string): Promise<boolean> {
  const claim = `${lock}.${createHash('sha256').update(text).digest('hex').slice(0, 16)}.claim`
  try {
    await writeFile(claim, '', { flag: 'wx', mode: 0o600 })
  } catch {
    if ((await ageOf(claim)) > LOCK_STALE_MS) await rm(claim, { force: true })
    return false
  }
  try {
    if ((await readFile(lock, 'utf8').catch(() => undefined)) !== text) return false
    await rm(lock, { force: true })
    return true
  } finally {
    await rm(claim, { force: true })
  }
}

/** 'unlockable': the lock file cannot be made at all (a folder gone or read-only), which the work finds too. */
async function acquire(lock: string, token: string): Promise<'held' | 'busy' | 'unlockable'> {
  const until = Date.now() + LOCK_WAIT_MS
  // Written whole beside the lock, then linked to its name (atomic, and exclusive even on NFS): the lock is
  // never seen without its token, which breakLock could not tell from another empty one.
  const mine = `${lock}.${token.split(' ')[2]}`
  try {
    await writeFile(mine, token, { flag: 'wx', mode: 0o600 })
  } catch {
    return 'unlockable'
  }
  try {
    for (;;) {
      try {
        await link(mine, lock)
        return 'held'
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return 'unlockable'
      }
      const text = await readFile(lock, 'utf8').catch(() => undefined)
      if (text !== undefined && (await abandoned(lock, text)) && (await breakLock(lock, text))) continue
      if (Date.now() > until) return 'busy'
      await sleep(20)
    }
  } finally {
    await rm(mine, { force: true })
  }
}

/**
 * Writes a file whole: beside itself under a name no other writer uses (steps of two hosts or containers can
 * share a pid), then renamed over it; made new, so readable by its owner only from the first byte.
 */
export async function writePrivate(file: string, text: string): Promise<void> {
  const tmp = `${file}.build-tag-push-${randomBytes(6).toString('hex')}`
  try {
    await writeFile(tmp, text, { flag: 'wx', mode: 0o600 })
    await rename(tmp, file)
  } catch (error) {
    // A write or rename refused (a full disk, a config.json held open, bind-mounted) must not leave the copy
    // with its credentials.
    await rm(tmp, { force: true })
    throw error
  }
}

/** Where a run's pointer is, and its place in the order the runs entered. */
export interface Place {
  pointer: string
  seq: number
}

/** Another run's pointer: where it is, its place in the order, and its run's note (changed by the caller). */
export interface Entry<N> {
  file: string
  seq: number
  note: N
}

interface Pointer {
  undo: string
  seq: number
  place?: string
  note?: unknown
}

/** Enters the run's undo file and note in the ledger beside `configFile`, after every run there (under the lock). */
export async function enter(configFile: string, undoFile: string, note: unknown): Promise<Place> {
  const dir = ledgerDir(configFile)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const pointer = path.join(dir, `${path.basename(path.dirname(undoFile))}.json`)
  const seq = Math.max(0, ...(await pointers(dir)).map(p => p.seq)) + 1
  await writePointer(pointer, { undo: undoFile, seq, place: PLACE, note })
  return { pointer, seq }
}

const writePointer = (file: string, pointer: Pointer): Promise<void> =>
  writePrivate(file, JSON.stringify(pointer))

async function readPointer(at: string): Promise<Pointer | undefined> {
  try {
    const p = JSON.parse(await readFile(at, 'utf8')) as Partial<Pointer>
    if (typeof p.undo === 'string' && Number.isSafeInteger(p.seq)) return p as Pointer
  } catch {
    // Being written or removed by its own run right now, or not ours.
  }
  return undefined
}

/** The pointers in a ledger folder, as written. */
async function pointers(dir: string): Promise<(Pointer & { at: string })[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  const found: (Pointer & { at: string })[] = []
  for (const name of names) {
    if (!name.endsWith('.json')) continue
    const at = path.join(dir, name)
    const p = await readPointer(at)
    if (p) found.push({ ...p, at })
  }
  return found
}

/** The note the run's own pointer holds now (what earlier runs handed on to it), if it is `isNote`. */
export async function ownNote<N>(
  pointer: string,
  isNote: (value: unknown) => value is N
): Promise<N | undefined> {
  const note = (await readPointer(pointer))?.note
  return isNote(note) ? note : undefined
}

/** Whether a pointer's run is known gone: its undo file vanished here, or, written elsewhere, it is too old. */
async function stale(p: Pointer & { at: string }): Promise<boolean> {
  // A pointer from before places were written was written here: the ledger was one host's then.
  if ((p.place ?? PLACE) === PLACE) return !existsSync(p.undo)
  return (await ageOf(p.at)) > POINTER_STALE_MS
}

/**
 * The runs that entered after `place` and still keep a login in this config, earliest first, with their
 * notes. Stale pointers are removed; one whose note is not `isNote` is passed over.
 */
export async function later<N>(place: Place, isNote: (value: unknown) => value is N): Promise<Entry<N>[]> {
  const found: Entry<N>[] = []
  for (const p of await pointers(path.dirname(place.pointer))) {
    if (p.at === place.pointer) continue
    if (await stale(p)) {
      await rm(p.at, { force: true })
      continue
    }
    if (p.seq > place.seq && isNote(p.note)) found.push({ file: p.at, seq: p.seq, note: p.note })
  }
  return found.sort((a, b) => a.seq - b.seq)
}

/** Writes a changed note back into its run's pointer; a pointer gone meanwhile (its run left) stays gone. */
export async function renote<N>(entry: Entry<N>): Promise<void> {
  const p = await readPointer(entry.file)
  if (p) await writePointer(entry.file, { ...p, note: entry.note })
}

/** Takes the run's pointer out; the folder goes with the last one. */
export async function leave(pointer: string): Promise<void> {
  await rm(pointer, { force: true })
  await rmdir(path.dirname(pointer)).catch(() => undefined)
}
