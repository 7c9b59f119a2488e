// scripts/package.mjs: the committed bundles are CommonJS (node loads a chunk through `require` faster than
// as an ES module; docs/design.md has the figures), though the sources are ES modules.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Script } from 'node:vm'
import { ROOT } from '../helpers/action.js'

const DIST = join(ROOT, 'dist')

describe('the committed bundles', () => {
  it('are read by node as CommonJS: beside each entry, a package.json of type commonjs', () => {
    for (const dir of [DIST, join(DIST, 'cli')])
      expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({ type: 'commonjs' })
  })

  it('are scripts: no import or export statement, no top-level await', () => {
    const files = readdirSync(DIST, { recursive: true })
      .map(String)
      .filter(f => f.endsWith('.js'))
    expect(files).toContain('index.js')
    expect(files).toContain(join('cli', 'index.js'))
    const failing = files.filter(f => {
      try {
        // Compiled, not run: V8 parses a classic script, which refuses module syntax.
        new Script(readFileSync(join(DIST, f), 'utf8'), { filename: f })
        return false
      } catch {
        return true
      }
    })
    expect(failing).toEqual([])
  })
})
