// Automatic tags and OCI labels derived from the GitHub Actions context, as pure functions.
//
// The context comes from @actions/github's Context (loaded only on the build path).
//
// Tag rules when the `tags` input is empty (see autoTags):
//   outside GitHub Actions (GITHUB_ACTIONS != 'true')  latest
//   pull_request / pull_request_target, or a refs/pull/N/… ref   pr-N, sha-<7> (GITHUB_SHA: the merge commit)
//   refs/tags/vX.Y.Z (release, `v` optional)               X.Y.Z, X.Y, X, latest, sha-<7>
//   refs/tags/vX.Y.Z-pre (prerelease)                      X.Y.Z-pre, sha-<7>
//   refs/tags/<anything else>                              <tag, sanitized>, sha-<7>
//   refs/heads/<default branch>                            latest, <branch, sanitized>, sha-<7>
//   refs/heads/<other branch>                              <branch, sanitized>, sha-<7>
//   any other ref                                          sha-<7>
// Every other event (workflow_dispatch, schedule, release, create, workflow_run, …) follows the same rules
// by its GITHUB_REF: a scheduled or manual run on the default branch gets `latest`, a `release` event on
// tag v1.2.3 gets the semver tags. Should nothing at all be derivable (no usable ref and no sha), the
// result is `latest`, as outside Actions, so that a build always has a tag.
// The sha is the context's: GITHUB_SHA, which on pull requests is the merge commit that actions/checkout
// checks out and the build contains, as metadata-action tags it. With DOCKER_METADATA_PR_HEAD_SHA=true the
// caller passes a context whose sha is the PR head instead (see tags.ts buildSha).

import { isValidTag } from '../core/reference.js'
import { messageOf } from '../core/text.js'

export interface GitContext {
  /** GITHUB_ACTIONS === 'true' */
  actions: boolean
  eventName: string
  /** Full ref, e.g. `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`; '' when unknown. */
  ref: string
  sha: string
  /** Without a trailing slash. */
  serverUrl: string
  /** owner/name */
  repository: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>
}

export interface Semver {
  major: number
  minor: number
  patch: number
  prerelease?: string
  build?: string
}

const TAG_MAX = 128
const LATEST = 'latest'
const PR_EVENTS = new Set(['pull_request', 'pull_request_target'])

export const LABEL_SOURCE = 'org.opencontainers.image.source'
export const LABEL_REVISION = 'org.opencontainers.image.revision'
export const LABEL_CREATED = 'org.opencontainers.image.created'
export const LABEL_VERSION = 'org.opencontainers.image.version'

/** The parts of @actions/github's Context this module reads. */
export interface ActionsContext {
  eventName?: string
  ref?: string
  sha?: string
  serverUrl?: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload?: Record<string, any>
  readonly repo: { owner: string; repo: string }
}

/** Our view of the library's context; `repo` throws when neither the env nor the payload names one. */
export function fromActionsContext(ctx: ActionsContext, env: NodeJS.ProcessEnv = process.env): GitContext {
  let repository = ''
  try {
    repository = `${ctx.repo.owner}/${ctx.repo.repo}`
  } catch {
    repository = ''
  }
  return {
    actions: env.GITHUB_ACTIONS === 'true',
    eventName: ctx.eventName ?? '',
    ref: ctx.ref ?? '',
    sha: ctx.sha ?? '',
    serverUrl: (ctx.serverUrl || 'https://github.com').replace(/\/+$/, ''),
    repository,
    payload: isObject(ctx.payload) ? ctx.payload : {}
  }
}

/**
 * The run's context through @actions/github. Its Context reads GITHUB_EVENT_PATH when the module loads and
 * throws on a malformed event file; the tags and labels then fall back to the environment alone.
 */
