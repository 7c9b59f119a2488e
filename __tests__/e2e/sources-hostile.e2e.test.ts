// `sources` from a registry we do not control: a stand-in source on 127.0.0.1 that serves wrong lengths,
// wrong content and malformed manifests, and a real registry as the target, checked with skopeo. Nothing
// the source sends may reach the target as anything but the blob it claims to be, and every failure is
// one error line that names the source. The committed bundle, either engine.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type http from 'node:http'
import { errorLines, expectSucceeded, runAction, type ActionRun } from '../helpers/action.js'
import { requireDocker } from '../helpers/docker.js'
import {
  blobOf,
  childOf,
  memoryImage,
  memoryIndex,
  OCI_MANIFEST,
  startHostileSource,
  type HostileSource,
  type MemoryImage
} from '../helpers/hostile-source.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'
import { cleanUp } from '../helpers/stand-in.js'

let source: HostileSource
let target: TestRegistry
const id = `${process.pid}${randomBytes(3).toString('hex')}`
/** An image the target already holds, which a hostile source must not be able to touch. */
const prod = `prod/app-${id}`
let prodImage: MemoryImage
let n = 0
const fresh = () => `dst/app-${id}-${++n}`

beforeAll(async () => {
  await requireDocker()
  ;[source, target] = await Promise.all([startHostileSource(), startRegistry()])
  prodImage = memoryImage('amd64')
  source.add(prodImage, 'prod')
  const run = await runAction({
    image: prod,
    registry: target.host,
    sources: `${source.host}/src/app:prod`,
    tags: 'prod'
  })
  expectSucceeded(run)
}, 60_000)

// Images of one platform share their config blob: a broken answer stays with the test that set it.
afterEach(() => source?.override.clear())

afterAll(async () => {
  await Promise.all([target?.stop(), cleanUp()])
})

/** A raw HTTP request, as a hostile source appends it to a layer for the target to read. */
function smuggled(smuggledTag: string): Buffer {
  const body = prodImage.manifest.body
  return Buffer.concat([
    Buffer.from(
      `PUT /v2/${prod}/manifests/${smuggledTag} HTTP/1.1\r\nHost: ${target.host}\r\n` +
        `Content-Type: ${prodImage.manifest.mediaType}\r\nContent-Length: ${body.length}\r\n\r\n`
    ),
    body
  ])
}

function promote(image: string, sourceRef: string): Promise<ActionRun> {
  return runAction({ image, registry: target.host, sources: sourceRef, tags: 'v1' })
}

/** The run failed with exactly one error line, and that line matches every pattern. */
function expectOneError(run: ActionRun, ...patterns: RegExp[]): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  for (const p of patterns) expect(errors[0]).toMatch(p)
  // Never raw JavaScript in an error line: every failure is worded for the user.
  expect(errors[0]).not.toMatch(RAW_JS)
  return errors[0]
}

