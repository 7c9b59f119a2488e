// metadata-action's outputs by their shapes (`version`, `tags`, `tag-names`, `labels`, `annotations`,
// `json`), from a build's metadata. Pure; on the action's output path, so it loads nothing of the engine.
import type { Inputs } from '../inputs/parse.js'
import type { BuildMetadata } from './build-metadata.js'
import { annotationsAt } from './annotations.js'
import { annotationLevelsOr, OUTPUT_LEVELS } from './env.js'

export interface MetadataOutputs {
  version: string
  /** The tags without the image name, each once (metadata-action's `tag-names`). */
  tagNames: string[]
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

/**
 * metadata-action's outputs, by their shapes: labels sorted by key, annotations once per level. `levels`
 * says where the annotations are when the run knows it (a merged index holds them at `index` only),
 * whatever DOCKER_METADATA_ANNOTATIONS_LEVELS says.
 */
export function metadataOutputs(
  meta: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'> & { levels?: string[] },
  fullTags: string[],
  inputs: Pick<Inputs, 'metadataEnv'>
): MetadataOutputs {
  const labels = [...meta.labels].sort(byKey)
  const levels = meta.levels ?? annotationLevelsOr(inputs.metadataEnv, OUTPUT_LEVELS)
  const annotations = levels.flatMap(level =>
    annotationsAt(meta.annotations, level)
      .map(([key, value]) => `${key}=${value}`)
      .sort(byKey)
      .map(a => `${level}:${a}`)
  )
  const labelObject = Object.fromEntries(
    labels.map(l => {
      const eq = l.indexOf('=')
      return [l.slice(0, eq), l.slice(eq + 1)]
    })
  )
  return {
    version: meta.version,
    tagNames: tagNames(fullTags),
    labels,
    annotations,
    json: { tags: fullTags, labels: labelObject, annotations }
  }
}

/** `registry/image:tag` → `tag`, each once, in order. */
export const tagNames = (fullTags: string[]): string[] => [
  ...new Set(fullTags.map(t => t.slice(t.lastIndexOf(':') + 1)).filter(t => t !== '' && !t.includes('/')))
]

/** metadata-action's outputs that it also exports as DOCKER_METADATA_OUTPUT_<NAME> (bake files aside). */
export const METADATA_OUTPUTS = ['version', 'tags', 'tag-names', 'labels', 'annotations', 'json'] as const

/**
 * The variables metadata-action exports for later steps, `DOCKER_METADATA_OUTPUT_TAG_NAMES` and the like,
 * with the outputs' own values. Only where the tags come from rules, where this step stands in for
 * metadata-action; none when DOCKER_METADATA_SET_OUTPUT_ENV is false.
 */
export function metadataEnvExports(
  inputs: Pick<Inputs, 'tagRules' | 'metadataEnv'>,
  outputs: Record<string, string>
): Record<string, string> {
  if (!inputs.tagRules.length || !inputs.metadataEnv.setOutputEnv) return {}
  return Object.fromEntries(
    METADATA_OUTPUTS.map(name => [
      `DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`,
      outputs[name] ?? ''
    ])
  )
}

/** An output as the runner takes it: a list joined by its separator (sep-*), an object as JSON. */
export function outputText(
  name: string,
  value: unknown,
  inputs: Pick<Inputs, 'sepTags' | 'sepLabels' | 'sepAnnotations'>
): string {
  if (typeof value === 'string') return value
  return Array.isArray(value) ? value.join(separatorOf(name, inputs)) : JSON.stringify(value)
}

/**
 * The DOCKER_METADATA_OUTPUT_* variables of a build's metadata and full tags, with the values the action
 * exports after the run (metadataEnvExports), so the build itself can read them too.
 */
export function metadataVariables(
  meta: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'>,
  fullTags: string[],
  inputs: Pick<Inputs, 'tagRules' | 'metadataEnv' | 'sepTags' | 'sepLabels' | 'sepAnnotations'>
): Record<string, string> {
  const values = metadataOutputValues(meta, fullTags, inputs)
  const texts = Object.fromEntries(Object.entries(values).map(([n, v]) => [n, outputText(n, v, inputs)]))
  return metadataEnvExports(inputs, texts)
}

/** metadata-action's outputs by name, with their own types: the action's outputs and the build's variables. */
export function metadataOutputValues(
  meta: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'>,
  fullTags: string[],
  inputs: Parameters<typeof metadataOutputs>[2]
): Record<(typeof METADATA_OUTPUTS)[number], unknown> {
  const m = metadataOutputs(meta, fullTags, inputs)
  return {
    version: m.version,
    tags: fullTags,
    'tag-names': m.tagNames,
    labels: m.labels,
    annotations: m.annotations,
    json: m.json
  }
}

/** The separator of a list output: metadata-action's sep-* inputs, a newline when empty. */
export function separatorOf(
  name: string,
  inputs: Pick<Inputs, 'sepTags' | 'sepLabels' | 'sepAnnotations'>
): string {
  const sep =
    name === 'tags' || name === 'tag-names'
      ? inputs.sepTags
      : name === 'labels'
        ? inputs.sepLabels
        : name === 'annotations'
          ? inputs.sepAnnotations
          : ''
  return sep || '\n'
}
