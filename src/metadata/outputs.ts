// metadata-action's outputs by their shapes (`version`, `tags`, `tag-names`, `labels`, `annotations`,
// `json`), from a build's metadata. Pure; on the action's output path, so it loads nothing of the engine.
import type { Inputs } from '../inputs.js'
import type { BuildMetadata } from '../metadata.js'
import { annotationLevelsOr, OUTPUT_LEVELS } from '../metadata-env.js'

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
  meta: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'>,
  fullTags: string[],
  inputs: Pick<Inputs, 'metadataEnv'>
): MetadataOutputs {
  const labels = [...meta.labels].sort(byKey)
  const sorted = [...meta.annotations].sort(byKey)
  const annotations = annotationLevelsOr(inputs.metadataEnv, OUTPUT_LEVELS).flatMap(level =>
    sorted.map(a => `${level}:${a}`)
  )
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
