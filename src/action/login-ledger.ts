// Kept logins of other jobs that share the docker config (two self-hosted runners under one user): each run
// that keeps a login leaves a pointer to its undo file in a folder beside the config, for as long as its
// login is kept. A post step that finds a later run's login stacked on its own (the later run's undo says
// it replaced ours) hands what ours replaced on to that run instead of writing it back. Without this, the
// jobs' posts in the order they started leave the first job's password in the config for good: the first
// post finds its entry replaced and leaves it, the second puts back the entry it replaced, the first's.
//
// The pointers hold paths, never a credential: the undo files stay in each job's RUNNER_TEMP, which the
// runner empties after the job. A pointer whose undo file is gone is stale and removed by the next post.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

/** The folder of pointers beside a docker config file. */
export const ledgerDir = (configFile: string): string =>
  path.join(path.dirname(configFile), 'build-tag-push-kept-logins')

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
