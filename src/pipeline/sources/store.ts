// Where a source's manifests and blobs are read from, so that the copy treats a registry, an OCI layout, a
// tar archive and an image of the docker engine alike: manifests by digest, blobs sent into a target's
// upload session.
import { createHash } from 'node:crypto'
import { Transform, type Readable } from 'node:stream'
import { manifestDigest, type Manifest, type RegistryClient } from '../../registry/api.js'
import { getSmallBlob, streamBlob, uploadBlob, type BlobRef } from '../../registry/blobs.js'
import { ClassifiedError } from '../../retry.js'
import type { FileTree } from './files.js'

/** A repository on a registry, with the client that speaks to that registry. */
export interface Side {
  client: RegistryClient
  name: string
}

export interface SourceStore {
  /** The repository, directory or archive, to name it in messages. */
  readonly where: string
  /** The registry repository it reads, when it is one: blobs may then be mounted rather than sent. */
  readonly side?: Side
  manifest(digest: string): Promise<Manifest>
  /** A small blob (an image config), its digest checked. */
  smallBlob(digest: string): Promise<Buffer>
  /** Sends the blob into `dst`'s upload session; resolves with the bytes sent. */
  sendBlob(blob: BlobRef, dst: Side, upload: URL): Promise<number>
}

export const registryStore = (side: Side): SourceStore => ({
  where: `${side.client.registry}/${side.name}`,
  side,
  manifest: digest => side.client.getManifest(side.name, digest),
  smallBlob: digest => getSmallBlob(side.client, side.name, digest),
  sendBlob: (blob, dst, upload) => streamBlob(side.client, side.name, dst.client, dst.name, blob, upload)
})

/** The most a manifest, an index or an image config may weigh when read from disk. */
export const MAX_SMALL = 4 * 1024 * 1024

/** What is on disk is not what its descriptor says: reading it again would not help. */
export class BlobMismatch extends ClassifiedError {
  constructor(message: string) {
    super(message, 'fatal')
    this.name = 'BlobMismatch'
  }
}

/**
 * Passes the bytes on while counting and hashing them, and fails the stream when they are not exactly
 * `blob.size` bytes hashing to `blob.digest`: more bytes fail at once, so no more is sent than promised.
 */
export function checked(blob: BlobRef, what: string): Transform {
  const algorithm = blob.digest.slice(0, blob.digest.indexOf(':'))
  const hash = createHash(algorithm)
  let size = 0
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length
      if (size > blob.size)
        return done(new BlobMismatch(`${what} is longer than the ${blob.size} bytes its descriptor says`))
      hash.update(chunk)
      done(null, chunk)
    },
    flush(done) {
      if (size !== blob.size)
        return done(new BlobMismatch(`${what} is ${size} bytes, not the ${blob.size} its descriptor says`))
      const got = `${algorithm}:${hash.digest('hex')}`
      done(
        got === blob.digest
          ? null
          : new BlobMismatch(`${what} does not match its digest ${blob.digest} (its bytes hash to ${got})`)
      )
    }
  })
}

/** `source` through checked(), with a read error passed on. */
export function checkedStream(source: Readable, blob: BlobRef, what: string): Readable {
  const out = checked(blob, what)
  source.on('error', error => out.destroy(error))
  out.on('close', () => source.destroy())
  return source.pipe(out)
}

/** Reads the whole stream through checked() and drops the bytes: a blob verified before anything is sent. */
export async function verifyStream(source: Readable, blob: BlobRef, what: string): Promise<void> {
  const stream = checkedStream(source, blob, what)
  for await (const _ of stream) void _
}

/**
 * A source on disk: every manifest it needs already read (and checked) into `manifests`, every blob a file
 * (`fileOf`), checked again as it is sent.
 */
export function localStore(
  where: string,
  manifests: Map<string, Manifest>,
  fileOf: (digest: string) => { tree: FileTree; name: string }
): SourceStore {
  return {
    where,
    async manifest(digest) {
      const m = manifests.get(digest)
      if (!m) throw new Error(`${where}: manifest ${digest} was not read`)
      return m
    },
    async smallBlob(digest) {
      const { tree, name } = fileOf(digest)
      const body = await tree.read(name, MAX_SMALL)
      if (digest.startsWith('sha256:') && manifestDigest(body) !== digest)
        throw new BlobMismatch(`${tree.where}: ${name} does not match its digest ${digest}`)
      return body
    },
    async sendBlob(blob, dst, upload) {
      const { tree, name } = fileOf(blob.digest)
      const body = checkedStream(tree.open(name), blob, `${tree.where}: ${name}`)
      await uploadBlob(dst.client, dst.name, blob, body, upload)
      return blob.size
    }
  }
}
