// The repository stands alone: nothing in the code, the tests, the fixtures, the scripts or CI reads a path
// outside it. A fresh clone with nothing beside it must pass the README's commands (.ci/run proves that by
// running them in one); this catches the reference itself, in the unit suite, with the file and line.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, posix, relative, sep } from 'node:path'
import { ROOT } from './helpers/action.js'

/** The folder beside the checkout that CI happens to have (spelt apart, so this file names no such path). */
const SIBLING = ['sha', 'red'].join('')

const SCANNED_DIRS = ['src', '__tests__', '__fixtures__', 'scripts', '.ci']
const SCANNED_ROOT_FILES = [
  'package.json',
  'jest.config.js',
  'eslint.config.js',
  'tsconfig.json',
  'tsconfig.test.json'
]
const THIS_FILE = '__tests__/standalone.test.ts'

/**
 * Strings that look like paths leaving the repository but are data under test, never opened. Each is a
 * decision: the file, the exact text, and why it is not a reference.
 */
const NOT_REFERENCES: { file: string; text: string; why: string }[] = [
  {
    file: '__tests__/docker/credentials.test.ts',
    text: '../../bin/sh',
    why: 'a hostile credHelpers name the code must refuse, not a path the test reads'
  }
]

/** Bases a path is built from, and the directory each stands for (relative to the root; '.' is the file's own). */
const JS_BASES: [RegExp, 'file' | 'root'][] = [
  [
    /import\.meta\.dirname|__dirname|(?:path\.)?dirname\(\s*fileURLToPath\(\s*import\.meta\.url\s*\)\s*\)/,
    'file'
  ],
  [/\b(?:ROOT|root|REPO_ROOT|repoRoot)\b/, 'root']
]
const SH_BASES: [RegExp, 'file' | 'root'][] = [
  [/\$\(\s*dirname\s+"\$\{BASH_SOURCE\[0\]\}"\s*\)/, 'file'],
  [/\$\{?(?:REPO_ROOT|ROOT)\}?/, 'root']
]

interface Finding {
  line: number
  text: string
}

/** Where `path` (posix, relative to the root) ends up: outside when it climbs above the root. */
function escapes(fromDir: string, path: string): boolean {
  const resolved = posix.normalize(posix.join(fromDir, path))
  return resolved === '..' || resolved.startsWith('../')
}

/**
 * The places in `text` (the content of `file`, a posix path relative to the root) that reach outside the
 * repository: relative path literals, path.join/resolve calls on a known base, and shell paths built on the
 * script's own directory or the repository root. Paths built on anything else are not followed.
 */
function outsideReferences(file: string, text: string): Finding[] {
  const dir = posix.dirname(file)
  const found: Finding[] = []
  const lineOf = (index: number): number => text.slice(0, index).split('\n').length
  const add = (index: number, what: string): void => {
    if (!NOT_REFERENCES.some(n => n.file === file && n.text === what))
      found.push({ line: lineOf(index), text: what })
  }

  // The notes and data that sat beside the checkout, named outright however the path is built.
  for (const m of text.matchAll(/\.\.\/shared\b/g)) add(m.index, m[0])
  const isShell = file.startsWith('.ci/') || file.endsWith('.sh')
  if (!isShell) {
    // A relative literal: './x', '../x' (imports, createRequire, new URL(…, import.meta.url)).
    for (const m of text.matchAll(/(['"`])(\.\.?\/[^'"`\n]*)\1/g))
      if (!m[2].includes('${') && escapes(dir, m[2])) add(m.index, m[2])
    // path.join / path.resolve on a known base, followed by string segments.
    for (const [base, kind] of JS_BASES) {
      const call = new RegExp(
        `(?:resolve|join)\\(\\s*(?:${base.source})\\s*((?:,\\s*(['"])[^'"\\n]*\\2\\s*)+)`,
        'g'
      )
      for (const m of text.matchAll(call)) {
        const segments = [...m[1].matchAll(/(['"])([^'"\n]*)\1/g)].map(s => s[2])
        if (escapes(kind === 'file' ? dir : '.', segments.join('/'))) add(m.index, m[0].replace(/\s+/g, ' '))
      }
    }
  } else {
    for (const [base, kind] of SH_BASES)
      for (const m of text.matchAll(new RegExp(`(?:${base.source})((?:/[^\\s"'$)/]+)+)`, 'g')))
        if (escapes(kind === 'file' ? dir : '.', m[1].slice(1))) add(m.index, m[0])
  }
  return found
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

describe('outsideReferences', () => {
  const up = ['..', '..'].join('/')
  it.each([
    ['__tests__/a.test.ts', `const E = path.resolve(import.meta.dirname, '..', '..', '${SIBLING}', 'data')`],
    ['__tests__/a.test.ts', `const E = join(import.meta.dirname, '..', '..', 'elsewhere')`],
    ['__tests__/a.test.ts', `import x from '${up}/outside/x.js'`],
    ['__tests__/a.test.ts', `readFileSync('${up}/${'shared'}/notes/design.md')`],
    ['scripts/a.mjs', `const r = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')`],
    ['scripts/a.mjs', `readFileSync(join(ROOT, '..', 'data.json'))`],
    ['.ci/run', `bash "$REPO_ROOT/../${SIBLING}/setup.sh"`],
    ['.ci/run', `cd "$(dirname "\${BASH_SOURCE[0]}")/../.." && pwd`]
  ])('flags %s: %s', (file, text) => {
    expect(outsideReferences(file, text)).not.toEqual([])
  })

  it.each([
    ['__tests__/pipeline/a.test.ts', `import { x } from '../../src/pipeline/plan.js'`],
    ['__tests__/a.test.ts', `const ROOT = resolve(import.meta.dirname, '..')`],
    ['scripts/a.mjs', `const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')`],
    ['.ci/run', `REPO_ROOT="$(cd "$(dirname "\${BASH_SOURCE[0]}")/.." && pwd)"`],
    ['.ci/run', `bash "$REPO_ROOT/scripts/engine-buildkit.sh"`],
    ['__tests__/registry/a.test.ts', `c.getManifest('a/b', 'v1/../../x')`]
  ])('leaves %s: %s', (file, text) => {
    expect(outsideReferences(file, text)).toEqual([])
  })
})

describe('the repository', () => {
  it('reads nothing outside itself: no file in src, tests, fixtures, scripts or CI names a path beyond the root', () => {
    const files = [
      ...SCANNED_DIRS.flatMap(d => walk(join(ROOT, d))),
      ...SCANNED_ROOT_FILES.map(f => join(ROOT, f))
    ]
      .map(f => relative(ROOT, f).split(sep).join('/'))
      .filter(f => f !== THIS_FILE)
    expect(files.length).toBeGreaterThan(50)
    const findings = files.flatMap(f =>
      outsideReferences(f, readFileSync(join(ROOT, f), 'utf8')).map(x => `${f}:${x.line}: ${x.text}`)
    )
    expect(findings).toEqual([])
  })

  it('keeps every listed exception real: each still appears in its file', () => {
    for (const n of NOT_REFERENCES) expect(readFileSync(join(ROOT, n.file), 'utf8')).toContain(n.text)
  })
})
