// The sources phase against stand-in registries on 127.0.0.1: what is wrong with a source (its referrers,
// an index too long) fails before anything is written to the target, an index's children are read each
// once and a few at a time.
import { afterEach, describe, expect, it } from '@jest/globals'
import type http from 'node:http'
import type { Docker } from '../../../src/docker/docker.js'
import { fromSources } from '../../../src/pipeline/sources/run.js'
import { PARALLEL_MANIFESTS } from '../../../src/pipeline/sources/copy.js'
import { MAX_REFERRERS } from '../../../src/pipeline/referrers.js'
import type { Plan } from '../../../src/pipeline/plan.js'
import type { RegistryClient } from '../../../src/registry/api.js'
import {
  MAX_BLOB_BYTES,
  MAX_INDEX_ENTRIES,
  MAX_LAYERS,
  MAX_MANIFESTS,
  registryBoundsFrom
} from '../../../src/registry/bounds.js'
import { makeInputs } from '../../../__fixtures__/inputs.js'
import {
  blobOf,
  childOf,
  imageManifest,
  memoryImage,
  memoryIndex,
  OCI_INDEX,
  OCI_MANIFEST,
  startHostileSource,
  type HostileSource
} from '../../helpers/hostile-source.js'
import { cleanUp, client, serve, type TestServer } from '../../helpers/stand-in.js'
import { quietReporter } from '../../helpers/reporter.js'

afterEach(cleanUp)

const quiet = quietReporter

/** A target that has every blob already and keeps the manifests PUT to it; no referrers API. */
async function startTarget(): Promise<TestServer> {
  const manifests = new Map<string, { body: Buffer; type: string }>()
  return serve((req, res) => {
    const m = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(new URL(req.url, 'http://x').pathname)
    if (m?.[2] === 'blobs') return void res.writeHead(200, { 'Content-Length': '0' }).end()
    if (m && req.method === 'PUT') {
      manifests.set(m[3], { body: req.body, type: String(req.headers['content-type']) })
      return void res.writeHead(201).end()
    }
    const found = m && manifests.get(m[3])
    if (!found) return void res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[]}')
    res.writeHead(200, { 'Content-Type': found.type }).end(req.method === 'HEAD' ? undefined : found.body)
  })
}

const writes = (target: TestServer) => target.seen.filter(r => r.method !== 'GET' && r.method !== 'HEAD')

async function run(source: HostileSource, target: TestServer, line: string, tags = ['v1', 'v2']) {
  const clients = new Map<string, RegistryClient>()
  const clientFor = (host: string) => {
    if (!clients.has(host)) clients.set(host, client({ host }, { attempts: 2 }).c)
    return clients.get(host)!
  }
  const plan = {
    build: { labels: [] },
    targets: [
      {
        registry: target.host,
        repository: `${target.host}/dst`,
        name: 'dst',
        tags,
        refs: tags.map(t => `${target.host}/dst:${t}`)
      }
    ]
  } as unknown as Plan
  return fromSources(makeInputs({ sources: [`${source.host}/src:${line}`], retries: 2 }), plan, {
    reporter: quiet,
    docker: {} as Docker,
    workDir: '',
    clientFor,
    sleep: async () => {},
    durations: {},
    verification: { requests: 0 },
    bounds: registryBoundsFrom({})
  })
}

const json = (res: http.ServerResponse, status: number, body: unknown, type = 'application/json') =>
  void res.writeHead(status, { 'Content-Type': type }).end(JSON.stringify(body))

/** A referrer artifact of `subject`: a manifest with no blobs of its own beyond an empty config. */
function referrerOf(source: HostileSource, subject: string) {
  const config = blobOf(Buffer.from('{}'))
  source.blobs.set(config.digest, config.body)
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: 'application/x-sig',
      config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: config.digest, size: 2 },
      layers: [],
      subject: { mediaType: OCI_MANIFEST, digest: subject, size: 100 }
    })
  )
  const blob = blobOf(body)
  source.manifests.set(blob.digest, { body, mediaType: OCI_MANIFEST })
  return { mediaType: OCI_MANIFEST, digest: blob.digest, size: blob.size, artifactType: 'application/x-sig' }
}

