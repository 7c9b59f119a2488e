// `platforms` (`--platform` in the CLI) takes what buildx takes and refuses, naming the input, what it
// refuses. The rows are facts: containerd's platforms.Parse cases and buildx's platformutil (`local`, the
// comma split), and what buildx 0.13 on dockerd 26 accepted and refused here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { InputError, parseInputs } from '../../src/inputs/parse.js'
import { main } from '../../src/cli/main.js'

let cwd: string
beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'btp-platforms-'))
  writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
})
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const parse = (platforms: string) => parseInputs(name => ({ image: 'my/app', platforms })[name] ?? '', cwd)

function failure(platforms: string): InputError {
  try {
    parse(platforms)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error(`expected ${JSON.stringify(platforms)} to be refused`)
}

describe('platforms buildx accepts are accepted, passed on as written', () => {
  it.each([
    'linux/amd64',
    'linux/arm/v7',
    'linux/arm64/v8',
    'Linux/AMD64',
    'LINUX/ARM64/V8',
    'linux/x86_64',
    'linux/x86-64',
    'linux/aarch64',
    'linux/armhf',
    'linux/armel',
    'linux/amd64/v2',
    'linux/arm64/v9.0',
    'linux/riscv64',
    'macos/arm64',
    'darwin/arm64',
    'windows/amd64',
    'windows(10.0.17763)/amd64',
    'windows(10.0.20348+win32k)/amd64',
    'linux/amd_64',
    // A two-part specifier is taken whatever its names: the engine finds out whether it can build it.
    'foo/bar',
    'local',
    'LOCAL',
    'linux',
    'Windows',
    'amd64',
    'arm64',
    'x86_64',
    'aarch64',
    'i386',
    'armel'
  ])('%s', value => {
    const { inputs, notices } = parse(value)
    expect(inputs.platforms).toEqual([value])
    expect(notices).toEqual([])
  })

  it('splits entries at commas as buildx splits its flag, keeping each as written', () => {
    expect(parse('Linux/AMD64, linux/aarch64\nlocal').inputs.platforms).toEqual([
      'Linux/AMD64',
      'linux/aarch64',
      'local'
    ])
    // A quoted field beside others keeps its comma in the list; buildx still splits it.
    expect(parse('"linux/amd64,linux/arm64", linux/s390x').inputs.platforms).toEqual([
      'linux/amd64',
      'linux/arm64',
      'linux/s390x'
    ])
  })
})

describe('a platform named twice is built once, with a notice', () => {
  it.each([
    ['linux/amd64,linux/x86_64', ['linux/amd64'], '"linux/x86_64" is "linux/amd64" again (linux/amd64)'],
    ['Linux/AMD64,linux/amd64', ['Linux/AMD64'], '"linux/amd64" is "Linux/AMD64" again'],
    ['linux/arm64,linux/aarch64,linux/arm64/v8', ['linux/arm64'], '"linux/arm64/v8" is "linux/arm64" again'],
    [
      'linux/arm,linux/arm/v7,linux/armhf',
      ['linux/arm'],
      '"linux/armhf" is "linux/arm" again (linux/arm/v7)'
    ],
    ['linux/amd64/v1,linux/amd64', ['linux/amd64/v1'], '"linux/amd64" is "linux/amd64/v1" again']
  ])('%s', (value, platforms, notice) => {
    const parsed = parse(value)
    expect(parsed.inputs.platforms).toEqual(platforms)
    expect(parsed.notices.join('\n')).toContain(notice)
  })

  it.each([
    // Different platforms: variants and OS versions count.
    ['linux/arm/v6,linux/arm/v7', ['linux/arm/v6', 'linux/arm/v7']],
    ['linux/amd64,linux/amd64/v2', ['linux/amd64', 'linux/amd64/v2']],
    [
      'windows(10.0.17763)/amd64,windows(10.0.20348)/amd64',
      ['windows(10.0.17763)/amd64', 'windows(10.0.20348)/amd64']
    ],
    // What the host fills in is the host's as buildx sees it: never taken for a repeat.
    ['local,linux/amd64', ['local', 'linux/amd64']],
    ['linux/amd64,amd64', ['linux/amd64', 'amd64']]
  ])('%s stays', (value, platforms) => {
    expect(parse(value).inputs.platforms).toEqual(platforms)
  })
})

describe('platforms buildx refuses are refused before anything runs, naming the input and the rule', () => {
  it.each([
    ['*', 'wildcards'],
    ['linux/*', 'wildcards'],
    ['linux/amd64/v2/x', 'more than three parts'],
    ['linux/', '"" in "linux/" is not an architecture'],
    ['/amd64', '"" in "/amd64" is not an OS'],
    ['linux//amd64', 'is not an architecture or variant'],
    ['foo', '"foo" is neither a known OS nor a known architecture'],
    ['amd65', 'neither a known OS nor a known architecture'],
    ['linux/&*!', 'wildcards'],
    ['linux/arm/v7!', '"v7!" in "linux/arm/v7!" is not an architecture or variant'],
    ['linux.x/amd64', '"linux.x" in "linux.x/amd64" is not an OS'],
    ['linux(/amd64', 'is not an OS'],
    ['windows(10.0%zz)/amd64', 'not valid %-escaping'],
    ['linux/amd64 --push', '"amd64 --push" in "linux/amd64 --push"'],
    // buildx splits at commas without trimming: a space inside a quoted entry is refused.
    ['"linux/amd64, linux/arm64",linux/s390x', '" linux" in " linux/arm64" is not an OS']
  ])('%s', (value, rule) => {
    const error = failure(value)
    expect(error.input).toBe('platforms')
    expect(error.message).toContain('Invalid input "platforms"')
    expect(error.message).toContain(rule)
    expect(error.message).toContain('a platform is os/arch[/variant]')
  })
})

class Sink extends Writable {
  text = ''
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

describe('the CLI names --platform', () => {
  it('refuses a platform buildx refuses with exit 2, before anything starts', async () => {
    const stdout = new Sink()
    const stderr = new Sink()
    const io = { stdout, stderr } as unknown as Parameters<typeof main>[1]
    const code = await main(['--context', cwd, '--image', 'my/app', '--platform', 'linux/amd64/v2/x'], io)
    expect(code).toBe(2)
    expect(stderr.text).toMatch(
      /^build-tag-push: invalid --platform: "linux\/amd64\/v2\/x" has more than three parts/
    )
    expect(stderr.text).not.toContain('==>')
    expect(stdout.text).toBe('')
  })
})
