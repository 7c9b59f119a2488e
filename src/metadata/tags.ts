// What metadata-action's tag rules yield for one event: the version (main tag), the other tags, and
// whether `latest` goes with them. Pure: the event, the clock and the environment's settings come in.
import type { GitContext } from './context.js'
import { isPep440Special, normalizePep440, parsePep440, releasePart } from './rules/pep440.js'
import { isValidTag, tagProblem } from '../core/reference.js'
import { byPriority, DEFAULT_FLAVOR, RuleError, type Flavor, type TagRule } from './rules/parse.js'
import { render, type Template, type Values } from './rules/template.js'

/** The run as the rules see it. */
export interface TagEvent {
  eventName: string
  /** pull_request_target's ref is already `refs/pull/N/merge`, as metadata-action rewrites it. */
  ref: string
  /** GITHUB_SHA, or the PR head with DOCKER_METADATA_PR_HEAD_SHA=true. */
  sha: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>
  /** The repository's default branch ('' when unknown). */
  defaultBranch: string
  /** The built commit's date, for {{commit_date}}. */
  commitDate: Date
  /** The run's time, for {{date}}. */
  now: Date
  shortShaLength: number
}

export interface MetadataSettings {
  /** DOCKER_METADATA_PR_HEAD_SHA: tag and label pull requests with the head commit, not the merge commit. */
  prHeadSha: boolean
  /** DOCKER_METADATA_SHORT_SHA_LENGTH: the length of {{sha}} and of type=sha's short form. */
  shortShaLength: number
}

export const DEFAULT_SHORT_SHA_LENGTH = 7

export interface Version {
  /** The first tag made: the `version` output and label. */
  main?: string
  /** The other tags, in rule order, without duplicates. */
  partial: string[]
  latest: boolean
}

export interface RulesOutcome {
  version: Version
  /** main, partial, then `latest` (with flavor's prefix/suffix when onlatest). */
  tags: string[]
  /** metadata-action's warnings: a tag that is no semver, a pattern that does not match. */
  warnings: string[]
}

const isPr = (eventName: string): boolean => /pull_request/.test(eventName)

/** The commit the tags and the revision label name: GITHUB_SHA (the merge commit on PRs) unless asked. */
export function buildSha(ctx: Pick<GitContext, 'eventName' | 'sha' | 'payload'>, prHeadSha: boolean): string {
  const head = ctx.payload?.pull_request?.head?.sha
  if (prHeadSha && isPr(ctx.eventName) && typeof head === 'string' && head !== '') return head
  return ctx.sha
}

/** The pushed commit's own timestamp in the payload, else the run's time. */
function commitDate(payload: TagEvent['payload'], sha: string, now: Date): Date {
  const commits: unknown = payload?.commits
  const fromList = Array.isArray(commits)
    ? commits.find(c => c?.id === sha && typeof c?.timestamp === 'string')?.timestamp
    : undefined
  const head = payload?.head_commit
  const stamp =
    fromList ?? (head?.id === sha && typeof head?.timestamp === 'string' ? head.timestamp : undefined)
  const ms = stamp ? Date.parse(stamp) : NaN
  return Number.isNaN(ms) ? now : new Date(ms)
}

export function tagEvent(
  ctx: GitContext,
  settings: MetadataSettings,
  now: Date,
  over: { defaultBranch?: string; commitDate?: Date } = {}
): TagEvent {
  const sha = buildSha(ctx, settings.prHeadSha)
  const prNumber = ctx.payload?.number
  const ref =
    /pull_request_target/.test(ctx.eventName) && prNumber !== undefined
      ? `refs/pull/${prNumber}/merge`
      : ctx.ref
  const fromPayload = ctx.payload?.repository?.default_branch
  return {
    eventName: ctx.eventName,
    ref,
    sha,
    payload: ctx.payload ?? {},
    defaultBranch: over.defaultBranch ?? (typeof fromPayload === 'string' ? fromPayload : ''),
    commitDate: over.commitDate ?? commitDate(ctx.payload, sha, now),
    now,
    shortShaLength: settings.shortShaLength
  }
}

const HEADS = /^refs\/heads\//
const TAGS = /^refs\/tags\//
const PULL = /^refs\/pull\//