describe('a promotion whose referrers are wrong writes nothing', () => {
  const missing = { mediaType: OCI_MANIFEST, digest: `sha256:${'7'.repeat(64)}`, size: 100 }
  it.each([
    [
      `more than ${MAX_REFERRERS} referrers`,
      (res: http.ServerResponse) =>
        json(res, 200, { schemaVersion: 2, manifests: Array(MAX_REFERRERS + 1).fill(missing) }, OCI_INDEX),
      `than the ${MAX_REFERRERS} a promotion carries over`
    ],
    [
      'a referrers API that answers 500',
      (res: http.ServerResponse) =>
        json(res, 500, { errors: [{ code: 'UNKNOWN', message: 'referrers backend down' }] }),
      'referrers backend down'
    ],
    [
      'a referrer manifest that is not there',
      (res: http.ServerResponse) => json(res, 200, { schemaVersion: 2, manifests: [missing] }, OCI_INDEX),
      `${missing.digest}`
    ]
  ])('%s: the step fails before any PUT reaches the target', async (_what, answer, message) => {
    const source = await startHostileSource()
    source.add(memoryImage(), 'amd')
    source.override.set('referrers', (_req, res) => answer(res))
    const target = await startTarget()
    await expect(run(source, target, 'amd')).rejects.toThrow(message)
    expect(writes(target)).toEqual([])
  })

  it('referrers that are right are carried over after the image and before its tags', async () => {
    const source = await startHostileSource()
    const image = memoryImage()
    source.add(image, 'amd')
    const referrer = referrerOf(source, image.manifest.digest)
    source.override.set('referrers', (_req, res) =>
      json(res, 200, { schemaVersion: 2, manifests: [referrer] }, OCI_INDEX)
    )
    const target = await startTarget()
    await run(source, target, 'amd')
    const fallback = image.manifest.digest.replace(':', '-')
    expect(writes(target).map(r => `${r.method} ${r.url}`)).toEqual([
      `PUT /v2/dst/manifests/${image.manifest.digest}`,
      `PUT /v2/dst/manifests/${referrer.digest}`,
      `PUT /v2/dst/manifests/${fallback}`,
      'PUT /v2/dst/manifests/v1',
      'PUT /v2/dst/manifests/v2'
    ])
  })
})

