// keep-login, as login-action does it: the run's logins become static `auths` entries in the job's docker
// config ($DOCKER_CONFIG/config.json, else ~/.docker/config.json), where docker, cosign, crane, helm and
// actions/attest find them (attest's registry client reads nothing but ~/.docker/config.json's `auths`).
// The post step removes exactly those entries and puts back what each replaced.
//
// A config that names a credential store (`credsStore`, or a `credHelpers` entry for the host): docker
// would ignore a static entry for that host. We make it use ours, with an empty `credHelpers` entry for the
// host (docker's own rule: a host listed there with no helper uses the file), and take that back in the
// post step too. The other way, logging in through the store, would leave the login in a keychain that
// outlives the job on a self-hosted runner, and hide it from tools that read only config.json.
//
// Nothing secret goes into the step's saved state: what the entries replaced is kept in a 0600 file under
// RUNNER_TEMP (which the runner empties after the job), and the state only says where. Jobs sharing the
// config (one HOME, two runners, two hosts or containers) hand on to each other through login-ledger.ts.
import * as core from '@actions/core'
import type { Reporter } from '../log/reporter.js'
import { messageOf } from '../core/text.js'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, realpath, rm, rmdir } from 'node:fs/promises'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { dockerConfigDir } from '../docker/credentials.js'
import { credentialKey, parseDockerConfig } from '../docker/config.js'
import type { RegistryLogin } from '../inputs/registry-auth.js'
import type { Credentials } from '../registry/challenge.js'
import { ENV_POST_WANTED, STATE_KEPT_LOGIN } from './state.js'
import { enter, later, leave, ownNote, renote, withLock, writePrivate, type Entry } from './login-ledger.js'

type Config = Record<string, unknown> & {
  auths?: Record<string, unknown>
  credHelpers?: Record<string, string>
  credsStore?: string
}

/** Whether the config had these before main, or main made them (kept apart from what entries replaced). */
interface Flags {
  /** Whether the config had these objects at all, so that empty ones we made go again. */
  hadAuths: boolean
  hadHelpers: boolean
  /** Whether main created the config file, or its directory, so that they go again once empty. */
  createdFile: boolean
  createdDir: boolean
}

/** What the post step needs to undo exactly what main did; kept on disk, never in the state. */
interface Undo extends Flags {
  /** Each `auths` key main wrote: the entry it wrote, and the one it replaced (null: none). */
  auths: { key: string; ours: unknown; before: unknown }[]
  /** Each `credHelpers` key main emptied, and what it held (null: nothing). */
  helpers: { key: string; before: string | null }[]
}

type Kind = 'auths' | 'helpers'

/**
 * A run's note in its ledger pointer, for the runs that entered before it and another host may run: salted
 * digests of what each of its entries replaced (to tell whether it stacked on theirs; never a login itself),
 * and what those runs' posts handed on to it (the entry to put back instead, and their flags).
 */
interface Note {
  salt: string
  replaced: Record<Kind, Record<string, string>>
  handed: { auths: Record<string, unknown>; helpers: Record<string, string | null>; flags: Partial<Flags> }
}

interface Kept {
  config: string
  undo: string
  /** The run's pointer in the ledger beside the config, and its place in the order runs entered there. */
  ledger?: string
  seq?: number
}

const isUndo = (value: unknown): value is Undo =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as Undo).auths) &&
  Array.isArray((value as Undo).helpers)

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isNote = (value: unknown): value is Note =>
  isObject(value) &&
  typeof value.salt === 'string' &&
  isObject(value.replaced) &&
  isObject(value.replaced.auths) &&
  isObject(value.replaced.helpers) &&
  isObject(value.handed) &&
  isObject(value.handed.auths) &&
  isObject(value.handed.helpers) &&
  isObject(value.handed.flags)

