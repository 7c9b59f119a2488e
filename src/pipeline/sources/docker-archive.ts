// A `docker save` archive as a source. On the containerd image store (docker 25 and later) it is an OCI
// layout of the image's own manifests and compressed layers, whose digest is the image ID: read as a
// layout, byte for byte. The classic store keeps no manifest: its archive holds the image config and
// uncompressed layer tars, listed in manifest.json. One is written here, with each layer gzip-compressed as
// `docker push` would (into the run's private directory, checked against its diff_id on the way), so the
// config digest is the image ID while the manifest is new. Docker 25 and later write the classic store's
// archive as an OCI layout too (moby#47072), but of those same uncompressed layers (docker 25.0.0's lists
// none, moby#47065): such a layout is read through its manifest.json, as the classic archive it is.
import { createHash, type Hash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { rename } from 'node:fs/promises'
import path from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip } from 'node:zlib'
import { manifestDigest } from '../../registry/api.js'
import type { LocalSourceRef } from '../../inputs/sources.js'
import { OCI_MANIFEST, parseManifest, type Descriptor } from '../../registry/oci.js'
import { directoryTree, type FileTree } from './files.js'
import { failOn, parseJson, pick, readLayout, small, type LocalImage } from './layout.js'
import { localStore } from './store.js'
import { quote } from '../../core/text.js'
import { eachLimited } from '../../core/limiter.js'

const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar'
/** Layers compressed at once: each takes a core. */
const PARALLEL_LAYERS = 2

interface ArchiveEntry {
  Config?: string
  RepoTags?: string[] | null
  Layers?: string[]
}

/** `scratch` gives a private directory for the compressed layers. */
export async function readDockerArchive(
  tree: FileTree,
  source: LocalSourceRef,
  scratch: () => Promise<string>
): Promise<LocalImage> {
  const fail = failOn(source)
  const entry = async () => {
    const list = parseJson(await small(tree, 'manifest.json', fail), 'manifest.json', fail)
    if (!Array.isArray(list)) fail('manifest.json is not a list of images')
    return pick(list as ArchiveEntry[], e => e.RepoTags ?? [], source, tree.where, fail)
  }
  if ((await tree.size('index.json')) !== undefined && (await tree.size('oci-layout')) !== undefined) {
    const layout = await readLayout(tree, source)
    if (!(await classicStore(layout, tree, entry))) return layout
  }
  return fromManifestJson(tree, source, await entry(), scratch, fail)
}

/** A layer type that says its bytes are a plain tar: what docker's classic store saves, never pushes. */
const UNCOMPRESSED = new Set([OCI_LAYER, 'application/vnd.docker.image.rootfs.diff.tar'])

/**
 * Whether a layout that `docker save` wrote is the classic store's (its layers uncompressed, or none listed
 * where manifest.json lists some), to be read through manifest.json; the containerd store's compressed
 * layers are pushed as they are.
 */
async function classicStore(
  layout: LocalImage,
  tree: FileTree,
  entry: () => Promise<ArchiveEntry>
): Promise<boolean> {
  const parsed = layout.top.parsed
  if (parsed.kind !== 'image' || (await tree.size('manifest.json')) === undefined) return false
  if (parsed.layers.some(l => UNCOMPRESSED.has(l.mediaType))) return true
  return !parsed.layers.length && !!(await entry()).Layers?.length
}

