// The rules of the build options build-push-action has and we share, by name and format: what each input
// must look like before any build (pure: an InputProblem, named by the row that is read), and what must
// exist on disk or in the environment (an InputError naming the input).
import { existsSync, statSync } from 'node:fs'
import { isIP } from 'node:net'
import path from 'node:path'
import { InputError } from './error.js'
import { InputProblem, reworded } from '../core/problem.js'
import { advice } from '../core/input-ref.js'
import { ref } from './table.js'
import { splitKeyValue } from '../core/text.js'
import { goBool } from '../core/go-bool.js'
import { csvRecords } from './csv.js'
import { parseAnnotation } from '../metadata/levels.js'
import { expressionsOf, parseLabelLine } from '../metadata/rules/template.js'
import { quote } from '../core/text.js'

/** A path that names a regular file (a directory is not one). */
export const isFile = (p: string): boolean => existsSync(p) && statSync(p).isFile()

/**
 * `host:ip` or `host=ip` as docker's and buildx's add-host read them: split at the first `=`, else at the
 * first `:` (an IPv6 address keeps its colons); the IP may be bracketed, or docker's `host-gateway`. Like
 * docker, only the IP is checked: the host is any non-empty name without `:` (`my_db` is one).
 */
export function addHosts(entries: string[]): string[] {
  for (const entry of entries) {
    const at = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':')
    const host = at < 0 ? '' : entry.slice(0, at)
    const ip = at < 0 ? '' : entry.slice(at + 1).replace(/^\[(.+)\]$/, '$1')
    if (host === '' || host.includes(':') || (ip !== 'host-gateway' && isIP(ip) === 0))
      throw new InputProblem(`${quote(entry)} is not host:ip with a valid IP address, e.g. db.local:10.0.0.5`)
  }
  return entries
}

/** Network modes and names: a plain word (`default`, `none`, `host`, a network name, `container:<id>`). */
export function network(value: string): string {
  if (value !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/.test(value))
    throw new InputProblem(`${quote(value)} is not a network mode such as default, none or host`)
  return value
}

/** docker's RAMInBytes: a number, then an optional unit (b, k, m, g, t, p; `kb`, `MiB` …). */
const BYTES = /^(\d+(?:\.\d+)?) ?([kmgtp])?i?b?$/i
const UNIT = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 } as const

export function shmSize(value: string): string {
  if (value === '') return value
  const m = BYTES.exec(value)
  if (!m || Number(m[1]) * UNIT[(m[2]?.toLowerCase() ?? '') as keyof typeof UNIT] < 1)
    throw new InputProblem(`${quote(value)} is not a size: bytes with an optional unit, e.g. 64m or 1g`)
  return value
}

/** The names docker's ulimit parser knows (go-units). */
export const ULIMIT_NAMES = [
  'core',
  'cpu',
  'data',
  'fsize',
  'locks',
  'memlock',
  'msgqueue',
  'nice',
  'nofile',
  'nproc',
  'rss',
  'rtprio',
  'rttime',
  'sigpending',
  'stack'
]

export function ulimits(entries: string[]): string[] {
  for (const entry of entries) {
    const m = /^([a-z]+)=(-?\d+)(?::(-?\d+))?$/.exec(entry)
    if (!m) throw new InputProblem(`${quote(entry)} is not name=soft[:hard], e.g. nofile=1024:2048`)
    if (!ULIMIT_NAMES.includes(m[1]))
      throw new InputProblem(`${quote(m[1])} is not a ulimit name; use one of ${ULIMIT_NAMES.join(', ')}`)
    const [soft, hard] = [Number(m[2]), m[3] === undefined ? undefined : Number(m[3])]
    // -1 is "unlimited", and unlimited is above any number.
    if (hard !== undefined && hard !== -1 && (soft === -1 || soft > hard))
      throw new InputProblem(`${quote(entry)}: the soft limit is above the hard limit`)
  }
  return entries
}

export function cgroupParent(value: string): string {
  if (value !== '' && (value.startsWith('-') || /\s/.test(value)))
    throw new InputProblem(`${quote(value)} is not a cgroup path`)
  return value
}

