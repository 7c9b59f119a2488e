// Registry login and secret hygiene, end to end against a registry with htpasswd auth. Every run of this
// file is searched for the password and its base64 forms: in the output, in the files the run leaves
// behind, and in the argv of every docker command (through a recording `docker` shim on PATH).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import {
  errorLines,
  expectSucceeded,
  parseCommandFile,
  runAction,
  type ActionRun
} from '../helpers/action.js'
import { dockerOk, ensureBaseImage, makeContext, requireDocker, runCommand } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { startAction } from '../helpers/processes.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

const USERNAME = 'btp-auth-user'
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`
const CREDS = { username: USERNAME, password: PASSWORD }
const b64 = (s: string): string => Buffer.from(s).toString('base64')

let registry: TestRegistry
let base: string
/** Holds the `docker` shim and the spy credential helper; prepended to PATH for every run. */
let bin: string
/** Every docker argv the action ran, one line each. */
let argvLog: string
let spyLog: string
const cleanup: string[] = []
let n = 0
const repo = (name: string): string => `auth/${name}-${process.pid}-${++n}`
const BUILD_LINE = /^\[command\]docker (buildx )?build/m

const dockerfile = (): string => `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  cleanup.push(dir)
  return dir
}

async function script(path: string, body: string): Promise<void> {
  await writeFile(path, `#!/bin/sh\n${body}`)
  await chmod(path, 0o755)
}

async function which(name: string): Promise<string> {
  const res = await runCommand('sh', ['-c', `command -v ${name}`])
  if (res.code !== 0 || !res.stdout.trim()) throw new Error(`${name} not found on PATH`)
  return res.stdout.trim()
}

/**
 * A user DOCKER_CONFIG for a test, with a cli-plugins/ dir holding a dummy file. When the engine under
 * test comes with its own config (the BuildKit leg), its plugins and builders are linked in, as a user's
 * config would have them.
 */
async function userConfigDir(prefix: string, config?: string): Promise<string> {
  const dir = await tempDir(prefix)
  await mkdir(join(dir, 'cli-plugins'))
  await writeFile(join(dir, 'cli-plugins', 'dummy.txt'), 'not a plugin')
  if (config !== undefined) await writeFile(join(dir, 'config.json'), config)
  const ambient = process.env.DOCKER_CONFIG
  if (ambient) {
    const plugins = join(ambient, 'cli-plugins')
    if (existsSync(plugins))
      for (const name of await readdir(plugins))
        await symlink(join(plugins, name), join(dir, 'cli-plugins', name))
    if (existsSync(join(ambient, 'buildx'))) await symlink(join(ambient, 'buildx'), join(dir, 'buildx'))
  }
  return dir
}

/** Runs the action with the shim and spy first on PATH. */
function run(inputs: Record<string, string>, env: NodeJS.ProcessEnv = {}): Promise<ActionRun> {
  return runAction(inputs, { env: { PATH: `${bin}${delimiter}${process.env.PATH}`, ...env } })
}

/** The password and the forms docker and HTTP Basic put it in. */
const secretForms = (username: string, password: string): string[] =>
  [password, b64(password), b64(`${username}:${password}`)].filter(s => s !== '')

/** Regular files under `dir` (symlinks are not followed) that contain any of `secrets`. */
async function filesContaining(dir: string, secrets: string[]): Promise<string[]> {
  const hits: string[] = []
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d)) {
      const path = join(d, entry)
      const st = await lstat(path)
      if (st.isDirectory()) await walk(path)
      else if (st.isFile()) {
        const content = await readFile(path)
        if (secrets.some(s => content.includes(s))) hits.push(path)
      }
    }
  }
  await walk(dir)
  return hits
}

/**
 * No secret in the output (except the runner's own ::add-mask:: lines), in any docker argv, or in any
 * file the run leaves (HOME, RUNNER_TEMP, the command files); no ~/.docker; the private dir is gone.
 */