async function fromManifestJson(
  tree: FileTree,
  source: LocalSourceRef,
  entry: ArchiveEntry,
  scratch: () => Promise<string>,
  fail: (message: string) => never
): Promise<LocalImage> {
  const inside = (name: unknown): string =>
    typeof name === 'string' && !name.startsWith('/') && !name.split('/').includes('..')
      ? name
      : fail(`manifest.json names ${quote(String(name))}, which is not a file inside the archive`)
  const configName = inside(entry.Config)
  const configBody = await small(tree, configName, fail)
  const config = parseJson(configBody, configName, fail) as { rootfs?: { diff_ids?: string[] } }
  const diffIds = config.rootfs?.diff_ids ?? []
  const layerNames = (entry.Layers ?? []).map(inside)
  if (diffIds.length !== layerNames.length)
    fail(`${configName} lists ${diffIds.length} layers and manifest.json ${layerNames.length}`)
  for (const name of layerNames)
    if ((await tree.size(name)) === undefined) fail(`${tree.where} has no ${name}`)

  const dir = await scratch()
  const compressed = directoryTree(dir)
  const configDigest = manifestDigest(configBody)
  const files = new Map<string, { tree: FileTree; name: string }>([
    [configDigest, { tree, name: configName }]
  ])
  const layers: Descriptor[] = new Array(layerNames.length)
  await eachLimited(layerNames, PARALLEL_LAYERS, async (name, i) => {
    const layer = await gzipLayer(tree, name, dir)
    if (layer.diffId !== undefined && layer.diffId !== diffIds[i])
      fail(
        `${name} does not match the diff_id ${diffIds[i]} that ${configName} gives it (its bytes hash to ${layer.diffId})`
      )
    files.set(
      layer.descriptor.digest,
      layer.already ? { tree, name } : { tree: compressed, name: layer.file }
    )
    layers[i] = layer.descriptor
  })
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: configDigest, size: configBody.length },
      layers
    })
  )
  // Written here, and parsed as every source manifest is.
  const top = {
    digest: manifestDigest(body),
    mediaType: OCI_MANIFEST,
    body,
    parsed: parseManifest(body, OCI_MANIFEST),
    label: quote(source.line)
  }
  return {
    store: localStore(tree.where, new Map([[top.digest, top]]), digest => files.get(digest)!),
    top,
    config: configDigest,
    written: true
  }
}

const hashing = (hash: Hash, count?: { bytes: number }) =>
  new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      if (count) count.bytes += chunk.length
      done(null, chunk)
    }
  })

/**
 * One layer as it is pushed: a compressed one (gzip, zstd) as it is, its diff_id taken by decompressing a
 * gzip one on the way (node has no zstd everywhere: a zstd layer's is left unchecked); an uncompressed one
 * gzip-compressed into `dir`, its diff_id taken on the way.
 */
async function gzipLayer(
  tree: FileTree,
  name: string,
  dir: string
): Promise<{ diffId?: string; descriptor: Descriptor; already: boolean; file: string }> {
  let head: Buffer = Buffer.alloc(0)
  for await (const chunk of tree.open(name) as AsyncIterable<Buffer>) {
    head = chunk.subarray(0, 4)
    break
  }
  const gzip = head[0] === 0x1f && head[1] === 0x8b
  const zstd = head.length === 4 && head.readUInt32BE(0) === 0x28b52ffd
  const raw = createHash('sha256')
  const count = { bytes: 0 }
  if (gzip || zstd) {
    const diff = createHash('sha256')
    const drain = async (source: AsyncIterable<Buffer>) => {
      for await (const _ of source) void _
    }
    if (gzip) await pipeline(tree.open(name), hashing(raw, count), createGunzip(), hashing(diff), drain)
    else await pipeline(tree.open(name), hashing(raw, count), drain)
    const digest = `sha256:${raw.digest('hex')}`
    const mediaType = `${OCI_LAYER}+${gzip ? 'gzip' : 'zstd'}`
    return {
      diffId: gzip ? `sha256:${diff.digest('hex')}` : undefined,
      descriptor: { mediaType, digest, size: count.bytes },
      already: true,
      file: name
    }
  }
  const out = createHash('sha256')
  const temporary = path.join(dir, `${name.replace(/[^A-Za-z0-9]/g, '_')}.partial`)
  await pipeline(
    tree.open(name),
    hashing(raw),
    createGzip(),
    hashing(out, count),
    createWriteStream(temporary)
  )
  const digest = `sha256:${out.digest('hex')}`
  const file = digest.slice(7)
  await rename(temporary, path.join(dir, file))
  return {
    diffId: `sha256:${raw.digest('hex')}`,
    descriptor: { mediaType: `${OCI_LAYER}+gzip`, digest, size: count.bytes },
    already: false,
    file
  }
}