/** buildx's entitlements; `device` and the `fs` ones take a value in newer buildx. */
const ENTITLEMENT = /^(?:network\.host|security\.insecure|ssh|device(?:=.+)?|fs(?:\.read|\.write)?=.+)$/

export function allow(entries: string[]): string[] {
  for (const entry of entries)
    if (!ENTITLEMENT.test(entry))
      throw new InputProblem(
        `${quote(entry)} is not an entitlement: network.host, security.insecure, device, ssh, or fs[.read|.write]=path`
      )
  return entries
}

/** The name of a named context: what `FROM` or `COPY --from` names (an image reference is one too). */
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9_./:@-]*$/
const CONTEXT_SCHEME = /^(?:docker-image|oci-layout|target):\/\//
const URL_SOURCE = /^(?:https?:\/\/|git:\/\/|git@)/

export function buildContexts(entries: string[]): string[] {
  return entries.map(entry => {
    const kv = splitKeyValue(entry)
    const value = kv?.value.trim() ?? ''
    if (!kv || !CONTEXT_NAME.test(kv.key) || value === '' || value.startsWith('-'))
      throw new InputProblem(`${quote(entry)} is not name=path|url|docker-image://ref|oci-layout://path`)
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !CONTEXT_SCHEME.test(value) && !URL_SOURCE.test(value))
      throw new InputProblem(
        `${quote(kv.key)}: ${quote(value)} has an unknown scheme; use a path, a git or https URL, docker-image:// or oci-layout://`
      )
    return `${kv.key}=${value}`
  })
}

/** `default`, `id` (the agent at SSH_AUTH_SOCK) or `id=path[,path]` (sockets or keys). */
export function ssh(entries: string[]): string[] {
  for (const entry of entries)
    if (!/^[A-Za-z0-9_.-]+(?:=[^,]+(?:,[^,]+)*)?$/.test(entry))
      throw new InputProblem(`${quote(entry)} is not default or id=path (an agent socket or a key file)`)
  return entries
}

/** `[level[platforms]:]key=value`, as buildx reads it (metadata/levels.ts), with expressions as in labels. */
export function annotations(entries: string[], notices: string[]): string[] {
  for (const entry of entries) parseAnnotation(entry)
  return labelLines('annotations', entries, notices)
}

/** KEY=VALUE lines with expressions as metadata-action renders them (`{{branch}}`, `{{date 'YYYYMMDD'}}`). */
export const labels = (entries: string[], notices: string[]): string[] =>
  labelLines('labels', entries, notices)

/**
 * Our expressions must parse; any other `{{…}}` is kept as written (parseLabelLine says why), with a notice,
 * since it may as well be a misspelt expression.
 */
function labelLines(input: string, entries: string[], notices: string[]): string[] {
  const kept = new Set<string>()
  for (const entry of entries) {
    if (!entry.includes('{{')) continue
    const template = reworded(
      () => parseLabelLine(entry),
      m => `${m} (to keep a {{ as written, write \\{{)`
    )
    for (const text of template.kept ?? []) kept.add(text)
  }
  const shown = [...kept].slice(0, 5).join(', ') + (kept.size > 5 ? ` and ${kept.size - 5} more` : '')
  if (kept.size)
    notices.push(
      `${ref(input)} keeps ${shown} as written: not an expression of this action's, which are ${expressionsOf('global')}`
    )
  return entries
}

/** The fields of an attestation spec as buildx reads it (one CSV record): `key` trimmed, `value` undefined without `=`. */
export function attestationFields(spec: string): { key: string; value?: string }[] {
  return (csvRecords(spec)[0] ?? []).map(field => {
    const at = field.indexOf('=')
    return at < 0
      ? { key: field.trim() }
      : { key: field.slice(0, at).trim(), value: field.slice(at + 1).trim() }
  })
}

/**
 * `provenance` and `sbom` as buildx reads them: one of Go's boolean words (strconv.ParseBool), or
 * attributes `key=value,…`. buildx refuses a field without `=` and a `disabled=` that is no boolean only once
 * the build has started, and without naming the input.
 */
