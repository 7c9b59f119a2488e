// The job itself: plan → build → push → verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call execute().
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import path from 'node:path'
import { gitDefaults, loadGitContext } from '../context.js'
import { credentialsFromDockerConfig, dockerConfigDir } from '../credentials.js'
import { createPrivateConfig } from '../docker-config.js'
import { createExecRunner, Docker, dockerTreatsAsInsecure, hasBuildxPlugin } from '../docker.js'
import { checkBuilder, type Inputs } from '../inputs.js'
import { RegistryClient } from '../registry/api.js'
import type { CredentialLookup } from '../registry/auth.js'
import type { Fence } from '../fence.js'
import type { Reporter } from '../reporter.js'
import { timed } from '../reporter.js'
import { retry } from '../retry.js'
import { build, inspectBuilt } from './build.js'
import { loginHost, withHint } from './hints.js'
import { makePlan, retrying } from './plan.js'
import { push } from './push.js'
import { resultOf, type Result } from './result.js'
import { checkManifests } from './verify.js'
import type { Moved } from './copy.js'
import { fromSources } from './sources.js'

export type { Result } from './result.js'
export { PUSH_RETRY_WINDOW_MS } from './push.js'

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
  /** Build with `docker buildx build` (detected once per run). */
  buildx?: boolean
  sleep?: (ms: number) => Promise<void>
}

export interface ExecuteOptions {
  reporter: Reporter
  /** Parent of the run's private directory: RUNNER_TEMP in Actions, the OS temp dir elsewhere. */
  tempRoot: string
  /** Where docker's own output goes: a fence in the action (see fence.ts), stderr in the CLI. */
  out: Fence | NodeJS.WritableStream
  env?: NodeJS.ProcessEnv
  /** Told the private directory as soon as it exists, so a post step can remove it after a crash. */
  onWorkDir?: (dir: string) => void
}

/** Per-request deadline: with the default 3 attempts an unreachable registry fails well within a minute. */
export const REQUEST_TIMEOUT_MS = 10_000

