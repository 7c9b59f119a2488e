// The automatic tags for an empty `tags` input, as built-in rules of the one tag engine (tags.ts):
//   outside GitHub Actions                                latest
//   a pull request (pull_request_target included)        pr-N, sha-<short>
//   refs/tags/vX.Y.Z (`v` optional)                       X.Y.Z, X.Y, X, latest, sha-<short>
//   refs/tags/vX.Y.Z-pre (a prerelease)                   X.Y.Z-pre, sha-<short>
//   refs/tags/<anything else>                             <tag>, sha-<short>
//   refs/heads/<the default branch>                       latest, <branch>, sha-<short>
//   refs/heads/<another branch>                           <branch>, sha-<short>
//   anything else                                         sha-<short>
// Every event (workflow_dispatch, schedule, release, …) follows these by its GITHUB_REF. Names are
// sanitized as metadata-action sanitizes and then fitted to docker's grammar rather than failing the
// build; when nothing at all is derivable the tag is `latest`, so that a build always has one.
// The version (output and label) is the most specific tag: never `latest`, never the sha tag.
import parseSemver from 'semver/functions/parse.js'
import { DEFAULT_FLAVOR, type Flavor, type TagRule } from './rules/parse.js'
import { literal, parseTemplate, type Template } from './rules/template.js'
import { applyRules, isSemver, type TagEvent } from './tags.js'

const TAGS = /^refs\/tags\//
const HEADS = /^refs\/heads\//
const LATEST = 'latest'

const tagName = (ref: string): string | undefined =>
  TAGS.test(ref) ? ref.replace(TAGS, '').replace(/\//g, '-') : undefined

/** The git tag is semver (as type=semver reads it); `stable` asks for a release, not a prerelease. */
function semverTag(ref: string, stable: boolean): boolean {
  const name = tagName(ref)
  if (name === undefined || !isSemver(name)) return false
  return !stable || parseSemver(name)!.prerelease.length === 0
}

const isDefaultBranch = (ev: Pick<TagEvent, 'ref' | 'defaultBranch'>): boolean =>
  HEADS.test(ev.ref) && ev.defaultBranch !== '' && ev.ref.replace(HEADS, '') === ev.defaultBranch

const TRUE = literal('true')

function rule(source: string, over: Partial<TagRule> & Pick<TagRule, 'type' | 'priority'>): TagRule {
  return { source: `automatic: ${source}`, enable: TRUE, ...over }
}

function version(pattern: Template): Partial<TagRule> {
  return { pattern, value: literal(''), keepBuild: true, when: ev => semverTag(ev.ref, false) }
}

const t = (source: string): Template => parseTemplate(source, 'version')

/** The automatic set in Actions, by priority (the highest first, as the engine orders rules). */
export const AUTOMATIC_RULES: TagRule[] = [
  rule('pull request', { type: 'ref', priority: 1000, event: 'pr', prefix: literal('pr-') }),
  rule('{{version}} of a semver tag', { type: 'semver', priority: 900, ...version(t('{{version}}')) }),
  rule('{{major}}.{{minor}}', { type: 'semver', priority: 900, ...version(t('{{major}}.{{minor}}')) }),
  rule('{{major}}', { type: 'semver', priority: 900, ...version(t('{{major}}')) }),
  rule('latest for a release tag', {
    type: 'raw',
    priority: 850,
    value: literal(LATEST),
    when: ev => semverTag(ev.ref, true)
  }),
  rule('a tag that is not semver', {
    type: 'ref',
    priority: 800,
    event: 'tag',
    when: ev => TAGS.test(ev.ref) && !semverTag(ev.ref, false)
  }),
  rule('latest on the default branch', {
    type: 'raw',
    priority: 650,
    value: literal(LATEST),
    when: isDefaultBranch
  }),
  rule('the branch', { type: 'ref', priority: 600, event: 'branch' }),
  rule('the commit', { type: 'sha', priority: 100, format: 'short', prefix: literal('sha-') })
]

const OUTSIDE_ACTIONS: TagRule[] = [
  rule('outside Actions', { type: 'raw', priority: 200, value: literal(LATEST) })
]

/** `latest` is a rule of its own here, placed where the automatic set has always put it. */
const NO_LATEST: Flavor = { ...DEFAULT_FLAVOR, latest: 'false' }

export interface AutomaticTags {
  tags: string[]
  /** '' when no tag is more specific than `latest` and the sha. */
  version: string
}

/** The automatic tags and version for this event; `actions` false gives `latest` alone. */
export function automaticTags(ev: TagEvent, actions: boolean): AutomaticTags {
  const outcome = applyRules(actions ? AUTOMATIC_RULES : OUTSIDE_ACTIONS, NO_LATEST, ev, { fit: true })
  const version = outcome.made.find(m => m.rule.type !== 'sha' && m.tag !== LATEST)?.tag ?? ''
  return { tags: outcome.tags.length ? outcome.tags : [LATEST], version: actions ? version : '' }
}
