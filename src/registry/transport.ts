// HTTP to one registry as docker would speak it: keep-alive agents, certs.d TLS material, the
// insecure-registry fallback, one deadline per request and bounded retries of transient answers.

import http from 'node:http'
import type https from 'node:https'
import path from 'node:path'
import { kindOf, retry, type FailureKind } from '../core/retry.js'
import { isDockerHub, isLoopbackRegistry } from '../core/reference.js'
import { messageOf, oneLine } from '../core/text.js'
import { headerValue, httpError, RegistryError, where } from './errors.js'
import {
  agentProxyOptions,
  forwardedBy,
  nodeCanProxy,
  proxyFailure,
  proxyFor,
  proxyRefused,
  proxyToUse,
  type Proxy,
  type ProxyChoice,
  type ProxyRules
} from './proxy.js'
import { STREAM_SOCKETS } from './bounds.js'
import { boundConnection } from './connection.js'
import { redirectHop } from './redirects.js'
import { readCertsDir, secureOnly, tlsFailure, type CertsDirTls } from './tls.js'

export interface TransportOptions extends ProxyChoice {
  /** Normalized host[:port], e.g. `docker.io`, `localhost:5000`, `[::1]:5000`, `ghcr.io`. */
  registry: string
  /** Total attempts per HTTP request for transient failures. */
  attempts?: number
  /** Called with a one-line reason before each retry wait. */
  onRetry?: (message: string) => void
  /** Per request, from the moment it has a socket through the end of the response body. */
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
  /**
   * Called with every secret the client comes to hold (tokens, looked-up passwords) the moment it has
   * it, before any use, so that the caller can mask it in logs (core.setSecret).
   */
  onSecret?: (value: string) => void
  /** The node whose agents send (this one's by default): whether they can go through a proxy at all. */
  nodeVersion?: string
}

export interface Response {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  /** Where the answer came from, when a redirect led elsewhere (`send` sets it). */
  from?: URL
}

const DEFAULT_ATTEMPTS = 3
const DEFAULT_TIMEOUT_MS = 15000
/** Connections to one registry at once (per client); more requests queue for one. */
export const MAX_SOCKETS = 8
// Docker's client stops after 10; a registry needs one or two (to a CDN or an object store).
const REDIRECTS_FOR_READS = new Set([301, 302, 303])
// Manifests are capped at 4 MiB by registries; anything far larger is not a manifest.
const MAX_BODY_BYTES = 16 * 1024 * 1024
export const USER_AGENT = 'build-tag-push'

export function registryBaseUrl(registry: string): string {
  if (isDockerHub(registry)) return 'https://registry-1.docker.io'
  return `${isLoopbackRegistry(registry) ? 'http' : 'https'}://${registry}`
}

export class Transport {
  readonly registry: string
  /** HTTP requests made, including token fetches and retries. */
  requestCount = 0

  private readonly origin: string
  private readonly attempts: number
  /** Per request; stream.ts uses it as an idle bound, since a layer may take longer in all. */
  readonly timeoutMs: number
  private readonly onRetry?: (message: string) => void
  private readonly sleep?: (ms: number) => Promise<void>
  /** Aborted by close(); stream.ts stops its transfers on it too. */
  readonly closed = new AbortController()
  /** By use (plain, other origins, the registry, the registry unverified) and proxy. */
  private readonly agents = new Map<string, http.Agent>()
  private readonly proxy?: ProxyRules
  private readonly onWarning?: (message: string) => void
  private warnedNoProxy = false
  private readonly nodeVersion: string
  private readonly certsDir: string
  /** The registry's certs.d material, read on the first HTTPS request to it (undefined: none). */
  private certsDirTls?: Promise<CertsDirTls | undefined>
  private readonly insecure?: () => Promise<boolean>
  /** Set once docker's config said this registry is insecure and HTTPS failed: how to reach it now. */
  private insecureMode?: 'unverified' | 'http'
  private readonly onSecret?: (value: string) => void
  /** What an error built from a response body must never repeat. */
  private readonly secrets = new Set<string>()

