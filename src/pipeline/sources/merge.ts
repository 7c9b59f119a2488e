// A merge of several sources into one index, as pure functions: which descriptors go in, which media type
// it takes, and which annotations it carries. The platform manifests themselves are never changed. Sources
// that cannot be merged are an InputProblem; the caller names the input.
import type { Manifest } from '../../registry/api.js'
import { InputProblem } from '../../core/problem.js'
import { ref } from '../../inputs/table.js'
import { MAX_INDEX_ENTRIES } from '../../registry/bounds.js'
import {
  DOCKER_LIST,
  isAttestation,
  isIndex,
  OCI_INDEX,
  parseManifest,
  parsePlatform,
  platformKey,
  platformNames,
  type Descriptor,
  type Platform
} from '../../registry/oci.js'

/** One resolved source: its manifest, and for a single-platform manifest the platform its config names. */
export interface Part {
  /** How the user wrote it (a line, or a tag a glob matched), to name it in errors. */
  source: string
  manifest: Manifest
  platform?: Platform
}

/** The descriptors a part brings: an index's own entries as they are, or one for a single manifest. */
export function descriptorsOf(part: Part): Descriptor[] {
  const { manifest } = part
  if (isIndex(manifest.mediaType)) {
    const parsed = parseManifest(manifest.body, manifest.mediaType)
    return parsed.kind === 'index' ? parsed.manifests : []
  }
  if (!part.platform)
    throw new InputProblem(
      `${JSON.stringify(part.source)}: its image config names no platform (its "os" and "architecture" must be strings without control characters)`
    )
  return [
    {
      mediaType: manifest.mediaType,
      digest: manifest.digest,
      size: manifest.body.length,
      platform: part.platform
    }
  ]
}

export interface MergedIndex {
  mediaType: string
  body: Buffer
  /** os/arch[/variant] → digest of each platform manifest (attestations left out). */
  platformDigests: Record<string, string>
  /** Why an OCI index was chosen, when it was. */
  why?: string
  /** The annotations the index carries (none on a Docker manifest list). */
  annotations: Record<string, string>
}

/**
 * One index of every part's platform manifests, with their attestation manifests (and annotations) kept
 * beside them. Two parts with the same platform are an input error naming both. OCI when any part is OCI
 * or the user gives index annotations (a Docker manifest list has no place for them); a Docker manifest
 * list otherwise, which also leaves out the automatic annotations.
 */
export function mergeIndex(
  parts: Part[],
  annotations: { user: Record<string, string>; automatic: Record<string, string> }
): MergedIndex {
  const images: Descriptor[] = []
  const attestations: Descriptor[] = []
  const owner = new Map<string, string>()
  const seen = new Set<string>()
  let oci: string | undefined
  for (const part of parts) {
    if (part.manifest.mediaType.startsWith('application/vnd.oci.')) oci ??= `${part.source} is OCI`
    for (const d of descriptorsOf(part)) {
      if (seen.has(d.digest)) continue
      seen.add(d.digest)
      if (d.mediaType.startsWith('application/vnd.oci.')) oci ??= `${part.source} holds OCI manifests`
      if (isAttestation(d)) {
        attestations.push(d)
        continue
      }
      if (!d.platform)
        throw new InputProblem(
          `${JSON.stringify(part.source)}: its index entry ${d.digest} names no platform (the entry has no "platform" field)`
        )
      const key = platformKey(d.platform)
      const other = owner.get(key)
      if (other !== undefined)
        throw new InputProblem(
          `${JSON.stringify(other)} and ${JSON.stringify(part.source)} both hold ${key}; an index has one image per platform`
        )
      owner.set(key, part.source)
      images.push(d)
    }
  }
  if (images.length + attestations.length > MAX_INDEX_ENTRIES)
    throw new InputProblem(
      `the sources hold ${images.length + attestations.length} manifests, more than the ${MAX_INDEX_ENTRIES} one index may list`
    )
  if (!oci && Object.keys(annotations.user).length) oci = `${ref('annotations')} asks for index annotations`
  const mediaType = oci ? OCI_INDEX : DOCKER_LIST
  const all = oci ? { ...annotations.automatic, ...annotations.user } : {}
  const index = {
    schemaVersion: 2,
    mediaType,
    manifests: [...images, ...attestations],
    ...(Object.keys(all).length ? { annotations: all } : {})
  }
  const names = platformNames(images.map(d => d.platform!))
  const platformDigests = Object.fromEntries(images.map((d, i) => [names[i], d.digest]))
  return { mediaType, body: Buffer.from(JSON.stringify(index)), platformDigests, why: oci, annotations: all }
}

/**
 * `os`, `architecture` and `variant` of an image config, as a descriptor's platform names them, held to the
 * same rule (no control characters): they go into the merged index, the outputs and the log.
 */
export function platformOfConfig(config: Buffer): Platform | undefined {
  try {
    const c = JSON.parse(config.toString('utf8')) as Record<string, unknown>
    if (typeof c.os !== 'string' || typeof c.architecture !== 'string') return undefined
    const p: Platform = { os: c.os, architecture: c.architecture }
    if (typeof c.variant === 'string' && c.variant) p.variant = c.variant
    if (typeof c['os.version'] === 'string' && c['os.version']) p['os.version'] = c['os.version']
    return parsePlatform(p, 'config')
  } catch {
    return undefined
  }
}
