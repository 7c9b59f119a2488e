// The `{{…}}` expressions of metadata-action's tag rules: the small part of Handlebars they use, parsed
// once when the inputs are read (so a typo is an input error, before any build) and rendered per event.
// Like Handlebars, `{{x}}` HTML-escapes what it inserts (metadata-action's tags then turn the entities
// into `-`), `{{{x}}}` does not, and `\{{` is a literal `{{`.
import { formatDate, dateFormatProblem, timeZoneProblem } from './date.js'
import { InputProblem } from '../../core/problem.js'

interface Expression {
  name: string
  /** The quoted format of `{{date 'YYYYMMDD'}}`. */
  format?: string
  tz?: string
  escape: boolean
}

export type Part = string | Expression

export interface Template {
  source: string
  parts: Part[]
  /** Each `{{…}}` kept as text because it names no expression of ours (labels and annotations only). */
  kept?: string[]
}

/** Where an expression is written decides the names it may use, as in metadata-action. */
export type Scope = 'global' | 'schedule' | 'version'

/** Names that take a quoted moment.js format and an optional `tz='Area/City'`. */
const DATE_HELPERS = new Set(['date', 'commit_date'])
const NAMES: Record<Scope, Set<string>> = {
  // enable, value, prefix, suffix and flavor's prefix/suffix
  global: new Set([
    'branch',
    'tag',
    'sha',
    'base_ref',
    'is_default_branch',
    'is_not_default_branch',
    'date',
    'commit_date'
  ]),
  // type=schedule's pattern
  schedule: new Set(['date', 'commit_date']),
  // type=semver's and type=pep440's pattern
  version: new Set(['raw', 'version', 'major', 'minor', 'patch'])
}

const show = (s: string): string => JSON.stringify(s)

/** The expressions `scope` may use, as a message lists them: `{{branch}}, {{tag}}, …`. */
export const expressionsOf = (scope: Scope): string => [...NAMES[scope]].map(n => `{{${n}}}`).join(', ')

/** What a value of the expression looks like, for messages. */
const WHERE: Record<Scope, string> = {
  global: 'in value, enable, prefix, suffix and flavor',
  schedule: "in type=schedule's pattern",
  version: "in type=semver's and type=pep440's pattern"
}

// A quoted string, `key='value'`, or a bare word.
const TOKEN = /\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_]+)=(?:'([^']*)'|"([^"]*)")|([^\s'"=]+))/y

function parseExpression(body: string, escape: boolean, scope: Scope): Expression {
  const words: { quoted?: string; key?: string; value?: string; word?: string }[] = []
  TOKEN.lastIndex = 0
  const text = body.trim()
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text)
    if (!m) throw new InputProblem(`{{${body}}} is not an expression we understand`)
    if (m[1] !== undefined || m[2] !== undefined) words.push({ quoted: m[1] ?? m[2] })
    else if (m[3] !== undefined) words.push({ key: m[3], value: m[4] ?? m[5] })
    else words.push({ word: m[6] })
  }
  const [head, ...rest] = words
  const name = head?.word
  if (name === undefined)
    throw new InputProblem(`{{${body}}} has no name; expressions are like {{branch}} or {{date 'YYYYMMDD'}}`)
  if (!NAMES[scope].has(name))
    throw new InputProblem(
      `{{${name}}} is not available ${WHERE[scope]}; there you can use ${expressionsOf(scope)}`
    )
  const expr: Expression = { name, escape }
  if (!DATE_HELPERS.has(name)) {
    if (rest.length) throw new InputProblem(`{{${name}}} takes no arguments`)
    return expr
  }
  for (const w of rest) {
    if (w.quoted !== undefined && expr.format === undefined) expr.format = w.quoted
    else if (w.key === 'tz' && expr.tz === undefined) expr.tz = w.value
    else if (w.key !== undefined) throw new InputProblem(`{{${name}}}: unknown ${w.key} attribute (only tz)`)
    else throw new InputProblem(`{{${name}}} takes one quoted format and tz='Area/City'`)
  }
  if (expr.format === undefined)
    throw new InputProblem(`{{${name}}} needs a quoted format, e.g. {{${name} 'YYYYMMDD'}}`)
  const formatProblem = dateFormatProblem(expr.format)
  if (formatProblem) throw new InputProblem(`{{${name} ${show(expr.format)}}}: ${formatProblem}`)
  if (expr.tz !== undefined) {
    const tzProblem = timeZoneProblem(expr.tz)
    if (tzProblem) throw new InputProblem(`{{${name}}}: ${tzProblem}`)
  }
  return expr
}

