// Blobs between repositories and registries: HEAD, cross-repository mount, and a streamed copy (GET from
// the source, or a file → one monolithic PUT to the target), for promoting and merging images without the
// engine.

import { formatSeconds, MIN_THROUGHPUT } from '../core/bounds.js'
import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { kindOf } from '../core/retry.js'
import { messageOf, oneLine } from '../core/text.js'
import type { RegistryClient } from './api.js'
import { headerValue, RegistryError, where } from './errors.js'
import { contentDigest, digestOf, digestProblem, hashFor } from './oci.js'
import { openRead, sendStream, statusKind, streamError } from './stream.js'

export interface BlobRef {
  digest: string
  size: number
}

/** How a blob came to be in the target. */
export type Placed = 'present' | 'mounted' | 'copied'

function checkDigest(digest: string): void {
  // It goes into a URL path and a query: nothing outside the grammar, and nothing that cannot be verified.
  const problem = digestProblem(digest)
  if (problem) throw new RegistryError(`invalid blob digest: ${problem}`, 'fatal')
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
  const got = contentDigest(digest, res.body)
  if (got !== digest)
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
  let upload: URL | undefined
  try {
    upload = new URL(location, client.transport.effective(client.url(repo, path)))
  } catch {
    // reported below
  }
  if (!upload || (upload.protocol !== 'https:' && upload.protocol !== 'http:'))
    throw new RegistryError(
      `blob upload POST ${where(client.url(repo, path))}: its Location names an upload that cannot be reached (${JSON.stringify(oneLine(location, 200))})`,
      'fatal'
    )
  return upload
}

/**
 * Streams one blob from `src`/`srcRepo` into an upload session of `dst`/`dstRepo` (monolithic PUT with the
 * digest, which the target checks too). Resolves with the bytes moved. Not retried here: the caller retries
 * the whole copy, since neither stream can be replayed. Both exchanges end when `ceilingMs` has passed,
 * a transient failure: the idle bound alone would let a source that trickles hold the step for hours.
 *
 * The source is not trusted: a declared length other than the descriptor's size is refused before the PUT,
 * bytes are counted and hashed on the way, and the last chunk is held back until length and digest are
 * right, so the target never holds a complete upload of wrong content, nor any byte past `size` (which it
 * would read as a request of its own on the same connection). Such a failure names the source.
 */
export async function streamBlob(
  src: RegistryClient,
  srcRepo: string,
  dst: RegistryClient,
  dstRepo: string,
  blob: BlobRef,
  upload: URL,
  ceilingMs?: number
): Promise<number> {
  checkDigest(blob.digest)
  return withCeiling(blob, `${src.registry}/${srcRepo}`, `${dst.registry}/${dstRepo}`, ceilingMs, signal =>
    moveBlob(src, srcRepo, dst, dstRepo, blob, upload, signal)
  )
}

/**
 * A blob read from `open()` (a file: `source` names it) into an upload session of `dst`/`dstRepo`, checked
 * on the way as a registry's blob is, and bounded by `ceilingMs` alike. Not retried here.
 */
export async function pushStream(
  open: () => Readable,
  source: string,
  dst: RegistryClient,
  dstRepo: string,
  blob: BlobRef,
  upload: URL,
  ceilingMs?: number
): Promise<number> {
  checkDigest(blob.digest)
  return withCeiling(blob, source, `${dst.registry}/${dstRepo}`, ceilingMs, signal => {
    const body = open()
    const checked = new CheckedBlob(blob, source, 'has')
    body.on('error', err =>
      checked.destroy(
        new RegistryError(`${source}: reading it failed: ${oneLine(messageOf(err), 300)}`, 'fatal')
      )
    )
    checked.on('close', () => body.destroy())
    signal.addEventListener('abort', () => checked.destroy())
    body.pipe(checked)
    return putBlob(dst, dstRepo, blob, checked, upload, signal)
  })
}

/** `move` aborted by its signal after `ceilingMs`, which ends as a transient error saying so. */
export async function withCeiling(
  blob: BlobRef,
  from: string,
  to: string,
  ceilingMs: number | undefined,
  move: (signal: AbortSignal) => Promise<number>
): Promise<number> {
  const ceiling = new AbortController()
  const timer = ceilingMs === undefined ? undefined : setTimeout(() => ceiling.abort(), ceilingMs)
  try {
    return await move(ceiling.signal)
  } catch (error) {
    if (!ceiling.signal.aborted) throw error
    throw new RegistryError(
      `copy of ${blob.digest} (${blob.size} bytes) from ${from} to ${to} ` +
        `not done after ${formatSeconds(ceilingMs!)} s (a blob stream's bound grows with its size at ${MIN_THROUGHPUT / 1024 / 1024} MiB/s): the transfer is too slow`,
      'transient'
    )
  } finally {
    clearTimeout(timer)
  }
}

async function moveBlob(
  src: RegistryClient,
  srcRepo: string,
  dst: RegistryClient,
  dstRepo: string,
  blob: BlobRef,
  upload: URL,
  signal: AbortSignal
): Promise<number> {
  return putBlob(dst, dstRepo, blob, await openBlob(src, srcRepo, blob, signal), upload, signal)
}

