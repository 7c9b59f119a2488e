// Phase 1: everything decided before docker runs: references, where the result goes, secret files.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { buildAnnotations } from './annotate.js'
import type { BuildPlan } from '../docker/build-flags.js'
import { defaultGitContext, gitSources, type Secret } from '../docker/git-context.js'
import { urlSecrets, valueSecrets } from '../log/masks.js'
import type { Inputs } from '../inputs/parse.js'
import type { GitContext } from '../metadata/context.js'
import type { Reporter } from '../log/reporter.js'
import { remotePath, repository } from '../core/reference.js'
import type { RetryOptions } from '../core/retry.js'
import { messageOf, quote, splitKeyValue } from '../core/text.js'
import { ghaCacheSpecs, ghaScope, lacksScope } from '../docker/gha-cache.js'
import { runCancelled } from '../docker/cancel.js'
import {
  outputAttrs,
  outputNames,
  outputsPush,
  pushesByDigest,
  pushesOutput
} from '../inputs/build-options.js'
import { InputError } from '../inputs/error.js'
import { parseFullRef } from '../inputs/tags.js'

/** Where this run's commit lives, for `{{defaultContext}}` and the GitHub host's token. */
export interface GitOrigin {
  /** e.g. https://github.com */
  serverUrl: string
  /** This commit's git context URL; undefined outside a repository's run. */
  defaultContext?: string
  /** owner/name; undefined outside a repository's run. */
  repository?: string
  /**
   * This workflow run, `<server>/<owner/name>/actions/runs/<id>/attempts/<attempt>`, as build-push-action
   * names the provenance's builder; undefined outside a run.
   */
  runUrl?: string
}

