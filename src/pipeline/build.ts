// Phase 2: the build, and what it produced: the image's identity read from the iidfile and buildx's
// metadata, and the local image inspected by that identity, never by a tag another build may move.
import { readFile } from 'node:fs/promises'
import { buildArgs, type BuildPlan } from '../docker/build-flags.js'
import { DockerError } from '../docker/errors.js'
import type { Docker, ImageInfo } from '../docker/docker.js'
import type { ExecResult } from '../docker/exec.js'
import { withIndexFallback } from './annotate.js'
import type { Inputs } from '../inputs/parse.js'
import { dockerfilePath } from '../inputs/build-options.js'
import type { Reporter, Where } from '../log/reporter.js'
import { ClassifiedError, retry } from '../core/retry.js'
import { withHint } from './hints.js'
import { loadsOutput, retrying, type Plan } from './plan.js'
import { pushesOutput } from '../inputs/build-options.js'
import { VerificationError } from './verify.js'
import { messageOf, oneLine } from '../core/text.js'
import { digestProblem } from '../registry/oci.js'
import { sinceStart } from '../core/clock.js'
import type { BuildMetadata } from '../metadata/build-metadata.js'
import { buildEnvironment } from './build-env.js'

export interface Built {
  /** The iidfile's digest, the imageid output: the image ID, or the config or manifest digest buildx wrote. */
  iid: string
  /** Every digest that names this build's image: iid, and buildx's manifest and config digests. */
  identity: string[]
  /** buildx's metadata file, as it wrote it ({} without buildx). */
  metadata: Record<string, unknown>
}

/**
 * No push attempt starts later than this after the first failed (retry's `windowFromFailure`): a push is
 * stopped only after a minute of silence, so a window counted from its start would leave no retry at all.
 */
export const PUSH_RETRY_WINDOW_MS = 45_000

/** An error that points at the Dockerfile line the builder named. */
export class BuildError extends DockerError {
  constructor(
    error: DockerError,
    readonly location: Where
  ) {
    super(error.command, error.exitCode, error.stderr)
    this.message = error.message
    this.name = 'BuildError'
  }
}

/** The Dockerfile line a failed build names: BuildKit's `Dockerfile:7` block, or "parse error … line 7". */
export function failedLine(stderr: string): number | undefined {
  // Line by line: with the `m` flag, `^\s*` started over at every line break of a run of them, in time
  // quadratic in its length, on a log whose every line a build step may have printed.
  for (const line of stderr.split(/[\n\r\u2028\u2029]/)) {
    const m = DOCKERFILE_LINE.exec(line.trim())
    if (m) return Number(m[1])
  }
  const m = /dockerfile parse error (?:on )?line (\d+)/i.exec(stderr)
  return m ? Number(m[1]) : undefined
}

const DOCKERFILE_LINE = /^(?:\S*\/)?[^\s/]*Dockerfile[^\s:]*:(\d+)$/i

export async function build(
  inputs: Inputs,
  plan: Plan,
  deps: {
    docker: Docker
    reporter: Reporter
    sleep?: (ms: number) => Promise<void>
    metadata?: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'>
    /** The run's cancel (runCancelled when absent): it ends a wait between attempts. */
    cancelled?: AbortSignal
  }
): Promise<Built> {
  const { docker, reporter } = deps
  const hint = withHint(inputs)
  reporter.debug(`build starts ${Math.round(sinceStart())} ms after the process did`)
  const given = buildEnvironment(inputs, plan, docker.env, deps.metadata, reporter)
  // A build that pushes is retried as a whole; its cache makes the second attempt cheap.
  const pushes = plan.pushedBy === 'buildx'
  const run = (buildPlan: BuildPlan): Promise<ExecResult> => {
    const args = buildArgs(given.inputs, buildPlan, plan.buildx)
    return pushes
      ? buildAndPush(docker, args, plan.build.refs[0] ?? inputs.registry, inputs, reporter, {
          ...deps,
          env: given.env
        })
      : docker.build(args, { env: given.env })
  }
  const result = await withIndexFallback(plan.build, run, reporter).catch(error =>
    hint(located(tagTaken(error, plan.build.exports), inputs))
  )
  if (inputs.cacheTo.length) warnOnCacheExport(`${result.stdout}\n${result.stderr}`, reporter)

  const iid = plan.build.iidfile ? await readImageId(plan.build.iidfile) : ''
  const metadata = plan.build.metadataFile ? await readMetadata(plan.build.metadataFile) : {}
  // The build's own identity, which the registry's answer must match: only digests count.
  const identity = [
    ...new Set(
      [iid, metadata['containerimage.digest'], metadata['containerimage.config.digest']].filter(
        (d): d is string => typeof d === 'string' && d !== '' && !digestProblem(d)
      )
    )
  ]
  const tagged =
    plan.local === 'yes' || pushes
      ? plan.build.refs.length && !plan.byDigest
        ? `, tagged ${plan.build.refs.join(', ')}`
        : ', untagged'
      : ''
  const by = plan.byDigest ? ` by digest to ${plan.targets.map(t => t.repository).join(', ')}` : ''
  reporter.info(
    `Built ${iid || 'the files of the outputs'}${tagged}${pushes ? ` and pushed by buildx${by}` : ''}`
  )
  if (plan.buildx && !pushes && !inputs.load && !inputs.outputs.length && inputs.platforms.length > 1)
    reporter.warning(
      `${inputs.platforms.length} platforms were built but neither pushed nor loaded; the result stays in the build cache`
    )
  return { iid, identity, metadata }
}

