// Cloud logins against stand-ins on 127.0.0.1: the real AWS SDK reaches the ECR stand-in through its own
// endpoint override (AWS_ENDPOINT_URL_ECR), Docker Hub's OIDC login goes through GitHub's token endpoint and
// the exchange. One token per registry per run, shared by the login and the registry client's lookup.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { Logins, type LoginsOptions } from '../../src/pipeline/cloud-logins.js'
import type { RegistryLogin } from '../../src/inputs/registry-auth.js'
import type { Reporter } from '../../src/log/reporter.js'
import { cloudLoginOf } from '../../src/registry/cloud/detect.js'
import { githubIdToken } from '../../src/registry/cloud/github-oidc.js'
import { cleanUp } from '../helpers/stand-in.js'
import {
  awsEnv,
  ECR_PUBLIC_TARGET,
  startEcrApi,
  startHubExchange,
  startOidcEndpoint,
  type EcrApi
} from '../helpers/cloud.js'

const saved = { ...process.env }
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE'
const SECRET = `wJalrXUtnFEMI-${randomBytes(6).toString('hex')}`
const ECR_PASSWORD = `ecr-${randomBytes(16).toString('hex')}`

function reporter() {
  const log: string[] = []
  const secrets: string[] = []
  const r: Reporter = {
    info: m => log.push(`info ${m}`),
    notice: m => log.push(`notice ${m}`),
    warning: m => log.push(`warning ${m}`),
    debug: m => log.push(`debug ${m}`),
    setSecret: v => {
      secrets.push(v)
      log.push('(mask)')
    },
    group: (_n, fn) => fn()
  }
  return { r, log, secrets }
}

function logins(list: RegistryLogin[], over: Partial<LoginsOptions> = {}) {
  const rep = reporter()
  const l = new Logins(list, {
    reporter: rep.r,
    attempts: 3,
    timeoutMs: 5000,
    sleep: async () => {},
    ...over
  })
  return { l, ...rep }
}

/** An entry as the inputs give it: the cloud login decided from its host, `ecr` and the environment. */
function entry(registry: string, over: Partial<RegistryLogin> = {}): RegistryLogin {
  const login = { registry, username: '', password: '', ...over }
  return { ...login, cloud: cloudLoginOf(login, process.env) }
}

