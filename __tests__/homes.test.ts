// One home per idea: processes start only in the exec funnel, and percent-decoding is written once.
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { percentDecoded } from '../src/core/text.js'

const SRC = join(import.meta.dirname, '..', 'src')
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap(e =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|cts|mts)$/.test(e.name) ? [join(dir, e.name)] : []
  )
const holding = (pattern: RegExp): string[] =>
  sources(SRC)
    .filter(f => pattern.test(readFileSync(f, 'utf8')))
    .map(f => relative(SRC, f))

describe('one home', () => {
  it('processes are started by src/docker/exec.ts alone (credential helpers too)', () => {
    expect(holding(/['"]node:child_process['"]|['"]child_process['"]/)).toEqual(['docker/exec.ts'])
  })

  it('percent-decoding is written once, in src/core/text.ts', () => {
    expect(holding(/decodeURIComponent\(/)).toEqual(['core/text.ts'])
  })
})

describe('percentDecoded', () => {
  it.each([
    ['x-access-token', 'x-access-token'],
    ['p%40ss%3Aword', 'p@ss:word'],
    ['%E2%9C%93', '✓'],
    ['100%', '100%'],
    ['%zz', '%zz']
  ])('%s → %s', (raw, want) => {
    expect(percentDecoded(raw)).toBe(want)
  })
})
