// SBOM files: BuildKit puts each platform's SBOM inside the pushed index, as an in-toto statement in that
// platform's attestation manifest; actions/attest and scanners want a file. Each platform's SPDX document
// is written as the registry serves it (the statement's predicate), from the registry, after verification.
// A statement runs to tens of MB (BuildKit accepts 40 to 80 MiB): it is streamed to disk as a copy streams
// a blob, checked against its descriptor, and only then parsed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Manifest, RegistryClient } from '../registry/api.js'
import { saveBlob } from '../registry/blob-file.js'
import { blobCeilingMs, MAX_SBOM_BYTES, type RegistryBounds } from '../registry/bounds.js'
import { RegistryError } from '../registry/errors.js'
import { retry } from '../core/retry.js'
import { goBool } from '../core/go-bool.js'
import { messageOf } from '../core/text.js'
import type { Reporter } from '../log/reporter.js'
import { isIndex, type Descriptor } from '../registry/oci.js'
import { retrying } from './plan.js'

export const SPDX_PREDICATE = 'https://spdx.dev/Document'
const IN_TOTO = 'application/vnd.in-toto+json'
const REFERENCE_TYPE = 'vnd.docker.reference.type'
const REFERENCE_DIGEST = 'vnd.docker.reference.digest'
const PREDICATE_TYPE = 'in-toto.io/predicate-type'

interface Parsed {
  manifests?: Descriptor[]
  layers?: Descriptor[]
}

const parse = (body: Buffer, what: string): Parsed => {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown
    if (value && typeof value === 'object') return value as Parsed
  } catch {
    // reported below
  }
  throw new RegistryError(`${what} is not a JSON object`, 'fatal')
}

/**
 * Whether the build asked BuildKit for SBOM attestations (`sbom`, or an `attests` line of type sbom): only
 * then are the attestation manifests read, so that other builds cost no extra registry request.
 */
export function asksForSbom(inputs: { sbom: string; attests: string[] }): boolean {
  const sbom = inputs.sbom.trim()
  // buildx reads a bare value as a boolean (Go's words), anything else as the attestation's attributes.
  if (sbom !== '') return goBool(sbom) ?? true
  return inputs.attests.some(a => /(?:^|,)type=sbom(?:,|$)/.test(a) && !/(?:^|,)disabled=true(?:,|$)/.test(a))
}

/** File name for a platform: `linux/arm/v7` → `linux-arm-v7.spdx.json`. */
export const sbomFileName = (platform: string): string =>
  `${platform.replace(/[^A-Za-z0-9._-]+/g, '-')}.spdx.json`

/**
 * Each platform's SPDX statement of `index` (in `repo` on `client`), by platform as in platform-digests:
 * the in-toto layer of its attestation manifest, the first SPDX one. No SBOM attestations, none.
 */
export async function sbomLayers(
  client: RegistryClient,
  repo: string,
  index: Manifest,
  platformDigests: Record<string, string>
): Promise<Map<string, Descriptor>> {
  const out = new Map<string, Descriptor>()
  const entries = parse(index.body, `the index ${index.digest}`).manifests
  if (!Array.isArray(entries)) return out
  const platformOf = new Map(Object.entries(platformDigests).map(([p, d]) => [d, p]))
  for (const d of entries) {
    if (d.annotations?.[REFERENCE_TYPE] !== 'attestation-manifest') continue
    const platform = platformOf.get(d.annotations[REFERENCE_DIGEST] ?? '')
    if (!platform || out.has(platform)) continue
    const manifest = await client.getManifest(repo, d.digest)
    const layer = (parse(manifest.body, `the attestation manifest ${d.digest}`).layers ?? []).find(
      l => l.mediaType === IN_TOTO && l.annotations?.[PREDICATE_TYPE] === SPDX_PREDICATE
    )
    if (layer) out.set(platform, layer)
  }
  return out
}

export interface SbomDeps {
  /** Where the files go (RUNNER_TEMP); none are written without it. */
  tempRoot?: string
  reporter: Reporter
  bounds: RegistryBounds
  /** Attempts at streaming a statement (the `retries` input). */
  attempts: number
  sleep?: (ms: number) => Promise<void>
  /** The run's cancel: a failure after it is the cancel's, never a warning. */
  cancelled?: AbortSignal
}

