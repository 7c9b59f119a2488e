// An OCI image layout as a source (a directory, or the tar of one that buildx and `docker save` write),
// pushed byte for byte. Every manifest the image needs is read and checked against its digest here, and
// every blob found with its size, before anything is sent; a blob's digest is checked as it is sent.
import { InputError } from '../../inputs/error.js'
import type { LocalSourceRef } from '../../inputs/sources.js'
import {
  contentDigest,
  MANIFEST_TYPES,
  OciError,
  parseDescriptor,
  parseManifest,
  type Descriptor
} from '../../registry/oci.js'
import type { FileTree } from './files.js'
import type { SourceManifest } from './read.js'
import { localStore, MAX_SMALL, type SourceStore } from './store.js'
import { quote } from '../../core/text.js'
import { eachLimited } from '../../core/limiter.js'

/** Blobs looked up at once while checking. */
const PARALLEL_CHECKS = 2

export interface LocalImage {
  store: SourceStore
  /** The manifest or index that is pushed, checked and parsed. */
  top: SourceManifest
  /** The image config's digest, when `top` is a single manifest. */
  config?: string
  /** The manifest was written here (a classic `docker save` archive holds none). */
  written?: boolean
}

/** An input error about this source line. */
export const failOn =
  (source: LocalSourceRef) =>
  (message: string): never => {
    throw new InputError('sources', `${quote(source.line)}: ${message}`)
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
        ? `${where} holds ${found.length} images named ${quote(source.reference)}`
        : `${where} holds no image named ${quote(source.reference)}${all.length ? ` (it holds ${all.map(quote).join(', ')})` : ''}`
    )
  }
  if (items.length === 1) return items[0]
  if (!items.length) return fail(`${where} holds no image`)
  const all = items.flatMap(names)
  return fail(
    `${where} holds ${items.length} images; name one as ${quote(`${source.transport}:${source.path}:<reference>`)}${all.length ? ` (${all.map(quote).join(', ')})` : ''}`
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
  const all = (Array.isArray(index.manifests) ? (index.manifests as unknown[]) : [])
    .map((d, i) => ({ d: d as Descriptor, i }))
    .filter(({ d }) => MANIFEST_TYPES.includes(d?.mediaType))
    .map(({ d, i }) => checkedOci(() => parseDescriptor(d, `index.json manifests[${i}]`), fail))
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
  const manifests = new Map<string, SourceManifest>()
  const blobs = new Map<string, Descriptor>()
  // Descriptors come through parseDescriptor (index.json's) or parseManifest (an index's): digests checked.
  const walk = async (d: Descriptor, depth: number): Promise<SourceManifest> => {
    if (depth > 4) fail(`indexes nest deeper than 4 levels`)
    const name = pathOf(d.digest)
    if ((await tree.size(name)) === undefined)
      fail(
        `${tree.where} lacks ${d.mediaType} ${d.digest} (${name})${depth ? ', which its index lists: an index is pushed whole, and only some of its images are here (a multi-platform image pulled for one platform?)' : ''}`
      )
    const body = await tree.read(name, MAX_SMALL).catch(error => fail(`${name}: ${(error as Error).message}`))
    const got = contentDigest(d.digest, body)
    if (got !== d.digest)
      fail(`${tree.where}: ${name} does not match its digest ${d.digest} (its bytes hash to ${got})`)
    if (d.size !== body.length)
      fail(`${tree.where}: ${name} is ${body.length} bytes, not the ${d.size} its descriptor says`)
    const parsed = checkedOci(() => parseManifest(body, d.mediaType), fail, `${name}: `)
    const label = depth ? `${tree.where}@${d.digest}` : quote(source.line)
    const manifest = { digest: d.digest, mediaType: d.mediaType, body, parsed, label }
    manifests.set(d.digest, manifest)
    if (parsed.kind === 'index') await Promise.all(parsed.manifests.map(child => walk(child, depth + 1)))
    else for (const b of [parsed.config, ...parsed.layers]) if (!b.urls?.length) blobs.set(b.digest, b)
    return manifest
  }
  const top = await walk(chosen, 0)
  await checkBlobs(tree, [...blobs.values()], pathOf, fail)
  const config = top.parsed.kind === 'image' ? top.parsed.config.digest : undefined
  return {
    store: localStore(tree.where, manifests, digest => ({ tree, name: pathOf(digest) })),
    top,
    config
  }
}

/**
 * Every blob present and of its size, before anything is sent. Its digest is checked as it is sent (the
 * upload's last chunk held back until it matches): hashing it here too would read every layer twice.
 */
async function checkBlobs(
  tree: FileTree,
  blobs: Descriptor[],
  pathOf: (digest: string) => string,
  fail: (m: string) => never
): Promise<void> {
  await eachLimited(blobs, PARALLEL_CHECKS, async b => {
    const name = pathOf(b.digest)
    const size = await tree.size(name)
    if (size === undefined) fail(`${tree.where} lacks blob ${b.digest} (${name})`)
    if (size !== b.size)
      fail(`${tree.where}: ${name} is ${size} bytes, not the ${b.size} its descriptor says`)
  })
}

/** What the OCI checks of registry/oci.ts say is wrong, as an input error about this line. */
export function checkedOci<T>(check: () => T, fail: (m: string) => never, prefix = ''): T {
  try {
    return check()
  } catch (error) {
    if (error instanceof OciError) return fail(prefix + error.message)
    throw error
  }
}
