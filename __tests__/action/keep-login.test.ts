// keep-login's bookkeeping, without docker: what goes into the job's config, what the saved state holds,
// and what the post step takes back (the e2e test runs it with a real login and a later docker pull).
import { testDir } from '../helpers/temp.js'
import { afterEach, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { lstat, mkdir, readdir, readFile, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { hostname } from 'node:os'
import { spawnSync } from 'node:child_process'
import { keepLogins, removeKeptLogin } from '../../src/action/keep-login.js'
import {
  LOCK_STALE_MS,
  PID_SPACE,
  POINTER_STALE_MS,
  ledgerDir,
  withLock,
  writePrivate
} from '../../src/action/login-ledger.js'
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

  it('with credsStore, another login of the host while ours is kept: the post leaves it with the bypass that has docker read it, and says so', async () => {
    const dir = await testDir('btp-keep-cfg-')
    await writeFile(join(dir, 'config.json'), JSON.stringify({ credsStore: 'desktop' }))
    await keep(dir, [
      { registry: 'r.example', username: 'u', password: 'p' },
      { registry: 's.example', username: 'u', password: 'p' }
    ])
    // `docker login r.example` in a later step, or another job's: through our bypass, into the file.
    const config = await read(dir)
    config.auths['r.example'] = { auth: basic('other', 'login') }
    await writeFile(join(dir, 'config.json'), JSON.stringify(config))
    const warnings: string[] = []
    await removeKeptLogin({ warning: m => warnings.push(m) })
    expect(await read(dir)).toEqual({
      auths: { 'r.example': { auth: basic('other', 'login') } },
      credHelpers: { 'r.example': '' },
      credsStore: 'desktop'
    })
    expect(warnings).toEqual([
      expect.stringMatching(
        /^keep-login: another login replaced the kept one for r\.example in .*config\.json/
      )
    ])
  })
})

