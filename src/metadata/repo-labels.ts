// What the GitHub API tells that the event does not, read as docker/metadata-action reads it, through
// @actions/github's Octokit at GITHUB_API_URL (GitHub Enterprise too): the repository's title,
// description, url and licenses labels and its default branch, and a commit's date for {{commit_date}}.
// The other OCI labels (source, revision, version, created) come from the git context (context.ts).
import type { GitContext } from './context.js'
import { isBranchName } from './event.js'
import type { Reporter } from '../log/reporter.js'
import { ClassifiedError, retry } from '../core/retry.js'
import { messageOf, oneLine } from '../core/text.js'
import { runCancelled } from '../docker/cancel.js'

export const LABEL_TITLE = 'org.opencontainers.image.title'
export const LABEL_DESCRIPTION = 'org.opencontainers.image.description'
export const LABEL_URL = 'org.opencontainers.image.url'
export const LABEL_LICENSES = 'org.opencontainers.image.licenses'

/** The fields of `GET /repos/{owner}/{repo}` this module reads. */
export interface RepoMetadata {
  name?: string | null
  description?: string | null
  html_url?: string | null
  license?: { spdx_id?: string | null } | null
  default_branch?: string | null
}

/** What the repository API gave: its labels, and its default branch when it named a plausible one. */
export interface RepositoryFacts {
  labels: Record<string, string>
  defaultBranch?: string
}

export function repositoryFacts(repo: RepoMetadata): RepositoryFacts {
  const facts: RepositoryFacts = { labels: repositoryLabels(repo) }
  if (isBranchName(repo.default_branch)) facts.defaultBranch = repo.default_branch
  return facts
}

/**
 * The labels a repository's metadata gives. Empty fields give no label (an empty label would only hide
 * one from the base image); nor does GitHub's `NOASSERTION`, its word for a license it could not identify.
 */
export function repositoryLabels(repo: RepoMetadata): Record<string, string> {
  const labels: Record<string, string> = {}
  // One label is one line of the `labels` and `annotations` outputs: a description written over several
  // lines becomes one, its line breaks spaces.
  const set = (key: string, value: unknown): void => {
    if (typeof value !== 'string') return
    // One match per whitespace run (`\s*[\n…]+\s*` retried every start inside a long run: quadratic).
    const line = value.replace(/\s+/g, run => (/[\r\n\u2028\u2029\v\f]/.test(run) ? ' ' : run)).trim()
    if (line !== '') labels[key] = line
  }
  set(LABEL_TITLE, repo.name)
  set(LABEL_DESCRIPTION, repo.description)
  set(LABEL_URL, repo.html_url)
  const spdx = repo.license?.spdx_id
  if (spdx !== 'NOASSERTION') set(LABEL_LICENSES, spdx)
  return labels
}

/** Per-request deadline: an API that does not answer must not hold the build for long. */
export const API_TIMEOUT_MS = 10_000

export interface RepositoryOptions {
  /** The `github-token` input; '' reads nothing. */
  token: string
  /** Total attempts, as the `retries` input says. */
  attempts: number
  reporter: Reporter
  env?: NodeJS.ProcessEnv
  sleep?: (ms: number) => Promise<void>
  timeoutMs?: number
}

/**
 * The repository's labels and default branch for this run, or none: only in Actions, with a repository and
 * a token. An API that does not answer after the retries, or refuses, costs one warning and no labels; the
 * build goes on.
 */
export async function loadRepository(ctx: GitContext, opts: RepositoryOptions): Promise<RepositoryFacts> {
  if (!ctx.actions || !ctx.repository || !opts.token) return { labels: {} }
  // Masked before anything can print it (the runner masks github.token itself, not every PAT).
  opts.reporter.setSecret(opts.token)
  const [owner, repo] = ctx.repository.split('/')
  try {
    return repositoryFacts(
      await ask(opts, (octokit, request) => octokit.rest.repos.get({ owner, repo, request }))
    )
  } catch (error) {
    // A cancelled run is not a missing label: it ends as cancelled.
    if (runCancelled.aborted) throw error
    opts.reporter.warning(
      `could not read the repository's metadata from the GitHub API (${oneLine(messageOf(error), 300)}); the title, description, url and licenses labels are left out`
    )
    return { labels: {} }
  }
}

/**
 * The commit's date (its committer's, as metadata-action reads it) from `GET /repos/{owner}/{repo}/commits/{sha}`,
 * for {{commit_date}} when the event carries none; undefined, after one warning, when the API cannot say.
 */
