// Bounds on copies between registries: a source that drips a layer or stalls ends the step within the
// blob's ceiling and the copy's retry window, and a glob matching thousands of tags resolves without one
// false timeout. The source is a stand-in registry on 127.0.0.1 (a hostile one cannot be had otherwise),
// the target a real docker-registry. The committed bundle, either engine (the copy does not use it).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { errorLines, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import { requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'
import { cleanUp, serve, type TestServer } from '../helpers/stand-in.js'

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const LAYER = randomBytes(2048)
const CONFIG = Buffer.from(
  JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [sha256(LAYER)] },
    config: {}
  })
)
const MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json'
const MANIFEST = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: sha256(CONFIG),
      size: CONFIG.length
    },
    layers: [
      { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha256(LAYER), size: LAYER.length }
    ]
  })
)
const GLOB_TAGS = 3000

/** Layer reads the stand-in saw, per repository: when each began and how many bytes it sent. */
interface LayerRead {
  at: number
  sent: number
  closedAt?: number
}
const layerReads: Record<string, LayerRead[]> = {}
let manifestGets = 0

let source: TestServer
let target: TestRegistry
let n = 0
const fresh = () => `dst/bounded-${process.pid}-${++n}`

/**
 * The source registry. Repositories: `drip/app` sends its layer one byte every 200 ms (410 s in all),
 * `stall/app` sends 16 bytes of it and then nothing, `many/app` has 3000 tags `v1-…` (one image) and
 * answers each manifest after 20 ms, `ok/app` is healthy.
 */
async function startSource(): Promise<TestServer> {
  return serve((req, res) => {
    const url = new URL(req.url, 'http://x')
    const m = /^\/v2\/([a-z]+)\/app\/(manifests|blobs|tags)\/(.+)$/.exec(url.pathname)
    if (url.pathname === '/v2/' || !m) {
      res.writeHead(url.pathname === '/v2/' ? 200 : 404, { 'Content-Type': 'application/json' })
      return res.end('{}')
    }
    const [, repo, kind, rest] = m
    const tags = [...Array.from({ length: GLOB_TAGS }, (_, i) => `v1-${i}`), 'other', 'latest']
    if (kind === 'tags') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return res.end(JSON.stringify({ name: `${repo}/app`, tags }))
    }
    // A tag it does not list (a promotion asks for the referrers' fallback tag) is not there.
    if (kind === 'manifests' && !rest.startsWith('sha256:') && rest !== 'v1' && !tags.includes(rest)) {
      res.writeHead(404, { 'Content-Type': 'application/json' })
      return res.end('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}')
    }
    if (kind === 'manifests') {
      manifestGets++
      const send = () => {
        res.writeHead(200, { 'Content-Type': MEDIA_TYPE, 'Content-Length': MANIFEST.length })
        res.end(req.method === 'HEAD' ? undefined : MANIFEST)
      }
      return repo === 'many' ? void setTimeout(send, 20) : send()
    }
    if (rest === sha256(CONFIG)) {
      res.writeHead(200, { 'Content-Length': CONFIG.length })
      return res.end(CONFIG)
    }
    if (rest !== sha256(LAYER)) {
      res.writeHead(404)
      return res.end()
    }
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': LAYER.length })
    if (repo !== 'drip' && repo !== 'stall') return res.end(LAYER)
    const read: LayerRead = { at: Date.now(), sent: 0 }
    ;(layerReads[repo] ??= []).push(read)
    res.on('close', () => (read.closedAt = Date.now()))
    if (repo === 'stall') {
      read.sent = 16
      return void res.write(LAYER.subarray(0, 16))
    }
    drip(res, read)
  })
}

function drip(res: ServerResponse, read: LayerRead): void {
  const timer = setInterval(() => {
    if (res.destroyed || read.sent >= LAYER.length) return clearInterval(timer)
    res.write(LAYER.subarray(read.sent, ++read.sent))
  }, 200)
  res.on('close', () => clearInterval(timer))
}

beforeAll(async () => {
  await requireDocker()
  ;[source, target] = await Promise.all([startSource(), startRegistry()])
}, 60_000)

afterAll(async () => {
  await target?.stop()
  await cleanUp()
})

