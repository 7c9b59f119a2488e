// The levels buildx puts an annotation at, and the `[type[,type…]:]key=value` grammar it reads one in (each
// type a level, optionally for one platform): one home for the `annotations` input,
// DOCKER_METADATA_ANNOTATIONS_LEVELS and a merge's index. Pure leaf.
//
// buildx (util/buildflags/export.go, ParseAnnotations, since docker/buildx#2522, mid-2024) cuts the line
// at the first `=`, then at the first `:`, and splits what is before it at every comma into types, each
// `type[platform]`. buildx 0.13 takes one type per flag and reads anything else before the key as part of
// the key; the lines meant for it are one level each (singleLevelLines).
import { quote } from '../core/text.js'
import { InputProblem } from '../core/problem.js'
import { formatSpecifier, parseSpecifier } from '../core/platform-spec.js'

export const LEVELS = ['manifest', 'index', 'manifest-descriptor', 'index-descriptor'] as const
export type Level = (typeof LEVELS)[number]

/** The levels only an index has. */
export const INDEX_LEVELS: ReadonlySet<string> = new Set(['index', 'index-descriptor'])

// buildx takes a level's platform in these characters and reads it with containerd's platforms.Parse
// (no `local`, no OS version): core/platform-spec.ts. One platform: a comma ends the level.
const PLATFORM = '[A-Za-z0-9_/-]+'
const LEVEL = new RegExp(`^(${LEVELS.join('|')})(?:\\[(${PLATFORM})\\])?$`)
// A key as buildx 0.13 and later both take it; a `:` in it is the key's own only after a level.
const KEY = /^[A-Za-z0-9][A-Za-z0-9_./:-]*$/

export const LEVEL_WORDS = 'manifest, index, manifest-descriptor or index-descriptor'

export interface LevelSpec {
  level: Level
  /** `linux/amd64` from `manifest[linux/amd64]` or `manifest[Linux/x86_64]`. */
  platform?: string
}

/** `manifest`, or a level for one platform as buildx reads it (`manifest[linux/amd64]`). */
export function parseLevel(text: string): LevelSpec | undefined {
  const m = LEVEL.exec(text)
  if (!m) return undefined
  if (m[2] === undefined) return { level: m[1] as Level }
  // One spelling per platform, so that a level written two ways is one level.
  try {
    return { level: m[1] as Level, platform: formatSpecifier(parseSpecifier(m[2])) }
  } catch (error) {
    if (error instanceof InputProblem) return undefined
    throw error
  }
}

/** `manifest[linux/amd64]`: a level in its one spelling. */
export const formatLevel = (spec: LevelSpec): string =>
  spec.platform ? `${spec.level}[${spec.platform}]` : spec.level

/** The levels `index,manifest[linux/amd64]` names, or undefined when one of them is not a level. */
export function parseLevels(text: string): LevelSpec[] | undefined {
  const specs = text.split(',').map(parseLevel)
  return specs.every(s => s !== undefined) ? specs : undefined
}

/**
 * `manifest[linux/amd64],manifest[linux/arm64]` for a text that lists platforms in one level
 * (`manifest[linux/amd64,linux/arm64]`), else undefined. buildx and metadata-action split levels at every
 * comma, so such a level is refused (current buildx) or becomes part of the key (0.13).
 */
export function onePlatformEach(text: string): string | undefined {
  if (!/\[[^\]]*,/.test(text)) return undefined
  return text.replace(/([A-Za-z-]+)\[([^\]]*)\]/g, (_all, level: string, platforms: string) =>
    platforms
      .split(',')
      .map(p => `${level}[${p.trim()}]`)
      .join(',')
  )
}

export interface Annotation {
  /** The levels the line names, in its order; none: a build puts it on the manifest, a merge on the index. */
  levels: LevelSpec[]
  key: string
  value: string
}

/** A line's prefix (before the first `:`, if any), key and value; undefined without `=`. */
function split(line: string): { prefix?: string; key: string; value: string } | undefined {
  const eq = line.indexOf('=')
  if (eq < 0) return undefined
  const left = line.slice(0, eq)
  const colon = left.indexOf(':')
  return colon < 0
    ? { key: left, value: line.slice(eq + 1) }
    : { prefix: left.slice(0, colon), key: left.slice(colon + 1), value: line.slice(eq + 1) }
}

/**
 * `[type[,type…]:]key=value`, as buildx reads an annotation. Throws an InputProblem saying what is wrong
 * with the line: what current buildx refuses, and what buildx 0.13 would read as part of the key.
 */
export function parseAnnotation(line: string): Annotation {
  const parts = split(line)
  if (!parts || parts.key === '') throw new InputProblem(`${quote(line)} is not [level:]key=value`)
  const levels = parts.prefix === undefined ? [] : parseLevels(parts.prefix)
  if (!levels) {
    const prefix = parts.prefix as string
    const rewritten = onePlatformEach(prefix)
    if (rewritten)
      throw new InputProblem(
        `${quote(line)}: a level names one platform, and buildx reads every comma before the key as one between levels; write ${quote(`${rewritten}:${parts.key}=…`)}`
      )
    const bad = prefix.split(',').find(t => !parseLevel(t)) as string
    throw new InputProblem(
      `${quote(line)}: ${quote(bad)} is not a level; a level is ${LEVEL_WORDS}, optionally for one platform as in manifest[linux/amd64], and several are comma-separated as in index,manifest:key=value (buildx reads everything before the first ":" as levels)`
    )
  }
  if (!KEY.test(parts.key))
    throw new InputProblem(
      `${quote(line)}: the key ${quote(parts.key)} must be letters, digits and . _ / - :`
    )
  return { levels, key: parts.key, value: parts.value }
}

/**
 * What a line means, without throwing: its levels (none given: []) in their one spelling, key and value;
 * undefined for a line that is not an annotation (parseAnnotation says why).
 */
export function readAnnotation(line: string): Annotation | undefined {
  try {
    return parseAnnotation(line)
  } catch (error) {
    if (error instanceof InputProblem) return undefined
    throw error
  }
}

/**
 * A line as one line per level it names (`index,manifest:k=v` → `index:k=v`, `manifest:k=v`), the same
 * annotations for current buildx, and the only form buildx 0.13 reads as levels. A line with one
 * level or none, or one that is not an annotation, stays as written.
 */
export function singleLevelLines(line: string): string[] {
  const a = readAnnotation(line)
  if (!a || a.levels.length < 2) return [line]
  return a.levels.map(l => `${formatLevel(l)}:${a.key}=${a.value}`)
}