export async function loadCommitDate(
  ctx: GitContext,
  sha: string,
  opts: RepositoryOptions
): Promise<Date | undefined> {
  if (!ctx.actions || !ctx.repository || !opts.token || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
    return undefined
  opts.reporter.setSecret(opts.token)
  const [owner, repo] = ctx.repository.split('/')
  try {
    const data = await ask(opts, (octokit, request) =>
      octokit.rest.repos.getCommit({ owner, repo, ref: sha, request })
    )
    const date: unknown = (data as { commit?: { committer?: { date?: unknown } } })?.commit?.committer?.date
    const ms = typeof date === 'string' && COMMIT_DATE.test(date) ? Date.parse(date) : NaN
    if (Number.isNaN(ms)) throw new Error('the answer names no committer date')
    return new Date(ms)
  } catch (error) {
    opts.reporter.warning(
      `could not read the commit's date from the GitHub API (${oneLine(messageOf(error), 300)}); {{commit_date}} is the run's time`
    )
    return undefined
  }
}

const COMMIT_DATE =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/

type Octokit = ReturnType<(typeof import('@actions/github'))['getOctokit']>

/** One API request through Octokit with a deadline per attempt, retried while the failure is transient. */
async function ask<T>(
  opts: RepositoryOptions,
  request: (octokit: Octokit, options: { signal: AbortSignal }) => Promise<{ data: T }>
): Promise<T> {
  const env = opts.env ?? process.env
  // Octokit's fetch is undici's, which is a lazy chunk: it must be loaded before the first request.
  await (await import('../lazy/undici.cjs')).preload()
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(opts.token, {
    baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  })
  const timeoutMs = opts.timeoutMs ?? API_TIMEOUT_MS
  return retry(
    async () => {
      // A controller and a timer of our own, not AbortSignal.any([AbortSignal.timeout(…)]): node may collect
      // a timeout signal that only a composite refers to before it fires (nodejs/node#57736), and the request
      // then waits forever.
      const controller = new AbortController()
      const timer = setTimeout(
        () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
        timeoutMs
      )
      const cancel = (): void => controller.abort(runCancelled.reason)
      if (runCancelled.aborted) cancel()
      else runCancelled.addEventListener('abort', cancel, { once: true })
      try {
        return (await request(octokit, { signal: controller.signal })).data
      } catch (error) {
        throw classified(error, timeoutMs)
      } finally {
        clearTimeout(timer)
        runCancelled.removeEventListener('abort', cancel)
      }
    },
    {
      attempts: opts.attempts,
      sleep: opts.sleep,
      // Retries are told in the debug log only: the user hears once, when the answer is given up on.
      onRetry: info =>
        opts.reporter.debug(`GitHub API: attempt ${info.attempt} failed: ${messageOf(info.error)}`)
    }
  )
}

/**
 * Octokit's RequestError as our retry understands it: no answer, a timeout, 429 and 5xx are transient;
 * any other status (401, 403, 404) is the answer and is not asked again.
 */
export function classified(error: unknown, timeoutMs = API_TIMEOUT_MS): ClassifiedError {
  const status = (error as { status?: unknown })?.status
  const cause = (error as { cause?: unknown })?.cause
  // Octokit gives every failure without an answer (a timeout, DNS, a refused connection) status 500; only
  // one with a `response` heard the server say it.
  const answered =
    typeof status === 'number' &&
    (status !== 500 || (error as { response?: unknown })?.response !== undefined)
  if (!answered) {
    if (isTimeout(error) || isTimeout(cause))
      return new ClassifiedError(`no answer within ${timeoutMs / 1000} s (timed out)`, 'transient')
    return new ClassifiedError(`no answer: ${networkReason(error)}`, 'transient')
  }
  const message = messageOf(error)
  if (status > 0 && status < 500 && status !== 429)
    return new ClassifiedError(`HTTP ${status}: ${message}`, 'fatal')
  return new ClassifiedError(`HTTP ${status}: ${message}`, 'transient')
}

/** Errors by shape, not `instanceof`: undici's come from another realm in some hosts. */
interface ErrorLike {
  name?: unknown
  message?: unknown
  code?: unknown
  cause?: unknown
}
const asError = (e: unknown): ErrorLike | undefined =>
  typeof e === 'object' && e !== null ? (e as ErrorLike) : undefined

const isTimeout = (error: unknown): boolean => {
  const e = asError(error)
  return e?.name === 'TimeoutError' || /aborted due to timeout/i.test(String(e?.message ?? ''))
}

/** The deepest reason node gives for a failed fetch: `getaddrinfo ENOTFOUND api.example`, `connect ECONNREFUSED …`. */
function networkReason(error: unknown): string {
  let reason = messageOf(error)
  let e = asError(error)
  for (let depth = 0; e && depth < 5; depth++, e = asError(e.cause)) {
    const message = typeof e.message === 'string' ? e.message : ''
    if (typeof e.code === 'string' && /^E[A-Z_]+$/.test(e.code)) return oneLine(message || e.code, 200)
    if (message && message !== 'Unknown Error') reason = message
  }
  return oneLine(reason, 200)
}
