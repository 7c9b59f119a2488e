// Phase 4: verification. Every tag must serve one manifest, that manifest must be what this run pushed, and
// it must be the image this run built: another build on the same engine may move a shared local tag
// between our build and our push, and docker then pushes its image, not ours.
import type { Manifest, RegistryClient } from '../registry/api.js'
import { describePushed } from './describe.js'
import type { Target } from './plan.js'
import type { Reporter } from '../log/reporter.js'
import { isAttestation, platformNames, type Descriptor, type Platform } from '../registry/oci.js'
import { isMissing, RegistryError } from '../registry/errors.js'
import { ClassifiedError, retry } from '../core/retry.js'
import { runCancelled } from '../docker/cancel.js'

/** A registry's digest header as a message shows it: a digest, or not its text (a registry may echo anything). */
const shownDigest = (header: string): string =>
  /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,128}$/.test(header) ? header : 'not a digest'

/**
 * A registry that reads a write back through a replica or an eventually consistent store may answer 404 for
 * a moment after the push (docker-distribution on Swift or S3 of old, Nexus): a manifest missing right
 * after the push is asked for again, with a short backoff, about 2 s in all, before it fails the step. Any
 * other answer, another digest included, is final: it is not the registry being late.
 */
export const READ_BACK = { attempts: 4, baseMs: 250, maxMs: 1000 }

export async function servedAfterPush(
  client: Pick<RegistryClient, 'getManifest'>,
  name: string,
  reference: string,
  opts: { sleep?: (ms: number) => Promise<void>; signal?: AbortSignal } = {}
): Promise<Manifest> {
  let missing: RegistryError | undefined
  try {
    return await retry(
      () =>
        client.getManifest(name, reference).then(
          manifest => manifest,
          (error: unknown) => {
            missing = isMissing(error) ? error : undefined
            throw missing ? new ClassifiedError(missing.message, 'transient') : error
          }
        ),
      { ...READ_BACK, sleep: opts.sleep, signal: opts.signal ?? runCancelled }
    )
  } catch (error) {
    // Still missing: the registry's own answer, as final as it was, saying it was asked again.
    if (missing && !(opts.signal ?? runCancelled).aborted)
      throw new RegistryError(
        `${missing.message} (asked ${READ_BACK.attempts} times after the push)`,
        'fatal',
        { status: 404, code: missing.code }
      )
    throw error
  }
}

export class VerificationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VerificationError'
  }
}

/**
 * The verification rules, separated from I/O so they can be table-tested. `identity` holds the digests that
 * name this run's image (iid, buildx's manifest and config digests); the served manifest must be one of them
 * or have one of them as its config.
 */
export function checkManifests(
  tags: string[],
  manifests: Manifest[],
  pushed: string[],
  identity: string[],
  reporter?: Pick<Reporter, 'warning'>
): string {
  manifests.forEach((m, i) => {
    if (m.headerDigest && m.headerDigest !== m.digest)
      reporter?.warning(
        `the registry's Docker-Content-Digest for tag ${tags[i]} (${shownDigest(m.headerDigest)}) does not match its content (${m.digest}); using the content digest`
      )
  })
  const distinct = [...new Set(manifests.map(m => m.digest))]
  if (distinct.length > 1)
    throw new VerificationError(
      `tags resolve to different manifests: ${tags.map((t, i) => `${t} → ${manifests[i].digest}`).join(', ')}; another push may have moved a tag`
    )
  const [digest] = distinct
  if (pushed.length > 0 && !pushed.includes(digest))
    throw new VerificationError(
      `tag ${tags[0]} serves ${digest}, but this run pushed ${pushed.join(' or ')}; another push moved the tag, or the registry serves other content`
    )
  if (isBuilt(manifests[0], identity)) return digest
  throw new VerificationError(
    `tag ${tags[0]} serves ${digest}, which is not the image this run built (${identity[0]}): another build moved the tag, on this docker engine between the build and the push or in the registry; nothing of this run's image is verified`
  )
}

/** Whether a manifest is the image this run built: its own digest or its config's is in the build's identity. */
export const isBuilt = (manifest: Manifest, identity: string[]): boolean =>
  identity.includes(manifest.digest) || identity.includes(configDigest(manifest) ?? '')

function configDigest(manifest: Manifest): string | undefined {
  try {
    return (JSON.parse(manifest.body.toString('utf8')) as { config?: { digest?: string } }).config?.digest
  } catch {
    return undefined
  }
}

