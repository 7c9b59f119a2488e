// The docker CLI. Every call goes through one funnel (`Docker.exec`) and an injected runner (src/exec.ts);
// argv comes from pure builders so it can be table-tested.
import { existsSync, readFileSync } from 'node:fs'
import { BlockList, isIP } from 'node:net'
import path from 'node:path'
import type { ExecOptions, ExecResult, Runner, Stop } from './exec.js'
import { optionArgs, type BuildPlan } from './build-flags.js'
export type { BuildPlan } from './build-flags.js'
import type { Inputs } from '../inputs/parse.js'
import { splitHostPort } from '../core/reference.js'
import { classify, ClassifiedError, NO_ENGINE, type FailureKind } from '../core/retry.js'
import { envMs, formatSeconds, grownMs, MIN_THROUGHPUT } from '../core/bounds.js'
import { platformString } from '../registry/oci.js'
import { provenanceArgs } from './attests.js'

export { createExecRunner } from './exec.js'
export type { ExecOptions, ExecResult, Runner } from './exec.js'

/** Deadline of the commands that should take seconds: inspect, info, login. */
export const SHORT_DEADLINE_MS = 60_000
/**
 * A push is stopped after this long without a new status line. Without a terminal docker prints no byte
 * progress, so a layer uploading is silence too: the window grows with the image (PUSH_MIN_THROUGHPUT).
 */
export const PUSH_STALL_MS = 60_000
/** A push is stopped after max(this, image size at PUSH_MIN_THROUGHPUT). */
export const PUSH_MIN_MS = 180_000
/** The slowest push taken for a healthy one: 1 MiB/s. */
export const PUSH_MIN_THROUGHPUT = MIN_THROUGHPUT

export interface Bounds {
  shortMs: number
  pushStallMs: number
  pushMinMs: number
}

/** The bounds, each overridable by a positive integer in BTP_SHORT_DEADLINE_MS, BTP_PUSH_STALL_MS, BTP_PUSH_MIN_MS. */
export function boundsFrom(env: NodeJS.ProcessEnv): Bounds {
  const ms = (name: string, fallback: number): number => envMs(env, name, fallback)
  return {
    shortMs: ms('BTP_SHORT_DEADLINE_MS', SHORT_DEADLINE_MS),
    pushStallMs: ms('BTP_PUSH_STALL_MS', PUSH_STALL_MS),
    pushMinMs: ms('BTP_PUSH_MIN_MS', PUSH_MIN_MS)
  }
}

/** A push's stall window and ceiling for an image of `size` bytes (0: unknown, the minimums). */
export function pushWatch(bounds: Bounds, size = 0): { stallMs: number; ceilingMs: number } {
  return { stallMs: grownMs(bounds.pushStallMs, size), ceilingMs: grownMs(bounds.pushMinMs, size) }
}

export { formatSeconds } from '../core/bounds.js'

export class DockerError extends ClassifiedError {
  constructor(
    readonly command: string,
    readonly exitCode: number,
    readonly stderr: string,
    /** Our own account, when we stopped the process (a bound, a cancel): docker's last words are fallout. */
    own?: { message: string; kind: FailureKind }
  ) {
    const detail = lastMeaningfulLine(stderr)
    super(
      own?.message ?? `docker ${command} failed (exit ${exitCode})${detail ? `: ${detail}` : ''}`,
      own?.kind ?? classify(detail)
    )
    this.name = 'DockerError'
  }
}

/** What a stopped process's error says: a bound is transient (retried), a cancel is not. */
export function stoppedError(command: string, result: ExecResult, stop: Stop, subject?: string): DockerError {
  const on = subject ? ` on ${subject}` : ''
  const own =
    stop.reason === 'signal'
      ? {
          message: `docker ${command} stopped: the run was cancelled (${stop.signal})`,
          kind: 'fatal' as const
        }
      : stop.reason === 'stall'
        ? {
            message: `docker ${command} stalled: no progress for ${formatSeconds(stop.afterMs)} s${on}`,
            kind: 'transient' as const
          }
        : {
            message: `docker ${command} timed out after ${formatSeconds(stop.afterMs)} s${on}`,
            kind: 'transient' as const
          }
  return new DockerError(command, result.exitCode, result.stderr, own)
}

/**
 * docker's own final error line: the one that says what went wrong, and the only text a failure is
 * classified on. On BuildKit stderr holds the whole build log, so words a build step prints ("connection
 * refused", "permission denied") must not count: build log lines (`#5 0.1 …`) are skipped, and buildx's
 * closing `ERROR: ` line wins. Deprecation notices are skipped too.
 */
