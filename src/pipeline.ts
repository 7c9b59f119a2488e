// The job itself: build → tag → push → verify. The action and the CLI differ only in how inputs arrive
// and where results go; both call runPipeline.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gitDefaults } from './context.js'
import { credentialsFromDockerConfig, dockerConfigDir } from './credentials.js'
import { createPrivateConfig } from './docker-config.js'
import {
  buildArgs,
  createExecRunner,
  Docker,
  dockerTreatsAsInsecure,
  hasBuildxPlugin,
  pushedDigests,
  type BuildPlan,
  type ImageInfo
} from './docker.js'
import { buildxOnlyInputs, InputError, type Inputs } from './inputs.js'
import { isDockerHub, remotePath, repository } from './reference.js'
import { RegistryClient, type Manifest } from './registry/api.js'
import type { CredentialLookup } from './registry/auth.js'
import type { Reporter } from './reporter.js'
import { timed } from './reporter.js'
import { ClassifiedError, kindOf, NO_ENGINE, retry } from './retry.js'

export interface Result {
  /** sha256 digest the registry serves for every pushed tag; '' when nothing was pushed. */
  digest: string
  /** registry/repository@digest; '' when nothing was pushed. */
  imageRef: string
  imageid: string
  /** Full references pushed (or only tagged when push is false). */
  tags: string[]
  /** os/arch[/variant] → manifest digest of each platform in what was pushed. */
  platformDigests: Record<string, string>
  size: number
  /** Which builder ran: `buildx` or `classic`. */
  builder: string
  durations: Record<string, number>
  /** Docker CLI processes and registry HTTP requests this run made (the benchmark reports them). */
  counts: { docker: number; registry: number; verification: number }
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
  /** Build with `docker buildx build` (detected once per run). */
  buildx?: boolean
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
    const userConfigDir = dockerConfigDir(env)
    await createPrivateConfig(configDir, userConfigDir, inputs.username ? inputs.registry : undefined)
    const defaults = gitDefaults(inputs, env)
    const buildx = hasBuildxPlugin(configDir, env)
    opts.reporter.debug(`private DOCKER_CONFIG ${configDir}, seeded from ${userConfigDir}; buildx: ${buildx}`)
    opts.reporter.debug(
      `tags: ${defaults.tags.join(', ')}; labels: ${defaults.labels.map(l => l.split('=')[0]).join(', ')}`
    )
    return await runPipeline(inputs, {
      docker: new Docker(createExecRunner(opts.out), { ...env, DOCKER_CONFIG: configDir }),
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

/** Per-request deadline: with the default 3 attempts an unreachable registry fails well within a minute. */
export const REQUEST_TIMEOUT_MS = 10_000
/** No push attempt starts later than this after the first: keeps a dead registry under a minute. */
export const PUSH_RETRY_WINDOW_MS = 45_000

export async function runPipeline(inputs: Inputs, deps: Deps): Promise<Result> {
  // One client for the run: the reachability check and verification share its connections and tokens.
  const client = inputs.push
    ? new RegistryClient({
        registry: inputs.registry,
        credentials: deps.credentials,
        attempts: inputs.retries,
        timeoutMs: REQUEST_TIMEOUT_MS,
        onRetry: message => deps.reporter.warning(`registry ${inputs.registry}: ${message}`),
        sleep: deps.sleep,
        insecure: async () => {
          const insecure = await dockerTreatsAsInsecure(deps.docker, inputs.registry)
          if (insecure)
            deps.reporter.info(
              `${inputs.registry} is an insecure registry for this docker engine: verifying without TLS checks, as docker pushes`
            )
          return insecure
        }
      })
    : undefined
  try {
    const verification = { requests: 0 }
    const result = await pipeline(inputs, deps, client, verification)
    const counts = {
      docker: deps.docker.calls,
      registry: client?.requestCount ?? 0,
      verification: verification.requests
    }
    deps.reporter.debug(
      `docker processes: ${counts.docker}, registry requests: ${counts.registry} (verification: ${counts.verification})`
    )
    return { ...result, counts }
  } finally {
    client?.close()
  }
}

async function pipeline(
  inputs: Inputs,
  deps: Deps,
  client: RegistryClient | undefined,
  /** Told how many registry requests the verification made (the benchmark reports it). */
  verification: { requests: number }
): Promise<Omit<Result, 'counts'>> {
  const { docker, reporter } = deps
  const buildx = deps.buildx ?? false
  const durations: Record<string, number> = {}
  const repo = repository(inputs.registry, inputs.image)
  const tags = inputs.tags.length ? inputs.tags : (deps.defaultTags ?? ['latest'])
  const refs = tags.map(tag => `${repo}:${tag}`)
  const retrying = (what: string) => ({
    attempts: inputs.retries,
    sleep: deps.sleep,
    onRetry: (info: { attempt: number; attempts: number; delayMs: number; error: unknown }) =>
      reporter.warning(
        `${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${messageOf(info.error)}`
      )
  })

  const buildxOnly = buildxOnlyInputs(inputs)
  if (!buildx && buildxOnly.length)
    throw new InputError(
      buildxOnly[0],
      `needs docker buildx, and this docker has no buildx plugin (set up buildx, e.g. with docker/setup-buildx-action, or drop: ${buildxOnly.join(', ')})`
    )
  // Several platforms cannot be loaded into the classic image store: buildx pushes them itself.
  const multiPlatform = buildx && inputs.platforms.length > 1
  const plan: BuildPlan = {
    refs,
    iidfile: path.join(deps.workDir, 'iid'),
    labels: deps.labels ?? inputs.labels,
    metadataFile: buildx ? path.join(deps.workDir, 'metadata.json') : undefined,
    secretFiles: await writeSecrets(inputs.secrets, deps.workDir, reporter),
    output: multiPlatform ? (client ? 'push' : 'cache') : 'load'
  }

  // Before the build: an unreachable registry should cost seconds, not a build.
  if (client) await timed(durations, 'preflight', () => client.ping())
  if (inputs.username) {
    await timed(durations, 'login', () =>
      retry(
        () => docker.login(loginHost(inputs.registry), inputs.username, inputs.password),
        retrying(`login to ${inputs.registry}`)
      ).catch(withHint(inputs))
    )
    reporter.info(`Logged in to ${inputs.registry} as ${inputs.username}`)
  }

  const args = buildArgs(inputs, plan, buildx)
  reporter.debug(`build starts ${Math.round(performance.now())} ms after the process did`)
  // A build that pushes is retried as a whole; its cache makes the second attempt cheap.
  const built = await reporter.group('Build', () =>
    timed(durations, 'build', () =>
      plan.output === 'push'
        ? retry(() => docker.build(args), retrying('build and push')).catch(withHint(inputs))
        : docker.build(args).catch(withHint(inputs))
    )
  )
  if (inputs.cacheTo.length) warnOnCacheExport(`${built.stdout}\n${built.stderr}`, reporter)
  const iid = (await readFile(plan.iidfile, 'utf8')).trim()
  // buildx writes the config digest, which the containerd image store does not know images by: inspect
  // the loaded image by its first tag instead.
  const inspectTarget = buildx ? refs[0] : iid
  const builder = buildx ? 'buildx' : 'classic'
  reporter.info(`Built ${iid}${plan.output === 'cache' ? '' : `, tagged ${refs.join(', ')}`}`)
  if (plan.output === 'cache')
    reporter.warning(
      `${inputs.platforms.length} platforms were built but not pushed; the result stays in the build cache`
    )
  if (!client) {
    const info = plan.output === 'load' ? await docker.inspect(inspectTarget) : undefined
    const imageid = info?.id ?? iid
    return {
      digest: '',
      imageRef: '',
      imageid,
      tags: refs,
      platformDigests: {},
      size: info?.size ?? 0,
      builder,
      durations
    }
  }

  const name = remotePath(inputs.registry, inputs.image)
  const pushDocker = (ref: string): Promise<string> =>
    retry(() => docker.push(ref), {
      ...retrying(`push of ${ref}`),
      maxElapsedMs: PUSH_RETRY_WINDOW_MS
    }).catch(withHint(inputs))
  let pushed: string[] = []
  let info: ImageInfo | undefined
  if (plan.output === 'push') {
    pushed = [await metadataDigest(plan.metadataFile!)].filter(d => d !== '')
  } else {
    await reporter.group('Push', () =>
      timed(durations, 'push', async () => {
        // docker pushes the layers once; the other tags are the same manifest, put by the registry API,
        // which re-uploads nothing and costs one request per tag instead of a docker process.
        // The inspect (image ID, size, platform) runs beside the push, off the critical path.
        const inspecting = docker.inspect(inspectTarget)
        const reported = await pushDocker(refs[0]).catch(async error => {
          await inspecting.catch(() => undefined)
          throw error
        })
        info = await inspecting
        pushed = reported
          ? [reported]
          : pushedDigests((await docker.inspect(inspectTarget)).repoDigests, repo)
        if (refs.length > 1) {
          const tagged =
            pushed.length === 1 && (await tagByApi(client, name, pushed[0], tags.slice(1), reporter))
          if (!tagged) for (const ref of refs.slice(1)) pushed.push(await pushDocker(ref))
          pushed = [...new Set(pushed.filter(Boolean))]
        }
      })
    )
  }
  const imageid = info?.id ?? iid

  const { digest, manifest } = await reporter.group('Verify', () =>
    timed(durations, 'verify', async () => {
      const before = client.requestCount
      const manifests = await Promise.all(tags.map(tag => client.getManifest(name, tag)))
      verification.requests = client.requestCount - before
      return { digest: checkManifests(tags, manifests, pushed, imageid, reporter), manifest: manifests[0] }
    })
  )
  reporter.info(`Verified: ${tags.length} tag(s) on ${inputs.registry} serve ${digest}`)
  return {
    digest,
    imageRef: `${repo}@${digest}`,
    imageid,
    tags: refs,
    platformDigests: platformDigests(manifest, info?.platform),
    size: info?.size ?? 0,
    builder,
    durations
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
      const eq = line.indexOf('=')
      const value = line.slice(eq + 1)
      reporter.setSecret(value)
      const file = path.join(dir, String(i))
      await writeFile(file, value, { mode: 0o600 })
      return { id: line.slice(0, eq).trim(), path: file }
    })
  )
}

/** buildx reports the pushed manifest (or index) digest in its metadata file. */
async function metadataDigest(file: string): Promise<string> {
  const meta = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  const digest = meta['containerimage.digest']
  return typeof digest === 'string' ? digest : ''
}

/**
 * With ignore-error=true buildx keeps going when the cache export fails; the user should still hear of it.
 * The failure is an `#N ERROR:` line of the step titled `#N exporting cache…` (the line itself need not
 * mention the cache).
 */
export function warnOnCacheExport(output: string, reporter: Pick<Reporter, 'warning'>): void {
  const lines = output.split(/\r?\n/)
  const steps = new Set(lines.map(l => /^#(\d+) exporting cache\b/.exec(l)?.[1]).filter(Boolean))
  const line = lines.find(l => steps.has(/^#(\d+) ERROR: /.exec(l)?.[1]))
  if (line)
    reporter.warning(
      `cache export failed; the build succeeded without it: ${line.replace(/^#\d+ ERROR: /, '').trim()}`
    )
}

interface Descriptor {
  digest?: string
  platform?: { os?: string; architecture?: string; variant?: string }
  annotations?: Record<string, string>
}

/**
 * os/arch[/variant] → digest, from a pushed index (attestation manifests left out), or for a single
 * manifest from the local image's platform.
 */
export function platformDigests(manifest: Manifest, localPlatform?: string): Record<string, string> {
  let parsed: { manifests?: Descriptor[] }
  try {
    parsed = JSON.parse(manifest.body.toString('utf8')) as { manifests?: Descriptor[] }
  } catch {
    return {}
  }
  if (!Array.isArray(parsed.manifests)) return localPlatform ? { [localPlatform]: manifest.digest } : {}
  const out: Record<string, string> = {}
  for (const d of parsed.manifests) {
    const p = d.platform
    if (!d.digest || !p?.os || !p.architecture || p.os === 'unknown') continue
    if (d.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') continue
    out[[p.os, p.architecture, p.variant].filter(Boolean).join('/')] = d.digest
  }
  return out
}

/**
 * Puts the manifest docker just pushed (fetched by digest, so its bytes are checked) under the other tags.
 * False when the registry API refuses: the caller then falls back to `docker push` for those tags.
 */
async function tagByApi(
  client: RegistryClient,
  name: string,
  digest: string,
  tags: string[],
  reporter: Reporter
): Promise<boolean> {
  try {
    const manifest = await client.getManifest(name, digest)
    await Promise.all(tags.map(tag => client.putManifest(name, tag, manifest.body, manifest.mediaType)))
    reporter.info(`Tagged ${tags.join(', ')} through the registry API (no re-upload)`)
    return true
  } catch (error) {
    reporter.info(
      `The registry API did not take the extra tags (${messageOf(error)}); pushing them with docker`
    )
    return false
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Says where to look: auth failures are never retried, and some docker errors hide their cause. */
export function withHint(inputs: Inputs): (error: unknown) => never {
  return error => {
    const kind = kindOf(error)
    if (kind === 'auth') {
      const hint = inputs.username
        ? `check that the username and password inputs are right and may push to ${inputs.registry}/${inputs.image}`
        : `set the username and password inputs, or log in to ${inputs.registry} in an earlier step`
      throw new ClassifiedError(`${messageOf(error)} (${hint})`, kind)
    }
    if (NO_ENGINE.test(messageOf(error)))
      throw new ClassifiedError(
        `${messageOf(error)} (no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine)`,
        kind
      )
    // Our grammar takes [::1]:5000, as newer engines do; older ones (20.10) reject it with a bare message.
    if (inputs.registry.startsWith('[') && /invalid reference format/i.test(messageOf(error)))
      throw new ClassifiedError(
        `${messageOf(error)} (this docker engine does not accept an IPv6 address in an image reference; 20.10 does not, 26.1 does: give the registry a host name, e.g. in /etc/hosts, or use a newer engine)`,
        kind
      )
    throw error
  }
}

/** `docker login` takes Docker Hub as no server at all; everything else by host[:port]. */
export const loginHost = (registry: string): string | undefined =>
  isDockerHub(registry) ? undefined : registry

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
