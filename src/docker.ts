// The docker CLI. Every call goes through one funnel (`Docker.exec`) and an injected runner; argv comes
// from pure builders so it can be table-tested.
import { existsSync, readFileSync } from 'node:fs'
import { BlockList, isIP } from 'node:net'
import path from 'node:path'
import type { Inputs } from './inputs.js'
import { splitHostPort } from './reference.js'
import { classify, ClassifiedError, NO_ENGINE } from './retry.js'

export interface ExecOptions {
  /** Bytes for the child's stdin (passwords go here, never in argv). */
  input?: Buffer
  /** Stream the child's output to ours (docker's own progress). */
  stream?: boolean
  /** What to print as the command line instead of argv (argv may hold values we must not log). */
  display?: string
}
export interface ExecResult {
  exitCode: number
  stdout: string
  stderr: string
}
export type Runner = (
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: ExecOptions
) => Promise<ExecResult>

/**
 * The real runner: @actions/exec, silent so that we decide what is echoed, streaming docker's progress to
 * `out` (stdout in the action; stderr in the CLI, whose stdout may carry JSON).
 */
export function createExecRunner(out: NodeJS.WritableStream = process.stdout): Runner {
  // Loads while the registry preflight runs, not after it.
  const exec = import('@actions/exec')
  return async (command, args, env, options) => {
    const { getExecOutput } = await exec
    if (options.stream) out.write(`[command]${options.display ?? [command, ...args].join(' ')}\n`)
    const result = await getExecOutput(command, args, {
      env: env as Record<string, string>,
      input: options.input,
      silent: true,
      ignoreReturnCode: true,
      listeners: options.stream ? { stdout: d => out.write(d), stderr: d => out.write(d) } : undefined
    })
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
  }
}

export class DockerError extends ClassifiedError {
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string
  ) {
    const detail = lastMeaningfulLine(stderr)
    super(`docker ${command} failed (exit ${exitCode})${detail ? `: ${detail}` : ''}`, classify(stderr))
    this.name = 'DockerError'
  }
}

/** docker's last error line is the one that says what went wrong; skip deprecation notices. */
export function lastMeaningfulLine(text: string): string {
  const lines: string[] = []
  let inNotice = false
  for (const raw of text.split(/\r?\n/)) {
    // A notice is a "DEPRECATED:" line followed by indented continuation lines.
    inNotice = raw.startsWith('DEPRECATED:') || (inNotice && /^\s/.test(raw))
    if (!inNotice && raw.trim() !== '') lines.push(raw.trim())
  }
  // No engine: the CLI's own sentence says it; the log lines around it are only the fallout.
  const noEngine = lines.find(l => NO_ENGINE.test(l))
  if (noEngine) return noEngine.replace(/^ERROR:\s*/, '')
  const errorLine = [...lines].reverse().find(l => /error|denied|unauthorized|failed|invalid/i.test(l))
  return (errorLine ?? lines[lines.length - 1] ?? '').replace(/^ERROR:\s*/, '')
}

export interface BuildPlan {
  /** Full references to tag the image with, e.g. `localhost:5000/my/app:v1`. */
  refs: string[]
  iidfile: string
  /** KEY=VALUE labels after merging automatic and user labels. */
  labels: string[]
  /** buildx only: where buildx writes its metadata JSON. */
  metadataFile?: string
  /** buildx only: id=path pairs for --secret. */
  secretFiles?: { id: string; path: string }[]
  /**
   * buildx only: where the result goes. `load` into the engine's image store (then `docker push` per tag,
   * as on the classic path), `push` straight to the registry (multi-platform), or `cache` (multi-platform
   * without push: the classic store cannot hold it).
   */
  output?: 'load' | 'push' | 'cache'
}

/** A context path that starts with "-" would be read as a flag. */
export const safeContext = (context: string): string => (context.startsWith('-') ? `./${context}` : context)

