// The docker CLI. Every call goes through one funnel (`Docker.exec`) and an injected runner (exec.ts);
// argv comes from pure builders so it can be table-tested.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { ExecOptions, ExecResult, Runner } from './exec.js'
import { displayArgs } from './build-flags.js'
import { boundsFrom, pushWatch, type Bounds } from './bounds.js'
import { DockerError, PUSH_PHASE, stoppedError } from './errors.js'
import type { DaemonRegistryConfig } from './daemon.js'
import { platformString } from '../registry/oci.js'
import { oneLine } from '../core/text.js'

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
export const hasBuildxPlugin = (configDir: string, env: NodeJS.ProcessEnv = process.env): boolean =>
  buildxPlugin(configDir, env) !== undefined

/**
 * The buildx plugin that `docker buildx` runs: the first `docker-buildx` in the docker CLI's order (the
 * config's `cliPluginsExtraDirs`, then its `cli-plugins`, then the system's directories); undefined
 * without one, or with DOCKER_BUILDKIT=0.
 */
export function buildxPlugin(configDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.DOCKER_BUILDKIT === '0') return undefined
  let extra: string[] = []
  try {
    const config = JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8')) as {
      cliPluginsExtraDirs?: unknown
    }
    if (Array.isArray(config.cliPluginsExtraDirs))
      extra = config.cliPluginsExtraDirs.filter((dir): dir is string => typeof dir === 'string')
  } catch {
    // no config: only the default places count
  }
  return [...extra, path.join(configDir, 'cli-plugins'), ...PLUGIN_DIRS]
    .map(dir => path.join(dir, 'docker-buildx'))
    .find(file => existsSync(file))
}

/**
 * What the docker CLI adds when it runs a plugin: the command it was started as, which tells buildx that
 * it runs as `docker buildx` (its plugin mode), not on its own.
 */
export const PLUGIN_MODE = { DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND: 'docker' }

export class Docker {
  /** Docker CLI processes spawned; the benchmark reports it. */
  calls = 0
  private readonly bounds: Bounds

  constructor(
    private readonly runner: Runner,
    /** The environment of every docker process; a build's may differ (build's `env`). */
    readonly env: NodeJS.ProcessEnv = process.env,
    /**
     * The buildx plugin (buildxPlugin), which `buildx …` runs directly, with the arguments and environment
     * the docker CLI would give it: the docker process in front of it, and the `docker-cli-plugin-metadata`
     * call that process makes first, cost 26 ms before every build (docs/design.md).
     */
    private readonly plugin?: string
  ) {
    this.bounds = boundsFrom(env)
  }

  private async exec(
    args: string[],
    { anyExit, env, ...options }: ExecOptions & { anyExit?: boolean; env?: NodeJS.ProcessEnv } = {},
    subject?: string
  ): Promise<ExecResult> {
    this.calls++
    const result =
      this.plugin && args[0] === 'buildx'
        ? await this.runner(this.plugin, args, { ...(env ?? this.env), ...PLUGIN_MODE }, options)
        : await this.runner('docker', args, env ?? this.env, options)
    const command = args.slice(0, ['buildx', 'image'].includes(args[0]) ? 2 : 1).join(' ')
    if (result.stopped) throw stoppedError(command, result, result.stopped, subject)
    if (result.exitCode !== 0 && !anyExit) throw new DockerError(command, result.exitCode, result.stderr)
    return result
  }

  /**
   * The build itself is bounded only by a cancel: how long it may take is the workflow's to say
   * (timeout-minutes). A build that pushes (`push`) gets a push's bounds (pushWatch at its minimums: the
   * size is unknown until the push ends) from the moment its push begins: stopped after a stall, or past
   * the ceiling counted from there. `push` names what is pushed, for the error. `env`: the build's own
   * environment, where docker reads a `--build-arg NAME` given without a value.
   */
  async build(args: string[], opts: { push?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ExecResult> {
    const started = Date.now()
    let pushingAt: number | undefined
    let tail = ''
    const bounds = pushWatch(this.bounds)
    return this.exec(
      args,
      {
        stream: true,
        display: displayArgs(args),
        env: opts.env,
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
  async evaluate(args: string[], env?: NodeJS.ProcessEnv): Promise<ExecResult> {
    return this.exec(args, { stream: true, display: displayArgs(args), anyExit: true, env })
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
  async push(
    ref: string,
    size?: number | Promise<number | undefined>,
    signal?: AbortSignal
  ): Promise<string> {
    let watch = pushWatch(this.bounds, typeof size === 'number' ? size : 0)
    if (size instanceof Promise)
      size.then(
        s => (watch = pushWatch(this.bounds, s ?? 0)),
        () => undefined
      )
    const { stdout } = await this.exec(['push', ref], { stream: true, watch: () => watch, signal }, ref)
    return pushReportDigest(stdout, ref)
  }

  async inspect(image: string): Promise<ImageInfo> {
    const { stdout } = await this.exec(['image', 'inspect', '--format', '{{json .}}', image], this.short())
    const raw = jsonObject('image inspect', stdout)
    const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
    if (!text(raw.Id)) throw new Error(`docker image inspect ${image} gave no image ID`)
    const platform = platformString({
      os: text(raw.Os),
      architecture: text(raw.Architecture),
      variant: text(raw.Variant)
    })
    // Checked as any answer from outside: the size sets the push's bounds, the digests are compared.
    return {
      id: raw.Id as string,
      repoDigests: Array.isArray(raw.RepoDigests) ? raw.RepoDigests.filter(d => typeof d === 'string') : [],
      size: Number.isSafeInteger(raw.Size) && (raw.Size as number) >= 0 ? (raw.Size as number) : 0,
      platform
    }
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
    // Its fields are checked where they are read (insecureByConfig).
    return jsonObject('info', stdout) as DaemonRegistryConfig
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

/** The JSON object a `--format '{{json …}}'` command printed; anything else fails, naming the command. */
function jsonObject(command: string, stdout: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(stdout)
  } catch {
    value = undefined
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(
      `docker ${command} printed no JSON object: ${JSON.stringify(oneLine(stdout.slice(0, 200), 80))}`
    )
  return value as Record<string, unknown>
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
