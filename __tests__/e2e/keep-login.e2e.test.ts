// keep-login: the login lands in the job's docker config as a static entry, a later step of the job pulls
// the private image with it, and the post step puts that config back exactly as it was. Without it (the
// default) the login dies with our step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expectSucceeded, parseCommandFile, runAction, type LaterStep } from '../helpers/action.js'
import {
  dockerCli,
  ensureBaseImage,
  makeContext,
  removeImages,
  requireDocker,
  runCommand,
  type CliResult
} from '../helpers/docker.js'
import { startAction } from '../helpers/processes.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw } from '../helpers/skopeo.js'
import { jobDockerConfig, readJobConfig } from '../helpers/job-config.js'
import { filesHolding } from '../helpers/files-holding.js'
import { ENV_POST_WANTED, STATE_KEPT_LOGIN } from '../../src/action/state.js'
import { keepLogins, removeKeptLogin } from '../../src/action/keep-login.js'
import { processesNaming } from '../../src/docker/orphans.js'

const USERNAME = 'btp-keep-user'
const PASSWORD = `keep-${randomBytes(8).toString('hex')}`
const AUTH = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')
// A second user of the same registry: another job's login.
const OTHER = { username: 'btp-keep-other', password: `other-${randomBytes(8).toString('hex')}` }
const OTHER_AUTH = Buffer.from(`${OTHER.username}:${OTHER.password}`).toString('base64')
const UNAUTHORIZED = /unauthorized|no basic auth credentials|authentication required/i

let base: string
let registry: TestRegistry
const contexts: string[] = []
let n = 0
const repo = (name: string): string => `keep/${name}-${process.pid}-${++n}`

async function context(): Promise<string> {
  const dir = await makeContext({
    Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
  })
  contexts.push(dir)
  return dir
}

/** A credential store that knows no login (a keychain stand-in on PATH: docker runs docker-credential-<store>). */
async function emptyStore(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'btp-cred-store-'))
  contexts.push(dir)
  await writeFile(
    join(dir, 'docker-credential-btp-empty-store'),
    '#!/bin/sh\ncase "$1" in\n  list) echo "{}" ;;\n  get|erase) echo "credentials not found in native keychain"; exit 1 ;;\n  *) exit 1 ;;\nesac\n',
    { mode: 0o755 }
  )
  return dir
}

/** `docker pull` as a later step runs it: with exactly the environment the runner gives that step. */
const pull = (env: NodeJS.ProcessEnv, ref: string): Promise<CliResult> =>
  runCommand('docker', ['pull', ref], { env })

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry({ auth: [{ username: USERNAME, password: PASSWORD }, OTHER] })
})

afterAll(async () => {
  await registry?.stop()
  await Promise.all(contexts.map(d => rm(d, { recursive: true, force: true })))
})

