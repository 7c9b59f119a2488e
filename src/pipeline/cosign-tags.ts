// cosign's `sha256-<hex>.sig`, `.att` and `.sbom` tags, carried into a target that may have its own. cosign
// keeps every signature (or attestation) of a digest as one layer of the image under that tag, and adds a
// new one by appending a layer to what the tag holds (sigstore/cosign pkg/oci/mutate AppendSignatures, on
// go-containerregistry's mutate.Append: the config's diff_ids and history grow with it). A target that was
// signed after an earlier promotion holds layers the source never had: the tag gets the union, the
// target's layers first and the source's new ones after, as cosign would have appended them, never the
// source's manifest in its place.
import { Readable } from 'node:stream'
import { getSmallBlob, pushStream } from '../registry/blobs.js'
import { manifestDigest } from '../registry/api.js'
import { orMissing, RegistryError } from '../registry/errors.js'
import { OciError, parseManifest, type Descriptor, type ParsedManifest } from '../registry/oci.js'
import { isObject } from '../core/json.js'
import type { Copier } from './sources/copy.js'
import type { Side, SourceManifest } from './sources/read.js'
import type { SourceStore } from './sources/store.js'

/** A tag to put once every target holds what it names. */
export interface TagWrite {
  tag: string
  body: Buffer
  mediaType: string
}

/**
 * What `tag` of `dst` is to hold once `manifest` (the source's, of `store`) is carried over, with every blob
 * it needs placed now: the source's manifest where the target has no such tag, the union of both where it
 * has one, nothing where it already holds every layer of the source's.
 */
export async function cosignTagWrite(
  copier: Copier,
  store: SourceStore,
  manifest: SourceManifest,
  dst: Side,
  tag: string
): Promise<TagWrite | undefined> {
  const where = `${dst.client.registry}/${dst.name}:${tag}`
  const existing = await orMissing(dst.client.getManifest(dst.name, tag))
  if (!existing) {
    await copier.place(store, dst, manifest)
    return { tag, body: manifest.body, mediaType: manifest.mediaType }
  }
  if (existing.digest === manifest.digest) return undefined
  const theirs = imageOf(existing.body, existing.mediaType, where)
  const ours = imageOf(manifest.body, manifest.mediaType, manifest.label)
  const had = new Set(theirs.parsed.layers.map(l => l.digest))
  const added = ours.parsed.layers.flatMap((l, i) => (had.has(l.digest) || !had.add(l.digest) ? [] : [i]))
  if (!added.length) return undefined

  const newLayers = added.map(i => ours.parsed.layers[i])
  await copier.placeBlobs(store, dst, newLayers)
  const config = await grownConfig(store, dst, theirs.parsed, ours.parsed, added)
  if (config) await copier.placeBlobs(bytesStore(config.bytes), dst, [config.descriptor])
  const body = Buffer.from(
    JSON.stringify({
      ...theirs.json,
      ...(config ? { config: config.descriptor } : {}),
      layers: [...theirs.parsed.layers, ...newLayers]
    })
  )
  return { tag, body, mediaType: existing.mediaType }
}

/** An image manifest (what cosign writes under its tags), parsed; anything else is refused, not replaced. */
function imageOf(
  body: Buffer,
  mediaType: string,
  where: string
): { json: Record<string, unknown>; parsed: Extract<ParsedManifest, { kind: 'image' }> } {
  let parsed: ParsedManifest
  try {
    parsed = parseManifest(body, mediaType)
  } catch (error) {
    if (error instanceof OciError) throw new RegistryError(`${where}: ${error.message}`, 'fatal')
    throw error
  }
  if (parsed.kind !== 'image')
    throw new RegistryError(
      `${where} is an index, not the image cosign keeps its signatures in: it is left as it is, and the promotion stops`,
      'fatal'
    )
  return { json: JSON.parse(body.toString('utf8')) as Record<string, unknown>, parsed }
}

interface Config {
  rootfs: { diff_ids: unknown[] }
  history?: unknown[]
}

/** A config whose diff_ids (and history, where it has one) pair with the manifest's layers, one each. */
function paired(bytes: Buffer, layers: number): (Record<string, unknown> & Config) | undefined {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch {
    return undefined
  }
  if (!isObject(json) || !isObject(json.rootfs) || !Array.isArray(json.rootfs.diff_ids)) return undefined
  if (json.rootfs.diff_ids.length !== layers) return undefined
  return json as Record<string, unknown> & Config
}

/**
 * The target's config with the added layers' diff_ids (and history entries) appended from the source's, as
 * cosign's append grows it; none where either config does not pair its entries with its layers (the
 * target's is then kept as it is: cosign reads the layers from the manifest).
 */
async function grownConfig(
  store: SourceStore,
  dst: Side,
  theirs: Extract<ParsedManifest, { kind: 'image' }>,
  ours: Extract<ParsedManifest, { kind: 'image' }>,
  added: number[]
): Promise<{ bytes: Buffer; descriptor: Descriptor } | undefined> {
  const target = paired(await getSmallBlob(dst.client, dst.name, theirs.config.digest), theirs.layers.length)
  const source = paired(await store.smallBlob(ours.config.digest), ours.layers.length)
  if (!target || !source) return undefined
  const history =
    target.history?.length === theirs.layers.length && source.history?.length === ours.layers.length
      ? { history: [...target.history, ...added.map(i => source.history![i])] }
      : {}
  const bytes = Buffer.from(
    JSON.stringify({
      ...target,
      ...history,
      rootfs: {
        ...target.rootfs,
        diff_ids: [...target.rootfs.diff_ids, ...added.map(i => source.rootfs.diff_ids[i])]
      }
    })
  )
  return { bytes, descriptor: { ...theirs.config, digest: manifestDigest(bytes), size: bytes.length } }
}

/** A config made here, sent to a target as any source's blob is. */
const bytesStore = (bytes: Buffer): SourceStore => ({
  where: 'the merged cosign config',
  manifest: () => Promise.reject(new Error('a config holds no manifest')),
  smallBlob: () => Promise.resolve(bytes),
  sendBlob: (blob, dst, upload, ceilingMs) =>
    pushStream(
      () => Readable.from([bytes]),
      'the merged cosign config',
      dst.client,
      dst.name,
      blob,
      upload,
      ceilingMs
    )
})
