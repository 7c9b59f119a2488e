// What metadata-action's tag rules yield for one event: the version (main tag), the other tags, and
// whether `latest` goes with them. Pure: the event, the clock and the environment's settings come in. The
// automatic tags for an empty `tags` input are rules of this engine too (metadata/automatic.ts).
// The functions alone: the package's index loads every module of it (ranges too), which the run pays for.
import parseSemver from 'semver/functions/parse.js'
import validSemver from 'semver/functions/valid.js'
import type { GitContext } from './context.js'
import { isPep440Special, normalizePep440, parsePep440, releasePart } from './rules/pep440.js'
import { isValidTag, tagProblem } from '../core/reference.js'
import { byPriority, DEFAULT_FLAVOR, type Flavor, type TagRule } from './rules/parse.js'
import { InputProblem } from '../core/problem.js'
import { render, type Template, type Values } from './rules/template.js'
import type { MetadataSettings } from './env.js'
import { buildSha, eventCommitDate, eventRef, payloadDefaultBranch } from './event.js'

/** The run as the rules see it. */
export interface TagEvent {
  eventName: string
  /** pull_request_target's ref is already `refs/pull/N/merge`, as metadata-action rewrites it. */
  ref: string
  /** GITHUB_SHA, or the PR head with DOCKER_METADATA_PR_HEAD_SHA=true. */
  sha: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  payload: Record<string, any>
  /** The repository's default branch: the payload's, else the API's ('' when unknown). */
  defaultBranch: string
  /** The built commit's date, for {{commit_date}}: the event's, else the API's, else the run's time. */
  commitDate: Date
  /** The run's time, for {{date}}. */
  now: Date
  shortShaLength: number
}

export interface Version {
  /** The first tag made: the `version` output and label. */
  main?: string
  /** The other tags, in rule order, without duplicates. */
  partial: string[]
  latest: boolean
}

/** A tag and the rule that made it, in the order made (duplicates included). */
export interface MadeTag {
  tag: string
  rule: TagRule
}

export interface RulesOutcome {
  version: Version
  /** main, partial, then `latest` (with flavor's prefix/suffix when onlatest). */
  tags: string[]
  made: MadeTag[]
  /** metadata-action's warnings: a tag that is no semver, a pattern that does not match. */
  warnings: string[]
}

/** Facts from the repository API, for what the event does not carry. */
export interface EventFacts {
  defaultBranch?: string
  commitDate?: Date
}

