// A fault-injecting HTTP proxy in front of a real registry: the registry does the real work, the proxy
// makes it fail the way registries fail in CI (5xx, 429, resets, lying headers, moved tags, token auth).
import { createHash, randomBytes } from 'node:crypto'
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { imagesGoWith } from './docker.js'
import { MANIFEST_TYPES } from './registry.js'

/** Which requests a rule applies to. */
export type Match =
  | 'all'
  /** PUT /v2/<name>/manifests/<ref> */
  | 'manifest-put'
  /** GET or HEAD /v2/<name>/manifests/<ref> */
  | 'manifest-read'
  /** GET /v2/<name>/manifests/<ref>: docker push only HEADs manifests, so this is what a verifier sends */
  | 'manifest-get'
  /** PATCH or PUT under /v2/<name>/blobs/uploads/ */
  | 'blob-upload'
  | ((method: string, path: string, headers: IncomingHttpHeaders) => boolean)

export type FaultMode =
  /** Answer `status` to the first `times` matching requests (all of them when `times` is absent). */
  | {
      kind: 'status'
      status: number
      match?: Match
      times?: number
      /** Seconds, sent as `Retry-After`. */
      retryAfter?: number
      headers?: Record<string, string>
      /** Response body; by default a distribution-style JSON error (an HTML page for 502-504). */
      body?: string
    }
  /** Reset the client connection on the first `times` matching requests (all when absent). */
  | { kind: 'reset'; match?: Match; times?: number }
  /**
   * Accept the first `times` matching requests (all when absent), then never answer and never read the
   * body: a registry that takes the connection and stalls the upload. The client's socket stays open until
   * the client gives up (logged in `stalls`), or `releaseStalls()` answers it.
   */
  | { kind: 'stall'; match?: Match; times?: number }
  /** Replace Docker-Content-Digest on manifest responses (all of them by default) with `digest`. */
  | { kind: 'rewrite-digest'; digest: string; match?: Match }
  /**
   * Once a manifest PUT for <name>:<tag> succeeded, GET/HEAD of that tag serve the manifest of `to`
   * (`repo:tag` on the same upstream) instead, as if a concurrent push had moved the tag.
   */
  | { kind: 'move-tag'; to: string }
  /**
   * Token auth like ghcr.io and Docker Hub: /v2/ requests need `Authorization: Bearer <token>` from
   * GET /token, which requires Basic `credentials` when given. Authorized requests go upstream without
   * the Authorization header.
   */
  | { kind: 'bearer'; credentials?: { username: string; password: string } }

export interface ProxyLogEntry {
  method: string
  path: string
  /** HTTP status sent to the client; 0 when the connection was reset. */
  status: number
  /** Scheme of the Authorization header the client sent (`Bearer`, `Basic`), if any. */
  auth?: string
  userAgent: string
  /** The fault that answered instead of the registry, if any. */
  fault?: string
  /** Date.now() when the request arrived. */
  at: number
}

/** A request the proxy stalled. */
export interface StallEntry {
  method: string
  path: string
  at: number
  /** Date.now() when the client closed the connection; undefined while it is still open. */
  closedAt?: number
}

export interface FaultProxy {
  /** '127.0.0.1:PORT', usable as the action's `registry` (dockerd treats 127.0.0.0/8 as insecure). */
  host: string
  log: ProxyLogEntry[]
  /** Every stalled request, and when its client gave up on it. */
  stalls: StallEntry[]
  /**
   * Answers every stalled request still open with 403 DENIED. dockerd 20.10 keeps a stalled upload after
   * its CLI is gone, in one of its few upload slots, and retries a failed one for ~50 s: a denial is what
   * makes it let go at once. stop() does this first.
   */
  releaseStalls(): void
  /** Replaces the rules and resets their counters. */
  setMode(mode: FaultMode | FaultMode[]): void
  stop(): Promise<void>
}

const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/
const BLOB_UPLOAD = /^\/v2\/.+\/blobs\/uploads\//
const REPO_PATH = /^\/v2\/(.+?)\/(?:manifests|blobs|tags)\//

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer'
])