export function lastMeaningfulLine(text: string): string {
  const lines: string[] = []
  let inNotice = false
  for (const raw of text.split(/\r?\n/)) {
    // A notice is a "DEPRECATED:" line followed by indented continuation lines.
    inNotice = raw.startsWith('DEPRECATED:') || (inNotice && /^\s/.test(raw))
    if (!inNotice && raw.trim() !== '') lines.push(raw.trim())
  }
  // No engine: the CLI's own sentence says it; the log lines around it are only the fallout.
  const noEngine = lines.find(l => NO_ENGINE_LINE.test(l))
  if (noEngine) return noEngine.replace(/^(ERROR|docker):\s*/, '')
  const own = lines.filter(l => !BUILD_LOG_LINE.test(l))
  const last = (test: (l: string) => boolean): number => own.findLastIndex(test)
  let at = last(l => l.startsWith('ERROR: '))
  if (at < 0) at = last(l => /error|denied|unauthorized|failed|invalid/i.test(l))
  if (at < 0) at = own.length - 1
  return continued(own, at).replace(/^ERROR:\s*/, '')
}

/**
 * A line with the lines that finish its sentence: git breaks `fatal: unable to connect to 127.0.0.1:` from
 * `127.0.0.1[0: 127.0.0.1]: errno=Connection refused`, and docker adds `: exit status 128` on a line of its
 * own. A line ending in ":" goes on, and so does one that the next line continues with ":".
 */
function continued(lines: string[], at: number): string {
  if (at < 0) return ''
  let text = lines[at]
  for (let i = at + 1; i < lines.length && (text.endsWith(':') || lines[i].startsWith(':')); i++)
    text = text.endsWith(':') && !lines[i].startsWith(':') ? `${text} ${lines[i]}` : `${text}${lines[i]}`
  return text
}

/** buildx's progress once it pushes: from BuildKit (`pushing layers`) or through the docker driver. */
const PUSH_PHASE = /^#\d+ pushing (?:layers|manifest|layer |\S+ with docker)/m

/** A line of BuildKit's plain progress: `#5 [2/2] RUN …`, `#5 0.123 what the step printed`. */
const BUILD_LOG_LINE = /^#\d+ /
/** The CLI's no-engine sentence as it starts a line of its own (not quoted by a build step). */
const NO_ENGINE_LINE = new RegExp(`^(ERROR:\\s*|docker:\\s*)?(${NO_ENGINE.source})`, 'i')

/** A context path that starts with "-" would be read as a flag. */
export const safeContext = (context: string): string => (context.startsWith('-') ? `./${context}` : context)

/** The argv of `docker build` (classic) or `docker buildx build`. Pure. */
export function buildArgs(inputs: Inputs, plan: BuildPlan, buildx = false): string[] {
  const args = buildx ? ['buildx', 'build'] : ['build']
  if (buildx && inputs.builder) args.push(`--builder=${inputs.builder}`)
  if (plan.iidfile) args.push(`--iidfile=${plan.iidfile}`)
  if (inputs.file) args.push(`--file=${inputs.file}`)
  if (inputs.target) args.push(`--target=${inputs.target}`)
  for (const arg of inputs.buildArgs) args.push(`--build-arg=${arg}`)
  for (const label of plan.labels) args.push(`--label=${label}`)
  if (inputs.pull) args.push('--pull')
  if (inputs.noCache) args.push('--no-cache')
  args.push(...optionArgs(inputs, plan, buildx))
  if (buildx) {
    if (plan.metadataFile) args.push(`--metadata-file=${plan.metadataFile}`)
    if (inputs.platforms.length) args.push(`--platform=${inputs.platforms.join(',')}`)
    for (const spec of plan.cacheFrom ?? inputs.cacheFrom) args.push(`--cache-from=${spec}`)
    for (const spec of plan.cacheTo ?? inputs.cacheTo) args.push(`--cache-to=${withIgnoreError(spec)}`)
    args.push(...provenanceArgs(inputs.provenance, plan.builderId))
    if (inputs.sbom) args.push(`--sbom=${inputs.sbom}`)
    for (const s of plan.secretFiles ?? []) args.push(`--secret=id=${s.id},src=${s.path}`)
    for (const a of plan.annotations ?? []) args.push(`--annotation=${a}`)
    args.push(...(plan.exports ?? []))
  }
  for (const ref of plan.refs) args.push(`--tag=${ref}`)
  args.push(safeContext(plan.context ?? inputs.context))
  return args
}

