// keep-login: a later step of the job pulls the private image with the login our step made, and after the
// post step nothing of that login is left. Without it (the default) the login dies with our step.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ACTION,
  expectSucceeded,
  inputEnv,
  parseCommandFile,
  runAction,
  type LaterStep
} from '../helpers/action.js'
import {
  dockerCli,
  ensureBaseImage,
  makeContext,
  removeImages,
  removeImagesLater,
  requireDocker,
  runCommand,
  type CliResult
} from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw } from '../helpers/skopeo.js'

const USERNAME = 'btp-keep-user'
const PASSWORD = `keep-${randomBytes(8).toString('hex')}`
const AUTH = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')
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

/** `docker pull` as a later step runs it: with exactly the environment the runner gives that step. */
const pull = (env: NodeJS.ProcessEnv, ref: string): Promise<CliResult> =>
  runCommand('docker', ['pull', ref], { env })

/** Files under `dir` that hold `secret` (grep exit 1: none). */
async function filesHolding(dir: string, secret: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  const res = await runCommand('grep', ['-rlF', '--', secret, dir])
  if (res.code > 1) throw new Error(`grep -r ${dir}: ${res.stderr}`)
  return res.stdout.split('\n').filter(Boolean)
}

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry({ auth: { username: USERNAME, password: PASSWORD } })
})

afterAll(async () => {
  if (registry) await removeImagesLater(`${registry.host}/`)
  await registry?.stop()
  await Promise.all(contexts.map(d => rm(d, { recursive: true, force: true })))
})