/** A value's salted digest, its objects' keys in order: the same entry, however a tool reordered it. */
const digest = (salt: string, value: unknown): string =>
  createHash('sha256')
    .update(salt)
    .update(
      JSON.stringify(value, (_, v: unknown) =>
        isObject(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
      )
    )
    .digest('hex')

/** The note a run enters with: what it replaced, as digests. */
function noteOf(undo: Undo): Note {
  const salt = randomBytes(16).toString('hex')
  const digests = (records: { key: string; before: unknown }[]) =>
    Object.fromEntries(records.map(r => [r.key, digest(salt, r.before)]))
  return {
    salt,
    replaced: { auths: digests(undo.auths), helpers: digests(undo.helpers) },
    handed: { auths: {}, helpers: {}, flags: {} }
  }
}

/** What earlier runs' posts handed on to this run, taken into its undo. */
function takeHanded(undo: Undo, { handed }: Note): void {
  for (const kind of ['auths', 'helpers'] as const)
    for (const record of undo[kind])
      if (Object.hasOwn(handed[kind], record.key)) record.before = handed[kind][record.key] as string | null
  undo.hadAuths &&= handed.flags.hadAuths ?? true
  undo.hadHelpers &&= handed.flags.hadHelpers ?? true
  undo.createdFile ||= handed.flags.createdFile ?? false
  undo.createdDir ||= handed.flags.createdDir ?? false
}

/** The job's docker config file, as docker and login-action find it. */
export const jobConfigFile = (env: NodeJS.ProcessEnv = process.env): string =>
  path.join(dockerConfigDir(env), 'config.json')

/** The static entry `docker login` writes for a username and password. */
const entryOf = ({ username, password }: Credentials): { auth: string } => ({
  auth: Buffer.from(`${username}:${password}`).toString('base64')
})

async function readConfig(file: string): Promise<Config | undefined> {
  if (!existsSync(file)) return undefined
  return parseDockerConfig(file, await readFile(file, 'utf8')) as Config
}

/**
 * Written beside itself and renamed over it: a reader never sees half a config. A config that is a link
 * (dotfiles) stays one: the file it points to is written, as docker login writes it.
 */
async function writeConfig(file: string, config: Config): Promise<void> {
  const target = existsSync(file) ? await realpath(file) : file
  await writePrivate(target, `${JSON.stringify(config, null, '\t')}\n`)
}

/**
 * Writes `logins` into the job's docker config and saves, for the post step, how to take them back.
 * `tempRoot` (RUNNER_TEMP) holds the entries they replace. Each entry is what the login resolved to in the
 * run (`resolve`): a cloud login's token, never the access key or the empty password it was given as.
 */
export async function keepLogins(
  logins: RegistryLogin[],
  opts: {
    resolve: (login: RegistryLogin) => Promise<Credentials>
    env?: NodeJS.ProcessEnv
    tempRoot: string
    reporter: Pick<Reporter, 'info' | 'warning'>
  }
): Promise<void> {
  if (!logins.length) {
    opts.reporter.warning(
      'keep-login: this step logged in nowhere (no username and password, no registry-auth), so there is no login to keep'
    )
    return
  }
  const file = jobConfigFile(opts.env)
  const dir = path.dirname(file)
  const createdDir = !existsSync(dir)
  // Resolved first (a cloud login asks its API), so that the config is locked for file work only.
  const entries: { login: RegistryLogin; ours: { auth: string } }[] = []
  for (const login of logins) entries.push({ login, ours: entryOf(await opts.resolve(login)) })
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const undo = await withLock(file, opts.reporter, async () => {
    const before = await readConfig(file)
    const config: Config = { ...(before ?? {}) }
    const undo: Undo = {
      auths: [],
      helpers: [],
      hadAuths: config.auths !== undefined,
      hadHelpers: config.credHelpers !== undefined,
      createdFile: before === undefined,
      createdDir
    }
    const auths = { ...(config.auths ?? {}) }
    const helpers = { ...(config.credHelpers ?? {}) }
    for (const { login, ours } of entries) {
      const key = credentialKey(login.registry)
      undo.auths.push({ key, ours, before: auths[key] ?? null })
      auths[key] = ours
      // docker reads credHelpers by exactly this key too (configfile's getConfiguredCredentialStore). An
      // entry already emptied (by another job keeping a login here) is recorded too, to be handed on.
      if (!config.credsStore && helpers[key] === undefined) continue
      undo.helpers.push({ key, before: helpers[key] ?? null })
      helpers[key] = ''
    }
    config.auths = auths
    if (undo.helpers.length) config.credHelpers = helpers

    const undoDir = await mkdtemp(path.join(opts.tempRoot, 'build-tag-push-login-'))
    const undoFile = path.join(undoDir, 'undo.json')
    await writePrivate(undoFile, JSON.stringify(undo))
    const place = await enter(file, undoFile, noteOf(undo))
    const kept: Kept = { config: file, undo: undoFile, ledger: place.pointer, seq: place.seq }
    // All before the config changes: a step killed in between still has its entries taken back. The
    // variable makes the runner call the post step after a successful job too (action.yml's post-if).
    core.exportVariable(ENV_POST_WANTED, 'true')
    core.saveState(STATE_KEPT_LOGIN, JSON.stringify(kept))
    await writeConfig(file, config)
    return undo
  })
  const where = logins.map(l => l.registry || 'docker.io').join(', ')
  opts.reporter.info(
    `keep-login: ${where} kept in ${file} for the job's later steps; the post step removes them`
  )
  if (undo.helpers.length)
    opts.reporter.info(
      `keep-login: ${file} sends credentials to a store; ${undo.helpers.map(h => h.key).join(', ')} use the kept entry until the post step`
    )
}

/** The post step's part: the kept entries go, what they replaced comes back. Nothing kept, nothing done. */
export async function removeKeptLogin(reporter: { warning(message: string): void } = core): Promise<void> {
  const saved = core.getState(STATE_KEPT_LOGIN)
  if (!saved) return
  const kept = JSON.parse(saved) as Kept
  let createdDir = false
  try {
    // The pointer goes under the lock too: another job's post must not take this one for a live heir.
    await withLock(kept.config, reporter, async () => {
      try {
        if (!existsSync(kept.undo)) return
        const undo = readUndo(await readFile(kept.undo, 'utf8'))
        const note = kept.ledger ? await ownNote(kept.ledger, isNote) : undefined
        if (note) takeHanded(undo, note)
        createdDir = undo.createdDir
        const pinned = await undoKept(kept, undo)
        if (pinned.length)
          reporter.warning(
            `keep-login: another login replaced the kept one for ${pinned.join(', ')} in ${kept.config} and is stored in that file, not in the credential store; it is left there, with the credHelpers entry that has docker read it (docker logout removes both)`
          )
      } finally {
        if (kept.ledger) await leave(kept.ledger)
      }
    })
  } catch (error) {
    reporter.warning(`keep-login: could not take the kept login out of ${kept.config}: ${messageOf(error)}`)
  } finally {
    await rm(path.dirname(kept.undo), { recursive: true, force: true })
    if (createdDir && !existsSync(kept.config)) await rmdir(path.dirname(kept.config)).catch(() => undefined)
  }
}

/** The undo file's JSON; a broken one is said without its text (it holds credentials). */
function readUndo(text: string): Undo {
  let undo: unknown
  try {
    undo = JSON.parse(text)
  } catch {
    throw new Error('its undo file is not valid JSON')
  }
  if (!isUndo(undo)) throw new Error('its undo file is not one this step wrote')
  return undo
}

/**
 * The run whose login was stacked on ours: the next run after ours that wrote this key, if what it
 * replaced is what we wrote (a login of someone else's in between owns the entry otherwise). What ours
 * replaced is its to put back. Another job's, sharing the config; in one job the posts run last-first.
 */
function handOn(
  heirs: Entry<Note>[],
  kind: Kind,
  mine: { key: string; ours: unknown; before: unknown },
  changed: Set<Entry<Note>>
): boolean {
  for (const heir of heirs) {
    const replaced = heir.note.replaced[kind][mine.key]
    if (replaced === undefined) continue
    if (replaced !== digest(heir.note.salt, mine.ours)) return false
    heir.note.handed[kind][mine.key] = mine.before
    heir.note.replaced[kind][mine.key] = digest(heir.note.salt, mine.before)
    changed.add(heir)
    return true
  }
  return false
}

async function undoKept(kept: Kept, undo: Undo): Promise<string[]> {
  const config = await readConfig(kept.config)
  if (!config) return []
  const heirs =
    kept.ledger && kept.seq !== undefined ? await later({ pointer: kept.ledger, seq: kept.seq }, isNote) : []
  const changed = new Set<Entry<Note>>()
  const auths = { ...(config.auths ?? {}) }
  // Keys whose entry another login wrote over ours, and which stay.
  const replaced = new Set<string>()
  for (const mine of undo.auths) {
    if (handOn(heirs, 'auths', mine, changed)) continue
    // A later step that logged in again owns that entry now: it is left as it is.
    if (!isDeepStrictEqual(auths[mine.key], mine.ours)) {
      if (auths[mine.key] !== undefined) replaced.add(mine.key)
      continue
    }
    if (mine.before === null) delete auths[mine.key]
    else auths[mine.key] = mine.before
  }
  const helpers = { ...(config.credHelpers ?? {}) }
  const pinned: string[] = []
  for (const { key, before } of undo.helpers) {
    if (handOn(heirs, 'helpers', { key, ours: '', before }, changed)) continue
    if (helpers[key] !== '') continue
    // The bypass and the auths entry under the same key go together: a `docker login` made
    // through our bypass stored its password in the file, and without the bypass docker would ask the store
    // instead, and its `docker logout` would leave the file's copy for good.
    if (replaced.has(key)) {
      pinned.push(key)
      continue
    }
    if (before === null) delete helpers[key]
    else helpers[key] = before
  }
  // The next run found the config as ours left it: what was there before ours is its to judge now.
  const next = heirs[0]
  if (next) {
    const flags = next.note.handed.flags
    const was = JSON.stringify(flags)
    if (!undo.hadAuths) flags.hadAuths = false
    if (!undo.hadHelpers) flags.hadHelpers = false
    if (undo.createdFile) flags.createdFile = true
    if (undo.createdDir) flags.createdDir = true
    if (JSON.stringify(flags) !== was) changed.add(next)
  }
  // The heirs' pointers first: what ours replaced is never lost between the two writes.
  for (const heir of changed) await renote(heir)
  const result: Config = { ...config, auths, credHelpers: helpers }
  if (!undo.hadAuths && !Object.keys(auths).length) delete result.auths
  if (!undo.hadHelpers && !Object.keys(helpers).length) delete result.credHelpers
  if (undo.createdFile && !Object.keys(result).length) await rm(kept.config, { force: true })
  else await writeConfig(kept.config, result)
  return pinned
}
