// The AWS SDK and the token services load only when a run has a cloud login: nothing reaches them through
// a static import, so the cold start of every other run does not grow.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../helpers/action.js'

const SRC = path.join(ROOT, 'src')
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap(name => {
    const p = path.join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : /\.ts$/.test(name) ? [p] : []
  })
const sources = walk(SRC).map(f => ({ file: path.relative(SRC, f), text: readFileSync(f, 'utf8') }))

/** Value imports (`import … from`, `export … from`, bare `import '…'`) of specifiers matching `spec`. */
const staticImports = (text: string, spec: RegExp): string[] =>
  [
    ...text.matchAll(
      /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm
    )
  ]
    .filter(m => !m[2] && spec.test(m[3] ?? m[4]))
    .map(m => m[3] ?? m[4])

describe('lazy cloud logins', () => {
  it('no module imports the AWS SDK statically; ecr.ts imports it with import()', () => {
    const offenders = sources.filter(s => staticImports(s.text, /^@aws-sdk\//).length)
    expect(offenders.map(s => s.file)).toEqual([])
    const ecr = sources.find(s => s.file === path.join('registry', 'cloud', 'ecr.ts'))!
    expect(ecr.text).toMatch(/await import\('@aws-sdk\/client-ecr'\)/)
    expect(ecr.text).toMatch(/await import\('@aws-sdk\/client-ecr-public'\)/)
  })

  it('ecr.ts and hub-oidc.ts are reached only through import(); types alone elsewhere', () => {
    const offenders = sources.filter(
      s => staticImports(s.text, /\/cloud\/(ecr|hub-oidc)\.js$|^\.\/(ecr|hub-oidc)\.js$/).length
    )
    expect(offenders.map(s => s.file)).toEqual([])
    const logins = sources.find(s => s.file === path.join('pipeline', 'cloud-logins.ts'))!
    expect(logins.text).toMatch(/await import\('\.\.\/registry\/cloud\/ecr\.js'\)/)
    expect(logins.text).toMatch(/await import\('\.\.\/registry\/cloud\/hub-oidc\.js'\)/)
  })
})
