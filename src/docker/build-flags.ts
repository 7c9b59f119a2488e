// The plan of one build and its argv: `docker build` or `docker buildx build` with every option, and the
// command line as the log shows it. Pure, table-tested.
import { attestArgs } from './attests.js'
import type { Inputs } from '../inputs/parse.js'
import { provenanceArgs } from './attests.js'
import { singleLevelLines } from '../metadata/levels.js'
import { replaceUserinfo } from '../core/userinfo.js'
import { parseCall } from '../inputs/build-options.js'

/** What the pipeline decided before docker runs, as buildArgs reads it. */
export interface BuildPlan {
  /** Full references to tag the image with, e.g. `localhost:5000/my/app:v1`. */
  refs: string[]
  /** Absent when an output exports files: buildx refuses an iidfile beside a local or tar exporter. */
  iidfile?: string
  /** KEY=VALUE labels after merging automatic and user labels. */
  labels: string[]
  /** buildx only: the automatic OCI annotations, `LEVEL:KEY=VALUE` (annotations.ts). */
  annotations?: string[]
  /** buildx only: where buildx writes its metadata JSON. */
  metadataFile?: string
  /** buildx only: id=path pairs for --secret. */
  secretFiles?: { id: string; path: string }[]
  /**
   * buildx only: where the result goes, as buildx flags: `--push` (straight from BuildKit, every tag),
   * `--load`, or the user's `--output` specs. Empty: the driver's default (the docker driver loads it).
   */
  exports?: string[]
  /** The context as docker gets it: `{{defaultContext}}` resolved, a git URL's userinfo moved to a secret. */
  context?: string
  /** `build-contexts` resolved the same way. */
  buildContexts?: string[]
  /** buildx only: `cache-from` and `cache-to` with their `type=gha` entries completed (docker/gha-cache.ts). */
  cacheFrom?: string[]
  cacheTo?: string[]
  /** buildx only: this workflow run's URL, the provenance's `builder-id` (absent outside a run). */
  builderId?: string
}

/**
 * `--call` as we run it: `check` asks for JSON, the findings' machine form (see check.ts), whatever format
 * was asked, and leaves the exit status to pipeline/call.ts, which reads `ignorestatus`; any other call as written.
 */
export const callArg = (call: string): string =>
  parseCall(call).name === 'check' ? 'check,format=json' : call

/**
 * The classic builder takes add-hosts, network, shm-size, ulimit and cgroup-parent too; the rest are
 * buildx's (checkBuilder refused them without buildx). Each list entry is one flag, as buildx wants.
 */
export function optionArgs(
  inputs: Inputs,
  plan: Pick<BuildPlan, 'buildContexts' | 'builderId'>,
  buildx: boolean
): string[] {
  const args: string[] = []
  for (const host of inputs.addHosts) args.push(`--add-host=${host}`)
  if (inputs.network) args.push(`--network=${inputs.network}`)
  if (inputs.shmSize) args.push(`--shm-size=${inputs.shmSize}`)
  for (const limit of inputs.ulimit) args.push(`--ulimit=${limit}`)
  if (inputs.cgroupParent) args.push(`--cgroup-parent=${inputs.cgroupParent}`)
  if (!buildx) return args
  for (const entitlement of inputs.allow) args.push(`--allow=${entitlement}`)
  for (const context of plan.buildContexts ?? inputs.buildContexts) args.push(`--build-context=${context}`)
  for (const spec of inputs.ssh) args.push(`--ssh=${spec}`)
  // One level per flag: buildx 0.13 reads `index,manifest:` as part of the key (levels.ts).
  for (const line of inputs.annotations.flatMap(singleLevelLines)) args.push(`--annotation=${line}`)
  args.push(...attestArgs(inputs, plan.builderId))
  for (const stage of inputs.noCacheFilters) args.push(`--no-cache-filter=${stage}`)
  if (inputs.call) args.push(`--call=${callArg(inputs.call)}`)
  return args
}

/** A context path that starts with "-" would be read as a flag. */
export const safeContext = (context: string): string => (context.startsWith('-') ? `./${context}` : context)

/** The argv of `docker build` (classic) or `docker buildx build`. Pure. */
export function buildArgs(inputs: Inputs, plan: BuildPlan, buildx = false): string[] {
  // The classic builder keeps a failed RUN step's container unless told otherwise; buildx leaves none.
  const args = buildx ? ['buildx', 'build'] : ['build', '--force-rm']
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
    for (const spec of (plan.cacheFrom ?? inputs.cacheFrom).flatMap(cacheEntries))
      args.push(`--cache-from=${spec}`)
    for (const spec of (plan.cacheTo ?? inputs.cacheTo).flatMap(cacheEntries))
      args.push(`--cache-to=${withIgnoreError(spec)}`)
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

/**
 * A cache spec in buildx's own reading: one whose fields hold no `=` (`user/app:cache`, buildx's help
 * example) is shorthand for a registry cache at each of them. Spelled out, so that attributes can follow it.
 */
export function cacheEntries(spec: string): string[] {
  const fields = spec.split(',')
  return fields.some(field => field.includes('=')) ? [spec] : fields.map(ref => `type=registry,ref=${ref}`)
}

/** A failed cache export must never fail a good build. `spec` is spelled out (cacheEntries): no shorthand. */
export function withIgnoreError(spec: string): string {
  return /(^|,)ignore-error=/.test(spec) ? spec : `${spec},ignore-error=true`
}

/**
 * The build command line with build-arg values hidden (people pass tokens that way despite the advice), and
 * the userinfo of an http(s) URL (a git context's token) and a gha cache's `ghtoken` shown as `***`.
 */
export function displayArgs(args: string[]): string {
  return ['docker', ...args]
    .map(a => a.replace(/^(--build-arg=[^=]+=).*$/s, '$1***'))
    .map(a => replaceUserinfo(a, '***', /^https?$/i))
    .map(a => a.replace(/^(--cache-to=.*\bghtoken=)[^,]*/s, '$1***'))
    .join(' ')
}
