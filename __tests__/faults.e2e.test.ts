// The action against a registry that fails the way registries fail in CI: a fault-injecting proxy in front
// of a real registry. The upstream registry, read by skopeo, is the independent truth about what was pushed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { errorLines, runAction, type ActionRun } from './helpers/action.js'
import { dockerOk, ensureBaseImage, makeContext, removeImages, requireDocker } from './helpers/docker.js'
import {
  closedPort,
  FAKE_DIGEST,
  startBlackhole,
  startFaultProxy,
  type FaultMode,
  type FaultProxy,
  type ProxyLogEntry
} from './helpers/fault-proxy.js'
import { startRegistry, type TestRegistry } from './helpers/registry.js'
import { inspectRaw } from './helpers/skopeo.js'

let registry: TestRegistry
let base: string
const proxies: FaultProxy[] = []
/** Figures for the closing note: attempts made and time to succeed or give up, per fault mode. */
const figures: string[] = []
let n = 0
const repo = (name: string): string => `faults/${name}-${process.pid}-${++n}`

/** A Dockerfile with a layer of its own, so every test really uploads a blob. */
const dockerfile = (): string =>
  `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\nCMD ["cat", "/id"]\n`

const BUILD_LINE = /^\[command\]docker (buildx )?build/m
const ACTION_UA = 'build-tag-push'

const warnings = (run: ActionRun): string[] => run.log.split('\n').filter(l => l.startsWith('::warning::'))
const dockerPushes = (run: ActionRun): number =>
  run.log.split('\n').filter(l => l.startsWith('[command]docker push')).length
const manifestPuts = (log: ProxyLogEntry[]): ProxyLogEntry[] =>
  log.filter(e => e.method === 'PUT' && /\/manifests\//.test(e.path))
const fromAction = (log: ProxyLogEntry[]): ProxyLogEntry[] => log.filter(e => e.userAgent === ACTION_UA)

async function proxy(mode: FaultMode | FaultMode[]): Promise<FaultProxy> {
  const p = await startFaultProxy(registry.host, mode)
  proxies.push(p)
  return p
}

/** Runs the action and measures it. */
async function timedRun(inputs: Record<string, string>): Promise<{ run: ActionRun; ms: number }> {
  const start = Date.now()
  const run = await runAction(inputs)
  return { run, ms: Date.now() - start }
}

/** A failed run: exit 1, exactly one error line, and no digest output of any kind. */
function expectFailure(run: ActionRun): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  expect(run.outputs.digest ?? '').toBe('')
  expect(run.outputs['image-ref'] ?? '').toBe('')
  expect(run.outputs.metadata ?? '').toBe('')
  expect(run.post?.code).toBe(0)
  return errors[0]
}

let blackholeRun: Promise<{ run: ActionRun; ms: number; host: string }>

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
  // The black hole costs three request timeouts; it only waits, so it runs alongside the other tests.
  blackholeRun = (async () => {
    const hole = await startBlackhole()
    try {
      const { run, ms } = await timedRun({
        context: await makeContext({ Dockerfile: dockerfile() }),
        image: repo('blackhole'),
        registry: hole.host,
        tags: 'v1'
      })
      return { run, ms, host: hole.host }
    } finally {
      await hole.stop()
    }
  })()
  blackholeRun.catch(() => {}) // reported by its own test
})

afterAll(async () => {
  await Promise.all(proxies.map(p => p.stop()))
  for (const p of proxies) await removeImages(`${p.host}/`)
  if (registry) await removeImages(`${registry.host}/`)
  await registry?.stop()
  if (figures.length) console.log(`fault modes, attempts and timings:\n${figures.join('\n')}`)
})

