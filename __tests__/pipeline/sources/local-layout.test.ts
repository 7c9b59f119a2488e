// Reading images on disk without docker: an OCI layout as a directory and as a tar (pax headers, links), a
// classic `docker save` archive (whose manifest is written here), and every check made before a push.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { gunzipSync, gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { InputError } from '../../../src/inputs/error.js'
import { archiveTree, directoryTree } from '../../../src/pipeline/sources/files.js'
import { readDockerArchive } from '../../../src/pipeline/sources/docker-archive.js'
import { readLayout } from '../../../src/pipeline/sources/layout.js'
import { verifyStream } from '../../../src/pipeline/sources/store.js'
import { indexTar } from '../../../src/pipeline/sources/tar.js'
import type { LocalSourceRef } from '../../../src/inputs/sources.js'
import { asDocker25ClassicSave } from '../../helpers/docker-save-25.js'

const sha = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
let root: string
const layer = randomBytes(300_000)
const config = Buffer.from(
  JSON.stringify({ os: 'linux', architecture: 'arm64', rootfs: { type: 'layers', diff_ids: [sha(layer)] } })
)
const manifestOf = (extra: object = {}) =>
  Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha(config),
        size: config.length
      },
      layers: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }
      ],
      ...extra
    })
  )
const one = manifestOf()
const two = manifestOf({ annotations: { n: '2' } })

async function writeLayout(
  dir: string,
  entries: { body: Buffer; ref: string; size?: number }[]
): Promise<void> {
  await mkdir(join(dir, 'blobs', 'sha256'), { recursive: true })
  for (const b of [layer, config, ...entries.map(e => e.body)])
    await writeFile(join(dir, 'blobs', 'sha256', sha(b).slice(7)), b)
  await writeFile(join(dir, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
  const manifests = entries.map(e => ({
    // As the body says it is: an index is listed as an index.
    mediaType: (JSON.parse(e.body.toString('utf8')) as { mediaType: string }).mediaType,
    digest: sha(e.body),
    size: e.size ?? e.body.length,
    annotations: { 'org.opencontainers.image.ref.name': e.ref }
  }))
  await writeFile(join(dir, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests }))
}

const source = (
  transport: LocalSourceRef['transport'],
  path: string,
  reference?: string
): LocalSourceRef => ({
  line: `${transport}:${path}${reference ? `:${reference}` : ''}`,
  transport,
  path,
  ...(reference ? { reference } : {})
})

const inputError = async (p: Promise<unknown>): Promise<string> => {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(InputError)
  return (error as Error).message
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'btp-layout-'))
  await writeLayout(join(root, 'layout'), [
    { body: one, ref: 'one' },
    { body: two, ref: 'two' }
  ])
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('an OCI layout directory', () => {
  it('gives the image its reference names, byte for byte, with its config', async () => {
    const image = await readLayout(directoryTree(join(root, 'layout')), source('oci', 'layout', 'two'))
    expect(image.top.digest).toBe(sha(two))
    expect(image.top.body.equals(two)).toBe(true)
    expect(image.config).toBe(sha(config))
    expect((await image.store.smallBlob(sha(config))).equals(config)).toBe(true)
  })

  it('refuses to guess between several images', async () => {
    expect(
      await inputError(readLayout(directoryTree(join(root, 'layout')), source('oci', 'layout')))
    ).toContain('holds 2 images; name one as "oci:layout:<reference>" ("one", "two")')
  })

  it('refuses a descriptor whose size is not the blob', async () => {
    const dir = join(root, 'lying')
    await writeLayout(dir, [{ body: one, ref: 'one', size: one.length + 1 }])
    expect(await inputError(readLayout(directoryTree(dir), source('oci', dir)))).toContain(
      `is ${one.length} bytes, not the ${one.length + 1} its descriptor says`
    )
  })

  it('parses every manifest as one from a registry is: a checked, parsed source manifest', async () => {
    const image = await readLayout(directoryTree(join(root, 'layout')), source('oci', 'layout', 'one'))
    expect(image.top.parsed).toEqual({
      kind: 'image',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: sha(config),
        size: config.length
      },
      layers: [
        { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer), size: layer.length }
      ]
    })
    expect(image.top.label).toBe('"oci:layout:one"')
  })

  it('refuses a manifest whose descriptors are not descriptors, naming the field', async () => {
    const dir = join(root, 'bad-descriptor')
    const bad = manifestOf({
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(layer) }]
    })
    await writeLayout(dir, [{ body: bad, ref: 'bad' }])
    expect(await inputError(readLayout(directoryTree(dir), source('oci', dir)))).toContain(
      `blobs/sha256/${sha(bad).slice(7)}: layers[0]: size null is not a byte count`
    )
  })

  it('refuses a manifest of another type than index.json lists it as', async () => {
    const dir = join(root, 'other-type')
    const docker = manifestOf({ mediaType: 'application/vnd.docker.distribution.manifest.v2+json' })
    await writeLayout(dir, [{ body: docker, ref: 'x' }])
    const index = join(dir, 'index.json')
    const listed = (await readFile(index, 'utf8')).replace(
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.oci.image.manifest.v1+json'
    )
    await writeFile(index, listed)
    expect(await inputError(readLayout(directoryTree(dir), source('oci', dir)))).toContain(
      'the manifest says it is "application/vnd.docker.distribution.manifest.v2+json", but was served as application/vnd.oci.image.manifest.v1+json'
    )
  })

  it('refuses a missing layer blob before anything is sent', async () => {
    const dir = join(root, 'missing')
    await writeLayout(dir, [{ body: one, ref: 'one' }])
    await rm(join(dir, 'blobs', 'sha256', sha(layer).slice(7)))
    expect(await inputError(readLayout(directoryTree(dir), source('oci', dir)))).toContain(
      `lacks blob ${sha(layer)}`
    )
  })
})