async function timedRun(inputs: Record<string, string>, env: Record<string, string>) {
  const start = Date.now()
  const run = await runAction(inputs, { env })
  return { run, ms: Date.now() - start }
}

function oneError(run: ActionRun): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  return errors[0]
}

describe('a source that drips or stalls a layer', () => {
  it('a drip is cut at the blob ceiling, and no attempt starts after the retry window', async () => {
    const dst = fresh()
    const env = { BTP_COPY_MIN_MS: '2000', BTP_COPY_RETRY_WINDOW_MS: '4000' }
    const { run, ms } = await timedRun(
      { image: dst, registry: target.host, sources: `${source.host}/drip/app:v1`, tags: 'v1' },
      env
    )
    const error = oneError(run)
    expect(error).toMatch(
      new RegExp(
        `copy of ${sha256(LAYER)} \\(2048 bytes\\) from ${source.host}/drip/app to .* not done after 2 s`
      )
    )
    const reads = layerReads.drip
    // Each attempt was stopped at its 2 s ceiling (not by the idle bound: a byte came every 200 ms)… The
    // ceiling's clock starts in the client before its request reaches this stand-in, so the stand-in sees up
    // to a request's latency less: 1808 ms once, on a loaded machine.
    for (const r of reads) {
      expect(r.closedAt).toBeDefined()
      expect(r.closedAt! - r.at).toBeGreaterThanOrEqual(1500)
      expect(r.closedAt! - r.at).toBeLessThan(4000)
      expect(r.sent).toBeLessThan(LAYER.length)
    }
    // …none began after the 4 s window, and the step ended within window + ceiling (plus node's start).
    expect(reads.length).toBeGreaterThanOrEqual(2)
    for (const r of reads) expect(r.at - reads[0].at).toBeLessThanOrEqual(4000)
    expect(ms).toBeLessThan(4000 + 2000 + 10_000)
    expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
  }, 60_000)

  it('a stall is cut at the idle bound, and `retries: 10` still ends within the window', async () => {
    const dst = fresh()
    const env = { BTP_REQUEST_TIMEOUT_MS: '1000', BTP_COPY_RETRY_WINDOW_MS: '3000' }
    const { run, ms } = await timedRun(
      {
        image: dst,
        registry: target.host,
        sources: `${source.host}/stall/app:v1`,
        tags: 'v1',
        retries: '10'
      },
      env
    )
    oneError(run)
    const reads = layerReads.stall
    expect(reads.length).toBeGreaterThanOrEqual(2)
    expect(reads.length).toBeLessThan(10)
    for (const r of reads) expect(r.at - reads[0].at).toBeLessThanOrEqual(3000)
    expect(run.log).toMatch(/gave up after \d attempt\(s\): no time left for another/)
    expect(ms).toBeLessThan(3000 + 1000 + 10_000)
    expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
  }, 60_000)
})

describe('a glob matching thousands of tags', () => {
  it(`${GLOB_TAGS} matching tags resolve with no request timed out or retried`, async () => {
    const dst = fresh()
    manifestGets = 0
    // 3000 manifests at 20 ms over 8 sockets take about 7.5 s: seven deadlines of 1 s, had they counted
    // the time queued.
    const { run } = await timedRun(
      { image: dst, registry: target.host, sources: `${source.host}/many/app:v1-*`, tags: 'v1' },
      { BTP_REQUEST_TIMEOUT_MS: '1000' }
    )
    expectSucceeded(run)
    expect(run.log).not.toMatch(/retrying|timed out/)
    expect(manifestGets).toBe(GLOB_TAGS)
    expect(run.outputs.digest).toBe(sha256(MANIFEST))
    expect((await inspectRaw(target.host, `${dst}:v1`)).digest).toBe(sha256(MANIFEST))
  }, 120_000)

  it('a repository with more tags than may be read fails before anything is written, saying where and how many', async () => {
    const dst = fresh()
    manifestGets = 0
    const { run } = await timedRun(
      { image: dst, registry: target.host, sources: `${source.host}/many/app:v1-*`, tags: 'v1' },
      { BTP_MAX_TAGS_READ: '2500' }
    )
    expect(oneError(run)).toContain(
      `${source.host}/many/app has more than 2500 tags (${GLOB_TAGS + 2} read so far)`
    )
    expect(manifestGets).toBe(0)
    expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
  }, 60_000)
})
