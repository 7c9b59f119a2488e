// The job itself: plan → build → push → verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call execute().
import { rmSync } from 'node:fs'
import { mkdir, mkdtemp } from 'node:fs/promises'
import path from 'node:path'
import { loadGitContext } from '../metadata/context.js'
import { credentialsFromDockerConfig, dockerConfigDir } from '../docker/credentials.js'
import { createPrivateConfig } from '../docker/config.js'
import { loadCommitDate, loadRepository } from '../metadata/repo-labels.js'
import { Docker, buildxPlugin } from '../docker/docker.js'
import { dockerTreatsAsInsecure } from '../docker/daemon.js'
import { createExecRunner } from '../docker/exec.js'
import { cleanUpOnForcedExit, guardSignals, runCancelled } from '../docker/cancel.js'
import { processTime, whileDockerRuns } from '../docker/process-time.js'
import { checkBuilder, type Inputs } from '../inputs/parse.js'
import {
  buildMetadata,
  checkTagged,
  commitDateWanted,
  type BuildMetadata
} from '../metadata/build-metadata.js'
import { builderDriver } from '../docker/buildx-driver.js'
import { RegistryClient } from '../registry/api.js'
import { registryBoundsFrom, type RegistryBounds } from '../registry/bounds.js'
import { proxyRules, type ProxyRules } from '../registry/proxy.js'
import { ClassifiedError } from '../core/retry.js'
import { messageOf } from '../core/text.js'
import type { CredentialLookup } from '../registry/auth.js'
import type { Fence } from '../log/fence.js'
import { timed, type Reporter } from '../log/reporter.js'
import { build, inspectBuilt } from './build.js'
import { evaluate } from './call.js'
import { isEvaluation } from '../inputs/build-options.js'
import { checkVersionGates } from './gates.js'
import { withHint } from './hints.js'
import { logIn } from './login.js'
import { destinations, gitOrigin, makePlan, type GitOrigin } from './plan.js'
import { push } from './push.js'
import { resultOf, type Result } from './result.js'
import { verifyByDigest, verifyTargets } from './verify.js'
import type { Moved } from './sources/copy.js'
import { asksForSbom, sbomsOf, type SbomDeps } from './sbom.js'
import { Logins } from './cloud-logins.js'
import type { IdTokenSource } from '../registry/cloud/github-oidc.js'

export interface Deps {
  docker: Docker
  reporter: Reporter
  /** A private directory for iidfiles and similar; the caller removes it. */
  workDir: string
  credentials?: CredentialLookup
  /** Labels computed from the git context (merged with the user's labels already). */
  labels?: string[]
  /** The run's metadata, for the build's DOCKER_METADATA_OUTPUT_* (build-env.ts). */
  metadata?: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'>
  /** Tags to use when the `tags` input is empty. */
  defaultTags?: string[]
  /** Build with `docker buildx build` (detected once per run). */
  buildx?: boolean
  /** The buildx builder's driver (`docker` when unknown). */
  driver?: string
  /** The GitHub host and this commit's git context (`{{defaultContext}}`). */
  git?: GitOrigin
  /** Where files for the job's later steps go (SBOMs): RUNNER_TEMP in Actions; none written without it. */
  tempRoot?: string
  /** The run's DOCKER_CONFIG: every login is checked to be there once the logins are done. */
  dockerConfig?: string
  sleep?: (ms: number) => Promise<void>
  /** Deadlines and caps of registry work (the environment's overrides); the defaults when absent. */
  registryBounds?: RegistryBounds
  /** The environment's proxies, for every registry client and token service (direct when absent). */
  proxy?: ProxyRules
  /** The job's OIDC token, for Docker Hub's OIDC login (the action's `githubIdToken`). */
  idToken?: IdTokenSource
  /** The run's logins, cloud tokens fetched once (runPipeline makes them from the inputs when absent). */
  logins?: Logins
  /** Told the run's logins once they exist (keep-login keeps what they resolve to). */
  onLogins?: (logins: Pick<Logins, 'resolve'>) => void
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
  /** The job's OIDC token for an audience (the action's `githubIdToken`), for Docker Hub's OIDC login. */
  idToken?: IdTokenSource
  /** Told the run's logins, whose `resolve` gives what each logged in with (a cloud login's token). */
  onLogins?: (logins: Pick<Logins, 'resolve'>) => void
}

