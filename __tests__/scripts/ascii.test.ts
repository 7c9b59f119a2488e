// The bundles are ASCII (a non-Latin-1 character makes V8 hold and scan a whole chunk as two-byte text), and
// the rewrite that makes them so keeps every program's meaning.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { asciiOnly } from '../../scripts/ascii.mjs'
import { ROOT } from '../helpers/action.js'

const NON_ASCII = /[\u0080-\uffff]/

/** A function body as a script whose value is what the body returns, as JSON for a deep comparison. */
const script = (body: string): string => `JSON.stringify((() => {${body}\n})())`
const valueOf = (source: string): unknown => JSON.parse(runInNewContext(source) as string)

describe('asciiOnly', () => {
  // Each program returns what it computed from its non-ASCII text; the rewrite must return the same.
  const programs: [string, string][] = [
    ['strings, both quotes', `return ['a … b', "→ ä × —", '\u00a0\u0085']`],
    ['a template, with a substitution', 'const x = 2; return `≥ ${x} … ${"é"}`'],
    [
      'a regular expression, a class and a range',
      `return [/…+/.test('x……'), /[à-ÿ]/.exec('xé')[0], /[→]/u.test('→'), /[^→]/v.test('→')]`
    ],
    [
      'astral characters, in a string and in regexps with and without u',
      `return ['😀'.length, /😀/.test('a😀'), /^.$/u.test('😀')]`
    ],
    ['an identifier', `const größe = 3; return größe * 2`],
    ['a line comment, then code on the next line', `let n = 1 // n … counts\nn++\nreturn n`],
    ['a block comment between tokens', `return /* → */ 4 /* ✅ ❌ */ + 1`],
    ['no-break space and BOM between tokens', `return\u00a0[1,\u00a02,\ufeff3]`],
    ['a line separator ending a line comment', `let n = 1 // n\u2028n += 10\nreturn n`],
    ['a line separator as a statement break', `let a = 1\u2028let b = 2\nreturn a + b`]
  ]
  it.each(programs)('keeps the meaning: %s', (_what, body) => {
    const program = script(body)
    const ascii = asciiOnly(program, { sourceType: 'script', name: 'program' })
    expect(ascii).not.toMatch(NON_ASCII)
    expect(valueOf(ascii)).toEqual(valueOf(program))
  })

  it('returns ASCII input as it is', () => {
    const source = 'export const a = "plain" // nothing to do\n'
    expect(asciiOnly(source)).toBe(source)
  })

  it('reads modules: import, export and top-level await', () => {
    const source = 'import x from "y"\nexport const a = await x("…")\n'
    expect(asciiOnly(source)).toBe('import x from "y"\nexport const a = await x("\\u2026")\n')
  })

  it('refuses what it cannot rewrite to the same meaning, naming the line', () => {
    expect(() => asciiOnly('const t = String.raw`a\n… b`', { name: 'b.js' })).toThrow(
      'b.js:2: cannot write U+2026 as ASCII: it is in a tagged template'
    )
    expect(() => asciiOnly("const s = '\\…'", { name: 'c.js' })).toThrow(/c\.js:1: .*follows a backslash/)
  })

  it('refuses a source acorn cannot parse', () => {
    expect(() => asciiOnly('const … = 1')).toThrow()
  })
})

describe('the committed bundles', () => {
  const dist = join(ROOT, 'dist')
  const bundles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.js'))

  it('are all ASCII', () => {
    expect(bundles.length).toBeGreaterThan(2)
    expect(bundles.filter(f => NON_ASCII.test(readFileSync(join(dist, f), 'utf8')))).toEqual([])
  })
})