describe('an index', () => {
  it('is pushed whole: a platform it lists that is not here is an input error that says so', async () => {
    const dir = join(root, 'partial')
    const absent = sha(Buffer.from('a manifest never pulled'))
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: sha(one), size: one.length },
          { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: absent, size: 10 }
        ]
      })
    )
    await writeLayout(dir, [{ body: index, ref: 'multi' }])
    await writeFile(join(dir, 'blobs', 'sha256', sha(one).slice(7)), one)
    const got = await inputError(readLayout(directoryTree(dir), source('oci', dir)))
    expect(got).toContain(`lacks application/vnd.oci.image.manifest.v1+json ${absent}`)
    expect(got).toContain('only some of its images are here')
  })
})

describe('a tar of the layout', () => {
  it('indexes pax long names and links without reading the files, and streams each as its range', async () => {
    const dir = join(root, 'tarred')
    await writeLayout(dir, [{ body: one, ref: 'one' }])
    const long = `${'d'.repeat(120)}/${'f'.repeat(120)}`
    await mkdir(join(dir, 'd'.repeat(120)))
    await writeFile(join(dir, long), 'long name')
    await symlink(`blobs/sha256/${sha(layer).slice(7)}`, join(dir, 'layer-link'))
    const tar = join(root, 'layout.tar')
    const r = spawnSync('tar', ['--format=pax', '-cf', tar, '-C', dir, '.'])
    expect(r.status).toBe(0)
    const entries = await indexTar(tar)
    expect(entries.get(long)?.size).toBe(9)
    expect(entries.get('layer-link')).toEqual(entries.get(`blobs/sha256/${sha(layer).slice(7)}`))
    const tree = await archiveTree(tar)
    await verifyStream(tree.open('layer-link'), { digest: sha(layer), size: layer.length }, 'layer')
    const image = await readLayout(tree, source('oci-archive', tar))
    expect(image.top.digest).toBe(sha(one))
  })

  it('reads GNU tars too (long names in their own records)', async () => {
    const dir = join(root, 'gnu')
    const long = `${'g'.repeat(150)}.txt`
    await mkdir(dir)
    await writeFile(join(dir, long), 'gnu long name')
    const tar = join(root, 'gnu.tar')
    expect(spawnSync('tar', ['--format=gnu', '-cf', tar, '-C', dir, '.']).status).toBe(0)
    const tree = await archiveTree(tar)
    expect((await tree.read(long, 100)).toString()).toBe('gnu long name')
  })

  it('reads the ustar name prefix of a long path', async () => {
    const dir = join(root, 'ustar')
    const long = `${'p'.repeat(120)}/${'n'.repeat(60)}`
    await mkdir(join(dir, 'p'.repeat(120)), { recursive: true })
    await writeFile(join(dir, long), 'prefixed')
    const tar = join(root, 'ustar.tar')
    expect(spawnSync('tar', ['--format=ustar', '-cf', tar, '-C', dir, long]).status).toBe(0)
    expect((await (await archiveTree(tar)).read(long, 100)).toString()).toBe('prefixed')
  })

  it('refuses a file that is not a tar archive', async () => {
    const file = join(root, 'not.tar')
    await writeFile(file, randomBytes(2048))
    await expect(indexTar(file)).rejects.toThrow('not a tar archive')
  })
})

