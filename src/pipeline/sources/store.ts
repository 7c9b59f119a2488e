// Where a source's manifests and blobs are read from, so that the copy treats a registry, an OCI layout, a
// tar archive and an image of the docker engine alike: manifests by the descriptor that names them (checked
// against it and parsed), blobs sent into a target's upload session, checked on the way and bounded.
import type { Readable } from 'node:stream'
import {
  CheckedBlob,
  ContentMismatch,
  getSmallBlob,
  pushStream,
  streamBlob,
  type BlobRef
} from '../../registry/blobs.js'
import { InputError } from '../../inputs/error.js'
import { RegistryError } from '../../registry/errors.js'
import { contentDigest, type Descriptor } from '../../registry/oci.js'
import type { FileTree } from './files.js'
import { readSource, type Side, type SourceManifest } from './read.js'

export interface SourceStore {
  /** The repository, directory or archive, to name it in messages. */
  readonly where: string
  /** The registry repository it reads, when it is one: blobs may then be mounted rather than sent. */
  readonly side?: Side
  /** The manifest `d` names, checked against it (digest, size) and parsed. */
  manifest(d: Descriptor): Promise<SourceManifest>
  /** A small blob (an image config), its digest checked. */
  smallBlob(digest: string): Promise<Buffer>
  /**
   * Sends the blob into `dst`'s upload session, its length and digest checked on the way, ending after
   * `ceilingMs`; resolves with the bytes sent.
   */
  sendBlob(blob: BlobRef, dst: Side, upload: URL, ceilingMs?: number): Promise<number>
  /**
   * A blob the target already has, so nothing of it is sent: a source on disk still checks that its own
   * file is what the descriptor says (sent blobs are checked as they go).
   */
  checkUnsent?(blob: BlobRef): Promise<void>
}

export const registryStore = (side: Side): SourceStore => ({
  where: `${side.client.registry}/${side.name}`,
  side,
  manifest: d => readSource(side, d),
  smallBlob: digest => getSmallBlob(side.client, side.name, digest),
  sendBlob: (blob, dst, upload, ceilingMs) =>
    streamBlob(side.client, side.name, dst.client, dst.name, blob, upload, ceilingMs)
})

/**
 * A file that is not what its descriptor says is bad input: the held-back last chunk kept its upload from
 * completing, and no manifest or tag has been written.
 */
const asInputError = (error: unknown): never => {
  throw error instanceof ContentMismatch ? new InputError('sources', error.message) : error
}

/** The most a manifest, an index or an image config may weigh when read from disk. */
export const MAX_SMALL = 4 * 1024 * 1024

/** Reads the whole stream, checked as a blob that is sent is, and drops the bytes. */
export async function verifyStream(source: Readable, blob: BlobRef, what: string): Promise<void> {
  const checked = new CheckedBlob(blob, what, 'has')
  source.on('error', error => checked.destroy(error))
  checked.on('close', () => source.destroy())
  for await (const _ of source.pipe(checked)) void _
}

/**
 * A source on disk: every manifest it needs already read, checked and parsed into `manifests`, every blob
 * a file (`fileOf`), checked again as it is sent.
 */
export function localStore(
  where: string,
  manifests: Map<string, SourceManifest>,
  fileOf: (digest: string) => { tree: FileTree; name: string }
): SourceStore {
  return {
    where,
    async manifest(d) {
      const m = manifests.get(d.digest)
      if (!m) throw new RegistryError(`source ${where}: manifest ${d.digest} was not read`, 'fatal')
      if (m.body.length !== d.size)
        throw new RegistryError(
          `source ${m.label}: the manifest has ${m.body.length} bytes, but its descriptor's size is ${d.size}`,
          'fatal'
        )
      return m
    },
    async smallBlob(digest) {
      const { tree, name } = fileOf(digest)
      const body = await tree.read(name, MAX_SMALL)
      const got = contentDigest(digest, body)
      if (got !== digest)
        throw new RegistryError(`${tree.where}: ${name} has other content (its digest is ${got})`, 'fatal')
      return body
    },
    sendBlob(blob, dst, upload, ceilingMs) {
      const { tree, name } = fileOf(blob.digest)
      return pushStream(
        () => tree.open(name),
        `${tree.where}: ${name}`,
        dst.client,
        dst.name,
        blob,
        upload,
        ceilingMs
      ).catch(asInputError)
    },
    async checkUnsent(blob) {
      const { tree, name } = fileOf(blob.digest)
      await verifyStream(tree.open(name), blob, `${tree.where}: ${name}`).catch(asInputError)
    }
  }
}
