// Cloud logins end to end: the action gets its login from an ECR API stand-in on 127.0.0.1 (the AWS SDK
// reaches it through AWS_ENDPOINT_URL_ECR) and pushes with it to a real basic-auth registry whose user is AWS,
// as ECR's own is. One signed GetAuthorizationToken call serves the login, the preflight, the push and the
// verification; the token is in no log and, after the post step, in no file. Behind a proxy, the requests to
// ECR, GitHub's token endpoint and Docker Hub's exchange go through HTTPS_PROXY: the stand-ins speak TLS
// under names only the proxy resolves (*.proxy.test).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { makeCertificates, startRegistry, type TestRegistry } from '../helpers/registry.js'
import { PROXIED_DOMAIN, startConnectProxy, type ConnectProxy } from '../helpers/connect-proxy.js'
import { memoryImage, writeArchive } from '../helpers/hostile-source.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'
import { cleanUp } from '../helpers/stand-in.js'
import { awsEnv, startEcrApi, startHubExchange, startOidcEndpoint, type EcrApi } from '../helpers/cloud.js'
import { jobDockerConfig, readJobConfig } from '../helpers/job-config.js'
import { filesHolding } from '../helpers/files-holding.js'

const ECR_PASSWORD = `ecr-${randomBytes(24).toString('base64url')}`
const CREDS = { username: 'AWS', password: ECR_PASSWORD }
const KEY_ID = 'AKIAE2ETESTKEY000001'
const SECRET = `secret-${randomBytes(12).toString('hex')}`
const BUILD_LINE = /^\[command\]docker (buildx )?build/m
const b64 = (s: string): string => Buffer.from(s).toString('base64')

let base: string
let registry: TestRegistry
const contexts: string[] = []
let n = 0
const repo = (name: string): string => `cloud/${name}-${process.pid}-${++n}`

async function context(): Promise<string> {
  const dir = await makeContext({
    Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
  })
  contexts.push(dir)
  return dir
}

/** The log as the runner shows it: its own ::add-mask:: lines are the masking, never shown. */
const shown = (log: string): string =>
  log
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')

/**
 * The ECR token masked before use; nothing of it, nor of the key given for it, in the log or, after the post
 * step, on disk.
 */
async function expectNoSecrets(r: ActionRun): Promise<void> {
  expect(r.log).toContain(`::add-mask::${ECR_PASSWORD}`)
  for (const secret of [ECR_PASSWORD, b64(`AWS:${ECR_PASSWORD}`), SECRET, b64(SECRET)]) {
    expect(shown(r.log)).not.toContain(secret)
    expect(await filesHolding(secret, r.runnerTemp, r.home, process.env.DOCKER_CONFIG ?? '')).toEqual([])
  }
}

let api: EcrApi

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry({ auth: CREDS })
})

afterAll(async () => {
  await registry?.stop()
  await cleanUp()
  await Promise.all(contexts.map(d => rm(d, { recursive: true, force: true })))
})