  constructor(opts: TransportOptions) {
    this.registry = opts.registry
    this.origin = registryBaseUrl(opts.registry)
    this.insecure = opts.insecure
    this.certsDir = opts.certsDir ?? '/etc/docker/certs.d'
    this.attempts = Math.max(1, opts.attempts ?? DEFAULT_ATTEMPTS)
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.onRetry = opts.onRetry
    this.sleep = opts.sleep
    this.onSecret = opts.onSecret
    this.proxy = opts.proxy
    this.onWarning = opts.onWarning
    this.nodeVersion = opts.nodeVersion ?? process.versions.node
  }

  /** Where the API is: HTTPS, or HTTP for loopback and for an insecure registry that speaks only HTTP. */
  get baseUrl(): string {
    return this.insecureMode === 'http' ? this.origin.replace(/^https:/, 'http:') : this.origin
  }

  /** Ends the client: requests still retrying stop at once, so a failed step does not linger. */
  close(): void {
    this.closed.abort(new Error('the run is over'))
    for (const agent of this.agents.values()) agent.destroy()
  }

  /** Records a secret for redaction and, unless `mask` is false, hands it to onSecret; once. */
  secret(value: string, mask = true): void {
    if (value === '' || this.secrets.has(value)) return
    this.secrets.add(value)
    if (mask) this.onSecret?.(value)
  }

  /** The answer as one line, naming the URL as it was reached (plain HTTP after the switch) and any proxy. */
  httpError(method: string, url: URL, res: Response, kind: FailureKind, what = ''): RegistryError {
    const at = this.effective(url)
    const error = httpError(method, at, res, kind, what, this.secrets)
    const proxy = at.protocol === 'http:' && res.status >= 500 ? this.proxyOf(at) : undefined
    return proxy ? forwardedBy(error, proxy) : error
  }

  /** One logical HTTP request under retry(): throws for transient statuses, returns every other answer. */
  send(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body?: Buffer,
    /** The body holds a secret (an identity token): no redirect may take it to another origin. */
    secretBody = false
  ): Promise<Response> {
    return retry(
      async () => {
        const { res, at } = await this.follow(method, url, headers, body, secretBody)
        if (res.status === 408 || res.status === 429 || res.status >= 500)
          throw this.httpError(method, at, res, 'transient')
        return at === url ? res : { ...res, from: at }
      },
      {
        attempts: this.attempts,
        sleep: this.sleep,
        signal: this.closed.signal,
        onRetry: ({ attempt, attempts, delayMs, error }) =>
          this.onRetry?.(
            `${messageOf(error)}; retrying in ${(delayMs / 1000).toFixed(1)}s (attempt ${attempt + 1} of ${attempts})`
          )
      }
    )
  }

  /**
   * Follows redirects as docker's HTTP client does: 307/308 for any method, 301/302/303 for GET and HEAD,
   * at most MAX_REDIRECTS. Authorization goes only to the origin it was meant for.
   */
  private async follow(
    method: string,
    url: URL,
    headers: Record<string, string>,
    body: Buffer | undefined,
    secretBody: boolean
  ): Promise<{ res: Response; at: URL }> {
    let at = url
    let sent = headers
    for (let hops = 0; ; hops++) {
      let res: Response
      try {
        res = await this.exchange(method, at, sent, body)
      } catch (err) {
        throw this.networkError(method, at, err)
      }
      const proxy = res.status === 407 ? this.proxyOf(at) : undefined
      if (proxy) throw proxyRefused(method, at, proxy, 407)
      const location = headerValue(res.headers.location)
      const followed =
        res.status === 307 ||
        res.status === 308 ||
        (REDIRECTS_FOR_READS.has(res.status) && (method === 'GET' || method === 'HEAD'))
      if (!followed || !location) return { res, at }
      ;({ next: at, headers: sent } = redirectHop({
        method,
        first: url,
        at,
        location,
        hops,
        headers: sent,
        effective: u => this.effective(u),
        status: res.status,
        secretBody
      }))
    }
  }