/** The argv of `docker build` (classic) or `docker buildx build`. Pure. */
export function buildArgs(inputs: Inputs, plan: BuildPlan, buildx = false): string[] {
  const args = buildx ? ['buildx', 'build'] : ['build']
  if (buildx && inputs.builder) args.push(`--builder=${inputs.builder}`)
  args.push(`--iidfile=${plan.iidfile}`)
  if (inputs.file) args.push(`--file=${inputs.file}`)
  if (inputs.target) args.push(`--target=${inputs.target}`)
  for (const arg of inputs.buildArgs) args.push(`--build-arg=${arg}`)
  for (const label of plan.labels) args.push(`--label=${label}`)
  if (inputs.pull) args.push('--pull')
  if (inputs.noCache) args.push('--no-cache')
  if (buildx) {
    if (plan.metadataFile) args.push(`--metadata-file=${plan.metadataFile}`)
    if (inputs.platforms.length) args.push(`--platform=${inputs.platforms.join(',')}`)
    for (const spec of inputs.cacheFrom) args.push(`--cache-from=${spec}`)
    for (const spec of inputs.cacheTo) args.push(`--cache-to=${withIgnoreError(spec)}`)
    if (inputs.provenance) args.push(`--provenance=${inputs.provenance}`)
    if (inputs.sbom) args.push(`--sbom=${inputs.sbom}`)
    for (const s of plan.secretFiles ?? []) args.push(`--secret=id=${s.id},src=${s.path}`)
    if (plan.output === 'push') args.push('--push')
    else if (plan.output !== 'cache') args.push('--load')
  }
  for (const ref of plan.refs) args.push(`--tag=${ref}`)
  args.push(safeContext(inputs.context))
  return args
}

