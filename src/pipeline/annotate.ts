// The build's automatic annotations (annotations.ts), and the one rebuild without the index levels when
// buildx finds no index to put them on: those annotations are ours, not the user's, so they never fail a build.
import {
  buildLevels,
  INDEX_REFUSED,
  mayHaveIndex,
  ociAnnotations,
  withoutIndexLevels
} from '../metadata/annotations.js'
import type { BuildPlan } from '../docker/build-flags.js'
import type { Inputs } from '../inputs/parse.js'
import type { Reporter } from '../log/reporter.js'
import { messageOf } from '../core/text.js'

export function buildAnnotations(
  inputs: Pick<Inputs, 'platforms' | 'provenance' | 'sbom' | 'metadataEnv' | 'annotations'>,
  labels: string[],
  env: NodeJS.ProcessEnv = process.env
): string[] {
  return ociAnnotations(labels, inputs.annotations, buildLevels(inputs), mayHaveIndex(inputs, env))
}

/**
 * Runs `build` with the plan; when buildx refuses the index annotations (the build has no index: one
 * platform and no attestation), runs it once more without them. The refusal comes before the build (the
 * classic store) or at its export, when the cache makes the second run cheap.
 */
export async function withIndexFallback<T>(
  plan: BuildPlan,
  build: (plan: BuildPlan) => Promise<T>,
  reporter: Pick<Reporter, 'info'>
): Promise<T> {
  try {
    return await build(plan)
  } catch (error) {
    const annotations = plan.annotations ?? []
    const rest = withoutIndexLevels(annotations)
    if (rest.length === annotations.length || !INDEX_REFUSED.test(errorText(error))) throw error
    reporter.info('This build has no image index: its OCI annotations go on the manifest only')
    return build({ ...plan, annotations: rest })
  }
}

const errorText = (error: unknown): string =>
  `${messageOf(error)}\n${(error as { stderr?: unknown })?.stderr ?? ''}`