export function tagEvent(
  ctx: GitContext,
  settings: MetadataSettings,
  now: Date,
  facts: EventFacts = {}
): TagEvent {
  const sha = buildSha(ctx, settings.prHeadSha)
  return {
    eventName: ctx.eventName,
    ref: eventRef(ctx),
    sha,
    payload: ctx.payload ?? {},
    defaultBranch: payloadDefaultBranch(ctx) || (facts.defaultBranch ?? ''),
    commitDate: eventCommitDate(ctx, sha) ?? facts.commitDate ?? now,
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
    (payloadDefaultBranch(ev) === branchOf || /create|discussion|issues|schedule/.test(ev.eventName))
  return {
    branch: HEADS.test(ref) ? ref.replace(HEADS, '') : '',
    tag: TAGS.test(ref) ? ref.replace(TAGS, '') : '',
    sha: shortSha(ev.sha, ev.shortShaLength),
    base_ref: baseRef,
    is_default_branch: String(isDefault),
    is_not_default_branch: String(!isDefault),
    date: ev.now,
    commit_date: ev.commitDate
  }
}

/** metadata-action's sanitizing: every run of characters a tag cannot hold becomes one `-`. */
export const sanitize = (tag: string): string => tag.replace(/[^a-zA-Z0-9._-]+/g, '-')

const TAG_MAX = 128

/**
 * A sanitized text made into a tag where docker would refuse it: leading `.` and `-` dropped, cut to 128
 * characters. '' when nothing is left. For the automatic set, which must never fail a build over a
 * branch's name; rules the user wrote fail instead, naming the rule.
 */
export const fitTag = (tag: string): string => tag.replace(/^[.-]+/, '').slice(0, TAG_MAX)

interface Made {
  value: string
  /** What `latest=auto` makes of this rule's tag. */
  autoLatest: boolean
}

/** The tag text a rule makes for this event before prefix/suffix, or undefined when it makes none. */
function make(rule: TagRule, ev: TagEvent, g: Values, warn: (m: string) => void): Made | undefined {
  const tagName = TAGS.test(ev.ref) ? ev.ref.replace(TAGS, '') : undefined
  const given = rule.value ? render(rule.value, g) : ''
  // metadata-action reads `value` when the attribute is written, even if it renders empty ({{branch}} on a
  // tag push): that makes no tag, with a warning, rather than falling back to the git tag.
  const written = (rule.value?.source ?? '') !== ''
  switch (rule.type) {
    case 'schedule':
      if (!/schedule/.test(ev.eventName)) return undefined
      return { value: render(rule.pattern!, { date: ev.now, commit_date: ev.commitDate }), autoLatest: false }
    case 'semver':
    case 'pep440': {
      if (tagName === undefined && !written) return undefined
      let raw = written ? given : tagName!
      if (rule.versionMatch) {
        // metadata-action's `match`: the first group of the expression is the version; without a match
        // the whole value is read, with a warning.
        const m = raw.match(rule.versionMatch.regex)
        if (!m) warn(`${rule.versionMatch.pattern} does not match ${raw}.`)
        else raw = m[1] ?? ''
      }
      raw = raw.replace(/\//g, '-')
      return rule.type === 'semver' ? semver(rule, raw, warn) : pep440(rule, raw, warn)
    }
    case 'match': {
      if (tagName === undefined && !written) return undefined
      const raw = written ? given : tagName!
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

/** A pattern that is exactly `{{raw}}` keeps the raw version for pre-releases too. */
const isRawPattern = (t: Template): boolean =>
  t.parts.length === 1 && typeof t.parts[0] !== 'string' && t.parts[0].name === 'raw'

/** semver.org's grammar with an optional `v`, as metadata-action validates it (the semver package's valid). */
export const isSemver = (raw: string): boolean => validSemver(raw) !== null

function semver(rule: TagRule, raw: string, warn: (m: string) => void): Made | undefined {
  const v = isSemver(raw) ? parseSemver(raw) : null
  if (!v) {
    warn(`${raw} is not a valid semver. More info: https://semver.org/`)
    return undefined
  }
  // The automatic set keeps build metadata in the full version (`1.2.3+b.5` → `1.2.3-b.5`).
  const version = rule.keepBuild && v.build.length ? `${v.version}+${v.build.join('.')}` : v.version
  const values = { raw: raw.trim(), version, major: `${v.major}`, minor: `${v.minor}`, patch: `${v.patch}` }
  // Pre-releases get their full version only: {{major}} would move a stable tag to a prerelease.
  if (v.prerelease.length && !isRawPattern(rule.pattern!)) return { value: version, autoLatest: false }
  return { value: render(rule.pattern!, values), autoLatest: v.prerelease.length === 0 }
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

export interface ApplyOptions {
  /**
   * Fit a tag docker would refuse instead of failing (see fitTag), and drop one that comes out empty: the
   * automatic set's way.
   */
  fit?: boolean
}

/** The rules' tags for this event, metadata-action's way. Throws an InputProblem for a bad enable or tag. */
export function applyRules(
  rules: TagRule[],
  flavor: Flavor = DEFAULT_FLAVOR,
  ev: TagEvent,
  options: ApplyOptions = {}
): RulesOutcome {
  const g = globalValues(ev)
  const warnings: string[] = []
  const version: Version = { partial: [], latest: false }
  const made: MadeTag[] = []
  let latest: boolean | undefined
  const affix = (rule: TagRule, value: string): string => {
    const prefix = rule.prefix ? render(rule.prefix, g) : render(flavor.prefix, g)
    const suffix = rule.suffix ? render(rule.suffix, g) : render(flavor.suffix, g)
    return `${prefix}${value}${suffix}`
  }
  for (const rule of byPriority(rules)) {
    const enabled = render(rule.enable, g)
    if (enabled !== 'true' && enabled !== 'false')
      throw new InputProblem(
        `rule ${JSON.stringify(rule.source)}: enable gave ${JSON.stringify(enabled)}, not true or false`
      )
    if (enabled === 'false' || (rule.when && !rule.when(ev))) continue
    const out = make(rule, ev, g, m => warnings.push(m))
    if (out === undefined) continue
    const value = affix(rule, out.value)
    if (value === '') continue
    const tag = options.fit ? fitTag(sanitize(value)) : sanitize(value)
    if (options.fit && tag === '') continue
    const problem = tagProblem(tag)
    if (problem)
      throw new InputProblem(`rule ${JSON.stringify(rule.source)} made ${JSON.stringify(tag)}: ${problem}`)
    made.push({ tag, rule })
    if (version.main === undefined) version.main = tag
    else if (tag !== version.main && !version.partial.includes(tag)) version.partial.push(tag)
    // The first rule that makes a tag decides `latest`, as in metadata-action.
    latest ??= flavor.latest === 'auto' ? out.autoLatest : flavor.latest === 'true'
  }
  version.latest = latest ?? false
  if (version.main === undefined) return { version, tags: [], made, warnings }
  const tags = [version.main, ...version.partial]
  if (version.latest) {
    const p = flavor.prefixLatest ? render(flavor.prefix, g) : ''
    const s = flavor.suffixLatest ? render(flavor.suffix, g) : ''
    const latestTag = sanitize(`${p}latest${s}`)
    if (isValidTag(latestTag) && !tags.includes(latestTag)) tags.push(latestTag)
  }
  return { version, tags, made, warnings }
}
