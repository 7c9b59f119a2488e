// A blob of a registry saved to a file (an SBOM statement, tens of MB): streamed as a copy streams it,
// never buffered whole nor cut by a request's deadline, checked against its descriptor and bounded alike.
import { createWriteStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import type { RegistryClient } from './api.js'
import { openBlob, withCeiling, type BlobRef } from './blobs.js'

/**
 * Writes the blob `repo` on `client` serves as `blob` to `file`, resolving once all of it is there with
 * the descriptor's length and digest; the stream is read under the client's idle bound and ends after
 * `ceilingMs`. On a failure the file may hold part of it: the caller removes it. Not retried here.
 */
export function saveBlob(
  client: RegistryClient,
  repo: string,
  blob: BlobRef,
  file: string,
  ceilingMs: number,
  /** What the blob is called in errors. */
  label: string
): Promise<number> {
  return withCeiling(blob, `${client.registry}/${repo}`, file, ceilingMs, async signal => {
    const checked = await openBlob(client, repo, blob, signal, label)
    await pipeline(checked, createWriteStream(file, { mode: 0o644 }), { signal })
    return checked.bytes
  })
}
