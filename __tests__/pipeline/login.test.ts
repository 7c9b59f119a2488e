// The login phase with a stand-in runner that behaves as `docker login` does to config.json: it reads the
// file, takes its time to ask the registry, and writes the whole file back with its entry.
import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Docker } from '../../src/docker/docker.js'
import type { Runner } from '../../src/docker/exec.js'
import { defaultInputs } from '../../src/inputs/parse.js'
import { logIn } from '../../src/pipeline/login.js'
import type { Reporter } from '../../src/log/reporter.js'
import { ClassifiedError } from '../../src/core/retry.js'
import { cancelAtFirstWait } from '../helpers/cancel.js'

const infos: string[] = []
const reporter: Reporter = {
  info: m => void infos.push(m),
  notice: () => {},
  warning: () => {},
  debug: () => {},
  setSecret: () => {},
  group: (_name, fn) => fn()
}
const dirs: string[] = []
afterEach(async () => {
  infos.length = 0
  await Promise.all(dirs.splice(0).map(d => rm(d, { recursive: true, force: true })))
})

async function configDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'btp-login-'))
  dirs.push(dir)
  await writeFile(join(dir, 'config.json'), '{}')
  return dir
}

/** `docker login` as it treats config.json: read, wait for the registry, write it whole. */
const loginLikeDocker =
  (dir: string, store = true): Runner =>
  async (_command, args, _env, options) => {
    const file = join(dir, 'config.json')
    const config = JSON.parse(await readFile(file, 'utf8')) as { auths?: Record<string, { auth: string }> }
    await new Promise(resolve => setTimeout(resolve, 30))
    const user = args.find(a => a.startsWith('--username='))!.slice('--username='.length)
    const host = args[args.length - 1]
    const auth = Buffer.from(`${user}:${options.input!.toString('utf8')}`).toString('base64')
    if (store)
      await writeFile(file, JSON.stringify({ ...config, auths: { ...config.auths, [host]: { auth } } }))
    return { exitCode: 0, stdout: 'Login Succeeded', stderr: '' }
  }

const twoLogins = () => ({
  ...defaultInputs({ image: 'app' }),
  logins: [
    { registry: 'one.example:5000', username: 'alice', password: 'pa' },
    { registry: 'two.example:5000', username: 'bob', password: 'pb' }
  ]
})

describe('logIn', () => {
  it('every login lands in config.json, in the order given', async () => {
    const dir = await configDir()
    const docker = new Docker(loginLikeDocker(dir), { DOCKER_CONFIG: dir })
    await logIn(twoLogins(), { docker, reporter, dockerConfig: dir })
    const auths = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')).auths
    expect(Object.keys(auths)).toEqual(['one.example:5000', 'two.example:5000'])
    expect(Buffer.from(auths['two.example:5000'].auth, 'base64').toString()).toBe('bob:pb')
    expect(infos).toEqual(['Logged in to one.example:5000 as alice', 'Logged in to two.example:5000 as bob'])
  })

  it('a login that docker reported but that is not in the file afterwards is said as such, not as bad credentials', async () => {
    const dir = await configDir()
    const docker = new Docker(loginLikeDocker(dir, false), { DOCKER_CONFIG: dir })
    const failed = logIn(twoLogins(), { docker, reporter, dockerConfig: dir })
    await expect(failed).rejects.toThrow(
      `docker login to one.example:5000 succeeded, but ${dir}/config.json no longer holds that login: something else rewrote the file during the step`
    )
    await expect(failed).rejects.not.toThrow(/registry-auth/)
  })
})

describe('a cancel during the login phase', () => {
  it('ends the wait before another docker login at once, with the cancel as the error', async () => {
    const cancel = cancelAtFirstWait()
    let logins = 0
    const docker = {
      login: async () => {
        logins++
        throw new ClassifiedError('Error response from daemon: 503 Service Unavailable', 'transient')
      }
    } as unknown as Docker
    const pending = logIn(
      { ...twoLogins(), retries: 5 },
      {
        docker,
        reporter,
        cancelled: cancel.signal,
        sleep: cancel.sleep
      }
    )
    await expect(pending).rejects.toThrow('the run was cancelled (SIGINT)')
    expect(logins).toBe(1)
    expect(cancel.waits).toHaveLength(1)
  })
})
