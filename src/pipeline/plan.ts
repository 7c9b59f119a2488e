// Phase 1: everything decided before docker runs: references, where the result goes, secret files.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildAnnotations } from './annotate.js'
import type { BuildPlan } from '../docker.js'
import { urlSecrets, valueSecrets } from '../secrets.js'
import type { Inputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { remotePath, repository } from '../reference.js'
import type { RetryOptions } from '../retry.js'
import { messageOf, splitKeyValue } from '../text.js'

export interface Plan {
  build: BuildPlan
  /** Bare tags, in order; the first is pushed by docker, the rest through the registry API. */
  tags: string[]
  /** registry/repository, e.g. `localhost:5000/my/app`. */
  repository: string
  /** The repository as the registry API names it (`library/x` on Docker Hub). */
  name: string
  buildx: boolean
  /** Push to the registry at all. */
  push: boolean
}

export async function makePlan(
  inputs: Inputs,
  opts: { workDir: string; buildx: boolean; labels?: string[]; defaultTags?: string[]; reporter: Reporter }
): Promise<Plan> {
  // A git URL's userinfo is a credential (x-access-token:…): masked before docker prints the URL.
  for (const secret of urlSecrets(inputs.context)) opts.reporter.setSecret(secret)
  const repo = repository(inputs.registry, inputs.image)
  const tags = inputs.tags.length ? inputs.tags : (opts.defaultTags ?? ['latest'])
  // Several platforms cannot be loaded into the classic image store: buildx pushes them itself.
  const multiPlatform = opts.buildx && inputs.platforms.length > 1
  return {
    tags,
    repository: repo,
    name: remotePath(inputs.registry, inputs.image),
    buildx: opts.buildx,
    push: inputs.push,
    build: {
      refs: tags.map(tag => `${repo}:${tag}`),
      iidfile: path.join(opts.workDir, 'iid'),
      labels: opts.labels ?? inputs.labels,
      annotations: opts.buildx ? buildAnnotations(inputs, opts.labels ?? inputs.labels, opts.reporter) : [],
      metadataFile: opts.buildx ? path.join(opts.workDir, 'metadata.json') : undefined,
      secretFiles: await secretFiles(inputs, opts.workDir, opts.reporter),
      output: multiPlatform ? (inputs.push ? 'push' : 'cache') : 'load'
    }
  }
}

/**
 * Every build secret as an id and a file for `--secret id=…,src=…`: `secrets` values and `secret-envs`
 * variables go to their own 0600 files in the private directory, never into argv; `secret-files` are used
 * where they are. Every value is masked first, line by line for multi-line ones.
 */
async function secretFiles(
  inputs: Pick<Inputs, 'secrets' | 'secretEnvs' | 'secretFiles'>,
  workDir: string,
  reporter: Reporter
): Promise<{ id: string; path: string }[]> {
  const written = [
    ...inputs.secrets.map(line => splitKeyValue(line)!),
    ...inputs.secretEnvs.map(line => {
      const { key, value } = splitKeyValue(line)!
      return { key, value: process.env[value] ?? '' }
    })
  ]
  const fromFiles = await Promise.all(
    inputs.secretFiles.map(async line => {
      const { key, value } = splitKeyValue(line)!
      const file = path.resolve(value)
      const content = await readFile(file, 'utf8')
      // A large file is not a password; masking megabytes line by line would only slow the log.
      if (content.length <= MAX_MASKED_FILE) maskValue(content, reporter)
      return { id: key, path: file }
    })
  )
  if (!written.length) return fromFiles
  const dir = path.join(workDir, 'secrets')
  await mkdir(dir, { mode: 0o700 })
  const own = await Promise.all(
    written.map(async ({ key, value }, i) => {
      maskValue(value, reporter)
      const file = path.join(dir, String(i))
      await writeFile(file, value, { mode: 0o600 })
      return { id: key, path: file }
    })
  )
  return [...own, ...fromFiles]
}

const MAX_MASKED_FILE = 64 * 1024

function maskValue(value: string, reporter: Reporter): void {
  for (const secret of valueSecrets(value)) reporter.setSecret(secret)
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
