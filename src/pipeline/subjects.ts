// The names under which later steps find the digest: actions/attest's `subject-name`, and the runner's
// artifact declarations (GITHUB_ARTIFACTS) that attest reads when no subject is given.
import { appendFile, readFile } from 'node:fs/promises'
import type { ImageName } from '../inputs/images.js'
import { isDockerHub, remotePath } from '../core/reference.js'

/**
 * Docker Hub's registry API host. `docker.io` is only a name: attest's registry client (@sigstore/oci)
 * sends its requests to the host in the subject name and matches the docker config's `auths` key
 * (`https://index.docker.io/v1/`) by that host, so Docker Hub subjects are named with it.
 */
export const HUB_API_HOST = 'index.docker.io'

/** The fully qualified repository, lowercase and without a tag, as attest's `subject-name` wants it. */
export function subjectName(target: ImageName): string {
  const host = isDockerHub(target.registry) ? HUB_API_HOST : target.registry
  return `${host}/${remotePath(target.registry, target.image)}`.toLowerCase()
}

/** Every target's subject name, in the order of the targets, each once. */
export const subjectNames = (targets: ImageName[]): string[] => [...new Set(targets.map(subjectName))]

/** One `oci://<name>@<digest>` line per pushed image; none when nothing was pushed. */
export const artifactLines = (names: string[], digest: string): string[] =>
  digest ? names.map(name => `oci://${name}@${digest}`) : []

/**
 * Appends `lines` to the runner's GITHUB_ARTIFACTS file, after what earlier writers left in it (on a line
 * of its own even when they left no newline). Nothing without a file or without lines.
 */
export async function declareArtifacts(file: string | undefined, lines: string[]): Promise<void> {
  if (!file || !lines.length) return
  const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  const separator = before && !before.endsWith('\n') ? '\n' : ''
  await appendFile(file, `${separator}${lines.join('\n')}\n`)
}

/** The run's declarations, when `declare-artifacts` is on and the runner offers the file. */
export async function declarePushed(
  inputs: { declareArtifacts: boolean; targets: ImageName[] },
  digest: string,
  env: NodeJS.ProcessEnv = process.env
): Promise<string[]> {
  if (!inputs.declareArtifacts || !env.GITHUB_ARTIFACTS) return []
  const lines = artifactLines(subjectNames(inputs.targets), digest)
  await declareArtifacts(env.GITHUB_ARTIFACTS, lines)
  return lines
}
