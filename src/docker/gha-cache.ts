// `type=gha` cache entries completed as build-push-action completes them, and one step further. BPA adds
// `repository=` and `ghtoken=` to an exported gha cache, so that BuildKit lists cache keys through the
// GitHub API with the job's token instead of the cache API's tighter rate limits. BuildKit's default scope
// (`buildkit`) is one per repository: several images built in one workflow overwrite each other's cache,
// so an entry without `scope=` gets the image's own (and the build target's).
import { csvRecords } from '../inputs/csv.js'

export interface GhaCacheContext {
  /** The scope for entries that name none: the image, and the target when one is built. */
  scope: string
  /** owner/name, for `repository=`; absent outside a repository's run. */
  repository?: string
  /** The `github-token`, for `ghtoken=`; absent when none. */
  token?: string
}

/** The keys of a cache spec's fields; `type` with its value. */
function keysOf(spec: string): { type: string; keys: Set<string> } {
  let type = ''
  const keys = new Set<string>()
  for (const field of csvRecords(spec)[0] ?? []) {
    const at = field.indexOf('=')
    const key = (at < 0 ? field : field.slice(0, at)).trim().toLowerCase()
    keys.add(key)
    if (key === 'type') type = field.slice(at + 1).trim()
  }
  return { type, keys }
}

export const isGhaCache = (spec: string): boolean => keysOf(spec).type === 'gha'

/** Whether a gha entry of `specs` names no scope (and so gets the image's). */
export const lacksScope = (specs: string[]): boolean =>
  specs.some(spec => {
    const { type, keys } = keysOf(spec)
    return type === 'gha' && !keys.has('scope')
  })

/**
 * `specs` with each gha entry completed: `scope=` when it names none; for an export (`cache-to`) also
 * `repository=` and `ghtoken=` as BPA adds them (an import never lists keys, so it needs neither).
 */
export function ghaCacheSpecs(specs: string[], ctx: GhaCacheContext, exported: boolean): string[] {
  return specs.map(spec => {
    const { type, keys } = keysOf(spec)
    if (type !== 'gha') return spec
    const extra: string[] = []
    if (!keys.has('scope')) extra.push(`scope=${ctx.scope}`)
    if (exported && ctx.repository && !keys.has('repository')) extra.push(`repository=${ctx.repository}`)
    if (exported && ctx.token && !keys.has('ghtoken')) extra.push(`ghtoken=${ctx.token}`)
    return [spec, ...extra].join(',')
  })
}

/**
 * The scope of an image (`octo/app`) built at `target`: `octo/app`, or `octo/app-target`; with no image
 * (nothing names it), BuildKit's own default scope, `buildkit`.
 */
export const ghaScope = (image: string, target: string): string => {
  const base = image || 'buildkit'
  return target ? `${base}-${target}` : base
}
