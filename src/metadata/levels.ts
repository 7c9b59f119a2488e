// The levels buildx puts an annotation at, and the `[level[platforms]:]key=value` grammar it reads one in:
// one home for the `annotations` input, DOCKER_METADATA_ANNOTATIONS_LEVELS and a merge's index. Pure leaf.
import { quote } from '../core/text.js'
import { InputProblem } from '../core/problem.js'
import { formatSpecifier, parseSpecifier } from '../core/platform-spec.js'

export const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const
export type Level = (typeof LEVELS)[number]

/** The levels only an index has. */
export const INDEX_LEVELS: ReadonlySet<string> = new Set(['index', 'index-descriptor'])

// buildx takes a level's platform in these characters and reads it with containerd's platforms.Parse
// (no `local`, no OS version): core/platform-spec.ts.
const PLATFORM = '[A-Za-z0-9_/-]+'
const LEVEL = new RegExp(`^(${LEVELS.join('|')})(?:\\[(${PLATFORM}(?:,${PLATFORM})*)\\])?$`)
const KEY = /^[A-Za-z0-9][A-Za-z0-9_./-]*$/

export const LEVEL_WORDS = 'manifest, index, manifest-descriptor or index-descriptor'

export interface LevelSpec {
  level: Level
  /** `linux/amd64` from `manifest[linux/amd64]` or `manifest[Linux/x86_64]`; several are comma-separated. */
  platform?: string
}

/** `manifest`, or a level for some platforms as buildx reads it (`manifest[linux/amd64,linux/arm64]`). */
export function parseLevel(text: string): LevelSpec | undefined {
  const m = LEVEL.exec(text)
  if (!m) return undefined
  if (m[2] === undefined) return { level: m[1] as Level }
  // One spelling per platform, so that a level written two ways is one level.
  try {
    return {
      level: m[1] as Level,
      platform: m[2]
        .split(',')
        .map(p => formatSpecifier(parseSpecifier(p)))
        .join(',')
    }
  } catch (error) {
    if (error instanceof InputProblem) return undefined
    throw error
  }
}

export interface Annotation extends Partial<LevelSpec> {
  key: string
  value: string
}

/**
 * `[level[platforms]:]key=value`, as buildx reads an annotation (without a level a build puts it on the
 * manifest, a merge on the index). Throws an InputProblem saying what is wrong with the line.
 */
export function parseAnnotation(line: string): Annotation {
  const eq = line.indexOf('=')
  if (eq <= 0) throw new InputProblem(`${quote(line)} is not [level:]key=value`)
  const left = line.slice(0, eq)
  const value = line.slice(eq + 1)
  const colon = left.lastIndexOf(':')
  const spec = colon < 0 ? undefined : parseLevel(left.slice(0, colon))
  if (colon >= 0 && !spec)
    throw new InputProblem(
      `${quote(line)}: ${quote(left.slice(0, colon))} is not a level; a level is ${LEVEL_WORDS}, optionally for platforms as in manifest[linux/amd64]`
    )
  const key = left.slice(colon + 1)
  if (!KEY.test(key))
    throw new InputProblem(`${quote(line)}: the key ${quote(key)} must be letters, digits and . _ / -`)
  return { level: spec?.level, platform: spec?.platform, key, value }
}
