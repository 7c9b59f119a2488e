// `sources` from a registry we do not control: a stand-in source on 127.0.0.1 that serves wrong lengths,
// wrong content and malformed manifests, and a real registry as the target, checked with skopeo. Nothing
// the source sends may reach the target as anything but the blob it claims to be, and every failure is
// one error line that names the source. The committed bundle, either engine.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import type http from 'node:http'
import { errorLines, expectSucceeded, runAction, type ActionRun } from './helpers/action.js'
import { requireDocker } from './helpers/docker.js'
import {
  memoryImage,
  startHostileSource,
  type HostileSource,
  type MemoryImage
} from './helpers/hostile-source.js'
import { startRegistry, type TestRegistry } from './helpers/registry.js'
import { inspectRaw, tagExists } from './helpers/skopeo.js'
import { cleanUp } from './helpers/stand-in.js'

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
  return errors[0]
}

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