const RAW_JS = /TypeError|Cannot read properties|is not iterable|is not a function|undefined/
const quote = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('a source that sends more or fewer bytes than a blob descriptor says', () => {
  it.each([
    ['with a Content-Length that says so', true],
    ['chunked, with no Content-Length', false]
  ])(
    'a layer followed by a request for the target (%s) never reaches the target',
    async (_how, declared) => {
      const image = memoryImage('amd64')
      const tag = `extra-${declared}`
      source.add(image, tag)
      const layer = image.layers[0]
      source.override.set(layer.digest, (_req, res) => {
        const bytes = Buffer.concat([layer.body, smuggled(tag)])
        res.writeHead(200, declared ? { 'Content-Length': String(bytes.length) } : {})
        // Chunked: the layer first, the request a moment later, as a slow network would deliver it.
        res.write(layer.body)
        setTimeout(() => res.end(smuggled(tag)), 50)
      })
      const dst = fresh()
      const run = await promote(dst, `${source.host}/src/app:${tag}`)
      // Nothing was written on the target: not the smuggled tag, not the promoted one.
      expect(await tagExists(target.host, `${prod}:${tag}`)).toBe(false)
      expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
      expect((await inspectRaw(target.host, `${prod}:prod`)).digest).toBe(prodImage.manifest.digest)
      expectOneError(
        run,
        new RegExp(quote(`source ${source.host}/src/app`)),
        new RegExp(quote(layer.digest)),
        /is served with .*bytes.* descriptor's size/
      )
    },
    60_000
  )

  it.each([
    [
      'a Content-Length short of the size',
      (body: Buffer) => (_req: unknown, res: http.ServerResponse) => {
        res.writeHead(200, { 'Content-Length': String(body.length - 100) })
        res.end(body.subarray(100))
      },
      /is served with \d+ bytes, but its descriptor's size is \d+/
    ],
    [
      'a chunked answer that ends short',
      (body: Buffer) => (_req: unknown, res: http.ServerResponse) => {
        res.writeHead(200)
        res.end(body.subarray(100))
      },
      /ended after \d+ of its \d+ bytes/
    ],
    [
      'other bytes of the right length',
      (body: Buffer) => (_req: unknown, res: http.ServerResponse) => {
        res.writeHead(200, { 'Content-Length': String(body.length) })
        res.end(Buffer.concat([body.subarray(1), Buffer.from('x')]))
      },
      /is served with other content \(its digest is sha256:[a-f0-9]{64}\)/
    ]
  ])(
    '%s: fails at once naming the source, never as a timeout of the target',
    async (_how, serveIt, why) => {
      const image = memoryImage('amd64')
      const tag = `short-${++n}`
      source.add(image, tag)
      const layer = image.layers[0]
      source.override.set(layer.digest, serveIt(layer.body))
      const dst = fresh()
      const started = Date.now()
      const run = await promote(dst, `${source.host}/src/app:${tag}`)
      expect(Date.now() - started).toBeLessThan(10_000)
      const line = expectOneError(
        run,
        new RegExp(quote(`source ${source.host}/src/app: blob ${layer.digest}`)),
        why
      )
      expect(line).not.toMatch(/timed out|timeout|stalled/i)
      expect(run.log).not.toMatch(/retrying/)
      expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
    },
    60_000
  )
})

/** A manifest the source serves under `tag`, as it is. */
function serveManifest(tag: string, body: string | Buffer, mediaType = OCI_MANIFEST): void {
  source.manifests.set(tag, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), mediaType })
}

const sha512Of = (text: string) => blobOf(Buffer.from(text), 'sha512').digest