/** The GitOrigin of this run's commit, from the event's context and the runner's variables. */
export function gitOrigin(ctx: GitContext, env: NodeJS.ProcessEnv): GitOrigin {
  const run = env.GITHUB_RUN_ID?.trim()
  return {
    serverUrl: ctx.serverUrl,
    defaultContext: ctx.repository ? defaultGitContext(ctx, env) : undefined,
    repository: ctx.repository || undefined,
    runUrl:
      ctx.repository && run
        ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${run}/attempts/${env.GITHUB_RUN_ATTEMPT?.trim() || '1'}`
        : undefined
  }
}

/** One image the run pushes to, with its tags: the run's, or its own when full references name them. */
export interface Target {
  registry: string
  /** registry/repository, e.g. `localhost:5000/my/app`. */
  repository: string
  /** The repository as the registry API names it (`library/x` on Docker Hub). */
  name: string
  /** This image's tags, in order; the first is pushed by docker, the rest through the registry API. */
  tags: string[]
  /** `repository:tag` for every tag, in order. */
  refs: string[]
}

export interface Plan {
  build: BuildPlan
  /** The run's bare tags, in order (the first target's, when full references give each its own). */
  tags: string[]
  /** Every image the run pushes to; the first also stands for the run (`image-ref`). */
  targets: Target[]
  /** The first target's repository and API name. */
  repository: string
  name: string
  buildx: boolean
  /**
   * Who pushes: buildx itself (every tag, straight from BuildKit), `docker push` after the build (the
   * classic engine), or nobody.
   */
  pushedBy: 'buildx' | 'docker' | 'none'
  /**
   * Whether the image is in the local store afterwards: surely (classic, `load`), maybe (the docker
   * driver keeps what it builds, others do not), or not (`outputs` elsewhere).
   */
  local: 'yes' | 'maybe' | 'no'
  /**
   * buildx pushes by digest only (`push-by-digest=true` in `outputs`): nothing is tagged, and the targets
   * (the output's `name=`, else the images') are verified at `name@digest`, with no tags of their own.
   */
  byDigest: boolean
}

/** An output spec that writes files (`type=local`, `type=tar`, or a bare path, which buildx reads as local). */
export const exportsFiles = (spec: string): boolean =>
  /(?:^|,)type=(?:local|tar)(?:,|$)/.test(spec) || !spec.includes('=')

/** Where an output spec writes: its `dest=`, or a bare path; undefined for one that writes no file. */
export const outputDest = (spec: string): string | undefined =>
  spec.includes('=') ? outputAttrs(spec).get('dest') : spec

/** An output that puts the image in the engine's store: `type=docker` without a `dest=`. */
export const loadsOutput = (spec: string): boolean =>
  outputAttrs(spec).get('type') === 'docker' && outputDest(spec) === undefined

/** An output buildx's `--load` or `docker push` can stand in for: no attribute but its type, name and push. */
const plainOutput = (spec: string): boolean =>
  spec.includes('=') && [...outputAttrs(spec).keys()].every(key => ['type', 'name', 'push'].includes(key))

/**
 * Whether the build both loads and pushes the image through the outputs (`type=docker` beside `push: true`,
 * `type=registry` beside `load: true`, or both as outputs), each a plain one: buildx runs two exporters for
 * one name, and the docker driver's containerd store at times refuses the second (`already exists`).
 */
function loadsAndPushes(inputs: Pick<Inputs, 'push' | 'pushGiven' | 'load' | 'outputs'>): boolean {
  const { outputs } = inputs
  return (
    outputs.length > 0 &&
    outputs.every(spec => plainOutput(spec) && (loadsOutput(spec) || pushesOutput(spec))) &&
    (inputs.load || outputs.some(loadsOutput)) &&
    outputsPush(inputs)
  )
}

/**
 * Where the result goes, as build-push-action decides it: `outputs` when given (and then they alone decide
 * whether anything is pushed), else `--push` and/or `--load`, else the driver's default.
 */
export function destinations(
  inputs: Pick<Inputs, 'push' | 'pushGiven' | 'load' | 'outputs' | 'platforms'>,
  buildx: boolean,
  driver = 'docker'
): Pick<Plan, 'pushedBy' | 'local'> & { exports?: string[] } {
  if (!buildx) return { pushedBy: inputs.push ? 'docker' : 'none', local: 'yes' }
  // The docker driver names its result by tag in the engine's shared store, and its metadata reads the
  // digest back by that name: two builds of one tag at once both report the same digest. A push from
  // there cannot be proven this run's, so a single platform goes the classic way: load, then push by ID.
  // Outputs that load and push go the same way: the build exports once.
  const single = driver === 'docker' && inputs.platforms.length <= 1
  if (single && ((inputs.push && !inputs.outputs.length) || loadsAndPushes(inputs)))
    return { pushedBy: 'docker', local: 'yes', exports: ['--load'] }
  const load = inputs.load ? ['--load'] : []
  if (inputs.outputs.length) {
    // The outputs decide; `push: true` given outright adds buildx's `--push` as build-push-action does
    // (buildx then pushes an image output, or adds one that pushes). Left to its default it adds nothing.
    const push = inputs.push && inputs.pushGiven && !inputs.outputs.some(pushesOutput) ? ['--push'] : []
    return {
      pushedBy: outputsPush(inputs) ? 'buildx' : 'none',
      local: inputs.load ? 'yes' : 'no',
      exports: [...inputs.outputs.map(spec => `--output=${spec}`), ...push, ...load]
    }
  }
  return {
    pushedBy: inputs.push ? 'buildx' : 'none',
    local: inputs.load ? 'yes' : 'maybe',
    exports: [...(inputs.push ? ['--push'] : []), ...load]
  }
}

export async function makePlan(
  inputs: Inputs,
  opts: {
    workDir: string
    buildx: boolean
    /** The buildx driver (buildx-driver.ts); `docker` when unknown. */
    driver?: string
    labels?: string[]
    defaultTags?: string[]
    reporter: Reporter
    git?: GitOrigin
  }
): Promise<Plan> {
  // A git URL's userinfo is a credential (x-access-token:…): masked before docker prints the URL.
  for (const secret of [inputs.context, ...inputs.buildContexts].flatMap(urlSecrets))
    opts.reporter.setSecret(secret)
  if (inputs.githubToken) opts.reporter.setSecret(inputs.githubToken)
  const git = gitSources(inputs, {
    buildx: opts.buildx,
    serverUrl: opts.git?.serverUrl ?? 'https://github.com',
    defaultContext: opts.git?.defaultContext
  })
  const tags = inputs.tags.length ? inputs.tags : (opts.defaultTags ?? ['latest'])
  const { exports, ...where } = destinations(inputs, opts.buildx, opts.driver)
  const byDigest = where.pushedBy === 'buildx' ? inputs.outputs.find(pushesByDigest) : undefined
  if (byDigest !== undefined && (opts.driver ?? 'docker') === 'docker')
    throw new InputError(
      'outputs',
      `${quote(byDigest)}: a push by digest needs a builder of its own (docker-container, remote, kubernetes: docker/setup-buildx-action makes one), as buildx's docker driver does not implement push-by-digest`
    )
  const targets = byDigest === undefined ? tagTargets(inputs, tags) : digestTargets(inputs, byDigest)
  const gha = { scope: ghaScope(inputs.image, inputs.target), repository: opts.git?.repository }
  if (opts.buildx && lacksScope([...inputs.cacheFrom, ...inputs.cacheTo]))
    opts.reporter.info(
      `type=gha cache without scope: using scope=${gha.scope}, this image's own${inputs.target ? ' at this target' : ''}, so that images built in one workflow keep apart caches (give scope= to choose)`
    )
  // No target where nothing names the image (nothing pushed, parse.ts): built untagged.
  const [first] = targets as (Target | undefined)[]
  return {
    ...where,
    tags: first?.tags ?? [],
    targets,
    repository: first?.repository ?? '',
    name: first?.name ?? '',
    buildx: opts.buildx,
    byDigest: byDigest !== undefined,
    build: {
      // By digest, buildx names the push after its tags, or the output's `name=` when it has none; a tag
      // in either makes BuildKit refuse the push.
      refs:
        byDigest === undefined
          ? targets.flatMap(t => t.refs)
          : outputNames(byDigest).length
            ? []
            : targets.map(t => t.repository),
      iidfile: inputs.outputs.some(exportsFiles) ? undefined : path.join(opts.workDir, 'iid'),
      labels: opts.labels ?? inputs.labels,
      annotations: opts.buildx ? buildAnnotations(inputs, opts.labels ?? inputs.labels) : [],
      metadataFile: opts.buildx ? path.join(opts.workDir, 'metadata.json') : undefined,
      secretFiles: await secretFiles(inputs, opts.workDir, opts.reporter, git.secrets),
      context: git.context,
      buildContexts: git.buildContexts,
      builderId: opts.buildx ? opts.git?.runUrl : undefined,
      cacheFrom: ghaCacheSpecs(inputs.cacheFrom, gha, false),
      cacheTo: ghaCacheSpecs(inputs.cacheTo, { ...gha, token: inputs.githubToken || undefined }, true),
      exports
    }
  }
}

