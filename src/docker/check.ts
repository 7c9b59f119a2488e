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
  const place = (location: Location | undefined): Pick<Finding, 'file' | 'line' | 'endLine'> => {
    if (!location) return {}
    const file = results.sources?.[location.sourceIndex ?? 0]?.filename
    const range = location.ranges?.[0]
    const line = range?.start?.line || undefined
    const endLine = range?.end?.line || undefined
    return {
      ...(file ? { file } : {}),
      ...(line ? { line } : {}),
      ...(endLine && endLine !== line ? { endLine } : {})
    }
  }
  const findings: Finding[] = (results.warnings ?? []).map(w => ({
    level: 'warning',
    rule: w.ruleName ?? '',
    message: w.detail || w.description || w.ruleName || 'check failed',
    ...(w.url ? { url: w.url } : {}),
    ...place(w.location)
  }))
  if (results.buildError?.message)
    findings.push({
      level: 'error',
      rule: '',
      message: results.buildError.message,
      ...place(results.buildError.location)
    })
  return findings
}

/** One line for a finding: `JSONArgsRecommended: JSON arguments recommended … (https://…)`. */
export const findingText = (f: Finding): string =>
  `${f.rule ? `${f.rule}: ` : ''}${f.message}${f.url ? ` (${f.url})` : ''}`