export function attestationValue(value: string): string {
  if (value === '' || goBool(value) !== undefined) return value
  const refused = (why: string): InputProblem =>
    new InputProblem(
      `${quote(value)} must be true, false (or another of Go's boolean words: 1, 0, t, f …) or a buildx attestation spec like mode=max${why}`
    )
  if (value.startsWith('-') || /\s/.test(value)) throw refused('')
  for (const field of attestationFields(value)) {
    if (field.value === undefined) throw refused(`: ${quote(field.key)} is no key=value`)
    if (field.key.toLowerCase() === 'disabled' && goBool(field.value) === undefined)
      throw refused(`: disabled=${quote(field.value)} is no boolean`)
  }
  return value
}

export function attests(entries: string[]): string[] {
  for (const entry of entries)
    if (!/(?:^|,)type=[a-z]+(?:,|$)/.test(entry) || entry.startsWith('-'))
      throw new InputProblem(
        `${quote(entry)} is not an attestation like type=sbom or type=provenance,mode=max`
      )
  return entries
}

const STAGE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/

export function noCacheFilters(entries: string[]): string[] {
  for (const entry of entries)
    if (!STAGE.test(entry)) throw new InputProblem(`${quote(entry)} is not a stage name`)
  return entries
}

/** What `--call` may evaluate (buildx's subrequests). */
export const CALLS = ['build', 'check', 'outline', 'targets']

/** A `call` value as buildx's `--call` reads it: `name[,format=…][,ignorestatus=<bool>]`. */
export interface Call {
  name: string
  format?: string
  ignoreStatus: boolean
}

/** buildx's grammar: CSV fields, one bare name (`build` when none), `format=` and `ignorestatus=` (Go's booleans). */
export function parseCall(value: string): Call {
  const call: Call = { name: '', ignoreStatus: false }
  for (const field of csvRecords(value)[0] ?? []) {
    const eq = field.indexOf('=')
    const [key, setting] = eq < 0 ? [field, undefined] : [field.slice(0, eq), field.slice(eq + 1)]
    if (setting === undefined) {
      if (call.name !== '' || !CALLS.includes(key))
        throw new InputProblem(
          `${quote(value)} must be one of ${CALLS.join(', ')}, optionally with ,format=json|text and ,ignorestatus=true`
        )
      call.name = key
    } else if (key === 'format') call.format = setting
    else if (key === 'ignorestatus') {
      const bool = goBool(setting)
      if (bool === undefined)
        throw new InputProblem(`${quote(value)}: ignorestatus=${quote(setting)} is no boolean`)
      call.ignoreStatus = bool
    } else throw new InputProblem(`${quote(value)}: ${quote(field)} is none of format=, ignorestatus=`)
  }
  return { ...call, name: call.name || 'build' }
}

export function call(value: string): string {
  if (value !== '') parseCall(value)
  return value
}

/** A token is one word: whitespace in it is a pasting mistake that would only fail later, in the fetch. */
export function githubToken(value: string): string {
  const token = value.trim()
  // The default as written, unexpanded (a local runner, the table's own defaults): no token.
  if (/^\$\{\{.*\}\}$/.test(token)) return ''
  if (/\s/.test(token)) throw new InputProblem('contains whitespace')
  return token
}

/** What must exist: local named contexts, and each ssh key or socket (or the agent `default` means). */
export function checkBuildSources(
  values: { buildContexts: string[]; ssh: string[] },
  cwd: string,
  env: NodeJS.ProcessEnv
): void {
  for (const entry of values.buildContexts) {
    const { key, value } = splitKeyValue(entry)!
    if (CONTEXT_SCHEME.test(value) || URL_SOURCE.test(value) || value.startsWith('{{defaultContext}}'))
      continue
    const dir = path.resolve(cwd, value)
    if (!existsSync(dir))
      throw new InputError(
        'build-contexts',
        `${quote(key)}: ${quote(value)} does not exist (resolved to ${quote(dir)})`
      )
  }
  for (const entry of values.ssh) {
    const kv = splitKeyValue(entry)
    if (!kv) {
      if (!env.SSH_AUTH_SOCK)
        throw new InputError(
          'ssh',
          `${quote(entry)} means the ssh-agent at SSH_AUTH_SOCK, and SSH_AUTH_SOCK is not set (${advice('ssh-agent')}, or give id=path)`
        )
      continue
    }
    for (const p of kv.value.split(','))
      if (!existsSync(path.resolve(cwd, p)))
        throw new InputError('ssh', `${quote(kv.key)}: ${quote(p)} does not exist`)
  }
}