/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
export async function execute(inputs: Inputs, opts: ExecuteOptions): Promise<Result> {
  const env = opts.env ?? process.env
  const userConfigDir = dockerConfigDir(env)
  // buildx is found as docker finds plugins, before anything is created: a buildx-only input without it is
  // an input error.
  const buildx = hasBuildxPlugin(userConfigDir, env)
  checkBuilder(inputs, buildx)
  const workDir = await mkdtemp(path.join(opts.tempRoot, 'build-tag-push-'))
  opts.onWorkDir?.(workDir)
  try {
    const configDir = path.join(workDir, 'docker-config')
    // docker's own temporary files (a git context's clone, with its URL in .git/config) go with ours.
    const tmp = path.join(workDir, 'tmp')
    const [defaults] = await Promise.all([
      loadGitContext(m => opts.reporter.warning(m), env).then(ctx => gitDefaults(inputs, ctx)),
      createPrivateConfig(configDir, userConfigDir, inputs.username ? inputs.registry : undefined),
      mkdir(tmp, { mode: 0o700 })
    ])
    opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`)
    opts.reporter.debug(
      `tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`
    )
    return await runPipeline(inputs, {
      docker: new Docker(createExecRunner(opts.out), { ...env, DOCKER_CONFIG: configDir, TMPDIR: tmp }),
      reporter: opts.reporter,
      workDir,
      credentials: credentialsFromDockerConfig(configDir),
      labels: defaults.labels,
      defaultTags: defaults.tags,
      buildx
    })
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

export async function runPipeline(inputs: Inputs, deps: Deps): Promise<Result> {
  // One client for the run: the reachability check and verification share its connections and tokens.
  const client = inputs.push ? registryClient(inputs, deps) : undefined
  // Source registries other than the target's (sources only): one client per host, closed with the run.
  const others = new Map<string, RegistryClient>()
  const clientFor = (registry: string): RegistryClient => {
    if (client && registry === inputs.registry) return client
    let c = others.get(registry)
    if (!c) others.set(registry, (c = registryClient(inputs, deps, registry)))
    return c
  }
  try {
    const verification = { requests: 0 }
    const { moved, ...result } = await phases(inputs, deps, client, verification, clientFor)
    const counts = {
      docker: deps.docker.calls,
      registry: [...others.values()].reduce((n, c) => n + c.requestCount, client?.requestCount ?? 0),
      verification: verification.requests,
      ...moved
    }
    deps.reporter.debug(
      `docker processes: ${counts.docker}, registry requests: ${counts.registry} (verification: ${counts.verification})`
    )
    return { ...result, counts }
  } finally {
    client?.close()
    for (const c of others.values()) c.close()
  }
}

function registryClient(inputs: Inputs, deps: Deps, registry = inputs.registry): RegistryClient {
  return new RegistryClient({
    registry,
    credentials: deps.credentials,
    attempts: inputs.retries,
    timeoutMs: REQUEST_TIMEOUT_MS,
    onRetry: message => deps.reporter.warning(`registry ${registry}: ${message}`),
    // Every token and credential the client obtains is masked before it is used.
    onSecret: value => deps.reporter.setSecret(value),
    sleep: deps.sleep,
    insecure: async () => {
      const insecure = await dockerTreatsAsInsecure(deps.docker, registry)
      if (insecure)
        deps.reporter.info(
          `${registry} is an insecure registry for this docker engine: verifying without TLS checks, as docker pushes`
        )
      return insecure
    }
  })
}

async function phases(
  inputs: Inputs,
  deps: Deps,
  client: RegistryClient | undefined,
  /** Told how many registry requests the verification made (the benchmark reports it). */
  verification: { requests: number },
  clientFor: (registry: string) => RegistryClient
): Promise<Omit<Result, 'counts'> & { moved?: Moved }> {
  const { docker, reporter } = deps
  const durations: Record<string, number> = {}
  const plan = await makePlan(inputs, { ...deps, buildx: deps.buildx ?? false })
  const builder = plan.buildx ? 'buildx' : 'classic'

  // Before the build: an unreachable registry, or one that would refuse the push, should cost seconds, not
  // a build. The login comes first, so that the check sees the credentials it stored.
  if (inputs.username) {
    await timed(durations, 'login', () =>
      retry(
        () => docker.login(loginHost(inputs.registry), inputs.username, inputs.password),
        retrying(`login to ${inputs.registry}`, inputs.retries, reporter, deps.sleep)
      ).catch(withHint(inputs))
    )
    reporter.info(`Logged in to ${inputs.registry} as ${inputs.username}`)
  }
  if (client)
    await timed(durations, 'preflight', () => client.checkPushAccess(plan.name).catch(withHint(inputs)))

  // Images already in a registry: resolved, copied or merged, and verified; nothing is built.
  if (inputs.sources.length && client) {
    return fromSources(inputs, plan, { reporter, clientFor, sleep: deps.sleep, durations, verification })
  }

  const built = await reporter.group('Build', () =>
    timed(durations, 'build', () => build(inputs, plan, deps))
  )
  const outcome = { refs: plan.build.refs, builder, durations, iid: built.iid }
  if (!client) {
    const image = built.output === 'load' ? await inspectBuilt(docker, built, plan.build.refs) : undefined
    return resultOf({ ...outcome, image })
  }

  const pushed = await reporter.group('Push', () =>
    timed(durations, 'push', () => push(inputs, plan, built, { ...deps, client }))
  )
  const verified = await reporter.group('Verify', () =>
    timed(durations, 'verify', async () => {
      const before = client.requestCount
      const manifests = await Promise.all(plan.tags.map(tag => client.getManifest(plan.name, tag)))
      verification.requests = client.requestCount - before
      const digest = checkManifests(plan.tags, manifests, pushed.digests, built.identity, reporter)
      return { repository: plan.repository, digest, manifest: manifests[0] }
    })
  )
  reporter.info(`Verified: ${plan.tags.length} tag(s) on ${inputs.registry} serve ${verified.digest}`)
  return resultOf({ ...outcome, image: pushed.image, verified })
}