describe("an index's children", () => {
  it('an entry listed many times is read once', async () => {
    const source = await startHostileSource()
    const image = memoryImage()
    source.add(image)
    const index = memoryIndex(Array(50).fill(childOf(image)))
    source.manifests.set('multi', { body: index.body, mediaType: index.mediaType })
    const target = await startTarget()
    await run(source, target, 'multi')
    const gets = source.server.seen.filter(r => r.url === `/v2/src/manifests/${image.manifest.digest}`)
    expect(gets).toHaveLength(1)
  })

  it(`are read at most ${PARALLEL_MANIFESTS} at once`, async () => {
    const source = await startHostileSource()
    const images = Array.from({ length: 30 }, () => memoryImage('amd64', 16))
    let inFlight = 0
    let most = 0
    for (const image of images) {
      source.add(image)
      source.override.set(image.manifest.digest, (_req, res) => {
        most = Math.max(most, ++inFlight)
        setTimeout(() => {
          inFlight--
          res.writeHead(200, { 'Content-Type': OCI_MANIFEST }).end(image.manifest.body)
        }, 20)
      })
    }
    const index = memoryIndex(images.map(i => childOf(i)))
    source.manifests.set('many', { body: index.body, mediaType: index.mediaType })
    const target = await startTarget()
    await run(source, target, 'many')
    expect(most).toBe(PARALLEL_MANIFESTS)
  })

  it(`an index of more than ${MAX_INDEX_ENTRIES} entries is refused before anything is written`, async () => {
    const source = await startHostileSource()
    const image = memoryImage()
    source.add(image)
    const index = memoryIndex(Array(MAX_INDEX_ENTRIES + 1).fill(childOf(image)))
    source.manifests.set('long', { body: index.body, mediaType: index.mediaType })
    const target = await startTarget()
    await expect(run(source, target, 'long')).rejects.toThrow(
      `source "${source.host}/src:long": the index lists ${MAX_INDEX_ENTRIES + 1} manifests, more than the ${MAX_INDEX_ENTRIES} a copy reads`
    )
    expect(target.seen).toEqual([])
  })

  it('so is one nested in an index, before its siblings are written', async () => {
    const source = await startHostileSource()
    const image = memoryImage()
    source.add(image)
    const nested = memoryIndex(Array(MAX_INDEX_ENTRIES + 1).fill(childOf(image)))
    source.manifests.set(nested.digest, { body: nested.body, mediaType: nested.mediaType })
    const top = memoryIndex([
      childOf(image),
      { mediaType: OCI_INDEX, digest: nested.digest, size: nested.size }
    ])
    source.manifests.set('nested', { body: top.body, mediaType: top.mediaType })
    const target = await startTarget()
    await expect(run(source, target, 'nested')).rejects.toThrow(
      `source ${source.host}/src@${nested.digest}: the index lists ${MAX_INDEX_ENTRIES + 1} manifests`
    )
    expect(writes(target)).toEqual([])
  })

  it(`nested indexes that list more than ${MAX_MANIFESTS} manifests in all are refused before anything is written`, async () => {
    // Each index within its own bound, three of them past the total: nested, MAX_INDEX_ENTRIES multiplies.
    const source = await startHostileSource()
    let n = 0
    const fake = () => ({
      mediaType: OCI_MANIFEST,
      digest: `sha256:${(n++).toString(16).padStart(64, '0')}`,
      size: 100,
      platform: { os: 'linux', architecture: 'amd64' }
    })
    const nested = Array.from({ length: 3 }, () => {
      const index = memoryIndex(Array.from({ length: MAX_INDEX_ENTRIES }, fake))
      source.manifests.set(index.digest, { body: index.body, mediaType: index.mediaType })
      return { mediaType: OCI_INDEX, digest: index.digest, size: index.size }
    })
    const top = memoryIndex(nested)
    source.manifests.set('product', { body: top.body, mediaType: top.mediaType })
    const target = await startTarget()
    await expect(run(source, target, 'product')).rejects.toThrow(
      new RegExp(
        `^source ${source.host.replace(/\./g, '\\.')}/src@sha256:[0-9a-f]{64}: more than ${MAX_MANIFESTS} manifests in all, more than a copy reads \\(a real image has a few dozen\\)$`
      )
    )
    expect(target.seen).toEqual([])
  })

  /** An image whose manifest lists `layers` beside a real config: no layer is ever read. */
  function imageWith(source: HostileSource, layers: { digest: string; size: number }[]): string {
    const image = memoryImage()
    source.add(image)
    const manifest = blobOf(imageManifest(image.config, layers))
    source.manifests.set('odd', { body: manifest.body, mediaType: OCI_MANIFEST })
    return 'odd'
  }

  it(`an image of more than ${MAX_LAYERS} layers is refused before anything is written`, async () => {
    const source = await startHostileSource()
    const layers = Array.from({ length: MAX_LAYERS + 1 }, (_, i) => ({
      digest: `sha256:${i.toString(16).padStart(64, '0')}`,
      size: 10
    }))
    const target = await startTarget()
    await expect(run(source, target, imageWith(source, layers))).rejects.toThrow(
      `source "${source.host}/src:odd": the manifest lists ${MAX_LAYERS + 1} layers, more than the ${MAX_LAYERS} a copy reads (docker runs at most 127)`
    )
    expect(target.seen).toEqual([])
  })

  it('a blob that declares more than the largest a copy moves is refused before anything is written', async () => {
    // Its ceiling would grow with that size: 2^50 bytes at 1 MiB/s is some 34 years.
    const source = await startHostileSource()
    const huge = { digest: `sha256:${'e'.repeat(64)}`, size: 2 ** 50 }
    const target = await startTarget()
    await expect(run(source, target, imageWith(source, [huge]))).rejects.toThrow(
      `source "${source.host}/src:odd": blob ${huge.digest} declares ${2 ** 50} bytes, more than the ${MAX_BLOB_BYTES} (64 GiB) a copy moves`
    )
    expect(target.seen).toEqual([])
  })
})
