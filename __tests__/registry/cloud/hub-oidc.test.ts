// Docker Hub's OIDC login against hostile stand-ins on 127.0.0.1: GitHub's token endpoint answering values
// that are no token, redirecting, echoing the request or failing for a while, and an exchange that stalls its
// body, redirects or answers too much. Each ends in one classified error line; nothing unchecked is masked.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type http from 'node:http'
import { randomBytes } from 'node:crypto'
import { ClassifiedError } from '../../../src/core/retry.js'
import { hubOidcToken, type HubOidcRequest } from '../../../src/registry/cloud/hub-oidc.js'
import { githubIdToken } from '../../../src/registry/cloud/github-oidc.js'
import { proxyRules } from '../../../src/registry/proxy.js'
import { PROXIED_DOMAIN, startConnectProxy } from '../../helpers/connect-proxy.js'
import { cleanUp, failure as rejected, onCleanup, serve, type Seen } from '../../helpers/stand-in.js'
import { cancelAtFirstWait } from '../../helpers/cancel.js'

const saved = { ...process.env }
const REQUEST_TOKEN = `request-${randomBytes(8).toString('hex')}`
const ID_TOKEN = `eyJhbGciOiJSUzI1NiJ9.${randomBytes(12).toString('hex')}.c2ln`
const HUB_TOKEN = `dckr_oat_${randomBytes(12).toString('hex')}`

type Handler = (req: Seen, res: http.ServerResponse) => void

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify(body))
}

/** Headers at once, then a space every 100 ms: never ends on its own. */
const trickle = (res: http.ServerResponse) => {
  res.writeHead(200, { 'Content-Type': 'application/json' })
  const timer = setInterval(() => res.write(' '), 100)
  res.on('close', () => clearInterval(timer))
}

async function setUp(
  oidc: Handler,
  exchange: Handler = (_q, res) => json(res, 200, { access_token: HUB_TOKEN })
) {
  const github = await serve(oidc)
  const hub = await serve(exchange)
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `http://${github.host}/token?api-version=2.0`
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = REQUEST_TOKEN
  const secrets: string[] = []
  const retries: string[] = []
  const req: HubOidcRequest = {
    registry: 'docker.io',
    username: 'octo-org',
    settings: {
      kind: 'hub-oidc',
      connectionId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      expiresIn: 600,
      audience: 'https://identity.docker.com',
      endpoint: `http://${hub.host}/oauth/token`
    },
    idToken: githubIdToken,
    attempts: 2,
    timeoutMs: 300,
    sleep: async () => {},
    onRetry: m => retries.push(m),
    onSecret: v => secrets.push(v)
  }
  return { github, hub, req, secrets, retries }
}

const idTokenAnswer: Handler = (_q, res) => json(res, 200, { value: ID_TOKEN })

/** The ClassifiedError `promise` rejects with. */
const failure = (promise: Promise<unknown>): Promise<ClassifiedError> => rejected(promise, ClassifiedError)

beforeEach(() => {
  for (const k of Object.keys(process.env)) if (/^ACTIONS_ID_TOKEN/.test(k)) delete process.env[k]
})
afterEach(async () => {
  process.env = { ...saved }
  await cleanUp()
})

