// The OCI labels also as annotations on the manifest and the index, as metadata-action offers them to
// buildx (GHCR shows an index's description, not a config label). Only buildx sets annotations.
//
// buildx 0.13 takes one level per flag (`--annotation=index:KEY=VALUE`): a combined `index,manifest:`
// prefix is read as part of the key there. And it refuses index annotations where the build has no index
// ("index annotations not supported for single platform export"): one platform without attestations.
import type { Inputs } from '../inputs/parse.js'
import { splitKeyValue } from '../core/text.js'
import { annotationLevelsOr } from './env.js'
import { INDEX_LEVELS, parseLevel } from './levels.js'

/**
 * The levels of this action's own annotations without DOCKER_METADATA_ANNOTATIONS_LEVELS: the manifest and
 * the index (metadata-action's `annotations` output has only `manifest`), because GHCR shows a
 * multi-platform image's description from its index. Where the build has no index they are dropped.
 */
export const BUILD_LEVELS = ['manifest', 'index'] as const

const OCI_PREFIX = 'org.opencontainers.image.'

/** buildx's refusal of index annotations on a build that has no index (before or after the build). */
export const INDEX_REFUSED = /index annotations not supported for single platform export/i

/** The levels of this build's annotations: DOCKER_METADATA_ANNOTATIONS_LEVELS (read with the inputs), else BUILD_LEVELS. */
export const buildLevels = (inputs: Pick<Inputs, 'metadataEnv'>): string[] => [
  ...new Set(annotationLevelsOr(inputs.metadataEnv, BUILD_LEVELS))
]

/** Whether a level (`index`, `index[linux/amd64]`) is one only an index has. */
const isIndexLevel = (level: string): boolean => INDEX_LEVELS.has(parseLevel(level)?.level ?? level)

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
export function ociAnnotations(labels: string[], levels: string[], index: boolean): string[] {
  const used = levels.filter(level => index || !isIndexLevel(level))
  const oci = labels
    .map(line => splitKeyValue(line))
    .filter((kv): kv is { key: string; value: string } => !!kv && kv.key.startsWith(OCI_PREFIX))
  return used.flatMap(level => oci.map(({ key, value }) => `${level}:${key}=${value}`))
}

/** The annotations without the index levels: what is left when buildx finds no index to put them on. */
export const withoutIndexLevels = (annotations: string[]): string[] =>
  annotations.filter(a => !isIndexLevel(a.slice(0, a.indexOf(':'))))
