// The job itself: build → tag → push → verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call runPipeline.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { gitDefaults } from './context.js'
import { credentialsFromDockerConfig, dockerConfigDir } from './credentials.js'
import { createPrivateConfig } from './docker-config.js'
import { buildArgs, createExecRunner, Docker, pushedDigests } from './docker.js'
import type { Inputs } from './inputs.js'
import { isDockerHub, remotePath, repository } from './reference.js'
import { RegistryClient, type CredentialLookup, type Manifest } from './registry.js'
import type { Reporter } from './reporter.js'
import { timed } from './reporter.js'
import { retry } from './retry.js'

export interface Result {
  /** sha256 digest the registry serves for every pushed tag; '' when nothing was pushed. */
  digest: string
  /** registry/repository@digest; '' when nothing was pushed. */
  imageRef: string
  imageid: string
  /** Full references pushed (or only tagged when push is false). */
  tags: string[]
  size: number
  durations: Record<string, number>
}

export interface Deps {
  docker: Docker
  reporter: Reporter
  /** A private directory for iidfiles and similar; the caller removes it. */
  workDir: string
  credentials?: CredentialLookup
  /** Labels computed from the git context (merged with the user's labels already). */
  labels?: string[]
  /** Tags to use when the `tags` input is empty. */
  defaultTags?: string[]
  sleep?: (ms: number) => Promise<void>
}

export class VerificationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'VerificationError'
  }
}

export interface ExecuteOptions {
  reporter: Reporter
  /** Parent of the run's private directory: RUNNER_TEMP in Actions, the OS temp dir elsewhere. */
  tempRoot: string
  /** Where docker's own output goes. */
  out: NodeJS.WritableStream
  env?: NodeJS.ProcessEnv
  /** Told the private directory as soon as it exists, so a post step can remove it after a crash. */
  onWorkDir?: (dir: string) => void
}

/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
export async function execute(inputs: Inputs, opts: ExecuteOptions): Promise<Result> {
  const env = opts.env ?? process.env
  const workDir = await mkdtemp(path.join(opts.tempRoot, 'build-tag-push-'))
  opts.onWorkDir?.(workDir)
  try {
    const configDir = path.join(workDir, 'docker-config')
    await createPrivateConfig(configDir, dockerConfigDir(env), inputs.username ? inputs.registry : undefined)
    const defaults = gitDefaults(inputs, env)
    return await runPipeline(inputs, {
      docker: new Docker(createExecRunner(opts.out), { ...env, DOCKER_CONFIG: configDir }),
      reporter: opts.reporter,
      workDir,
      credentials: credentialsFromDockerConfig(configDir),
      labels: defaults.labels,
      defaultTags: defaults.tags
    })
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

export async function runPipeline(inputs: Inputs, deps: Deps): Promise<Result> {
  const { docker, reporter } = deps
  const durations: Record<string, number> = {}
  const repo = repository(inputs.registry, inputs.image)
  const tags = inputs.tags.length ? inputs.tags : (deps.defaultTags ?? ['latest'])
  const refs = tags.map(tag => `${repo}:${tag}`)
  const iidfile = path.join(deps.workDir, 'iid')

  const onRetry =
    (what: string) => (info: { attempt: number; attempts: number; delayMs: number; error: unknown }) =>
      reporter.warning(
        `${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${
          info.error instanceof Error ? info.error.message : String(info.error)
        }`
      )

  if (inputs.username) {
    await timed(durations, 'login', () =>
      retry(() => docker.login(loginHost(inputs.registry), inputs.username, inputs.password), {
        attempts: inputs.retries,
        onRetry: onRetry(`login to ${inputs.registry}`),
        sleep: deps.sleep
      })
    )
    reporter.info(`Logged in to ${inputs.registry} as ${inputs.username}`)
  }

  await reporter.group('Build', () =>
    timed(durations, 'build', () =>
      docker.build(buildArgs(inputs, { refs, iidfile, labels: deps.labels ?? inputs.labels }))
    )
  )
  const imageid = (await readFile(iidfile, 'utf8')).trim()
  reporter.info(`Built ${imageid}, tagged ${refs.join(', ')}`)

  if (!inputs.push) {
    const { size } = await docker.inspect(imageid)
    return { digest: '', imageRef: '', imageid, tags: refs, size, durations }
  }

  await reporter.group('Push', () =>
    timed(durations, 'push', async () => {
      for (const ref of refs)
        await retry(() => docker.push(ref), {
          attempts: inputs.retries,
          onRetry: onRetry(`push of ${ref}`),
          sleep: deps.sleep
        })
    })
  )
  const info = await docker.inspect(imageid)
  const pushed = pushedDigests(info.repoDigests, repo)

  const digest = await reporter.group('Verify', () =>
    timed(durations, 'verify', () => verify(inputs, tags, pushed, imageid, deps))
  )
  reporter.info(`Verified: ${tags.length} tag(s) on ${inputs.registry} serve ${digest}`)
  return { digest, imageRef: `${repo}@${digest}`, imageid, tags: refs, size: info.size, durations }
}

/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
export const loginHost = (registry: string): string | undefined =>
  isDockerHub(registry) ? undefined : registry

/**
 * Asks the registry what each tag serves, hashes the bodies ourselves, and insists that every tag serves
 * one manifest, and that it is the one docker pushed.
 */
export async function verify(
  inputs: Inputs,
  tags: string[],
  pushed: string[],
  imageid: string,
  deps: Pick<Deps, 'credentials' | 'reporter' | 'sleep'>
): Promise<string> {
  const client = new RegistryClient({
    registry: inputs.registry,
    credentials: deps.credentials,
    attempts: inputs.retries,
    onRetry: message => deps.reporter.warning(`verification: ${message}`),
    sleep: deps.sleep
  })
  try {
    const name = remotePath(inputs.registry, inputs.image)
    const manifests = await Promise.all(tags.map(tag => client.getManifest(name, tag)))
    return checkManifests(tags, manifests, pushed, imageid, deps.reporter)
  } finally {
    client.close()
  }
}

/** The verification rules, separated from I/O so they can be table-tested. */
export function checkManifests(
  tags: string[],
  manifests: Manifest[],
  pushed: string[],
  imageid: string,
  reporter?: Pick<Reporter, 'warning'>
): string {
  manifests.forEach((m, i) => {
    if (m.headerDigest && m.headerDigest !== m.digest)
      reporter?.warning(
        `the registry's Docker-Content-Digest for tag ${tags[i]} (${m.headerDigest}) does not match its content (${m.digest}); using the content digest`
      )
  })
  const distinct = [...new Set(manifests.map(m => m.digest))]
  if (distinct.length > 1)
    throw new VerificationError(
      `tags resolve to different manifests: ${tags.map((t, i) => `${t} → ${manifests[i].digest}`).join(', ')}; another push may have moved a tag`
    )
  const [digest] = distinct
  if (pushed.length > 0) {
    if (!pushed.includes(digest))
      throw new VerificationError(
        `tag ${tags[0]} serves ${digest}, but docker pushed ${pushed.join(' or ')}; another push moved the tag, or the registry serves other content`
      )
    return digest
  }
  // No RepoDigests recorded: accept only a manifest that provably describes our image.
  if (digest === imageid || configDigest(manifests[0]) === imageid) return digest
  throw new VerificationError(
    `tag ${tags[0]} serves ${digest}, which is not the image just built (${imageid})`
  )
}

function configDigest(manifest: Manifest): string | undefined {
  try {
    return (JSON.parse(manifest.body.toString('utf8')) as { config?: { digest?: string } }).config?.digest
  } catch {
    return undefined
  }
}
