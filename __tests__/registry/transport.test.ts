import { afterEach, describe, expect, it } from '@jest/globals'
import { kindOf } from '../../src/core/retry.js'
import { proxyRules } from '../../src/registry/proxy.js'
import { registryBaseUrl } from '../../src/registry/transport.js'
import {
  basic,
  cleanUp,
  client,
  creds,
  DIGEST,
  failure,
  MANIFEST,
  MEDIA_TYPE,
  sendError,
  sendManifest,
  serve,
  viaAnyAddress,
  type Seen,
  type TestServer
} from '../helpers/stand-in.js'

afterEach(cleanUp)

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

describe('RegistryClient transport', () => {
  it('reuses keep-alive connections, at most 8 at once', async () => {
    const server = await serve((_req, res) => setTimeout(() => sendManifest(res), 20))
    const { c } = client(server)
    for (let i = 0; i < 3; i++) await c.getManifest('a/b', `t${i}`)
    expect(server.connections).toBe(1)
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.getManifest('a/b', `p${i}`)))
    expect(server.connections).toBeLessThanOrEqual(8)
    expect(c.requestCount).toBe(23)
  })

  it('a closed client ends a request on a reused connection at once, and sends nothing after', async () => {
    // The first request answers and leaves its connection to reuse; the second never gets an answer.
    const server = await serve((req, res) => (req.url.endsWith('/v1') ? sendManifest(res) : undefined))
    const { c } = client(server)
    await c.getManifest('a/b', 'v1')
    const pending = c.getManifest('a/b', 'v2')
    while (server.seen.length < 2) await new Promise(r => setTimeout(r, 10))
    const closedAt = Date.now()
    c.close()
    const err = await failure(pending)
    expect(err.message).toMatch(/stopped: the run is over$/)
    expect(Date.now() - closedAt).toBeLessThan(1_000)
    expect((await failure(c.getManifest('a/b', 'v3'), Error)).message).toMatch(/stopped: the run is over$/)
    expect(server.seen).toHaveLength(2)
  })

  it('talks plain HTTP to [::1]:port', async () => {
    // .ci/run makes sure lo has ::1.
    const server = await serve((_req, res) => sendManifest(res), '::1')
    const { c } = client(server)
    expect(c.baseUrl).toBe(`http://${server.host}`)
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
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

  it('counts the deadline from the socket: 160 requests queued behind 8 sockets never time out', async () => {
    // Each answer takes 150 ms, so the last of 160 waits about 3 s for a socket: three deadlines. A deadline
    // of a second leaves room for a loaded machine answering one request slowly. The wait, not the number of
    // requests, is what a deadline counted from the request's start would fail on: few requests, each slow.
    const server = await serve((_req, res) => setTimeout(() => sendManifest(res), 150))
    const { c, retries } = client(server, { timeoutMs: 1000 })
    const got = await Promise.all(Array.from({ length: 160 }, (_, i) => c.getManifest('a/b', `t${i}`)))
    expect(got.every(m => m.digest === DIGEST)).toBe(true)
    expect(retries).toEqual([])
    expect(c.requestCount).toBe(160)
    expect(server.connections).toBeLessThanOrEqual(8)
  }, 60_000)

  it('still times out a request that has its socket and gets no answer', async () => {
    const server = await serve((req, res) => {
      if (req.url.endsWith('/slow')) return // never answered
      setTimeout(() => sendManifest(res), 10)
    })
    const { c } = client(server, { attempts: 1, timeoutMs: 300 })
    const quick = Promise.all(Array.from({ length: 50 }, (_, i) => c.getManifest('a/b', `t${i}`)))
    const err = await failure(c.getManifest('a/b', 'slow'))
    expect(err.message).toContain('timed out after 300 ms')
    expect(await quick).toHaveLength(50)
  })
})

describe('insecure registries (daemon.json insecure-registries)', () => {
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
})

