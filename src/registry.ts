// A small client for the distribution (OCI) HTTP API: just enough to read and write manifests, with the
// token dance, keep-alive connections and bounded retries.

import http from 'node:http'
import type https from 'node:https'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { ClassifiedError, kindOf, parseRetryAfter, retry, type FailureKind } from './retry.js'
import { isDockerHub, isLoopbackRegistry, isValidTag, pathProblem } from './reference.js'

/** Docker's convention for identity (refresh) tokens: username `<token>`, password = the token. */
export interface Credentials {
  username: string
  password: string
}
export type CredentialLookup = (registry: string) => Promise<Credentials | undefined>

export interface RegistryClientOptions {
  /** Normalized host[:port], e.g. `docker.io`, `localhost:5000`, `[::1]:5000`, `ghcr.io`. */
  registry: string
  credentials?: CredentialLookup
  /** Total attempts per HTTP request for transient failures. */
  attempts?: number
  /** Called with a one-line reason before each retry wait. */
  onRetry?: (message: string) => void
  /** Per request, connect through the end of the response body. */
  timeoutMs?: number
  sleep?: (ms: number) => Promise<void>
  /**
   * Whether docker treats this registry as insecure (daemon.json `insecure-registries`): then, as dockerd
   * does, an unverifiable certificate is accepted and a plain-HTTP registry is spoken to over HTTP. Asked
   * only after HTTPS failed at the TLS level, so a healthy registry never pays for it.
   */
  insecure?: () => Promise<boolean>
  /**
   * Where dockerd looks for a registry's TLS material: `<dir>/<host:port>/*.crt` are extra CAs, and
   * `*.cert` with its `*.key` a client certificate. The client uses the same. Default /etc/docker/certs.d.
   */
  certsDir?: string
}

export interface Manifest {
  /** `sha256:` + hex sha256 of the exact body bytes. */
  digest: string
  mediaType: string
  body: Buffer
  /** Docker-Content-Digest as the registry sent it; informational only. */
  headerDigest?: string
}

export interface Challenge {
  /** Lowercased: `basic`, `bearer`, ... */
  scheme: string
  /** Parameter names lowercased, values unquoted. */
  params: Record<string, string>
  /** The token68 form (`Negotiate abc==`), which has no params. */
  token68?: string
}

export const MANIFEST_ACCEPT: string[] = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json'
]

const DEFAULT_ATTEMPTS = 3
const DEFAULT_TIMEOUT_MS = 15000
const MAX_SOCKETS = 8
// Manifests are capped at 4 MiB by registries; anything far larger is not a manifest.
const MAX_BODY_BYTES = 16 * 1024 * 1024
// Refresh a bit early so a token does not expire between being read from the cache and being used.
const TOKEN_EXPIRY_MARGIN_MS = 10000
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/
const USER_AGENT = 'build-tag-push'

/** A failed registry interaction; `kind` drives retry() through ClassifiedError. */
export class RegistryError extends ClassifiedError {
  /** HTTP status, when the registry answered. */
  readonly status?: number
  /** First `errors[].code` of the registry's JSON body, or the system error code (ECONNREFUSED, ...). */
  readonly code?: string

  constructor(
    message: string,
    kind: FailureKind,
    details: { status?: number; code?: string; retryAfterMs?: number } = {}
  ) {
    super(message, kind, details.retryAfterMs)
    this.name = 'RegistryError'
    this.status = details.status
    this.code = details.code
  }
}

export function registryBaseUrl(registry: string): string {
  if (isDockerHub(registry)) return 'https://registry-1.docker.io'
  return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`
}

export function manifestDigest(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`
}

// RFC 9110 token characters, the token68 form, and one auth-param (value quoted or bare).
const WS_COMMA = /[\s,]*/y
const SCHEME = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y
const TOKEN68 = /[ \t]+([A-Za-z0-9._~+/-]+=*)[ \t]*(?=,|$)/y
const PARAM = /[\s,]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*=[ \t]*(?:"((?:[^"\\]|\\.)*)"?|([^\s,"]*))/y

