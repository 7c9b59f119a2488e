// metadata-action's `type=…` tag rules and `flavor` lines, read once with the inputs: defaults filled in as
// metadata-action fills them, every expression parsed, every mistake an InputProblem naming the line. What
// a rule yields for an event is tags.ts's part.
import { csvRecords } from '../../inputs/csv.js'
import { InputProblem, reworded } from '../../core/problem.js'
import { hasExpressions, literal, parseTemplate, type Scope, type Template } from './template.js'

export const RULE_TYPES = ['schedule', 'semver', 'pep440', 'match', 'edge', 'ref', 'raw', 'sha'] as const
export type RuleType = (typeof RULE_TYPES)[number]

/** metadata-action's default priorities: the higher runs first, and the first tag made is the version. */
export const DEFAULT_PRIORITY: Record<RuleType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
}

const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix']
/** The attributes each type reads; metadata-action ignores any other, we refuse it (a typo would pass). */
const ATTRIBUTES: Record<RuleType, string[]> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format']
}

export interface TagRule {
  /** The line as written, for messages. */
  source: string
  type: RuleType
  priority: number
  enable: Template
  /** Undefined when not given: flavor's prefix/suffix apply then. */
  prefix?: Template
  suffix?: Template
  /** schedule: a template of dates; semver/pep440: a template of version parts. */
  pattern?: Template
  /** match: the regular expression and the group to take. */
  match?: { regex: RegExp; group: number; pattern: string }
  /** semver/pep440/match: the version to read instead of the git tag ('' = the tag); raw: the tag. */
  value?: Template
  /** semver/pep440: the expression whose first group is the version in the tag (`app/v(.*)`). */
  versionMatch?: { regex: RegExp; pattern: string }
  /** semver (the automatic set only): {{version}} keeps build metadata. */
  keepBuild?: boolean
  /** The automatic set only: a condition on the event no input can write. */
  when?: (ev: { ref: string; defaultBranch: string }) => boolean
  event?: 'branch' | 'tag' | 'pr'
  /** edge: '' = the default branch. */
  branch?: string
  format?: 'short' | 'long'
}

export interface Flavor {
  latest: 'auto' | 'true' | 'false'
  prefix: Template
  prefixLatest: boolean
  suffix: Template
  suffixLatest: boolean
}

export const DEFAULT_FLAVOR: Flavor = {
  latest: 'auto',
  prefix: literal(''),
  prefixLatest: false,
  suffix: literal(''),
  suffixLatest: false
}

/** `key=value` fields (key lowercased, both trimmed, split at the first `=`); a field without `=` is a value. */
function fields(record: string[]): [string, string][] {
  return record
    .filter(f => f.trim() !== '')
    .map(f => {
      const eq = f.indexOf('=')
      return eq <= 0 ? ['value', f.trim()] : [f.slice(0, eq).trim().toLowerCase(), f.slice(eq + 1).trim()]
    })
}

const template = (value: string, scope: Scope, what: string): Template =>
  reworded(
    () => parseTemplate(value, scope),
    m => `${what}: ${m}`
  )

/** `/re/flags` is a regular expression with flags, anything else the expression itself (as String.match). */
function regex(pattern: string): RegExp {
  const literalForm = /^\/(.+)\/(.*)$/.exec(pattern)
  try {
    return literalForm ? new RegExp(literalForm[1], literalForm[2]) : new RegExp(pattern)
  } catch (error) {
    throw new InputProblem(
      `pattern ${JSON.stringify(pattern)} is not a regular expression (${(error as Error).message})`
    )
  }
}

/**
 * semver's and pep440's `match`: an expression (as String.match reads a string) whose first group is the
 * version. Without a group metadata-action fails mid-run; here it is an input error.
 */
function versionMatch(pattern: string): { regex: RegExp; pattern: string } {
  let re: RegExp
  try {
    re = new RegExp(pattern)
  } catch (error) {
    throw new InputProblem(
      `match ${JSON.stringify(pattern)} is not a regular expression (${(error as Error).message})`
    )
  }
  const groups = new RegExp(`${pattern}|`).exec('')!.length - 1
  if (groups < 1)
    throw new InputProblem(
      `match ${JSON.stringify(pattern)} has no group; its first group is the version, e.g. match=app/v(.*)`
    )
  return { regex: re, pattern }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new InputProblem(`${what} ${JSON.stringify(value)} must be one of ${allowed.join(', ')}`)
  return value as T
}