export const shortSha = (sha: string, length: number): string =>
  length >= sha.length ? sha : sha.slice(0, length)

/** The names every `{{…}}` outside a version pattern can use. */
export function globalValues(ev: TagEvent): Values {
  const ref = ev.ref
  const branchOf = ref.replace(HEADS, '')
  let baseRef = ''
  if (TAGS.test(ref) && typeof ev.payload.base_ref === 'string')
    baseRef = ev.payload.base_ref.replace(HEADS, '')
  else if (PULL.test(ref) && typeof ev.payload.pull_request?.base?.ref === 'string')
    baseRef = ev.payload.pull_request.base.ref
  // metadata-action's rule, quirks included: events that always run on the default branch say true.
  const isDefault =
    branchOf !== '' &&
    (ev.payload.repository?.default_branch === branchOf ||
      /create|discussion|issues|schedule/.test(ev.eventName))
  return {
    branch: HEADS.test(ref) ? ref.replace(HEADS, '') : '',
    tag: TAGS.test(ref) ? ref.replace(TAGS, '') : '',
    sha: shortSha(ev.sha, ev.shortShaLength),
    base_ref: baseRef,
    is_default_branch: String(isDefault),
    date: ev.now,
    commit_date: ev.commitDate
  }
}

/** metadata-action's sanitizing: every run of characters a tag cannot hold becomes one `-`. */
export const sanitize = (tag: string): string => tag.replace(/[^a-zA-Z0-9._-]+/g, '-')

interface Made {
  value: string
  /** What `latest=auto` makes of this rule's tag. */
  autoLatest: boolean
}

