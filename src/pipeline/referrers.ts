// Referrers: the signatures and attestations that actions/attest and cosign attach to a digest after its
// push. A promotion keeps the digest, so it carries them over too, and the promoted image verifies like the
// original. They are found through the OCI referrers API where the source registry has it, otherwise
// through the `sha256-<hex>` tag (the spec's fallback index) and cosign's `.sig`/`.att`/`.sbom` tags. The
// API's list may come in pages, each naming the next in a Link header: every page is read. They are found
// and checked while the sources are resolved, before anything is written, and copied after the image (their
// subject must exist) but before its tags, so a problem with them leaves every tag where it was.
import type { Manifest } from '../registry/api.js'
import { LIST_MS, MAX_MANIFESTS } from '../registry/bounds.js'
import { orMissing, RegistryError } from '../registry/errors.js'
import { OCI_INDEX, OciError, parseDescriptor, type Descriptor } from '../registry/oci.js'
import { pagesOf } from '../registry/pages.js'
import { eachLimited } from '../core/limiter.js'
import { cosignTagWrite, type TagWrite } from './cosign-tags.js'
import { checkBelow, PARALLEL_MANIFESTS, Tally, type Copier } from './sources/copy.js'
import { readSource, type Side, type SourceManifest } from './sources/read.js'
import { registryStore } from './sources/store.js'

/** The spec's fallback tag for the referrers of `digest`. */
export const fallbackTag = (digest: string): string => digest.replace(':', '-')

/** Tags cosign writes beside the fallback index (signatures, attestations, SBOMs), when it runs without it. */
const COSIGN_SUFFIXES = ['.sig', '.att', '.sbom']

// A registry without the API answers its route as any unknown path.
const NO_API = new Set([400, 404, 405, 501])

/** More than any tool attaches to one digest: a longer list is refused rather than copied. */
export const MAX_REFERRERS = 256

/** What was carried over; the log reports it. */
export interface Carried {
  referrers: number
  via: 'api' | 'tag'
  cosignTags: string[]
  /** The tags to put once every target holds what they name. */
  writes: TagWrite[]
}

interface IndexBody {
  schemaVersion?: number
  mediaType?: string
  manifests?: unknown
}

/** The descriptors of an index body, each checked for the fields a copy needs. */
function descriptorsIn(body: Buffer, what: string): Descriptor[] {
  let parsed: IndexBody
  try {
    parsed = JSON.parse(body.toString('utf8')) as IndexBody
  } catch {
    throw new RegistryError(`${what} is not JSON`, 'fatal')
  }
  if (!Array.isArray(parsed.manifests)) throw new RegistryError(`${what} has no manifests list`, 'fatal')
  // Each entry is checked as any descriptor: a digest that is not one (a tag) would be fetched unverified
  // and written into the target's fallback index as it came.
  return parsed.manifests.map((d: unknown, i) => {
    try {
      return parseDescriptor(d, `entry ${i}`)
    } catch (error) {
      if (error instanceof OciError) throw new RegistryError(`${what}: ${error.message}`, 'fatal')
      throw error
    }
  })
}

const referrersOf = (side: Side, digest: string): string =>
  `the referrers of ${digest} in ${side.client.registry}/${side.name}`

/** Refuses a list longer than a promotion carries over, as soon as that many are read. */
function checkCount(side: Side, digest: string, read: number): void {
  if (read > MAX_REFERRERS)
    throw new RegistryError(
      `${side.client.registry}/${side.name} lists more referrers of ${digest} than the ${MAX_REFERRERS} a promotion carries over (${read} read)`,
      'fatal'
    )
}

/** The pages of the referrers API's answer for `digest`; the first may say the registry has no such API. */
const apiPages = ({ client, name }: Side, digest: string) =>
  pagesOf(client, name, client.url(name, `referrers/${digest}`), {
    what: 'referrers page',
    many: `pages of referrers of ${digest}`,
    accept: OCI_INDEX,
    // Enough for MAX_REFERRERS one to a page; empty pages that link on are bounded by it too.
    maxPages: MAX_REFERRERS + 1,
    maxMs: LIST_MS,
    firstAnswers: NO_API
  })

/** The referrers API's answer for `digest`, every page of it, or undefined where the registry has no such API. */
async function fromApi(side: Side, digest: string): Promise<Descriptor[] | undefined> {
  const list: Descriptor[] = []
  for await (const { res } of apiPages(side, digest)) {
    if (NO_API.has(res.status)) return undefined
    list.push(...descriptorsIn(res.body, referrersOf(side, digest)))
    checkCount(side, digest, list.length)
  }
  return list
}

/**
 * Whether the registry answers the referrers API: its first page alone tells, and must be an index like any
 * other page (a registry that answers the route with something else is not trusted to list what it holds).
 */