describe('errors name the request as it was sent', () => {
  it('a 5xx after the switch to plain HTTP names the http:// URL', async () => {
    const server = await serve((req, res) =>
      req.url === '/v2/' ? sendManifest(res) : sendError(res, 502, 'UNAVAILABLE', 'bad gateway')
    )
    const { c } = client(viaAnyAddress(server), { insecure: async () => true, attempts: 1 })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err.message).toContain(
      `GET http://0.0.0.0:${server.port}/v2/a/b/manifests/v1 failed with HTTP 502`
    )
  })

  it('a 5xx to plain HTTP through a proxy names the proxy, which may have answered it', async () => {
    const registry = await serve((_req, res) => sendManifest(res))
    // A forward proxy that cannot reach anything: a 502 for every request it is sent.
    const proxy = await serve((_req, res) => sendError(res, 502, 'BAD_GATEWAY', 'bad gateway from proxy'))
    const { c } = client(viaAnyAddress(registry), {
      insecure: async () => true,
      attempts: 1,
      proxy: proxyRules({ HTTP_PROXY: `http://${proxy.host}` })
    })
    const err = await failure(c.ping())
    expect(err.message).toBe(
      `GET http://0.0.0.0:${registry.port}/v2/ failed with HTTP 502 BAD_GATEWAY: bad gateway from proxy (through the proxy http://${proxy.host} (HTTP_PROXY))`
    )
    expect(proxy.seen.map(r => r.url)).toEqual([`http://0.0.0.0:${registry.port}/v2/`])
  })

  it('where node cannot proxy, a failure of the direct connection does not blame the proxy', async () => {
    const proxy = await serve((_req, res) => sendError(res, 502, 'BAD_GATEWAY', 'never asked'))
    const warnings: string[] = []
    const { c } = client(
      { host: 'registry.proxy.invalid:1' },
      {
        attempts: 1,
        proxy: proxyRules({ HTTPS_PROXY: `http://${proxy.host}` }),
        nodeVersion: '20.20.0',
        onWarning: w => warnings.push(w)
      }
    )
    const err = await failure(c.ping())
    expect(err.message).toContain('GET https://registry.proxy.invalid:1/v2/ failed')
    expect(err.message).not.toContain('proxy http')
    expect(warnings).toEqual([expect.stringContaining('node 20.20.0 cannot send requests through a proxy')])
    expect(proxy.seen).toEqual([])
  })
})

describe('secrets in error text', () => {
  const TOKEN = 'tok-3f9.s3cret'
  const PASSWORD = 'hunter2-pw'

  /** Answers every authorized request with a 500 whose body echoes the request, as some proxies do. */
  function echoing(scheme: 'bearer' | 'basic') {
    return serve((req, res, self) => {
      if (req.url.startsWith('/token')) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ token: TOKEN, refresh_token: 'rt-77-refresh', expires_in: 300 }))
      }
      if (!req.headers.authorization) {
        res.writeHead(401, {
          'WWW-Authenticate':
            scheme === 'bearer' ? `Bearer realm="http://${self.host}/token",service="x"` : 'Basic realm="r"'
        })
        return res.end()
      }
      const dump = Object.entries(req.headers)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('\r\n')
      const credential = req.headers.authorization.split(' ')[1]
      return sendError(
        res,
        500,
        'UNKNOWN',
        `${req.method} ${req.url}\r\n${dump}\r\n(credential ${credential})`
      )
    })
  }

  it.each(['bearer', 'basic'] as const)(
    'a %s registry echoing the request in a 500 gets *** into the error, never what we sent',
    async scheme => {
      const server = await echoing(scheme)
      const secrets: string[] = []
      const { c, retries } = client(server, {
        attempts: 2,
        credentials: creds('bob', PASSWORD),
        onSecret: value => secrets.push(value)
      })
      const err = await failure(c.getManifest('a/b', 'v1'))
      expect(err.status).toBe(500)
      const basicValue = Buffer.from(`bob:${PASSWORD}`).toString('base64')
      for (const text of [err.message, ...retries]) {
        expect(text).toContain('***')
        for (const secret of [TOKEN, basicValue, PASSWORD]) expect(text).not.toContain(secret)
      }
      expect(secrets).toEqual(
        scheme === 'bearer' ? [PASSWORD, basicValue, TOKEN, 'rt-77-refresh'] : [PASSWORD, basicValue]
      )
    }
  )
})

