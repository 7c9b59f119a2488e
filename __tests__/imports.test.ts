// The shape of src/: no import cycles (type-only and dynamic imports count: a cycle of types is still two
// modules that cannot be read apart), leaf helpers in core/ import nothing of the project, the root holds only
// entry points, and no source file outgrows one sitting.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './helpers/action.js'

const SRC = path.join(ROOT, 'src')
const MAX_LINES = 400

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : [p]
  })
}

const sources = walk(SRC).filter(f => /\.(ts|cts|mts)$/.test(f) && !f.endsWith('.d.cts'))
const rel = (f: string): string => path.relative(SRC, f)

/** Every relative module a file names: static, type-only, re-exports and dynamic `import()`. */
export function importsOf(text: string): string[] {
  const specs: string[] = []
  const patterns = [
    /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"](\.{1,2}\/[^'"]+)['"]/gm
  ]
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1])
  return specs
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec)
  for (const c of [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.cjs$/, '.cts'),
    base,
    `${base}.ts`,
    path.join(base, 'index.ts')
  ])
    if (sources.includes(c)) return c
  return undefined
}

const graph = new Map(
  sources.map(f => [
    f,
    importsOf(readFileSync(f, 'utf8'))
      .map(s => resolve(f, s))
      .filter((x): x is string => x !== undefined)
  ])
)

/** Strongly connected components of more than one module (or a module importing itself): Tarjan. */
function cycles(): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const out: string[][] = []
  const visit = (v: string): void => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        scc.push(rel(w))
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return out
}

describe('the shape of src/', () => {
  it('finds the imports it checks (static, type-only, re-export, dynamic)', () => {
    expect(
      importsOf(
        `import { a } from './a.js'\nimport type { B } from '../b.js'\nexport { c } from './c.js'\nconst d = await import('./d.js')\nimport './e.js'`
      )
    ).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js'])
  })

  it('has no import cycles, counting type-only and dynamic imports', () => {
    expect(cycles()).toEqual([])
  })

  it('keeps core/ a leaf: its modules import nothing of the project outside core/', () => {
    const outside = sources
      .filter(f => rel(f).startsWith(`core${path.sep}`))
      .flatMap(f =>
        (graph.get(f) ?? [])
          .filter(t => !rel(t).startsWith(`core${path.sep}`))
          .map(t => `${rel(f)} → ${rel(t)}`)
      )
    expect(outside).toEqual([])
  })

  it('keeps only entry points at the root of src/', () => {
    const root = readdirSync(SRC).filter(n => n.endsWith('.ts') && statSync(path.join(SRC, n)).isFile())
    expect(root.sort()).toEqual(['bin.ts', 'index.ts'])
  })

  it(`keeps every source file under ${MAX_LINES} lines`, () => {
    const long = sources
      .map(f => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > MAX_LINES)
    expect(long).toEqual([])
  })

  it('opens every folder with a README that says what it holds', () => {
    const dirs = [SRC, ...walk(SRC).map(f => path.dirname(f))].filter((d, i, all) => all.indexOf(d) === i)
    const missing = dirs.filter(d => {
      try {
        return readFileSync(path.join(d, 'README.md'), 'utf8').trim().length === 0
      } catch {
        return true
      }
    })
    expect(missing.map(d => path.relative(ROOT, d))).toEqual([])
  })

  it('lists every module in CONTRIBUTING.md', () => {
    const map = readFileSync(path.join(ROOT, 'CONTRIBUTING.md'), 'utf8')
    const files = walk(SRC).filter(f => /\.(ts|cjs)$/.test(f) && !/^(index|bin)\.ts$/.test(rel(f)))
    expect(files.map(rel).filter(f => !map.includes(`\`${f.split(path.sep).join('/')}\``))).toEqual([])
  })
})
