import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import https from 'node:https'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rootCertificates } from 'node:tls'
import type { AddressInfo } from 'node:net'
import { kindOf } from '../src/retry.js'
import {
  MANIFEST_ACCEPT,
  RegistryClient,
  RegistryError,
  manifestDigest,
  parseChallenges,
  registryBaseUrl,
  tlsFailure,
  type Challenge,
  type RegistryClientOptions
} from '../src/registry.js'

describe('parseChallenges', () => {
  const cases: [string, string, Challenge[]][] = [
    ['basic', 'Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    [
      'bearer with quoted commas',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull,push"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:a/b:pull,push' }
        }
      ]
    ],
    [
      'multiple challenges',
      'Basic realm="basic", Bearer realm="https://auth.example/token",service="example"',
      [
        { scheme: 'basic', params: { realm: 'basic' } },
        { scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'example' } }
      ]
    ],
    [
      'odd spacing and case',
      '  BEARER   Realm = "https://a/t" ,  Service=reg.io ,scope="x:y:pull"  ',
      [{ scheme: 'bearer', params: { realm: 'https://a/t', service: 'reg.io', scope: 'x:y:pull' } }]
    ],
    [
      'bare scheme followed by another',
      'Negotiate, Basic realm=simple',
      [
        { scheme: 'negotiate', params: {} },
        { scheme: 'basic', params: { realm: 'simple' } }
      ]
    ],
    [
      'escaped quote in a quoted value',
      'Basic realm="say \\"hi\\", please"',
      [{ scheme: 'basic', params: { realm: 'say "hi", please' } }]
    ],
    ['token68', 'Negotiate abc+/==', [{ scheme: 'negotiate', params: {}, token68: 'abc+/==' }]],
    ['empty', '', []]
  ]
  it.each(cases)('%s', (_name, header, expected) => {
    expect(parseChallenges(header)).toEqual(expected)
  })
})

describe('registryBaseUrl', () => {
  it.each([
    ['localhost', 'http://localhost'],
    ['localhost:5000', 'http://localhost:5000'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['127.1.2.3', 'http://127.1.2.3'],
    ['[::1]:5000', 'http://[::1]:5000'],
    ['docker.io', 'https://registry-1.docker.io'],
    ['index.docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io', 'https://ghcr.io'],
    ['registry.example.com:8443', 'https://registry.example.com:8443'],
    ['128.0.0.1:5000', 'https://128.0.0.1:5000']
  ])('%s -> %s', (registry, url) => {
    expect(registryBaseUrl(registry)).toBe(url)
  })
})

describe('manifestDigest', () => {
  it('is sha256 of the exact bytes', () => {
    expect(manifestDigest(Buffer.from('hello\n'))).toBe(
      'sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03'
    )
    expect(manifestDigest(Buffer.alloc(0))).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })
})

describe('MANIFEST_ACCEPT', () => {
  it('lists the docker and OCI manifest and index types', () => {
    expect(MANIFEST_ACCEPT).toHaveLength(4)
    expect(MANIFEST_ACCEPT).toContain('application/vnd.oci.image.index.v1+json')
  })
})

// --- behaviour against in-process registries ---

const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] })
)
const MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json'
const DIGEST = 'sha256:' + createHash('sha256').update(MANIFEST).digest('hex')

interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

type Handler = (req: Seen, res: http.ServerResponse, server: TestServer) => void

interface TestServer {
  port: number
  host: string
  seen: Seen[]
  connections: number
  close(): Promise<void>
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function serve(handler: Handler, bind = '127.0.0.1', tls?: https.ServerOptions): Promise<TestServer> {
  const seen: Seen[] = []
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const entry = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) }
      seen.push(entry)
      handler(entry, res, self)
    })
  }
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener)
  server.on('connection', () => self.connections++)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, bind, resolve)
  })
  const port = (server.address() as AddressInfo).port
  const self: TestServer = {
    port,
    host: bind.includes(':') ? `[${bind}]:${port}` : `${bind}:${port}`,
    seen,
    connections: 0,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
  cleanups.push(() => self.close())
  return self
}