export async function loadGitContext(
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env
): Promise<GitContext> {
  try {
    // Only the context is read here: undici (a lazy chunk, src/lazy/undici.cjs) is not needed for it, and
    // is loaded by whoever makes Octokit requests, with preload().
    const { Context } = await import('../lazy/github-context.js')
    return fromActionsContext(new Context(), env)
  } catch (error) {
    warn(`could not read the event payload (${messageOf(error)})`)
    return fromActionsContext(
      {
        eventName: env.GITHUB_EVENT_NAME,
        ref: env.GITHUB_REF,
        sha: env.GITHUB_SHA,
        serverUrl: env.GITHUB_SERVER_URL,
        get repo() {
          const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
          if (!owner || !repo) throw new Error('no GITHUB_REPOSITORY')
          return { owner, repo }
        }
      },
      env
    )
  }
}

/**
 * Makes `s` a docker tag: characters outside [A-Za-z0-9_.-] become `-`, any leading `.`/`-` characters are
 * dropped, and the result is cut to 128 characters. May return '' (e.g. for `---` or `/`); callers skip it.
 */
export function sanitizeTag(s: string): string {
  return s
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, TAG_MAX)
}

const NUM = '0|[1-9][0-9]*'
const PRE_ID = `${NUM}|[0-9]*[A-Za-z-][0-9A-Za-z-]*`
const SEMVER = new RegExp(
  `^v?(${NUM})\\.(${NUM})\\.(${NUM})` +
    `(?:-((?:${PRE_ID})(?:\\.(?:${PRE_ID}))*))?` +
    `(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`
)

/**
 * Strict semver 2.0.0 with an optional leading lowercase `v`: three numbers without leading zeros, an
 * optional prerelease and build metadata. Numbers beyond Number.MAX_SAFE_INTEGER are rejected.
 */
export function parseSemver(tag: string): Semver | undefined {
  const m = SEMVER.exec(tag)
  if (!m) return undefined
  const [major, minor, patch] = [m[1], m[2], m[3]].map(Number)
  if (![major, minor, patch].every(Number.isSafeInteger)) return undefined
  const result: Semver = { major, minor, patch }
  if (m[4] !== undefined) result.prerelease = m[4]
  if (m[5] !== undefined) result.build = m[5]
  return result
}

/** The automatic tags for a build whose `tags` input is empty. Deduped; every element is a valid tag. */
export function autoTags(ctx: GitContext): string[] {
  return derive(ctx).tags
}

/**
 * OCI labels for every build. `tags` is the final tag list and is only consulted when `explicitTags` is
 * true (its first non-`latest` entry is the version); otherwise the version is the most specific
 * automatic tag. Outside Actions only `created` (from `now`) is set: there is no source or revision to tell.
 * `created` is the pushed commit's time (`head_commit.timestamp`) in UTC, so rebuilding a commit gives the
 * same label; events without it (pull requests, schedule, workflow_dispatch, release, …) use `now`.
 */
