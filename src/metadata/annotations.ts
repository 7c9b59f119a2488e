// The OCI labels also as annotations on the manifest and the index, as metadata-action offers them to
// buildx (GHCR shows an index's description, not a config label). Only buildx sets annotations.
//
// buildx 0.13 takes one level per flag (`--annotation=index:KEY=VALUE`): a combined `index,manifest:`
// prefix is read as part of the key there. And it refuses index annotations where the build has no index
// ("index annotations not supported for single platform export"): one platform without attestations.
import type { Inputs } from '../inputs/parse.js'
import { splitKeyValue } from '../core/text.js'

export const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const
export type Level = (typeof LEVELS)[number]

/** metadata-action's default for DOCKER_METADATA_ANNOTATIONS_LEVELS. */
export const DEFAULT_LEVELS: Level[] = ['manifest', 'index']

const OCI_PREFIX = 'org.opencontainers.image.'

/** The levels only an index has. */
const INDEX_LEVELS = new Set<string>(['index', 'index-descriptor'])

/** buildx's refusal of index annotations on a build that has no index (before or after the build). */
export const INDEX_REFUSED = /index annotations not supported for single platform export/i

/**
 * DOCKER_METADATA_ANNOTATIONS_LEVELS, comma separated, as metadata-action reads it; unset or empty gives
 * the default. Unknown words are returned apart so the caller can say so.
 */
export function annotationLevels(env: NodeJS.ProcessEnv): { levels: Level[]; unknown: string[] } {
  const raw = env.DOCKER_METADATA_ANNOTATIONS_LEVELS?.trim()
  if (!raw) return { levels: [...DEFAULT_LEVELS], unknown: [] }
  const words = [...new Set(raw.split(',').map(w => w.trim().toLowerCase()))].filter(Boolean)
  return {
    levels: words.filter((w): w is Level => (LEVELS as readonly string[]).includes(w)),
    unknown: words.filter(w => !(LEVELS as readonly string[]).includes(w))
  }
}

const isOff = (value: string): boolean => /^(false|0|no)$/i.test(value.trim())

/**
 * Whether the build may produce an index: several platforms, or an attestation (an explicit provenance or
 * SBOM, or buildx's default provenance). False only where it surely has none; where a driver adds no
 * default attestation (the classic store) the index levels are refused and dropped (see INDEX_REFUSED).
 */
export function mayHaveIndex(
  inputs: Pick<Inputs, 'platforms' | 'provenance' | 'sbom'>,
  env: NodeJS.ProcessEnv
): boolean {
  if (inputs.platforms.length > 1) return true
  if (inputs.sbom && !isOff(inputs.sbom)) return true
  if (inputs.provenance) return !isOff(inputs.provenance)
  return !env.BUILDX_NO_DEFAULT_ATTESTATIONS
}

/**
 * `LEVEL:KEY=VALUE` for `--annotation`, one per OCI label and level, from the final labels (the `labels`
 * input already overrode the automatic ones there). Pure.
 */
export function ociAnnotations(labels: string[], levels: Level[], index: boolean): string[] {
  const used = levels.filter(level => index || !INDEX_LEVELS.has(level))
  const oci = labels
    .map(line => splitKeyValue(line))
    .filter((kv): kv is { key: string; value: string } => !!kv && kv.key.startsWith(OCI_PREFIX))
  return used.flatMap(level => oci.map(({ key, value }) => `${level}:${key}=${value}`))
}

/** The annotations without the index levels: what is left when buildx finds no index to put them on. */
export const withoutIndexLevels = (annotations: string[]): string[] =>
  annotations.filter(a => !INDEX_LEVELS.has(a.slice(0, a.indexOf(':'))))
