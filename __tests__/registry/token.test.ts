import { afterEach, describe, expect, it } from '@jest/globals'
import {
  bearerRegistry,
  cleanUp,
  client,
  creds,
  DIGEST,
  failure,
  sendManifest,
  serve,
  basic
} from '../helpers/stand-in.js'

afterEach(cleanUp)

describe('token requests', () => {
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

    // Nor to a loopback port named by a registry that is not on this machine.
    const loopbackRealm = await bearerRegistry({
      user: 'bob',
      pass: 'pw',
      realmHost: port => `127.0.0.1:${port}`
    })
    const remote = client(
      { host: `0.0.0.0:${loopbackRealm.port}` },
      { credentials: creds('bob', 'pw'), insecure: async () => true }
    )
    const sent = await failure(remote.c.getManifest('a/b', 'v1'))
    expect(sent.message).toBe(
      `refusing to send credentials for 0.0.0.0:${loopbackRealm.port} over plain HTTP to token realm http://127.0.0.1:${loopbackRealm.port}`
    )
    expect(loopbackRealm.seen.filter(r => r.url.startsWith('/token'))).toEqual([])
  })

  it('accepts access_token and fetches anonymously without credentials', async () => {
    const server = await bearerRegistry({ tokenKey: 'access_token' })
    const { c } = client(server)
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    expect(server.seen[1].headers.authorization).toBeUndefined()
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

  it.each([307, 308])(
    'does not follow a %i that would take an identity token to another origin',
    async status => {
      const elsewhere = await serve((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        res.end(JSON.stringify({ access_token: 'at' }))
      })
      const server = await serve((req, res, self) => {
        if (req.url === '/token') {
          res.writeHead(status, { Location: `http://${elsewhere.host}/token` })
          return res.end()
        }
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      })
      const { c } = client(server, { credentials: creds('<token>', 'idtok') })
      const err = await failure(c.getManifest('a/b', 'v1'))
      expect(err).toMatchObject({ kind: 'auth', status })
      expect(err.message).toContain(
        `POST http://${server.host}/token redirected to http://${elsewhere.host}: what it sends holds credentials`
      )
      expect(elsewhere.seen).toEqual([])
    }
  )

  it('hands every token to onSecret the moment it is parsed, before it is sent anywhere', async () => {
    const server = await serve((req, res, self) => {
      if (req.url === '/token') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(
          JSON.stringify({
            access_token: 'at-1-long-enough',
            refresh_token: 'rt-1-long-enough',
            expires_in: 300
          })
        )
      }
      if (req.headers.authorization !== 'Bearer at-1-long-enough') {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      }
      return sendManifest(res)
    })
    const masked: { value: string; alreadySent: boolean }[] = []
    const { c } = client(server, {
      credentials: creds('<token>', 'idtok'),
      onSecret: value =>
        masked.push({ value, alreadySent: server.seen.some(r => JSON.stringify(r).includes(value)) })
    })
    expect((await c.getManifest('a/b', 'v1')).digest).toBe(DIGEST)
    await c.getManifest('a/b', 'v2')
    // The identity token is masked too, before its exchange; each value once.
    expect(masked).toEqual([
      { value: 'idtok', alreadySent: false },
      { value: Buffer.from('<token>:idtok').toString('base64'), alreadySent: false },
      { value: 'at-1-long-enough', alreadySent: false },
      { value: 'rt-1-long-enough', alreadySent: false }
    ])
  })

  it.each([
    ['sha256', 'the algorithm'],
    ['sha256:', 'the algorithm and colon'],
    [DIGEST, 'the digest the registry serves'],
    [DIGEST.slice(7, 40), 'a piece of that digest'],
    ['256:0123', 'the middle of a digest'],
    ['latest', 'a short word']
  ])('a token of %j (%s) is used but never handed to the runner as a mask', async token => {
    const server = await serve((req, res, self) => {
      if (req.url?.startsWith('/token')) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ token }))
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      }
      return sendManifest(res)
    })
    const masked: string[] = []
    const { c } = client(server, { onSecret: value => masked.push(value) })
    // The digest a run outputs holds no mask: the runner keeps the output.
    const { digest } = await c.getManifest('a/b', 'v1')
    expect(digest).toBe(DIGEST)
    expect(masked).toEqual([])
  })

  it('a long token that is no piece of a digest is masked', async () => {
    const token = 'eyJhbGciOiJFUzI1NiJ9.e30.sig-0123456789'
    const server = await serve((req, res, self) => {
      if (req.url?.startsWith('/token')) {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ token }))
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="x"` })
        return res.end()
      }
      return sendManifest(res)
    })
    const masked: string[] = []
    const { c } = client(server, { onSecret: value => masked.push(value) })
    await c.getManifest('a/b', 'v1')
    expect(masked).toEqual([token])
  })
})