/** `{{defaultContext}}`, alone or with `:subdir`: build-push-action's name for this commit's git context. */
export const DEFAULT_CONTEXT = /^\{\{\s*defaultContext\s*\}\}(?::(.*))?$/

/**
 * The Dockerfile a local build reads: `file` when given, else the context's `Dockerfile`, else its
 * `dockerfile`, which docker build and BuildKit fall back to; `Dockerfile` when neither is there.
 */
export function dockerfilePath(context: string, file: string, cwd = process.cwd()): string {
  if (file !== '') return file
  const lower = path.join(context, 'dockerfile')
  const upper = path.join(context, 'Dockerfile')
  return !isFile(path.resolve(cwd, upper)) && isFile(path.resolve(cwd, lower)) ? lower : upper
}

/** `context` left at `.` in an empty directory: a workflow that checked nothing out, a command run elsewhere. */
export const noDockerfileHere = (dir: string): string =>
  `no Dockerfile in ${quote(dir)}: ${advice('checkout')}`

/** An output spec's attributes as buildx reads them (CSV, keys lowercased); a bare path has none. */
export function outputAttrs(spec: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const field of csvRecords(spec)[0] ?? []) {
    const at = field.indexOf('=')
    if (at > 0) attrs.set(field.slice(0, at).toLowerCase(), field.slice(at + 1))
  }
  return attrs
}

/** An output spec that pushes: `type=registry`, or `type=image` with `push=true` (Go's ParseBool words). */
export function pushesOutput(spec: string): boolean {
  const attrs = outputAttrs(spec)
  const type = attrs.get('type')
  return type === 'registry' || (type === 'image' && goBool(attrs.get('push') ?? '') === true)
}

/** True when the build evaluates instead of building (`call` other than `build`): there is no image to push. */
export const isEvaluation = (inputs: { call: string }): boolean =>
  inputs.call !== '' && parseCall(inputs.call).name !== 'build'

/**
 * Whether given `outputs` push, as build-push-action decides it: an output that pushes, or `push: true`
 * given outright (its `--push`); `push` left to its default adds nothing beside outputs.
 */
export const outputsPush = (inputs: { push: boolean; pushGiven: boolean; outputs: string[] }): boolean =>
  inputs.outputs.some(pushesOutput) || (inputs.push && inputs.pushGiven)

/**
 * Whether the run pushes, as build-push-action decides it: `outputs` when given (outputsPush), else `push`.
 * An evaluation pushes nothing.
 */
export const pushesImage = (inputs: {
  push: boolean
  pushGiven: boolean
  outputs: string[]
  call: string
}): boolean => !isEvaluation(inputs) && (inputs.outputs.length ? outputsPush(inputs) : inputs.push)

/**
 * The images an output names (`name=` of an image, registry or docker output) as references; none for a
 * spec that names none.
 */
export const namedImages = (spec: string): string[] =>
  ['image', 'registry', 'docker'].includes(outputAttrs(spec).get('type') ?? '') ? outputNames(spec) : []

/**
 * Whether an image or registry output's push is by digest only (`push-by-digest=true`): BuildKit then puts
 * the manifest at `name@digest` and tags nothing, and refuses a name that has a tag.
 */
export function pushesByDigest(spec: string): boolean {
  const attrs = outputAttrs(spec)
  return (
    ['image', 'registry'].includes(attrs.get('type') ?? '') &&
    goBool(attrs.get('push-by-digest') ?? '') === true
  )
}

/** The names of an output's `name=` (comma-separated, as BuildKit splits it); [] without one. */
export const outputNames = (spec: string): string[] =>
  (outputAttrs(spec).get('name') ?? '').split(',').filter(name => name !== '')
