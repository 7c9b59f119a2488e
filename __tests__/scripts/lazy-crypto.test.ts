// scripts/lazy-crypto.mjs: the package step's rewrite of a bundle's crypto externals into the lazy shim.
import { describe, expect, it } from '@jest/globals'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/action.js'
import { externalLine, withLazyCrypto } from '../../scripts/lazy-crypto.mjs'

/** A module factory as ncc writes one for an external builtin. */
const factory = (id: number, name: string): string =>
  `/***/ ${id}:\n/***/ ((module) => {\n\n${externalLine(name)}\n\n/***/ }),\n`

describe('withLazyCrypto', () => {
  it('replaces the crypto and node:crypto externals, and nothing else', () => {
    const bundle = [factory(1, 'crypto'), factory(2, 'fs'), factory(3, 'node:crypto')].join('\n')
    const out = withLazyCrypto(bundle, 'module.exports = req => ({ shim: req })')
    expect(out).not.toContain(externalLine('crypto'))
    expect(out).not.toContain(externalLine('node:crypto'))
    expect(out).toContain(externalLine('fs'))
    expect(out.split('module.exports = req => ({ shim: req })')).toHaveLength(3)
    expect(out.match(/\}\)\(require\);/g)).toHaveLength(2)
  })

  it('leaves a bundle without crypto as it is', () => {
    const bundle = factory(2, 'fs')
    expect(withLazyCrypto(bundle, 'module.exports = 1')).toBe(bundle)
  })

  it('has been applied to every committed bundle', () => {
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true })
      .map(String)
      .filter(f => f.endsWith('.js'))
    const text = files.map(f => readFileSync(join(ROOT, 'dist', f), 'utf8')).join('\n')
    expect(text).not.toContain(externalLine('crypto'))
    expect(text).not.toContain(externalLine('node:crypto'))
    expect(text).toContain("nodeRequire('node:crypto')")
  })
})
