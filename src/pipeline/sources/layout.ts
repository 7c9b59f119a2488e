// An OCI image layout as a source (a directory, or the tar of one that buildx and `docker save` write),
// pushed byte for byte. Every manifest and blob the image needs is read and checked against its digest
// here, before anything is sent.
import { createHash } from 'node:crypto'
import { InputError } from '../../input-error.js'
import type { Manifest } from '../../registry/api.js'
import { isIndex, type Descriptor } from '../merge.js'
import type { FileTree } from './files.js'
import { BlobMismatch, localStore, MAX_SMALL, verifyStream, type SourceStore } from './store.js'
import type { LocalSourceRef } from '../../sources.js'

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/
const MANIFEST_TYPES = new Set([
  OCI_MANIFEST,
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])
/** Blobs hashed at once while checking; the disk, not the CPU, is the limit. */
const PARALLEL_CHECKS = 2

export interface LocalImage {
  store: SourceStore
  /** The manifest or index that is pushed. */
  top: Manifest
  /** The image config's digest, when `top` is a single manifest. */
  config?: string
  /** The manifest was written here (a classic `docker save` archive holds none). */
  written?: boolean
}

export const show = (value: string): string =>
  JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)

/** An input error about this source line. */
export const failOn =
  (source: LocalSourceRef) =>
  (message: string): never => {
    throw new InputError('sources', `${show(source.line)}: ${message}`)
  }

export function parseJson(body: Buffer, what: string, fail: (m: string) => never): unknown {
  try {
    return JSON.parse(body.toString('utf8'))
  } catch {
    return fail(`${what} is not JSON`)
  }
}

export async function small(tree: FileTree, name: string, fail: (m: string) => never): Promise<Buffer> {
  if ((await tree.size(name)) === undefined) fail(`${tree.where} has no ${name}`)
  return tree.read(name, MAX_SMALL).catch(error => fail(`${name}: ${(error as Error).message}`))
}

/** `docker.io/library/app:1` and `app:1` are one name, as docker shortens it. */
const shortName = (name: string): string =>
  name.replace(/^(?:docker\.io|index\.docker\.io)\/(?:library\/)?/, '')

export function pick<T>(
  items: T[],
  namesOf: (item: T) => string[],
  source: LocalSourceRef,
  where: string,
  fail: (m: string) => never
): T {
  const names = (i: T) => namesOf(i).filter(Boolean)
  if (source.reference !== undefined) {
    const wanted = shortName(source.reference)
    const found = items.filter(i => names(i).some(n => n === source.reference || shortName(n) === wanted))
    if (found.length === 1) return found[0]
    const all = items.flatMap(names)
    return fail(
      found.length
        ? `${where} holds ${found.length} images named ${show(source.reference)}`
        : `${where} holds no image named ${show(source.reference)}${all.length ? ` (it holds ${all.map(show).join(', ')})` : ''}`
    )
  }
  if (items.length === 1) return items[0]
  if (!items.length) return fail(`${where} holds no image`)
  const all = items.flatMap(names)
  return fail(
    `${where} holds ${items.length} images; name one as ${show(`${source.transport}:${source.path}:<reference>`)}${all.length ? ` (${all.map(show).join(', ')})` : ''}`
  )
}