function client(server: { host: string }, opts: Partial<RegistryClientOptions> = {}) {
  const delays: number[] = []
  const retries: string[] = []
  const c = new RegistryClient({
    registry: server.host,
    sleep: async ms => {
      delays.push(ms)
    },
    onRetry: m => retries.push(m),
    ...opts
  })
  cleanups.push(() => c.close())
  return { c, delays, retries }
}

function sendManifest(res: http.ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'Content-Type': MEDIA_TYPE, 'Docker-Content-Digest': DIGEST, ...headers })
  res.end(MANIFEST)
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify({ errors: [{ code, message, detail: null }] }))
}

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
const creds = (username: string, password: string) => async () => ({ username, password })

async function failure(promise: Promise<unknown>): Promise<RegistryError> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(RegistryError)
    return err as RegistryError
  }
  throw new Error('expected a rejection')
}

describe('RegistryClient', () => {
  it('fetches a manifest anonymously with the manifest Accept types', async () => {
    const server = await serve((_req, res) => sendManifest(res))
    const { c } = client(server)
    expect(c.baseUrl).toBe(`http://${server.host}`)
    const m = await c.getManifest('a/b', 'v1')
    expect(m).toEqual({ digest: DIGEST, mediaType: MEDIA_TYPE, body: MANIFEST, headerDigest: DIGEST })
    expect(server.seen[0].url).toBe('/v2/a/b/manifests/v1')
    expect(server.seen[0].headers.accept).toBe(MANIFEST_ACCEPT.join(', '))
    expect(server.seen[0].headers.authorization).toBeUndefined()
    expect(c.requestCount).toBe(1)
  })

  it('reuses keep-alive connections, at most 8 at once', async () => {
    const server = await serve((_req, res) => setTimeout(() => sendManifest(res), 20))
    const { c } = client(server)
    for (let i = 0; i < 3; i++) await c.getManifest('a/b', `t${i}`)
    expect(server.connections).toBe(1)
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.getManifest('a/b', `p${i}`)))
    expect(server.connections).toBeLessThanOrEqual(8)
    expect(c.requestCount).toBe(23)
  })

  it('talks plain HTTP to [::1]:port', async () => {
    // .ci/run makes sure lo has ::1.
    const server = await serve((_req, res) => sendManifest(res), '::1')
    const { c } = client(server)
    expect(c.baseUrl).toBe(`http://${server.host}`)
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
  })

  it('uses the body digest even when Docker-Content-Digest lies', async () => {
    const lie = 'sha256:' + '0'.repeat(64)
    const server = await serve((_req, res) => sendManifest(res, { 'Docker-Content-Digest': lie }))
    const m = await client(server).c.getManifest('a/b', 'v1')
    expect(m.digest).toBe(DIGEST)
    expect(m.headerDigest).toBe(lie)
  })

  it('rejects content that does not match the digest it was fetched by', async () => {
    const wanted = 'sha256:' + 'a'.repeat(64)
    const server = await serve((_req, res) => sendManifest(res))
    const err = await failure(client(server).c.getManifest('a/b', wanted))
    expect(err.kind).toBe('fatal')
    expect(err.message).toContain(DIGEST)
  })

  it('does Basic auth when challenged and sends it preemptively afterwards', async () => {
    const server = await serve((req, res) => {
      if (req.headers.authorization !== basic('alice', 's3cret')) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="registry"' })
        return res.end()
      }
      return sendManifest(res)
    })
    const { c } = client(server, { credentials: creds('alice', 's3cret') })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(c.requestCount).toBe(2)
    await c.getManifest('a/b', 'v2')
    expect(c.requestCount).toBe(3)
  })

  it('fails Basic auth without credentials as an auth error with a login hint', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="registry"' })
      res.end()
    })
    const err = await failure(client(server).c.getManifest('a/b', 'v1'))
    expect(err.kind).toBe('auth')
    expect(err.message).toContain(`docker login ${server.host}`)
  })

  it('does not retry a 401 with wrong credentials', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="registry"', 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }))
    })
    const { c, retries } = client(server, { credentials: creds('alice', 'wrong'), attempts: 5 })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'auth', status: 401, code: 'UNAUTHORIZED' })
    expect(kindOf(err)).toBe('auth')
    expect(err.message).toContain('authentication required')
    expect(err.message).toContain('rejected')
    expect(err.message).not.toContain('wrong')
    expect(server.seen).toHaveLength(2)
    expect(c.requestCount).toBe(2)
    expect(retries).toEqual([])
  })

  function bearerRegistry(
    opts: { user?: string; pass?: string; tokenKey?: string; realmHost?: (port: number) => string } = {}
  ) {
    return serve((req, res, self) => {
      const url = new URL(req.url, 'http://x')
      if (url.pathname === '/token') {
        if (opts.user && req.headers.authorization !== basic(opts.user, opts.pass ?? '')) {
          res.writeHead(401, { 'Content-Type': 'application/json' })
          return res.end(JSON.stringify({ details: 'incorrect username or password' }))
        }
        res.writeHead(200, { 'Content-Type': 'application/json' })
        const scope = url.searchParams.get('scope')
        return res.end(JSON.stringify({ [opts.tokenKey ?? 'token']: `tok|${scope}`, expires_in: 300 }))
      }
      const scope = `repository:a/b:${req.method === 'PUT' ? 'pull,push' : 'pull'}`
      if (
        req.headers.authorization !== `Bearer tok|${scope}` &&
        req.headers.authorization !== `Bearer tok|repository:a/b:pull,push`
      ) {
        res.writeHead(401, {
          'WWW-Authenticate': `Bearer realm="http://${opts.realmHost?.(self.port) ?? self.host}/token",service="x",scope="${scope}"`
        })
        return res.end()
      }
      if (req.method === 'PUT') {
        res.writeHead(201, { 'Docker-Content-Digest': DIGEST })
        return res.end()
      }
      return sendManifest(res)
    })
  }

  it('does the Bearer token flow with Basic credentials and caches the token', async () => {
    const server = await bearerRegistry({ user: 'bob', pass: 'pw' })
    const { c } = client(server, { credentials: creds('bob', 'pw') })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(server.seen.map(s => s.url.split('?')[0])).toEqual([
      '/v2/a/b/manifests/v1',
      '/token',
      '/v2/a/b/manifests/v1'
    ])
    const tokenUrl = new URL(server.seen[1].url, 'http://x')
    expect(tokenUrl.searchParams.get('service')).toBe('x')
    expect(tokenUrl.searchParams.get('scope')).toBe('repository:a/b:pull')
    expect(server.seen[1].headers.authorization).toBe(basic('bob', 'pw'))
    await c.getManifest('a/b', 'v2')
    expect(c.requestCount).toBe(4)
  })

  it('sends credentials to the token realm of an insecure plain-HTTP registry on its own host only', async () => {
    const own = await bearerRegistry({ user: 'bob', pass: 'pw', realmHost: port => `0.0.0.0:${port}` })
    const ok = client(
      { host: `0.0.0.0:${own.port}` },
      { credentials: creds('bob', 'pw'), insecure: async () => true }
    )
    expect((await ok.c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(own.seen.find(r => r.url.startsWith('/token'))?.headers.authorization).toBe(basic('bob', 'pw'))

    // The same registry pointing its realm at another host over plain HTTP: no credentials go there.
    const other = await bearerRegistry({ user: 'bob', pass: 'pw', realmHost: () => '192.0.2.10:80' })
    const refused = client(
      { host: `0.0.0.0:${other.port}` },
      { credentials: creds('bob', 'pw'), insecure: async () => true }
    )
    const err = await failure(refused.c.getManifest('a/b', 'v1'))
    expect(err.message).toContain('refusing to send credentials')
  })

  it('accepts access_token and fetches anonymously without credentials', async () => {
    const server = await bearerRegistry({ tokenKey: 'access_token' })
    const { c } = client(server)
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(server.seen[1].headers.authorization).toBeUndefined()
  })

  it('shares one token fetch between concurrent requests', async () => {
    const server = await bearerRegistry()
    const { c } = client(server)
    await Promise.all(['t1', 't2', 't3', 't4'].map(t => c.getManifest('a/b', t)))
    expect(server.seen.filter(s => s.url.startsWith('/token'))).toHaveLength(1)
    // Once the challenge is known, a new scope gets its token without a 401 first.
    await c.getManifest('c/d', 'v1').catch(() => undefined)
    expect(server.seen.slice(-2).map(s => s.url.split('?')[0])).toEqual(['/token', '/v2/c/d/manifests/v1'])
  })

  it('re-authenticates once when a cached token is rejected, but not twice', async () => {
    let issued = 0
    let accepted = 'Bearer t1'
    const server = await serve((req, res, self) => {
      if (req.url.startsWith('/token')) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ token: `t${++issued}`, expires_in: 300 }))
      }
      if (req.headers.authorization !== accepted) {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      }
      return sendManifest(res)
    })
    const { c } = client(server)
    await c.getManifest('a/b', 'v1')
    expect(c.requestCount).toBe(3)
    accepted = 'Bearer t2' // the registry revoked t1
    await c.getManifest('a/b', 'v2')
    expect(c.requestCount).toBe(6) // stale token, new token, success
    accepted = 'nothing'
    const err = await failure(c.getManifest('a/b', 'v3'))
    expect(err).toMatchObject({ kind: 'auth', status: 401 })
    expect(c.requestCount).toBe(9) // stale token, new token, rejected: no further attempts
  })

  it('fails a rejected token request as auth without retrying', async () => {
    const server = await bearerRegistry({ user: 'bob', pass: 'pw' })
    const { c, retries } = client(server, { credentials: creds('bob', 'nope') })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err.kind).toBe('auth')
    expect(err.message).toContain('incorrect username or password')
    expect(c.requestCount).toBe(2)
    expect(retries).toEqual([])
  })

  it('exchanges an identity token by OAuth2 POST', async () => {
    const server = await serve((req, res, self) => {
      if (req.url === '/token') {
        const form = new URLSearchParams(req.body.toString())
        expect(req.method).toBe('POST')
        expect(form.get('grant_type')).toBe('refresh_token')
        expect(form.get('refresh_token')).toBe('idtok')
        expect(form.get('scope')).toBe('repository:a/b:pull')
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ access_token: 'at' }))
      }
      if (req.headers.authorization !== 'Bearer at') {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      }
      return sendManifest(res)
    })
    const { c } = client(server, { credentials: creds('<token>', 'idtok') })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
  })

  it('putManifest sends the body with its Content-Type under a push-scoped token', async () => {
    const server = await bearerRegistry()
    const { c } = client(server)
    const digest = await c.putManifest('a/b', 'extra', MANIFEST, MEDIA_TYPE)
    expect(digest).toBe(DIGEST)
    const put = server.seen.filter(s => s.method === 'PUT').at(-1)!
    expect(put.url).toBe('/v2/a/b/manifests/extra')
    expect(put.headers['content-type']).toBe(MEDIA_TYPE)
    expect(put.body.equals(MANIFEST)).toBe(true)
    expect(put.headers.authorization).toBe('Bearer tok|repository:a/b:pull,push')
    const token = server.seen.find(s => s.url.startsWith('/token'))!
    expect(new URL(token.url, 'http://x').searchParams.get('scope')).toBe('repository:a/b:pull,push')
    // A pull after a push reuses the push token.
    const before = c.requestCount
    await c.getManifest('a/b', 'extra')
    expect(c.requestCount).toBe(before + 1)
  })

  it('retries 503 twice then succeeds within 3 attempts', async () => {
    let n = 0
    const server = await serve((_req, res) =>
      ++n <= 2 ? sendError(res, 503, 'UNAVAILABLE', 'try later') : sendManifest(res)
    )
    const { c, retries, delays } = client(server, { attempts: 3 })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(retries).toHaveLength(2)
    expect(delays).toHaveLength(2)
    expect(retries[0]).toMatch(/503.*try later.*retrying in .*attempt 2 of 3/)
    expect(retries.every(r => !r.includes('\n'))).toBe(true)
    expect(c.requestCount).toBe(3)
  })

  it('honours Retry-After on 429', async () => {
    let n = 0
    const server = await serve((_req, res) =>
      ++n === 1
        ? sendError(res, 429, 'TOOMANYREQUESTS', 'slow down', { 'Retry-After': '1' })
        : sendManifest(res)
    )
    const { c, delays } = client(server)
    await c.getManifest('a/b', 'v1')
    expect(delays).toHaveLength(1)
    expect(delays[0]).toBeGreaterThanOrEqual(1000)
  })

  it('gives up on a persistent 500 after the configured attempts with the registry message', async () => {
    const server = await serve((_req, res) => sendError(res, 500, 'UNKNOWN', 'storage backend exploded'))
    const { c, retries } = client(server, { attempts: 4 })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'transient', status: 500, code: 'UNKNOWN' })
    expect(err.message).toContain('storage backend exploded')
    expect(err.message).toContain(`${server.host}/v2/a/b/manifests/v1`)
    expect(err.message).not.toContain('\n')
    expect(server.seen).toHaveLength(4)
    expect(retries).toHaveLength(3)
  })

  it('fails a 404 as fatal with MANIFEST_UNKNOWN and no retries', async () => {
    const server = await serve((_req, res) => sendError(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown'))
    const { c } = client(server)
    const err = await failure(c.getManifest('a/b', 'nope'))
    expect(err).toMatchObject({ kind: 'fatal', status: 404, code: 'MANIFEST_UNKNOWN' })
    expect(err.message).toContain('manifest unknown')
    expect(c.requestCount).toBe(1)
  })

  it('fails a 403 as auth without retrying', async () => {
    const server = await serve((_req, res) =>
      sendError(res, 403, 'DENIED', 'requested access to the resource is denied')
    )
    const { c } = client(server)
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'auth', status: 403, code: 'DENIED' })
    expect(c.requestCount).toBe(1)
  })

  it('retries a connection reset', async () => {
    let n = 0
    const server = await serve((_req, res) => (++n === 1 ? res.socket!.destroy() : sendManifest(res)))
    const { c, retries } = client(server)
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(retries).toHaveLength(1)
    expect(retries[0]).toMatch(/socket hang up|ECONNRESET/)
  })

  it('resends at once when a pooled keep-alive socket was closed by the server', async () => {
    const perSocket = new Map<unknown, number>()
    const server = await serve((_req, res) => {
      const n = (perSocket.get(res.socket) ?? 0) + 1
      perSocket.set(res.socket, n)
      return n === 2 ? res.socket!.destroy() : sendManifest(res)
    })
    const { c, retries } = client(server)
    await c.getManifest('a/b', 'v1')
    await c.getManifest('a/b', 'v2')
    expect(retries).toEqual([])
    expect(c.requestCount).toBe(3)
  })

  it('fails fast on connection refused, as transient, naming the host', async () => {
    // Grab a free port, then close it so nothing listens there.
    const probe = await serve((_req, res) => res.end())
    const host = probe.host
    await probe.close()
    const { c, retries } = client({ host }, { attempts: 3 })
    const started = Date.now()
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(Date.now() - started).toBeLessThan(5000)
    expect(err).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' })
    expect(err.message).toContain(host)
    expect(c.requestCount).toBe(3)
    expect(retries).toHaveLength(2)
  })

  it('times out a server that never answers', async () => {
    const server = await serve(() => {
      // never respond
    })
    const { c } = client(server, { attempts: 2, timeoutMs: 150 })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'transient', code: 'ETIMEDOUT' })
    expect(err.message).toContain('timed out')
    expect(server.seen).toHaveLength(2)
  })

  it('refuses repositories and references outside the grammar without a request', async () => {
    const { c } = client({ host: '127.0.0.1:9' })
    await expect(c.getManifest('../etc', 'v1')).rejects.toMatchObject({ kind: 'fatal' })
    await expect(c.getManifest('a/b', 'v1/../../x')).rejects.toMatchObject({ kind: 'fatal' })
    expect(c.requestCount).toBe(0)
  })

  it('falls back to the mediaType in the body when Content-Type is generic', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(MANIFEST)
    })
    const m = await client(server).c.getManifest('a/b', 'v1')
    expect(m.mediaType).toBe(MEDIA_TYPE)
    expect(m.headerDigest).toBeUndefined()
  })
})

