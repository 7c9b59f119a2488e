import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createPrivateConfig, credentialKey, LINKED_DIRS, seedConfig } from '../../src/docker/config.js'
import { HUB_AUTH_KEY } from '../../src/core/reference.js'
import { dockerConfigDir } from '../../src/docker/credentials.js'

const HUB = 'https://index.docker.io/v1/'

const userConfig = (): Record<string, unknown> => ({
  auths: {
    'ghcr.io': { auth: 'Z2hjcjpvbGQ=' },
    [HUB]: { auth: 'aHViOm9sZA==' },
    'localhost:5000': { auth: 'bG9jYWw6b2xk' }
  },
  credsStore: 'desktop',
  credHelpers: { 'gcr.io': 'gcloud', 'ghcr.io': 'gh' },
  currentContext: 'colima',
  proxies: { default: { httpProxy: 'http://proxy:3128' } }
})

describe('credentialKey', () => {
  it.each([
    ['docker.io', HUB],
    ['index.docker.io', HUB],
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000']
  ])('%s → %s', (registry, key) => {
    expect(credentialKey(registry)).toBe(key)
  })

  it('uses the legacy Docker Hub key', () => {
    expect(HUB_AUTH_KEY).toBe(HUB)
  })
})

describe('seedConfig', () => {
  it('returns the user config unchanged without a login registry', () => {
    expect(seedConfig(userConfig())).toEqual(userConfig())
    expect(seedConfig({})).toEqual({})
  })

  it.each([
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['docker.io', HUB],
    ['index.docker.io', HUB]
  ])('login to %s forces the file store for key %s and drops its stale auth', (registry, key) => {
    const user = userConfig()
    const seeded = seedConfig(user, registry)
    const helpers = seeded.credHelpers as Record<string, string>
    const auths = seeded.auths as Record<string, unknown>

    expect(helpers[key]).toBe('')
    expect(helpers['gcr.io']).toBe('gcloud')
    expect(key in auths).toBe(false)
    // Other hosts keep their auths, and every unrelated key survives.
    for (const other of ['ghcr.io', HUB, 'localhost:5000'].filter(k => k !== key))
      expect(auths[other]).toEqual((user.auths as Record<string, unknown>)[other])
    expect(seeded.credsStore).toBe('desktop')
    expect(seeded.currentContext).toBe('colima')
    expect(seeded.proxies).toEqual({ default: { httpProxy: 'http://proxy:3128' } })
  })

  it('overrides a user credHelper for the login host', () => {
    const seeded = seedConfig(userConfig(), 'ghcr.io')
    expect((seeded.credHelpers as Record<string, string>)['ghcr.io']).toBe('')
  })

  it('keys Docker Hub only under the legacy key', () => {
    const seeded = seedConfig({}, 'docker.io')
    expect(seeded.credHelpers).toEqual({ [HUB]: '' })
    expect(seeded.auths).toEqual({})
  })

  it('creates credHelpers and auths when the user has none', () => {
    expect(seedConfig({ credsStore: 'osxkeychain' }, 'localhost:5000')).toEqual({
      credsStore: 'osxkeychain',
      credHelpers: { 'localhost:5000': '' },
      auths: {}
    })
  })

  it('does not mutate the user config', () => {
    const user = userConfig()
    seedConfig(user, 'ghcr.io')
    seedConfig(user, 'docker.io')
    expect(user).toEqual(userConfig())
  })
})