/** An index entry as pushed: read loosely, since docker wrote it and only whole entries are used. */
type Entry = Partial<Pick<Descriptor, 'digest' | 'annotations'>> & {
  platform?: Partial<Pick<Platform, 'os' | 'architecture' | 'variant' | 'os.version'>>
}

/**
 * os/arch[/variant] → digest, from a pushed index (attestation manifests left out), or for a single
 * manifest from the local image's platform.
 */
export function platformDigests(manifest: Manifest, localPlatform?: string): Record<string, string> {
  let parsed: { manifests?: Entry[] }
  try {
    parsed = JSON.parse(manifest.body.toString('utf8')) as { manifests?: Entry[] }
  } catch {
    return {}
  }
  if (!Array.isArray(parsed.manifests)) return localPlatform ? { [localPlatform]: manifest.digest } : {}
  const images = parsed.manifests.filter(
    (d): d is Entry & { digest: string; platform: Platform } =>
      !!d.digest && !!d.platform?.os && !!d.platform.architecture && !isAttestation(d)
  )
  const names = platformNames(images.map(d => d.platform))
  return Object.fromEntries(images.map((d, i) => [names[i], d.digest]))
}

/** What verification found: the one digest every target serves, and what describes it. */
export interface Verified {
  repository: string
  repositories: string[]
  digest: string
  manifest: Manifest
  /** The size and platforms from what the registry serves, when nothing local could be inspected. */
  described?: Awaited<ReturnType<typeof describePushed>>
}

/**
 * Every target registry must serve each of its tags as the one manifest this run pushed, and the same
 * bytes everywhere; that manifest must be the image this run built.
 */
export async function verifyTargets(
  targets: Target[],
  clients: Map<string, RegistryClient>,
  pushed: { digests: string[]; image?: unknown },
  built: { identity: string[]; metadata: Record<string, unknown> },
  reporter: Reporter
): Promise<Verified> {
  const each = await Promise.all(
    targets.map(async target => {
      const client = clients.get(target.registry)!
      const manifests = await Promise.all(target.tags.map(tag => servedAfterPush(client, target.name, tag)))
      const digest = checkManifests(target.refs, manifests, pushed.digests, built.identity, reporter)
      return { target, digest, manifest: manifests[0] }
    })
  )
  const digests = [...new Set(each.map(e => e.digest))]
  if (digests.length > 1)
    throw new VerificationError(
      `the registries serve different manifests for this build: ${each.map(e => `${e.target.repository} → ${e.digest}`).join(', ')}; the bytes must be identical everywhere`
    )
  return verified(each[0], targets, clients, pushed, built)
}

/**
 * A push by digest (`push-by-digest=true`): nothing is tagged, so each target must serve, at
 * `name@digest`, the manifest buildx says it pushed (its metadata's `containerimage.digest`), its bytes
 * hashing to that digest, and that manifest must be the image this run built.
 */
export async function verifyByDigest(
  targets: Target[],
  clients: Map<string, RegistryClient>,
  pushed: { digests: string[]; image?: unknown },
  built: { identity: string[]; metadata: Record<string, unknown> },
  reporter: Reporter
): Promise<Verified> {
  const [digest] = pushed.digests
  if (!digest)
    throw new VerificationError(
      `buildx pushed by digest but its metadata names no containerimage.digest; nothing of this run's image is verified`
    )
  const each = await Promise.all(
    targets.map(async target => {
      // By digest the client checks that the bytes hash to it.
      const manifest = await servedAfterPush(clients.get(target.registry)!, target.name, digest)
      if (!isBuilt(manifest, built.identity))
        throw new VerificationError(
          `${target.repository}@${digest} is not the image this run built (${built.identity[0]}); nothing of this run's image is verified`
        )
      return { target, digest, manifest }
    })
  )
  reporter.info(`Pushed by digest only (push-by-digest=true): no tag was created`)
  return verified(each[0], targets, clients, pushed, built)
}

async function verified(
  first: { target: Target; digest: string; manifest: Manifest },
  targets: Target[],
  clients: Map<string, RegistryClient>,
  pushed: { image?: unknown },
  built: { metadata: Record<string, unknown> }
): Promise<Verified> {
  // Nothing local to inspect: the size and platform come from what the registry serves.
  const described = pushed.image
    ? undefined
    : await describePushed(
        clients.get(first.target.registry)!,
        first.target.name,
        first.manifest,
        built.metadata
      )
  return {
    repository: first.target.repository,
    repositories: targets.map(t => t.repository),
    digest: first.digest,
    manifest: first.manifest,
    described
  }
}
