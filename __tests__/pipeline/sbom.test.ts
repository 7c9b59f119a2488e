// When SBOM attestations are looked for, how their files are named, and how they are read back from a
// stand-in registry: streamed whatever their size, and a failure a warning once the push is verified.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import type http from 'node:http'
import { asksForSbom, sbomFileName, sbomsOf, type SbomDeps } from '../../src/pipeline/sbom.js'
import { manifestDigest } from '../../src/registry/api.js'
import { registryBoundsFrom } from '../../src/registry/bounds.js'
import { quietReporter } from '../helpers/reporter.js'
import { cleanUp, client, serve, type Seen } from '../helpers/stand-in.js'
import { testDir } from '../helpers/temp.js'

afterEach(cleanUp)

describe('asksForSbom', () => {
  it.each([
    [{ sbom: '', attests: [] }, false],
    [{ sbom: 'false', attests: [] }, false],
    [{ sbom: 'False', attests: [] }, false],
    [{ sbom: '0', attests: [] }, false],
    [{ sbom: 'TRUE', attests: [] }, true],
    [{ sbom: 'true', attests: [] }, true],
    [{ sbom: 'generator=my/scanner', attests: [] }, true],
    [{ sbom: '', attests: ['type=provenance,mode=max'] }, false],
    [{ sbom: '', attests: ['type=sbom'] }, true],
    [{ sbom: '', attests: ['type=sbom,generator=my/scanner'] }, true],
    [{ sbom: '', attests: ['type=sbom,disabled=true'] }, false],
    [{ sbom: '', attests: ['generator=x,type=sbom'] }, true]
  ])('%j → %s', (inputs, expected) => {
    expect(asksForSbom(inputs)).toBe(expected)
  })
})

describe('sbomFileName', () => {
  it.each([
    ['linux/amd64', 'linux-amd64.spdx.json'],
    ['linux/arm/v7', 'linux-arm-v7.spdx.json'],
    ['../../etc/x', '..-..-etc-x.spdx.json']
  ])('%s → %s', (platform, name) => {
    expect(sbomFileName(platform)).toBe(name)
  })
})

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const IMAGE = 'sha256:' + 'a'.repeat(64)

/** An index of one platform whose attestation manifest holds an SPDX statement of about `bytes`. */
function attested(bytes: number) {
  const predicate = { spdxVersion: 'SPDX-2.3', pad: 'x'.repeat(bytes) }
  const statement = Buffer.from(JSON.stringify({ predicateType: 'https://spdx.dev/Document', predicate }))
  const attestation = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha(Buffer.from('{}')),
        size: 2
      },
      layers: [
        {
          mediaType: 'application/vnd.in-toto+json',
          digest: sha(statement),
          size: statement.length,
          annotations: { 'in-toto.io/predicate-type': 'https://spdx.dev/Document' }
        }
      ]
    })
  )
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        { mediaType: OCI_MANIFEST, digest: IMAGE, size: 1, platform: { os: 'linux', architecture: 'amd64' } },
        {
          mediaType: OCI_MANIFEST,
          digest: sha(attestation),
          size: attestation.length,
          platform: { os: 'unknown', architecture: 'unknown' },
          annotations: {
            'vnd.docker.reference.type': 'attestation-manifest',
            'vnd.docker.reference.digest': IMAGE
          }
        }
      ]
    })
  )
  const index = { digest: manifestDigest(body), mediaType: 'application/vnd.oci.image.index.v1+json', body }
  return { predicate, statement, attestation, index }
}

/** Serves the attestation manifest, and the statement through `blob` (whole, by default). */
async function registryOf(
  image: ReturnType<typeof attested>,
  blob = (res: http.ServerResponse) => {
    res.writeHead(200, { 'Content-Length': String(image.statement.length) })
    res.end(image.statement)
  }
) {
  return serve((req: Seen, res) => {
    if (req.url.endsWith(`/manifests/${sha(image.attestation)}`)) {
      res.writeHead(200, { 'Content-Type': OCI_MANIFEST })
      return void res.end(image.attestation)
    }
    if (req.url.endsWith(`/blobs/${sha(image.statement)}`)) return blob(res)
    res.writeHead(404).end()
  })
}