describe('createPrivateConfig', () => {
  let root: string
  let userDir: string
  let dir: string

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'btp-config-'))
    userDir = path.join(root, 'user')
    dir = path.join(root, 'run', 'config')
    mkdirSync(userDir)
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))

  const written = (): Record<string, unknown> =>
    JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))

  it('writes a seeded config.json readable only by its owner', async () => {
    writeFileSync(path.join(userDir, 'config.json'), JSON.stringify(userConfig()))
    await createPrivateConfig(dir, userDir, 'ghcr.io')
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(written()).toEqual(seedConfig(userConfig(), 'ghcr.io'))
    // The user's own file is untouched.
    expect(JSON.parse(readFileSync(path.join(userDir, 'config.json'), 'utf8'))).toEqual(userConfig())
  })

  it('copies the user config as is without a login registry', async () => {
    writeFileSync(path.join(userDir, 'config.json'), JSON.stringify(userConfig()))
    await createPrivateConfig(dir, userDir)
    expect(written()).toEqual(userConfig())
  })

  it.each([
    ['no config', undefined],
    ['an empty config', '{}'],
    ['an empty file, as docker reads it', ''],
    ['a blank file', ' \n']
  ])('works when the user dir has %s', async (_name, content) => {
    if (content !== undefined) writeFileSync(path.join(userDir, 'config.json'), content)
    await createPrivateConfig(dir, userDir, 'docker.io')
    expect(written()).toEqual({ credHelpers: { [HUB]: '' }, auths: {} })
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['{not json', /is malformed: .*JSON/],
    ['null', /is malformed: it holds null, and docker's config.json is a JSON object/],
    ['[]', /is malformed: it holds a list/],
    ['"x"', /is malformed: it holds a string/]
  ])('a user config.json of %s is an error naming the file', async (content, why) => {
    const file = path.join(userDir, 'config.json')
    writeFileSync(file, content)
    const failed = createPrivateConfig(dir, userDir, 'docker.io')
    await expect(failed).rejects.toThrow(why)
    await expect(failed).rejects.toThrow(`${file} is malformed`)
  })

  it("a broken config.json's error never quotes its text: credentials are in it", async () => {
    const file = path.join(userDir, 'config.json')
    writeFileSync(file, '{"auths":{"ghcr.io":{"auth":cHJvYmU6U3VwM3ItUzNjcmV0IQ==}}}')
    const failed = createPrivateConfig(dir, userDir, 'docker.io')
    await expect(failed).rejects.toThrow(`${file} is malformed: Unexpected token 'c'; docker's config.json`)
    await expect(failed).rejects.not.toThrow(/cHJv|auths/)
  })

  it('works when the user dir does not exist', async () => {
    await createPrivateConfig(dir, path.join(root, 'missing'), 'localhost:5000')
    expect(written()).toEqual({ credHelpers: { 'localhost:5000': '' }, auths: {} })
    for (const name of LINKED_DIRS) expect(existsSync(path.join(dir, name))).toBe(false)
  })

  it('links cli-plugins and contexts from the user dir, and each entry of its buildx dir', async () => {
    expect(LINKED_DIRS).toEqual(['cli-plugins', 'buildx', 'contexts'])
    for (const name of LINKED_DIRS) {
      mkdirSync(path.join(userDir, name))
      writeFileSync(path.join(userDir, name, 'marker'), name)
    }
    mkdirSync(path.join(userDir, 'other'))
    await createPrivateConfig(dir, userDir, 'ghcr.io')
    for (const name of LINKED_DIRS) {
      const link = path.join(dir, name, name === 'buildx' ? 'marker' : '')
      expect(lstatSync(link).isSymbolicLink()).toBe(true)
      expect(readlinkSync(link)).toBe(path.join(userDir, name, name === 'buildx' ? 'marker' : ''))
      expect(readFileSync(path.join(dir, name, 'marker'), 'utf8')).toBe(name)
    }
    expect(existsSync(path.join(dir, 'other'))).toBe(false)
  })

  it('a relative DOCKER_CONFIG (docker reads it from the working directory): the links still lead into it', async () => {
    mkdirSync(path.join(userDir, 'cli-plugins'))
    writeFileSync(path.join(userDir, 'cli-plugins', 'docker-buildx'), 'plugin')
    // A link's relative target is read from the link's own directory, not from ours.
    await createPrivateConfig(dir, dockerConfigDir({ DOCKER_CONFIG: path.relative(process.cwd(), userDir) }))
    expect(readFileSync(path.join(dir, 'cli-plugins', 'docker-buildx'), 'utf8')).toBe('plugin')
  })

  it("keeps buildx's refs (each build's context, a git URL's token in it) in the run's dir, the builders shared", async () => {
    const buildx = path.join(userDir, 'buildx')
    for (const sub of ['instances', 'refs/default/default'])
      mkdirSync(path.join(buildx, sub), { recursive: true })
    writeFileSync(path.join(buildx, 'current'), '{"Name":"b1"}')
    writeFileSync(path.join(buildx, 'refs', 'default', 'default', 'old'), '{}')
    await createPrivateConfig(dir, userDir)
    const mine = path.join(dir, 'buildx')
    expect(lstatSync(mine).isDirectory()).toBe(true)
    expect(statSync(mine).mode & 0o777).toBe(0o700)
    expect(readdirSync(mine).sort()).toEqual(['current', 'instances'])
    // What buildx writes for a build lands in the run's dir only; a builder created lands in the user's.
    mkdirSync(path.join(mine, 'refs', 'default', 'default'), { recursive: true })
    writeFileSync(
      path.join(mine, 'refs', 'default', 'default', 'new'),
      '{"LocalPath":"http://u:tok@h/r.git"}'
    )
    writeFileSync(path.join(mine, 'instances', 'b2'), '{}')
    expect(readdirSync(path.join(buildx, 'refs', 'default', 'default'))).toEqual(['old'])
    expect(readdirSync(path.join(buildx, 'instances'))).toEqual(['b2'])
    expect(readFileSync(path.join(mine, 'current'), 'utf8')).toBe('{"Name":"b1"}')
  })

  it.each(LINKED_DIRS)('links only what exists (%s alone)', async only => {
    mkdirSync(path.join(userDir, only))
    await createPrivateConfig(dir, userDir)
    for (const name of LINKED_DIRS) expect(existsSync(path.join(dir, name))).toBe(name === only)
  })
})
