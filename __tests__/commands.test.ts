import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Commands, escapeData } from '../src/commands.js'
import { parseCommandFile } from './helpers/action.js'

function commands(env: NodeJS.ProcessEnv = {}): { c: Commands; out: string[] } {
  const out: string[] = []
  return { c: new Commands(env, line => out.push(line)), out }
}

afterEach(() => {
  process.exitCode = undefined
})

describe('Commands', () => {
  it.each([
    ['plain', 'plain'],
    ['50%', '50%25'],
    ['a\nb', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['%0A literal', '%250A literal']
  ])('escapes %j as %j so one message stays one line', (raw, escaped) => {
    expect(escapeData(raw)).toBe(escaped)
  })

  it('reads INPUT_<NAME> the way the runner sets it, trimmed unless asked not to', () => {
    const { c } = commands({ 'INPUT_BUILD-ARGS': ' A=1 ', INPUT_PASSWORD: ' p w ', INPUT_MY_INPUT: 'x' })
    expect(c.getInput('build-args')).toBe('A=1')
    expect(c.getInput('password', false)).toBe(' p w ')
    expect(c.getInput('my input')).toBe('x')
    expect(c.getInput('missing')).toBe('')
  })

  it('writes outputs and state as delimited blocks the runner parses, multi-line values intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btp-cmd-'))
    const env = { GITHUB_OUTPUT: join(dir, 'out'), GITHUB_STATE: join(dir, 'state') }
    writeFileSync(env.GITHUB_OUTPUT, '')
    writeFileSync(env.GITHUB_STATE, '')
    const { c, out } = commands(env)
    c.setOutput('tags', 'a:1\na:2')
    c.setOutput('digest', 'sha256:x')
    c.saveState('workDir', '/tmp/w')
    expect(parseCommandFile(readFileSync(env.GITHUB_OUTPUT, 'utf8'))).toEqual({
      tags: 'a:1\na:2',
      digest: 'sha256:x'
    })
    expect(parseCommandFile(readFileSync(env.GITHUB_STATE, 'utf8'))).toEqual({ workDir: '/tmp/w' })
    expect(out).toEqual([])
  })

  it('without the runner files, prints the values instead of losing them', () => {
    const { c, out } = commands({})
    c.setOutput('digest', 'sha256:x')
    c.saveState('k', 'v')
    expect(out.join('')).toContain('::set-output name=digest::sha256:x')
    expect(out.join('')).toContain('::save-state name=k::v')
    expect(c.summary('# hi')).toBe(false)
  })

  it('masks, groups, annotates, and fails with exit code 1 and one error line', () => {
    const { c, out } = commands({ STATE_isPost: 'true' })
    c.setSecret('s3cret')
    c.setSecret('')
    c.warning('careful\nnow')
    c.setFailed('broke: a\nb')
    expect(out).toEqual(['::add-mask::s3cret\n', '::warning::careful%0Anow\n', '::error::broke: a%0Ab\n'])
    expect(process.exitCode).toBe(1)
    expect(c.getState('isPost')).toBe('true')
  })

  it('closes a group even when its body throws', async () => {
    const { c, out } = commands()
    await expect(
      c.group('Build', async () => {
        throw new Error('x')
      })
    ).rejects.toThrow('x')
    expect(out).toEqual(['::group::Build\n', '::endgroup::\n'])
  })

  it('appends markdown to the job summary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btp-cmd-'))
    const file = join(dir, 'summary')
    writeFileSync(file, 'before\n')
    expect(commands({ GITHUB_STEP_SUMMARY: file }).c.summary('### build-tag-push')).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe('before\n### build-tag-push\n')
  })
})