/** The statement `layer` streamed to a file beside `file`, checked, and its predicate written as `file`. */
async function writeSbom(
  client: RegistryClient,
  repo: string,
  layer: Descriptor,
  platform: string,
  file: string,
  deps: SbomDeps
): Promise<void> {
  const what = `the SBOM statement ${layer.digest} for ${platform}`
  if (!Number.isSafeInteger(layer.size) || layer.size < 0 || layer.size > MAX_SBOM_BYTES)
    throw new RegistryError(
      `${what} in ${client.registry}/${repo} is ${layer.size} bytes, more than the ${MAX_SBOM_BYTES} read back (BuildKit writes at most 80 MiB)`,
      'fatal'
    )
  const saved = `${file}.statement`
  const ceilingMs = blobCeilingMs(deps.bounds, layer.size)
  // A stream cannot be replayed: a transient failure reads the statement again, from its start.
  await retry(
    () => saveBlob(client, repo, layer, saved, ceilingMs, `${client.registry}/${repo}: ${what}`),
    retrying(`reading ${what}`, deps.attempts, deps.reporter, deps.sleep)
  )
  const statement = parse(await readFile(saved), what) as { predicateType?: unknown; predicate?: unknown }
  await rm(saved)
  // The layer's annotation is the registry's word; the statement must say the same.
  if (
    statement.predicateType !== SPDX_PREDICATE ||
    !statement.predicate ||
    typeof statement.predicate !== 'object'
  )
    throw new RegistryError(`${what} is not an SPDX in-toto statement`, 'fatal')
  await writeFile(file, JSON.stringify(statement.predicate))
}

/**
 * The SBOM files of `manifest` as `repo` serves it, when it is an index that carries SBOM attestations:
 * platform → file, under a new directory in `tempRoot` (RUNNER_TEMP: outside the step's private
 * directory, so later steps of the job read them). Nothing to write, no directory; a failure leaves none.
 */
export async function sbomFiles(
  client: RegistryClient,
  repo: string,
  manifest: Manifest,
  platformDigests: Record<string, string>,
  tempRoot: string,
  deps: SbomDeps
): Promise<Record<string, string>> {
  if (!isIndex(manifest.mediaType)) return {}
  const layers = await sbomLayers(client, repo, manifest, platformDigests)
  if (!layers.size) return {}
  const dir = await mkdtemp(path.join(tempRoot, 'build-tag-push-sbom-'))
  const out: Record<string, string> = {}
  try {
    for (const [platform, layer] of layers) {
      const file = path.join(dir, sbomFileName(platform))
      await writeSbom(client, repo, layer, platform, file, deps)
      out[platform] = file
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
  return out
}

/**
 * The SBOM files of the verified digest, read from the first target; reported, as files later steps use.
 * The push is verified by then and the tags are written: SBOM files that cannot be read back are a
 * warning and empty outputs, not a failed step (build-push-action never reads them back). A cancel, or a
 * fault of our own, still fails.
 */
export async function sbomsOf(
  client: RegistryClient,
  repo: string,
  manifest: () => Promise<Manifest | undefined>,
  platformDigests: Record<string, string>,
  deps: SbomDeps
): Promise<Record<string, string>> {
  if (!deps.tempRoot) return {}
  let files: Record<string, string>
  try {
    const m = await manifest()
    files = m ? await sbomFiles(client, repo, m, platformDigests, deps.tempRoot, deps) : {}
  } catch (error) {
    const system = typeof (error as { code?: unknown })?.code === 'string'
    if (deps.cancelled?.aborted || !(error instanceof RegistryError || system)) throw error
    deps.reporter.warning(
      `SBOM files not written, so sbom-path is empty (the image is pushed and verified): ${messageOf(error)}`
    )
    return {}
  }
  for (const [platform, file] of Object.entries(files)) deps.reporter.info(`SBOM (${platform}): ${file}`)
  return files
}
