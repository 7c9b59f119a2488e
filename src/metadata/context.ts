// The run's GitHub Actions context (through @actions/github's Context, loaded only on the build path) and
// the OCI labels it gives every build. The automatic tags are rules of the tag engine (metadata/automatic.ts).

import { messageOf } from '../core/text.js'
import { eventCommitDate } from './event.js'
import { isObject } from '../core/json.js'

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
 * OCI labels for every build: source, revision (the context's sha: the caller has applied
 * DOCKER_METADATA_PR_HEAD_SHA), created and version. Outside Actions only `created` (from `now`) is set:
 * there is no source or revision to tell. `created` is the built commit's time in the event, in UTC, so
 * rebuilding a commit gives the same label; events without it (pull requests, schedule, workflow_dispatch,
 * release, …) use `now`.
 */
export function ociLabels(ctx: GitContext, version: string, now: Date): Record<string, string> {
  const labels: Record<string, string> = {}
  if (ctx.actions) {
    if (ctx.repository) labels[LABEL_SOURCE] = `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`
    if (ctx.sha) labels[LABEL_REVISION] = ctx.sha
  }
  labels[LABEL_CREATED] = rfc3339((ctx.actions && eventCommitDate(ctx, ctx.sha)) || now)
  // Whatever the version is, `latest` included, as metadata-action labels it (a `type=raw,value=latest`
  // rule first); bare tags and the automatic set give no `latest` version.
  if (ctx.actions && version) labels[LABEL_VERSION] = version
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

/** `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds). */
function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.[0-9]{3}Z$/, 'Z')
}
