// Phase 1: everything decided before docker runs: references, where the result goes, secret files.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { BuildPlan } from '../docker.js'
import type { Inputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { repository } from '../reference.js'
import type { RetryOptions } from '../retry.js'
import { messageOf, splitKeyValue } from '../text.js'

export interface Plan {
  build: BuildPlan
  /** Bare tags, in order; the first is pushed by docker, the rest through the registry API. */
  tags: string[]
  /** registry/repository, e.g. `localhost:5000/my/app`. */
  repository: string
  buildx: boolean
  /** Push to the registry at all. */
  push: boolean
}

export async function makePlan(
  inputs: Inputs,
  opts: { workDir: string; buildx: boolean; labels?: string[]; defaultTags?: string[]; reporter: Reporter }
): Promise<Plan> {
  const repo = repository(inputs.registry, inputs.image)
  const tags = inputs.tags.length ? inputs.tags : (opts.defaultTags ?? ['latest'])
  // Several platforms cannot be loaded into the classic image store: buildx pushes them itself.
  const multiPlatform = opts.buildx && inputs.platforms.length > 1
  return {
    tags,
    repository: repo,
    buildx: opts.buildx,
    push: inputs.push,
    build: {
      refs: tags.map(tag => `${repo}:${tag}`),
      iidfile: path.join(opts.workDir, 'iid'),
      labels: opts.labels ?? inputs.labels,
      metadataFile: opts.buildx ? path.join(opts.workDir, 'metadata.json') : undefined,
      secretFiles: await writeSecrets(inputs.secrets, opts.workDir, opts.reporter),
      output: multiPlatform ? (inputs.push ? 'push' : 'cache') : 'load'
    }
  }
}

/** Each secret value goes to its own 0600 file in the private directory, never into argv or the log. */
async function writeSecrets(
  secrets: string[],
  workDir: string,
  reporter: Reporter
): Promise<{ id: string; path: string }[]> {
  if (!secrets.length) return []
  const dir = path.join(workDir, 'secrets')
  await mkdir(dir, { mode: 0o700 })
  return Promise.all(
    secrets.map(async (line, i) => {
      const { key, value } = splitKeyValue(line)!
      reporter.setSecret(value)
      const file = path.join(dir, String(i))
      await writeFile(file, value, { mode: 0o600 })
      return { id: key, path: file }
    })
  )
}

/** Retry options that tell the user about each retry. */
export const retrying = (
  what: string,
  attempts: number,
  reporter: Reporter,
  sleep?: (ms: number) => Promise<void>
): RetryOptions => ({
  attempts,
  sleep,
  onRetry: info =>
    reporter.warning(
      `${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${messageOf(info.error)}`
    )
})