async function sbomDeps(timeoutMs = 10_000) {
  const warnings: string[] = []
  const deps: SbomDeps = {
    tempRoot: await testDir('btp-sbom-'),
    reporter: { ...quietReporter, warning: (m: string) => void warnings.push(m) },
    bounds: { ...registryBoundsFrom({}), requestMs: timeoutMs },
    attempts: 1
  }
  return { deps, warnings }
}

describe('sbomsOf', () => {
  it('writes an SPDX document of 17 MiB (past what a manifest may weigh), equal to the predicate', async () => {
    const image = attested(17 * 1024 * 1024)
    const { c } = client(await registryOf(image))
    const { deps, warnings } = await sbomDeps()
    const files = await sbomsOf(c, 'a/b', async () => image.index, { 'linux/amd64': IMAGE }, deps)
    expect(warnings).toEqual([])
    expect(Object.keys(files)).toEqual(['linux/amd64'])
    expect(files['linux/amd64']).toMatch(/\/build-tag-push-sbom-[^/]+\/linux-amd64\.spdx\.json$/)
    expect(JSON.parse(await readFile(files['linux/amd64'], 'utf8'))).toEqual(image.predicate)
    // The statement it was streamed to is gone.
    expect(await readdir(files['linux/amd64'].replace(/\/[^/]+$/, ''))).toEqual(['linux-amd64.spdx.json'])
  })

  it('reads a statement that arrives steadily for longer than a request may take (the idle bound only)', async () => {
    const image = attested(384 * 1024)
    const server = await registryOf(image, res => {
      res.writeHead(200, { 'Content-Length': String(image.statement.length) })
      // 32 KiB every 50 ms: some 600 ms in all, never silent for the 200 ms a request may take.
      let off = 0
      const tick = setInterval(() => {
        if (res.destroyed) return clearInterval(tick)
        res.write(image.statement.subarray(off, (off += 32 * 1024)))
        if (off >= image.statement.length) {
          clearInterval(tick)
          res.end()
        }
      }, 50)
    })
    const { c } = client(server, { timeoutMs: 200 })
    const { deps, warnings } = await sbomDeps(200)
    const files = await sbomsOf(c, 'a/b', async () => image.index, { 'linux/amd64': IMAGE }, deps)
    expect(warnings).toEqual([])
    expect(JSON.parse(await readFile(files['linux/amd64'], 'utf8'))).toEqual(image.predicate)
  })

  it('after a verified push, a statement that is not what its descriptor says is a warning and no file', async () => {
    const image = attested(1024)
    const other = Buffer.from(image.statement.toString('utf8').replace('"xx', '"yy'))
    const server = await registryOf(image, res => {
      res.writeHead(200, { 'Content-Length': String(other.length) })
      res.end(other)
    })
    const { c } = client(server)
    const { deps, warnings } = await sbomDeps()
    const files = await sbomsOf(c, 'a/b', async () => image.index, { 'linux/amd64': IMAGE }, deps)
    expect(files).toEqual({})
    expect(warnings).toEqual([
      expect.stringMatching(
        /^SBOM files not written, so sbom-path is empty \(the image is pushed and verified\): .*: the SBOM statement sha256:[0-9a-f]{64} for linux\/amd64 is served with other content \(its digest is sha256:[0-9a-f]{64}\)$/
      )
    ])
    // No directory is left behind, nor a part of the statement.
    expect(await readdir(deps.tempRoot!)).toEqual([])
  })

  it('after a cancel, the failure is not a warning', async () => {
    const image = attested(1024)
    const { c } = client(await registryOf(image))
    const { deps, warnings } = await sbomDeps()
    const cancelled = new AbortController()
    cancelled.abort()
    c.close()
    await expect(
      sbomsOf(
        c,
        'a/b',
        async () => image.index,
        { 'linux/amd64': IMAGE },
        { ...deps, cancelled: cancelled.signal }
      )
    ).rejects.toThrow()
    expect(warnings).toEqual([])
  })
})
