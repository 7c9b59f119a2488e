// What a push left in the registry, for a build whose image is not in the local store to inspect: buildx
// pushed it straight from BuildKit. The sizes and platforms come from the served manifests.
import type { Manifest, RegistryClient } from '../registry/api.js'
import { isAttestation, platformString } from '../registry/oci.js'

interface ImageManifest {
  config?: { size?: number }
  layers?: { size?: number }[]
  manifests?: {
    digest?: string
    platform?: { os?: string; architecture?: string; variant?: string }
    annotations?: Record<string, string>
  }[]
}

export interface Described {
  /** Bytes the registry stores for the image: config and (compressed) layers of every platform. */
  size: number
  /** os/arch[/variant] of a single-platform manifest (an index names its platforms itself). */
  platform?: string
}

const parse = (m: Manifest): ImageManifest => {
  try {
    return JSON.parse(m.body.toString('utf8')) as ImageManifest
  } catch {
    return {}
  }
}

/** A descriptor's size where it is a byte count; anything else counts as none. */
const bytes = (size: unknown): number =>
  Number.isSafeInteger(size) && (size as number) > 0 ? (size as number) : 0

/** config + layers of one image manifest. */
export const manifestSize = (m: ImageManifest): number =>
  bytes(m.config?.size) +
  (Array.isArray(m.layers) ? m.layers : []).reduce((sum, l) => sum + bytes(l?.size), 0)

/** The platform buildx wrote in its metadata's descriptor, as os/arch[/variant]. */
export function descriptorPlatform(metadata: Record<string, unknown>): string | undefined {
  const p = (metadata['containerimage.descriptor'] as { platform?: Record<string, string> } | undefined)
    ?.platform
  return p?.os && p.architecture ? platformString(p) : undefined
}

export async function describePushed(
  client: RegistryClient,
  name: string,
  manifest: Manifest,
  metadata: Record<string, unknown>
): Promise<Described> {
  const parsed = parse(manifest)
  if (!Array.isArray(parsed.manifests))
    return { size: manifestSize(parsed), platform: descriptorPlatform(metadata) }
  // Attestation manifests are not the image; each platform's manifest is fetched by digest (checked).
  const images = parsed.manifests.filter(d => d.digest && !isAttestation(d))
  const children = await Promise.all(images.map(d => client.getManifest(name, d.digest!)))
  return { size: children.reduce((sum, child) => sum + manifestSize(parse(child)), 0) }
}
