// A build's tags, labels and version from the inputs and the run's git context (rules, bare tags, or the
// automatic set). Pure.
import { mergeLabels, ociLabels, type GitContext } from './context.js'
import { asInput, InputError, ref, setting, type Inputs } from '../inputs/parse.js'
import { automaticTags } from './automatic.js'
import { buildSha, eventCommitDate } from './event.js'
import { annotationEntries } from './annotations.js'
import { mentions, parseLabelLine, render } from './rules/template.js'
import { applyRules, globalValues, tagEvent, type EventFacts } from './tags.js'

export interface BuildMetadata {
  /** Bare tags, in order; empty only when rules yielded none for this event. */
  tags: string[]
  /** KEY=VALUE labels for the build: the automatic ones with the user's over them. */
  labels: string[]
  /** metadata-action's version: the first tag the rules made, else the first explicit one that is not latest. */
  version: string
  /** The image's annotations as annotationEntries gives them (the `annotations` output's content). */
  annotations: string[]
  /** The `annotations` input with its expressions rendered, as the build passes it. */
  userAnnotations: string[]
  /** What metadata-action warns about (a tag that is no semver, a pattern that does not match). */
  warnings: string[]
}

/** Facts from the repository API, for what the event does not carry (metadata-action reads them there). */
export type MetadataFacts = EventFacts

type MetadataInputs = Pick<
  Inputs,
  'tags' | 'tagRules' | 'tagFlavor' | 'metadataEnv' | 'labels' | 'annotations'
>

export function buildMetadata(
  inputs: MetadataInputs,
  context: GitContext,
  now: Date = new Date(),
  facts: MetadataFacts = {},
  /** The repository's metadata labels (labels.ts): first, as metadata-action orders them. */
  repository: Record<string, string> = {}
): BuildMetadata {
  // Tags and labels name the commit the build contains: GITHUB_SHA, or the PR head when asked.
  const ctx = { ...context, sha: buildSha(context, inputs.metadataEnv.prHeadSha) }
  const ev = tagEvent(context, inputs.metadataEnv, now, facts)
  let tags: string[]
  let version: string
  let warnings: string[] = []
  if (inputs.tagRules.length) {
    // What a rule makes is known only for this event: a bad result is still the tags input's fault.
    const outcome = asInput('tags', () => applyRules(inputs.tagRules, inputs.tagFlavor, ev))
    warnings = outcome.warnings
    tags = [...new Set([...outcome.tags, ...inputs.tags])]
    version = outcome.version.main ?? inputs.tags.find(t => t !== 'latest') ?? ''
  } else if (inputs.tags.length) {
    tags = inputs.tags
    version = context.actions ? (inputs.tags.find(t => t !== 'latest') ?? '') : ''
  } else {
    ;({ tags, version } = automaticTags(ev, context.actions))
  }
  const auto = { ...repository, ...ociLabels(ctx, version, now) }
  // Expressions in labels and annotations, as metadata-action renders its custom ones.
  const values = globalValues(ev)
  const rendered = (line: string): string =>
    line.includes('{{') ? render(parseLabelLine(line), values) : line
  const labels = mergeLabels(auto, inputs.labels.map(rendered))
  const userAnnotations = inputs.annotations.map(rendered)
  return {
    tags,
    labels,
    version,
    annotations: annotationEntries(labels, userAnnotations),
    userAnnotations,
    warnings
  }
}

/**
 * The commit whose date the API must tell, or '' when none must: a rule or the flavor uses {{commit_date}}
 * and the event carries no timestamp for the built commit (pull requests, schedule, workflow_dispatch, …).
 */
export function commitDateWanted(
  inputs: Pick<Inputs, 'tagRules' | 'tagFlavor' | 'metadataEnv' | 'labels' | 'annotations'>,
  context: GitContext
): string {
  const templates = [
    inputs.tagFlavor.prefix,
    inputs.tagFlavor.suffix,
    ...inputs.tagRules.flatMap(r => [r.enable, r.prefix, r.suffix, r.pattern, r.value]),
    ...[...inputs.labels, ...inputs.annotations].map(parseLabelLine)
  ]
  if (!templates.some(t => mentions(t, 'commit_date'))) return ''
  const sha = buildSha(context, inputs.metadataEnv.prHeadSha)
  return eventCommitDate(context, sha) ? '' : sha
}

/**
 * Rules that yield no tag for this event: fine for a local build (it stays untagged), an input error when
 * pushing, before the build, as nothing could be pushed.
 */
export function checkTagged(
  inputs: Pick<Inputs, 'push' | 'tagRules'>,
  meta: BuildMetadata,
  ctx: GitContext
): void {
  if (meta.tags.length || !inputs.push) return
  const event = `${ctx.eventName || 'no event'} on ${ctx.ref || 'no ref'}`
  // Outside a workflow (the CLI on a laptop) the event is whatever GitHub's variables say, mostly nothing.
  const fix = ctx.actions
    ? 'add a rule for it (e.g. type=sha)'
    : `outside GitHub Actions the rules read the event from its variables: set GITHUB_SHA for type=sha (e.g. GITHUB_SHA=$(git rev-parse HEAD)) and GITHUB_REF for the others (e.g. GITHUB_REF=refs/tags/v1.2.3), or give a plain tag in ${ref('tags')}`
  throw new InputError(
    'tags',
    `no rule yields a tag for this event (${event}): ${inputs.tagRules.map(r => JSON.stringify(r.source)).join(', ')}; ` +
      `${fix}, or ${setting('push', 'false')} to build untagged`
  )
}
