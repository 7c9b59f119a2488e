// Rewrites a bundle so that it holds only ASCII, with the same meaning. A source with one character outside
// Latin-1 (a `…` in a comment will do) is decoded by node's slow path and held by V8 as a two-byte string,
// and every later lazy compile scans it so: measured side by side, an ASCII bundle takes 6 to 8 ms less of the
// action's own time. esbuild writes ASCII by default for this reason; webpack, under ncc, does not.
//
// acorn tokenizes, so each character is escaped in the form its place allows: `\uXXXX` in strings,
// templates, regular expressions, identifiers and comments; a plain space or newline where it is whitespace.
// Anything this cannot rewrite to the same meaning (a tagged template's raw text, an escaped non-ASCII
// character, an astral identifier) is refused, never guessed. What changes is only text a program reads of
// its own source: a function's toString() and a regular expression's `source`, as with esbuild's output.
import { parse } from 'acorn'

const LINE_TERMINATORS = new Set([0x2028, 0x2029])
const escapeUnit = code => `\\u${code.toString(16).padStart(4, '0')}`

/** Every node of an ESTree AST, depth first. */
function* nodesOf(node) {
  if (!node || typeof node.type !== 'string') return
  yield node
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object') yield* nodesOf(child)
    }
  }
}

/** `source` (an ES module, or a script with `sourceType: 'script'`) with every non-ASCII character escaped. */
export function asciiOnly(source, { sourceType = 'module', name = 'bundle' } = {}) {
  if (!/[\u0080-\uffff]/.test(source)) return source
  // [start, end, kind] for each place a non-ASCII character may sit.
  const spans = []
  const ast = parse(source, {
    ecmaVersion: 'latest',
    sourceType,
    allowHashBang: true,
    onComment: (_block, _text, start, end) => spans.push([start, end, 'comment']),
    onToken: token => {
      const label = token.type.label
      const kind =
        label === 'string' || label === 'template' || label === 'regexp'
          ? 'literal'
          : label === 'name' || token.type.keyword !== undefined || label === 'privateId'
            ? 'name'
            : undefined
      if (kind) spans.push([token.start, token.end, kind])
    }
  })
  const refuse = (at, why) => {
    const line = source.slice(0, at).split('\n').length
    throw new Error(`${name}:${line}: cannot write U+${source.charCodeAt(at).toString(16)} as ASCII: ${why}`)
  }
  // A tag reads the raw text of its template, which escaping would change.
  const raw = []
  for (const node of nodesOf(ast)) {
    if (node.type === 'TaggedTemplateExpression') raw.push([node.quasi.start, node.quasi.end])
  }
  spans.sort((a, b) => a[0] - b[0])
  let out = ''
  let copied = 0
  let span = 0
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i)
    if (code < 0x80) continue
    while (span < spans.length && spans[span][1] <= i) span++
    const kind = span < spans.length && spans[span][0] <= i ? spans[span][2] : 'between'
    let replacement
    if (kind === 'comment') {
      // A line terminator ends a line comment; acorn ends the comment's span before it.
      replacement = escapeUnit(code)
    } else if (kind === 'between') {
      // Outside every token and comment only whitespace and line terminators can stand.
      replacement = LINE_TERMINATORS.has(code) ? '\n' : ' '
    } else {
      if (raw.some(([start, end]) => start <= i && i < end)) refuse(i, 'it is in a tagged template')
      if (source[i - 1] === '\\') refuse(i, 'it follows a backslash')
      if (kind === 'name' && code >= 0xd800 && code <= 0xdfff) refuse(i, 'an astral character in a name')
      replacement = escapeUnit(code)
    }
    out += source.slice(copied, i) + replacement
    copied = i + 1
  }
  return out + source.slice(copied)
}