/** A failed cache export must never fail a good build. */
export function withIgnoreError(spec: string): string {
  return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`
}

/** The build command line with build-arg values hidden: people pass tokens that way despite the advice. */
export function displayArgs(args: string[]): string {
  return ['docker', ...args].map(a => a.replace(/^(--build-arg=[^=]+=).*$/s, '$1***')).join(' ')
}

export interface ImageInfo {
  id: string
  repoDigests: string[]
  size: number
  /** os/arch[/variant], as in platform-digests. */
  platform: string
}

const PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
]

/**
 * Whether `docker buildx` exists, found the way the docker CLI finds plugins, without spawning docker:
 * this runs on every build, and a `docker buildx version` would cost a process.
 */
export function hasBuildxPlugin(configDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DOCKER_BUILDKIT === '0') return false
  let extra: string[] = []
  try {
    const config = JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8')) as {
      cliPluginsExtraDirs?: string[]
    }
    extra = config.cliPluginsExtraDirs ?? []
  } catch {
    // no config: only the default places count
  }
  return [path.join(configDir, 'cli-plugins'), ...extra, ...PLUGIN_DIRS].some(dir =>
    existsSync(path.join(dir, 'docker-buildx'))
  )
}

export class Docker {
  /** Docker CLI processes spawned; the benchmark reports it. */
  calls = 0

  constructor(
    private readonly runner: Runner,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  private async exec(args: string[], options: ExecOptions = {}): Promise<ExecResult> {
    this.calls++
    const result = await this.runner('docker', args, this.env, options)
    if (result.exitCode !== 0)
      throw new DockerError(
        args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' '),
        result.exitCode,
        result.stderr
      )
    return result
  }

  async build(args: string[]): Promise<ExecResult> {
    return this.exec(args, { stream: true, display: displayArgs(args) })
  }

  /** Pushes one reference; returns the manifest digest docker reports for it ('' if it printed none). */
  async push(ref: string): Promise<string> {
    const { stdout } = await this.exec(['push', ref], { stream: true })
    return pushReportDigest(stdout, ref)
  }

  async inspect(image: string): Promise<ImageInfo> {
    const { stdout } = await this.exec(['image', 'inspect', '--format', '{{json .}}', image])
    const raw = JSON.parse(stdout) as {
      Id: string
      RepoDigests?: string[]
      Size?: number
      Os?: string
      Architecture?: string
      Variant?: string
    }
    const platform = [raw.Os, raw.Architecture, raw.Variant].filter(Boolean).join('/')
    return { id: raw.Id, repoDigests: raw.RepoDigests ?? [], size: raw.Size ?? 0, platform }
  }

  /** The daemon's registry settings (`insecure-registries` and the like), as `docker info` reports them. */
  async registryConfig(): Promise<DaemonRegistryConfig> {
    const { stdout } = await this.exec(['info', '--format', '{{json .RegistryConfig}}'])
    return JSON.parse(stdout) as DaemonRegistryConfig
  }

  async login(host: string | undefined, username: string, password: string): Promise<void> {
    await this.exec(['login', `--username=${username}`, '--password-stdin', ...(host ? [host] : [])], {
      input: Buffer.from(password)
    })
  }
}

/**
 * The digest in docker push's closing line, `<tag>: digest: sha256:… size: N`, a format the CLI has kept
 * since registry v2. Reading it saves an `image inspect` process on every run; when it is missing the
 * caller falls back to RepoDigests.
 */
export function pushReportDigest(stdout: string, ref: string): string {
  const tag = ref.slice(ref.lastIndexOf(':') + 1)
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const m = new RegExp(`^${escaped}: digest: (sha256:[a-f0-9]{64}) size: \\d+\\s*$`, 'm').exec(stdout)
  return m ? m[1] : ''
}

/** The digests docker recorded for `repository` when it pushed (from `RepoDigests`). */
export function pushedDigests(repoDigests: string[], repository: string): string[] {
  // Docker shortens Docker Hub names (`docker.io/library/x` → `x`), so compare both forms. The containerd
  // store lists the same digest once per tag, hence the Set.
  const names = new Set([repository, repository.replace(/^docker\.io\/(library\/)?/, '')])
  return [
    ...new Set(
      repoDigests
        .map(rd => rd.split('@'))
        .filter(([name, digest]) => digest && names.has(name))
        .map(([, digest]) => digest)
    )
  ]
}

/** The part of `docker info`'s RegistryConfig that says which registries may skip TLS. */
export interface DaemonRegistryConfig {
  IndexConfigs?: Record<string, { Secure?: boolean }> | null
  InsecureRegistryCIDRs?: string[] | null
}

/**
 * Whether dockerd treats `registry` (host[:port]) as insecure, by its own rule: a listed name decides;
 * otherwise any of the host's addresses inside an insecure CIDR does.
 */
export function insecureByConfig(
  config: DaemonRegistryConfig,
  registry: string,
  addresses: string[]
): boolean {
  const named = config.IndexConfigs?.[registry]
  if (named) return named.Secure === false
  const cidrs = new BlockList()
  for (const cidr of config.InsecureRegistryCIDRs ?? []) {
    const [net, bits] = cidr.split('/')
    const type = isIP(net) === 6 ? 'ipv6' : 'ipv4'
    if (isIP(net) && bits !== undefined) cidrs.addSubnet(net, Number(bits), type)
  }
  return addresses.some(a => isIP(a) !== 0 && cidrs.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4'))
}

/** Asks the daemon, then resolves the host the way it would, to apply insecureByConfig. */
export async function dockerTreatsAsInsecure(docker: Docker, registry: string): Promise<boolean> {
  const { host } = splitHostPort(registry)
  const [config, addresses] = await Promise.all([
    docker.registryConfig(),
    isIP(host)
      ? [host]
      : import('node:dns/promises')
          .then(dns => dns.lookup(host, { all: true }))
          .then(
            found => found.map(f => f.address),
            () => []
          )
  ])
  return insecureByConfig(config, registry, addresses)
}
