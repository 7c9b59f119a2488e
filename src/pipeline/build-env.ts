// The environment a build runs in, where docker reads each `--build-arg NAME` given without a value. It
// holds this run's DOCKER_METADATA_OUTPUT_* (metadata-action's recipe passes `DOCKER_METADATA_OUTPUT_JSON`
// that way), which a workflow's `steps.<id>.outputs` cannot give to the same step; values stay out of argv.
import type { Inputs } from '../inputs/parse.js'
import type { Reporter } from '../log/reporter.js'
import type { BuildMetadata } from '../metadata/build-metadata.js'
import { metadataVariables } from '../metadata/outputs.js'
import { ref } from '../core/input-ref.js'
import type { Plan } from './plan.js'

export interface BuildEnvironment {
  /** The inputs with `build-args` as docker gets them: a NAME the environment does not set is left out. */
  inputs: Inputs
  env: NodeJS.ProcessEnv
}

/**
 * The build's environment: the run's, less the step's inputs (`INPUT_*`: registry passwords and tokens that
 * docker's build step never has, since login-action runs apart), with this run's metadata variables over it.
 * A NAME alone that it does not set is left out, as docker leaves it out, with a warning that says which
 * entry but not what it holds: such a line is as often the rest of a value split by mistake.
 */
export function buildEnvironment(
  inputs: Inputs,
  plan: Pick<Plan, 'byDigest' | 'build'>,
  base: NodeJS.ProcessEnv,
  metadata: Pick<BuildMetadata, 'version' | 'labels' | 'annotations'> | undefined,
  reporter: Pick<Reporter, 'warning'>
): BuildEnvironment {
  const refs = plan.byDigest ? [] : plan.build.refs
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(base).filter(([name]) => !/^INPUT_/i.test(name))),
    ...(metadata && metadataVariables(metadata, refs, inputs))
  }
  const unset = inputs.buildArgs.flatMap((arg, i) => (arg.includes('=') || env[arg] !== undefined ? [] : [i]))
  if (!unset.length) return { inputs, env }
  const which = unset.length > 1 ? 'entries' : 'entry'
  const name = unset.length > 1 ? 'name' : 'names'
  reporter.warning(
    `${ref('build-args')}: ${which} ${unset.map(i => i + 1).join(', ')} ${name} no variable of the build's environment, so docker gets none (a value wanted there: KEY=VALUE)`
  )
  return { inputs: { ...inputs, buildArgs: inputs.buildArgs.filter((_, i) => !unset.includes(i)) }, env }
}
