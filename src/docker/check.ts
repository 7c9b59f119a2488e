// `--call=check,format=json`: buildx prints BuildKit's lint results (frontend/subrequests/lint's
// LintResults) on stdout. Read here into findings with a file and a line, for annotations. Pure.

export interface Finding {
  level: 'warning' | 'error'
  /** The rule, e.g. `JSONArgsRecommended`; '' for a build error. */
  rule: string
  message: string
  url?: string
  /** The Dockerfile as BuildKit names it (its name in the context), when the finding has a place. */
  file?: string
  line?: number
  endLine?: number
}

interface Position {
  line?: number
}
interface Location {
  sourceIndex?: number
  ranges?: { start?: Position; end?: Position }[]
}
interface LintResults {
  warnings?: { ruleName?: string; description?: string; url?: string; detail?: string; location?: Location }[]
  sources?: ({ filename?: string } | null)[]
  buildError?: { message?: string; location?: Location }
}

export class CheckOutputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CheckOutputError'
  }
}

/**
 * The findings in buildx's JSON. The JSON is the last thing on stdout (a `{` at a line's start opens it).
 * Protobuf's JSON leaves zero values out: a missing sourceIndex is source 0, a missing line is none.
 */
export function parseCheckFindings(stdout: string): Finding[] {
  const start = stdout.search(/^\{/m)
  if (start < 0) throw new CheckOutputError('buildx printed no check results')
  let results: LintResults
  try {
    results = JSON.parse(stdout.slice(start)) as LintResults
  } catch {
    throw new CheckOutputError('buildx printed check results that are not JSON')
  }
  if (!results || typeof results !== 'object') throw new CheckOutputError('buildx printed no check results')
  // buildx's JSON is read, not trusted: a field of another type counts as absent.
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  const lineNo = (v: unknown): number | undefined =>
    Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : undefined
  const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : [])
  const place = (location: Location | undefined): Pick<Finding, 'file' | 'line' | 'endLine'> => {
    if (!location || typeof location !== 'object') return {}
    const index = Number.isSafeInteger(location.sourceIndex) ? location.sourceIndex! : 0
    const source = list(results.sources)[index]
    const file = source && typeof source === 'object' ? text(source.filename) : ''
    const range = list(location.ranges)[0]
    const line = lineNo(range?.start?.line)
    const endLine = lineNo(range?.end?.line)
    return {
      ...(file ? { file } : {}),
      ...(line ? { line } : {}),
      ...(endLine && endLine !== line ? { endLine } : {})
    }
  }
  const findings: Finding[] = list(results.warnings)
    .filter(w => w && typeof w === 'object')
    .map(w => ({
      level: 'warning',
      rule: text(w.ruleName),
      message: text(w.detail) || text(w.description) || text(w.ruleName) || 'check failed',
      ...(text(w.url) ? { url: text(w.url) } : {}),
      ...place(w.location)
    }))
  const buildError = results.buildError
  if (buildError && typeof buildError === 'object' && text(buildError.message))
    findings.push({
      level: 'error',
      rule: '',
      message: text(buildError.message),
      ...place(buildError.location)
    })
  return findings
}

/** One line for a finding: `JSONArgsRecommended: JSON arguments recommended … (https://…)`. */
export const findingText = (f: Finding): string =>
  `${f.rule ? `${f.rule}: ` : ''}${f.message}${f.url ? ` (${f.url})` : ''}`