describe('wrong or malformed manifests from a source', () => {
  const cases: [string, (tag: string) => void, RegExp][] = [
    ['a manifest of null', tag => serveManifest(tag, 'null'), /the manifest is not a JSON object/],
    ['a manifest that is not JSON', tag => serveManifest(tag, '<html>'), /the manifest is not JSON/],
    [
      'layers that are not a list',
      tag => {
        const { config } = memoryImage()
        source.blobs.set(config.digest, config.body)
        const c = {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: config.digest,
          size: config.size
        }
        serveManifest(
          tag,
          JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: c, layers: 5 })
        )
      },
      /the manifest has no list of layers/
    ],
    [
      'an index entry without a digest',
      tag => {
        const image = memoryImage()
        source.add(image)
        const index = memoryIndex([{ ...childOf(image), digest: undefined }])
        serveManifest(tag, index.body, index.mediaType)
      },
      /manifests\[0\]: no digest/
    ],
    [
      'a media type with a line break (served as application/json)',
      tag => {
        const image = memoryImage()
        source.add(image)
        const body = JSON.parse(image.manifest.body.toString()) as Record<string, unknown>
        serveManifest(
          tag,
          JSON.stringify({ ...body, mediaType: `${OCI_MANIFEST}\nX-Injected: 1` }),
          'application/json'
        )
      },
      /media type ".*" is not a valid media type/
    ],
    [
      'a sha512 index entry served with other content',
      tag => {
        const [a, b] = [memoryImage(), memoryImage()]
        source.add(a)
        source.add(b)
        const digest = sha512Of('not what is served')
        source.manifests.set(digest, { body: b.manifest.body, mediaType: b.manifest.mediaType })
        const index = memoryIndex([{ ...childOf(a), digest, size: b.manifest.size }])
        serveManifest(tag, index.body, index.mediaType)
      },
      /returned content whose digest is sha512:[a-f0-9]{128}/
    ],
    [
      'a sha512 index entry that is the index itself (a cycle)',
      tag => {
        const image = memoryImage()
        source.add(image)
        const digest = sha512Of(`cycle ${tag}`)
        const index = memoryIndex([{ ...childOf(image), digest }])
        // The child is served as its parent: before digests were checked, the copy waited on itself.
        source.manifests.set(digest, { body: index.body, mediaType: index.mediaType })
        serveManifest(tag, index.body, index.mediaType)
      },
      /returned content whose digest is sha512:[a-f0-9]{128}/
    ],
    [
      'an index entry with a digest algorithm that cannot be checked',
      tag => {
        const image = memoryImage()
        source.add(image)
        const index = memoryIndex([{ ...childOf(image), digest: `md5:${'0'.repeat(32)}` }])
        serveManifest(tag, index.body, index.mediaType)
      },
      /digest algorithm "md5" is not supported/
    ],
    [
      "an index entry whose size is not the manifest's",
      tag => {
        const image = memoryImage()
        source.add(image)
        const index = memoryIndex([{ ...childOf(image), size: image.manifest.size + 1 }])
        serveManifest(tag, index.body, index.mediaType)
      },
      /the manifest has \d+ bytes, but its descriptor's size is \d+/
    ],
    [
      'indexes nested five deep',
      tag => {
        const image = memoryImage()
        source.add(image)
        let child = childOf(image)
        for (let i = 0; i < 5; i++) {
          const index = memoryIndex([child])
          source.manifests.set(index.digest, { body: index.body, mediaType: index.mediaType })
          child = {
            mediaType: index.mediaType,
            digest: index.digest,
            size: index.size,
            platform: child.platform
          }
        }
        serveManifest(tag, source.manifests.get(child.digest as string)!.body, child.mediaType as string)
      },
      /indexes nested more than 4 deep/
    ],
    [
      'an image config served with other content',
      tag => {
        const image = memoryImage()
        source.add(image, tag)
        source.override.set(image.config.digest, (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/octet-stream' })
          res.end('{"os":"linux","architecture":"arm64"}')
        })
      },
      /returned sha256:[a-f0-9]{64}/
    ]
  ]
  it.each(cases)(
    '%s: one error line naming the source, nothing written',
    async (_what, setUp, why) => {
      const tag = `bad-${++n}`
      setUp(tag)
      const dst = fresh()
      const started = Date.now()
      const run = await promote(dst, `${source.host}/src/app:${tag}`)
      expect(Date.now() - started).toBeLessThan(10_000)
      expectOneError(run, new RegExp(`source (".*)?${quote(`${source.host}/src/app`)}`), why)
      expect(await tagExists(target.host, `${dst}:v1`)).toBe(false)
    },
    60_000
  )
})

describe('a tag list whose next page is on another origin', () => {
  it('is followed without credentials: a glob merges the platforms of every page', async () => {
    const [amd, arm] = [memoryImage('amd64'), memoryImage('arm64')]
    source.add(amd, 'p-amd64')
    source.add(arm, 'p-arm64')
    // A proxy that writes absolute links names itself otherwise: localhost, not 127.0.0.1.
    const elsewhere = `http://localhost:${source.server.port}/v2/src/app/tags/list?last=p-amd64`
    source.override.set('tags', (req, res) => {
      const page2 = new URL(req.url, 'http://x').searchParams.get('last') === 'p-amd64'
      res.writeHead(200, {
        'Content-Type': 'application/json',
        ...(page2 ? {} : { Link: `<${elsewhere}>; rel="next"` })
      })
      res.end(JSON.stringify({ name: 'src/app', tags: page2 ? ['p-arm64'] : ['p-amd64'] }))
    })
    const dst = fresh()
    const run = await promote(dst, `${source.host}/src/app:p-*`)
    expectSucceeded(run)
    const served = await inspectRaw(target.host, `${dst}:v1`)
    const platforms = (
      JSON.parse(served.body.toString()) as { manifests: { platform: { architecture: string } }[] }
    ).manifests.map(m => m.platform.architecture)
    expect(platforms.sort()).toEqual(['amd64', 'arm64'])
    const page2 = source.server.seen.filter(r => r.url.includes('last=p-amd64'))
    expect(page2).toHaveLength(1)
    expect(page2[0].headers.host).toBe(`localhost:${source.server.port}`)
  }, 60_000)
})
