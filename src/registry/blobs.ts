// Blobs between repositories and registries: HEAD, cross-repository mount, and a streamed copy (GET from
// the source → one monolithic PUT to the target), for promoting and merging images without the engine.

import type { Readable } from 'node:stream'
import { manifestDigest, type RegistryClient } from './api.js'
import { headerValue, RegistryError, where } from './errors.js'
import { openRead, sendStream, statusKind, streamError } from './stream.js'

export interface BlobRef {
  digest: string
  size: number
}

/** How a blob came to be in the target. */
export type Placed = 'present' | 'mounted' | 'copied'

const DIGEST = /^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/

function checkDigest(digest: string): void {
  // It goes into a URL path and a query: nothing outside the grammar.
  if (!DIGEST.test(digest)) throw new RegistryError(`invalid blob digest "${digest}"`, 'fatal')
}

/** Whether `repo` on this registry has the blob. */
export async function hasBlob(client: RegistryClient, repo: string, digest: string): Promise<boolean> {
  checkDigest(digest)
  const url = client.url(repo, `blobs/${digest}`)
  const res = await client.auth.request('HEAD', url, repo, 'pull', {})
  if (res.status === 200) return true
  if (res.status === 404) return false
  throw client.transport.httpError('HEAD', client.url(repo, `blobs/${digest}`), res, 'fatal')
}

/** A small blob (an image config), read whole; its digest is checked. */
export async function getSmallBlob(client: RegistryClient, repo: string, digest: string): Promise<Buffer> {
  checkDigest(digest)
  const res = await client.auth.request('GET', client.url(repo, `blobs/${digest}`), repo, 'pull', {})
  if (res.status !== 200)
    throw client.transport.httpError('GET', client.url(repo, `blobs/${digest}`), res, 'fatal')
  const got = manifestDigest(res.body)
  if (digest.startsWith('sha256:') && got !== digest)
    throw new RegistryError(`GET ${where(client.url(repo, `blobs/${digest}`))} returned ${got}`, 'fatal')
  return res.body
}

/**
 * POST /v2/<repo>/blobs/uploads/, with `?mount=&from=` when the blob is in `from` on the same registry.
 * Mounted: nothing to upload. Otherwise the upload session's URL (a registry that does not mount, or a
 * blob it could not find in `from`, answers 202 and starts an ordinary upload).
 */
export async function startUpload(
  client: RegistryClient,
  repo: string,
  mount?: { digest: string; from: string }
): Promise<'mounted' | URL> {
  const path = 'blobs/uploads/'
  const url = client.url(repo, path)
  if (mount) {
    checkDigest(mount.digest)
    url.searchParams.set('mount', mount.digest)
    url.searchParams.set('from', mount.from)
  }
  const also = mount ? `repository:${mount.from}:pull` : undefined
  const headers = { 'Content-Length': '0' }
  const res = await client.auth.request('POST', url, repo, 'pull,push', headers, undefined, also)
  if (mount && res.status === 201) return 'mounted'
  const location = headerValue(res.headers.location)
  if (res.status !== 202 || !location)
    throw client.transport.httpError('POST', client.url(repo, path), res, 'fatal', 'blob upload')
  return new URL(location, client.transport.effective(client.url(repo, path)))
}

/**
 * Streams one blob from `src`/`srcRepo` into an upload session of `dst`/`dstRepo` (monolithic PUT with the
 * digest, which the target checks). Resolves with the bytes moved. Not retried here: the caller retries
 * the whole copy, since neither stream can be replayed.
 */
export async function streamBlob(
  src: RegistryClient,
  srcRepo: string,
  dst: RegistryClient,
  dstRepo: string,
  blob: BlobRef,
  upload: URL
): Promise<number> {
  checkDigest(blob.digest)
  const read = async () => {
    const auth = await src.auth.headerFor(srcRepo, 'pull')
    return openRead(
      src.transport,
      src.url(srcRepo, `blobs/${blob.digest}`),
      auth ? { Authorization: auth } : {}
    )
  }
  let got = await read()
  if (got.res.statusCode === 401) {
    // A token that expired since the manifests were read: one buffered request renews it.
    got.res.resume()
    await src.auth.request('HEAD', src.url(srcRepo, `blobs/${blob.digest}`), srcRepo, 'pull', {})
    got = await read()
  }
  if (got.res.statusCode !== 200) throw await streamError(src.transport, 'GET', got)

  let moved = 0
  got.res.on('data', (chunk: Buffer) => (moved += chunk.length))
  await uploadBlob(dst, dstRepo, blob, got.res, upload)
  return moved
}

/**
 * `body` (exactly `blob.size` bytes) into an upload session of `dst`/`dstRepo`: one monolithic PUT with the
 * digest, which the target checks. Not retried here: a stream cannot be replayed.
 */
export async function uploadBlob(
  dst: RegistryClient,
  dstRepo: string,
  blob: BlobRef,
  body: Readable,
  upload: URL
): Promise<void> {
  checkDigest(blob.digest)
  const put = new URL(upload)
  put.searchParams.set('digest', blob.digest)
  const auth = await dst.auth.headerFor(dstRepo, 'pull,push')
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' }
  if (auth && put.origin === dst.transport.effective(dst.url(dstRepo, '')).origin)
    headers.Authorization = auth
  const res = await sendStream(dst.transport, 'PUT', put, headers, body, blob.size)
  if (res.status !== 201 && res.status !== 204) {
    const error = dst.transport.httpError('PUT', put, res, statusKind(res.status), 'blob upload')
    throw res.status === 401 || res.status === 403
      ? new RegistryError(
          `${error.message} (the credentials for ${dst.registry} were rejected or lack push access to ${dstRepo})`,
          'auth',
          { status: res.status, code: error.code }
        )
      : error
  }
}