describe('a classic docker save archive', () => {
  async function saved(name: string, layerBytes: Buffer): Promise<string> {
    const dir = join(root, name)
    const cfg = `${sha(config).slice(7)}.json`
    await mkdir(join(dir, 'abc'), { recursive: true })
    await mkdir(join(dir, 'def'), { recursive: true })
    await writeFile(join(dir, cfg), config)
    await writeFile(join(dir, 'abc', 'layer.tar'), layerBytes)
    // As docker links a layer two images share.
    await symlink('../abc/layer.tar', join(dir, 'def', 'layer.tar'))
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify([{ Config: cfg, RepoTags: ['my/app:1'], Layers: ['def/layer.tar'] }])
    )
    const tar = join(root, `${name}.tar`)
    expect(spawnSync('tar', ['-cf', tar, '-C', dir, '.']).status).toBe(0)
    return tar
  }

  const scratch = () => mkdtemp(join(root, 'scratch-'))

  it('gets a new manifest: its config is the image ID, its layer gzip-compressed from the diff_id', async () => {
    const tar = await saved('saved', layer)
    const image = await readDockerArchive(
      await archiveTree(tar),
      source('docker-archive', tar, 'docker.io/my/app:1'),
      scratch
    )
    expect(image.written).toBe(true)
    expect(image.config).toBe(sha(config))
    const m = JSON.parse(image.top.body.toString('utf8'))
    expect(m.layers).toHaveLength(1)
    expect(m.layers[0].mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip')
    expect(image.top.digest).toBe(sha(image.top.body))
    // What is sent: the gzip of the layer, of the size and digest the manifest gives (checked as read).
    const body = await image.store.smallBlob(m.layers[0].digest)
    expect(body.length).toBe(m.layers[0].size)
    expect(gunzipSync(body).equals(layer)).toBe(true)
  })

  it('keeps a layer that is gzip already, and checks its diff_id through it', async () => {
    const gz = gzipSync(layer)
    const tar = await saved('saved-gz', gz)
    const image = await readDockerArchive(await archiveTree(tar), source('docker-archive', tar), scratch)
    const m = JSON.parse(image.top.body.toString('utf8'))
    expect(m.layers).toEqual([
      { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(gz), size: gz.length }
    ])
    const other = await saved('saved-gz-other', gzipSync(randomBytes(100)))
    expect(
      await inputError(readDockerArchive(await archiveTree(other), source('docker-archive', other), scratch))
    ).toContain(`does not match the diff_id ${sha(layer)}`)
  })

  it('refuses a layer that is not the one its config names', async () => {
    const tar = await saved('tampered', randomBytes(1000))
    expect(
      await inputError(readDockerArchive(await archiveTree(tar), source('docker-archive', tar), scratch))
    ).toContain(`does not match the diff_id ${sha(layer)}`)
  })
  describe('as docker 25 and later save it on the classic store: an OCI layout of uncompressed layers', () => {
    async function saved25(name: string, layerBytes: Buffer, opts?: { layerless?: boolean }) {
      await saved(name, layerBytes)
      const dir = join(root, `${name}-25`)
      await asDocker25ClassicSave(join(root, name), dir, opts)
      const tar = join(root, `${name}-25.tar`)
      expect(spawnSync('tar', ['-cf', tar, '-C', dir, '.']).status).toBe(0)
      return tar
    }

    it.each([
      ['its layers', { layerless: false }],
      ['docker 25.0.0’s manifest without layers', { layerless: true }]
    ])(
      '%s: read through manifest.json, each layer gzip-compressed and checked against its diff_id',
      async (_what, opts) => {
        const tar = await saved25(`v25${opts.layerless ? '-layerless' : ''}`, layer, opts)
        const image = await readDockerArchive(
          await archiveTree(tar),
          source('docker-archive', tar, 'my/app:1'),
          scratch
        )
        expect(image.written).toBe(true)
        expect(image.config).toBe(sha(config))
        const m = JSON.parse(image.top.body.toString('utf8'))
        expect(m.layers.map((l: { mediaType: string }) => l.mediaType)).toEqual([
          'application/vnd.oci.image.layer.v1.tar+gzip'
        ])
        const body = await image.store.smallBlob(m.layers[0].digest)
        expect(body.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]))
        expect(gunzipSync(body).equals(layer)).toBe(true)
      }
    )

    it('refuses a layer that is not the one its config names', async () => {
      const tar = await saved25('v25-tampered', randomBytes(1000))
      expect(
        await inputError(readDockerArchive(await archiveTree(tar), source('docker-archive', tar), scratch))
      ).toContain(`does not match the diff_id ${sha(layer)}`)
    })
  })
})

describe('verifyStream', () => {
  it('fails a stream longer than its descriptor at once, and one with other bytes at the end', async () => {
    const blob = { digest: sha(Buffer.from('abc')), size: 3 }
    await expect(verifyStream(Readable.from([Buffer.from('abcd')]), blob, 'x')).rejects.toThrow(
      "x has more bytes than its descriptor's size (3)"
    )
    await expect(verifyStream(Readable.from([Buffer.from('abd')]), blob, 'x')).rejects.toThrow(
      'x has other content (its digest is'
    )
    await verifyStream(Readable.from([Buffer.from('abc')]), blob, 'x')
  })
})