describe('ECR login through the AWS SDK', () => {
  beforeAll(async () => {
    api = await startEcrApi({ username: 'AWS', password: ECR_PASSWORD })
  })

  it('a registry-auth entry with ecr: true and an access key: one signed call, pushed and verified', async () => {
    api.calls.length = 0
    api.answer = { username: 'AWS', password: ECR_PASSWORD }
    const image = repo('entry')
    const r = await runAction(
      {
        context: await context(),
        registry: registry.host,
        image,
        tags: 'v1\nv2',
        'registry-auth': `- registry: ${registry.host}\n  ecr: true\n  username: ${KEY_ID}\n  password: ${SECRET}`
      },
      { env: awsEnv(api) }
    )
    expectSucceeded(r)
    expect(r.post?.code).toBe(0)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v2`, CREDS)).digest)
    expect(r.log).toMatch(`Got a login for ${registry.host} from AWS ECR`)
    expect(r.log).toMatch(/Verified: 2 reference\(s\)/)
    // The login, the preflight, the push and the verification shared one token.
    expect(api.calls).toHaveLength(1)
    expect(api.keyIds()).toEqual([KEY_ID])
    await expectNoSecrets(r)
  })

  it("the single registry input with ecr: true takes the environment's credentials", async () => {
    api.calls.length = 0
    api.answer = { username: 'AWS', password: ECR_PASSWORD }
    const image = repo('single')
    const r = await runAction(
      { context: await context(), registry: registry.host, image, tags: 'v1', ecr: 'true' },
      { env: awsEnv(api, { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET }) }
    )
    expectSucceeded(r)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    expect(api.calls).toHaveLength(1)
    expect(api.keyIds()).toEqual([KEY_ID])
    // The environment's secret is the runner's to mask; ours is the token.
    expect(r.log).toContain(`::add-mask::${ECR_PASSWORD}`)
    expect(shown(r.log)).not.toContain(ECR_PASSWORD)
    expect(await filesHolding(ECR_PASSWORD, r.runnerTemp, r.home)).toEqual([])
  })

  it('keep-login keeps the token ECR gave, never the access key it was asked with; the post step takes it back', async () => {
    api.calls.length = 0
    api.answer = { username: 'AWS', password: ECR_PASSWORD }
    const jobDir = await jobDockerConfig({})
    contexts.push(jobDir)
    let kept: { config: Record<string, unknown> | undefined; holdingKey: string[] } | undefined
    const r = await runAction(
      {
        context: await context(),
        registry: registry.host,
        image: repo('kept'),
        tags: 'v1',
        'registry-auth': `- registry: ${registry.host}\n  ecr: true\n  username: ${KEY_ID}\n  password: ${SECRET}`,
        'keep-login': 'true'
      },
      {
        env: { ...awsEnv(api), DOCKER_CONFIG: jobDir },
        laterStep: async () => {
          kept = {
            config: await readJobConfig(jobDir),
            holdingKey: [
              ...(await filesHolding(SECRET, jobDir)),
              ...(await filesHolding(b64(`${KEY_ID}:${SECRET}`), jobDir))
            ]
          }
        }
      }
    )
    expectSucceeded(r)
    expect(r.post?.code).toBe(0)
    // What a later step's docker, cosign or attest reads: the registry's own login, the one the run used.
    expect(kept!.config).toEqual({ auths: { [registry.host]: { auth: b64(`AWS:${ECR_PASSWORD}`) } } })
    expect(kept!.holdingKey).toEqual([])
    expect(api.calls).toHaveLength(1)
    expect(await readJobConfig(jobDir)).toEqual({})
  })

  it("an AWS error fails before the build, naming the registry and the service's message; nothing is pushed", async () => {
    api.calls.length = 0
    api.answer = {
      status: 400,
      type: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.'
    }
    const image = repo('refused')
    const r = await runAction(
      {
        context: await context(),
        registry: registry.host,
        image,
        tags: 'v1',
        'registry-auth': `- registry: ${registry.host}\n  ecr: true\n  username: ${KEY_ID}\n  password: ${SECRET}`
      },
      { env: awsEnv(api) }
    )
    expect(r.code).not.toBe(0)
    const errors = errorLines(r.log)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`AWS ECR gave no login for ${registry.host}`)
    expect(errors[0]).toContain('The security token included in the request is invalid.')
    expect(r.log).not.toMatch(BUILD_LINE)
    // A refusal is final: asked once.
    expect(api.calls).toHaveLength(1)
    expect(await tagExists(registry.host, `${image}:v1`, CREDS)).toBe(false)
    expect(shown(r.log)).not.toContain(SECRET)
  })
})

describe("Docker Hub through the job's OIDC token", () => {
  it("the action asks GitHub for Docker's audience and posts it to the exchange; a refusal fails before the build in the exchange's words", async () => {
    const idToken = `eyJ.${randomBytes(12).toString('hex')}.sig`
    const oidc = await startOidcEndpoint(idToken, 'request-token')
    const exchange = await startHubExchange([
      {
        status: 401,
        body: { error: 'invalid_grant', error_description: 'the subject is not allowed by the connection' }
      }
    ])
    const r = await runAction(
      { context: await context(), image: repo('hub'), tags: 'v1', username: 'octo-org' },
      {
        env: {
          ...oidc.env,
          DOCKERHUB_OIDC_CONNECTIONID: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          DOCKERHUB_OIDC_ENDPOINT_URL: exchange.url
        }
      }
    )
    expect(r.code).not.toBe(0)
    expect(oidc.audiences()).toEqual(['https://identity.docker.com'])
    expect(exchange.forms()).toEqual([expect.objectContaining({ subject_token: idToken, expires_in: '300' })])
    expect(errorLines(r.log)).toEqual([
      "::error::Docker Hub's OIDC exchange refused the login for docker.io: HTTP 401: the subject is not allowed by the connection"
    ])
    expect(r.log).toContain(`::add-mask::${idToken}`)
    expect(shown(r.log)).not.toContain(idToken)
    expect(r.log).not.toMatch(BUILD_LINE)
  })
})

describe('behind a proxy: the token services are asked through HTTPS_PROXY', () => {
  const PROXY_PASSWORD = `proxy-${randomBytes(8).toString('hex')}`
  const NAMES = ['ecr', 'oidc', 'hub'].map(n => `${n}.${PROXIED_DOMAIN}`)
  let proxy: ConnectProxy
  let work: string
  let ca: string
  let archive: string
  let tls: { cert: Buffer; key: Buffer }
  /** The stand-in's HTTPS URL by a name only the proxy resolves. */
  const named = (name: string, server: { port: number }): string =>
    `https://${name}.${PROXIED_DOMAIN}:${server.port}`
  const proxyEnv = (password: string): Record<string, string> => ({
    HTTPS_PROXY: `http://proxy-user:${password}@127.0.0.1:${proxy.port}`,
    NODE_EXTRA_CA_CERTS: ca
  })
  const tunnels = (from: number) => proxy.seen.slice(from).map(s => `${s.method} ${s.target} ${s.status}`)

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'btp-cloud-proxy-'))
    contexts.push(work)
    const certs = await makeCertificates(work, '127.0.0.1', NAMES)
    ca = certs.ca
    tls = { cert: await readFile(certs.certificate), key: await readFile(certs.key) }
    proxy = await startConnectProxy({ credentials: { username: 'proxy-user', password: PROXY_PASSWORD } })
    archive = await writeArchive(work, memoryImage())
  })
  afterAll(async () => proxy?.stop())

  const ecrRun = async (password: string) => {
    const ecr = await startEcrApi({ username: 'AWS', password: ECR_PASSWORD }, undefined, tls)
    const image = repo('proxied')
    const before = proxy.seen.length
    const r = await runAction(
      { registry: registry.host, image, sources: `oci-archive:${archive}`, tags: 'v1', ecr: 'true' },
      {
        env: {
          ...awsEnv({ url: named('ecr', ecr) }, { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET }),
          ...proxyEnv(password)
        }
      }
    )
    return { r, ecr, image, seen: tunnels(before) }
  }

  it('ECR: GetAuthorizationToken goes through the proxy with its credentials, masked; the push to a loopback registry does not', async () => {
    const { r, ecr, image, seen } = await ecrRun(PROXY_PASSWORD)
    expectSucceeded(r)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    expect(ecr.keyIds()).toEqual([KEY_ID])
    // One tunnel, to ECR: the registry is loopback, never proxied.
    expect(seen).toEqual([`CONNECT ecr.${PROXIED_DOMAIN}:${ecr.port} 200`])
    expect(r.log).toContain(`::add-mask::${PROXY_PASSWORD}`)
    expect(shown(r.log)).not.toContain(PROXY_PASSWORD)
  })

  it('ECR: a proxy refusing the credentials (407) is one error line naming it, not retried', async () => {
    const wrong = `${PROXY_PASSWORD}-wrong`
    const { r, ecr, image, seen } = await ecrRun(wrong)
    expect(r.code).not.toBe(0)
    expect(errorLines(r.log)).toEqual([
      `::error::AWS ECR gave no login for ${registry.host}: POST ${named('ecr', ecr)}/ failed: the proxy http://127.0.0.1:${proxy.port} (HTTPS_PROXY) refused the credentials in HTTPS_PROXY (HTTP 407)`
    ])
    expect(seen).toEqual([`CONNECT ecr.${PROXIED_DOMAIN}:${ecr.port} 407`])
    expect(ecr.calls).toHaveLength(0)
    expect(r.log).not.toMatch(/retrying/)
    expect(shown(r.log)).not.toContain(wrong)
    expect(await tagExists(registry.host, `${image}:v1`, CREDS)).toBe(false)
  })

  const hubRun = async (password: string) => {
    const idToken = `eyJ.${randomBytes(12).toString('hex')}.sig`
    const oidc = await startOidcEndpoint(idToken, 'request-token', tls)
    const exchange = await startHubExchange(
      [{ status: 401, body: { error_description: 'not allowed' } }],
      tls
    )
    const before = proxy.seen.length
    const r = await runAction(
      { context: await context(), image: repo('hub'), tags: 'v1', username: 'octo-org' },
      {
        env: {
          ...oidc.env,
          ACTIONS_ID_TOKEN_REQUEST_URL: `${named('oidc', oidc)}/token?api-version=2.0`,
          DOCKERHUB_OIDC_CONNECTIONID: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          DOCKERHUB_OIDC_ENDPOINT_URL: named('hub', exchange),
          ...proxyEnv(password)
        }
      }
    )
    return { r, oidc, exchange, idToken, seen: tunnels(before) }
  }

  it("Docker Hub OIDC: the job's token and the exchange both go through the proxy", async () => {
    const { r, oidc, exchange, idToken, seen } = await hubRun(PROXY_PASSWORD)
    expect(r.code).not.toBe(0)
    expect(errorLines(r.log)).toEqual([
      "::error::Docker Hub's OIDC exchange refused the login for docker.io: HTTP 401: not allowed"
    ])
    expect(oidc.audiences()).toEqual(['https://identity.docker.com'])
    expect(exchange.forms()).toEqual([expect.objectContaining({ subject_token: idToken })])
    expect(seen).toEqual([
      `CONNECT oidc.${PROXIED_DOMAIN}:${oidc.port} 200`,
      `CONNECT hub.${PROXIED_DOMAIN}:${exchange.port} 200`
    ])
    expect(r.log).toContain(`::add-mask::${PROXY_PASSWORD}`)
    expect(shown(r.log)).not.toContain(PROXY_PASSWORD)
    expect(r.log).not.toMatch(BUILD_LINE)
  })

  it("Docker Hub OIDC: a 407 to the job's token request is one error line, not retried", async () => {
    const wrong = `${PROXY_PASSWORD}-wrong`
    const { r, oidc, exchange, seen } = await hubRun(wrong)
    expect(r.code).not.toBe(0)
    expect(errorLines(r.log)).toEqual([
      `::error::GitHub's OIDC token endpoint (${named('oidc', oidc)}) for the Docker Hub OIDC login for docker.io could not be reached: GET ${named('oidc', oidc)}/token failed: the proxy http://127.0.0.1:${proxy.port} (HTTPS_PROXY) refused the credentials in HTTPS_PROXY (HTTP 407)`
    ])
    expect(seen).toEqual([`CONNECT oidc.${PROXIED_DOMAIN}:${oidc.port} 407`])
    expect(oidc.seen).toHaveLength(0)
    expect(exchange.seen).toHaveLength(0)
    expect(r.log).not.toMatch(/retrying/)
    expect(shown(r.log)).not.toContain(wrong)
  })

  it('a proxy that takes the connection and never answers CONNECT: each login fails within the request deadline', async () => {
    const held: net.Socket[] = []
    const silent = net.createServer(socket => held.push(socket))
    await new Promise<void>(ok => silent.listen(0, '127.0.0.1', ok))
    try {
      const port = (silent.address() as net.AddressInfo).port
      const env = { HTTPS_PROXY: `http://127.0.0.1:${port}`, BTP_REQUEST_TIMEOUT_MS: '1000' }
      const ecr = await startEcrApi({ username: 'AWS', password: ECR_PASSWORD }, undefined, tls)
      const oidc = await startOidcEndpoint('eyJ.a.b', 'request-token', tls)
      const started = Date.now()
      const [viaEcr, viaOidc] = await Promise.all([
        runAction(
          {
            registry: registry.host,
            image: repo('silent'),
            sources: `oci-archive:${archive}`,
            ecr: 'true',
            retries: '1'
          },
          {
            env: {
              ...awsEnv(
                { url: named('ecr', ecr) },
                { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET }
              ),
              ...env
            }
          }
        ),
        runAction(
          { context: await context(), image: repo('hub'), tags: 'v1', username: 'octo-org', retries: '1' },
          {
            env: {
              ...oidc.env,
              ACTIONS_ID_TOKEN_REQUEST_URL: `${named('oidc', oidc)}/token?api-version=2.0`,
              DOCKERHUB_OIDC_CONNECTIONID: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
              ...env
            }
          }
        )
      ])
      expect(Date.now() - started).toBeLessThan(10_000)
      expect(errorLines(viaEcr.log)).toEqual([
        expect.stringContaining(
          `AWS ECR gave no login for ${registry.host}: no AWS credentials and answer within 1 s (timeout`
        )
      ])
      expect(errorLines(viaOidc.log)).toEqual([
        `::error::GitHub's OIDC token endpoint (${named('oidc', oidc)}) for the Docker Hub OIDC login for docker.io could not be reached through the proxy http://127.0.0.1:${port} (HTTPS_PROXY): no answer within 1 s (timeout)`
      ])
      expect(ecr.calls).toHaveLength(0)
      expect(oidc.seen).toHaveLength(0)
    } finally {
      // Never read, so a client's close goes unseen: close() would wait for these.
      held.forEach(socket => socket.destroy())
      await new Promise(done => silent.close(done))
    }
  })
})