describe("the job's OIDC token, asked of GitHub's endpoint by us", () => {
  it('masks the request token before sending it, and the ID token only once it is checked', async () => {
    const { github, hub, req, secrets } = await setUp(idTokenAnswer)
    expect((await hubOidcToken(req)).password).toBe(HUB_TOKEN)
    expect(secrets).toEqual([REQUEST_TOKEN, ID_TOKEN])
    expect(github.seen).toHaveLength(1)
    expect(github.seen[0].headers.authorization).toBe(`Bearer ${REQUEST_TOKEN}`)
    expect(new URL(github.seen[0].url, 'http://x').searchParams.get('audience')).toBe(
      'https://identity.docker.com'
    )
    expect(hub.seen).toHaveLength(1)
  })

  it.each([
    ['"a"', 'a', /it is not a JWT/],
    ['"sha256"', 'sha256', /it is not a JWT/],
    ['a short JWT', 'a.b.c', /too short or too much like a digest to be masked/],
    ['an object', { token: ID_TOKEN }, /the answer holds a non-string value/],
    ['two lines', `${ID_TOKEN}\n${ID_TOKEN}`, /it is not a JWT/],
    ['four parts', `${ID_TOKEN}.x`, /it is not a JWT/],
    ['20 000 characters', `${ID_TOKEN.slice(0, -4)}${'x'.repeat(20_000)}`, /it is not a JWT/],
    ['nothing', undefined, /the answer holds no value/]
  ])('a value that is no token (%s) is refused: not masked, not sent', async (_label, value, why) => {
    const { hub, req, secrets } = await setUp((_q, res) => json(res, 200, { value }))
    const error = await failure(hubOidcToken(req))
    expect(error.message).toMatch(/^Docker Hub OIDC login for docker\.io: the job's OIDC token is unusable: /)
    expect(error.message).toMatch(why)
    expect(error.kind).toBe('fatal')
    expect(secrets).toEqual([REQUEST_TOKEN])
    expect(hub.seen).toHaveLength(0)
  })

  it('a redirect is not followed: the other host never sees the request token', async () => {
    const elsewhere = await serve(idTokenAnswer)
    const { github, hub, req } = await setUp((_q, res) => {
      res.writeHead(302, { Location: `http://${elsewhere.host}/steal` }).end()
    })
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `GitHub's OIDC token endpoint (http://${github.host}) for the Docker Hub OIDC login for docker.io answered with a redirect, which is not followed`
    )
    expect(error.kind).toBe('fatal')
    expect(github.seen).toHaveLength(1)
    expect(elsewhere.seen).toHaveLength(0)
    expect(hub.seen).toHaveLength(0)
  })

  it("a refusal names the permission and quotes only the answer's JSON message, never its body", async () => {
    const { github, req } = await setUp((q, res) => {
      res.writeHead(401, { 'Content-Type': 'text/plain' })
      res.end(`you sent ${JSON.stringify(q.headers)}`)
    })
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `Docker Hub OIDC login for docker.io: could not get the job's OIDC token: GitHub's OIDC token endpoint (http://${github.host}) refused: HTTP 401 (the job needs "permissions: id-token: write")`
    )
    expect(error.kind).toBe('auth')
    expect(github.seen).toHaveLength(1)

    const { req: again } = await setUp((_q, res) => json(res, 403, { message: 'Resource not accessible' }))
    expect((await failure(hubOidcToken(again))).message).toMatch(
      /refused: HTTP 403: Resource not accessible \(the job needs "permissions: id-token: write"\)$/
    )
  })

  it('a 5xx is retried with backoff within the attempts, then the token is used', async () => {
    let n = 0
    const { github, req, retries } = await setUp((q, res) =>
      n++ === 0 ? json(res, 503, { message: 'busy' }) : idTokenAnswer(q, res)
    )
    expect((await hubOidcToken(req)).password).toBe(HUB_TOKEN)
    expect(github.seen).toHaveLength(2)
    expect(retries).toEqual([expect.stringMatching(/failed: HTTP 503: busy; retrying in \d/)])
  })

  it('an endpoint that stalls is cut at the deadline, retried, and not blamed on the permission', async () => {
    const { github, req } = await setUp(() => {})
    const started = Date.now()
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `GitHub's OIDC token endpoint (http://${github.host}) for the Docker Hub OIDC login for docker.io could not be reached: no answer within 0.3 s (timeout) (after 2 attempts)`
    )
    expect(error.kind).toBe('transient')
    expect(github.seen).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(3000)
  })
})

describe("Docker Hub's exchange", () => {
  it('an answer whose body stalls after its headers ends at the deadline in one transient line', async () => {
    const { hub, req } = await setUp(idTokenAnswer, (_q, res) => trickle(res))
    const started = Date.now()
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `Docker Hub's OIDC exchange (http://${hub.host}) for docker.io did not send its whole answer within 0.3 s (timeout) (after 2 attempts)`
    )
    expect(error.kind).toBe('transient')
    expect(hub.seen).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('a redirect is one fatal error naming it, not retried', async () => {
    const { hub, req } = await setUp(idTokenAnswer, (_q, res) =>
      res.writeHead(307, { Location: 'http://127.0.0.1:9/oauth/token' }).end()
    )
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `Docker Hub's OIDC exchange (http://${hub.host}) for docker.io answered with a redirect, which is not followed`
    )
    expect(error.kind).toBe('fatal')
    expect(hub.seen).toHaveLength(1)
  })

  it('an answer over the size cap names the service and the registry', async () => {
    const { hub, req } = await setUp(idTokenAnswer, (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(' '.repeat(70_000))
    })
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `Docker Hub's OIDC exchange (http://${hub.host}) for docker.io answered with more than 65536 bytes`
    )
    expect(hub.seen).toHaveLength(1)
  })

  it('an error answer that is not JSON is not quoted', async () => {
    const { req } = await setUp(idTokenAnswer, (q, res) => {
      res.writeHead(400, { 'Content-Type': 'text/plain' })
      res.end(`bad request: ${q.body.toString()}`)
    })
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe("Docker Hub's OIDC exchange refused the login for docker.io: HTTP 400")
    expect(error.kind).toBe('auth')
  })
})