/** One rule from its CSV fields (`type=…` first). */
export function parseRule(record: string[], source: string): TagRule {
  const attrs = new Map<string, string>()
  for (const [key, value] of fields(record)) attrs.set(key, value)
  const type = oneOf(attrs.get('type') ?? '', RULE_TYPES, 'type')
  const allowed = [...COMMON, ...ATTRIBUTES[type]]
  for (const key of attrs.keys())
    if (!allowed.includes(key))
      throw new InputProblem(
        `type=${type} takes no ${key} attribute (it takes ${allowed.slice(1).join(', ')})`
      )

  const priorityText = attrs.get('priority')
  const priority = priorityText === undefined ? DEFAULT_PRIORITY[type] : Number(priorityText)
  if (!Number.isFinite(priority) || priorityText?.trim() === '')
    throw new InputProblem(`priority ${JSON.stringify(priorityText)} is not a number`)
  const enableText = attrs.get('enable') ?? 'true'
  const enable = template(enableText, 'global', 'enable')
  if (!hasExpressions(enable) && enableText !== 'true' && enableText !== 'false')
    throw new InputProblem(`enable must be true or false (or an expression such as {{is_default_branch}})`)

  const rule: TagRule = { source, type, priority, enable }
  const optional = (key: string, scope: Scope): Template | undefined => {
    const v = attrs.get(key)
    return v === undefined ? undefined : template(v, scope, key)
  }
  rule.prefix = optional('prefix', 'global')
  rule.suffix = optional('suffix', 'global')
  const required = (key: string): string => {
    const v = attrs.get(key)
    if (v === undefined) throw new InputProblem(`type=${type} needs a ${key} attribute`)
    return v
  }

  switch (type) {
    case 'schedule':
      rule.pattern = template(attrs.get('pattern') ?? 'nightly', 'schedule', 'pattern')
      break
    case 'semver':
    case 'pep440':
      rule.pattern = template(required('pattern'), 'version', 'pattern')
      rule.value = template(attrs.get('value') ?? '', 'global', 'value')
      if (attrs.get('match')) rule.versionMatch = versionMatch(attrs.get('match')!)
      break
    case 'match': {
      const group = attrs.get('group') ?? '0'
      if (!/^[0-9]+$/.test(group))
        throw new InputProblem(`group ${JSON.stringify(group)} is not a group number`)
      const pattern = required('pattern')
      rule.match = { regex: regex(pattern), group: Number(group), pattern }
      rule.value = template(attrs.get('value') ?? '', 'global', 'value')
      break
    }
    case 'edge':
      rule.branch = attrs.get('branch') ?? ''
      break
    case 'ref':
      rule.event = oneOf(required('event'), ['branch', 'tag', 'pr'] as const, 'event')
      if (rule.event === 'pr' && rule.prefix === undefined) rule.prefix = literal('pr-')
      break
    case 'raw':
      rule.value = template(required('value'), 'global', 'value')
      break
    case 'sha':
      rule.format = oneOf(attrs.get('format') ?? 'short', ['short', 'long'] as const, 'format')
      if (rule.prefix === undefined) rule.prefix = literal('sha-')
      break
  }
  return rule
}

/** Rules in the order metadata-action applies them: by priority, highest first; ties keep their order. */
export const byPriority = (rules: TagRule[]): TagRule[] => [...rules].sort((a, b) => b.priority - a.priority)

/** The `flavor` input: `latest=…`, `prefix=…[,onlatest=true]`, `suffix=…[,onlatest=true]` lines. */
export function parseFlavor(lines: string[]): Flavor {
  const flavor: Flavor = { ...DEFAULT_FLAVOR }
  for (const line of lines) {
    if (line.trim().startsWith('#')) continue // a comment, as metadata-action reads its list inputs
    const records = reworded(
      () => csvRecords(line),
      m => `${JSON.stringify(line)}: ${m}`
    )
    let onLatestFor: 'prefix' | 'suffix' | undefined
    for (const [key, value] of fields(records.flat())) {
      if (key === 'value') throw new InputProblem(`${JSON.stringify(line)}: every entry is key=value`)
      if (key === 'latest') flavor.latest = oneOf(value, ['auto', 'true', 'false'] as const, 'latest')
      else if (key === 'prefix' || key === 'suffix') {
        flavor[key] = template(value, 'global', key)
        onLatestFor = key
      } else if (key === 'onlatest') {
        const on = oneOf(value, ['true', 'false'] as const, 'onlatest') === 'true'
        if (onLatestFor === undefined) throw new InputProblem(`onlatest follows a prefix or suffix entry`)
        if (onLatestFor === 'prefix') flavor.prefixLatest = on
        else flavor.suffixLatest = on
      } else
        throw new InputProblem(
          `unknown flavor entry ${JSON.stringify(key)} (latest, prefix, suffix, onlatest)`
        )
    }
  }
  return flavor
}
