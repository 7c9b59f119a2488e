// metadata-action's DOCKER_METADATA_* environment variables, read once with the inputs. Pure over `env`;
// a bad value is a MetadataEnvError naming the variable (inputs.ts turns it into an InputError).

export interface MetadataSettings {
  /** DOCKER_METADATA_PR_HEAD_SHA: tag and label pull requests with the head commit, not the merge commit. */
  prHeadSha: boolean
  /** DOCKER_METADATA_SHORT_SHA_LENGTH: the length of {{sha}} and of type=sha's short form. */
  shortShaLength: number
}

export const DEFAULT_SHORT_SHA_LENGTH = 7

export class MetadataEnvError extends Error {
  constructor(
    readonly variable: string,
    message: string
  ) {
    super(message)
  }
}

/** The levels buildx takes annotations at (`index,manifest` → `index:key=value`, `manifest:key=value`). */
export const ANNOTATION_LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const
// A level may name the platforms it is for, as buildx reads `manifest[linux/amd64]:key=value`.
const LEVEL = new RegExp(
  `^(?:${ANNOTATION_LEVELS.join('|')})(?:\\[[a-z0-9_]+/[a-z0-9_]+(?:/[a-z0-9_.]+)?\\])?$`
)

export interface MetadataEnv extends MetadataSettings {
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS, default `manifest`. */
  annotationLevels: string[]
}

export const DEFAULT_METADATA_ENV: MetadataEnv = {
  prHeadSha: false,
  shortShaLength: DEFAULT_SHORT_SHA_LENGTH,
  annotationLevels: ['manifest']
}

export function readMetadataEnv(env: NodeJS.ProcessEnv): MetadataEnv {
  const headSha = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim()
  if (headSha !== '' && !/^(?:true|false)$/i.test(headSha))
    throw new MetadataEnvError(
      'DOCKER_METADATA_PR_HEAD_SHA',
      `${JSON.stringify(headSha)} must be true or false`
    )

  const lengthText = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim()
  const shortShaLength = lengthText === '' ? DEFAULT_SHORT_SHA_LENGTH : Number(lengthText)
  if (lengthText !== '' && (!/^[0-9]+$/.test(lengthText) || shortShaLength < 1))
    throw new MetadataEnvError(
      'DOCKER_METADATA_SHORT_SHA_LENGTH',
      `${JSON.stringify(lengthText)} must be a whole number of at least 1 (the short sha's length; 40 and more is the whole sha)`
    )

  const levelsText = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '').trim()
  // Lowercased, as annotations.ts reads the same variable for the annotations buildx sets.
  const annotationLevels =
    levelsText === '' ? ['manifest'] : levelsText.split(',').map(l => l.trim().toLowerCase())
  for (const level of annotationLevels)
    if (!LEVEL.test(level))
      throw new MetadataEnvError(
        'DOCKER_METADATA_ANNOTATIONS_LEVELS',
        `${JSON.stringify(level)} is not an annotation level; use a comma-separated list of ${ANNOTATION_LEVELS.join(', ')}`
      )
  return { prHeadSha: /^true$/i.test(headSha), shortShaLength, annotationLevels }
}
