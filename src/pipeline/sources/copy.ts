// Puts a manifest, its child manifests and their blobs into a target repository, byte for byte: nothing
// within the same repository, a cross-repository mount within one registry, a stream between registries
// or from disk.
import { hasBlob, startUpload, type BlobRef } from '../../registry/blobs.js'
import { RegistryError } from '../../registry/errors.js'
import type { Reporter } from '../../log/reporter.js'
import { retry } from '../../core/retry.js'
import { blobCeilingMs, type RegistryBounds } from '../../registry/bounds.js'
import { retrying } from '../plan.js'
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
// As many blobs in flight as docker pushes layers at once by default.
const PARALLEL_BLOBS = 5

export class Copier {
  readonly moved: Moved = { blobBytes: 0, blobsCopied: 0, blobsMounted: 0, blobsPresent: 0 }
  /** One placement per target repository and digest, shared by every manifest that needs it. */
  private readonly placed = new Map<string, Promise<void>>()
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly opts: {
      retries: number
      reporter: Reporter
      bounds: RegistryBounds
      sleep?: (ms: number) => Promise<void>
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
        const blobs = [parsed.config, ...parsed.layers].filter(d => !d.urls?.length)
        await Promise.all(blobs.map(b => this.blob(src, dst, b)))
      }
      // The exact bytes whose digest was checked when they were read.
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
    await Promise.all(
      index.parsed.manifests.map(async d => this.place(src, dst, await src.manifest(d), depth + 1, d.digest))
    )
  }

  private blob(src: SourceStore, dst: Side, blob: BlobRef): Promise<void> {
    return this.once(`${dst.client.registry}/${dst.name}@${blob.digest}`, async () => {
      const sameRegistry = src.side?.client === dst.client
      if (!sameRegistry && (await hasBlob(dst.client, dst.name, blob.digest))) {
        await src.checkUnsent?.(blob)
        this.moved.blobsPresent++
        return
      }
      let mount = sameRegistry
      // Neither stream can be replayed: a transient failure starts the blob again, with a new session.
      // The window opens when the blob has its slot: time queued behind other blobs is not its own.
      await this.limited(() =>
        retry(
          async () => {
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
            maxElapsedMs: this.opts.bounds.copyWindowMs
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

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    while (this.active >= PARALLEL_BLOBS) await new Promise<void>(resolve => this.waiting.push(resolve))
    this.active++
    try {
      return await fn()
    } finally {
      this.active--
      this.waiting.shift()?.()
    }
  }
}

export const sameRepository = (a: Side, b: Side): boolean => a.client === b.client && a.name === b.name