describe('tlsFailure', () => {
  it.each([
    [
      { code: 'EPROTO', message: 'write EPROTO …:SSL routines:ssl3_get_record:wrong version number' },
      'plain-http'
    ],
    [{ code: 'ERR_SSL_WRONG_VERSION_NUMBER', message: '' }, 'plain-http'],
    [{ code: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' }, 'certificate'],
    [
      { code: 'ERR_TLS_CERT_ALTNAME_INVALID', message: "Hostname/IP does not match certificate's altnames" },
      'certificate'
    ],
    [
      { code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', message: 'unable to verify the first certificate' },
      'certificate'
    ],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, undefined],
    [{ code: 'ETIMEDOUT', message: 'timed out' }, undefined],
    [undefined, undefined]
  ])('%j → %s', (err, kind) => {
    expect(tlsFailure(err)).toBe(kind)
  })
})

// A registry that is not loopback by name, so the client starts with HTTPS: 0.0.0.0 reaches the
// 127.0.0.1 listener on Linux. Whether docker holds it insecure is what the `insecure` option answers.
describe('insecure registries (daemon.json insecure-registries)', () => {
  const viaAnyAddress = (server: TestServer) => ({ host: `0.0.0.0:${server.port}` })

  it('a plain-HTTP registry docker holds insecure is spoken to over HTTP, asking docker once', async () => {
    const server = await serve((_req, res) => sendManifest(res))
    let asked = 0
    const { c } = client(viaAnyAddress(server), {
      insecure: async () => {
        asked++
        return true
      }
    })
    expect(c.baseUrl).toBe(`https://0.0.0.0:${server.port}`)
    await c.ping()
    expect(c.baseUrl).toBe(`http://0.0.0.0:${server.port}`)
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(asked).toBe(1)
    expect(server.seen.map(r => r.url)).toEqual(['/v2/', '/v2/a/b/manifests/v1'])
  })

  it.each([
    ['docker holds it secure', async () => false],
    ['docker cannot be asked', async () => Promise.reject(new Error('no daemon'))],
    ['no insecure option', undefined]
  ])('a plain-HTTP registry fails at once with what docker would need (%s)', async (_why, insecure) => {
    const server = await serve((_req, res) => sendManifest(res))
    const { c, retries } = client(viaAnyAddress(server), insecure ? { insecure } : {})
    const err = await failure(c.ping())
    expect(err.message).toContain(`GET https://0.0.0.0:${server.port}/v2/ failed`)
    expect(err.message).toContain('answers plain HTTP')
    expect(err.message).toContain('insecure-registries')
    expect(kindOf(err)).toBe('fatal')
    expect(retries).toEqual([])
    expect(server.seen).toEqual([])
  })

  describe('a self-signed certificate', () => {
    let key: Buffer
    let cert: Buffer
    /** A client certificate (self-signed) for registries that ask for one. */
    let clientKey: Buffer
    let clientCert: Buffer
    /** A self-signed key pair made with openssl; `san` makes it valid for the address the client uses. */
    function selfSigned(cn: string, san?: string): { key: Buffer; cert: Buffer } {
      const dir = mkdtempSync(join(tmpdir(), 'btp-cert-'))
      try {
        const args = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${cn}`]
        if (san) args.push('-addext', `subjectAltName=${san}`)
        args.push('-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'))
        execFileSync('openssl', args, { stdio: 'ignore' })
        return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
    beforeAll(() => {
      ;({ key, cert } = selfSigned('btp-test', 'IP:0.0.0.0,IP:127.0.0.1'))
      ;({ key: clientKey, cert: clientCert } = selfSigned('btp-client'))
    })

    /** A certs.d directory for `server`, as dockerd reads it, with the given files. */
    function certsDirFor(server: TestServer, files: Record<string, Buffer | string>): string {
      const dir = mkdtempSync(join(tmpdir(), 'btp-certs.d-'))
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      mkdirSync(join(dir, `0.0.0.0:${server.port}`))
      for (const [name, content] of Object.entries(files))
        writeFileSync(join(dir, `0.0.0.0:${server.port}`, name), content)
      return dir
    }

    const serveTls = (): Promise<TestServer> =>
      serve((_req, res) => sendManifest(res), '127.0.0.1', { key, cert })

    it('is accepted, still over TLS, when docker holds the registry insecure', async () => {
      const server = await serveTls()
      const { c } = client(viaAnyAddress(server), { insecure: async () => true })
      expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
      expect(c.baseUrl).toBe(`https://0.0.0.0:${server.port}`)
    })

    it('is trusted through certs.d/<host:port>/*.crt, as dockerd trusts it, without asking about insecurity', async () => {
      const server = await serveTls()
      const certsDir = certsDirFor(server, { 'ca.crt': cert })
      let asked = 0
      const { c } = client(viaAnyAddress(server), {
        certsDir,
        insecure: async () => {
          asked++
          return false
        }
      })
      expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
      expect((await c.getManifest('a/b', 'v2')).digest).toBe(DIGEST)
      expect(asked).toBe(0)
    })

    it('presents the client certificate from certs.d (client.cert + client.key) to a registry that asks', async () => {
      const server = await serve((_req, res) => sendManifest(res), '127.0.0.1', {
        key,
        cert,
        ca: [clientCert],
        requestCert: true,
        rejectUnauthorized: true
      })
      const withPair = certsDirFor(server, {
        'ca.crt': cert,
        'client.cert': clientCert,
        'client.key': clientKey
      })
      const { c } = client(viaAnyAddress(server), { certsDir: withPair })
      expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)

      // A .cert without its .key is not a pair, as for dockerd: nothing is presented, and the server refuses.
      const halfPair = certsDirFor(server, { 'ca.crt': cert, 'client.cert': clientCert })
      const refused = client(viaAnyAddress(server), { certsDir: halfPair })
      await expect(refused.c.getManifest('a/b', 'v1')).rejects.toBeInstanceOf(RegistryError)
      expect(server.seen.map(r => r.url)).toEqual(['/v2/a/b/manifests/v1'])
    })

    it('is refused, naming the rule, when docker holds it secure', async () => {
      const server = await serveTls()
      // A certs.d directory for this registry, but with another CA in it.
      const certsDir = certsDirFor(server, { 'other.crt': rootCertificates[0] })
      const { c } = client(viaAnyAddress(server), { certsDir, insecure: async () => false })
      const err = await failure(c.getManifest('a/b', 'v1'))
      expect(err.message).toMatch(/self[- ]signed certificate/)
      expect(err.message).toContain(`/etc/docker/certs.d/0.0.0.0:${server.port}/ca.crt`)
      expect(err.message).toContain('insecure-registries')
      expect(kindOf(err)).toBe('fatal')
    })
  })
})
