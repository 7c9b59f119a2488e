// A source registry we do not control, as a stand-in on 127.0.0.1: it serves images made in memory
// (manifests, configs, layers), and each blob, manifest or tag-list page can be replaced by a handler of
// the test's own that answers the way a hostile or broken registry would.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import type http from 'node:http'
import { join } from 'node:path'
import { runCommand } from './docker.js'
import { serve, type Seen, type TestServer } from './stand-in.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

export interface Blob {
  digest: string
  size: number
  body: Buffer
}

export function blobOf(body: Buffer, algorithm: 'sha256' | 'sha512' = 'sha256'): Blob {
  return {
    digest: `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`,
    size: body.length,
    body
  }
}

export interface Served {
  body: Buffer
  mediaType: string
}

export interface MemoryImage {
  config: Blob
  layers: Blob[]
  manifest: Blob & { mediaType: string }
}

/** The bytes of an OCI image manifest of `config` and `layers` (gzip layers), as a registry serves them. */
export function imageManifest(
  config: { digest: string; size: number },
  layers: { digest: string; size: number }[]
): Buffer {
  return Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: config.digest,
        size: config.size
      },
      layers: layers.map(l => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: l.digest,
        size: l.size
      }))
    })
  )
}

/** A single-platform OCI image: a config naming the platform, and one random layer of `layerBytes`. */
export function memoryImage(architecture = 'amd64', layerBytes = 64 * 1024): MemoryImage {
  const config = blobOf(
    Buffer.from(JSON.stringify({ architecture, os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }))
  )
  const layers = [blobOf(randomBytes(layerBytes))]
  const manifest = { ...blobOf(imageManifest(config, layers)), mediaType: OCI_MANIFEST }
  return { config, layers, manifest }
}

/** An OCI index of `children` (descriptor fields may be replaced, as a broken registry would write them). */
export function memoryIndex(children: Record<string, unknown>[]): Blob & { mediaType: string } {
  return {
    ...blobOf(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: children }))),
    mediaType: OCI_INDEX
  }
}

/** The descriptor of an image's manifest in an index, with its platform. */
export const childOf = (image: MemoryImage, architecture = 'amd64'): Record<string, unknown> => ({
  mediaType: image.manifest.mediaType,
  digest: image.manifest.digest,
  size: image.manifest.size,
  platform: { os: 'linux', architecture }
})

type Handler = (req: Seen, res: http.ServerResponse) => void

export interface HostileSource {
  /** '127.0.0.1:PORT' */
  host: string
  server: TestServer
  /** Manifests by tag or digest. */
  manifests: Map<string, Served>
  blobs: Map<string, Buffer>
  tags: string[]
  /**
   * Replaces the answer for one blob digest, one manifest reference, ('tags') the tag list, or
   * ('referrers') the referrers API, which otherwise answers 404 as a registry without it does.
   */
  override: Map<string, Handler>
  /** Adds an image's blobs, and its manifest under its digest and under `tag`. */
  add(image: MemoryImage, tag?: string): void
}

const PATH = /^\/v2\/(.+)\/(manifests|blobs|tags|referrers)\/([^/]+)$/

export async function startHostileSource(): Promise<HostileSource> {
  const self: Omit<HostileSource, 'host' | 'server'> = {
    manifests: new Map(),
    blobs: new Map(),
    tags: [],
    override: new Map(),
    add(image, tag) {
      for (const b of [image.config, ...image.layers]) self.blobs.set(b.digest, b.body)
      const served = { body: image.manifest.body, mediaType: image.manifest.mediaType }
      self.manifests.set(image.manifest.digest, served)
      if (tag) {
        self.manifests.set(tag, served)
        if (!self.tags.includes(tag)) self.tags.push(tag)
      }
    }
  }
  const server = await serve((req, res) => {
    const url = new URL(req.url, 'http://x')
    if (url.pathname === '/v2/') return void res.writeHead(200).end('{}')
    const m = PATH.exec(url.pathname)
    if (!m) return void res.writeHead(404).end()
    const [, , kind, ref] = m
    const override = self.override.get(kind === 'tags' || kind === 'referrers' ? kind : ref)
    if (override) return override(req, res)
    if (kind === 'referrers') return void res.writeHead(404).end()
    if (kind === 'tags') {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      return void res.end(JSON.stringify({ name: m[1], tags: self.tags }))
    }
    const found = kind === 'manifests' ? self.manifests.get(ref) : self.blobs.get(ref)
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'application/json' })
      return void res.end('{"errors":[{"code":"NOT_FOUND","message":"not here"}]}')
    }
    const body = Buffer.isBuffer(found) ? found : found.body
    const type = Buffer.isBuffer(found) ? 'application/octet-stream' : found.mediaType
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length) })
    res.end(req.method === 'HEAD' ? undefined : body)
  })
  return { ...self, host: server.host, server } as HostileSource
}

/** An OCI archive of one image made in memory, as `docker buildx build --output type=oci` writes one. */
export async function writeArchive(dir: string, img: MemoryImage): Promise<string> {
  const layout = join(dir, 'layout')
  await mkdir(join(layout, 'blobs', 'sha256'), { recursive: true })
  for (const blob of [img.config, ...img.layers, img.manifest])
    await writeFile(join(layout, 'blobs', ...blob.digest.split(':')), blob.body)
  await writeFile(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [{ mediaType: img.manifest.mediaType, digest: img.manifest.digest, size: img.manifest.size }]
  }
  await writeFile(join(layout, 'index.json'), JSON.stringify(index))
  const tar = join(dir, 'image.tar')
  const r = await runCommand('tar', ['-cf', tar, '-C', layout, '.'])
  if (r.code !== 0) throw new Error(`tar: ${r.stderr}`)
  return tar
}