describe('transient registry failures are retried, and the digest is the one the registry holds', () => {
  it('503 on the first two manifest PUTs: the push is retried and succeeds', async () => {
    const p = await proxy({ kind: 'status', status: 503, match: 'manifest-put', times: 2 })
    const image = repo('503')
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: p.host,
      tags: 'v1',
      retries: '3'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    const retried = warnings(run)
    expect(retried).toHaveLength(2)
    for (const w of retried) expect(w).toMatch(/push of .*:v1 failed .*503/)
    expect(dockerPushes(run)).toBe(3)
    expect(manifestPuts(p.log).map(e => e.status)).toEqual([503, 503, 201])
    figures.push(`503 ×2 on manifest PUT: ${dockerPushes(run)} push attempts, success in ${ms} ms`)
  })

  it('429 with Retry-After: the push is retried, and the verification waits as long as the registry asks', async () => {
    const RETRY_AFTER_S = 3
    const p = await proxy([
      // docker does not show Retry-After to its caller; the push is retried with backoff.
      { kind: 'status', status: 429, match: 'manifest-put', times: 1, retryAfter: RETRY_AFTER_S },
      // The action's own client sees the header and must honour it.
      { kind: 'status', status: 429, match: 'manifest-read', times: 1, retryAfter: RETRY_AFTER_S }
    ])
    const image = repo('429')
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: p.host,
      tags: 'v1'
    })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    const retried = warnings(run)
    expect(retried).toHaveLength(2)
    expect(retried[0]).toMatch(/push of .*:v1 failed .*toomanyrequests/)
    expect(retried[1]).toMatch(/429/)
    expect(retried[1]).toContain(`retrying in ${RETRY_AFTER_S}.0`)
    expect(manifestPuts(p.log).map(e => e.status)).toEqual([429, 201])
    // The gap between the 429 and the next GET of the manifest is at least Retry-After.
    const reads = fromAction(p.log).filter(e => e.method === 'GET' && /\/manifests\//.test(e.path))
    expect(reads.map(e => e.status)).toEqual([429, 200])
    const waited = reads[1].at - reads[0].at
    expect(waited).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50)
    expect(ms).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000)
    figures.push(
      `429 on manifest PUT and GET (Retry-After ${RETRY_AFTER_S}): waited ${waited} ms, success in ${ms} ms`
    )
  })

  it('a connection reset on the first blob upload is recovered, with the right digest', async () => {
    const p = await proxy({ kind: 'reset', match: 'blob-upload', times: 1 })
    const image = repo('reset')
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: p.host,
      tags: 'v1'
    })
    expect(run.code).toBe(0)
    expect(p.log.filter(e => e.fault === 'reset')).toHaveLength(1)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    expect(errorLines(run.stdout)).toEqual([])
    figures.push(
      `reset on first blob upload: ${dockerPushes(run)} push attempt(s), ${warnings(run).length} warning(s), success in ${ms} ms`
    )
  })
})

describe('registries that fail for good end in one clear error, in bounded time, with no digest', () => {
  it('500 to everything: gives up before the build after `retries` attempts', async () => {
    const p = await proxy({ kind: 'status', status: 500 })
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image: repo('500'),
      registry: p.host,
      tags: 'v1',
      retries: '3'
    })
    const error = expectFailure(run)
    expect(error).toContain(p.host)
    expect(error).toContain('500')
    expect(error).toContain('fault-proxy: injected internal server error')
    expect(run.log).not.toMatch(BUILD_LINE)
    expect(p.log.map(e => `${e.method} ${e.path} ${e.status}`)).toEqual(Array(3).fill('GET /v2/ 500'))
    expect(warnings(run)).toHaveLength(2)
    expect(ms).toBeLessThan(15_000)
    figures.push(`500 to everything: ${p.log.length} requests, gave up in ${ms} ms`)
  })

  it('401 to everything: fails at once, without retries, with a hint about credentials', async () => {
    const p = await proxy({ kind: 'status', status: 401, headers: { 'WWW-Authenticate': 'Basic realm=x' } })
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image: repo('401'),
      registry: p.host,
      tags: 'v1'
    })
    const error = expectFailure(run)
    expect(error).toMatch(/unauthori[sz]ed|authentication required|credentials/i)
    // The hint: where credentials come from.
    expect(error).toMatch(/username and password|log in/)
    expect(warnings(run)).toEqual([])
    expect(dockerPushes(run)).toBe(1)
    expect(p.log.filter(e => /\/(manifests|blobs)\//.test(e.path))).toEqual([])
    expect(ms).toBeLessThan(30_000)
    figures.push(
      `401 to everything: ${dockerPushes(run)} push attempt, ${p.log.length} requests, failed in ${ms} ms`
    )
  })

  it('a connection refused fails before the build, naming the host', async () => {
    const host = await closedPort()
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image: repo('refused'),
      registry: host,
      tags: 'v1'
    })
    const error = expectFailure(run)
    expect(error).toContain(host)
    expect(error).toMatch(/ECONNREFUSED|connection refused/i)
    expect(run.log).not.toMatch(BUILD_LINE)
    expect(warnings(run)).toHaveLength(2)
    expect(ms).toBeLessThan(20_000)
    figures.push(`connection refused: 3 attempts, gave up in ${ms} ms`)
  })

  it('a registry that accepts connections and never answers fails within 60 s at default retries', async () => {
    const { run, ms, host } = await blackholeRun
    const error = expectFailure(run)
    expect(error).toContain(host)
    expect(error).toMatch(/timed out|timeout/i)
    expect(run.log).not.toMatch(BUILD_LINE)
    expect(warnings(run)).toHaveLength(2)
    expect(ms).toBeLessThan(60_000)
    figures.push(`black hole: 3 attempts, gave up in ${ms} ms`)
  }, 90_000)
})