/** An OCI image layout: the image of index.json that the line names (or the only one), byte for byte. */
export async function readLayout(tree: FileTree, source: LocalSourceRef): Promise<LocalImage> {
  const fail = failOn(source)
  if ((await tree.size('oci-layout')) === undefined)
    fail(`${tree.where} is not an OCI image layout (it has no oci-layout file)`)
  const index = parseJson(await small(tree, 'index.json', fail), 'index.json', fail) as {
    manifests?: unknown
  }
  const all = (Array.isArray(index.manifests) ? (index.manifests as Descriptor[]) : []).filter(
    d => typeof d?.digest === 'string' && MANIFEST_TYPES.has(d.mediaType)
  )
  // One image may be listed under several names.
  const byDigest = new Map<string, Descriptor[]>()
  for (const d of all) byDigest.set(d.digest, [...(byDigest.get(d.digest) ?? []), d])
  const [chosen] = pick(
    [...byDigest.values()],
    ds =>
      ds.flatMap(d => [
        d.annotations?.['org.opencontainers.image.ref.name'] ?? '',
        d.annotations?.['io.containerd.image.name'] ?? ''
      ]),
    source,
    tree.where,
    fail
  )
  const pathOf = (digest: string) => `blobs/${digest.replace(':', '/')}`
  const manifests = new Map<string, Manifest>()
  const blobs = new Map<string, Descriptor>()
  const walk = async (d: Descriptor, depth: number): Promise<Manifest> => {
    if (!DIGEST.test(d.digest)) fail(`${show(d.digest)} is not a digest`)
    if (depth > 4) fail(`indexes nest deeper than 4 levels`)
    const name = pathOf(d.digest)
    if ((await tree.size(name)) === undefined)
      fail(
        `${tree.where} lacks ${d.mediaType} ${d.digest} (${name})${depth ? ', which its index lists: an index is pushed whole, and only some of its images are here (a multi-platform image pulled for one platform?)' : ''}`
      )
    const body = await tree.read(name, MAX_SMALL).catch(error => fail(`${name}: ${(error as Error).message}`))
    const algorithm = d.digest.slice(0, d.digest.indexOf(':'))
    const got = `${algorithm}:${createHash(algorithm).update(body).digest('hex')}`
    if (got !== d.digest)
      fail(`${tree.where}: ${name} does not match its digest ${d.digest} (its bytes hash to ${got})`)
    if (typeof d.size === 'number' && d.size !== body.length)
      fail(`${tree.where}: ${name} is ${body.length} bytes, not the ${d.size} its descriptor says`)
    const parsed = parseJson(body, name, fail) as {
      mediaType?: string
      manifests?: Descriptor[]
      config?: Descriptor
      layers?: Descriptor[]
    }
    const manifest = { digest: d.digest, mediaType: parsed.mediaType ?? d.mediaType, body }
    manifests.set(d.digest, manifest)
    if (isIndex(manifest.mediaType))
      await Promise.all((parsed.manifests ?? []).map(child => walk(child, depth + 1)))
    else
      for (const b of [parsed.config, ...(parsed.layers ?? [])])
        if (b && !b.urls?.length) blobs.set(b.digest, b)
    return manifest
  }
  const top = await walk(chosen, 0)
  await checkBlobs(tree, [...blobs.values()], pathOf, fail)
  const config = isIndex(top.mediaType)
    ? undefined
    : (JSON.parse(top.body.toString('utf8')) as { config?: Descriptor }).config?.digest
  return { store: localStore(tree.where, manifests, digest => ({ tree, name: pathOf(digest) })), top, config }
}

/** Every blob present, of its size, hashing to its digest: read whole once, before anything is sent. */
async function checkBlobs(
  tree: FileTree,
  blobs: Descriptor[],
  pathOf: (digest: string) => string,
  fail: (m: string) => never
): Promise<void> {
  const queue = [...blobs]
  const worker = async () => {
    for (let b = queue.shift(); b; b = queue.shift()) {
      if (!DIGEST.test(b.digest)) fail(`${show(b.digest)} is not a digest`)
      const name = pathOf(b.digest)
      const size = await tree.size(name)
      if (size === undefined) fail(`${tree.where} lacks blob ${b.digest} (${name})`)
      if (size !== b.size)
        fail(`${tree.where}: ${name} is ${size} bytes, not the ${b.size} its descriptor says`)
      await verifyStream(tree.open(name), b, `${tree.where}: ${name}`).catch(error =>
        error instanceof BlobMismatch ? fail(error.message) : Promise.reject(error)
      )
    }
  }
  await Promise.all(Array.from({ length: PARALLEL_CHECKS }, worker))
}