describe('keep-login, two jobs sharing one docker config (two self-hosted runners under one user)', () => {
  const KEY = `STATE_${STATE_KEPT_LOGIN}`
  const base = { auths: { 'r.example': { auth: basic('own', 'login') } }, experimental: 'enabled' }

  /** Each job's main keeps its login, in the order given; returns each job's saved state, for its post. */
  async function jobs(dir: string, logins: [string, string][], config: object | null = base) {
    if (config) await writeFile(join(dir, 'config.json'), JSON.stringify(config))
    const states: string[] = []
    for (const [username, password] of logins) {
      await keep(dir, [{ registry: 'r.example', username, password }])
      states.push(process.env[KEY] as string)
    }
    return states
  }
  /** Fresh command files for main steps run here at once; their states are read back with savedStates. */
  const mainFiles = async () => {
    const files = await testDir('btp-keep-files-')
    for (const name of ['state', 'env']) await writeFile(join(files, name), '')
    process.env.GITHUB_STATE = join(files, 'state')
    process.env.GITHUB_ENV = join(files, 'env')
    return join(files, 'state')
  }
  /** Every state saved in a state file, in order (parseCommandFile keeps the last of each name). */
  const savedStates = async (file: string) =>
    (await readFile(file, 'utf8')).split('\n').filter(line => line.startsWith('{"config"'))
  const post = async (state: string) => {
    process.env[KEY] = state
    await removeKeptLogin()
  }

  it("posts in the order the jobs started: the first job's password does not stay behind", async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a, b] = await jobs(dir, [
      ['job-a', 'password-a'],
      ['job-b', 'password-b']
    ])
    await post(a)
    // Job b's later steps still use its own login.
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('job-b', 'password-b') })
    await post(b)
    expect(await read(dir)).toEqual(base)
    expect(await readFile(join(dir, 'config.json'), 'utf8')).not.toContain(basic('job-a', 'password-a'))
    expect(existsSync(ledgerDir(join(dir, 'config.json')))).toBe(false)
  })

  it('the same credentials in both jobs: the first post leaves the second job its login', async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a, b] = await jobs(dir, [
      ['ci', 'same-token'],
      ['ci', 'same-token']
    ])
    await post(a)
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('ci', 'same-token') })
    await post(b)
    expect(await read(dir)).toEqual(base)
  })

  it('three jobs, their posts in any order, and last-first as in one job: the config ends as it began', async () => {
    for (const order of [
      [0, 1, 2],
      [1, 0, 2],
      [2, 0, 1],
      [2, 1, 0],
      [0, 2, 1]
    ]) {
      const dir = await testDir('btp-keep-jobs-')
      const states = await jobs(dir, [
        ['a', 'pa'],
        ['b', 'pb'],
        ['c', 'pc']
      ])
      for (const i of order) await post(states[i])
      expect({ order, config: await read(dir) }).toEqual({ order, config: base })
    }
  })

  it('no config before the jobs: the file and folder the first one made go with the last post', async () => {
    const dir = join(await testDir('btp-keep-jobs-'), '.docker')
    const [a, b] = await jobs(
      dir,
      [
        ['a', 'pa'],
        ['b', 'pb']
      ],
      null
    )
    await post(a)
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('b', 'pb') })
    await post(b)
    expect(existsSync(dir)).toBe(false)
  })

  it('a credential store: the bypass stays while another job still keeps its login, then goes', async () => {
    const dir = await testDir('btp-keep-jobs-')
    const original = { credsStore: 'desktop' }
    const [a, b] = await jobs(
      dir,
      [
        ['a', 'pa'],
        ['b', 'pb']
      ],
      original
    )
    await post(a)
    expect(await read(dir)).toEqual({
      auths: { 'r.example': { auth: basic('b', 'pb') } },
      credHelpers: { 'r.example': '' },
      credsStore: 'desktop'
    })
    await post(b)
    expect(await read(dir)).toEqual(original)
  })

  it('a job whose RUNNER_TEMP is gone (its post never ran) is passed over, and its pointer removed', async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a, b] = await jobs(dir, [
      ['a', 'pa'],
      ['b', 'pb']
    ])
    await rm(dirname(JSON.parse(b).undo), { recursive: true })
    await post(a)
    // b's entry stays, as it would have without the ledger: only b's post could take it back.
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('b', 'pb') })
    expect(existsSync(ledgerDir(join(dir, 'config.json')))).toBe(false)
    const pointers = await readdir(dir)
    expect(pointers).toEqual(['config.json'])
  })

  it("jobs of two hosts or containers (each sees none of the other's RUNNER_TEMP), their posts in the order they started: the first job's password does not stay behind", async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a, b] = await jobs(dir, [
      ['job-a', 'password-a'],
      ['job-b', 'password-b']
    ])
    // Job b runs elsewhere: its pointer says so, and its RUNNER_TEMP cannot be seen from job a's host.
    const bPointer = JSON.parse(b).ledger as string
    await writeFile(
      bPointer,
      JSON.stringify({ ...JSON.parse(await readFile(bPointer, 'utf8')), place: 'host-y' })
    )
    const bTemp = dirname(JSON.parse(b).undo)
    await rename(bTemp, `${bTemp}-on-host-y`)
    await post(a)
    expect(existsSync(bPointer)).toBe(true)
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('job-b', 'password-b') })
    // What job a handed on is the entry the config held before it, never job a's own login.
    expect(await readFile(bPointer, 'utf8')).not.toContain(basic('job-a', 'password-a'))
    await rename(`${bTemp}-on-host-y`, bTemp)
    await post(b)
    expect(await read(dir)).toEqual(base)
    expect(existsSync(ledgerDir(join(dir, 'config.json')))).toBe(false)
  })

  it("another host's pointer is left until it is older than a job runs; this host's goes with its undo file", async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a, b, c] = await jobs(dir, [
      ['a', 'pa'],
      ['b', 'pb'],
      ['c', 'pc']
    ])
    const pointerOf = (state: string) => JSON.parse(state).ledger as string
    for (const state of [b, c]) {
      const pointer = pointerOf(state)
      await writeFile(
        pointer,
        JSON.stringify({ ...JSON.parse(await readFile(pointer, 'utf8')), place: 'host-y' })
      )
      await rm(dirname(JSON.parse(state).undo), { recursive: true })
    }
    const old = new Date(Date.now() - POINTER_STALE_MS - 60_000)
    await utimes(pointerOf(c), old, old)
    await post(a)
    expect({ b: existsSync(pointerOf(b)), c: existsSync(pointerOf(c)) }).toEqual({ b: true, c: false })
  })

  it('two jobs keeping logins at the same moment: each reads the config as the other left it, none is lost', async () => {
    const dir = await testDir('btp-keep-jobs-')
    await writeFile(join(dir, 'config.json'), JSON.stringify(base))
    const stateFile = await mainFiles()
    await Promise.all(
      ['one', 'two', 'three'].map(who =>
        keepLogins([{ registry: `${who}.example`, username: who, password: `p-${who}` }], {
          resolve: async login => login,
          env: { DOCKER_CONFIG: dir },
          tempRoot: dir,
          reporter: quiet
        })
      )
    )
    expect(Object.keys((await read(dir)).auths).sort()).toEqual([
      'one.example',
      'r.example',
      'three.example',
      'two.example'
    ])
    for (const state of await savedStates(stateFile)) await post(state)
    expect(await read(dir)).toEqual(base)
  })

  it("one job's post while another job keeps its login: the first job's password does not come back", async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a] = await jobs(dir, [['a', 'pa']], null)
    const stateFile = await mainFiles()
    process.env[KEY] = a
    await Promise.all([
      removeKeptLogin(),
      keepLogins([{ registry: 'other.example', username: 'b', password: 'pb' }], {
        resolve: async login => login,
        env: { DOCKER_CONFIG: dir },
        tempRoot: dir,
        reporter: quiet
      })
    ])
    expect((await read(dir)).auths).toEqual({ 'other.example': { auth: basic('b', 'pb') } })
    const [b] = await savedStates(stateFile)
    await post(b)
    expect(existsSync(join(dir, 'config.json'))).toBe(false)
  })

  it('a lock left by a step killed while holding it is taken once stale; a live one is waited for', async () => {
    const dir = await testDir('btp-keep-jobs-')
    const lock = `${ledgerDir(join(dir, 'config.json'))}.lock`
    await writeFile(lock, '1\n')
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000)
    await utimes(lock, old, old)
    await jobs(dir, [['a', 'pa']])
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('a', 'pa') })
    expect(existsSync(lock)).toBe(false)

    await writeFile(lock, '1\n')
    setTimeout(() => void rm(lock), 300)
    const started = Date.now()
    await post(process.env[KEY] as string)
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(await read(dir)).toEqual(base)
  })

  it('the post hands on only to the next run that wrote the key, never to an earlier one', async () => {
    // The config began with u; job a keeps a, job b keeps u again, and b ends first.
    const dir = await testDir('btp-keep-jobs-')
    const u = { auths: { 'r.example': { auth: basic('u', 'pu') } } }
    const [a, b] = await jobs(
      dir,
      [
        ['a', 'pa'],
        ['u', 'pu']
      ],
      u
    )
    await post(b)
    // a still runs: its login, not b's.
    expect((await read(dir)).auths['r.example']).toEqual({ auth: basic('a', 'pa') })
    await post(a)
    expect(await read(dir)).toEqual(u)

    // a, then u, then a again; the third ends, then the first, while u's job still runs.
    const dir2 = await testDir('btp-keep-jobs-')
    const [a1, u2, a3] = await jobs(
      dir2,
      [
        ['a', 'pa'],
        ['u', 'pu'],
        ['a', 'pa']
      ],
      null
    )
    await post(a3)
    await post(a1)
    expect((await read(dir2)).auths['r.example']).toEqual({ auth: basic('u', 'pu') })
    await post(u2)
    expect(existsSync(join(dir2, 'config.json'))).toBe(false)
  })

  it('jobs keeping different registries: the file and folder the first one made go with the last post', async () => {
    const dir = join(await testDir('btp-keep-jobs-'), '.docker')
    await mainFiles()
    const states: string[] = []
    for (const registry of ['one.example', 'two.example']) {
      await keep(dir, [{ registry, username: 'u', password: `p-${registry}` }])
      states.push(process.env[KEY] as string)
    }
    for (const state of states) await post(state)
    expect(existsSync(dir)).toBe(false)
  })

  it("a state from before the ledger (no pointer) still restores, and leaves the undo file's folder", async () => {
    const dir = await testDir('btp-keep-jobs-')
    const [a] = await jobs(dir, [['a', 'pa']])
    const old = JSON.parse(a)
    delete old.ledger
    delete old.seq
    await post(JSON.stringify(old))
    expect((await read(dir)).auths).toEqual(base.auths)
    expect(existsSync(dirname(old.undo))).toBe(false)
  })

  it("a lock left by a killed process of this host is taken at once; a release never removes another's lock", async () => {
    const dir = await testDir('btp-keep-jobs-')
    const file = join(dir, 'config.json')
    const lock = `${ledgerDir(file)}.lock`
    // A pid that is surely gone: a child that has exited.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid
    await writeFile(lock, `${hostname()} ${gone} token ${PID_SPACE}\n`)
    const started = Date.now()
    await withLock(file, quiet, async () => {})
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(existsSync(lock)).toBe(false)

    // Another step took our lock as stale meanwhile: ours ends without removing theirs.
    await withLock(file, quiet, async () => {
      await writeFile(lock, 'another step\n')
    })
    expect(await readFile(lock, 'utf8')).toBe('another step\n')
  })

  it('a config whose rename is refused keeps no copy of the credentials beside it', async () => {
    const dir = await testDir('btp-keep-jobs-')
    // A directory where the file goes: the rename fails.
    await mkdir(join(dir, 'config.json'))
    await expect(writePrivate(join(dir, 'config.json'), 'secret')).rejects.toThrow()
    expect(await readdir(dir)).toEqual(['config.json'])
  })

  it('mains and posts of three jobs in 40 seeded orders: each live job sees its own login, and the config ends as it began', async () => {
    let seed = 7
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const users = ['a', 'b', 'own']
    for (let round = 0; round < 40; round++) {
      const dir = join(await testDir('btp-keep-seeded-'), '.docker')
      const original = round % 2 ? base : null
      if (original) {
        await mkdir(dir, { recursive: true })
        await writeFile(join(dir, 'config.json'), JSON.stringify(original))
      }
      // Each job keeps r.example, or r.example and s.example, as one of three users (own: the original's).
      const jobs = [0, 1, 2].map(() => ({
        user: users[random(3)],
        registries: random(2) ? ['r.example'] : ['r.example', 's.example'],
        state: '',
        live: false
      }))
      const steps = [0, 0, 1, 1, 2, 2]
      for (let i = steps.length - 1; i > 0; i--) {
        const j = random(i + 1)
        ;[steps[i], steps[j]] = [steps[j], steps[i]]
      }
      const order: number[] = []
      for (const j of steps) {
        const job = jobs[j]
        if (!job.state) {
          const password = job.user === 'own' ? 'login' : `p-${job.user}`
          await keep(
            dir,
            job.registries.map(registry => ({ registry, username: job.user, password }))
          )
          job.state = process.env[KEY] as string
          job.live = true
          order.push(j)
        } else {
          await post(job.state)
          job.live = false
        }
        // Every key shows the login of the last job to start that keeps it and still runs, else the original.
        const config = existsSync(join(dir, 'config.json')) ? await read(dir) : {}
        for (const key of ['r.example', 's.example']) {
          const holder = [...order].reverse().find(k => jobs[k].live && jobs[k].registries.includes(key))
          const want =
            holder === undefined
              ? (original?.auths as Record<string, unknown> | undefined)?.[key]
              : {
                  auth: basic(
                    jobs[holder].user,
                    jobs[holder].user === 'own' ? 'login' : `p-${jobs[holder].user}`
                  )
                }
          expect({ round, steps, key, entry: config.auths?.[key] }).toEqual({
            round,
            steps,
            key,
            entry: want
          })
        }
      }
      if (original) expect({ round, config: await read(dir) }).toEqual({ round, config: original })
      else expect({ round, left: existsSync(dir) }).toEqual({ round, left: false })
    }
  })
})