/**
 * Parses a WWW-Authenticate value, possibly holding several challenges. A comma ends a challenge only
 * when what follows is not `name=value`, which is how quoted commas and multiple challenges coexist.
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let i = 0
  while (i < header.length) {
    WS_COMMA.lastIndex = i
    WS_COMMA.exec(header)
    i = WS_COMMA.lastIndex
    if (i >= header.length) break
    SCHEME.lastIndex = i
    const scheme = SCHEME.exec(header)
    if (!scheme) {
      i++ // not a challenge; skip the stray character
      continue
    }
    i = SCHEME.lastIndex
    const challenge: Challenge = { scheme: scheme[0].toLowerCase(), params: {} }
    TOKEN68.lastIndex = i
    const token68 = TOKEN68.exec(header)
    if (token68) {
      challenge.token68 = token68[1]
      i = TOKEN68.lastIndex
    } else {
      for (;;) {
        PARAM.lastIndex = i
        const param = PARAM.exec(header)
        if (!param) break
        challenge.params[param[1].toLowerCase()] =
          param[2] !== undefined ? param[2].replace(/\\(.)/g, '$1') : param[3]
        i = PARAM.lastIndex
      }
    }
    challenges.push(challenge)
  }
  return challenges
}

interface Response {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

interface Token {
  header: string
  expiresAt: number
}

interface Authorization {
  header: string
  /** Obtained by this very request, so a 401 with it means the credentials are wrong. */
  fresh: boolean
  /** The cached token promise it came from, to drop it if the registry rejects it. */
  cached?: Promise<Token>
  scope?: string
}

type Actions = 'pull' | 'pull,push'

/** One line, bounded, so registry text can go straight into a log or an error. */
function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** The registry's own words from a distribution error body, or a token server's `details`/`error`. */
function errorBodyMessage(body: Buffer): { code?: string; message?: string } {
  const text = body.toString('utf8').trim()
  if (text === '') return {}
  try {
    const json = JSON.parse(text) as {
      errors?: { code?: unknown; message?: unknown; detail?: unknown }[]
      details?: unknown
      error?: unknown
      error_description?: unknown
      message?: unknown
    }
    const first = Array.isArray(json.errors) ? json.errors[0] : undefined
    if (first) {
      const code = typeof first.code === 'string' ? first.code : undefined
      const message = typeof first.message === 'string' ? first.message : undefined
      return { code, message }
    }
    for (const value of [json.details, json.error_description, json.message, json.error]) {
      if (typeof value === 'string' && value !== '') return { message: value }
    }
    return {}
  } catch {
    // Proxies answer with HTML pages; their markup is noise in a one-line error.
    return /^</.test(text) ? {} : { message: text }
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

function basicHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

function isIdentityToken(credentials: Credentials): boolean {
  return credentials.username === '<token>'
}

const CERTIFICATE_ERRORS = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID'
])

/** How an HTTPS request failed at the TLS level, if it did: a plain-HTTP server, or a certificate. */
export function tlsFailure(err: unknown): 'plain-http' | 'certificate' | undefined {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && CERTIFICATE_ERRORS.has(code)) return 'certificate'
  const text = typeof message === 'string' ? message : ''
  if (code === 'EPROTO' || code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text))
    return 'plain-http'
  return undefined
}

function where(url: URL): string {
  return `${url.origin}${url.pathname}`
}

export class RegistryClient {
  readonly registry: string
  /** HTTP requests made, including token fetches and retries. */
  requestCount = 0

  private readonly lookup?: CredentialLookup
  private readonly attempts: number
  private readonly timeoutMs: number
  private readonly onRetry?: (message: string) => void
  private readonly sleep?: (ms: number) => Promise<void>
  private readonly agents: {
    http?: http.Agent
    https?: https.Agent
    unverified?: https.Agent
    registry?: https.Agent
  } = {}
  private readonly certsDir: string
  /** The registry's certs.d material, read on the first HTTPS request to it (undefined: none). */
  private certsDirTls?: Promise<CertsDirTls | undefined>
  private readonly origin: string
  private readonly insecure?: () => Promise<boolean>
  /** Set once docker's config said this registry is insecure and HTTPS failed: how to reach it now. */
  private insecureMode?: 'unverified' | 'http'
  private credentialsPromise?: Promise<Credentials | undefined>
  /** Set once the registry asked for Basic and we had credentials; sent preemptively from then on. */
  private basic?: string
  /** The registry's Bearer challenge, remembered so new scopes fetch a token without a 401 first. */
  private bearer?: Challenge
  private readonly tokens = new Map<string, Promise<Token>>()

