// Puts a manifest, its child manifests and their blobs into a target repository, byte for byte: nothing
// within the same repository, a cross-repository mount within one registry, a stream between registries
// or from disk.
import { hasBlob, startUpload, type BlobRef } from '../../registry/blobs.js'
import { RegistryError } from '../../registry/errors.js'
import type { Reporter } from '../../log/reporter.js'
import { eachLimited, Limiter } from '../../core/limiter.js'
import { retry } from '../../core/retry.js'
import {
  blobCeilingMs,
  MAX_BLOBS,
  MAX_MANIFESTS,
  PARALLEL_BLOBS,
  type RegistryBounds
} from '../../registry/bounds.js'
import { retrying } from '../plan.js'
import { isIndex, type Descriptor } from '../../registry/oci.js'
import type { Side, SourceManifest } from './read.js'
import type { SourceStore } from './store.js'

/** What the copy moved; the `metadata` output reports it. */
export interface Moved {
  /** Bytes of blobs streamed from one registry to another, or from disk (a mount moves none). */
  blobBytes: number
  blobsCopied: number
  blobsMounted: number
  /** Blobs the target already had. */
  blobsPresent: number
}

// OCI allows an index in an index; docker and buildx write one level, and nothing real nests this deep.
const MAX_NESTING = 4
/**
 * Manifests an index lists, read and placed at once (each child's body is held until its blobs are in, up
 * to 16 MiB): as many as blobs move, since a child mostly waits on its blobs. Below them (a nested index,
 * which nothing real writes) one child at a time, under its ancestor's turn.
 */
export const PARALLEL_MANIFESTS = 5

/**
 * Distinct digests counted against a bound of the whole run: what one index may list multiplies through
 * nested indexes and across manifests, so the totals have bounds of their own (registry/bounds.ts).
 */
export class Tally {
  private readonly seen = new Set<string>()

  constructor(
    private readonly max: number,
    /** What is counted, in the message: `manifests`. */
    private readonly what: string
  ) {}

  /** Counts `digests`; past the bound, an error naming `source`. */
  add(source: string, digests: Iterable<string>): void {
    for (const d of digests) this.seen.add(d)
    if (this.seen.size > this.max)
      throw new RegistryError(
        `source ${source}: more than ${this.max} ${this.what} in all, more than a copy reads (a real image has a few dozen)`,
        'fatal'
      )
  }
}

export class Copier {
  readonly moved: Moved = { blobBytes: 0, blobsCopied: 0, blobsMounted: 0, blobsPresent: 0 }
  private readonly manifestsRead = new Tally(MAX_MANIFESTS, 'manifests')
  private readonly blobsSeen = new Tally(MAX_BLOBS, 'blobs')
  /** One placement per target repository and digest, shared by every manifest that needs it. */
  private readonly placed = new Map<string, Promise<void>>()
  private readonly blobs = new Limiter(PARALLEL_BLOBS)
  private readonly manifests = new Limiter(PARALLEL_MANIFESTS)

  constructor(
    private readonly opts: {
      retries: number
      reporter: Reporter
      bounds: RegistryBounds
      sleep?: (ms: number) => Promise<void>
      /** Aborted when the copy into another target failed: nothing more is written then. */
      signal?: AbortSignal
    }
  ) {}

  /**
   * `manifest` (of `src`) into `dst` under the digest it was reached by, with everything it refers to,
   * children first. `depth` counts the indexes that lead to it. Every child is checked against the digest
   * that names it, so no index can list itself or an ancestor (a manifest cannot hold its own digest) and
   * wait on itself; the depth of nested indexes is bounded all the same.
   */
  place(
    src: SourceStore,
    dst: Side,
    manifest: SourceManifest,
    depth = 0,
    digest = manifest.digest
  ): Promise<void> {
    if (src.side && sameRepository(src.side, dst)) return Promise.resolve()
    return this.once(`${dst.client.registry}/${dst.name}@${digest}`, async () => {
      const parsed = manifest.parsed
      if (parsed.kind === 'index') {
        await this.placeChildren(src, dst, manifest, depth)
      } else {
        // Foreign layers (with urls) are not the registry's to hold, as docker and skopeo leave them.
        await this.placeBlobs(
          src,
          dst,
          [parsed.config, ...parsed.layers].filter(d => !d.urls?.length)
        )
      }
      // The exact bytes whose digest was checked when they were read.
      this.opts.signal?.throwIfAborted()
      await dst.client.putManifest(dst.name, digest, manifest.body, manifest.mediaType)
    })
  }

  /** Every manifest an index (of `src`) lists, into `dst`, read by and checked against its descriptor. */
  async placeChildren(src: SourceStore, dst: Side, index: SourceManifest, depth = 0): Promise<void> {
    if (index.parsed.kind !== 'index') return
    if (depth >= MAX_NESTING)
      throw new RegistryError(
        `source ${index.label}: indexes nested more than ${MAX_NESTING} deep (an image index lists image manifests)`,
        'fatal'
      )
    const children = distinct(index.parsed.manifests)
    if (depth === 0) await Promise.all(children.map(d => this.placeListed(src, dst, d, 1)))
    else for (const d of children) await this.placeListed(src, dst, d, depth + 1)
  }

