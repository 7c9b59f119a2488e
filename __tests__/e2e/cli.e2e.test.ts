// The CLI end to end: `node dist/cli/index.js` (the committed bundle) against a real engine and registry,
// including a build straight from a git URL served by `git daemon` on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { CLI, EXPECTED_BUILDER, ROOT } from '../helpers/action.js'
import {
  dockerCli,
  dockerOk,
  ensureBaseImage,
  makeContext,
  removeImages,
  requireDocker,
  runCommand,
  type CliResult
} from '../helpers/docker.js'
import { closedPort } from '../helpers/fault-proxy.js'
import { git, gitEnv } from '../helpers/git-http.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, remoteLabels, tagExists } from '../helpers/skopeo.js'

const USERNAME = 'btp-cli-user'
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`

let registry: TestRegistry
let authRegistry: TestRegistry
let home: string
const temps: string[] = []
let n = 0
const repo = (name: string): string => `cli/${name}-${process.pid}-${++n}`

/** The action's output names: --json must use the same keys. */
const OUTPUTS = Object.keys(
  (parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> }).outputs
)

beforeAll(async () => {
  await requireDocker()
  home = await mkdtemp(join(tmpdir(), 'btp-cli-home-'))
  temps.push(home)
  ;[registry, authRegistry] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: { username: USERNAME, password: PASSWORD } })
  ])
})

afterAll(async () => {
  await Promise.all([registry?.stop(), authRegistry?.stop()])
  for (const dir of temps) await rm(dir, { recursive: true, force: true })
})

/**
 * Runs the CLI bundle in a clean environment: PATH, a private HOME and the engine under test; never the
 * GitHub Actions variables of a CI runner, which would switch on the automatic tags.
 */
function cli(
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}
): Promise<CliResult> {
  return runCommand(process.execPath, [CLI, ...args], {
    input: opts.input,
    cwd: opts.cwd,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {}),
      ...opts.env
    }
  })
}

const show = (res: CliResult): string =>
  `exit ${res.code}\n--- stdout\n${res.stdout}\n--- stderr\n${res.stderr}`

function expectCode(res: CliResult, code: number): void {
  if (res.code !== code) throw new Error(`expected exit ${code}, got ${show(res)}`)
}

async function context(files: Record<string, string>): Promise<string> {
  const dir = await makeContext(files)
  temps.push(dir)
  return dir
}

const scratch = (): Promise<string> =>
  context({
    Dockerfile: 'FROM scratch\nARG K\nLABEL k=$K\nCOPY hello.txt /hello.txt\n',
    'hello.txt': `hello ${randomBytes(4).toString('hex')}\n`
  })

describe('usage and exit codes', () => {
  it('--help exits 0 and lists the flags', async () => {
    const res = await cli(['--help'])
    expectCode(res, 0)
    for (const flag of [
      'context',
      'file',
      'image',
      'registry',
      'tag',
      'build-arg',
      'label',
      'target',
      'no-push',
      'no-cache',
      'pull',
      'username',
      'password-stdin',
      'retries',
      'json',
      'help'
    ])
      expect(res.stdout).toContain(`--${flag}`)
  })

  it('an unknown flag exits 2 and names it', async () => {
    const res = await cli(['--image', 'my/app', '--frobnicate'])
    expectCode(res, 2)
    expect(res.stderr).toContain('--frobnicate')
    expect(res.stdout).toBe('')
  })

  it('an invalid tag exits 2 with a message naming the input, before anything runs', async () => {
    const ctx = await scratch()
    const res = await cli([
      '--context',
      ctx,
      '--image',
      repo('badtag'),
      '--registry',
      registry.host,
      '--tag',
      'no spaces'
    ])
    expectCode(res, 2)
    expect(res.stderr).toMatch(/"tags"|--tag/)
    expect(res.stderr).toContain('no spaces')
    expect(res.stderr).not.toContain('==> Build')
    expect(res.stdout).toBe('')
  })

  it('a failing build exits 1 with one error line, and pushes nothing', async () => {
    const ctx = await context({ Dockerfile: 'FROM scratch\nCOPY does-not-exist.txt /\n' })
    const image = repo('fails')
    const res = await cli(['--context', ctx, '--image', image, '--registry', registry.host, '--tag', 'x'])
    expectCode(res, 1)
    const errors = res.stderr.split('\n').filter(l => l.startsWith('build-tag-push: error:'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/build failed/)
    expect(res.stderr).not.toContain('==> Push')
    expect(res.stdout).toBe('')
    expect(await tagExists(registry.host, `${image}:x`)).toBe(false)
  })

  it('an unreachable registry exits 1, names the host, and builds nothing', async () => {
    const host = await closedPort()
    const res = await cli(['--context', await scratch(), '--image', repo('unreachable'), '--registry', host])
    expectCode(res, 1)
    const errors = res.stderr.split('\n').filter(l => l.startsWith('build-tag-push: error:'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(host)
    expect(res.stderr).not.toContain('==> Build')
    expect(res.stdout).toBe('')
  })

  it('accepts an https://…/repo.git#branch:subdir context (validation passes; the registry check fails first)', async () => {
    const host = await closedPort()
    const res = await cli([
      '--context',
      'https://github.com/octo-org/hello-world.git#main:app',
      '--image',
      repo('https-url'),
      '--registry',
      host,
      '--retries',
      '1'
    ])
    // Exit 1 (the unreachable registry), not 2: the URL was accepted as a context.
    expectCode(res, 1)
    expect(res.stderr).not.toMatch(/invalid input/i)
    expect(res.stderr).toContain(host)
    // The same string as a local path is rejected.
    const local = await cli(['--context', './hello-world.git-not-here#main:app', '--image', 'my/app'])
    expectCode(local, 2)
    expect(local.stderr).toMatch(/"context"|--context/)
  })
})

describe('build, push, verify', () => {
  it('--json prints one JSON object with the action output names and typed values; progress and docker output go to stderr', async () => {
    const image = repo('json')
    const res = await cli([
      '--context',
      await scratch(),
      '--image',
      image,
      '--registry',
      registry.host,
      '--tag',
      'a',
      '--tag',
      'b',
      '--build-arg',
      'K=V',
      '--label',
      'x=y',
      '--json'
    ])
    expectCode(res, 0)
    // stdout is the JSON and nothing else.
    expect(res.stdout.endsWith('\n')).toBe(true)
    expect(res.stdout.trim().split('\n')).toHaveLength(1)
    const out = JSON.parse(res.stdout) as {
      digest: string
      'image-ref': string
      imageid: string
      tags: string[]
      'platform-digests': Record<string, string>
      metadata: Record<string, unknown>
    }
    expect(Object.keys(out).sort()).toEqual([...OUTPUTS].sort())
    // Typed: strings stay strings, the list is an array, the JSON outputs are objects.
    for (const key of ['digest', 'image-ref', 'imageid'] as const) expect(typeof out[key]).toBe('string')

    const remote = await inspectRaw(registry.host, `${image}:a`)
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(out.digest).toBe(remote.digest)
    expect((await inspectRaw(registry.host, `${image}:b`)).digest).toBe(remote.digest)
    expect(out['image-ref']).toBe(`${registry.host}/${image}@${remote.digest}`)
    expect(out.tags).toEqual([`${registry.host}/${image}:a`, `${registry.host}/${image}:b`])
    expect(out.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(Object.keys(out['platform-digests']).length).toBeGreaterThan(0)
    expect(out.metadata).toMatchObject({ digest: remote.digest, pushed: true })

    // The build arg and the label reached the image the registry serves.
    const labels = await remoteLabels(registry.host, `${image}:a`)
    expect(labels.x).toBe('y')
    expect(labels.k).toBe('V')

    // Phases with durations, and docker's own build output, on stderr.
    for (const phase of ['Build', 'Push', 'Verify']) {
      expect(res.stderr).toMatch(new RegExp(`^==> ${phase}$`, 'm'))
      expect(res.stderr).toMatch(new RegExp(`^<== ${phase} \\(\\d+\\.\\d s\\)$`, 'm'))
    }
    expect(res.stderr).toMatch(/^Step 1\/\d+ : FROM scratch$|^#\d+ DONE/m)
    expect(res.stderr).toMatch(/The push refers to repository|naming to|Successfully tagged|pushing layers/)
  })

  it('without --json prints the image reference alone on stdout', async () => {
    const image = repo('plain')
    const res = await cli(['--context', await scratch(), '--image', image, '--registry', registry.host])
    expectCode(res, 0)
    const remote = await inspectRaw(registry.host, `${image}:latest`)
    expect(res.stdout).toBe(`${registry.host}/${image}@${remote.digest}\n`)
  })

  it('--no-push builds and tags locally: digest "", nothing in the registry', async () => {
    const image = repo('nopush')
    const res = await cli([
      '--context',
      await scratch(),
      '--image',
      image,
      '--registry',
      registry.host,
      '--tag',
      'local',
      '--no-push',
      '--json'
    ])
    expectCode(res, 0)
    const out = JSON.parse(res.stdout) as {
      digest: string
      'image-ref': string
      imageid: string
      tags: string[]
    }
    expect(out.digest).toBe('')
    expect(out['image-ref']).toBe('')
    expect(out.tags).toEqual([`${registry.host}/${image}:local`])
    const local = await dockerOk([
      'image',
      'inspect',
      '--format',
      '{{.Id}}',
      `${registry.host}/${image}:local`
    ])
    expect(local.stdout.trim()).toBe(out.imageid)
    expect(await tagExists(registry.host, `${image}:local`)).toBe(false)
    expect(res.stderr).not.toContain('==> Push')
  })

  it('--output that writes files says where they went, not an image or a tag that does not exist', async () => {
    const dest = await mkdtemp(join(tmpdir(), 'btp-cli-out-'))
    temps.push(dest)
    const dir = await context({ Dockerfile: 'FROM scratch\nCOPY hello.txt /\n', 'hello.txt': 'hello\n' })
    const output = `type=local,dest=${dest}`
    const args = ['--context', dir, '--image', repo('files'), '--registry', registry.host, '--no-push']
    const res = await cli([...args, '--output', output])
    if (EXPECTED_BUILDER === 'classic') {
      expectCode(res, 2)
      expect(res.stderr).toMatch(/^build-tag-push: invalid --output: needs docker buildx/m)
      return
    }
    expectCode(res, 0)
    expect(res.stdout).toBe(`built and exported to ${dest} (not pushed)\n`)
    expect(await readFile(join(dest, 'hello.txt'), 'utf8')).toBe('hello\n')
  })

  it('--username with --password-stdin pushes to a registry with auth; the password is never printed', async () => {
    const image = repo('auth')
    const creds = { username: USERNAME, password: PASSWORD }
    const args = [
      '--context',
      await scratch(),
      '--image',
      image,
      '--registry',
      authRegistry.host,
      '--tag',
      'v1'
    ]
    const res = await cli([...args, '--username', USERNAME, '--password-stdin', '--json'], {
      input: `${PASSWORD}\n`
    })
    expectCode(res, 0)
    // `echo "$TOKEN" |` ends the password with a newline, which is not part of it: no notice.
    expect(res.stderr).not.toContain('whitespace')
    const out = JSON.parse(res.stdout) as Record<string, string>
    expect(out.digest).toBe((await inspectRaw(authRegistry.host, `${image}:v1`, creds)).digest)
    const everything = `${res.stdout}\n${res.stderr}`
    for (const secret of [
      PASSWORD,
      Buffer.from(PASSWORD).toString('base64'),
      Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')
    ])
      expect(everything).not.toContain(secret)

    // An empty stdin says so, not that a flag is missing.
    const empty = await cli([...args, '--username', USERNAME, '--password-stdin'], { input: '' })
    expectCode(empty, 2)
    expect(empty.stderr).toBe('build-tag-push: --password-stdin: standard input held no password\n')

    // Without the password the same push is refused, so the login above is what made it work.
    const anonymous = await cli([...args.slice(0, -1), 'v2'])
    expectCode(anonymous, 1)
    expect(await tagExists(authRegistry.host, `${image}:v2`, creds)).toBe(false)
  })
})

describe('what docker prints', () => {
  // A terminal masks nothing: the CLI hides what the run knows to be secret in docker's output itself.
  it("a build secret a step prints is hidden in docker's output, split across chunks or not", async () => {
    const value = `tok-${randomBytes(10).toString('hex')}`
    const dir = await context({
      Dockerfile: `FROM ${await ensureBaseImage()}\nRUN --mount=type=secret,id=tok cat /run/secrets/tok; echo; echo ${randomBytes(4).toString('hex')}\n`
    })
    const args = [
      '--context',
      dir,
      '--image',
      repo('secret'),
      '--registry',
      registry.host,
      '--secret',
      'tok=MY_TOK'
    ]
    const res = await cli(args, { env: { MY_TOK: value } })
    if (EXPECTED_BUILDER === 'classic') {
      // Build secrets are BuildKit's: refused before anything runs.
      expectCode(res, 2)
      expect(res.stderr).toMatch(/^build-tag-push: invalid --secret: needs docker buildx/m)
      return
    }
    expectCode(res, 0)
    expect(res.stderr).toMatch(/RUN --mount=type=secret/)
    expect(res.stderr).toContain('***')
    expect(`${res.stdout}\n${res.stderr}`).not.toContain(value)
  })
})

describe('a command line written for docker', () => {
  it('a relative DOCKER_CONFIG is read from the working directory, buildx plugin included', async () => {
    const cwd = await context({})
    // The engine's own config (its buildx plugin), named the way docker takes it: relative to the cwd.
    if (process.env.DOCKER_CONFIG)
      await cp(process.env.DOCKER_CONFIG, join(cwd, 'config'), { recursive: true })
    else await mkdir(join(cwd, 'config'))
    const image = repo('relconfig')
    const args = ['--context', await scratch(), '--image', image, '--registry', registry.host]
    const res = await cli(args, { cwd, env: { DOCKER_CONFIG: 'config' } })
    expectCode(res, 0)
    if (EXPECTED_BUILDER === 'buildx') expect(res.stderr).toContain('[command]docker buildx build')
    expect(res.stdout).toBe(
      `${registry.host}/${image}@${(await inspectRaw(registry.host, `${image}:latest`)).digest}\n`
    )
  })

  it("--secret in docker build's form: the variable named by the id, or the file src= names", async () => {
    const dir = await context({
      Dockerfile: `FROM ${await ensureBaseImage()}\nRUN --mount=type=secret,id=API_TOKEN --mount=type=secret,id=pem test "$(cat /run/secrets/API_TOKEN)" = "$(cat /run/secrets/pem)-env"\n`,
      'pem.txt': 'from-file'
    })
    const args = ['--context', dir, '--image', repo('dsecret'), '--registry', registry.host, '--no-push']
    const secrets = ['--secret', 'id=API_TOKEN', '--secret', `id=pem,src=${join(dir, 'pem.txt')}`]
    const res = await cli([...args, '--no-cache', ...secrets], { env: { API_TOKEN: 'from-file-env' } })
    if (EXPECTED_BUILDER === 'classic') {
      expectCode(res, 2)
      expect(res.stderr).toMatch(/^build-tag-push: invalid --secret: needs docker buildx/m)
      return
    }
    expectCode(res, 0)
  })

  it('--push beside an --output that exports files pushes too, as build-push-action adds --push', async () => {
    const dest = join(await context({}), 'o.tar')
    const image = repo('pushoci')
    const args = ['--context', await scratch(), '--image', image, '--registry', registry.host, '--tag', 'v1']
    const exported = await cli([...args, '--output', `type=oci,dest=${dest}`])
    if (EXPECTED_BUILDER === 'classic') {
      expectCode(exported, 2)
      return
    }
    expectCode(exported, 0)
    expect(exported.stdout).toMatch(
      new RegExp(`^built sha256:[0-9a-f]{64} and exported to ${dest} \\(not pushed\\)\\n$`)
    )
    expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
    const pushed = await cli([...args, '--output', `type=oci,dest=${dest}`, '--push'])
    expectCode(pushed, 0)
    expect(pushed.stdout).toBe(
      `${registry.host}/${image}@${(await inspectRaw(registry.host, `${image}:v1`)).digest}\n`
    )
    expect((await stat(dest)).size).toBeGreaterThan(0)
  })
})

describe('a git URL as the context', () => {
  let base: string
  let daemon: ChildProcess | undefined
  let port: number
  let daemonLog = ''
  const FILE = `from git ${randomBytes(6).toString('hex')}\n`

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'btp-git-'))
    temps.push(base)
    const work = join(base, 'project')
    await mkdir(join(work, 'app'), { recursive: true })
    await writeFile(join(work, 'app', 'Dockerfile'), 'FROM scratch\nCOPY message.txt /message.txt\n')
    await writeFile(join(work, 'app', 'message.txt'), FILE)
    await writeFile(join(work, 'app', 'Dockerfile.alt'), 'FROM scratch\nCOPY message.txt /alt.txt\n')
    await git(['init', '--quiet', '--initial-branch=main'], work)
    await git(['add', '.'], work)
    await git(['commit', '--quiet', '-m', 'app'], work)
    // A second branch whose app/ differs, so the test can tell that #main was the one built.
    await git(['checkout', '--quiet', '-b', 'other'], work)
    await writeFile(join(work, 'app', 'message.txt'), 'from the other branch\n')
    await git(['commit', '--quiet', '-am', 'other'], work)

    port = Number((await closedPort()).split(':')[1])
    daemon = spawn(
      'git',
      [
        'daemon',
        '--reuseaddr',
        `--base-path=${base}`,
        '--export-all',
        `--port=${port}`,
        '--listen=127.0.0.1',
        base
      ],
      { env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] }
    )
    daemon.stdout?.on('data', (b: Buffer) => (daemonLog += b.toString()))
    daemon.stderr?.on('data', (b: Buffer) => (daemonLog += b.toString()))
    const deadline = Date.now() + 10_000
    while (!(await listening(port))) {
      if (daemon.exitCode !== null) throw new Error(`git daemon exited ${daemon.exitCode}: ${daemonLog}`)
      if (Date.now() > deadline) throw new Error(`git daemon did not listen on ${port}: ${daemonLog}`)
      await new Promise(r => setTimeout(r, 100))
    }
    const refs = await git(['ls-remote', `git://127.0.0.1:${port}/project`], base)
    expect(refs.stdout).toMatch(/refs\/heads\/main/)
  })

  afterAll(async () => {
    if (daemon && daemon.exitCode === null) {
      const exited = new Promise(r => daemon!.once('exit', r))
      daemon.kill('SIGTERM')
      await exited
    }
  })

  it('builds git://127.0.0.1/…#main:app, pushes it, and the verified digest serves that commit’s file', async () => {
    const image = repo('git')
    const url = `git://127.0.0.1:${port}/project#main:app`
    const res = await cli([
      '--context',
      url,
      '--image',
      image,
      '--registry',
      registry.host,
      '--tag',
      'v1',
      '--json'
    ])
    expectCode(res, 0)
    const out = JSON.parse(res.stdout) as Record<string, string>
    const remote = await inspectRaw(registry.host, `${image}:v1`)
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(out.digest).toBe(remote.digest)
    expect(res.stderr).toMatch(/^<== Verify \(\d+\.\d s\)$/m)

    // Pulled back from the registry by digest, the image holds app/message.txt from branch main.
    await removeImages(`${registry.host}/${image}`)
    await dockerOk(['pull', out['image-ref']])
    const name = `btp-cli-git-${process.pid}-${n}`
    await dockerOk(['create', '--name', name, out['image-ref'], '/none'])
    try {
      const dir = await mkdtemp(join(tmpdir(), 'btp-git-out-'))
      temps.push(dir)
      await dockerOk(['cp', `${name}:/message.txt`, join(dir, 'message.txt')])
      // FILE, not the other branch's text, although the served repository's HEAD is that branch.
      expect(await readFile(join(dir, 'message.txt'), 'utf8')).toBe(FILE)
    } finally {
      await dockerCli(['rm', '-f', name])
    }
  })

  // As the `file` input's description says: with a git context the Dockerfile is found inside the context
  // (its :app subdirectory), not from the working directory or the repository's root.
  it('--file with a git context is a path inside the context: Dockerfile.alt builds, app/Dockerfile.alt does not', async () => {
    const image = repo('git-file')
    const url = `git://127.0.0.1:${port}/project#main:app`
    const args = ['--context', url, '--image', image, '--registry', registry.host, '--tag', 'v1', '--json']
    const inside = await cli([...args, '--file', 'Dockerfile.alt'])
    expectCode(inside, 0)
    const out = JSON.parse(inside.stdout) as Record<string, string>
    expect(out.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    const fromRoot = await cli([...args, '--file', 'app/Dockerfile.alt'])
    expectCode(fromRoot, 1)
    expect(fromRoot.stderr).toMatch(/Dockerfile\.alt/)
  })
})

function listening(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const s = connect(port, '127.0.0.1')
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}