/** A failed cache export must never fail a good build. */
export function withIgnoreError(spec: string): string {
  return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`
}

/**
 * The build command line with build-arg values hidden (people pass tokens that way despite the advice), and
 * the userinfo of an http(s) URL (a git context's token) and a gha cache's `ghtoken` shown as `***`.
 */
export function displayArgs(args: string[]): string {
  return ['docker', ...args]
    .map(a =>
      a
        .replace(/^(--build-arg=[^=]+=).*$/s, '$1***')
        .replace(USERINFO, '$1***@')
        .replace(/^(--cache-to=.*\bghtoken=)[^,]*/s, '$1***')
    )
    .join(' ')
}

/** `https://user:token@host/…`: scheme, then the userinfo (no `/`, `?`, `#` or `@` in it). */
const USERINFO = /\b(https?:\/\/)[^/?#@\s]+@/gi

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
  private readonly bounds: Bounds

  constructor(
    private readonly runner: Runner,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {
    this.bounds = boundsFrom(env)
  }

  private async exec(
    args: string[],
    { anyExit, ...options }: ExecOptions & { anyExit?: boolean } = {},
    subject?: string
  ): Promise<ExecResult> {
    this.calls++
    const result = await this.runner('docker', args, this.env, options)
    const command = args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' ')
    if (result.stopped) throw stoppedError(command, result, result.stopped, subject)
    if (result.exitCode !== 0 && !anyExit) throw new DockerError(command, result.exitCode, result.stderr)
    return result
  }

  /**
   * The build itself is bounded only by a cancel: how long it may take is the workflow's to say
   * (timeout-minutes). A build that pushes (`push`) gets a push's bounds (pushWatch at its minimums: the
   * size is unknown until the push ends) from the moment its push begins: stopped after a stall, or past
   * the ceiling counted from there. `push` names what is pushed, for the error.
   */
  async build(args: string[], opts: { push?: string } = {}): Promise<ExecResult> {
    const started = Date.now()
    let pushingAt: number | undefined
    let tail = ''
    const bounds = pushWatch(this.bounds)
    return this.exec(
      args,
      {
        stream: true,
        display: displayArgs(args),
        ...(opts.push && {
          onOutput: text => {
            // Kept across chunks: a line may arrive in two.
            tail = (tail + text).slice(-512)
            if (pushingAt === undefined && PUSH_PHASE.test(tail)) pushingAt = Date.now() - started
          },
          watch: () =>
            pushingAt === undefined
              ? {}
              : { stallMs: bounds.stallMs, ceilingMs: pushingAt + bounds.ceilingMs }
        })
      },
      opts.push
    )
  }

  /**
   * A `--call` build: its answer is on stdout, and a check with findings exits non-zero, so the result
   * comes back whatever the exit code (only a stop throws).
   */
  async evaluate(args: string[]): Promise<ExecResult> {
    return this.exec(args, { stream: true, display: displayArgs(args), anyExit: true })
  }

  /** buildx's version, e.g. `0.13.1`: asked only when an input needs a newer one (see pipeline/gates.ts). */
  async buildxVersion(): Promise<string> {
    const { stdout } = await this.exec(['buildx', 'version'], this.short())
    const m = /\bv?(\d+\.\d+\.\d+)/.exec(stdout)
    if (!m) throw new DockerError('buildx version', 0, `no version in ${JSON.stringify(stdout.trim())}`)
    return m[1]
  }

  /**
   * Pushes one reference; returns the manifest digest docker reports for it ('' if it printed none).
   * Stopped after a stall or past its ceiling (pushWatch), both grown from `size`, the image's bytes, which
   * may arrive while the push runs (the inspect beside it); without it, the minimums apply.
   */
  async push(ref: string, size?: number | Promise<number | undefined>): Promise<string> {
    let watch = pushWatch(this.bounds, typeof size === 'number' ? size : 0)
    if (size instanceof Promise)
      size.then(
        s => (watch = pushWatch(this.bounds, s ?? 0)),
        () => undefined
      )
    const { stdout } = await this.exec(['push', ref], { stream: true, watch: () => watch }, ref)
    return pushReportDigest(stdout, ref)
  }

  async inspect(image: string): Promise<ImageInfo> {
    const { stdout } = await this.exec(['image', 'inspect', '--format', '{{json .}}', image], this.short())
    const raw = JSON.parse(stdout) as {
      Id: string
      RepoDigests?: string[]
      Size?: number
      Os?: string
      Architecture?: string
      Variant?: string
    }
    const platform = platformString({ os: raw.Os, architecture: raw.Architecture, variant: raw.Variant })
    return { id: raw.Id, repoDigests: raw.RepoDigests ?? [], size: raw.Size ?? 0, platform }
  }

  /**
   * `docker save` of one image into `file`. It prints nothing while it writes, so it is bounded by a
   * push's ceiling for `size` bytes (pushWatch) rather than by silence.
   */
  async save(image: string, file: string, size = 0): Promise<void> {
    const { ceilingMs } = pushWatch(this.bounds, size)
    await this.exec(['save', '--output', file, image], { watch: () => ({ ceilingMs }) }, image)
  }

  /** The daemon's registry settings (`insecure-registries` and the like), as `docker info` reports them. */
  async registryConfig(): Promise<DaemonRegistryConfig> {
    const { stdout } = await this.exec(['info', '--format', '{{json .RegistryConfig}}'], this.short())
    return JSON.parse(stdout) as DaemonRegistryConfig
  }

  async login(host: string | undefined, username: string, password: string): Promise<void> {
    await this.exec(['login', `--username=${username}`, '--password-stdin', ...(host ? [host] : [])], {
      ...this.short(),
      input: Buffer.from(password)
    })
  }

  private short(): ExecOptions {
    return { deadlineMs: this.bounds.shortMs }
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
