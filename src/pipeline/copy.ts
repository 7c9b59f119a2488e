// Puts a manifest, its child manifests and their blobs into a target repository, byte for byte: nothing
// within the same repository, a cross-repository mount within one registry, a stream between registries
// or from disk.
import type { Manifest } from '../registry/api.js'
import { hasBlob, startUpload, type BlobRef } from '../registry/blobs.js'
import type { Reporter } from '../reporter.js'
import { retry } from '../retry.js'
import { isIndex, type Descriptor } from './merge.js'
import { retrying } from './plan.js'
import type { Side, SourceStore } from './sources/store.js'

export type { Side } from './sources/store.js'

/** What the copy moved; the `metadata` output reports it. */
export interface Moved {
  /** Bytes of blobs streamed from one registry to another, or from disk (a mount moves none). */
  blobBytes: number
  blobsCopied: number
  blobsMounted: number
  /** Blobs the target already had. */
  blobsPresent: number
}

// As many blobs in flight as docker pushes layers at once by default.
const PARALLEL_BLOBS = 5

export class Copier {
  readonly moved: Moved = { blobBytes: 0, blobsCopied: 0, blobsMounted: 0, blobsPresent: 0 }
  /** One placement per target repository and digest, shared by every manifest that needs it. */
  private readonly placed = new Map<string, Promise<void>>()
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly opts: { retries: number; reporter: Reporter; sleep?: (ms: number) => Promise<void> }
  ) {}

  /** `manifest` (of `src`) into `dst` under its digest, with everything it refers to, children first. */
  place(src: SourceStore, dst: Side, manifest: Manifest): Promise<void> {
    if (src.side && sameRepository(src.side, dst)) return Promise.resolve()
    return this.once(`${dst.client.registry}/${dst.name}@${manifest.digest}`, async () => {
      const parsed = JSON.parse(manifest.body.toString('utf8')) as {
        manifests?: Descriptor[]
        config?: Descriptor
        layers?: Descriptor[]
      }
      if (isIndex(manifest.mediaType)) {
        await Promise.all(
          (parsed.manifests ?? []).map(async d => this.place(src, dst, await src.manifest(d.digest)))
        )
      } else {
        // Foreign layers (with urls) are not the registry's to hold, as docker and skopeo leave them.
        const blobs = [parsed.config, ...(parsed.layers ?? [])].filter(
          (d): d is Descriptor => !!d && !d.urls?.length
        )
        await Promise.all(blobs.map(b => this.blob(src, dst, b)))
      }
      await dst.client.putManifest(dst.name, manifest.digest, manifest.body, manifest.mediaType)
    })
  }

  private blob(src: SourceStore, dst: Side, blob: BlobRef): Promise<void> {
    return this.once(`${dst.client.registry}/${dst.name}@${blob.digest}`, async () => {
      const sameRegistry = src.side?.client === dst.client
      if (!sameRegistry && (await hasBlob(dst.client, dst.name, blob.digest))) {
        this.moved.blobsPresent++
        return
      }
      let mount = sameRegistry
      // Neither stream can be replayed: a transient failure starts the blob again, with a new session.
      await retry(
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
          const bytes = await this.limited(() => src.sendBlob(blob, dst, upload))
          this.moved.blobBytes += bytes
          this.moved.blobsCopied++
        },
        retrying(
          `copy of ${blob.digest} to ${dst.client.registry}/${dst.name}`,
          this.opts.retries,
          this.opts.reporter,
          this.opts.sleep
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