describe('a registry that lies is caught: the output is only ever the content digest', () => {
  it('a rewritten Docker-Content-Digest is never output', async () => {
    const p = await proxy({ kind: 'rewrite-digest', digest: FAKE_DIGEST })
    const image = repo('lying')
    const { run } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: p.host,
      tags: 'v1'
    })
    // The fault reached the action's own client.
    expect(fromAction(p.log).some(e => e.fault === 'rewrite-digest' && e.status === 200)).toBe(true)
    expect(run.outputs.digest ?? '').not.toBe(FAKE_DIGEST)
    expect(run.outputs['image-ref'] ?? '').not.toContain(FAKE_DIGEST)
    expect(run.outputs.metadata ?? '').not.toContain(FAKE_DIGEST)
    figures.push(
      `rewritten Docker-Content-Digest: exit ${run.code}, digest ${run.outputs.digest || '(none)'}`
    )
    if (run.code === 0) {
      expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
      expect(warnings(run).some(w => /Docker-Content-Digest/.test(w) && w.includes(FAKE_DIGEST))).toBe(true)
    } else {
      expectFailure(run)
    }
  })

  it('a tag moved by a concurrent push is reported with both digests', async () => {
    // The other image, pushed straight to the registry: what the concurrent push left under our tag.
    const other = `${repo('other')}:v1`
    await dockerOk(['tag', base, `${registry.host}/${other}`])
    await dockerOk(['push', `${registry.host}/${other}`])
    const otherDigest = (await inspectRaw(registry.host, other)).digest

    const p = await proxy({ kind: 'move-tag', to: other })
    const image = repo('moved')
    const { run } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: p.host,
      tags: 'v1'
    })
    const error = expectFailure(run)
    const ours = (await inspectRaw(registry.host, `${image}:v1`)).digest
    expect(ours).not.toBe(otherDigest)
    expect(error).toMatch(/\bv1\b/)
    expect(error).toContain(otherDigest)
    expect(error).toContain(ours)
    expect(fromAction(p.log).some(e => e.fault === 'move-tag')).toBe(true)
  })
})

describe('token auth like ghcr.io and Docker Hub', () => {
  it('push and verification both get through the Bearer flow', async () => {
    const credentials = { username: 'token-user', password: `tok-pw-${randomBytes(6).toString('hex')}` }
    const p = await proxy({ kind: 'bearer', credentials })
    const image = repo('bearer')
    const { run, ms } = await timedRun({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: p.host,
      tags: 'v1',
      ...credentials
    })
    expect(run.code).toBe(0)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    // docker (login and push) and the action's client both fetched tokens with the credentials.
    const tokens = p.log.filter(e => e.path.startsWith('/token') && e.status === 200)
    expect(tokens.some(e => e.userAgent === ACTION_UA && e.auth === 'Basic')).toBe(true)
    expect(tokens.some(e => e.userAgent !== ACTION_UA)).toBe(true)
    expect(
      fromAction(p.log).some(
        e =>
          e.method === 'GET' &&
          e.path === `/v2/${image}/manifests/v1` &&
          e.auth === 'Bearer' &&
          e.status === 200
      )
    ).toBe(true)
    expect(p.log.some(e => e.method === 'PUT' && /\/manifests\//.test(e.path) && e.auth === 'Bearer')).toBe(
      true
    )
    const leaks = run.log
      .split('\n')
      .filter(l => l.includes(credentials.password) && !l.startsWith('::add-mask::'))
    expect(leaks).toEqual([])
    figures.push(`bearer token flow: ${tokens.length} token requests, success in ${ms} ms`)
  })
})