  constructor(opts: RegistryClientOptions) {
    this.registry = opts.registry
    this.origin = registryBaseUrl(opts.registry)
    this.insecure = opts.insecure
    this.certsDir = opts.certsDir ?? '/etc/docker/certs.d'
    this.lookup = opts.credentials
    this.attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS)
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.onRetry = opts.onRetry
    this.sleep = opts.sleep
  }

  /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
  get baseUrl(): string {
    return this.insecureMode === 'http' ? this.origin.replace(/^https:/, 'http:') : this.origin
  }

  /** Fetches a manifest by tag or digest; `repo` is the remote path (`library/nginx` on Docker Hub). */
  async getManifest(repo: string, reference: string): Promise<Manifest> {
    this.validate(repo, reference)
    const res = await this.request('GET', repo, `manifests/${reference}`, 'pull', {
      Accept: MANIFEST_ACCEPT.join(', ')
    })
    if (res.status !== 200)
      throw this.httpError('GET', this.url(repo, `manifests/${reference}`), res, 'fatal')
    const digest = manifestDigest(res.body)
    if (reference.startsWith('sha256:') && digest !== reference) {
      throw new RegistryError(
        `GET ${where(this.url(repo, `manifests/${reference}`))} returned content whose digest is ${digest}`,
        'fatal',
        { status: res.status }
      )
    }
    return {
      digest,
      mediaType: this.mediaTypeOf(res),
      body: res.body,
      headerDigest: headerValue(res.headers['docker-content-digest'])
    }
  }

  /** Uploads a manifest under `tag`; returns the digest of `body`, which is what the registry stores. */
  async putManifest(repo: string, tag: string, body: Buffer, mediaType: string): Promise<string> {
    this.validate(repo, tag)
    const path = `manifests/${tag}`
    const res = await this.request(
      'PUT',
      repo,
      path,
      'pull,push',
      { 'Content-Type': mediaType, 'Content-Length': String(body.length) },
      body
    )
    if (res.status < 200 || res.status > 299) throw this.httpError('PUT', this.url(repo, path), res, 'fatal')
    return manifestDigest(body)
  }

  /** GET /v2/: the registry is up and speaks the distribution API (a 401 counts: it only asks for auth). */
  async ping(): Promise<void> {
    const url = new URL(`${this.baseUrl}/v2/`)
    const res = await this.send('GET', url, {})
    if (res.status !== 200 && res.status !== 401) throw this.httpError('GET', url, res, 'fatal')
  }

  close(): void {
    for (const agent of Object.values(this.agents)) agent?.destroy()
  }

  private validate(repo: string, reference: string): void {
    // Both end up in a URL path, so anything outside the grammar (`..`, `?`) is refused outright.
    const problem = pathProblem(repo)
    if (problem) throw new RegistryError(`invalid repository "${repo}": ${problem}`, 'fatal')
    if (!isValidTag(reference) && !DIGEST.test(reference))
      throw new RegistryError(`invalid tag or digest "${reference}"`, 'fatal')
  }

  private url(repo: string, path: string): URL {
    return new URL(`${this.baseUrl}/v2/${repo}/${path}`)
  }

  private mediaTypeOf(res: Response): string {
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

  /** One registry API call with authentication: anonymous or cached first, then whatever a 401 asks for. */
  private async request(
    method: string,
    repo: string,
    path: string,
    actions: Actions,
    headers: Record<string, string>,
    body?: Buffer
  ): Promise<Response> {
    const url = this.url(repo, path)
    const scope = `repository:${repo}:${actions}`
    let auth = await this.knownAuthorization(scope)
    let res = await this.send(method, url, this.withAuth(headers, auth), body)
    if (res.status === 401 && !auth?.fresh) {
      if (auth?.cached && this.tokens.get(auth.scope!) === auth.cached) this.tokens.delete(auth.scope!)
      auth = await this.authorize(res, scope, method, url)
      res = await this.send(method, url, this.withAuth(headers, auth), body)
    }
    if (res.status === 401 || res.status === 403) {
      throw await this.authError(this.httpError(method, url, res, 'auth'), actions, repo)
    }
    return res
  }

  private withAuth(headers: Record<string, string>, auth: Authorization | undefined): Record<string, string> {
    return auth ? { ...headers, Authorization: auth.header } : headers
  }

  /** What we can send without being asked: Basic once the registry wanted it, or a Bearer token. */
  private async knownAuthorization(scope: string): Promise<Authorization | undefined> {
    if (this.basic) return { header: this.basic, fresh: true }
    if (!this.bearer) return undefined
    // A pull,push token also grants pull.
    for (const candidate of scope.endsWith(':pull') ? [scope, `${scope},push`] : [scope]) {
      const cached = this.tokens.get(candidate)
      if (!cached) continue
      try {
        const token = await cached
        if (token.expiresAt > Date.now())
          return { header: token.header, fresh: false, cached, scope: candidate }
      } catch {
        // a failed fetch is dropped from the cache by tokenFor; fetch anew below
      }
      if (this.tokens.get(candidate) === cached) this.tokens.delete(candidate)
    }
    return { header: (await this.tokenFor(scope)).header, fresh: true }
  }

  /** Reacts to a 401: picks the challenge and obtains what it asks for. */
  private async authorize(res: Response, scope: string, method: string, url: URL): Promise<Authorization> {
    const challenges = parseChallenges(headerValue(res.headers['www-authenticate']) ?? '')
    const bearer = challenges.find(c => c.scheme === 'bearer')
    if (bearer) {
      if (!bearer.params.realm) {
        throw new RegistryError(`${method} ${where(url)}: Bearer challenge without a realm`, 'auth', {
          status: 401
        })
      }
      this.bearer = bearer
      return { header: (await this.tokenFor(scope)).header, fresh: true }
    }
    if (challenges.some(c => c.scheme === 'basic')) {
      const credentials = await this.credentials()
      if (!credentials) {
        throw new RegistryError(
          `${method} ${where(url)} requires authentication, and no credentials were found for ${this.registry} (run docker login ${this.registry})`,
          'auth',
          { status: 401 }
        )
      }
      this.basic = basicHeader(credentials)
      return { header: this.basic, fresh: true }
    }
    const offered = challenges.map(c => c.scheme).join(', ') || 'none'
    throw new RegistryError(
      `${method} ${where(url)}: HTTP 401 with no supported authentication challenge (offered: ${offered})`,
      'auth',
      { status: 401 }
    )
  }

  /** Concurrent requests for the same scope share one token fetch. */
  private tokenFor(scope: string): Promise<Token> {
    const existing = this.tokens.get(scope)
    if (existing) return existing
    const pending = this.fetchToken(scope)
    this.tokens.set(scope, pending)
    pending.catch(() => {
      if (this.tokens.get(scope) === pending) this.tokens.delete(scope)
    })
    return pending
  }

  private async fetchToken(scope: string): Promise<Token> {
    const { realm, service } = this.bearer!.params
    let url: URL
    try {
      url = new URL(realm)
    } catch {
      throw new RegistryError(`${this.registry} sent an invalid token realm "${oneLine(realm, 100)}"`, 'auth')
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new RegistryError(`${this.registry} sent an unsupported token realm ${url.origin}`, 'auth')

    const credentials = await this.credentials()
    const ownHost = this.insecureMode === 'http' && url.origin === this.baseUrl
    if (credentials && url.protocol === 'http:' && !isLoopbackRegistry(url.host) && !ownHost) {
      throw new RegistryError(
        `refusing to send credentials for ${this.registry} over plain HTTP to token realm ${url.origin}`,
        'auth'
      )
    }
    const headers: Record<string, string> = { Accept: 'application/json' }
    let method = 'GET'
    let body: Buffer | undefined
    if (credentials && isIdentityToken(credentials)) {
      // Identity tokens are OAuth2 refresh tokens, exchanged by POST (what docker does after `docker login`).
      method = 'POST'
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.password })
      form.set('client_id', USER_AGENT)
      if (service) form.set('service', service)
      form.set('scope', scope)
      body = Buffer.from(form.toString())
      headers['Content-Type'] = 'application/x-www-form-urlencoded'
      headers['Content-Length'] = String(body.length)
    } else {
      if (service) url.searchParams.set('service', service)
      url.searchParams.set('scope', scope)
      if (credentials) {
        url.searchParams.set('account', credentials.username)
        headers.Authorization = basicHeader(credentials)
      }
    }

    const res = await this.send(method, url, headers, body)
    if (res.status === 401 || res.status === 403) {
      const error = this.httpError(method, url, res, 'auth', 'token request')
      throw await this.authError(error, scope.endsWith(',push') ? 'pull,push' : 'pull', scope.split(':')[1])
    }
    if (res.status !== 200) throw this.httpError(method, url, res, 'fatal', 'token request')
    let json: { token?: unknown; access_token?: unknown; expires_in?: unknown }
    try {
      json = JSON.parse(res.body.toString('utf8'))
    } catch {
      throw new RegistryError(
        `token request ${method} ${where(url)} returned a body that is not JSON`,
        'fatal'
      )
    }
    const token =
      typeof json.token === 'string' && json.token !== ''
        ? json.token
        : typeof json.access_token === 'string'
          ? json.access_token
          : ''
    if (token === '')
      throw new RegistryError(`token request ${method} ${where(url)} returned no token`, 'auth')
    // The spec's default lifetime is 60 s when expires_in is absent.
    const lifetimeMs =
      (typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60) * 1000
    return {
      header: `Bearer ${token}`,
      expiresAt: Date.now() + Math.max(lifetimeMs - TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2)
    }
  }

  /** Looked up once per client, and only when a registry asks, so anonymous registries spawn no helper. */
  private credentials(): Promise<Credentials | undefined> {
    if (!this.lookup) return Promise.resolve(undefined)
    this.credentialsPromise ??= this.lookup(this.registry).catch((err: unknown) => {
      throw new RegistryError(
        `could not read credentials for ${this.registry}: ${oneLine(err instanceof Error ? err.message : String(err))}`,
        'fatal'
      )
    })
    return this.credentialsPromise
  }

  /** Adds what the user can do about an auth failure. */
  private async authError(error: RegistryError, actions: Actions, repo: string): Promise<RegistryError> {
    let hint: string
    try {
      hint = (await this.credentials())
        ? `the credentials for ${this.registry} were rejected or lack ${actions} access to ${repo}`
        : `no credentials were found for ${this.registry} (run docker login ${this.registry})`
    } catch {
      hint = `credentials for ${this.registry} could not be read`
    }
    return new RegistryError(`${error.message} (${hint})`, 'auth', { status: error.status, code: error.code })
  }

  private httpError(method: string, url: URL, res: Response, kind: FailureKind, what = ''): RegistryError {
    const { code, message } = errorBodyMessage(res.body)
    const text = oneLine(message ?? http.STATUS_CODES[res.status] ?? '')
    const prefix = what ? `${what} ` : ''
    return new RegistryError(
      `${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`,
      kind,
      { status: res.status, code, retryAfterMs: parseRetryAfter(headerValue(res.headers['retry-after'])) }
    )
  }

  /** One logical HTTP request under retry(): throws for transient statuses, returns every other answer. */
  private send(method: string, url: URL, headers: Record<string, string>, body?: Buffer): Promise<Response> {
    return retry(
      async () => {
        let res: Response
        try {
          res = await this.exchange(method, url, headers, body)
        } catch (err) {
          throw this.networkError(method, url, err)
        }
        if (res.status === 408 || res.status === 429 || res.status >= 500)
          throw this.httpError(method, url, res, 'transient')
        return res
      },
      {
        attempts: this.attempts,
        sleep: this.sleep,
        onRetry: ({ attempt, attempts, delayMs, error }) =>
          this.onRetry?.(
            `${error instanceof Error ? error.message : String(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts})`
          )
      }
    )
  }

  private networkError(method: string, url: URL, err: unknown): RegistryError {
    if (err instanceof RegistryError) return err
    const code = (err as { code?: unknown })?.code
    const message = err instanceof Error ? err.message : String(err)
    return new RegistryError(`${method} ${where(url)} failed: ${oneLine(message)}`, kindOf(err), {
      code: typeof code === 'string' ? code : undefined
    })
  }

  /**
   * Sends once, plus one immediate resend when a pooled keep-alive socket turns out to be closed, and
   * one more the insecure way when HTTPS to this registry failed at the TLS level and docker allows it.
   */
  private async exchange(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body?: Buffer
  ): Promise<Response> {
    // URLs made before the switch to plain HTTP (a retry, the resend after a 401) follow it too.
    const ours = url.origin === this.origin
    const target = ours && this.insecureMode === 'http' ? new URL(url.href.replace(/^https:/, 'http:')) : url
    try {
      return await this.once(method, target, headers, body)
    } catch (err) {
      const stale = err as { reusedSocket?: boolean; code?: string }
      if (stale.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(stale.code ?? ''))
        return this.once(method, target, headers, body)
      const failure = ours && target.protocol === 'https:' ? tlsFailure(err) : undefined
      if (!failure || this.insecureMode) throw err
      if (!(await this.insecure?.().catch(() => false))) throw secureOnly(err, failure, this.registry)
      this.insecureMode = failure === 'plain-http' ? 'http' : 'unverified'
      return this.exchange(method, url, headers, body)
    }
  }

  /** Agents per transport; the registry's own HTTPS agent carries its certs.d material, as docker's does. */
  private async agentFor(url: URL, tls?: typeof https): Promise<http.Agent> {
    const options = { keepAlive: true, maxSockets: MAX_SOCKETS }
    if (!tls) return (this.agents.http ??= new http.Agent(options))
    if (url.origin !== this.origin) return (this.agents.https ??= new tls.Agent(options))
    const own = await (this.certsDirTls ??= readCertsDir(path.join(this.certsDir, this.registry)))
    if (this.insecureMode === 'unverified')
      return (this.agents.unverified ??= new tls.Agent({ ...options, ...own, rejectUnauthorized: false }))
    return (this.agents.registry ??= new tls.Agent({ ...options, ...own }))
  }

  private async once(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body?: Buffer
  ): Promise<Response> {
    this.requestCount++
    // TLS is loaded only when a URL needs it: local registries never do, and start-up time counts.
    const tls = url.protocol === 'http:' ? undefined : (await import('node:https')).default
    const transport = tls ?? http
    const agent = await this.agentFor(url, tls)
    return new Promise<Response>((resolve, reject) => {
      let settled = false
      const finish = (err: Error | undefined, res?: Response) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (err) reject(err)
        else resolve(res!)
      }
      const req = transport.request(
        url,
        { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent },
        res => {
          const chunks: Buffer[] = []
          let size = 0
          res.on('data', (chunk: Buffer) => {
            size += chunk.length
            if (size > MAX_BODY_BYTES) {
              req.destroy()
              finish(
                new RegistryError(
                  `${method} ${where(url)}: response larger than ${MAX_BODY_BYTES} bytes`,
                  'fatal'
                )
              )
              return
            }
            chunks.push(chunk)
          })
          res.on('end', () =>
            finish(undefined, {
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks)
            })
          )
          res.on('error', err => finish(err))
          res.on('close', () => {
            if (!res.complete)
              finish(Object.assign(new Error('connection closed mid-response'), { code: 'ECONNRESET' }))
          })
        }
      )
      // One deadline for connect, headers and body: socket idle timeouts alone would let a trickle hang forever.
      const timer = setTimeout(() => {
        const err = Object.assign(new Error(`timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })
        req.destroy(err)
        finish(err)
      }, this.timeoutMs)
      req.on('error', err => finish(Object.assign(err, { reusedSocket: req.reusedSocket })))
      req.end(body)
    })
  }
}

/** TLS options from a certs.d directory: extra CAs (beside the usual roots) and client certificates. */
interface CertsDirTls {
  ca?: (string | Buffer)[]
  cert?: Buffer[]
  key?: Buffer[]
}

/** Reads `dir` as dockerd does: `*.crt` are CAs, `X.cert` + `X.key` a client certificate pair. */
async function readCertsDir(dir: string): Promise<CertsDirTls | undefined> {
  const names = (await readdir(dir).catch(() => [] as string[])).sort()
  const read = (n: string) => readFile(path.join(dir, n))
  const cas = names.filter(n => n.endsWith('.crt'))
  const pairs = names.filter(n => n.endsWith('.cert') && names.includes(n.replace(/\.cert$/, '.key')))
  if (!cas.length && !pairs.length) return undefined
  const tls: CertsDirTls = {}
  if (cas.length) {
    // Loaded only here: start-up time counts, and few registries have a certs.d directory.
    const { rootCertificates } = await import('node:tls')
    tls.ca = [...rootCertificates, ...(await Promise.all(cas.map(read)))]
  }
  if (pairs.length) {
    tls.cert = await Promise.all(pairs.map(read))
    tls.key = await Promise.all(pairs.map(n => read(n.replace(/\.cert$/, '.key'))))
  }
  return tls
}

/** The TLS failure of a registry docker holds to HTTPS, told what docker would need to get past it. */
function secureOnly(err: unknown, failure: 'plain-http' | 'certificate', registry: string): Error {
  const code = (err as { code?: unknown })?.code
  // OpenSSL's own text for this case is a long internal trace; say what it means instead.
  const message =
    failure === 'plain-http'
      ? `TLS handshake failed: ${registry} answers plain HTTP, which docker uses only for registries in the daemon's insecure-registries (daemon.json); add it there, or serve HTTPS`
      : `${err instanceof Error ? err.message.trim() : String(err)} (docker trusts a private CA put in /etc/docker/certs.d/${registry}/ca.crt, and accepts any certificate only for registries in the daemon's insecure-registries, daemon.json)`
  return Object.assign(new Error(message), { code })
}
