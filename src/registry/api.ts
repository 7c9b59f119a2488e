// The distribution (OCI) HTTP API, just enough to read and write manifests: the top layer, over the
// authenticator and the transport.

import { createHash } from 'node:crypto'
import { isValidTag, pathProblem } from '../core/reference.js'
import { Authenticator, type CredentialLookup } from './auth.js'
import { headerValue, RegistryError, where } from './errors.js'
import { contentDigest, digestProblem, MANIFEST_TYPES } from './oci.js'
import { Transport, type Response, type TransportOptions } from './transport.js'

export { RegistryError } from './errors.js'

export interface RegistryClientOptions extends TransportOptions {
  credentials?: CredentialLookup
}

export interface Manifest {
  /** `sha256:` + hex sha256 of the exact body bytes. */
  digest: string
  mediaType: string
  body: Buffer
  /** Docker-Content-Digest as the registry sent it; informational only. */
  headerDigest?: string
}

export const MANIFEST_ACCEPT: string[] = MANIFEST_TYPES

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/

export function manifestDigest(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`
}

export class RegistryClient {
  readonly registry: string
  /** For the blob and tag modules beside this one (blobs.ts, tags-list.ts); not for the pipeline. */
  readonly transport: Transport
  readonly auth: Authenticator

  constructor(opts: RegistryClientOptions) {
    this.registry = opts.registry
    this.transport = new Transport(opts)
    this.auth = new Authenticator(this.transport, opts.credentials)
  }

  /** HTTP requests made, including token fetches and retries. */
  get requestCount(): number {
    return this.transport.requestCount
  }

  /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
  get baseUrl(): string {
    return this.transport.baseUrl
  }

  /** Fetches a manifest by tag or digest; `repo` is the remote path (`library/nginx` on Docker Hub). */
  async getManifest(repo: string, reference: string): Promise<Manifest> {
    this.validate(repo, reference)
    // By digest, the content is checked against it: a digest that cannot be checked is not asked for.
    const byDigest = DIGEST.test(reference)
    const problem = byDigest ? digestProblem(reference) : undefined
    if (problem) throw new RegistryError(`cannot fetch ${repo}@${reference}: ${problem}`, 'fatal')
    const path = `manifests/${reference}`
    const res = await this.auth.request('GET', this.url(repo, path), repo, 'pull', {
      Accept: MANIFEST_ACCEPT.join(', ')
    })
    // Named anew: the request may have moved an insecure registry to plain HTTP.
    const url = this.url(repo, path)
    if (res.status !== 200) throw this.transport.httpError('GET', url, res, 'fatal')
    const digest = manifestDigest(res.body)
    const served = byDigest ? contentDigest(reference, res.body) : reference
    if (served !== reference) {
      throw new RegistryError(`GET ${where(url)} returned content whose digest is ${served}`, 'fatal', {
        status: res.status
      })
    }
    return {
      digest,
      mediaType: mediaTypeOf(res),
      body: res.body,
      headerDigest: headerValue(res.headers['docker-content-digest'])
    }
  }

  /** Uploads a manifest under `tag`; returns the digest of `body`, which is what the registry stores. */
  async putManifest(repo: string, tag: string, body: Buffer, mediaType: string): Promise<string> {
    this.validate(repo, tag)
    const path = `manifests/${tag}`
    const headers = { 'Content-Type': mediaType, 'Content-Length': String(body.length) }
    const res = await this.auth.request('PUT', this.url(repo, path), repo, 'pull,push', headers, body)
    if (res.status < 200 || res.status > 299)
      throw this.transport.httpError('PUT', this.url(repo, path), res, 'fatal')
    return manifestDigest(body)
  }

  /** GET /v2/: the registry is up and speaks the distribution API (a 401 counts: it only asks for auth). */
  async ping(): Promise<void> {
    const url = new URL(`${this.baseUrl}/v2/`)
    const res = await this.transport.send('GET', url, {})
    if (res.status !== 200 && res.status !== 401) throw this.transport.httpError('GET', url, res, 'fatal')
  }

  /**
   * ping() for a run that will push to `repo`: also fails, before any build, when the registry asks for
   * a login that cannot succeed (see Authenticator.checkPushAccess). Passes every registry answering 200.
   */
  async checkPushAccess(repo: string): Promise<void> {
    const problem = pathProblem(repo)
    if (problem) throw new RegistryError(`invalid repository "${repo}": ${problem}`, 'fatal')
    const url = new URL(`${this.baseUrl}/v2/`)
    const res = await this.transport.send('GET', url, {})
    if (res.status === 401) return this.auth.checkPushAccess(res, repo, url)
    if (res.status !== 200) throw this.transport.httpError('GET', url, res, 'fatal')
  }

  close(): void {
    this.transport.close()
  }

  private validate(repo: string, reference: string): void {
    // Both end up in a URL path, so anything outside the grammar (`..`, `?`) is refused outright.
    const problem = pathProblem(repo)
    if (problem) throw new RegistryError(`invalid repository "${repo}": ${problem}`, 'fatal')
    if (!isValidTag(reference) && !DIGEST.test(reference))
      throw new RegistryError(`invalid tag or digest "${reference}"`, 'fatal')
  }

  /** `<base>/v2/<repo>/<path>`, named anew each time: an insecure registry may have moved to plain HTTP. */
  url(repo: string, path: string): URL {
    return new URL(`${this.baseUrl}/v2/${repo}/${path}`)
  }
}

function mediaTypeOf(res: Response): string {
  const contentType = (headerValue(res.headers['content-type']) ?? '').split(';')[0].trim().toLowerCase()
  if (contentType.startsWith('application/vnd.')) return contentType
  // Some servers send application/json; the manifest names its own type.
  try {
    const declared = (JSON.parse(res.body.toString('utf8')) as { mediaType?: unknown }).mediaType
    if (typeof declared === 'string' && declared !== '') return declared
  } catch {
    // not JSON: fall through to whatever the header said
  }
  return contentType
}