  /**
   * The manifest `d` names, read from `src` (checked against `d`) and placed into `dst` once per target,
   * however many indexes list it. One an index lists directly waits for its turn among PARALLEL_MANIFESTS,
   * shared by every index this copier places, and holds it through its own children.
   */
  placeListed(src: SourceStore, dst: Side, d: Descriptor, depth = 1): Promise<void> {
    if (src.side && sameRepository(src.side, dst)) return Promise.resolve()
    const read = async () => {
      this.manifestsRead.add(src.where, [d.digest])
      return this.place(src, dst, await src.manifest(d), depth, d.digest)
    }
    // The size is part of the key: an entry that gives the same digest another size is read, and refused.
    // A nested entry never waits on one queued for a turn (its ancestor holds a turn: they could all wait).
    const key = `${dst.client.registry}/${dst.name}@${d.digest}/${d.size}`
    return depth === 1 ? this.once(key, () => this.manifests.run(read)) : this.once(`${key}/nested`, read)
  }

  /** Blobs of `src` into `dst`, each once per target, as an image's are placed. */
  async placeBlobs(src: SourceStore, dst: Side, blobs: readonly BlobRef[]): Promise<void> {
    await Promise.all(blobs.map(b => this.blob(src, dst, b)))
  }

  private blob(src: SourceStore, dst: Side, blob: BlobRef): Promise<void> {
    return this.once(`${dst.client.registry}/${dst.name}@${blob.digest}`, async () => {
      this.blobsSeen.add(src.where, [blob.digest])
      const sameRegistry = src.side?.client === dst.client
      if (!sameRegistry && (await hasBlob(dst.client, dst.name, blob.digest))) {
        await src.checkUnsent?.(blob)
        this.moved.blobsPresent++
        return
      }
      let mount = sameRegistry
      // Neither stream can be replayed: a transient failure starts the blob again, with a new session.
      // The window opens when the blob has its slot: time queued behind other blobs is not its own.
      await this.blobs.run(() =>
        retry(
          async () => {
            this.opts.signal?.throwIfAborted()
            const upload = await startUpload(
              dst.client,
              dst.name,
              mount ? { digest: blob.digest, from: src.side!.name } : undefined
            )
            if (upload === 'mounted') {
              this.moved.blobsMounted++
              return
            }
            mount = false
            const ceilingMs = blobCeilingMs(this.opts.bounds, blob.size)
            const bytes = await src.sendBlob(blob, dst, upload, ceilingMs)
            this.moved.blobBytes += bytes
            this.moved.blobsCopied++
          },
          {
            ...retrying(
              `copy of ${blob.digest} to ${dst.client.registry}/${dst.name}`,
              this.opts.retries,
              this.opts.reporter,
              this.opts.sleep
            ),
            maxElapsedMs: this.opts.bounds.copyWindowMs,
            signal: this.opts.signal
          }
        )
      )
    })
  }

  private once(key: string, fn: () => Promise<void>): Promise<void> {
    let p = this.placed.get(key)
    if (!p) {
      p = fn()
      this.placed.set(key, p)
    }
    return p
  }
}

export const sameRepository = (a: Side, b: Side): boolean => a.client === b.client && a.name === b.name

/** An index's entries, each digest (and size) once: an entry listed twice is read and placed once. */
export function distinct(entries: readonly Descriptor[]): Descriptor[] {
  const seen = new Set<string>()
  return entries.filter(d => {
    const key = `${d.digest}/${d.size}`
    return !seen.has(key) && !!seen.add(key)
  })
}

/**
 * Reads every manifest below `manifest` in `src` that a copy will read (with `every`), or only the indexes
 * among them (by the media type their entry gives), each checked as a copy checks it (digest, size, the
 * number of entries, the depth), so that what is wrong there fails before anything is written. Nothing read
 * is kept: the copy reads it again, by the same digest.
 */
export async function checkBelow(
  src: SourceStore,
  manifest: SourceManifest,
  every = false,
  /** The manifests listed below every source (or referrer) of the run, counted once each. */
  listed = new Tally(MAX_MANIFESTS, 'manifests'),
  depth = 0
): Promise<void> {
  if (manifest.parsed.kind !== 'index') return
  if (depth >= MAX_NESTING)
    throw new RegistryError(
      `source ${manifest.label}: indexes nested more than ${MAX_NESTING} deep (an image index lists image manifests)`,
      'fatal'
    )
  const entries = distinct(manifest.parsed.manifests)
  // Every entry is a manifest the copy reads: counted before any is, so that nested indexes fail early.
  listed.add(
    manifest.label,
    entries.map(d => d.digest)
  )
  const below = entries.filter(d => every || isIndex(d.mediaType))
  await eachLimited(below, depth === 0 ? PARALLEL_MANIFESTS : 1, async d =>
    checkBelow(src, await src.manifest(d), every, listed, depth + 1)
  )
}
