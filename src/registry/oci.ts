// OCI descriptors and manifests as read from registries we do not control: the media types, the digest
// algorithms that are verified (and the others, refused), platform strings, and one parser that checks a
// manifest's shape before any of it is used. Leaf module: nothing of the project.

import { createHash, type Hash } from 'node:crypto'
import { isObject } from '../core/json.js'

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
/** The manifest types this project reads and writes, in the order an Accept header lists them. */
export const MANIFEST_TYPES = [DOCKER_MANIFEST, DOCKER_LIST, OCI_MANIFEST, OCI_INDEX]

const INDEX_TYPES = new Set([OCI_INDEX, DOCKER_LIST])
export const isIndex = (mediaType: string): boolean => INDEX_TYPES.has(mediaType)

export interface Platform {
  os: string
  architecture: string
  variant?: string
  'os.version'?: string
  'os.features'?: string[]
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  platform?: Platform
  annotations?: Record<string, string>
  urls?: string[]
}

/** os/arch[/variant], as platform-digests and docker's --platform write it. */
export const platformString = (p: { os?: string; architecture?: string; variant?: string }): string =>
  [p.os, p.architecture, p.variant].filter(Boolean).join('/')

/**
 * os[(os.version)]/arch[/variant], as containerd's `platforms.FormatAll` writes it (BuildKit and buildx key
 * platforms so, and `platforms.Parse` reads it back): two images an index cannot tell apart have the same key.
 */
export const platformKey = (p: Platform): string =>
  platformString({ ...p, os: p['os.version'] ? `${p.os}(${p['os.version']})` : p.os })

/**
 * Each platform's name in platform-digests (and sbom-paths): os/arch[/variant], or with its os.version
 * (`platformKey`) where two share os/arch/variant and differ only by it, as Windows images of two releases do.
 */
export function platformNames(platforms: readonly Platform[]): string[] {
  const count = new Map<string, number>()
  for (const p of platforms) count.set(platformString(p), (count.get(platformString(p)) ?? 0) + 1)
  return platforms.map(p => (count.get(platformString(p))! > 1 ? platformKey(p) : platformString(p)))
}

/** BuildKit's attestation manifests sit beside the images in an index, with platform unknown/unknown. */
export const isAttestation = (d: {
  annotations?: Record<string, string>
  platform?: { os?: string }
}): boolean =>
  d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest' || d.platform?.os === 'unknown'

/** What a descriptor, a manifest or a digest gets wrong; the caller names where it came from. */
export class OciError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OciError'
  }
}

// The algorithms the OCI image spec registers; a digest of any other is refused, as it cannot be checked.
const ALGORITHMS: Record<string, RegExp> = { sha256: /^[a-f0-9]{64}$/, sha512: /^[a-f0-9]{128}$/ }

/** Why `digest` is not one this project can verify, or undefined. */
export function digestProblem(digest: unknown): string | undefined {
  if (typeof digest !== 'string' || digest === '') return 'no digest'
  const colon = digest.indexOf(':')
  const algorithm = digest.slice(0, colon)
  const encoded = digest.slice(colon + 1)
  if (colon < 0 || !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/.test(algorithm))
    return `${JSON.stringify(short(digest))} is not a digest`
  if (!ALGORITHMS[algorithm])
    return `digest algorithm ${JSON.stringify(short(algorithm))} is not supported (only sha256 and sha512 can be verified)`
  if (!ALGORITHMS[algorithm].test(encoded))
    return `${JSON.stringify(short(digest))} is not a valid ${algorithm} digest`
  return undefined
}

/** A hash for `digest`'s algorithm (which digestProblem has accepted); `digestOf` finishes it. */
export const hashFor = (digest: string): Hash => createHash(digest.slice(0, digest.indexOf(':')))
export const digestOf = (digest: string, hash: Hash): string =>
  `${digest.slice(0, digest.indexOf(':'))}:${hash.digest('hex')}`

/** The digest of `body` in `digest`'s algorithm, to compare with it. */
export const contentDigest = (digest: string, body: Buffer): string =>
  digestOf(digest, hashFor(digest).update(body))

