// What a run produced, built in one place whatever path it took.
import type { ImageInfo } from '../docker/docker.js'
import type { Manifest } from '../registry/api.js'
import type { Described } from './describe.js'
import type { Moved } from './sources/copy.js'
import { platformDigests } from './verify.js'
import { isObject } from '../core/json.js'

export interface Result {
  /** sha256 digest the registry serves for every pushed tag; '' when nothing was pushed. */
  digest: string
  /** registry/repository@digest of the first image; '' when nothing was pushed. */
  imageRef: string
  /** registry/repository@digest of every image pushed to. */
  imageRefs: string[]
  imageid: string
  /** Full references pushed (or only tagged when push is false). */
  tags: string[]
  /** os/arch[/variant] → manifest digest of each platform in what was pushed. */
  platformDigests: Record<string, string>
  /** os/arch[/variant] → file holding that platform's SPDX SBOM, when the pushed index carries them. */
  sboms?: Record<string, string>
  size: number
  /** Which builder ran: `buildx` or `classic`. */
  builder: string
  /** buildx's own metadata (`containerimage.digest`, `image.name`, …); {} on the classic engine. */
  buildx: Record<string, unknown>
  durations: Record<string, number>
  /** Docker CLI processes and registry HTTP requests this run made (the benchmark reports them). */
  counts: { docker: number; registry: number; verification: number } & Partial<Moved>
  /**
   * metadata-action's version, the labels and the OCI annotations (KEY=VALUE) on what was pushed, when
   * known; `levels`, where the annotations are when not where DOCKER_METADATA_ANNOTATIONS_LEVELS says.
   */
  meta?: { version: string; labels: string[]; annotations: string[]; levels?: string[] }
}

export interface Outcome {
  refs: string[]
  builder: string
  durations: Record<string, number>
  /** The image's own identity: the iidfile's digest, or what a local source says of itself ('' for none). */
  iid: string
  /** The local image, when it is in the engine's store. */
  image?: ImageInfo
  /** What the registry serves for every tag, once verified; `described` when nothing local was inspected. */
  verified?: {
    repository: string
    /** Every image the digest was verified on (the first is `repository`). */
    repositories?: string[]
    digest: string
    manifest: Manifest
    described?: Described
    /** Known better than the manifest says it: a merged index's, or a promoted image's platform. */
    platformDigests?: Record<string, string>
  }
  /** buildx's metadata file, whose keys the `metadata` output carries too. */
  metadata?: Record<string, unknown>
}

export function resultOf(o: Outcome): Omit<Result, 'counts'> {
  return {
    digest: o.verified?.digest ?? '',
    imageRef: o.verified ? `${o.verified.repository}@${o.verified.digest}` : '',
    imageRefs: o.verified
      ? (o.verified.repositories ?? [o.verified.repository]).map(r => `${r}@${o.verified!.digest}`)
      : [],
    imageid: o.builder === 'buildx' ? o.iid : (o.image?.id ?? o.iid),
    tags: o.refs,
    platformDigests: o.verified
      ? (o.verified.platformDigests ??
        platformDigests(o.verified.manifest, o.image?.platform ?? o.verified.described?.platform))
      : {},
    size: o.image?.size ?? o.verified?.described?.size ?? 0,
    buildx: o.metadata ? asPushed(o.metadata, o.verified) : {},
    builder: o.builder,
    durations: o.durations
  }
}

/**
 * buildx's metadata with `containerimage.digest` (and its descriptor) saying what the registries serve. Where
 * docker pushed a loaded image, buildx's file is the --load build's: its digest is the engine's image ID
 * (the classic store) and `docker push` wrote another manifest, which a later step (cosign, attest) needs.
 * Where buildx pushed, the served digest is buildx's own, and nothing changes.
 */
function asPushed(metadata: Record<string, unknown>, verified: Outcome['verified']): Record<string, unknown> {
  if (!verified || !('containerimage.digest' in metadata)) return metadata
  const { mediaType, body } = verified.manifest
  const descriptor = metadata['containerimage.descriptor']
  return {
    ...metadata,
    'containerimage.digest': verified.digest,
    ...(isObject(descriptor)
      ? {
          'containerimage.descriptor': {
            ...descriptor,
            mediaType,
            digest: verified.digest,
            size: body.length
          }
        }
      : {})
  }
}
