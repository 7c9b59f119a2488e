// SBOM files: BuildKit puts each platform's SBOM inside the pushed index, as an in-toto statement in that
// platform's attestation manifest; actions/attest and scanners want a file. Each platform's SPDX document
// is written as the registry serves it (the statement's predicate), from the registry, after verification.
import { mkdtemp, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Manifest, RegistryClient } from '../registry/api.js'
import { getSmallBlob } from '../registry/blobs.js'
import { RegistryError } from '../registry/errors.js'
import type { Reporter } from '../log/reporter.js'
import { isIndex, type Descriptor } from '../registry/oci.js'

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
  const sbom = inputs.sbom.trim().toLowerCase()
  if (sbom !== '' && sbom !== 'false') return true
  return inputs.attests.some(a => /(?:^|,)type=sbom(?:,|$)/.test(a) && !/(?:^|,)disabled=true(?:,|$)/.test(a))
}

/** File name for a platform: `linux/arm/v7` → `linux-arm-v7.spdx.json`. */
export const sbomFileName = (platform: string): string =>
  `${platform.replace(/[^A-Za-z0-9._-]+/g, '-')}.spdx.json`

/**
 * Each platform's SPDX predicate of `index` (in `repo` on `client`), by platform as in platform-digests.
 * The first SPDX statement of a platform is its SBOM; an index without SBOM attestations gives {}.
 */
export async function readSboms(
  client: RegistryClient,
  repo: string,
  index: Manifest,
  platformDigests: Record<string, string>
): Promise<Record<string, unknown>> {
  const entries = parse(index.body, `the index ${index.digest}`).manifests
  if (!Array.isArray(entries)) return {}
  const platformOf = new Map(Object.entries(platformDigests).map(([p, d]) => [d, p]))
  const out: Record<string, unknown> = {}
  for (const d of entries) {
    if (d.annotations?.[REFERENCE_TYPE] !== 'attestation-manifest') continue
    const platform = platformOf.get(d.annotations[REFERENCE_DIGEST] ?? '')
    if (!platform || platform in out) continue
    const manifest = await client.getManifest(repo, d.digest)
    const layer = (parse(manifest.body, `the attestation manifest ${d.digest}`).layers ?? []).find(
      l => l.mediaType === IN_TOTO && l.annotations?.[PREDICATE_TYPE] === SPDX_PREDICATE
    )
    if (!layer) continue
    const statement = parse(
      await getSmallBlob(client, repo, layer.digest),
      `the SBOM statement ${layer.digest}`
    ) as { predicateType?: unknown; predicate?: unknown }
    // The layer's annotation is the registry's word; the statement must say the same.
    if (
      statement.predicateType !== SPDX_PREDICATE ||
      !statement.predicate ||
      typeof statement.predicate !== 'object'
    )
      throw new RegistryError(
        `the SBOM statement ${layer.digest} for ${platform} is not an SPDX in-toto statement`,
        'fatal'
      )
    out[platform] = statement.predicate
  }
  return out
}

/**
 * Writes each SBOM under a new directory in `tempRoot` (RUNNER_TEMP: outside the step's private directory,
 * so later steps of the job read them); platform → path. Nothing to write, no directory.
 */
export async function writeSboms(
  sboms: Record<string, unknown>,
  tempRoot: string
): Promise<Record<string, string>> {
  const platforms = Object.keys(sboms)
  if (!platforms.length) return {}
  const dir = await mkdtemp(path.join(tempRoot, 'build-tag-push-sbom-'))
  const out: Record<string, string> = {}
  for (const platform of platforms) {
    const file = path.join(dir, sbomFileName(platform))
    await writeFile(file, JSON.stringify(sboms[platform]))
    out[platform] = file
  }
  return out
}

/** The SBOM files of what `repo` serves as `digest`, when it is an index that carries SBOM attestations. */
export async function sbomFiles(
  client: RegistryClient,
  repo: string,
  manifest: Manifest,
  platformDigests: Record<string, string>,
  tempRoot: string
): Promise<Record<string, string>> {
  if (!isIndex(manifest.mediaType)) return {}
  return writeSboms(await readSboms(client, repo, manifest, platformDigests), tempRoot)
}

/** The SBOM files of the verified digest, read from the first target; reported, as files later steps use. */
export async function sbomsOf(
  client: RegistryClient,
  repo: string,
  manifest: Manifest | undefined,
  platformDigests: Record<string, string>,
  deps: { tempRoot?: string; reporter: Pick<Reporter, 'info'> }
): Promise<Record<string, string>> {
  if (!deps.tempRoot || !manifest) return {}
  const files = await sbomFiles(client, repo, manifest, platformDigests, deps.tempRoot)
  for (const [platform, file] of Object.entries(files)) deps.reporter.info(`SBOM (${platform}): ${file}`)
  return files
}