// RFC 6838: type/subtype of restricted names; parameters are not part of a descriptor's media type.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}$/

export function mediaTypeProblem(mediaType: unknown): string | undefined {
  if (typeof mediaType !== 'string') return 'no media type'
  if (!MEDIA_TYPE.test(mediaType))
    return `media type ${JSON.stringify(short(mediaType))} is not a valid media type`
  return undefined
}

export type ParsedManifest =
  { kind: 'index'; manifests: Descriptor[] } | { kind: 'image'; config: Descriptor; layers: Descriptor[] }

const short = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s)
// No control characters in what goes into logs, outputs and summaries.
const PRINTABLE = /^[^\p{Cc}]*$/u

/** A descriptor, checked field by field; `where` names it in the error (`layers[2]`). */
export function parseDescriptor(value: unknown, where: string): Descriptor {
  if (!isObject(value)) throw new OciError(`${where} is not a descriptor object`)
  const problem = mediaTypeProblem(value.mediaType) ?? digestProblem(value.digest)
  if (problem) throw new OciError(`${where}: ${problem}`)
  const size = value.size
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
    throw new OciError(`${where}: size ${JSON.stringify(size ?? null)} is not a byte count`)
  // Fields this project does not read (artifactType, data, …) are kept as they are.
  const d = { ...value } as unknown as Descriptor
  if (value.platform !== undefined) d.platform = parsePlatform(value.platform, where)
  if (value.annotations !== undefined) {
    const a = value.annotations
    if (!isObject(a) || !Object.values(a).every(v => typeof v === 'string'))
      throw new OciError(`${where}: annotations are not a map of strings`)
    d.annotations = a as Record<string, string>
  }
  if (value.urls !== undefined) {
    if (!Array.isArray(value.urls) || !value.urls.every(u => typeof u === 'string'))
      throw new OciError(`${where}: urls is not a list of strings`)
    d.urls = value.urls as string[]
  }
  return d
}

/** A platform object with `os` and `architecture`, each field a non-empty string without control characters. */
export function parsePlatform(value: unknown, where: string): Platform {
  if (!isObject(value)) throw new OciError(`${where}: platform is not an object`)
  for (const key of ['os', 'architecture', 'variant', 'os.version'] as const) {
    const v = value[key]
    const required = key === 'os' || key === 'architecture'
    if (v === undefined ? !required : typeof v === 'string' && (v !== '' || !required) && PRINTABLE.test(v))
      continue
    throw new OciError(
      `${where}: platform ${key} ${v === undefined ? 'is missing' : 'is not a plain string'}`
    )
  }
  return value as unknown as Platform
}

/**
 * A manifest's body as `mediaType` says it is: an index with its child descriptors, or an image manifest
 * with its config and layers, every descriptor validated. Throws OciError saying what is wrong.
 */
export function parseManifest(body: Buffer, mediaType: string): ParsedManifest {
  const problem = mediaTypeProblem(mediaType)
  if (problem) throw new OciError(problem)
  if (!MANIFEST_TYPES.includes(mediaType))
    throw new OciError(`media type ${JSON.stringify(mediaType)} is not an image manifest or index`)
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    throw new OciError('the manifest is not JSON')
  }
  if (!isObject(json)) throw new OciError('the manifest is not a JSON object')
  if (json.mediaType !== undefined && json.mediaType !== mediaType)
    throw new OciError(
      `the manifest says it is ${JSON.stringify(short(String(json.mediaType)))}, but was served as ${mediaType}`
    )
  if (isIndex(mediaType)) {
    if (!Array.isArray(json.manifests)) throw new OciError('the index has no list of manifests')
    return { kind: 'index', manifests: json.manifests.map((d, i) => parseDescriptor(d, `manifests[${i}]`)) }
  }
  if (!Array.isArray(json.layers)) throw new OciError('the manifest has no list of layers')
  return {
    kind: 'image',
    config: parseDescriptor(json.config, 'config'),
    layers: json.layers.map((d, i) => parseDescriptor(d, `layers[${i}]`))
  }
}