describe('behind a plain-HTTP proxy (absolute URIs), by the rules of proxy.ts', () => {
  const named = (name: string, port: number) => `http://${name}.${PROXIED_DOMAIN}:${port}`
  async function proxied(password: string) {
    const proxy = await startConnectProxy({ credentials: { username: 'u', password: 'secret' } })
    onCleanup(() => proxy.stop())
    const { github, hub, req, retries } = await setUp(idTokenAnswer)
    // Names only the proxy resolves: a request that went around it would fail.
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `${named('oidc', github.port)}/token?api-version=2.0`
    req.settings = { ...req.settings, endpoint: `${named('hub', hub.port)}/oauth/token` }
    req.proxy = proxyRules({ HTTP_PROXY: `http://u:${password}@127.0.0.1:${proxy.port}` })
    return { proxy, github, hub, req, retries }
  }

  it('both requests go through it, with its credentials', async () => {
    const { proxy, github, hub, req } = await proxied('secret')
    expect((await hubOidcToken(req)).password).toBe(HUB_TOKEN)
    expect(proxy.seen.map(s => `${s.method} ${s.target} ${s.status} ${s.auth}`)).toEqual([
      `GET ${named('oidc', github.port)}/token?api-version=2.0&audience=https%3A%2F%2Fidentity.docker.com 200 Basic dTpzZWNyZXQ=`,
      `POST ${named('hub', hub.port)}/oauth/token 200 Basic dTpzZWNyZXQ=`
    ])
  })

  it('its 407 is one fatal line naming the proxy without credentials, not retried', async () => {
    const { proxy, github, req, retries } = await proxied('wrong-pw')
    const error = await failure(hubOidcToken(req))
    expect(error.message).toBe(
      `GitHub's OIDC token endpoint (${named('oidc', github.port)}) for the Docker Hub OIDC login for docker.io could not be reached: GET ${named('oidc', github.port)}/token failed: the proxy http://127.0.0.1:${proxy.port} (HTTP_PROXY) refused the credentials in HTTP_PROXY (HTTP 407)`
    )
    expect(error.kind).toBe('fatal')
    expect(proxy.seen.map(s => s.status)).toEqual([407])
    expect(retries).toEqual([])
    expect(github.seen).toHaveLength(0)
  })
})

describe('a cancel ends the login at once, with the cancel as its error', () => {
  /** Aborts `controller` as runCancelled aborts (with the signal's name) once `when` holds. */
  const cancelWhen = (controller: AbortController, when: () => boolean) =>
    (async () => {
      while (!when()) await new Promise(r => setTimeout(r, 10))
      controller.abort('SIGINT')
    })()

  it("while GitHub's token endpoint has not answered", async () => {
    const { github, req } = await setUp(() => {})
    const controller = new AbortController()
    const cancelled = cancelWhen(controller, () => github.seen.length > 0)
    const started = Date.now()
    const error = await failure(hubOidcToken({ ...req, timeoutMs: 30_000, signal: controller.signal }))
    await cancelled
    expect(error.message).toBe(
      `GitHub's OIDC token endpoint (http://${github.host}) for the Docker Hub OIDC login for docker.io stopped: the run was cancelled (SIGINT)`
    )
    expect(error.kind).toBe('fatal')
    expect(github.seen).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("while waiting to ask GitHub's token endpoint again", async () => {
    const { github, req } = await setUp((_q, res) => json(res, 503, { message: 'busy' }))
    const cancel = cancelAtFirstWait()
    const error = await failure(
      hubOidcToken({ ...req, attempts: 5, signal: cancel.signal, sleep: cancel.sleep })
    )
    expect(cancel.waits).toHaveLength(1)
    expect(error.message).toBe('the run was cancelled (SIGINT)')
    expect(github.seen).toHaveLength(1)
  })

  it("while Docker Hub's exchange has not answered", async () => {
    const { hub, req } = await setUp(idTokenAnswer, () => {})
    const controller = new AbortController()
    const cancelled = cancelWhen(controller, () => hub.seen.length > 0)
    const started = Date.now()
    const error = await failure(hubOidcToken({ ...req, timeoutMs: 30_000, signal: controller.signal }))
    await cancelled
    expect(error.message).toBe(
      `Docker Hub's OIDC exchange (http://${hub.host}) for docker.io stopped: the run was cancelled (SIGINT)`
    )
    expect(hub.seen).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("while waiting to ask Docker Hub's exchange again", async () => {
    const { hub, req } = await setUp(idTokenAnswer, (_q, res) => json(res, 503, { message: 'busy' }))
    const cancel = cancelAtFirstWait()
    const error = await failure(
      hubOidcToken({ ...req, attempts: 5, signal: cancel.signal, sleep: cancel.sleep })
    )
    expect(cancel.waits).toHaveLength(1)
    expect(error.message).toBe('the run was cancelled (SIGINT)')
    expect(hub.seen).toHaveLength(1)
  })
})