/** The tag text a rule makes for this event before prefix/suffix, or undefined when it makes none. */
function make(rule: TagRule, ev: TagEvent, g: Values, warn: (m: string) => void): Made | undefined {
  const tagName = TAGS.test(ev.ref) ? ev.ref.replace(TAGS, '') : undefined
  const given = rule.value ? render(rule.value, g) : ''
  switch (rule.type) {
    case 'schedule':
      if (!/schedule/.test(ev.eventName)) return undefined
      return { value: render(rule.pattern!, { date: ev.now, commit_date: ev.commitDate }), autoLatest: false }
    case 'semver':
    case 'pep440': {
      if (tagName === undefined && given === '') return undefined
      const raw = given !== '' ? given : tagName!.replace(/\//g, '-')
      return rule.type === 'semver' ? semver(rule, raw, warn) : pep440(rule, raw, warn)
    }
    case 'match': {
      if (tagName === undefined && given === '') return undefined
      const raw = given !== '' ? given : tagName!
      const m = raw.match(rule.match!.regex)
      if (!m) {
        warn(`${rule.match!.pattern} does not match ${raw}.`)
        return undefined
      }
      if (m[rule.match!.group] === undefined) {
        warn(`Group ${rule.match!.group} does not exist for ${rule.match!.pattern} pattern.`)
        return undefined
      }
      return { value: m[rule.match!.group], autoLatest: true }
    }
    case 'edge': {
      if (!HEADS.test(ev.ref)) return undefined
      const branch = rule.branch || ev.defaultBranch
      return branch === ev.ref.replace(HEADS, '') ? { value: 'edge', autoLatest: false } : undefined
    }
    case 'ref':
      if (rule.event === 'branch')
        return HEADS.test(ev.ref) ? { value: ev.ref.replace(HEADS, ''), autoLatest: false } : undefined
      if (rule.event === 'tag')
        return tagName !== undefined ? { value: tagName, autoLatest: true } : undefined
      return PULL.test(ev.ref)
        ? { value: ev.ref.replace(PULL, '').replace(/\/merge$/, ''), autoLatest: false }
        : undefined
    case 'raw':
      return { value: given, autoLatest: false }
    case 'sha':
      if (!ev.sha) return undefined
      return {
        value: rule.format === 'long' ? ev.sha : shortSha(ev.sha, ev.shortShaLength),
        autoLatest: false
      }
  }
}

// semver.org's grammar, as the semver package's valid() reads it: an optional `v`, surrounding blanks.
const NUM = '0|[1-9][0-9]*'
const PRE_ID = `(?:${NUM}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`
const SEMVER = new RegExp(
  `^\\s*v?(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?\\s*$`
)

/** A pattern that is exactly `{{raw}}` keeps the raw version for pre-releases too. */
const isRawPattern = (t: Template): boolean =>
  t.parts.length === 1 && typeof t.parts[0] !== 'string' && t.parts[0].name === 'raw'

function semver(rule: TagRule, raw: string, warn: (m: string) => void): Made | undefined {
  const m = SEMVER.exec(raw)
  if (!m || ![m[1], m[2], m[3]].every(n => Number.isSafeInteger(Number(n)))) {
    warn(`${raw} is not a valid semver. More info: https://semver.org/`)
    return undefined
  }
  const [major, minor, patch, pre] = [m[1], m[2], m[3], m[4]]
  const version = `${major}.${minor}.${patch}${pre !== undefined ? `-${pre}` : ''}`
  const values = { raw: raw.trim(), version, major, minor, patch }
  // Pre-releases get their full version only: {{major}} would move a stable tag to a prerelease.
  if (pre !== undefined && !isRawPattern(rule.pattern!)) return { value: version, autoLatest: false }
  return { value: render(rule.pattern!, values), autoLatest: pre === undefined }
}

function pep440(rule: TagRule, raw: string, warn: (m: string) => void): Made | undefined {
  const v = parsePep440(raw)
  if (!v) {
    warn(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`)
    return undefined
  }
  if (isPep440Special(v))
    return { value: isRawPattern(rule.pattern!) ? raw : normalizePep440(v), autoLatest: false }
  const values = {
    raw,
    version: normalizePep440(v),
    major: String(releasePart(v, 0)),
    minor: String(releasePart(v, 1)),
    patch: String(releasePart(v, 2))
  }
  return { value: render(rule.pattern!, values), autoLatest: true }
}

/** The rules' tags for this event, metadata-action's way. Throws RuleError for a bad enable or tag. */
export function applyRules(rules: TagRule[], flavor: Flavor = DEFAULT_FLAVOR, ev: TagEvent): RulesOutcome {
  const g = globalValues(ev)
  const warnings: string[] = []
  const version: Version = { partial: [], latest: false }
  let latest: boolean | undefined
  const affix = (rule: TagRule, value: string): string => {
    const prefix = rule.prefix ? render(rule.prefix, g) : render(flavor.prefix, g)
    const suffix = rule.suffix ? render(rule.suffix, g) : render(flavor.suffix, g)
    return `${prefix}${value}${suffix}`
  }
  for (const rule of byPriority(rules)) {
    const enabled = render(rule.enable, g)
    if (enabled !== 'true' && enabled !== 'false')
      throw new RuleError(
        `rule ${JSON.stringify(rule.source)}: enable gave ${JSON.stringify(enabled)}, not true or false`
      )
    if (enabled === 'false') continue
    const made = make(rule, ev, g, m => warnings.push(m))
    if (made === undefined) continue
    const value = affix(rule, made.value)
    if (value === '') continue
    const tag = sanitize(value)
    const problem = tagProblem(tag)
    if (problem)
      throw new RuleError(`rule ${JSON.stringify(rule.source)} made ${JSON.stringify(tag)}: ${problem}`)
    if (version.main === undefined) version.main = tag
    else if (tag !== version.main && !version.partial.includes(tag)) version.partial.push(tag)
    // The first rule that makes a tag decides `latest`, as in metadata-action.
    latest ??= flavor.latest === 'auto' ? made.autoLatest : flavor.latest === 'true'
  }
  version.latest = latest ?? false
  if (version.main === undefined) return { version, tags: [], warnings }
  const tags = [version.main, ...version.partial]
  if (version.latest) {
    const p = flavor.prefixLatest ? render(flavor.prefix, g) : ''
    const s = flavor.suffixLatest ? render(flavor.suffix, g) : ''
    const latestTag = sanitize(`${p}latest${s}`)
    if (isValidTag(latestTag) && !tags.includes(latestTag)) tags.push(latestTag)
  }
  return { version, tags, warnings }
}
