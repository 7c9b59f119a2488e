// How long registry work may take, and how much of a registry's answer is read (tags, index entries): the defaults, their
// overrides from the environment (the tests shrink them), and what they add up to for a blob copy.
import { envMs, grownMs } from '../core/bounds.js'
import { worstRetryMs } from '../core/retry.js'

/** Per request (connect through the end of the answer); also the idle bound of a blob stream. */
export const REQUEST_TIMEOUT_MS = 10_000
/**
 * A blob stream between registries ends after max(this, its size at 1 MiB/s), however steadily it
 * trickles: the idle bound alone lets a source that sends a byte every few seconds run for hours.
 */
export const BLOB_MIN_MS = 60_000
/** No new attempt at copying a blob starts more than this after its first. */
export const COPY_RETRY_WINDOW_MS = 90_000
/** Tags read from one repository for a glob before giving up; the matching ones are all that is kept. */
export const MAX_TAGS_READ = 100_000

/**
 * Entries of one index read from a source registry (or merged from sources). Registries cap a manifest at
 * 4 MiB (distribution, containers/image), room for some 25 000 minimal descriptors, so their limit is no
 * guide; what tools write is: buildx and docker list one manifest per platform plus one attestation
 * manifest each, a few dozen at the most. Each entry costs a manifest read and a request per blob, so a
 * longer index is refused, naming the source, before anything is written.
 */
export const MAX_INDEX_ENTRIES = 1000
/**
 * Manifests a run copies in all, each digest once, and those found below one source (or the referrers of
 * one) before anything is written. The bound of one index multiplies through nested indexes (1000^4 at
 * four levels), so the total has its own: an index's worth twice over, where a real image lists a few dozen.
 */
export const MAX_MANIFESTS = 2 * MAX_INDEX_ENTRIES
/**
 * Layers of one image manifest read from a source: docker runs at most 127 (overlay's mount arguments),
 * the kernel stacks some 500, and images meant to be stored rather than run (source containers) have a few
 * hundred. A manifest of 16 MiB holds some 100 000 descriptors, each a request or more.
 */
export const MAX_LAYERS = 1000
/** Distinct blobs a run copies in all: 1000 manifests of 127 layers each would still be 127 000 requests. */
export const MAX_BLOBS = 20_000
/**
 * The largest blob a source may declare: a blob's ceiling grows with its declared size (at 1 MiB/s), so a
 * size of 2^50 would bound nothing. The largest layers registries take are ECR's 52 000 MiB (Docker Hub and
 * GHCR take 10 GB).
 */
export const MAX_BLOB_BYTES = 64 * 1024 * 1024 * 1024
/**
 * One listing of tags, every page: a page is one request, but a registry that pages in tens (or links on
 * with empty pages) could hold a glob for hours across MAX_PAGES of them.
 */
export const LIST_MS = 10 * 60_000

/**
 * An SBOM statement read back to be written as a file, at most: it is parsed whole. BuildKit accepts
 * attestations of up to 40 MiB (0.32) or 80 MiB (0.33); real SBOMs reach 55 MB.
 */
export const MAX_SBOM_BYTES = 256 * 1024 * 1024

/** Blobs a copy moves at once: as many layers as docker pushes at once by default. */
export const PARALLEL_BLOBS = 5
/**
 * Connections for blob streams to one registry (a client's pool of its own): a blob copied within one
 * registry holds two, its source's GET and its target's PUT, so that none of them ever waits for one.
 */
export const STREAM_SOCKETS = 2 * PARALLEL_BLOBS

export interface RegistryBounds {
  requestMs: number
  blobMinMs: number
  copyWindowMs: number
  maxTagsRead: number
}

/**
 * The bounds, each overridable by a positive integer in BTP_REQUEST_TIMEOUT_MS, BTP_COPY_MIN_MS,
 * BTP_COPY_RETRY_WINDOW_MS and BTP_MAX_TAGS_READ.
 */
export function registryBoundsFrom(env: NodeJS.ProcessEnv): RegistryBounds {
  return {
    requestMs: envMs(env, 'BTP_REQUEST_TIMEOUT_MS', REQUEST_TIMEOUT_MS),
    blobMinMs: envMs(env, 'BTP_COPY_MIN_MS', BLOB_MIN_MS),
    copyWindowMs: envMs(env, 'BTP_COPY_RETRY_WINDOW_MS', COPY_RETRY_WINDOW_MS),
    maxTagsRead: envMs(env, 'BTP_MAX_TAGS_READ', MAX_TAGS_READ)
  }
}

/** The ceiling of one blob stream (source GET through target PUT) of `size` bytes. */
export const blobCeilingMs = (bounds: RegistryBounds, size: number): number => grownMs(bounds.blobMinMs, size)

/**
 * The longest the copy of one blob of `size` bytes can run with `attempts` (the `retries` input) when its
 * source drips or stalls: the target's HEAD (one request with its retries), then attempts, each an upload
 * session (one request with its retries) and the stream up to its ceiling, none starting after the window.
 */
export function copyWorstMs(bounds: RegistryBounds, size: number, attempts: number): number {
  const request = worstRetryMs(bounds.requestMs, { attempts })
  const attempt = request + blobCeilingMs(bounds, size)
  return request + worstRetryMs(attempt, { attempts, maxElapsedMs: bounds.copyWindowMs })
}
