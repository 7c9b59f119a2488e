import { afterEach, describe, expect, it } from '@jest/globals'
import { cliTerm } from '../../src/cli/main.js'
import { actionTerm, renderInputRefs } from '../../src/core/input-ref.js'
import { kindOf } from '../../src/core/retry.js'
import { parseChallenges, type Challenge } from '../../src/registry/auth.js'
import {
  basic,
  bearerRegistry,
  cleanUp,
  client,
  creds,
  DIGEST,
  failure,
  sendError,
  sendManifest,
  serve
} from '../helpers/stand-in.js'

afterEach(cleanUp)

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

describe('RegistryClient authentication', () => {
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

  // A source registry is read with registry-auth's logins: the hint names it in each interface's words.
  it.each([
    [
      'Basic',
      () => serve((_req, res) => void res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end())
    ],
    ['Bearer', () => bearerRegistry({ user: 'bob', pass: 'pw' })]
  ])('points a %s registry with no credentials to registry-auth or docker login', async (_, start) => {
    const server = await start()
    const err = await failure(client(server).c.getManifest('a/b', 'v1'))
    expect(err.kind).toBe('auth')
    const hint = (term: string): string =>
      `no credentials were found for ${server.host} (give it a login in ${term}, or run docker login ${server.host} beforehand)`
    expect(renderInputRefs(err.message, actionTerm)).toContain(hint('the "registry-auth" input'))
    expect(renderInputRefs(err.message, cliTerm)).toContain(hint('--registry-auth-file'))
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

  it('fails a 403 as auth without retrying', async () => {
    const server = await serve((_req, res) =>
      sendError(res, 403, 'DENIED', 'requested access to the resource is denied')
    )
    const { c } = client(server)
    const err = await failure(c.getManifest('a/b', 'v1'))
    expect(err).toMatchObject({ kind: 'auth', status: 403, code: 'DENIED' })
    expect(c.requestCount).toBe(1)
  })
})

describe('checkPushAccess', () => {
  const basicOnly = () =>
    serve((req, res) => {
      if (req.headers.authorization !== basic('alice', 's3cret')) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="registry"' })
        return res.end()
      }
      return sendManifest(res)
    })

  /** A Bearer registry whose token server answers push scopes with `pushStatus`, pull scopes with a token. */
  const bearerWithPush = (pushStatus: number) =>
    serve((req, res, self) => {
      const url = new URL(req.url, 'http://x')
      if (url.pathname === '/token') {
        if (url.searchParams.get('scope')!.endsWith(',push') && pushStatus !== 200)
          return sendError(res, pushStatus, 'DENIED', 'requested access to the resource is denied')
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ token: `tok|${url.searchParams.get('scope')}`, expires_in: 300 }))
      }
      if (!req.headers.authorization?.startsWith('Bearer tok|')) {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      }
      res.writeHead(201)
      return res.end()
    })

  it('fails a Basic registry when there are no credentials, naming the registry, after one request', async () => {
    const server = await basicOnly()
    const { c } = client(server, { credentials: async () => undefined })
    const err = await failure(c.checkPushAccess('a/b'))
    expect(err).toMatchObject({ kind: 'auth', status: 401 })
    expect(err.message).toBe(`no credentials for ${server.host}: the registry asks for a login`)
    expect(c.requestCount).toBe(1)
  })

  it('passes a Basic registry with credentials without another request, and sends them preemptively after', async () => {
    const server = await basicOnly()
    const { c } = client(server, { credentials: creds('alice', 's3cret') })
    await c.checkPushAccess('a/b')
    expect(server.seen.map(r => r.url)).toEqual(['/v2/'])
    await c.getManifest('a/b', 'v1')
    expect(c.requestCount).toBe(2)
    expect(server.seen[1].headers.authorization).toBe(basic('alice', 's3cret'))
  })

  it.each([401, 403])('fails a Bearer registry whose token server refuses push (HTTP %i)', async status => {
    const server = await bearerWithPush(status)
    const { c, retries } = client(server)
    const err = await failure(c.checkPushAccess('a/b'))
    expect(err).toMatchObject({ kind: 'auth', status })
    expect(err.message).toContain('token request')
    expect(err.message).toContain('requested access to the resource is denied')
    const token = new URL(server.seen[1].url, 'http://x')
    expect(token.searchParams.get('scope')).toBe('repository:a/b:pull,push')
    expect(retries).toEqual([])
  })

  it('passes a Bearer registry that grants a push-scoped token, and the push uses it', async () => {
    const server = await bearerWithPush(200)
    const { c } = client(server)
    await c.checkPushAccess('a/b')
    expect(server.seen.map(r => r.url.split('?')[0])).toEqual(['/v2/', '/token'])
    await c.putManifest('a/b', 'v1', Buffer.from('{}'), 'application/vnd.oci.image.manifest.v1+json')
    expect(c.requestCount).toBe(3)
    expect(server.seen[2].headers.authorization).toBe('Bearer tok|repository:a/b:pull,push')
  })

  it('does not block the push when the token server fails otherwise (HTTP 500)', async () => {
    const server = await bearerWithPush(500)
    await client(server, { attempts: 1 }).c.checkPushAccess('a/b')
  })

  it('fails when the client is closed (the run cancelled) while the token server has not answered', async () => {
    const server = await serve((req, res, self) => {
      // The token server never answers; /v2/ asks for a Bearer token from it.
      if (req.url.startsWith('/token')) return
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
      res.end()
    })
    const { c } = client(server)
    const checking = c.checkPushAccess('a/b')
    const closed = (async () => {
      while (!server.seen.some(r => r.url.startsWith('/token'))) await new Promise(r => setTimeout(r, 10))
      c.close()
    })()
    await closed
    const closedAt = Date.now()
    const err = await failure(checking)
    expect(err.message).toMatch(/stopped: the run is over/)
    expect(Date.now() - closedAt).toBeLessThan(1_000)
  })

  it('passes a registry that answers 200 to /v2/, and fails one that answers neither 200 nor 401', async () => {
    const open = await serve((_req, res) => res.end('{}'))
    const { c } = client(open)
    await c.checkPushAccess('a/b')
    expect(c.requestCount).toBe(1)
    const broken = await serve((_req, res) => sendError(res, 404, 'NOT_FOUND', 'no API here'))
    const err = await failure(client(broken).c.checkPushAccess('a/b'))
    expect(err).toMatchObject({ kind: 'fatal', status: 404 })
  })
})