/**
 * The `{{…}}` opening at `i` as text, when it names nothing of `scope` (its first word, as parseExpression
 * reads it): through its closing braces, or just the braces when it is not closed.
 */
function foreign(source: string, i: number, scope: Scope): string | undefined {
  const name = /^\{\{\{?\s*([^\s'"=}]*)/.exec(source.slice(i))![1]
  if (NAMES[scope].has(name)) return undefined
  const triple = source.startsWith('{{{', i)
  const end = source.indexOf(triple ? '}}}' : '}}', i + 2)
  return end < 0 ? source.slice(i, i + (triple ? 3 : 2)) : source.slice(i, end + (triple ? 3 : 2))
}

/**
 * Parses `source`; throws an InputProblem naming the expression at fault. With `keepForeign`, a `{{…}}` that
 * names no expression of `scope` is text (and listed in `kept`) instead of a mistake.
 */
export function parseTemplate(source: string, scope: Scope, keepForeign = false): Template {
  const parts: Part[] = []
  const kept: string[] = []
  let text = ''
  let i = 0
  while (i < source.length) {
    if (!source.startsWith('{{', i)) {
      text += source[i++]
      continue
    }
    // Backslashes before `{{`, read as Handlebars reads them: one makes the `{{` literal; two or more stand
    // for one fewer, before an expression.
    const slashes = /\\*$/.exec(text)![0].length
    if (slashes === 1) {
      text = text.slice(0, -1) + '{{'
      i += 2
      continue
    }
    const other = keepForeign ? foreign(source, i, scope) : undefined
    if (other !== undefined) {
      text += other
      kept.push(other)
      i += other.length
      continue
    }
    if (slashes > 1) text = text.slice(0, -1)
    const triple = source.startsWith('{{{', i)
    const close = triple ? '}}}' : '}}'
    const start = i + (triple ? 3 : 2)
    const end = source.indexOf(close, start)
    if (end < 0) throw new InputProblem(`${show(source)}: an expression is not closed with ${close}`)
    const body = source.slice(start, end)
    const comment = /^\s*!/.test(body)
    // Handlebars takes the whole run of closing braces after an expression (not a comment): `{{x}}}` ends
    // with `}}}` and does not parse; nor does a comment in triple braces.
    let braces = close.length
    while (!comment && source[end + braces] === '}') braces++
    if (braces !== close.length || (comment && triple))
      throw new InputProblem(`${show(source)}: ${source.slice(i, end + braces)} is not closed as it opens`)
    i = end + close.length
    if (comment) continue
    if (/^\s*[#/^>~&]|~\s*$/.test(body))
      throw new InputProblem(`{{${body}}}: blocks, partials and whitespace control are not supported`)
    if (text) parts.push(text)
    text = ''
    parts.push(parseExpression(body, !triple, scope))
  }
  if (text) parts.push(text)
  return kept.length ? { source, parts, kept } : { source, parts }
}

/**
 * A `labels` or `annotations` line. metadata-action renders its own with the global expressions, while
 * build-push-action passes them as written, and what metadata-action's `labels` output hands on may hold a
 * repository description with a Helm or Jinja `{{ name }}` in it: an expression of ours is rendered, any
 * other `{{…}}` stays as written.
 */
export const parseLabelLine = (line: string): Template => parseTemplate(line, 'global', true)

/** A template of plain text, for values given without expressions. */
export const literal = (text: string): Template => ({ source: text, parts: text ? [text] : [] })

export const hasExpressions = (t: Template): boolean => t.parts.some(p => typeof p !== 'string')

/** Whether the template uses the expression `name` (`{{commit_date 'YYYYMMDD'}}` uses commit_date). */
export const mentions = (t: Template | undefined, name: string): boolean =>
  !!t?.parts.some(p => typeof p !== 'string' && p.name === name)

/** The value of each name, for one event; date helpers get the time to format. */
export interface Values {
  [name: string]: string | Date | undefined
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;'
}

/** Handlebars' escapeExpression. */
const escapeHtml = (s: string): string => s.replace(/[&<>"'`=]/g, c => ENTITIES[c])

export function render(t: Template, values: Values): string {
  return t.parts
    .map(part => {
      if (typeof part === 'string') return part
      const v = values[part.name]
      const s = v instanceof Date ? formatDate(v, part.format ?? '', part.tz ?? 'UTC') : (v ?? '')
      return part.escape ? escapeHtml(s) : s
    })
    .join('')
}
