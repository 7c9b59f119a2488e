// Manifests read from a source registry, which we do not control: fetched, checked against the descriptor
// that led to them (digest in its own algorithm, size), and parsed with every descriptor validated, before
// any of it is used, an index's entries counted. Every failure names the source reference it came from.
import type { Manifest, RegistryClient } from '../../registry/api.js'
import { MAX_BLOB_BYTES, MAX_INDEX_ENTRIES, MAX_LAYERS } from '../../registry/bounds.js'
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
  const problem = boundsProblem(parsed)
  if (problem) fail(problem)
  return { ...manifest, parsed, label: name }
}

/** What makes a manifest of a source more than a copy reads: the bounds no real image reaches. */
export function boundsProblem(parsed: ParsedManifest): string | undefined {
  if (parsed.kind === 'index')
    return parsed.manifests.length > MAX_INDEX_ENTRIES
      ? `the index lists ${parsed.manifests.length} manifests, more than the ${MAX_INDEX_ENTRIES} a copy reads (tools write one per platform and attestation)`
      : undefined
  if (parsed.layers.length > MAX_LAYERS)
    return `the manifest lists ${parsed.layers.length} layers, more than the ${MAX_LAYERS} a copy reads (docker runs at most 127)`
  const huge = [parsed.config, ...parsed.layers].find(d => d.size > MAX_BLOB_BYTES)
  return huge
    ? `blob ${huge.digest} declares ${huge.size} bytes, more than the ${MAX_BLOB_BYTES} (64 GiB) a copy moves`
    : undefined
}
