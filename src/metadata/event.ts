// What the tags and labels need to know about the run's event, read from the payload in one place: whether
// it is a pull request and its number, the repository's default branch, the commit the build contains and
// that commit's date. Pure.

/** The parts of the run's context read here (context.ts's GitContext has them). */
export interface Event {
  eventName: string
  ref: string
  sha: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>
}

const PULL_REF = /^refs\/pull\/([0-9]+)\//

/** A pull request event of any kind (`pull_request`, `pull_request_target`, `…_review`), or a PR's ref. */
export const isPullRequest = (ev: Pick<Event, 'eventName' | 'ref'>): boolean =>
  /pull_request/.test(ev.eventName) || PULL_REF.test(ev.ref)

/** The payload's `pull_request.number` (or top-level `number`), else N from `refs/pull/N/…`. */
export function prNumber(ev: Pick<Event, 'ref' | 'payload'>): number | undefined {
  for (const n of [ev.payload?.pull_request?.number, ev.payload?.number])
    if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n
  const m = PULL_REF.exec(ev.ref)
  return m ? Number(m[1]) : undefined
}

/**
 * The ref the rules read: a pull request's own `refs/pull/N/merge` for pull_request_target (whose
 * GITHUB_REF is the base branch), as metadata-action rewrites it; '' when its number is unknown, so that a
 * pull request is never tagged as its base branch.
 */
export function eventRef(ev: Pick<Event, 'eventName' | 'ref' | 'payload'>): string {
  if (!/pull_request_target/.test(ev.eventName)) return ev.ref
  const n = prNumber(ev)
  return n === undefined ? '' : `refs/pull/${n}/merge`
}

/** A branch name as git allows it, short enough to be one: neither the payload nor the API is trusted blindly. */
const BRANCH = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{)[^\s\p{Cc}~^:?*[\\]{1,255}$/u

export const isBranchName = (value: unknown): value is string =>
  typeof value === 'string' && BRANCH.test(value)

/** A commit id: SHA-1, or SHA-256 for repositories in that format. */
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** The repository's default branch as the payload names it; '' when it does not (schedule events). */
export function payloadDefaultBranch(ev: Pick<Event, 'payload'>): string {
  const branch = ev.payload?.repository?.default_branch
  return isBranchName(branch) ? branch : ''
}

/**
 * The commit the tags and the revision label name: GITHUB_SHA (on pull_request the merge commit, on
 * pull_request_target the base branch's last commit), unless DOCKER_METADATA_PR_HEAD_SHA asks for the head.
 */
export function buildSha(
  ev: Pick<Event, 'eventName' | 'ref' | 'sha' | 'payload'>,
  prHeadSha: boolean
): string {
  // A head that is no commit id (it becomes a tag and the revision label) is taken as absent.
  const head = ev.payload?.pull_request?.head?.sha
  if (prHeadSha && isPullRequest(ev) && typeof head === 'string' && COMMIT.test(head)) return head
  return ev.sha
}

const TIMESTAMP =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$/

/**
 * The built commit's own timestamp in the payload: its entry in a push's `commits`, else `head_commit`
 * when that is the commit (or names none). Undefined for events that carry no commit (pull requests,
 * schedule, workflow_dispatch, release) and for a timestamp that is not RFC 3339.
 */
export function eventCommitDate(ev: Pick<Event, 'payload'>, sha: string): Date | undefined {
  const commits: unknown = ev.payload?.commits
  const listed = Array.isArray(commits)
    ? commits.find(c => c?.id === sha && typeof c?.timestamp === 'string')?.timestamp
    : undefined
  const head = ev.payload?.head_commit
  const headStamp =
    typeof head?.timestamp === 'string' && (head.id === undefined || head.id === '' || head.id === sha)
      ? head.timestamp
      : undefined
  const stamp: unknown = listed ?? headStamp
  if (typeof stamp !== 'string' || !TIMESTAMP.test(stamp)) return undefined
  const ms = Date.parse(stamp)
  return Number.isNaN(ms) ? undefined : new Date(ms)
}