async function expectNoSecrets(r: ActionRun, username: string, password: string): Promise<void> {
  const secrets = secretForms(username, password)
  const leaked = r.log
    .split('\n')
    .filter(l => secrets.some(s => l.includes(s)) && !l.startsWith('::add-mask::'))
  expect(leaked).toEqual([])
  // The password reaches docker on stdin only: never in a command line, printed or run.
  for (const line of r.log.split('\n').filter(l => l.includes('docker login')))
    expect(secrets.some(s => line.includes(s))).toBe(false)
  const argv = existsSync(argvLog) ? await readFile(argvLog, 'utf8') : ''
  expect(secrets.filter(s => argv.includes(s))).toEqual([])
  // Everything the run had: HOME, RUNNER_TEMP, GITHUB_OUTPUT/STATE/STEP_SUMMARY.
  expect(await filesContaining(dirname(r.home), secrets)).toEqual([])
  expect(existsSync(join(r.home, '.docker'))).toBe(false)
  if (r.state.workDir) expect(existsSync(r.state.workDir)).toBe(false)
  expect(await readdir(r.runnerTemp)).toEqual([])
  expect(r.post?.code).toBe(0)
}

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry({ auth: CREDS })
  bin = await tempDir('btp-auth-bin-')
  const logs = await tempDir('btp-auth-logs-')
  argvLog = join(logs, 'docker-argv')
  spyLog = join(logs, 'spy')
  await script(
    join(bin, 'docker'),
    `printf '%s\\n' "$*" >> '${argvLog}'\nexec '${await which('docker')}' "$@"\n`
  )
  // A credential store that records what it is asked (never the secret it is handed) and stores nothing.
  await script(
    join(bin, 'docker-credential-spy'),
    [
      `echo "$1" >> '${spyLog}'`,
      'case "$1" in',
      `  get) cat > /dev/null; echo 'credentials not found in native keychain'; exit 1 ;;`,
      `  list) cat > /dev/null; echo '{}' ;;`,
      '  *) cat > /dev/null ;;',
      'esac',
      ''
    ].join('\n')
  )
})

afterAll(async () => {
  await registry?.stop()
  await Promise.all(cleanup.map(d => rm(d, { recursive: true, force: true })))
})

