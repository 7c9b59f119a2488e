import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InputError } from '../../src/inputs/parse.js'
import { errorLine, maskCredentials } from '../../src/action/main.js'
import { runBundle } from '../helpers/bundle.js'
import { cpuMs } from '../helpers/cpu-time.js'

describe('maskCredentials', () => {
  it('masks the password and the base64 forms docker writes, before anything else', () => {
    const masked: string[] = []
    maskCredentials('user', 'p@ss', v => masked.push(v))
    expect(masked).toEqual([
      'p@ss',
      Buffer.from('user:p@ss').toString('base64'),
      Buffer.from('p@ss').toString('base64')
    ])
  })
  it('masks nothing without a password', () => {
    const masked: string[] = []
    maskCredentials('user', '', v => masked.push(v))
    expect(masked).toEqual([])
  })
})

describe('errorLine', () => {
  it.each([
    [new Error('docker push failed\n  details here'), 'docker push failed details here'],
    [new InputError('tags', '"x y" is not a valid tag'), 'Invalid input "tags": "x y" is not a valid tag'],
    ['plain string', 'plain string'],
    [new Error(''), 'build-tag-push failed']
  ])('%p → %j', (error, line) => {
    expect(errorLine(error)).toBe(line)
  })

  it('keeps spaces that hold no line break; a line break with the whitespace around it is one space', () => {
    expect(errorLine(new Error('a  b \r\n\t c\n\nd'))).toBe('a  b c d')
  })

  // Docker's output can end up in a message. A long run of spaces took about 1.4 s per 40 000 (quadratic)
  // with the pattern before; the bound is far above what a linear pass takes.
  it('takes time linear in the message, whatever its whitespace', () => {
    const ms = cpuMs(() => {
      expect(errorLine(new Error(`a${' '.repeat(100_000)}b`))).toBe(`a${' '.repeat(100_000)}b`)
    })
    expect(ms).toBeLessThan(1000)
  })
})

describe('main, as the runner starts the bundle', () => {
  // The runner creates the file before the step; a broken one (or a runner stand-in) may not.
  it('a GITHUB_STATE that names no file fails the step with one error line, not a stack trace', () => {
    const missing = join(tmpdir(), 'btp-no-such-dir-5c1e', 'state')
    const { out, stdout, status } = runBundle({ GITHUB_STATE: missing })
    expect(status).toBe(1)
    expect(stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([
      `::error::Missing file at path: ${missing}`
    ])
    expect(out).not.toMatch(/^\s+at /m)
  })

  it('a DOCKER_BUILD_SUMMARY that is not true or false is one input error naming it, before any build', () => {
    const context = mkdtempSync(join(tmpdir(), 'btp-summary-'))
    writeFileSync(join(context, 'Dockerfile'), 'FROM scratch\n')
    const { stdout, status } = runBundle({
      INPUT_IMAGE: 'o/app',
      INPUT_CONTEXT: context,
      DOCKER_BUILD_SUMMARY: 'no'
    })
    rmSync(context, { recursive: true })
    expect(status).toBe(1)
    expect(stdout.split('\n').filter(l => l.startsWith('::error::'))).toEqual([
      '::error::Invalid input "DOCKER_BUILD_SUMMARY": (an environment variable) "no" must be true or false'
    ])
    expect(stdout).not.toContain('::group::')
  })

  // The runner hides a value only from the ::add-mask:: line on: it must come before the error quoting it.
  it("a URL's userinfo in any input is masked before an input error can quote it", () => {
    const url = 'ssh://git:Tok-9f2c@github.com/o/r.git'
    const { stdout, status } = runBundle({ 'INPUT_BUILD-CONTEXTS': url, INPUT_IMAGE: 'o/app' })
    expect(status).toBe(1)
    const lines = stdout.split('\n')
    const error = lines.findIndex(l => l.startsWith('::error::'))
    expect(lines[error]).toContain('Tok-9f2c')
    expect(lines.indexOf('::add-mask::Tok-9f2c')).toBeGreaterThanOrEqual(0)
    expect(lines.indexOf('::add-mask::Tok-9f2c')).toBeLessThan(error)
  })
})