export function ociLabels(
  ctx: GitContext,
  tags: string[],
  explicitTags: boolean,
  now: Date
): Record<string, string> {
  const labels: Record<string, string> = {}
  if (ctx.actions) {
    if (ctx.repository) labels[LABEL_SOURCE] = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`
    const sha = buildSha(ctx)
    if (sha) labels[LABEL_REVISION] = sha
  }
  labels[LABEL_CREATED] = commitTime(ctx) ?? rfc3339(now)
  if (ctx.actions) {
    const version = explicitTags
      ? tags.map(t => t.trim()).find(t => t !== '' && t !== LATEST)
      : derive(ctx).version
    if (version) labels[LABEL_VERSION] = version
  }
  return labels
}

/**
 * `KEY=VALUE` lines for `--label`: the automatic labels in their order, with a user value replacing the
 * automatic one in place, then the user's other labels in input order. Blank lines are skipped; the key is
 * trimmed, the value kept as given; a line without `=` is a key with an empty value; a repeated user key
 * keeps its first position and its last value.
 */
export function mergeLabels(auto: Record<string, string>, user: string[]): string[] {
  const merged = new Map<string, string>(Object.entries(auto))
  for (const line of user) {
    if (line.trim() === '') continue
    const eq = line.indexOf('=')
    const key = (eq < 0 ? line : line.slice(0, eq)).trim()
    if (key === '') continue
    merged.set(key, eq < 0 ? '' : line.slice(eq + 1))
  }
  return [...merged].map(([k, v]) => `${k}=${v}`)
}

// ---------------------------------------------------------------------------------------------------

interface Derived {
  tags: string[]
  /** The most specific tag, never `latest`; undefined when there is none (e.g. only a sha tag). */
  version?: string
}

function derive(ctx: GitContext): Derived {
  if (!ctx.actions) return { tags: [LATEST] }
  const sha = buildSha(ctx)
  const shaTag = sha ? sanitizeTag(`sha-${sha.slice(0, 7)}`) : ''
  let named: string[] = []
  let version: string | undefined

  if (isPullRequest(ctx)) {
    // A PR build never gets `latest` or a branch tag, even when the PR number is unknown
    // (pull_request_target's ref is the base branch).
    const n = prNumber(ctx)
    if (n !== undefined) named = [(version = `pr-${n}`)]
  } else if (ctx.ref.startsWith('refs/tags/')) {
    const name = ctx.ref.slice('refs/tags/'.length)
    const v = parseSemver(name)
    if (v) {
      // `+build` metadata stays in the full version, sanitized to `-build`; it does not make a prerelease.
      // 0.x versions are treated like any other (0.3.1, 0.3, 0, latest).
      let full = `${v.major}.${v.minor}.${v.patch}`
      if (v.prerelease !== undefined) full += `-${v.prerelease}`
      if (v.build !== undefined) full += `+${v.build}`
      version = sanitizeTag(full)
      named =
        v.prerelease === undefined ? [version, `${v.major}.${v.minor}`, `${v.major}`, LATEST] : [version]
    } else {
      version = sanitizeTag(name)
      named = [version]
    }
  } else if (ctx.ref.startsWith('refs/heads/')) {
    const branch = ctx.ref.slice('refs/heads/'.length)
    version = sanitizeTag(branch)
    const defaultBranch = ctx.payload?.repository?.default_branch
    const isDefault = typeof defaultBranch === 'string' && defaultBranch !== '' && defaultBranch === branch
    named = isDefault ? [LATEST, version] : [version]
  }

  const tags = dedupe([...named, shaTag].filter(isValidTag))
  if (!version || version === LATEST || !isValidTag(version)) version = undefined
  return { tags: tags.length > 0 ? tags : [LATEST], version }
}

function isPullRequest(ctx: GitContext): boolean {
  return PR_EVENTS.has(ctx.eventName) || /^refs\/pull\/[0-9]+\//.test(ctx.ref)
}

/** The payload's `pull_request.number` (or top-level `number`), else N from `refs/pull/N/…`. */
function prNumber(ctx: GitContext): number | undefined {
  for (const n of [ctx.payload?.pull_request?.number, ctx.payload?.number]) {
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n
  }
  const m = /^refs\/pull\/([0-9]+)\//.exec(ctx.ref)
  return m ? Number(m[1]) : undefined
}

/** The commit the image is built from: the context's sha (see the header for pull requests). */
function buildSha(ctx: GitContext): string {
  return ctx.sha
}

const TIMESTAMP =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/

/** `head_commit.timestamp` in UTC, when it is present, well-formed and about the commit being built. */
function commitTime(ctx: GitContext): string | undefined {
  if (!ctx.actions) return undefined
  const head = ctx.payload?.head_commit
  if (!isObject(head) || typeof head.timestamp !== 'string') return undefined
  if (typeof head.id === 'string' && head.id !== '' && head.id !== buildSha(ctx)) return undefined
  if (!TIMESTAMP.test(head.timestamp)) return undefined
  const ms = Date.parse(head.timestamp)
  return Number.isNaN(ms) ? undefined : rfc3339(new Date(ms))
}

/** `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds). */
function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.[0-9]{3}Z$/, 'Z')
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)]
}