describe('redirects', () => {
  const AUTH = basic('alice', 's3cret')

  /** A Basic registry that, once authorized, sends every request on with `status` to `location`. */
  const redirecting = (status: number, location: (req: Seen, self: TestServer) => string | undefined) =>
    serve((req, res, self) => {
      if (req.headers.authorization !== AUTH) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="registry"' })
        return res.end()
      }
      const to = location(req, self)
      if (!to) return sendManifest(res)
      res.writeHead(status, { Location: to })
      return res.end()
    })

  it.each([301, 302, 303, 307, 308])(
    'a manifest GET follows %i to another origin, without Authorization',
    async status => {
      const elsewhere = await serve((_req, res) => sendManifest(res))
      const server = await redirecting(status, () => `http://${elsewhere.host}/blobs/m?sig=1`)
      const { c } = client(server, { credentials: creds('alice', 's3cret') })
      expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
      expect(elsewhere.seen.map(r => [r.method, r.url, r.headers.authorization])).toEqual([
        ['GET', '/blobs/m?sig=1', undefined]
      ])
    }
  )

  it('keeps Authorization on a redirect within the registry origin', async () => {
    const server = await redirecting(307, req =>
      req.url.endsWith('/v1') ? '/v2/a/b/manifests/v2' : undefined
    )
    const { c } = client(server, { credentials: creds('alice', 's3cret') })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(server.seen.map(r => [r.url, r.headers.authorization])).toEqual([
      ['/v2/a/b/manifests/v1', undefined],
      ['/v2/a/b/manifests/v1', AUTH],
      ['/v2/a/b/manifests/v2', AUTH]
    ])
  })

  it('a PUT follows 307 with its body, but not 302', async () => {
    const elsewhere = await serve((_req, res) => {
      res.writeHead(201)
      res.end()
    })
    const to307 = await redirecting(307, () => `http://${elsewhere.host}/upload`)
    const put = client(to307, { credentials: creds('alice', 's3cret') }).c
    await put.putManifest('a/b', 'v1', MANIFEST, MEDIA_TYPE)
    expect(elsewhere.seen).toHaveLength(1)
    expect(elsewhere.seen[0]).toMatchObject({ method: 'PUT', url: '/upload' })
    expect(elsewhere.seen[0].body.equals(MANIFEST)).toBe(true)
    expect(elsewhere.seen[0].headers.authorization).toBeUndefined()

    const to302 = await redirecting(302, () => `http://${elsewhere.host}/upload`)
    const err = await failure(
      client(to302, { credentials: creds('alice', 's3cret') }).c.putManifest(
        'a/b',
        'v1',
        MANIFEST,
        MEDIA_TYPE
      )
    )
    expect(err).toMatchObject({ kind: 'fatal', status: 302 })
    expect(elsewhere.seen).toHaveLength(1)
  })

  /** Another origin that answers 401 with a Bearer challenge naming a realm of its own, which hands out tokens. */
  async function foreignChallenge() {
    const realm = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ token: 'stolen' }))
    })
    const elsewhere = await serve((_req, res) => {
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${realm.host}/token",service="x"` })
      res.end()
    })
    return { realm, elsewhere }
  }

  it("a 401 from where a redirect led on another origin is that host's: its realm gets no credentials", async () => {
    const { realm, elsewhere } = await foreignChallenge()
    const server = await redirecting(307, () => `http://${elsewhere.host}/blobs/m?sig=1`)
    const { c } = client(server, { credentials: creds('alice', 's3cret') })
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'auth', status: 401 })
    expect(err.message).toBe(
      `GET http://${server.host}/v2/a/b/manifests/v1 was redirected to http://${elsewhere.host}, which answered HTTP 401; the credentials for ${server.host} are not sent to another origin`
    )
    expect(realm.seen).toEqual([])
    expect(elsewhere.seen).toHaveLength(1)
  })

  it('the preflight does not take a challenge from another origin that GET /v2/ was redirected to', async () => {
    const { realm, elsewhere } = await foreignChallenge()
    const server = await serve((_req, res) => {
      res.writeHead(302, { Location: `http://${elsewhere.host}/v2/` })
      res.end()
    })
    const { c } = client(server, { credentials: creds('alice', 's3cret') })
    const err = await failure(c.checkPushAccess('a/b'))
    expect(err).toMatchObject({ kind: 'auth', status: 401 })
    expect(err.message).toContain(`was redirected to http://${elsewhere.host}, which answered HTTP 401`)
    expect(realm.seen).toEqual([])
  })

  it('gives up after 5 redirects, without retrying', async () => {
    let n = 0
    const server = await serve((_req, res) => {
      res.writeHead(302, { Location: `/v2/a/b/manifests/loop${++n}` })
      res.end()
    })
    const { c, retries } = client(server)
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'fatal', status: 302 })
    expect(err.message).toContain('more than 5 redirects')
    expect(server.seen).toHaveLength(6)
    expect(retries).toEqual([])
  })
})