function matches(match: Match | undefined, req: IncomingMessage, path: string): boolean {
  const method = req.method ?? 'GET'
  if (match === undefined || match === 'all') return true
  if (typeof match === 'function') return match(method, path, req.headers)
  if (match === 'manifest-put') return method === 'PUT' && MANIFEST.test(path)
  if (match === 'manifest-read') return (method === 'GET' || method === 'HEAD') && MANIFEST.test(path)
  if (match === 'manifest-get') return method === 'GET' && MANIFEST.test(path)
  return (method === 'PATCH' || method === 'PUT') && BLOB_UPLOAD.test(path)
}

const ERROR_CODES: Record<number, [string, string]> = {
  400: ['UNSUPPORTED', 'fault-proxy: bad request'],
  401: ['UNAUTHORIZED', 'authentication required'],
  403: ['DENIED', 'requested access to the resource is denied'],
  429: ['TOOMANYREQUESTS', 'fault-proxy: rate limit reached, slow down'],
  500: ['UNKNOWN', 'fault-proxy: injected internal server error']
}

/** The default body for an injected status: what a registry, or for 502-504 a load balancer, would send. */
export function faultBody(status: number): { body: string; type: string } {
  if (status >= 502 && status <= 504) {
    const text = `${status} ${http.STATUS_CODES[status]}`
    return { body: `<html><body><h1>${text}</h1></body></html>\n`, type: 'text/html' }
  }
  const [code, message] = ERROR_CODES[status] ?? ['UNKNOWN', `fault-proxy: injected HTTP ${status}`]
  return {
    body: JSON.stringify({ errors: [{ code, message, detail: null }] }) + '\n',
    type: 'application/json'
  }
}

/** A syntactically valid digest that no content has: what a lying registry would send. */
export const FAKE_DIGEST = `sha256:${createHash('sha256').update('fault-proxy fake digest').digest('hex')}`

interface Rule {
  mode: FaultMode
  fired: number
}

/**
 * Starts the proxy on a free 127.0.0.1 port in front of `upstream` ('127.0.0.1:PORT'). Several modes can
 * be combined; they apply in order, and the first that answers a request wins. Bodies are streamed.
 */