/** Each image with its tags: the run's, or its own when full references name them. */
function tagTargets(inputs: Inputs, tags: string[]): Target[] {
  return inputs.targets.map(({ registry, image, tags: own }) => targetOf(registry, image, own ?? tags))
}

/** Where a push by digest goes: each name of the output's `name=`, else each image; no tags. */
function digestTargets(inputs: Inputs, spec: string): Target[] {
  const names = outputNames(spec).map(name => parseFullRef(name))
  const images = names.length ? names : inputs.targets
  const targets = images.map(({ registry, image }) => targetOf(registry, image, []))
  return targets.filter((t, i) => targets.findIndex(o => o.repository === t.repository) === i)
}

function targetOf(registry: string, image: string, tags: string[]): Target {
  const repo = repository(registry, image)
  return {
    registry,
    repository: repo,
    name: remotePath(registry, image),
    tags,
    refs: tags.map(t => `${repo}:${t}`)
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
  reporter: Reporter,
  /** Secrets of our own: the git fetch's credentials (src/git-source.ts). */
  extra: Secret[] = []
): Promise<{ id: string; path: string }[]> {
  const written = [
    ...extra,
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

/** Retry options that tell the user about each retry, and stop at once when the run is cancelled. */
export const retrying = (
  what: string,
  attempts: number,
  reporter: Reporter,
  sleep?: (ms: number) => Promise<void>,
  /** The run's cancel; tests give their own. */
  cancelled: AbortSignal = runCancelled
): RetryOptions => ({
  attempts,
  sleep,
  signal: cancelled,
  onRetry: info =>
    reporter.warning(
      `${what} failed (attempt ${info.attempt} of ${info.attempts}), retrying in ${(info.delayMs / 1000).toFixed(1)} s: ${messageOf(info.error)}`
    )
})