describe('login with the username and password inputs', () => {
  it('right credentials: logs in with --password-stdin, pushes, and verifies with the same credentials', async () => {
    const image = repo('ok')
    const r = await run({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: registry.host,
      tags: 'v1',
      ...CREDS
    })
    expectSucceeded(r)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    expect(r.log).toContain(`Logged in to ${registry.host} as ${USERNAME}`)
    const argv = (await readFile(argvLog, 'utf8')).split('\n')
    expect(argv).toContain(`login --username=${USERNAME} --password-stdin ${registry.host}`)
    await expectNoSecrets(r, USERNAME, PASSWORD)
  })

  it('wrong password: fails fast without retries, before the build, and pushes nothing', async () => {
    const wrong = `wrong-${randomBytes(12).toString('hex')}`
    const image = repo('wrong')
    const start = Date.now()
    const r = await run({
      context: await makeContext({ Dockerfile: dockerfile() }),
      image,
      registry: registry.host,
      tags: 'v1',
      username: USERNAME,
      password: wrong
    })
    const ms = Date.now() - start
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/401|unauthori[sz]ed|incorrect username or password/i)
    expect(errors[0]).toMatch(/"username" and "password" inputs/)
    expect(r.log.split('\n').filter(l => l.startsWith('::warning::'))).toEqual([])
    expect(r.log).not.toMatch(BUILD_LINE)
    expect(r.log).not.toContain('[command]docker push')
    expect(r.outputs.digest ?? '').toBe('')
    expect(ms).toBeLessThan(15_000)
    expect(await tagExists(registry.host, `${image}:v1`, CREDS)).toBe(false)
    await expectNoSecrets(r, USERNAME, wrong)
  })

  it.each([
    ['username without password', { username: USERNAME }, 'password'],
    ['password without username', { password: PASSWORD }, 'username']
  ])('%s is a clear input error', async (_, creds: Record<string, string>, named) => {
    const context = await makeContext({ Dockerfile: dockerfile() })
    const r = await run({ context, image: repo('half'), registry: registry.host, ...creds })
    expect(r.code).toBe(1)
    const errors = errorLines(r.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Invalid input "${named}"`)
    expect(r.log).not.toContain('[command]docker')
    await expectNoSecrets(r, USERNAME, PASSWORD)
  })

  it('with ACTIONS_STEP_DEBUG and RUNNER_DEBUG on, nothing secret is printed either', async () => {
    const image = repo('debug')
    const r = await run(
      {
        context: await makeContext({ Dockerfile: dockerfile() }),
        image,
        registry: registry.host,
        tags: 'v1',
        ...CREDS
      },
      { ACTIONS_STEP_DEBUG: 'true', RUNNER_DEBUG: '1' }
    )
    expectSucceeded(r)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    // The debug lines are there (the private config, the counts), and carry nothing secret.
    expect(r.log).toMatch(/^::debug::private DOCKER_CONFIG /m)
    expect(r.log).toMatch(/^::debug::docker processes: \d+, registry requests: \d+/m)
    await expectNoSecrets(r, USERNAME, PASSWORD)
  })
})

describe("the user's docker config", () => {
  it('an earlier docker login keeps working, and the user config is left as it was', async () => {
    const userConfig = await userConfigDir('btp-user-config-')
    await dockerOk(['login', '--username', USERNAME, '--password-stdin', registry.host], {
      input: PASSWORD,
      env: { ...process.env, DOCKER_CONFIG: userConfig }
    })
    const before = await readFile(join(userConfig, 'config.json'), 'utf8')
    expect(before).toContain(b64(`${USERNAME}:${PASSWORD}`))

    const image = repo('earlier')
    const r = await run(
      {
        context: await makeContext({ Dockerfile: dockerfile() }),
        image,
        registry: registry.host,
        tags: 'v1'
      },
      { DOCKER_CONFIG: userConfig }
    )
    expectSucceeded(r)
    // Verification needs the seeded credentials too: this registry answers nothing anonymously.
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    expect(r.log).not.toContain('Logged in to')
    expect(await readFile(join(userConfig, 'config.json'), 'utf8')).toBe(before)
    // The linked cli-plugins/ went with the private config; its target did not.
    expect(await readFile(join(userConfig, 'cli-plugins', 'dummy.txt'), 'utf8')).toBe('not a plugin')
    await expectNoSecrets(r, USERNAME, PASSWORD)
  })

  it('a credsStore in the user config is never handed the password (the file store is forced)', async () => {
    const config = JSON.stringify({ credsStore: 'spy' })
    const userConfig = await userConfigDir('btp-spy-config-', config)
    const env = { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` }

    // Control: a plain docker login with this config does hand the credentials to the spy.
    const control = await tempDir('btp-spy-control-')
    await writeFile(join(control, 'config.json'), config)
    await dockerOk(['login', '--username', USERNAME, '--password-stdin', registry.host], {
      input: PASSWORD,
      env: { ...env, DOCKER_CONFIG: control }
    })
    expect((await readFile(spyLog, 'utf8')).split('\n')).toContain('store')
    await rm(spyLog)

    const image = repo('spy')
    const r = await run(
      {
        context: await makeContext({ Dockerfile: dockerfile() }),
        image,
        registry: registry.host,
        tags: 'v1',
        ...CREDS
      },
      { DOCKER_CONFIG: userConfig }
    )
    expectSucceeded(r)
    expect(r.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`, CREDS)).digest)
    const asked = existsSync(spyLog) ? (await readFile(spyLog, 'utf8')).split('\n') : []
    expect(asked).not.toContain('store')
    expect(await readFile(join(userConfig, 'config.json'), 'utf8')).toBe(config)
    await expectNoSecrets(r, USERNAME, PASSWORD)
  })
})

describe('a cancelled run', () => {
  it('main killed during the build: the post step removes the credentials it left behind', async () => {
    const main = await startAction(
      {
        context: await makeContext({ Dockerfile: dockerfile() }),
        image: repo('cancel'),
        registry: registry.host,
        tags: 'v1',
        ...CREDS
      },
      { PATH: `${bin}${delimiter}${process.env.PATH}` }
    )
    const { base: dir, runnerTemp, home } = main.step

    // Main, killed the moment the build starts (after the login): no finally runs, as on a hard cancel.
    await main.waitFor(BUILD_LINE, 30_000)
    main.child.kill('SIGKILL')
    await main.exited

    const secrets = secretForms(USERNAME, PASSWORD)
    const { workDir } = parseCommandFile(await readFile(main.step.files.GITHUB_STATE, 'utf8'))
    expect(workDir).toContain(runnerTemp)
    // The killed main left its private config, with the login in it: only the post step can remove it.
    expect(await filesContaining(runnerTemp, secrets)).not.toEqual([])

    const post = await main.post()
    expect(post.code).toBe(0)
    expect(existsSync(workDir)).toBe(false)
    expect(await filesContaining(dir, secrets)).toEqual([])
    expect(existsSync(join(home, '.docker'))).toBe(false)
    const output = `${main.output()}\n${post.stdout}\n${post.stderr}`.split('\n')
    expect(output.filter(l => secrets.some(s => l.includes(s)) && !l.startsWith('::add-mask::'))).toEqual([])
  })
})
