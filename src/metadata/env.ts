// metadata-action's DOCKER_METADATA_* environment variables, read once with the inputs. Pure over `env`;
// a bad value is an InputProblem naming the variable, which the input errors name as they name an input.
import { goBool } from '../core/go-bool.js'
import { InputProblem } from '../core/problem.js'
import { formatLevel, LEVEL_WORDS, onePlatformEach, parseLevel } from './levels.js'

export interface MetadataSettings {
  /** DOCKER_METADATA_PR_HEAD_SHA: tag and label pull requests with the head commit, not GITHUB_SHA. */
  prHeadSha: boolean
  /** DOCKER_METADATA_SHORT_SHA_LENGTH: the length of {{sha}} and of type=sha's short form. */
  shortShaLength: number
}

export const DEFAULT_SHORT_SHA_LENGTH = 7

export interface MetadataEnv extends MetadataSettings {
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS, each level in its one spelling; [] when unset (see annotationLevelsOr). */
  annotationLevels: string[]
  /** DOCKER_METADATA_SET_OUTPUT_ENV (default true): export the outputs as DOCKER_METADATA_OUTPUT_<NAME>. */
  setOutputEnv: boolean
}

/** metadata-action's default for DOCKER_METADATA_ANNOTATIONS_LEVELS: its `annotations` output's levels. */
export const OUTPUT_LEVELS = ['manifest'] as const

/**
 * The levels DOCKER_METADATA_ANNOTATIONS_LEVELS names, else `fallback`: the one reader of the variable.
 * The `annotations` output falls back to metadata-action's `manifest` (OUTPUT_LEVELS); the annotations this
 * action sets on its own builds fall back to the manifest and the index (annotations.ts), where GHCR reads
 * a multi-platform image's description.
 */
export const annotationLevelsOr = (
  env: Pick<MetadataEnv, 'annotationLevels'>,
  fallback: readonly string[]
): string[] => (env.annotationLevels.length ? [...env.annotationLevels] : [...fallback])

export const DEFAULT_METADATA_ENV: MetadataEnv = {
  prHeadSha: false,
  shortShaLength: DEFAULT_SHORT_SHA_LENGTH,
  annotationLevels: [],
  setOutputEnv: true
}

/** A variable is not an input: the message says so, in front of what is wrong with it. */
const variableProblem = (variable: string, message: string): InputProblem =>
  new InputProblem(`(an environment variable) ${message}`, variable)

export function readMetadataEnv(env: NodeJS.ProcessEnv): MetadataEnv {
  const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim()
  if (headSha !== '' && !/^(?:true|false)$/i.test(headSha))
    throw variableProblem('DOCKER_METADATA_PR_HEAD_SHA', `${JSON.stringify(headSha)} must be true or false`)

  const lengthText = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim()
  const shortShaLength = lengthText === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(lengthText)
  if (lengthText !== '' && (!/^[0-9]+$/.test(lengthText) || shortShaLength < 1))
    throw variableProblem(
      'DOCKER_METADATA_SHORT_SHA_LENGTH',
      `${JSON.stringify(lengthText)} must be a whole number of at least 1 (the short sha's length; 40 and more is the whole sha)`
    )

  const levelsText = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '').trim()
  // Split at every comma, as metadata-action splits it: a level names one platform (levels.ts).
  const rewritten = onePlatformEach(levelsText)
  if (rewritten)
    throw variableProblem(
      'DOCKER_METADATA_ANNOTATIONS_LEVELS',
      `${JSON.stringify(levelsText)}: a level names one platform, and metadata-action splits the list at every comma; write ${JSON.stringify(rewritten)}`
    )
  const annotationLevels: string[] = []
  for (const text of levelsText.split(',').map(l => l.trim().toLowerCase())) {
    if (text === '') continue
    const level = parseLevel(text)
    if (!level)
      throw variableProblem(
        'DOCKER_METADATA_ANNOTATIONS_LEVELS',
        `${JSON.stringify(text)} is not an annotation level; use a comma-separated list of ${LEVEL_WORDS}, each optionally for one platform as in manifest[linux/amd64]`
      )
    annotationLevels.push(formatLevel(level))
  }
  // Read as metadata-action reads it (Go's ParseBool words).
  const outputEnvText = (env.DOCKER_METADATA_SET_OUTPUT_ENV ?? '').trim()
  const setOutputEnv = outputEnvText === '' || goBool(outputEnvText)
  if (setOutputEnv === undefined)
    throw variableProblem(
      'DOCKER_METADATA_SET_OUTPUT_ENV',
      `${JSON.stringify(outputEnvText)} must be true or false`
    )
  return { prHeadSha: /^true$/i.test(headSha), shortShaLength, annotationLevels, setOutputEnv }
}
