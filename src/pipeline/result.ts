// What a run produced, built in one place whatever path it took.
import type { ImageInfo } from '../docker.js'
import type { Manifest } from '../registry/api.js'
import type { Moved } from './copy.js'
import { platformDigests } from './verify.js'

export interface Result {
  /** sha256 digest the registry serves for every pushed tag; '' when nothing was pushed. */
  digest: string
  /** registry/repository@digest; '' when nothing was pushed. */
  imageRef: string
  imageid: string
  /** Full references pushed (or only tagged when push is false). */
  tags: string[]
  /** os/arch[/variant] → manifest digest of each platform in what was pushed. */
  platformDigests: Record<string, string>
  size: number
  /** Which builder ran: `buildx` or `classic`. */
  builder: string
  durations: Record<string, number>
  /** Docker CLI processes and registry HTTP requests this run made (the benchmark reports them). */
  counts: { docker: number; registry: number; verification: number } & Partial<Moved>
}

export interface Outcome {
  refs: string[]
  builder: string
  durations: Record<string, number>
  /** The build's own identity: the iidfile's digest. */
  iid: string
  /** The local image, when it is in the engine's store. */
  image?: ImageInfo
  /** What the registry serves for every tag, once verified. */
  verified?: { repository: string; digest: string; manifest: Manifest }
}

export function resultOf(o: Outcome): Omit<Result, 'counts'> {
  return {
    digest: o.verified?.digest ?? '',
    imageRef: o.verified ? `${o.verified.repository}@${o.verified.digest}` : '',
    imageid: o.image?.id ?? o.iid,
    tags: o.refs,
    platformDigests: o.verified ? platformDigests(o.verified.manifest, o.image?.platform) : {},
    size: o.image?.size ?? 0,
    builder: o.builder,
    durations: o.durations
  }
}
