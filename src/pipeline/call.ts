// A build with `call` other than `build`: BuildKit evaluates the Dockerfile (checks, outline, targets)
// instead of building it, so nothing is exported or pushed. For `check`, each finding becomes an
// annotation on its Dockerfile line, and findings fail the step, as `docker buildx build --check` exits
// (with `ignorestatus=true`, as buildx then does, they do not).
import path from 'node:path'
import { findingText, parseCheckFindings, type Finding } from '../docker/check.js'
import { buildArgs } from '../docker/build-flags.js'
import { DockerError } from '../docker/errors.js'
import type { Docker } from '../docker/docker.js'
import type { Inputs } from '../inputs/parse.js'
import { parseCall } from '../inputs/build-options.js'
import type { Reporter, Where } from '../log/reporter.js'
import type { Plan } from './plan.js'
import type { BuildMetadata } from '../metadata/build-metadata.js'
import { buildEnvironment } from './build-env.js'

export class CheckError extends Error {
  constructor(
    message: string,
    /** Where the first finding points, for the failure's own annotation. */
    readonly location?: Where
  ) {
    super(message)
    this.name = 'CheckError'
  }
}

export async function evaluate(
  inputs: Inputs,
  plan: Plan,
  deps: {
    docker: Docker
    reporter: Reporter
    metadata?: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'>
  }
): Promise<void> {
  const given = buildEnvironment(inputs, plan, deps.docker.env, deps.metadata, deps.reporter)
  // No output of any kind: an evaluation exports nothing (no --load, --push or --output).
  const args = buildArgs(given.inputs, { ...plan.build, exports: [] }, plan.buildx)
  const result = await deps.docker.evaluate(args, given.env)
  const call = parseCall(inputs.call)
  if (call.name !== 'check') {
    if (result.exitCode !== 0) throw new DockerError('buildx build', result.exitCode, result.stderr)
    return
  }
  let findings: Finding[]
  try {
    findings = parseCheckFindings(result.stdout)
  } catch (error) {
    // No results at all: the build itself failed before the checks (a missing file, a bad flag).
    if (result.exitCode !== 0) throw new DockerError('buildx build', result.exitCode, result.stderr)
    throw error
  }
  const where = (f: Finding): { file: string; line?: number; endLine?: number } | undefined =>
    f.file && !inputs.remoteContext
      ? { file: inputs.file || path.join(inputs.context, f.file), line: f.line, endLine: f.endLine }
      : undefined
  for (const f of findings) deps.reporter.warning(findingText(f), where(f))
  if (!findings.length) {
    deps.reporter.info('Check complete: no findings')
    return
  }
  // `check,ignorestatus=true`: buildx exits 0 whatever it found; the findings stay annotations.
  if (call.ignoreStatus) {
    deps.reporter.info(`Check complete: ${findings.length} finding(s), not failing the step (ignorestatus)`)
    return
  }
  const first = findings.find(f => f.level === 'error') ?? findings[0]
  const loc = where(first)
  throw new CheckError(
    `Dockerfile check: ${findings.length} finding(s); the first: ${findingText(first)}${first.line ? ` (line ${first.line})` : ''}`,
    loc && { file: loc.file, line: loc.line }
  )
}