describe('keep-login', () => {
  it('true: a later step pulls the private image by digest with our login; after the post step it is gone, and DOCKER_CONFIG is what it was', async () => {
    const image = repo('kept')
    const prefix = `${registry.host}/${image}`
    let seen: { dir: string; config: string; control: CliResult; pulled: CliResult; ref: string } | undefined
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
        laterStep: async ({ env, outputs, state }: LaterStep) => {
          const ref = outputs['image-ref']
          const dir = env.DOCKER_CONFIG ?? ''
          // Nothing local to pull from: the later step's pull goes to the registry.
          await removeImages(prefix)
          // Control: the same pull with the environment the job had before our step is refused.
          const before = { ...env, DOCKER_CONFIG: process.env.DOCKER_CONFIG ?? '' }
          const control = await pull(before, ref)
          const pulled = await pull(env, ref)
          expect(state.keptConfig).toBe(dir)
          seen = {
            dir,
            config: existsSync(join(dir, 'config.json'))
              ? await readFile(join(dir, 'config.json'), 'utf8')
              : '',
            control,
            pulled,
            ref
          }
        }
      }
    )
    expectSucceeded(r)
    expect(r.post?.code).toBe(0)
    expect(seen).toBeDefined()
    const { dir, config, control, pulled, ref } = seen!
    expect(ref).toBe(
      `${prefix}@${(await inspectRaw(registry.host, `${image}:v1`, { username: USERNAME, password: PASSWORD })).digest}`
    )

    // Main exported a DOCKER_CONFIG of its own, under RUNNER_TEMP, holding the login.
    expect(dir.startsWith(join(r.runnerTemp, 'build-tag-push-login-'))).toBe(true)
    expect(JSON.parse(config).auths?.[registry.host]?.auth).toBe(AUTH)
    expect(control.code).not.toBe(0)
    expect(control.stderr).toMatch(UNAUTHORIZED)
    expect(pulled.code).toBe(0)
    const pulledDigests = await dockerCli(['image', 'inspect', '--format', '{{json .RepoDigests}}', ref])
    expect(pulledDigests.stdout).toContain(ref.split('@')[1])
    await removeImages(prefix)

    // The post step took it back: the directory is gone, DOCKER_CONFIG is what it was before our step
    // (GITHUB_ENV cannot unset: empty is unset to docker), and nothing anywhere holds the credentials.
    expect(existsSync(dir)).toBe(false)
    expect(r.exported.DOCKER_CONFIG).toBe(process.env.DOCKER_CONFIG ?? '')
    for (const secret of [PASSWORD, AUTH]) {
      expect(await filesHolding(r.runnerTemp, secret)).toEqual([])
      expect(await filesHolding(r.home, secret)).toEqual([])
    }
    expect(existsSync(join(r.home, '.docker'))).toBe(false)
    const after = await pull({ ...process.env, HOME: r.home, DOCKER_CONFIG: r.exported.DOCKER_CONFIG }, ref)
    expect(after.code).not.toBe(0)
    expect(after.stderr).toMatch(UNAUTHORIZED)
    // The log never showed them.
    expect(
      r.log
        .split('\n')
        .filter(l => !l.startsWith('::add-mask::') && (l.includes(PASSWORD) || l.includes(AUTH)))
    ).toEqual([])
  })

  it('false (the default): nothing is exported, and a later step has no login', async () => {
    const image = repo('default')
    const prefix = `${registry.host}/${image}`
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
        laterStep: async ({ env, outputs, state }) => {
          await removeImages(prefix)
          later = { pulled: await pull(env, outputs['image-ref']), state, env }
        }
      }
    )
    expectSucceeded(r)
    expect(r.exported).toEqual({})
    expect(later!.state.keptConfig).toBeUndefined()
    expect(later!.env.DOCKER_CONFIG).toBe(process.env.DOCKER_CONFIG)
    expect(later!.pulled.code).not.toBe(0)
    expect(later!.pulled.stderr).toMatch(UNAUTHORIZED)
    expect(existsSync(r.state.workDir)).toBe(false)
    expect(await filesHolding(r.runnerTemp, AUTH)).toEqual([])
  })

  it('true, and the build fails: nothing is exported and the kept directory is gone before the post step', async () => {
    const image = repo('failed')
    let later: { state: Record<string, string>; env: NodeJS.ProcessEnv } | undefined
    const ctx = await makeContext({ Dockerfile: `FROM ${base}\nRUN exit 3\n` })
    contexts.push(ctx)
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
      {
        laterStep: async ({ env, state }) => {
          later = { state, env }
        }
      }
    )
    expect(r.code).not.toBe(0)
    expect(r.exported).toEqual({})
    expect(later!.state.keptConfig).toBeTruthy()
    expect(existsSync(later!.state.keptConfig)).toBe(false)
    expect(await filesHolding(r.runnerTemp, AUTH)).toEqual([])
    expect(r.post?.code).toBe(0)
  })

  it('true, and main is killed during the build: the post step removes the kept login all the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'btp-keep-kill-'))
    contexts.push(dir)
    const home = join(dir, 'home')
    const runnerTemp = join(dir, 'runner-temp')
    await mkdir(home)
    await mkdir(runnerTemp)
    const files = {
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STATE: join(dir, 'state'),
      GITHUB_ENV: join(dir, 'env')
    }
    for (const f of Object.values(files)) await writeFile(f, '')
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: home,
      RUNNER_TEMP: runnerTemp,
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {}),
      ...files,
      ...inputEnv({
        context: await context(),
        image: repo('killed'),
        registry: registry.host,
        tags: 'v1',
        username: USERNAME,
        password: PASSWORD,
        'keep-login': 'true'
      })
    }
    // Killed the moment the build starts, after the login: no finally runs, as on a hard cancel.
    const main = spawn(process.execPath, [ACTION], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    const closed = new Promise(resolve => main.on('close', resolve))
    let out = ''
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the build never started:\n${out}`)), 30_000)
      main.stdout.on('data', (b: Buffer) => {
        out += b.toString('utf8')
        if (/^\[command\]docker (buildx )?build/m.test(out)) {
          clearTimeout(timer)
          resolve()
        }
      })
      main.on('exit', code => reject(new Error(`main exited (${code}) before the build:\n${out}`)))
    })
    main.kill('SIGKILL')
    await closed

    const state = parseCommandFile(await readFile(files.GITHUB_STATE, 'utf8'))
    expect(state.keptConfig.startsWith(join(runnerTemp, 'build-tag-push-login-'))).toBe(true)
    expect(await filesHolding(state.keptConfig, AUTH)).not.toEqual([])
    const stateEnv = Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
    const post = await runCommand(process.execPath, [ACTION], { env: { ...env, ...stateEnv } })
    expect(post.code).toBe(0)
    expect(existsSync(state.keptConfig)).toBe(false)
    expect(await filesHolding(dir, AUTH)).toEqual([])
    expect(await filesHolding(dir, PASSWORD)).toEqual([])
    // Main never got to export it, so the post step has nothing to put back.
    expect(await readFile(files.GITHUB_ENV, 'utf8')).toBe('')
  })
})