/**
 * The blob `src`/`srcRepo` serves, as a stream checked against `blob` (length and digest, the last chunk
 * held back until both are right), its source read under the idle bound and ended by `signal`.
 */
export async function openBlob(
  src: RegistryClient,
  srcRepo: string,
  blob: BlobRef,
  signal: AbortSignal,
  /** What the blob is called in errors. */
  source = `source ${src.registry}/${srcRepo}: blob ${blob.digest}`
): Promise<CheckedBlob> {
  checkDigest(blob.digest)
  const read = async () => {
    const auth = await src.auth.headerFor(srcRepo, 'pull')
    return openRead(
      src.transport,
      src.url(srcRepo, `blobs/${blob.digest}`),
      auth ? { Authorization: auth } : {},
      signal
    )
  }
  // A failure to read it (a blob gone since the manifests were read) is the source's, and says so.
  const named = (error: unknown): never => {
    if (!(error instanceof RegistryError)) throw error
    const { kind, status, code, retryAfterMs } = error
    throw new RegistryError(`${source}: ${error.message}`, kind, { status, code, retryAfterMs })
  }
  let got = await read().catch(named)
  if (got.res.statusCode === 401) {
    // A token that expired since the manifests were read: one buffered request renews it.
    got.res.resume()
    await src.auth.request('HEAD', src.url(srcRepo, `blobs/${blob.digest}`), srcRepo, 'pull', {}).catch(named)
    got = await read().catch(named)
  }
  if (got.res.statusCode !== 200) named(await streamError(src.transport, 'GET', got))

  const declared = headerValue(got.res.headers['content-length'])
  if (declared !== undefined && declared !== String(blob.size)) {
    // Never read on, and never back into the pool: the connection is in an unknown state.
    got.res.destroy()
    throw new RegistryError(
      `${source} is served with ${oneLine(declared, 40)} bytes, but its descriptor's size is ${blob.size}`,
      'fatal'
    )
  }
  const checked = new CheckedBlob(blob, source)
  got.res.on('error', err =>
    checked.destroy(
      err instanceof RegistryError
        ? err
        : new RegistryError(`${source}: reading it failed: ${oneLine(messageOf(err), 300)}`, kindOf(err))
    )
  )
  got.res.on('close', () => {
    if (!got.res.complete)
      checked.destroy(new RegistryError(`${source}: the source closed the connection mid-blob`, 'transient'))
  })
  // A reader that ended early (a PUT the target answered, a file that failed) needs no more of the source.
  checked.on('close', () => {
    if (checked.errored || !got.res.complete) got.res.destroy()
  })
  got.res.pipe(checked)
  return checked
}

/** `body` into the upload session: one monolithic PUT with the digest, which the target checks too. */
async function putBlob(
  dst: RegistryClient,
  dstRepo: string,
  blob: BlobRef,
  checked: CheckedBlob,
  upload: URL,
  signal: AbortSignal
): Promise<number> {
  const put = new URL(upload)
  put.searchParams.set('digest', blob.digest)
  const auth = await dst.auth.headerFor(dstRepo, 'pull,push')
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' }
  if (auth && put.origin === dst.transport.effective(dst.url(dstRepo, '')).origin)
    headers.Authorization = auth
  const res = await sendStream(dst.transport, 'PUT', put, headers, checked, blob.size, signal)
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
  return checked.bytes
}

/**
 * Passes a blob's bytes on while counting and hashing them, never more than its size, and holds the last
 * chunk back until the whole blob has the right length and digest: a wrong blob ends as an error of the
 * source, and whatever reads this never sees all of it.
 */
/** What a source sent is not what its descriptor says: its length or its digest. Never retried. */
export class ContentMismatch extends RegistryError {
  constructor(message: string) {
    super(message, 'fatal')
    this.name = 'ContentMismatch'
  }
}

export class CheckedBlob extends Transform {
  bytes = 0
  private readonly hash
  private held?: Buffer

  /** `verb` says how the bytes came: a registry's blob "is served with" them, a file "has" them. */
  constructor(
    private readonly blob: BlobRef,
    private readonly source: string,
    private readonly verb = 'is served with'
  ) {
    super()
    this.hash = hashFor(blob.digest)
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length
    if (this.bytes > this.blob.size)
      return done(
        new ContentMismatch(
          `${this.source} ${this.verb} more bytes than its descriptor's size (${this.blob.size})`
        )
      )
    this.hash.update(chunk)
    if (this.held) this.push(this.held)
    this.held = chunk
    done()
  }

  override _flush(done: TransformCallback): void {
    if (this.bytes < this.blob.size)
      return done(
        new ContentMismatch(`${this.source} ended after ${this.bytes} of its ${this.blob.size} bytes`)
      )
    const got = digestOf(this.blob.digest, this.hash)
    if (got !== this.blob.digest)
      return done(new ContentMismatch(`${this.source} ${this.verb} other content (its digest is ${got})`))
    done(null, this.held)
  }
}