export async function startFaultProxy(upstream: string, mode: FaultMode | FaultMode[]): Promise<FaultProxy> {
  const log: ProxyLogEntry[] = []
  const stalls: StallEntry[] = []
  const stalled = new Set<ServerResponse>()
  let rules: Rule[] = []
  const setMode = (m: FaultMode | FaultMode[]): void => {
    rules = (Array.isArray(m) ? m : [m]).map(r => ({ mode: r, fired: 0 }))
  }
  setMode(mode)
  /** `name:tag` whose manifest PUT succeeded, for move-tag. */
  const pushedTags = new Set<string>()
  /** Bearer token → repository names it grants ('*' for a token without a repository scope). */
  const tokens = new Map<string, Set<string>>()
  const agent = new http.Agent({ keepAlive: true })
  const sockets = new Set<Socket>()
  let host = ''

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain' })
        res.end(`fault-proxy: ${err instanceof Error ? err.message : String(err)}\n`)
      } else res.destroy()
    })
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  // dockerd tries TLS first on insecure registries; node answers the ClientHello with a 400 and docker
  // falls back to plain HTTP, as it does with the registry itself.

  const record = (req: IncomingMessage, status: number, at: number, fault?: string): void => {
    const authorization = req.headers.authorization
    log.push({
      method: req.method ?? '',
      path: req.url ?? '',
      status,
      auth: authorization ? authorization.split(' ')[0] : undefined,
      userAgent: req.headers['user-agent'] ?? '',
      fault,
      at
    })
  }

  const reply = (
    req: IncomingMessage,
    res: ServerResponse,
    at: number,
    fault: string,
    status: number,
    headers: Record<string, string>,
    body: string
  ): void => {
    record(req, status, at, fault)
    res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) })
    // Drain the request so keep-alive survives; HEAD answers carry no body.
    req.resume()
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now()
    const method = req.method ?? 'GET'
    const url = new URL(req.url ?? '/', `http://${host}`)
    const path = url.pathname
    let stripAuth = false
    let rewriteDigest: string | undefined
    let moveTo: string | undefined

    for (const rule of rules) {
      const m = rule.mode
      if (m.kind === 'bearer') {
        if (path === '/token') return token(req, res, at, url, m.credentials)
        const header = req.headers.authorization ?? ''
        const granted = header.startsWith('Bearer ') ? tokens.get(header.slice(7)) : undefined
        const repo = REPO_PATH.exec(path)?.[1]
        if (!granted || (repo !== undefined && !granted.has(repo) && !granted.has('*'))) {
          const scope = repo ? `,scope="repository:${repo}:pull,push"` : ''
          const { body, type } = faultBody(401)
          return reply(
            req,
            res,
            at,
            'bearer-challenge',
            401,
            {
              'Content-Type': type,
              'WWW-Authenticate': `Bearer realm="http://${host}/token",service="fault-proxy"${scope}`,
              'Docker-Distribution-Api-Version': 'registry/2.0'
            },
            body
          )
        }
        stripAuth = true
      } else if (m.kind === 'status' || m.kind === 'reset' || m.kind === 'stall') {
        if (!matches(m.match, req, path) || (m.times !== undefined && rule.fired >= m.times)) continue
        rule.fired++
        if (m.kind === 'reset') return reset(req, at)
        if (m.kind === 'stall') return stall(req, res, at)
        const { body, type } =
          m.body !== undefined ? { body: m.body, type: 'text/plain' } : faultBody(m.status)
        const headers: Record<string, string> = { 'Content-Type': type, ...m.headers }
        if (m.retryAfter !== undefined) headers['Retry-After'] = String(m.retryAfter)
        return reply(req, res, at, `status-${m.status}`, m.status, headers, body)
      } else if (m.kind === 'rewrite-digest') {
        if (MANIFEST.test(path) && matches(m.match, req, path)) rewriteDigest = m.digest
      } else if (m.kind === 'move-tag') {
        const found = MANIFEST.exec(path)
        if (found && (method === 'GET' || method === 'HEAD') && pushedTags.has(`${found[1]}:${found[2]}`))
          moveTo = m.to
      }
    }

    if (moveTo) return servedElsewhere(req, res, at, moveTo, rewriteDigest)
    return forward(req, res, at, { stripAuth, rewriteDigest })
  }

  function reset(req: IncomingMessage, at: number): void {
    record(req, 0, at, 'reset')
    // Let the upload start, then cut it: the client sees a reset mid-request.
    let done = false
    const cut = () => {
      if (done) return
      done = true
      req.socket.resetAndDestroy()
    }
    req.once('data', cut)
    req.once('end', cut)
    setTimeout(cut, 200)
  }

  function stall(req: IncomingMessage, res: ServerResponse, at: number): void {
    record(req, 0, at, 'stall')
    const entry: StallEntry = { method: req.method ?? '', path: req.url ?? '', at }
    stalls.push(entry)
    stalled.add(res)
    // Never read: the client's writes back up once the socket buffers are full, as on a dead upstream.
    req.pause()
    req.socket.once('close', () => {
      entry.closedAt = Date.now()
      stalled.delete(res)
    })
  }

  function releaseStalls(): void {
    const { body, type } = faultBody(403)
    for (const res of stalled) {
      stalled.delete(res)
      if (res.destroyed || res.headersSent) continue
      res.writeHead(403, {
        'Content-Type': type,
        'Content-Length': String(Buffer.byteLength(body)),
        Connection: 'close'
      })
      res.end(body)
    }
  }

  function token(
    req: IncomingMessage,
    res: ServerResponse,
    at: number,
    url: URL,
    credentials?: { username: string; password: string }
  ): void {
    if (credentials) {
      const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
      if (req.headers.authorization !== expected) {
        return reply(
          req,
          res,
          at,
          'token-denied',
          401,
          { 'Content-Type': 'application/json' },
          '{"details":"incorrect username or password"}\n'
        )
      }
    }
    const repos = new Set<string>()
    for (const scope of url.searchParams.getAll('scope')) {
      const m = /^repository:(.+):[a-z,*]+$/.exec(scope)
      if (m) repos.add(m[1])
    }
    if (repos.size === 0) repos.add('*')
    const value = randomBytes(24).toString('hex')
    tokens.set(value, repos)
    const body = JSON.stringify({
      token: value,
      access_token: value,
      expires_in: 300,
      issued_at: new Date().toISOString()
    })
    reply(req, res, at, 'token', 200, { 'Content-Type': 'application/json' }, body)
  }

  function upstreamHeaders(req: IncomingMessage, stripAuth: boolean): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [k, v] of Object.entries(req.headers)) {
      if (HOP_BY_HOP.has(k) || k === 'host' || (stripAuth && k === 'authorization')) continue
      headers[k] = v
    }
    headers.host = upstream
    return headers
  }

  function responseHeaders(upRes: IncomingMessage, rewriteDigest?: string): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {}
    for (const [k, v] of Object.entries(upRes.headers)) {
      if (HOP_BY_HOP.has(k)) continue
      headers[k] = v
    }
    // The registry builds absolute upload URLs from its own address; keep docker talking to the proxy.
    const location = upRes.headers.location
    if (location) headers.location = location.split(`//${upstream}/`).join(`//${host}/`)
    if (rewriteDigest && upRes.headers['docker-content-digest'])
      headers['docker-content-digest'] = rewriteDigest
    return headers
  }

  function forward(
    req: IncomingMessage,
    res: ServerResponse,
    at: number,
    opts: { stripAuth: boolean; rewriteDigest?: string }
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const method = req.method ?? 'GET'
      const up = http.request(
        {
          host: upstream.split(':')[0],
          port: Number(upstream.split(':')[1]),
          method,
          path: req.url,
          agent,
          headers: upstreamHeaders(req, opts.stripAuth)
        },
        upRes => {
          const status = upRes.statusCode ?? 502
          record(req, status, at, opts.rewriteDigest ? 'rewrite-digest' : undefined)
          const found = MANIFEST.exec(new URL(req.url ?? '/', 'http://x').pathname)
          if (found && method === 'PUT' && status >= 200 && status < 300)
            pushedTags.add(`${found[1]}:${found[2]}`)
          res.writeHead(status, responseHeaders(upRes, opts.rewriteDigest))
          upRes.pipe(res)
          upRes.on('end', () => resolve())
          upRes.on('error', reject)
        }
      )
      up.on('error', reject)
      // A client that goes away mid-upload must not leave the upstream request hanging.
      res.on('close', () => {
        if (!res.writableFinished) up.destroy()
      })
      req.pipe(up)
    })
  }

  /** Serves the manifest of `to` (repo:tag) for a tag that moved. */
  async function servedElsewhere(
    req: IncomingMessage,
    res: ServerResponse,
    at: number,
    to: string,
    rewriteDigest?: string
  ): Promise<void> {
    const colon = to.lastIndexOf(':')
    const [repo, tag] = [to.slice(0, colon), to.slice(colon + 1)]
    // Whatever the client accepts, the other image's manifest as it was pushed (a registry refuses an
    // index to a client that does not list index types, and would convert a manifest to schema 1).
    const upRes = await fetch(`http://${upstream}/v2/${repo}/manifests/${tag}`, {
      headers: { Accept: MANIFEST_TYPES.join(', ') }
    })
    const body = Buffer.from(await upRes.arrayBuffer())
    if (!upRes.ok) throw new Error(`move-tag: upstream GET ${to} answered ${upRes.status}`)
    record(req, 200, at, 'move-tag')
    req.resume()
    res.writeHead(200, {
      'Content-Type': upRes.headers.get('content-type') ?? 'application/json',
      'Content-Length': String(body.length),
      'Docker-Content-Digest': rewriteDigest ?? upRes.headers.get('docker-content-digest') ?? '',
      'Docker-Distribution-Api-Version': 'registry/2.0'
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`

  let stopped: Promise<void> | undefined
  const stop = (): Promise<void> => {
    releaseStalls()
    stopped ??= new Promise<void>(resolve => {
      server.close(() => resolve())
      for (const s of sockets) s.destroy()
      agent.destroy()
    })
    return stopped
  }
  return { host, log, stalls, releaseStalls, setMode, stop: await imagesGoWith([`${host}/`], stop) }
}

/**
 * A TCP server that accepts connections and never answers: a registry behind a black hole. Its host is
 * '127.0.0.1:PORT'.
 */
export async function startBlackhole(): Promise<{ host: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createServer(s => {
    sockets.add(s)
    s.on('error', () => {})
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    host,
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
  }
}

/** A 127.0.0.1 port with nothing listening: bound once to learn a free port, then closed. */
export async function closedPort(): Promise<string> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', () => resolve()))
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  await new Promise<void>(resolve => server.close(() => resolve()))
  return host
}
