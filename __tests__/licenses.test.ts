// dist/licenses.txt names the license of every package the bundles hold, ESM-only ones included, each headed
// by the package name on a line of its own. `npm run package` writes it from webpack's list of bundled
// modules; .ci/run's dist step holds the committed file to a fresh build.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './helpers/action.js'

interface Stats {
  modules?: { name?: string; modules?: unknown[] }[]
}
const { bundledPackageDirs, licensesText } = (await import(join(ROOT, 'scripts', 'licenses.mjs'))) as {
  bundledPackageDirs: (stats: Stats[]) => string[]
  licensesText: (root: string, dirs: string[]) => string
}

/** Whether `text` heads an entry with `name`: the name on a line of its own, its license identifier next. */
function heads(text: string, name: string): boolean {
  const lines = text.split('\n')
  return lines.some(
    (l, i) => l === name && (i === 0 || lines[i - 1] === '') && /^\S+/.test(lines[i + 1] ?? '')
  )
}

describe('bundledPackageDirs', () => {
  it('finds every package webpack bundled: scoped, nested, inside concatenated modules, once each', () => {
    const stats: Stats[] = [
      {
        modules: [
          {
            name: './src/index.ts + 12 modules',
            modules: [
              { name: './src/main.ts' },
              { name: './node_modules/@actions/core/lib/core.js' },
              { name: './node_modules/@actions/core/lib/utils.js' }
            ]
          },
          { name: './node_modules/tunnel/lib/tunnel.js' },
          { name: './node_modules/@octokit/core/node_modules/before-after-hook/index.js' },
          { name: 'external "node:fs"' }
        ]
      },
      {
        modules: [
          { name: './node_modules/undici/lib/core/util.js' },
          { name: './node_modules/tunnel/index.js' }
        ]
      }
    ]
    expect(bundledPackageDirs(stats)).toEqual([
      'node_modules/@actions/core',
      'node_modules/@octokit/core/node_modules/before-after-hook',
      'node_modules/tunnel',
      'node_modules/undici'
    ])
  })
})

describe('licensesText', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'btp-licenses-'))
  afterAll(() => rmSync(tmp, { recursive: true, force: true }))

  it('lists ESM-only packages, whose exports hide package.json from a resolver, with their license file', () => {
    // @actions/core's exports has only an import condition and no ./package.json: ncc's --license missed it.
    const text = licensesText(ROOT, ['node_modules/@actions/core', 'node_modules/tunnel'])
    expect(heads(text, '@actions/core')).toBe(true)
    expect(heads(text, 'tunnel')).toBe(true)
    expect(text).toContain(
      readFileSync(join(ROOT, 'node_modules', '@actions', 'core', 'LICENSE.md'), 'utf8').trim()
    )
    expect(text.split('\n').slice(0, 2)).toEqual(['@actions/core', 'MIT'])
  })

  it('refuses a bundled package that names no license', () => {
    const dir = join(tmp, 'node_modules', 'mystery')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'mystery', version: '1.0.0' }))
    expect(() => licensesText(tmp, ['node_modules/mystery'])).toThrow(
      'mystery (node_modules/mystery) is bundled but names no license'
    )
  })
})

describe('dist/licenses.txt', () => {
  const dist = join(ROOT, 'dist')
  const bundles = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap(n => {
      const p = join(dir, n)
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.js') ? [p] : []
    })
  })(dist)

  it('heads every package whose modules the committed bundles name', () => {
    // webpack keeps the path of each concatenated module in a comment: a lower bound of what is bundled.
    const named = new Set<string>()
    for (const file of bundles)
      for (const m of readFileSync(file, 'utf8').matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//g))
        named.add(m[1])
    expect(named.size).toBeGreaterThanOrEqual(10)
    const text = readFileSync(join(dist, 'licenses.txt'), 'utf8')
    expect([...named].filter(name => !heads(text, name)).sort()).toEqual([])
  })
})