  /** The URL as exchange() will reach it: the registry's own follow a switch to plain HTTP. */
  effective(url: URL): URL {
    return url.origin === this.origin && this.insecureMode === 'http'
      ? new URL(url.href.replace(/^https:/, 'http:'))
      : url
  }

  /** A request that got no answer as one line; through a proxy, naming the proxy (proxy.ts). */
  networkError(method: string, url: URL, err: unknown): RegistryError {
    if (err instanceof RegistryError) return err
    const proxy = this.proxyOf(url)
    if (proxy) return proxyFailure(method, url, proxy, err)
    const code = (err as { code?: unknown })?.code
    return new RegistryError(`${method} ${where(url)} failed: ${oneLine(messageOf(err), 300)}`, kindOf(err), {
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
    const target = this.effective(url)
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

  /**
   * The proxy a request to `url` goes through (the URL as exchange() reaches it), if any: none where this
   * node cannot proxy, since agentFor then connects directly and a failure is not the proxy's.
   */
  proxyOf(url: URL): Proxy | undefined {
    return this.proxy && nodeCanProxy(this.nodeVersion) ? proxyFor(url, this.proxy) : undefined
  }

  /**
   * Agents per transport; the registry's own HTTPS agent carries its certs.d material, as docker's does,
   * and keeps it through a proxy's tunnel. Blob streams (stream.ts) have a pool of their own, sized for
   * every blob in flight at both ends: a PUT queued behind other requests would leave its source's GET
   * paused until the idle bound cuts it as stalled.
   */
  async agentFor(url: URL, tls?: typeof https, method = 'GET', streams = false): Promise<http.Agent> {
    const via = proxyToUse(
      method,
      url,
      this.proxy,
      message => {
        // Once per client: every request to the registry would say the same.
        if (!this.warnedNoProxy) this.onWarning?.(message)
        this.warnedNoProxy = true
      },
      this.nodeVersion
    )
    const options = {
      keepAlive: true,
      maxSockets: streams ? STREAM_SOCKETS : MAX_SOCKETS,
      ...agentProxyOptions(via, !!tls, this.timeoutMs)
    }
    const own = tls && url.origin === this.origin
    const certs = own
      ? await (this.certsDirTls ??= readCertsDir(path.join(this.certsDir, this.registry)))
      : {}
    const use = !tls
      ? 'http'
      : !own
        ? 'https'
        : this.insecureMode === 'unverified'
          ? 'unverified'
          : 'registry'
    const key = `${streams ? 'streams ' : ''}${use} ${via?.url.href ?? ''}`
    const made = this.agents.get(key)
    if (made) return made
    const agent = !tls
      ? new http.Agent(options)
      : new tls.Agent({
          ...options,
          ...certs,
          ...(use === 'unverified' ? { rejectUnauthorized: false } : {})
        })
    this.agents.set(key, agent)
    return agent
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
    const agent = await this.agentFor(url, tls, method)
    // Closed (the signal): nothing is sent, and what is in flight ends, not resent by exchange on a new socket.
    const shut = this.closed.signal
    const stop = () =>
      new RegistryError(`${method} ${where(url)} stopped: ${messageOf(shut.reason)}`, 'fatal')
    return new Promise<Response>((resolve, reject) => {
      let settled = false
      let timer: NodeJS.Timeout | undefined
      const finish = (err: Error | undefined, res?: Response) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (err) reject(err)
        else resolve(res!)
      }
      const req = transport.request(
        url,
        { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent, signal: shut },
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
      // It starts when the agent gives the request a socket: time queued behind the pool (a glob's
      // thousands of manifests) is not the registry's slowness.
      boundConnection(req, agent, this.timeoutMs, finish)
      req.once('socket', () => {
        if (settled) return
        timer = setTimeout(() => {
          const err = Object.assign(new Error(`timed out after ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })
          req.destroy(err)
          finish(err)
        }, this.timeoutMs)
      })
      req.on('error', err =>
        finish(shut.aborted ? stop() : Object.assign(err, { reusedSocket: req.reusedSocket }))
      )
      req.end(body)
    })
  }
}