async function ecr(answer: Parameters<typeof startEcrApi>[0], target?: string): Promise<EcrApi> {
  const api = await startEcrApi(answer, target)
  Object.assign(
    process.env,
    awsEnv(api, { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00000', AWS_SECRET_ACCESS_KEY: 'env-secret' })
  )
  return api
}

beforeEach(() => {
  for (const k of Object.keys(process.env))
    if (/^(AWS_|DOCKERHUB_|ACTIONS_ID_TOKEN)/.test(k)) delete process.env[k]
})
afterEach(async () => {
  process.env = { ...saved }
  await cleanUp()
})

describe('ECR through the AWS SDK', () => {
  it('one signed GetAuthorizationToken call with the given key serves the login and every lookup', async () => {
    const api = await ecr({ username: 'AWS', password: ECR_PASSWORD })
    const login = entry('127.0.0.1:5000', { ecr: true, username: KEY_ID, password: SECRET })
    const { l, log, secrets } = logins([login])
    const lookup = l.lookup(async () => ({ username: 'from-config', password: 'x' }))
    const got = await Promise.all([
      l.resolve(login),
      lookup('127.0.0.1:5000'),
      lookup('127.0.0.1:5000'),
      l.resolve(login)
    ])
    for (const c of got) expect(c).toEqual({ username: 'AWS', password: ECR_PASSWORD })
    expect(api.calls).toHaveLength(1)
    expect(api.keyIds()).toEqual([KEY_ID])
    // The region came from AWS_REGION and the request went to the override, signed for ECR.
    expect(String(api.calls[0].headers.authorization)).toMatch(/\/eu-west-1\/ecr\/aws4_request/)
    // Masked before it was handed out, and never printed.
    expect(secrets).toContain(ECR_PASSWORD)
    expect(secrets).toContain(SECRET)
    expect(log.join('\n')).not.toContain(ECR_PASSWORD)
    expect(log.join('\n')).not.toContain(SECRET)
    expect(log.findIndex(m => m.startsWith('info Got a login'))).toBeGreaterThan(log.indexOf('(mask)'))
    // Another registry's lookup still goes to the docker config.
    expect(await lookup('ghcr.io')).toEqual({ username: 'from-config', password: 'x' })
  })

  it("without username/password, the SDK's default chain takes the environment's credentials", async () => {
    const api = await ecr({ username: 'AWS', password: ECR_PASSWORD })
    const login = entry('127.0.0.1:5000', { ecr: true })
    const { l } = logins([login])
    expect(await l.resolve(login)).toEqual({ username: 'AWS', password: ECR_PASSWORD })
    expect(api.keyIds()).toEqual(['AKIAENVIRONMENT00000'])
  })

  it('asks for the account the host names', async () => {
    const api = await ecr({ username: 'AWS', password: ECR_PASSWORD })
    const login = entry('123456789012.dkr.ecr.eu-west-3.amazonaws.com')
    await logins([login]).l.resolve(login)
    expect(JSON.parse(api.calls[0].body.toString())).toEqual({ registryIds: ['123456789012'] })
    expect(String(api.calls[0].headers.authorization)).toMatch(/\/eu-west-3\/ecr\//)
  })

  it('ECR Public through its own client and endpoint override', async () => {
    const api = await ecr({ username: 'AWS', password: ECR_PASSWORD }, ECR_PUBLIC_TARGET)
    const login = entry('public.ecr.aws', { username: KEY_ID, password: SECRET })
    expect(await logins([login]).l.resolve(login)).toEqual({ username: 'AWS', password: ECR_PASSWORD })
    expect(api.keyIds()).toEqual([KEY_ID])
    expect(String(api.calls[0].headers.authorization)).toMatch(/\/us-east-1\/ecr-public\//)
  })

  it("a refusal fails with the service's own message, naming the registry; it is asked once and not again", async () => {
    const api = await ecr({
      status: 400,
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.'
    })
    const login = entry('127.0.0.1:5000', { ecr: true, username: KEY_ID, password: SECRET })
    const { l } = logins([login])
    const message =
      'AWS ECR gave no login for 127.0.0.1:5000: The security token included in the request is invalid. (HTTP 400, UnrecognizedClientException)'
    await expect(l.resolve(login)).rejects.toThrow(message)
    await expect(l.lookup()('127.0.0.1:5000')).rejects.toThrow(message)
    expect(api.calls).toHaveLength(1)
  })

  it('a token is fetched again once it has less than the margin a fresh one must have (60 s)', async () => {
    const api = await ecr({
      username: 'AWS',
      password: 'first-ecr-token',
      expiresAt: new Date(Date.now() + 3600_000)
    })
    let now = Date.now()
    const login = entry('127.0.0.1:5000', { ecr: true })
    const { l } = logins([login], { now: () => now })
    expect((await l.resolve(login)).password).toBe('first-ecr-token')
    now += 3500_000
    api.answer = { username: 'AWS', password: 'second-ecr-token' }
    expect((await l.resolve(login)).password).toBe('first-ecr-token')
    expect(api.calls).toHaveLength(1)
    now += 50_000
    expect((await l.resolve(login)).password).toBe('second-ecr-token')
    expect(api.calls).toHaveLength(2)
  })

  it.each([
    [-3600_000, 'expired at'],
    [-1, 'expired at'],
    [30_000, 'expires at']
  ])(
    'a token that expires %d ms from now is refused in one line, and not asked for again',
    async (ms, says) => {
      const now = Date.now()
      const expiresAt = new Date(Math.floor((now + ms) / 1000) * 1000)
      const api = await ecr({ username: 'AWS', password: ECR_PASSWORD, expiresAt })
      const login = entry('127.0.0.1:5000', { ecr: true })
      const { l } = logins([login], { now: () => now })
      const message = `AWS ECR gave a token for 127.0.0.1:5000 that ${says} ${expiresAt.toISOString()}`
      await expect(l.resolve(login)).rejects.toThrow(message)
      await expect(l.lookup()('127.0.0.1:5000')).rejects.toThrow(message)
      expect(api.calls).toHaveLength(1)
    }
  )

  it('an ECR API that never answers is cut at the request deadline, within the attempts', async () => {
    const api = await ecr({ hang: true })
    const login = entry('127.0.0.1:5000', { ecr: true })
    const started = Date.now()
    await expect(logins([login], { attempts: 2, timeoutMs: 300 }).l.resolve(login)).rejects.toThrow(
      /AWS ECR gave no login for 127\.0\.0\.1:5000: .*(timed? ?out|timeout)/i
    )
    expect(api.calls).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it("the run's cancel ends a call ECR has not answered, at once", async () => {
    const api = await ecr({ hang: true })
    const login = entry('127.0.0.1:5000', { ecr: true })
    const controller = new AbortController()
    const pending = logins([login], { timeoutMs: 30_000, cancelled: controller.signal }).l.resolve(login)
    while (api.calls.length === 0) await new Promise(r => setTimeout(r, 10))
    const cancelledAt = Date.now()
    controller.abort('SIGINT')
    await expect(pending).rejects.toThrow(
      'AWS ECR login for 127.0.0.1:5000 stopped: the run was cancelled (SIGINT)'
    )
    expect(Date.now() - cancelledAt).toBeLessThan(1000)
  })

  it.each([
    [{ authorizationData: [] }, /holds no authorization token/],
    [
      { authorizationData: [{ authorizationToken: 'bm8tY29sb24=' }] },
      /not base64 of a username and password/
    ],
    [{ authorizationData: [{ authorizationToken: 'not base64!' }] }, /not base64 of a username and password/],
    [
      { authorizationData: [{ authorizationToken: 'A'.repeat(70000) }] },
      /not base64 of a username and password/
    ]
  ])('an answer that is no login (%#) is refused before use', async (raw, message) => {
    await ecr({ raw })
    const login = entry('127.0.0.1:5000', { ecr: true })
    await expect(logins([login]).l.resolve(login)).rejects.toThrow(message)
  })
})

describe("Docker Hub through GitHub's OIDC token", () => {
  const UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
  const ID_TOKEN = `eyJ.${randomBytes(12).toString('hex')}.sig`
  const HUB_TOKEN = `dckr_oat_${randomBytes(12).toString('hex')}`

  async function setUp(answers: Parameters<typeof startHubExchange>[0]) {
    const oidc = await startOidcEndpoint(ID_TOKEN, 'request-token')
    const exchange = await startHubExchange(answers)
    Object.assign(process.env, oidc.env, {
      DOCKERHUB_OIDC_CONNECTIONID: UUID,
      DOCKERHUB_OIDC_ENDPOINT_URL: exchange.url,
      DOCKERHUB_OIDC_EXPIREIN: '600'
    })
    const login = entry('docker.io', { username: 'octo-org' })
    return { oidc, exchange, login, ...logins([login], { idToken: githubIdToken }) }
  }

  it("exchanges the job's ID token (Docker's audience) once for a Hub token, masked before use", async () => {
    const { oidc, exchange, login, l, secrets, log } = await setUp([
      { status: 200, body: { access_token: HUB_TOKEN } }
    ])
    const started = Date.now()
    const got = await Promise.all([l.resolve(login), l.lookup()('docker.io')])
    for (const c of got) expect(c).toEqual({ username: 'octo-org', password: HUB_TOKEN })
    expect(oidc.audiences()).toEqual(['https://identity.docker.com'])
    expect(exchange.forms()).toEqual([
      {
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
        subject_token: ID_TOKEN,
        connection_id: UUID,
        expires_in: '600'
      }
    ])
    expect(secrets).toEqual(expect.arrayContaining([ID_TOKEN, HUB_TOKEN]))
    expect(log.join('\n')).not.toContain(HUB_TOKEN)
    const until = /valid until (\S+)/.exec(log.find(m => m.includes('Got a login'))!)![1]
    expect(Date.parse(until) - started).toBeGreaterThanOrEqual(600_000 - 1000)
  })

  it("a refusal fails with the exchange's own words and is not retried", async () => {
    const { exchange, login, l } = await setUp([
      {
        status: 401,
        body: { error: 'invalid_grant', error_description: 'subject claim does not match the connection' }
      }
    ])
    await expect(l.resolve(login)).rejects.toThrow(
      "Docker Hub's OIDC exchange refused the login for docker.io: HTTP 401: subject claim does not match the connection"
    )
    expect(exchange.forms()).toHaveLength(1)
  })

  it('a 429 or a 5xx is retried within the attempts', async () => {
    const { exchange, login, l, log } = await setUp([
      { status: 429, body: { message: 'slow down' }, headers: { 'Retry-After': '1' } },
      { status: 503, body: 'unavailable' },
      { status: 200, body: { access_token: HUB_TOKEN } }
    ])
    expect((await l.resolve(login)).password).toBe(HUB_TOKEN)
    expect(exchange.forms()).toHaveLength(3)
    expect(log.filter(m => m.startsWith('warning'))).toHaveLength(2)
  })

  it('an exchange that never answers is cut at the request deadline, within the attempts', async () => {
    const { exchange, login } = await setUp([{ status: 0, body: '' }])
    const { l } = logins([login], { idToken: githubIdToken, attempts: 2, timeoutMs: 300 })
    await expect(l.resolve(login)).rejects.toThrow(/could not be reached: .*(timeout|aborted)/i)
    expect(exchange.forms()).toHaveLength(2)
  })

  it('without the id-token permission the error says so', async () => {
    const { login, l } = await setUp([{ status: 200, body: { access_token: HUB_TOKEN } }])
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL
    await expect(l.resolve(login)).rejects.toThrow(
      'Docker Hub OIDC login for docker.io: could not get the job\'s OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL is not set (the job needs "permissions: id-token: write")'
    )
  })

  it('an answer without a token is refused', async () => {
    const { login, l } = await setUp([{ status: 200, body: { token_type: 'bearer' } }])
    await expect(l.resolve(login)).rejects.toThrow(
      "Docker Hub's OIDC exchange gave no usable token for docker.io"
    )
  })

  it.each([['sha256'], ['a'.repeat(64)], ['short']])(
    'a token that masking would turn against the log (%s) is refused, and not masked',
    async token => {
      const { login, l, secrets } = await setUp([{ status: 200, body: { access_token: token } }])
      await expect(l.resolve(login)).rejects.toThrow(
        `Docker Hub's OIDC exchange gave docker.io a token too short or too much like a digest to be masked (${token.length} characters)`
      )
      expect(secrets).not.toContain(token)
    }
  )

  it('the CLI has no OIDC token to offer: it says to log in before', async () => {
    const { login } = await setUp([{ status: 200, body: { access_token: HUB_TOKEN } }])
    await expect(logins([login]).l.resolve(login)).rejects.toThrow(/only the action gets/)
  })
})

it('an ordinary login is handed on as given, its password masked', async () => {
  const { l, secrets } = logins([])
  expect(await l.resolve({ registry: 'ghcr.io', username: 'u', password: 'pw-123456' })).toEqual({
    username: 'u',
    password: 'pw-123456'
  })
  expect(secrets).toContain('pw-123456')
})
