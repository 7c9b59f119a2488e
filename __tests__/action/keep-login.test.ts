// keep-login's bookkeeping, without docker: what goes into the job's config, what the saved state holds,
// and what the post step takes back (the e2e test runs it with a real login and a later docker pull).
import { testDir } from '../helpers/temp.js'
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { keepLogins, removeKeptLogin } from '../../src/action/keep-login.js'
import { ENV_POST_WANTED, STATE_KEPT_LOGIN } from '../../src/action/state.js'
import { parseCommandFile } from '../helpers/action.js'

const quiet = { info: () => {}, warning: () => {} }
const basic = (u: string, p: string): string => Buffer.from(`${u}:${p}`).toString('base64')
const saved = { ...process.env }

afterEach(() => {
  process.env = { ...saved }
})

/** Runs keepLogins as main would, then hands its saved state to the post step's environment. */
async function keep(
  dir: string,
  logins: { registry: string; username: string; password: string }[],
  resolve = async (login: { username: string; password: string }) => login
) {
  const base = await testDir('btp-keep-unit-')
  const state = join(base, 'state')
  const env = join(base, 'env')
  await writeFile(state, '')
  await writeFile(env, '')
  process.env.GITHUB_STATE = state
  process.env.GITHUB_ENV = env
  await keepLogins(logins, { resolve, env: { DOCKER_CONFIG: dir }, tempRoot: base, reporter: quiet })
  // The runner calls the post step after a successful job only with this in the job's environment.
  expect(parseCommandFile(await readFile(env, 'utf8'))).toEqual({ [ENV_POST_WANTED]: 'true' })
  const text = await readFile(state, 'utf8')
  process.env[`STATE_${STATE_KEPT_LOGIN}`] = parseCommandFile(text)[STATE_KEPT_LOGIN]
  return text
}

const read = async (dir: string) => JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'))

describe('keep-login', () => {
  it('writes static entries (Docker Hub under its auths key); the state holds no credential; post restores', async () => {
    const dir = await testDir('btp-keep-cfg-')
    const original = {
      auths: { 'ghcr.io': { auth: basic('old', 'older') } },
      credHelpers: { 'ghcr.io': 'gcloud' },
      experimental: 'enabled'
    }
    await writeFile(join(dir, 'config.json'), JSON.stringify(original))
    const state = await keep(dir, [
      { registry: 'ghcr.io', username: 'u1', password: 'secret-one' },
      { registry: 'docker.io', username: 'u2', password: 'secret-two' }
    ])
    expect(await read(dir)).toEqual({
      auths: {
        'ghcr.io': { auth: basic('u1', 'secret-one') },
        'https://index.docker.io/v1/': { auth: basic('u2', 'secret-two') }
      },
      // The helper named for ghcr.io would hide the static entry; Docker Hub had none and no credsStore.
      credHelpers: { 'ghcr.io': '' },
      experimental: 'enabled'
    })
    for (const secret of [
      'secret-one',
      'secret-two',
      basic('u1', 'secret-one'),
      basic('u2', 'secret-two'),
      basic('old', 'older')
    ])
      expect(state).not.toContain(secret)
    await removeKeptLogin()
    expect(await read(dir)).toEqual(original)
  })

  it('keeps what each login resolved to in the run (a cloud token), not what it was given as', async () => {
    const dir = await testDir('btp-keep-cfg-')
    await keep(
      dir,
      [
        { registry: 'r.example', username: 'AKIAKEY', password: 'aws-secret' },
        { registry: 'ghcr.io', username: 'u', password: 'p' }
      ],
      async login => (login.username === 'AKIAKEY' ? { username: 'AWS', password: 'ecr-token' } : login)
    )
    expect((await read(dir)).auths).toEqual({
      'r.example': { auth: basic('AWS', 'ecr-token') },
      'ghcr.io': { auth: basic('u', 'p') }
    })
    expect(await readFile(join(dir, 'config.json'), 'utf8')).not.toContain(basic('AKIAKEY', 'aws-secret'))
  })

  it('leaves an entry a later step replaced, and removes a config file and directory it created', async () => {
    const base = await testDir('btp-keep-cfg-')
    const dir = join(base, '.docker')
    await keep(dir, [
      { registry: 'a.example', username: 'u', password: 'p' },
      { registry: 'b.example', username: 'u', password: 'p' }
    ])
    const config = await read(dir)
    config.auths['b.example'] = { auth: basic('later', 'login') }
    await writeFile(join(dir, 'config.json'), JSON.stringify(config))
    await removeKeptLogin()
    expect(await read(dir)).toEqual({ auths: { 'b.example': { auth: basic('later', 'login') } } })

    const fresh = join(base, 'fresh')
    await keep(fresh, [{ registry: 'a.example', username: 'u', password: 'p' }])
    expect(existsSync(join(fresh, 'config.json'))).toBe(true)
    await removeKeptLogin()
    expect(existsSync(fresh)).toBe(false)
  })

  it('a config.json that is a link (dotfiles) stays one: the file it points to is written, then restored', async () => {
    const dir = await testDir('btp-keep-cfg-')
    const dotfile = join(dir, 'dotfiles-docker.json')
    const original = { auths: { 'a.example': { auth: basic('old', 'older') } } }
    await writeFile(dotfile, JSON.stringify(original))
    await symlink(dotfile, join(dir, 'config.json'))
    await keep(dir, [{ registry: 'a.example', username: 'u', password: 'p' }])
    expect((await lstat(join(dir, 'config.json'))).isSymbolicLink()).toBe(true)
    expect(JSON.parse(await readFile(dotfile, 'utf8')).auths['a.example']).toEqual({ auth: basic('u', 'p') })
    await removeKeptLogin()
    expect((await lstat(join(dir, 'config.json'))).isSymbolicLink()).toBe(true)
    expect(JSON.parse(await readFile(dotfile, 'utf8'))).toEqual(original)
  })

  it('an empty config.json reads as docker reads it, {}', async () => {
    const dir = await testDir('btp-keep-cfg-')
    await writeFile(join(dir, 'config.json'), '')
    await keep(dir, [{ registry: 'a.example', username: 'u', password: 'p' }])
    expect(await read(dir)).toEqual({ auths: { 'a.example': { auth: basic('u', 'p') } } })
  })

  it('with credsStore, every kept registry gets its credHelpers bypass, taken back by post', async () => {
    const dir = await testDir('btp-keep-cfg-')
    await mkdir(dir, { recursive: true })
    const original = { credsStore: 'desktop' }
    await writeFile(join(dir, 'config.json'), JSON.stringify(original))
    await keep(dir, [{ registry: 'docker.io', username: 'u', password: 'p' }])
    expect((await read(dir)).credHelpers).toEqual({ 'https://index.docker.io/v1/': '' })
    await removeKeptLogin()
    expect(await read(dir)).toEqual(original)
  })
})