async function hasApi(side: Side, digest: string): Promise<boolean> {
  for await (const { res } of apiPages(side, digest)) {
    if (NO_API.has(res.status)) return false
    descriptorsIn(res.body, referrersOf(side, digest))
    return true
  }
  return false
}

/** A tag's manifest, or undefined when the repository has no such tag. */
async function tagged(side: Side, tag: string): Promise<Manifest | undefined> {
  return orMissing(side.client.getManifest(side.name, tag))
}

/** A source's manifest under `tag`, checked as every source manifest is; none when there is no such tag. */
const taggedSource = (side: Side, tag: string): Promise<SourceManifest | undefined> =>
  orMissing(readSource(side, tag))

/** The referrers of `digest` in `side`: the API's list, else the fallback index's; where they came from. */
export async function listReferrers(
  side: Side,
  digest: string
): Promise<{ list: Descriptor[]; via: 'api' | 'tag' }> {
  const api = await fromApi(side, digest)
  if (api) return { list: api, via: 'api' }
  const index = await tagged(side, fallbackTag(digest))
  return {
    list: index
      ? descriptorsIn(index.body, `${side.client.registry}/${side.name}:${fallbackTag(digest)}`)
      : [],
    via: 'tag'
  }
}

/** A source's referrers of a digest and cosign's tags for it, each read and checked; what a copy carries. */
export interface Referrers {
  src: Side
  digest: string
  list: Descriptor[]
  via: 'api' | 'tag'
  /** cosign's tags that exist, with the manifest each named when it was checked. */
  cosign: { tag: string; manifest: Descriptor }[]
}

/**
 * The referrers of `digest` in `src`, and cosign's tags for it, found and checked before anything is
 * written: the list (its count, each entry), and every manifest it names, read as the copy will read it
 * (digest, size, and what it lists in turn). A problem here fails the step while no tag has moved. Nothing
 * read is kept (up to 256 manifests): the copy reads each again by the digest checked here.
 */
export async function findReferrers(src: Side, digest: string): Promise<Referrers> {
  const { list, via } = await listReferrers(src, digest)
  checkCount(src, digest, list.length)
  const store = registryStore(src)
  const listed = new Tally(MAX_MANIFESTS, 'manifests')
  await eachLimited(list, PARALLEL_MANIFESTS, async d =>
    checkBelow(store, await readSource(src, d), true, listed)
  )
  const cosign: Referrers['cosign'] = []
  for (const suffix of COSIGN_SUFFIXES) {
    const tag = `${fallbackTag(digest)}${suffix}`
    const manifest = await taggedSource(src, tag)
    if (!manifest) continue
    await checkBelow(store, manifest, true, listed)
    cosign.push({
      tag,
      manifest: { mediaType: manifest.mediaType, digest: manifest.digest, size: manifest.body.length }
    })
  }
  return { src, digest, list, via, cosign }
}

/**
 * Places what `findReferrers` found into `dst` (where the digest itself has been placed): the referrers and
 * every blob they need. The tags that list them (the fallback index, where `dst` has no referrers API, merged
 * with any referrers it already lists; cosign's tags, merged with the target's own) are returned to be put
 * once every target holds what they name.
 */
export async function placeReferrers(copier: Copier, found: Referrers, dst: Side): Promise<Carried> {
  const { src, digest, list, via } = found
  const store = registryStore(src)
  await Promise.all(list.map(d => copier.placeListed(store, dst, d)))
  const writes: TagWrite[] = []
  const fallback =
    list.length && !(await hasApi(dst, digest)) ? await fallbackWrite(dst, digest, list) : undefined
  if (fallback) writes.push(fallback)

  const cosignTags: string[] = []
  for (const { tag, manifest: d } of found.cosign) {
    // By the digest checked, not the tag again: the tag may have moved since.
    const manifest = await readSource(src, d)
    const write = await cosignTagWrite(copier, store, manifest, dst, tag)
    if (write) writes.push(write)
    cosignTags.push(tag)
  }
  return { referrers: list.length, via, cosignTags, writes }
}

/** The fallback index of `dst` for `digest`: what it listed, plus `added`, each digest once; none when it lists them all. */
async function fallbackWrite(dst: Side, digest: string, added: Descriptor[]): Promise<TagWrite | undefined> {
  const tag = fallbackTag(digest)
  const existing = await tagged(dst, tag)
  const before = existing ? descriptorsIn(existing.body, `${dst.client.registry}/${dst.name}:${tag}`) : []
  const seen = new Set(before.map(d => d.digest))
  const manifests = [...before, ...added.filter(d => !seen.has(d.digest) && seen.add(d.digest))]
  if (existing && manifests.length === before.length) return undefined
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }))
  return { tag, body, mediaType: OCI_INDEX }
}
