// Manifests read from a source registry, which we do not control: fetched, checked against the descriptor
// that led to them (digest in its own algorithm, size), and parsed with every descriptor validated, before
// any of it is used, an index's entries counted. Every failure names the source reference it came from.
import type { Manifest, RegistryClient } from '../../registry/api.js'
import { MAX_INDEX_ENTRIES } from '../../registry/bounds.js'
import { RegistryError } from '../../registry/errors.js'
import { OciError, parseManifest, type Descriptor, type ParsedManifest } from '../../registry/oci.js'

/** A repository on a registry, with the client that speaks to that registry. */
export interface Side {
  client: RegistryClient
  name: string
}

export interface SourceManifest extends Manifest {
  parsed: ParsedManifest
  /** What the source is called in errors: the line as written, or registry/name@digest. */
  label: string
}

/** `from`'s manifest at `reference` (a tag, or the descriptor that names it), checked and parsed. */
export async function readSource(
  from: Side,
  reference: string | Descriptor,
  label?: string
): Promise<SourceManifest> {
  const ref = typeof reference === 'string' ? reference : reference.digest
  const name = label ?? `${from.client.registry}/${from.name}${ref.includes(':') ? '@' : ':'}${ref}`
  const fail = (message: string): never => {
    throw new RegistryError(`source ${name}: ${message}`, 'fatal')
  }
  let manifest: Manifest
  try {
    manifest = await from.client.getManifest(from.name, ref)
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error
    throw new RegistryError(`source ${name}: ${error.message}`, error.kind, {
      status: error.status,
      code: error.code
    })
  }
  if (typeof reference !== 'string' && manifest.body.length !== reference.size)
    fail(`the manifest has ${manifest.body.length} bytes, but its descriptor's size is ${reference.size}`)
  let parsed: ParsedManifest
  try {
    parsed = parseManifest(manifest.body, manifest.mediaType)
  } catch (error) {
    if (error instanceof OciError) return fail(error.message)
    throw error
  }
  if (parsed.kind === 'index' && parsed.manifests.length > MAX_INDEX_ENTRIES)
    fail(
      `the index lists ${parsed.manifests.length} manifests, more than the ${MAX_INDEX_ENTRIES} a copy reads (tools write one per platform and attestation)`
    )
  return { ...manifest, parsed, label: name }
}