/**
 * A build that pushes, retried as a whole (its cache makes a second attempt cheap) within the push retry
 * window. The window opens when the first attempt fails: the first build may take any time.
 */
function buildAndPush(
  docker: Docker,
  args: string[],
  subject: string,
  inputs: Inputs,
  reporter: Reporter,
  deps: { sleep?: (ms: number) => Promise<void>; cancelled?: AbortSignal; env: NodeJS.ProcessEnv }
): Promise<ExecResult> {
  return retry(() => docker.build(args, { push: subject, env: deps.env }), {
    ...retrying('build and push', inputs.retries, reporter, deps.sleep, deps.cancelled),
    maxElapsedMs: PUSH_RETRY_WINDOW_MS,
    windowFromFailure: true
  })
}

/**
 * The loaded image, by its own ID. The containerd store knows an image by its manifest (or index) digest,
 * which buildx gives as the iid with attestations and as `containerimage.digest` without; the classic store
 * knows it by the iid. The first identity that the store knows is the image.
 */
export async function inspectBuilt(docker: Docker, built: Built, refs: string[]): Promise<ImageInfo> {
  let last: unknown
  for (const id of built.identity) {
    try {
      return await docker.inspect(id)
    } catch (error) {
      last = error
    }
  }
  // The containerd store keeps images by name: once another build took our tag, nothing names our image.
  if (/no such image/i.test(messageOf(last)))
    throw new VerificationError(
      `the image this run built (${built.iid}) is no longer in the engine's store: another build moved the tag ${refs[0]} on this docker engine after the build; nothing of this run's image is verified`
    )
  throw last
}

/** The exports that put the image under its name, in the engine's store or a registry (`--load`, `--push`, …). */
const namingExports = (exports: string[]): string[] =>
  exports.filter(arg => {
    if (arg === '--load' || arg === '--push') return true
    const spec = arg.startsWith('--output=') ? arg.slice('--output='.length) : undefined
    return spec !== undefined && (loadsOutput(spec) || pushesOutput(spec))
  })

/**
 * The containerd store refusing a name (`image "<ref>": already exists`): two builds of one tag at the same
 * moment, or one build that exports its image twice under the name (a load and a push, which buildx's docker
 * driver runs one after the other). Said in our words, naming the cause that applies.
 */
export function tagTaken(error: unknown, exports: string[] = []): unknown {
  const m = error instanceof DockerError ? /image "([^"]+)": already exists/.exec(error.message) : null
  if (!m) return error
  const twice = namingExports(exports)
  if (twice.length > 1)
    return new ClassifiedError(
      `the engine's store refused the name ${m[1]} as taken: this build exports it ${twice.length} times (${twice.join(' ')}), which buildx's docker driver does one after the other, and its containerd store at times refuses the later one (${error instanceof Error ? error.message : ''}); export it once (drop one of them), or build on a builder of its own (docker-container: docker/setup-buildx-action makes one)`,
      'fatal'
    )
  return new VerificationError(
    `another build moved the tag ${m[1]} on this docker engine during the build (${error instanceof Error ? error.message : ''}); nothing of this run's image is pushed`
  )
}

function located(error: unknown, inputs: Inputs): unknown {
  if (!(error instanceof DockerError)) return error
  const line = failedLine(error.stderr)
  if (line === undefined || inputs.remoteContext) return error
  const file = dockerfilePath(inputs.context, inputs.file)
  return new BuildError(error, { file, line })
}

async function readMetadata(file: string): Promise<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'))
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/** The image ID docker wrote to --iidfile: a digest (it becomes the `imageid` output and the build's identity). */
export async function readImageId(file: string): Promise<string> {
  const iid = (await readFile(file, 'utf8')).trim()
  if (iid === '') return ''
  const problem = digestProblem(iid)
  if (problem)
    throw new Error(`docker wrote an image ID that is no digest to its --iidfile: ${oneLine(problem, 200)}`)
  return iid
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
