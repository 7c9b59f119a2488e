// A build's tags, labels and version from the inputs and the run's git context (rules, bare tags, or the
// automatic set), and metadata-action's `version`, `labels`, `annotations` and `json` outputs. Pure.
import { autoTags, mergeLabels, ociLabels, type GitContext } from './context.js'
import { InputError, ref, type Inputs } from '../inputs/parse.js'
import { applyRules, buildSha, tagEvent } from './tags.js'

export interface BuildMetadata {
  /** Bare tags, in order; empty only when rules yielded none for this event. */
  tags: string[]
  /** KEY=VALUE labels for the build: the automatic ones with the user's over them. */
  labels: string[]
  /** metadata-action's version: the first tag the rules made, else the first explicit one that is not latest. */
  version: string
  /** The automatic OCI keys as KEY=VALUE, before any level (the `annotations` output's content). */
  annotations: string[]
  /** What metadata-action warns about (a tag that is no semver, a pattern that does not match). */
  warnings: string[]
}

/** Optional facts from elsewhere (the repository API): metadata-action reads the default branch there. */
export interface MetadataFacts {
  defaultBranch?: string
  commitDate?: Date
}

type MetadataInputs = Pick<Inputs, 'tags' | 'tagRules' | 'tagFlavor' | 'metadataEnv' | 'labels'>

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
  let tags: string[]
  let version: string
  let warnings: string[] = []
  if (inputs.tagRules.length) {
    const outcome = applyRules(
      inputs.tagRules,
      inputs.tagFlavor,
      tagEvent(context, inputs.metadataEnv, now, facts)
    )
    warnings = outcome.warnings
    tags = [...new Set([...outcome.tags, ...inputs.tags])]
    version = outcome.version.main ?? inputs.tags.find(t => t !== 'latest') ?? ''
  } else {
    tags = inputs.tags.length ? inputs.tags : autoTags(ctx)
    version = ''
  }
  const explicit = inputs.tags.length > 0 || inputs.tagRules.length > 0
  const auto = { ...repository, ...ociLabels(ctx, inputs.tagRules.length ? [version] : tags, explicit, now) }
  if (!inputs.tagRules.length) version = auto['org.opencontainers.image.version'] ?? ''
  return {
    tags,
    labels: mergeLabels(auto, inputs.labels),
    version,
    annotations: Object.entries(auto).map(([k, v]) => `${k}=${v}`),
    warnings
  }
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
  throw new InputError(
    'tags',
    `no rule yields a tag for this event (${event}): ${inputs.tagRules.map(r => JSON.stringify(r.source)).join(', ')}; ` +
      `add a rule for it (e.g. type=sha), or set ${ref('push')} to false to build untagged`
  )
}

export interface MetadataOutputs {
  version: string
  /** KEY=VALUE, sorted by key. */
  labels: string[]
  /** LEVEL:KEY=VALUE, every annotation once per level. */
  annotations: string[]
  json: { tags: string[]; labels: Record<string, string>; annotations: string[] }
}

const byKey = (a: string, b: string): number => {
  const [ka, kb] = [a.split('=')[0], b.split('=')[0]]
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** metadata-action's outputs, by their shapes: labels sorted by key, annotations once per level. */
export function metadataOutputs(
  meta: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'> & { levels?: string[] },
  fullTags: string[],
  inputs: Pick<Inputs, 'metadataEnv'>
): MetadataOutputs {
  const labels = [...meta.labels].sort(byKey)
  const sorted = [...meta.annotations].sort(byKey)
  const levels = meta.levels ?? inputs.metadataEnv.annotationLevels
  const annotations = levels.flatMap(level => sorted.map(a => `${level}:${a}`))
  const labelObject = Object.fromEntries(
    labels.map(l => {
      const eq = l.indexOf('=')
      return [l.slice(0, eq), l.slice(eq + 1)]
    })
  )
  return {
    version: meta.version,
    labels,
    annotations,
    json: { tags: fullTags, labels: labelObject, annotations }
  }
}

/** The separator of a list output: metadata-action's sep-* inputs, a newline when empty. */
export function separatorOf(
  name: string,
  inputs: Pick<Inputs, 'sepTags' | 'sepLabels' | 'sepAnnotations'>
): string {
  const sep =
    name === 'tags'
      ? inputs.sepTags
      : name === 'labels'
        ? inputs.sepLabels
        : name === 'annotations'
          ? inputs.sepAnnotations
          : ''
  return sep || '\n'
}
