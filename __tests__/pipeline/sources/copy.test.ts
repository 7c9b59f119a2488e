// The copier against stand-in registries: what it costs a source and a target, and what it refuses.
import { afterEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { Copier, Tally } from '../../../src/pipeline/sources/copy.js'
import { readSource } from '../../../src/pipeline/sources/read.js'
import { registryStore } from '../../../src/pipeline/sources/store.js'
import { PARALLEL_BLOBS, registryBoundsFrom } from '../../../src/registry/bounds.js'
import { MAX_SOCKETS } from '../../../src/registry/transport.js'
import { blobOf, imageManifest, OCI_MANIFEST } from '../../helpers/hostile-source.js'
import { quietReporter } from '../../helpers/reporter.js'
import { cleanUp, client, serve } from '../../helpers/stand-in.js'

afterEach(cleanUp)

describe('a copy between two repositories of one registry that does not mount', () => {
  it('streams every blob at once without a source GET waiting, paused, on its own PUT: none is cut as stalled', async () => {
    // More streams than the client's pool for its other requests: with one pool the PUTs past it queued
    // while their GETs, paused, reached the idle bound.
    expect(2 * PARALLEL_BLOBS).toBeGreaterThan(MAX_SOCKETS)
    const layers = Array.from({ length: PARALLEL_BLOBS }, () => blobOf(randomBytes(512 * 1024)))
    const config = blobOf(Buffer.from('{"architecture":"amd64","os":"linux"}'))
    const manifest = imageManifest(config, layers)
    const blobs = new Map([config, ...layers].map(b => [b.digest, b.body]))
    let uploads = 0
    const server = await serve((req, res) => {
      const url = new URL(req.url, 'http://x')
      if (url.pathname === '/v2/src/manifests/v1') {
        res.writeHead(200, { 'Content-Type': OCI_MANIFEST })
        return void res.end(manifest)
      }
      if (req.method === 'PUT' && url.pathname.startsWith('/v2/dst/manifests/'))
        return void res.writeHead(201).end()
      // The config mounts; the layers start ordinary uploads (202), as a registry that cannot mount them.
      if (req.method === 'POST' && url.searchParams.get('mount') === config.digest)
        return void res.writeHead(201).end()
      if (req.method === 'POST')
        return void res.writeHead(202, { Location: `/v2/dst/blobs/uploads/${++uploads}` }).end()
      if (req.method === 'PUT') return void res.writeHead(201).end()
      const body = blobs.get(/^\/v2\/src\/blobs\/(.+)$/.exec(url.pathname)?.[1] ?? '')
      if (!body) return void res.writeHead(404).end()
      res.writeHead(200, { 'Content-Length': String(body.length) })
      // Steadily, never silent for the idle bound (300 ms): 32 KiB every 50 ms, some 800 ms a layer, more
      // than the buffers on the way hold.
      let off = 0
      const tick = setInterval(() => {
        if (res.destroyed) return clearInterval(tick)
        res.write(body.subarray(off, (off += 32768)))
        if (off >= body.length) {
          clearInterval(tick)
          res.end()
        }
      }, 50)
    })
    // One registry: source and target share the client, as clientFor gives them.
    const { c } = client(server, { timeoutMs: 300 })
    const src = { client: c, name: 'src' }
    const warnings: string[] = []
    const copier = new Copier({
      retries: 1,
      reporter: { ...quietReporter, warning: (m: string) => warnings.push(m) },
      bounds: { ...registryBoundsFrom({}), requestMs: 300 },
      sleep: async () => {}
    })
    await copier.place(registryStore(src), { client: c, name: 'dst' }, await readSource(src, 'v1'))
    expect(warnings).toEqual([])
    expect(copier.moved).toEqual({
      blobBytes: 5 * 512 * 1024,
      blobsCopied: 5,
      blobsMounted: 1,
      blobsPresent: 0
    })
  }, 20000)
})

describe('Tally', () => {
  it('counts each digest once, and past its bound fails naming the source and the bound', () => {
    const tally = new Tally(2, 'blobs')
    tally.add('r.example/src', ['sha256:a', 'sha256:b', 'sha256:a'])
    tally.add('r.example/src', ['sha256:b'])
    expect(() => tally.add('r.example/src', ['sha256:c'])).toThrow(
      'source r.example/src: more than 2 blobs in all, more than a copy reads (a real image has a few dozen)'
    )
  })
})
