import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, chmodSync } from 'node:fs'
import { tmpdir, homedir } from 'node:os'
import { join } from 'node:path'
import {
  credentialsFromDockerConfig,
  dockerConfigDir,
  helperRunner,
  type HelperRunner
} from '../../src/docker/credentials.js'

const root = mkdtempSync(join(tmpdir(), 'btp-creds-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

let dirs = 0
function configDir(config: unknown): string {
  const dir = join(root, `c${++dirs}`)
  mkdirSync(dir)
  writeFileSync(join(dir, 'config.json'), typeof config === 'string' ? config : JSON.stringify(config))
  return dir
}

const b64 = (s: string) => Buffer.from(s).toString('base64')

/** A runner that answers from a table and records what it was asked. */
function fakeRunner(answers: Record<string, Record<string, unknown> | Error>) {
  const calls: [string, string][] = []
  const run: HelperRunner = async (helper, input) => {
    calls.push([helper, input])
    const answer = answers[`${helper} ${input}`]
    if (answer === undefined) throw new Error('credentials not found in native keychain')
    if (answer instanceof Error) throw answer
    return JSON.stringify(answer)
  }
  return { run, calls }
}

describe('dockerConfigDir', () => {
  it('prefers $DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: '/etc/dc' })).toBe('/etc/dc')
    expect(dockerConfigDir({})).toBe(join(homedir(), '.docker'))
  })

  it('makes a relative $DOCKER_CONFIG absolute from the working directory, as docker reads it', () => {
    expect(dockerConfigDir({ DOCKER_CONFIG: 'config' })).toBe(join(process.cwd(), 'config'))
    expect(dockerConfigDir({ DOCKER_CONFIG: '../dc/' })).toBe(join(process.cwd(), '..', 'dc'))
  })
})

describe('credentialsFromDockerConfig', () => {
  it('returns nothing when config.json is missing', async () => {
    const { run, calls } = fakeRunner({})
    const lookup = credentialsFromDockerConfig(join(root, 'does-not-exist'), run)
    expect(await lookup('ghcr.io')).toBeUndefined()
    expect(calls).toEqual([])
  })

  const inline: [string, Record<string, unknown>, string, unknown][] = [
    [
      'auths.auth base64',
      { 'ghcr.io': { auth: b64('me:pa:ss') } },
      'ghcr.io',
      { username: 'me', password: 'pa:ss' }
    ],
    [
      'auths username/password',
      { 'localhost:5000': { username: 'u', password: 'p' } },
      'localhost:5000',
      { username: 'u', password: 'p' }
    ],
    [
      'identitytoken',
      { 'acr.example.io': { auth: b64('00000000:x'), identitytoken: 'refresh' } },
      'acr.example.io',
      { username: '<token>', password: 'refresh' }
    ],
    [
      'Docker Hub key form',
      { 'https://index.docker.io/v1/': { auth: b64('hub:pw') } },
      'docker.io',
      { username: 'hub', password: 'pw' }
    ],
    [
      'https://host key',
      { 'https://ghcr.io': { auth: b64('a:b') } },
      'ghcr.io',
      { username: 'a', password: 'b' }
    ],
    [
      'http://host key',
      { 'http://reg.local:5000': { auth: b64('a:b') } },
      'reg.local:5000',
      { username: 'a', password: 'b' }
    ],
    ['host/ key', { 'ghcr.io/': { auth: b64('a:b') } }, 'ghcr.io', { username: 'a', password: 'b' }],
    ['another host only', { 'ghcr.io': { auth: b64('a:b') } }, 'quay.io', undefined],
    ['port must match', { 'reg.local:5000': { auth: b64('a:b') } }, 'reg.local', undefined],
    ['empty entry', { 'ghcr.io': {} }, 'ghcr.io', undefined]
  ]
  it.each(inline)('%s', async (_name, auths, registry, expected) => {
    const lookup = credentialsFromDockerConfig(configDir({ auths }), fakeRunner({}).run)
    expect(await lookup(registry)).toEqual(expected)
  })

  it('prefers the exact key when several forms exist', async () => {
    const auths = { 'https://ghcr.io': { auth: b64('old:1') }, 'ghcr.io': { auth: b64('new:2') } }
    const lookup = credentialsFromDockerConfig(configDir({ auths }))
    expect(await lookup('ghcr.io')).toEqual({ username: 'new', password: '2' })
  })

  it('asks credHelpers first, with the server URL on stdin', async () => {
    const { run, calls } = fakeRunner({
      'ecr-login 123.dkr.ecr.us-east-1.amazonaws.com': { Username: 'AWS', Secret: 'ecr-pw' },
      'desktop https://index.docker.io/v1/': { Username: '<token>', Secret: 'hub-identity' }
    })
    const dir = configDir({
      auths: { '123.dkr.ecr.us-east-1.amazonaws.com': { auth: b64('inline:ignored') } },
      credHelpers: {
        '123.dkr.ecr.us-east-1.amazonaws.com': 'ecr-login',
        'https://index.docker.io/v1/': 'desktop'
      }
    })
    const lookup = credentialsFromDockerConfig(dir, run)
    expect(await lookup('123.dkr.ecr.us-east-1.amazonaws.com')).toEqual({
      username: 'AWS',
      password: 'ecr-pw'
    })
    expect(await lookup('docker.io')).toEqual({ username: '<token>', password: 'hub-identity' })
    expect(calls).toEqual([
      ['ecr-login', '123.dkr.ecr.us-east-1.amazonaws.com'],
      ['desktop', 'https://index.docker.io/v1/']
    ])
  })

  it('falls back to credsStore when auths has no inline credentials', async () => {
    const { run, calls } = fakeRunner({ 'pass ghcr.io': { Username: 'u', Secret: 's' } })
    const dir = configDir({ auths: { 'ghcr.io': {}, 'quay.io': { auth: b64('q:r') } }, credsStore: 'pass' })
    const lookup = credentialsFromDockerConfig(dir, run)
    expect(await lookup('ghcr.io')).toEqual({ username: 'u', password: 's' })
    expect(await lookup('quay.io')).toEqual({ username: 'q', password: 'r' })
    expect(await lookup('other.io')).toBeUndefined()
    expect(calls.map(c => c[1])).toEqual(['ghcr.io', 'other.io'])
  })

  it('reads a credHelpers entry by its exact key only, as docker does: other spellings of the host name no helper', async () => {
    const { run, calls } = fakeRunner({
      'ignored ghcr.io': { Username: 'helper', Secret: 'h' },
      'ignored https://index.docker.io/v1/': { Username: 'helper', Secret: 'h' },
      'pass quay.io': { Username: 'store', Secret: 's' }
    })
    const dir = configDir({
      auths: { 'ghcr.io': { auth: b64('file:pw') }, 'https://index.docker.io/v1/': { auth: b64('hub:pw') } },
      credHelpers: {
        'https://ghcr.io': 'ignored',
        'docker.io': 'ignored',
        'quay.io/': 'ignored',
        'http://quay.io': ''
      },
      credsStore: 'pass'
    })
    const lookup = credentialsFromDockerConfig(dir, run)
    expect(await lookup('ghcr.io')).toEqual({ username: 'file', password: 'pw' })
    expect(await lookup('docker.io')).toEqual({ username: 'hub', password: 'pw' })
    // Neither `quay.io/` nor an empty `http://quay.io` pins the host: docker asks credsStore.
    expect(await lookup('quay.io')).toEqual({ username: 'store', password: 's' })
    expect(calls).toEqual([['pass', 'quay.io']])
  })

  it('reads auths, not credsStore, for a host pinned by an empty credHelpers entry', async () => {
    const { run, calls } = fakeRunner({ 'desktop ghcr.io': { Username: 'store', Secret: 'x' } })
    const dir = configDir({
      auths: { 'ghcr.io': { auth: b64('file:pw') } },
      credHelpers: { 'ghcr.io': '', 'quay.io': '' },
      credsStore: 'desktop'
    })
    const lookup = credentialsFromDockerConfig(dir, run)
    expect(await lookup('ghcr.io')).toEqual({ username: 'file', password: 'pw' })
    expect(await lookup('quay.io')).toBeUndefined()
    expect(calls).toEqual([])
  })

  it('treats a missing helper binary and an empty secret as no credentials', async () => {
    const missing = Object.assign(new Error('spawn docker-credential-gone ENOENT'), { code: 'ENOENT' })
    const warnings: string[] = []
    const { run } = fakeRunner({ 'gone ghcr.io': missing, 'empty quay.io': { Username: 'x', Secret: '' } })
    const dir = configDir({ credHelpers: { 'ghcr.io': 'gone', 'quay.io': 'empty' } })
    const lookup = credentialsFromDockerConfig(dir, run, m => warnings.push(m))
    expect(await lookup('ghcr.io')).toBeUndefined()
    expect(await lookup('quay.io')).toBeUndefined()
    expect(warnings).toEqual([])
  })

  it('warns about a helper that fails for other reasons, and ignores helper names with paths', async () => {
    const warnings: string[] = []
    const { run, calls } = fakeRunner({
      'broken ghcr.io': new Error('docker-credential-broken exited with 3: dbus error')
    })
    const dir = configDir({ credHelpers: { 'ghcr.io': 'broken', 'quay.io': '../../bin/sh' } })
    const lookup = credentialsFromDockerConfig(dir, run, m => warnings.push(m))
    expect(await lookup('ghcr.io')).toBeUndefined()
    expect(await lookup('quay.io')).toBeUndefined()
    expect(calls.map(c => c[0])).toEqual(['broken'])
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain('dbus error')
  })

  it('rejects an unparsable config.json with the file name', async () => {
    const dir = configDir('{ not json')
    await expect(credentialsFromDockerConfig(dir)('ghcr.io')).rejects.toThrow(join(dir, 'config.json'))
  })
})

describe('helperRunner', () => {
  it('starts the helper through the exec funnel: argv, the host on stdin, a fixed deadline', async () => {
    const calls: unknown[][] = []
    const env = { PATH: '/nowhere' }
    const run = helperRunner({
      env,
      timeoutMs: 1234,
      runner: async (command, args, childEnv, options) => {
        calls.push([
          command,
          args,
          childEnv,
          options.input?.toString('utf8'),
          options.deadlineMs,
          options.stream
        ])
        return { exitCode: 0, stdout: '{"Secret":"s"}', stderr: '' }
      }
    })
    expect(await run('pass', 'ghcr.io')).toBe('{"Secret":"s"}')
    expect(calls).toEqual([['docker-credential-pass', ['get'], env, 'ghcr.io', 1234, undefined]])
  })

  it('a helper the funnel refused to start (the run was cancelled) is no answer', async () => {
    const run = helperRunner({
      runner: async () => ({
        exitCode: 130,
        stdout: '',
        stderr: '',
        stopped: { reason: 'signal', signal: 'SIGINT' }
      })
    })
    await expect(run('pass', 'ghcr.io')).rejects.toThrow(
      'docker-credential-pass stopped: the run was cancelled'
    )
  })

  const bin = join(root, 'bin')
  mkdirSync(bin, { recursive: true })
  const script = (name: string, body: string) => {
    const file = join(bin, `docker-credential-${name}`)
    writeFileSync(file, `#!/bin/sh\n${body}\n`)
    chmodSync(file, 0o755)
  }
  script('echo', 'read server; printf \'{"ServerURL":"%s","Username":"u","Secret":"s"}\' "$server"')
  script('fail', 'echo "credentials not found in native keychain"; exit 1')
  script('hang', 'sleep 5')
  const run = helperRunner({ env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, timeoutMs: 300 })

  it.each([
    ['answers from stdout', 'echo', undefined],
    ['reports a non-zero exit', 'fail', /exited with 1: credentials not found/],
    ['reports a missing binary with ENOENT', 'absent-helper', /ENOENT/],
    ['kills a helper that hangs', 'hang', /timed out after 300 ms/]
  ])('%s', async (_name, helper, error) => {
    const result = run(helper, 'ghcr.io\n')
    if (error) await expect(result).rejects.toThrow(error)
    else expect(JSON.parse(await result)).toEqual({ ServerURL: 'ghcr.io', Username: 'u', Secret: 's' })
  })
})
