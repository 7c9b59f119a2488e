// The OCI labels also as annotations on the manifest and the index, as metadata-action offers them to
// buildx (GHCR shows an index's description, not a config label). Only buildx sets annotations.
//
// buildx 0.13 takes one level per flag (`--annotation=index:KEY=VALUE`): a combined `index,manifest:`
// prefix is read as part of the key there, so ours are one level each and the user's are split
// (levels.ts, singleLevelLines). And buildx refuses index annotations where the build has no index
// ("index annotations not supported for single platform export"): one platform without attestations.
import type { Inputs } from '../inputs/parse.js'
import { splitKeyValue } from '../core/text.js'
import { annotationLevelsOr } from './env.js'
import { formatLevel, INDEX_LEVELS, parseLevel, readAnnotation } from './levels.js'

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

interface Entry {
  /** `manifest[linux/amd64]` in its one spelling; '' for a key with no level, which holds at every level. */
  level: string
  key: string
  value: string
}

/** A line's entries, one per level it names (`index,manifest:k=v` is two); a line without a level is one. */
function entriesOf(line: string): Entry[] {
  const a = readAnnotation(line)
  if (a?.levels.length) return a.levels.map(l => ({ level: formatLevel(l), key: a.key, value: a.value }))
  const { key, value } = splitKeyValue(line) ?? { key: line, value: '' }
  return [{ level: '', key, value }]
}

/**
 * What the image's annotations are, as entries: the OCI keys of the final labels (the `labels` input
 * already overrode the automatic ones there) with the user's unleveled annotations over them, as
 * metadata-action merges its custom ones, `KEY=VALUE`; then the user's leveled ones as given
 * (`index:KEY=VALUE`), which hold at that level only. Pure.
 */
export function annotationEntries(labels: string[], user: string[]): string[] {
  const plain = new Map<string, string>()
  for (const line of labels) {
    const kv = splitKeyValue(line)
    if (kv?.key.startsWith(OCI_PREFIX)) plain.set(kv.key, kv.value)
  }
  const leveled: string[] = []
  for (const line of user) {
    const [e] = entriesOf(line)
    if (e.level) leveled.push(line)
    else plain.set(e.key, e.value)
  }
  return [...[...plain].map(([k, v]) => `${k}=${v}`), ...leveled]
}

/** The annotations at one level (`manifest`, `index[linux/amd64]`) of such entries, as [key, value]. */
export function annotationsAt(entries: string[], level: string): [string, string][] {
  const parsed = entries.flatMap(entriesOf)
  const at = new Map<string, string>()
  for (const e of parsed) if (!e.level) at.set(e.key, e.value)
  for (const e of parsed) if (e.level === level) at.set(e.key, e.value)
  return [...at]
}

/**
 * `LEVEL:KEY=VALUE` for `--annotation`, one per annotation and level the build can have, beside the
 * user's own `--annotation` flags, which are passed as given: without the keys the user sets at that very
 * level, nor at the manifest those the user sets without a level (buildx puts them there). Pure.
 */
export function ociAnnotations(labels: string[], user: string[], levels: string[], index: boolean): string[] {
  const used = levels.filter(level => index || !isIndexLevel(level))
  const own = new Set(user.flatMap(entriesOf).map(e => `${e.level || 'manifest'}:${e.key}`))
  const entries = annotationEntries(labels, user)
  return used.flatMap(level =>
    annotationsAt(entries, level)
      .filter(([key]) => !own.has(`${level}:${key}`))
      .map(([key, value]) => `${level}:${key}=${value}`)
  )
}

/**
 * The annotations without the index levels: what is left when buildx finds no index to put them on. A line
 * naming several levels keeps the others (`index,manifest:k=v` → `manifest:k=v`).
 */
export const withoutIndexLevels = (annotations: string[]): string[] =>
  annotations.flatMap(line => {
    const entries = entriesOf(line)
    if (!entries.some(e => isIndexLevel(e.level))) return [line]
    return entries.filter(e => !isIndexLevel(e.level)).map(e => `${e.level}:${e.key}=${e.value}`)
  })