describe('keep-login', () => {
  it('true: the job config (DOCKER_CONFIG, with a credsStore and an older entry for the registry) gets the login as a static entry; a later step pulls with it; the post step puts the config back', async () => {
    const image = repo('kept')
    const prefix = `${registry.host}/${image}`
    // A credential store that knows no login (a keychain stand-in on PATH: docker runs
    // docker-credential-<store>), and a stale entry for the same host: before our step, a pull with this
    // config fails, and docker would not even read a static entry for the host while the store is in force.
    const path = `${await emptyStore()}:${process.env.PATH}`
    const original = {
      auths: {
        [registry.host]: { auth: Buffer.from(`${USERNAME}:stale`).toString('base64') },
        'other.example': { auth: Buffer.from('o:p').toString('base64') }
      },
      credsStore: 'btp-empty-store',
      credHelpers: { 'third.example': 'btp-other' },
      psFormat: 'table {{.ID}}'
    }
    const jobDir = await jobDockerConfig(original)
    contexts.push(jobDir)
    let seen:
      | { config: Record<string, unknown> | undefined; control: CliResult; pulled: CliResult; ref: string }
      | undefined
    const r = await runAction(
      {
        context: await context(),
        image,
        registry: registry.host,
        tags: 'v1',
        username: USERNAME,
        password: PASSWORD,
        'keep-login': 'true'
      },
      {
        env: { DOCKER_CONFIG: jobDir, PATH: path },
        laterStep: async ({ env, outputs }: LaterStep) => {
          const ref = outputs['image-ref']
          // Nothing local to pull from: the later step's pull goes to the registry.
          await removeImages(prefix)
          // Control: the job's config as it was before our step.
          const before = await jobDockerConfig(original)
          contexts.push(before)
          const control = await pull({ ...env, DOCKER_CONFIG: before }, ref)
          const pulled = await pull(env, ref)
          seen = { config: await readJobConfig(jobDir), control, pulled, ref }
        }
      }
    )
    expectSucceeded(r)
    expect(r.post?.code).toBe(0)
    const { config, control, pulled, ref } = seen!
    expect(ref).toBe(
      `${prefix}@${(await inspectRaw(registry.host, `${image}:v1`, { username: USERNAME, password: PASSWORD })).digest}`
    )
    // DOCKER_CONFIG stays the job's, not exported: only the variable that has the runner start the post step.
    expect(r.exported).toEqual({ [ENV_POST_WANTED]: 'true' })
    expect(control.code).not.toBe(0)
    expect(control.stderr).toMatch(UNAUTHORIZED)
    expect(pulled.code).toBe(0)
    // The login is a static entry, used for that host despite the store; everything else is as it was.
    expect(config).toEqual({
      ...original,
      auths: { ...original.auths, [registry.host]: { auth: AUTH } },
      credHelpers: { ...original.credHelpers, [registry.host]: '' }
    })
    const pulledDigests = await dockerCli(['image', 'inspect', '--format', '{{json .RepoDigests}}', ref])
    expect(pulledDigests.stdout).toContain(ref.split('@')[1])
    await removeImages(prefix)

    // The post step put the job's config back as it was, the older entry included.
    expect(await readJobConfig(jobDir)).toEqual(original)
    // The saved state never held the credentials, and nothing under RUNNER_TEMP or HOME does any more.
    expect(JSON.stringify(r.state)).not.toContain(PASSWORD)
    expect(JSON.stringify(r.state)).not.toContain(AUTH)
    for (const secret of [PASSWORD, AUTH]) {
      expect(await filesHolding(secret, r.runnerTemp)).toEqual([])
      expect(await filesHolding(secret, r.home)).toEqual([])
      expect(await filesHolding(secret, jobDir)).toEqual([])
    }
    // The log never showed them.
    expect(
      r.log
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::') && (l.includes(PASSWORD) || l.includes(AUTH)))
    ).toEqual([])
  })

  it('false (the default): the job config is untouched, and a later step has no login', async () => {
    const image = repo('default')
    const prefix = `${registry.host}/${image}`
    const jobDir = await jobDockerConfig({ auths: {} })
    contexts.push(jobDir)
    let later: { pulled: CliResult; state: Record<string, string>; env: NodeJS.ProcessEnv } | undefined
    const r = await runAction(
      {
        context: await context(),
        image,
        registry: registry.host,
        tags: 'v1',
        username: USERNAME,
        password: PASSWORD
      },
      {
        env: { DOCKER_CONFIG: jobDir },
        laterStep: async ({ env, outputs, state }) => {
          await removeImages(prefix)
          later = { pulled: await pull(env, outputs['image-ref']), state, env }
        }
      }
    )
    expectSucceeded(r)
    expect(r.exported).toEqual({})
    expect(later!.state.keptLogin).toBeUndefined()
    expect(later!.pulled.code).not.toBe(0)
    expect(later!.pulled.stderr).toMatch(UNAUTHORIZED)
    expect(await readJobConfig(jobDir)).toEqual({ auths: {} })
    expect(existsSync(r.state.workDir)).toBe(false)
    expect(await filesHolding(AUTH, r.runnerTemp)).toEqual([])
  })

  // A workflow moving from login-action keeps its `logout: false` (there: the login outlives the job).
  it("login-action's logout: false keeps the login as true does: a later step pulls with it, the post step takes it out", async () => {
    const image = repo('logout-false')
    const prefix = `${registry.host}/${image}`
    const jobDir = await jobDockerConfig({ auths: {} })
    contexts.push(jobDir)
    let later: { pulled: CliResult; config: Record<string, unknown> | undefined } | undefined
    const r = await runAction(
      {
        context: await context(),
        image,
        registry: registry.host,
        tags: 'v1',
        username: USERNAME,
        password: PASSWORD,
        logout: 'false'
      },
      {
        env: { DOCKER_CONFIG: jobDir },
        laterStep: async ({ env, outputs }) => {
          await removeImages(prefix)
          later = { pulled: await pull(env, outputs['image-ref']), config: await readJobConfig(jobDir) }
        }
      }
    )
    expectSucceeded(r)
    expect(r.exported).toEqual({ [ENV_POST_WANTED]: 'true' })
    expect({ code: later!.pulled.code, stderr: later!.pulled.stderr }).toMatchObject({ code: 0 })
    expect(later!.config).toEqual({ auths: { [registry.host]: { auth: AUTH } } })
    await removeImages(prefix)
    expect(r.post?.code).toBe(0)
    expect(await readJobConfig(jobDir)).toEqual({ auths: {} })
    expect(await filesHolding(AUTH, r.runnerTemp)).toEqual([])
  })

  it('true, and the build fails: the job config is left as it was', async () => {
    const image = repo('failed')
    const ctx = await makeContext({ Dockerfile: `FROM ${base}\nRUN exit 3\n` })
    contexts.push(ctx)
    const jobDir = await jobDockerConfig(undefined)
    contexts.push(jobDir)
    const r = await runAction(
      {
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        username: USERNAME,
        password: PASSWORD,
        'keep-login': 'true'
      },
      { env: { DOCKER_CONFIG: jobDir } }
    )
    expect(r.code).not.toBe(0)
    expect(r.exported).toEqual({})
    expect(r.state.keptLogin).toBeUndefined()
    expect(await readJobConfig(jobDir)).toBeUndefined()
    expect(await filesHolding(AUTH, r.runnerTemp)).toEqual([])
    expect(r.post?.code).toBe(0)
  })

  it('true, and main is killed during the build: nothing was kept, nothing holds the credentials, nothing it started runs on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btp-keep-kill-'))
    contexts.push(dir)
    const jobDir = await jobDockerConfig({ auths: {} }, join(dir, 'job-config'))
    const main = await startAction(
      {
        context: await context(),
        image: repo('killed'),
        registry: registry.host,
        tags: 'v1',
        username: USERNAME,
        password: PASSWORD,
        'keep-login': 'true'
      },
      { DOCKER_CONFIG: jobDir }
    )
    // Killed the moment the build starts, after the login: no finally runs, as on a hard cancel.
    await main.waitFor(/^\[command\]docker (buildx )?build/m, 30_000)
    main.child.kill('SIGKILL')
    await main.exited

    const { files } = main.step
    const state = parseCommandFile(await readFile(files.GITHUB_STATE, 'utf8'))
    expect(state.keptLogin).toBeUndefined()
    const post = await main.post()
    expect(post.code).toBe(0)
    // The build main left (in its own process group) is stopped before the directory goes, so that it
    // cannot write there again (buildx's refs, seen under load): still gone a moment later.
    expect(await processesNaming(state.workDir)).toEqual([])
    await new Promise(r => setTimeout(r, 500))
    expect(await readJobConfig(jobDir)).toEqual({ auths: {} })
    expect(existsSync(state.workDir)).toBe(false)
    for (const where of [dir, main.step.base]) {
      expect(await filesHolding(AUTH, where)).toEqual([])
      expect(await filesHolding(PASSWORD, where)).toEqual([])
    }
    expect(await readFile(files.GITHUB_ENV, 'utf8')).toBe('')
  })

  it('true in two jobs sharing one docker config (two runners, one user), their posts in the order they started: the second job keeps its login until its post, and neither password stays', async () => {
    const original = { auths: { 'other.example': { auth: Buffer.from('o:p').toString('base64') } } }
    const jobDir = await jobDockerConfig(original)
    contexts.push(jobDir)
    const job = async (name: string, who: { username: string; password: string }) => {
      const image = repo(name)
      const run = await startAction(
        {
          context: await context(),
          image,
          registry: registry.host,
          tags: 'v1',
          username: who.username,
          password: who.password,
          'keep-login': 'true'
        },
        { DOCKER_CONFIG: jobDir }
      )
      expect({ name, code: await run.exited, log: run.output().slice(-2000) }).toMatchObject({
        name,
        code: 0
      })
      return { run, image }
    }
    const first = await job('first-job', { username: USERNAME, password: PASSWORD })
    const second = await job('second-job', OTHER)
    expect((await readJobConfig(jobDir))?.auths[registry.host]).toEqual({ auth: OTHER_AUTH })

    expect((await first.run.post()).code).toBe(0)
    // The second job's later step still pulls with its own login.
    const ref = `${registry.host}/${second.image}:v1`
    await removeImages(`${registry.host}/${second.image}`)
    const pulled = await pull(second.run.env, ref)
    expect({ code: pulled.code, stderr: pulled.stderr }).toMatchObject({ code: 0 })
    await removeImages(`${registry.host}/${second.image}`)

    expect((await second.run.post()).code).toBe(0)
    expect(await readJobConfig(jobDir)).toEqual(original)
    for (const secret of [PASSWORD, AUTH, OTHER.password, OTHER_AUTH]) {
      expect(await filesHolding(secret, jobDir)).toEqual([])
      for (const { run } of [first, second]) expect(await filesHolding(secret, run.step.base)).toEqual([])
    }
  })

  it('true, a credential store, and a docker login of the registry while the login is kept: after the post step docker still uses that login, and its docker logout removes it from the file', async () => {
    const path = `${await emptyStore()}:${process.env.PATH}`
    const jobDir = await jobDockerConfig({ credsStore: 'btp-empty-store' })
    contexts.push(jobDir)
    const env = { ...process.env, DOCKER_CONFIG: jobDir, PATH: path }
    const files = await mkdtemp(join(tmpdir(), 'btp-keep-files-'))
    contexts.push(files)
    for (const name of ['state', 'env']) await writeFile(join(files, name), '')
    const saved = { ...process.env }
    try {
      process.env.GITHUB_STATE = join(files, 'state')
      process.env.GITHUB_ENV = join(files, 'env')
      // The step's main, from the sources (the bundle's is the same code once packaged).
      await keepLogins([{ registry: registry.host, username: USERNAME, password: PASSWORD }], {
        resolve: async login => login,
        env: { DOCKER_CONFIG: jobDir },
        tempRoot: files,
        reporter: { info: () => {}, warning: () => {} }
      })
      // A later step (or another job on the same HOME) logs in the plain docker way: through our bypass, into
      // the file.
      const login = await runCommand(
        'docker',
        ['login', registry.host, '-u', OTHER.username, '--password-stdin'],
        {
          env,
          input: `${OTHER.password}\n`
        }
      )
      expect({ code: login.code, stderr: login.stderr }).toMatchObject({ code: 0 })
      process.env[`STATE_${STATE_KEPT_LOGIN}`] = parseCommandFile(
        await readFile(join(files, 'state'), 'utf8')
      )[STATE_KEPT_LOGIN]
      const warnings: string[] = []
      await removeKeptLogin({ warning: m => warnings.push(m) })
      expect(warnings).toEqual([
        expect.stringContaining(`another login replaced the kept one for ${registry.host}`)
      ])
    } finally {
      process.env = saved
    }
    // Docker still reads that login from the file: authorized, the image is just not there.
    const pulled = await pull(env, `${registry.host}/${repo('absent')}:v1`)
    expect(pulled.code).not.toBe(0)
    expect(pulled.stderr).not.toMatch(UNAUTHORIZED)
    expect(pulled.stderr).toMatch(/manifest unknown|not found/i)
    // That step's logout (login-action's post) takes it out of the file: no password is left there.
    const logout = await runCommand('docker', ['logout', registry.host], { env })
    expect(logout.code).toBe(0)
    expect(await filesHolding(OTHER_AUTH, jobDir)).toEqual([])
    expect(await filesHolding(AUTH, jobDir)).toEqual([])
  })
})