/**
 * Sets up a private DOCKER_CONFIG (seeded from the user's), runs the pipeline with it, and removes it
 * again whatever happens.
 */
export async function execute(inputs: Inputs, opts: ExecuteOptions): Promise<Result> {
  const env = opts.env ?? process.env
  const userConfigDir = dockerConfigDir(env)
  // buildx is found as docker finds plugins, before anything is created: a buildx-only input without it is
  // an input error.
  const plugin = buildxPlugin(userConfigDir, env)
  const buildx = plugin !== undefined
  checkBuilder(inputs, buildx)
  // From here a cancel (SIGINT, SIGTERM, SIGHUP, a closed stdout or stderr) in any phase ends the run as
  // cancelled, its directories removed.
  const release = guardSignals()
  const workDir = await mkdtemp(path.join(opts.tempRoot, 'build-tag-push-'))
  // Synchronously: node's native removal takes well under a millisecond for what is usually here (a config,
  // the iidfile), where the promise-based one walks the tree in JavaScript and took 2 to 5 ms every run.
  const removeWorkDir = (): void => rmSync(workDir, { recursive: true, force: true })
  const forgetWorkDir = cleanUpOnForcedExit(removeWorkDir)
  opts.onWorkDir?.(workDir)
  try {
    const configDir = path.join(workDir, 'docker-config')
    const dockerEnv = { ...env, DOCKER_CONFIG: configDir }
    // docker's own temporary files (a git context's clone, with its URL in .git/config) go with ours.
    const tmp = path.join(workDir, 'tmp')
    const [[defaults, git]] = await Promise.all([
      loadGitContext(m => opts.reporter.warning(m), env).then(async ctx => {
        // What the event does not carry comes from the repository API (a schedule's default branch, a
        // commit's date), so the metadata is made once, after it.
        const api = { token: inputs.githubToken, attempts: inputs.retries, reporter: opts.reporter, env }
        const sha = commitDateWanted(inputs, ctx)
        const [repository, commitDate] = await Promise.all([
          loadRepository(ctx, api),
          sha ? loadCommitDate(ctx, sha, api) : undefined
        ])
        const facts = { defaultBranch: repository.defaultBranch, commitDate }
        const meta = buildMetadata(inputs, ctx, new Date(), facts, repository.labels)
        // Before the login and the build: rules that tag nothing for this event cannot be pushed.
        checkTagged(inputs, meta, ctx)
        return [meta, gitOrigin(ctx, env)] as const
      }),
      createPrivateConfig(
        configDir,
        userConfigDir,
        inputs.logins.map(l => l.registry)
      ),
      mkdir(tmp, { mode: 0o700 })
    ])
    opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`)
    defaults.warnings.forEach(w => opts.reporter.warning(w))
    if (inputs.tagRules.length)
      opts.reporter.info(
        `Tags from the rules: ${defaults.tags.join(', ') || 'none, so the image stays untagged'}`
      )
    opts.reporter.debug(
      `tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`
    )
    // The tags are the rules' (or the automatic ones) from here on, `[]` building untagged; the
    // annotations are rendered.
    const result = await runPipeline(
      { ...inputs, tags: defaults.tags, annotations: defaults.userAnnotations },
      {
        docker: new Docker(createExecRunner(opts.out), { ...dockerEnv, TMPDIR: tmp }, plugin),
        reporter: opts.reporter,
        workDir,
        credentials: credentialsFromDockerConfig(configDir),
        dockerConfig: configDir,
        labels: defaults.labels,
        metadata: defaults,
        defaultTags: defaults.tags,
        buildx,
        driver: buildx ? builderDriver(userConfigDir, inputs.builder, env) : undefined,
        git,
        registryBounds: registryBoundsFrom(env),
        proxy: proxyRules(env),
        tempRoot: opts.tempRoot,
        idToken: opts.idToken,
        onLogins: opts.onLogins
      }
    )
    // From sources, the labels and annotations are those on what was pushed, not those a build would set.
    const { labels, annotations, levels } = result.meta ?? { ...defaults, levels: undefined }
    return { ...result, meta: { version: defaults.version, labels, annotations, levels } }
  } catch (error) {
    throw cancelledOr(error)
  } finally {
    removeWorkDir()
    forgetWorkDir()
    release()
  }
}

/** After a cancel, whatever failed failed because of it: say so, unless the error already does. */
function cancelledOr(error: unknown): unknown {
  if (!runCancelled.aborted || /the run was cancelled/.test(messageOf(error))) return error
  return new ClassifiedError(`the run was cancelled (${String(runCancelled.reason)})`, 'fatal')
}

export async function runPipeline(inputs: Inputs, given: Deps): Promise<Result> {
  // One token per cloud login for the run: the login, the preflight, the push and the verification share it.
  const logins =
    given.logins ??
    new Logins(inputs.logins, {
      reporter: given.reporter,
      attempts: inputs.retries,
      timeoutMs: boundsOf(given).requestMs,
      idToken: given.idToken,
      sleep: given.sleep,
      proxy: given.proxy,
      cancelled: runCancelled
    })
  given.onLogins?.(logins)
  const deps: Deps = { ...given, logins, credentials: logins.lookup(given.credentials) }
  // One client per registry for the run: the reachability check and verification share its connections
  // and tokens.
  const pushes = destinations(inputs, deps.buildx ?? false, deps.driver).pushedBy !== 'none'
  const clients = new Map<string, RegistryClient>()
  if (pushes)
    for (const { registry } of inputs.targets)
      if (!clients.has(registry)) clients.set(registry, registryClient(registry, inputs, deps))
  // Source registries (sources only) get clients of their own; the same object for the same host.
  const clientFor = (registry: string): RegistryClient => {
    let c = clients.get(registry)
    if (!c) clients.set(registry, (c = registryClient(registry, inputs, deps)))
    return c
  }
  const waitedBefore = processTime()
  // A cancel ends every request in flight, and any later one at once.
  const closeAll = (): void => {
    for (const client of clients.values()) client.close()
  }
  runCancelled.addEventListener('abort', closeAll)
  try {
    const verification = { requests: 0 }
    const { moved, ...result } = await phases(inputs, deps, clients, verification, clientFor)
    const counts = {
      docker: deps.docker.calls,
      registry: requests(clients),
      verification: verification.requests,
      ...moved
    }
    deps.reporter.debug(
      `docker processes: ${counts.docker}, registry requests: ${counts.registry} (verification: ${counts.verification})`
    )
    // The time spent waiting on docker: the rest of the run's wall time is the action's own.
    const durations = { ...result.durations, docker: Math.round(processTime() - waitedBefore) }
    return { ...result, durations, counts }
  } finally {
    runCancelled.removeEventListener('abort', closeAll)
    closeAll()
  }
}

const boundsOf = (deps: Deps): RegistryBounds => deps.registryBounds ?? registryBoundsFrom({})

function registryClient(registry: string, inputs: Inputs, deps: Deps): RegistryClient {
  const client = new RegistryClient({
    registry,
    credentials: deps.credentials,
    attempts: inputs.retries,
    timeoutMs: boundsOf(deps).requestMs,
    onRetry: message => deps.reporter.warning(`registry ${registry}: ${message}`),
    // Every token and credential the client obtains is masked before it is used.
    onSecret: value => deps.reporter.setSecret(value),
    proxy: deps.proxy,
    onWarning: message => deps.reporter.warning(message),
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
  if (runCancelled.aborted) client.close()
  return client
}

async function phases(
  inputs: Inputs,
  deps: Deps,
  clients: Map<string, RegistryClient>,
  /** Told how many registry requests the verification made (the benchmark reports it). */
  verification: { requests: number },
  clientFor: (registry: string) => RegistryClient
): Promise<Omit<Result, 'counts'> & { moved?: Moved }> {
  const { docker, reporter } = deps
  const durations: Record<string, number> = {}
  // An input that needs a newer buildx fails here, before anything is written or sent.
  if (deps.buildx) await checkVersionGates(inputs, docker)
  const plan = await makePlan(inputs, { ...deps, buildx: deps.buildx ?? false })
  // A push by digest may name repositories of its own (the output's `name=`).
  if (clients.size) for (const t of plan.targets) clientFor(t.registry)
  const builder = plan.buildx ? 'buildx' : 'classic'

  // Before the build: an unreachable registry, or one that would refuse the push, should cost seconds, not
  // a build. The logins come first, so that the check sees the credentials they stored.
  if (inputs.logins.length) await timed(durations, 'login', () => logIn(inputs, deps))
  // `call: check` and the like evaluate the Dockerfile: nothing is built, so nothing is pushed.
  if (isEvaluation(inputs)) {
    await reporter.group(`Build (call: ${inputs.call})`, () =>
      timed(durations, 'build', () => evaluate(inputs, plan, deps))
    )
    return resultOf({ refs: [], builder, durations, iid: '' })
  }
  if (clients.size)
    await timed(durations, 'preflight', () =>
      Promise.all(
        plan.targets.map(t => clients.get(t.registry)!.checkPushAccess(t.name).catch(withHint(inputs, t)))
      )
    )

  // Images already built, in a registry or on this machine: resolved, copied or merged, and verified.
  if (inputs.sources.length && clients.size) {
    // Loaded only for sources: a build does not pay for the copier, the archive readers and zlib.
    const { fromSources } = await import('./sources/run.js')
    const promoted = await fromSources(inputs, plan, {
      reporter,
      docker,
      workDir: deps.workDir,
      clientFor,
      sleep: deps.sleep,
      durations,
      verification,
      bounds: boundsOf(deps)
    })
    // Only when asked: a promoted image's SBOMs may run to tens of MB each, which nobody may want.
    if (!asksForSbom(inputs)) return promoted
    const [first] = plan.targets
    const client = clients.get(first.registry)!
    const manifest = () => client.getManifest(first.name, promoted.digest)
    const sboms = await sbomsOf(
      client,
      first.name,
      manifest,
      promoted.platformDigests,
      sbomDeps(inputs, deps)
    )
    return { ...promoted, sboms }
  }

  // The verification hashes what each registry serves. node's crypto is loaded on first use (the bundle's
  // src/lazy/crypto.cjs): better while docker builds than after the push.
  if (clients.size) whileDockerRuns(() => import('node:crypto'))
  const built = await reporter.group('Build', () =>
    timed(durations, 'build', () => build(inputs, plan, deps))
  )
  // imageid is what docker wrote to --iidfile, as build-push-action reads it: a newer buildx writes there the
  // digest the containerd store knows the image by, where the metadata's config digest names nothing it has.
  const refs = plan.byDigest ? [] : plan.build.refs
  const outcome = { refs, builder, durations, iid: built.iid, metadata: built.metadata }
  if (!clients.size) {
    const image =
      plan.local === 'yes'
        ? await inspectBuilt(docker, built, plan.build.refs)
        : plan.local === 'maybe'
          ? await inspectBuilt(docker, built, plan.build.refs).catch(() => undefined)
          : undefined
    return resultOf({ ...outcome, image })
  }

  const pushed = await reporter.group('Push', () =>
    timed(durations, 'push', () => push(inputs, plan, built, { ...deps, clients }))
  )
  const verified = await reporter.group('Verify', () =>
    timed(durations, 'verify', async () => {
      const before = requests(clients)
      const check = plan.byDigest ? verifyByDigest : verifyTargets
      const result = await check(plan.targets, clients, pushed, built, reporter)
      verification.requests = requests(clients) - before
      return result
    })
  )
  const where = plan.targets.map(t => t.registry).filter((r, i, all) => all.indexOf(r) === i)
  const count = plan.byDigest ? plan.targets.length : plan.targets.reduce((n, t) => n + t.tags.length, 0)
  reporter.info(`Verified: ${count} reference(s) on ${where.join(', ')} serve ${verified.digest}`)
  const result = resultOf({ ...outcome, image: pushed.image, verified })
  if (!asksForSbom(inputs)) return result
  const [first] = plan.targets
  const sboms = await sbomsOf(
    clients.get(first.registry)!,
    first.name,
    async () => verified.manifest,
    result.platformDigests,
    sbomDeps(inputs, deps)
  )
  return { ...result, sboms }
}

const sbomDeps = (inputs: Inputs, deps: Deps): SbomDeps => ({
  tempRoot: deps.tempRoot,
  reporter: deps.reporter,
  bounds: boundsOf(deps),
  attempts: inputs.retries,
  sleep: deps.sleep,
  cancelled: runCancelled
})

const requests = (clients: Map<string, RegistryClient>): number =>
  [...clients.values()].reduce((sum, c) => sum + c.requestCount, 0)
