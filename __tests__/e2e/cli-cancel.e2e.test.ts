// The CLI stopped from outside mid-run (the committed bundle, as cli.e2e runs it): a closed terminal
// (SIGHUP), and an output whose reader went (`2>&1 | head`, `| true`). Each ends as the runner's cancel
// does: the docker processes below it stopped, the private directory (its docker config holds the run's
// login) removed, exit 128 + the signal (SIGPIPE for a closed output, as docker's CLI ends), no stack trace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { constants, tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { BUILD_PROCESS, descendants, eventually, processes, running } from '../helpers/processes.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'

const USERNAME = 'btp-cancel-user'
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`

let base: string
let registry: TestRegistry
const temps: string[] = []
let n = 0
const repo = (name: string): string => `cli-cancel/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry({ auth: { username: USERNAME, password: PASSWORD } })
})

afterAll(async () => {
  await registry?.stop()
  for (const dir of temps) await rm(dir, { recursive: true, force: true })
})

async function temp(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  temps.push(dir)
  return dir
}

/** The CLI's environment: a private HOME and TMPDIR (where it makes its private directory), the engine. */
const cliEnv = (home: string, tmp: string): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: home,
  TMPDIR: tmp,
  ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
  ...(process.env.DOCKER_CONFIG ? { DOCKER_CONFIG: process.env.DOCKER_CONFIG } : {})
})

/** A build that logs in first and then prints a line every 200 ms for 30 s, its first line computed. */
async function slowBuild(): Promise<{ args: string[]; nonce: string; tmp: string; home: string }> {
  const nonce = randomBytes(8).toString('hex')
  const context = await makeContext({
    Dockerfile: `FROM ${base}\nRUN echo started-$((40+2))-${nonce} && for i in $(seq 150); do echo tick-$i; sleep 0.2; done\n`
  })
  temps.push(context)
  const args = ['--context', context, '--image', repo('slow'), '--registry', registry.host, '--tag', 'v1']
  return {
    args: [...args, '--username', USERNAME, '--password-stdin'],
    nonce,
    tmp: await temp('btp-cli-cancel-tmp-'),
    home: await temp('btp-cli-cancel-home-')
  }
}

interface Live {
  child: ChildProcess
  stderr(): string
  stdout(): string
  waitFor(text: string, ms: number): Promise<void>
  /** The exit status, 128 + the signal's number when a signal ended it. */
  exited: Promise<number>
}

function startCli(args: string[], env: NodeJS.ProcessEnv, input: string): Live {
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
  const text = { stdout: '', stderr: '' }
  child.stdout!.on('data', (b: Buffer) => (text.stdout += b.toString('utf8')))
  child.stderr!.on('data', (b: Buffer) => (text.stderr += b.toString('utf8')))
  child.stdin!.on('error', () => {})
  child.stdin!.end(input)
  const exited = new Promise<number>(resolve =>
    child.on('exit', (code, signal) => resolve(code ?? 128 + (signal ? constants.signals[signal] : 0)))
  )
  return {
    child,
    stderr: () => text.stderr,
    stdout: () => text.stdout,
    exited,
    waitFor: async (wanted, ms) => {
      if (!(await eventually(() => text.stderr.includes(wanted) || child.exitCode !== null, ms, 50)))
        throw new Error(`not printed within ${ms} ms: ${wanted}\n--- stderr ---\n${text.stderr.slice(-3000)}`)
      if (!text.stderr.includes(wanted))
        throw new Error(`exited before printing ${wanted}\n--- stderr ---\n${text.stderr.slice(-3000)}`)
    }
  }
}

/** The run's private docker config, which must hold the login while the build runs. */
function privateConfig(tmp: string): string {
  const [dir] = readdirSync(tmp).filter(d => d.startsWith('build-tag-push-'))
  return readFileSync(join(tmp, dir, 'docker-config', 'config.json'), 'utf8')
}

/** Starts the slow build, waits for its step to run, does `stop` to the CLI; what it left. */
async function stoppedMidBuild(
  stop: (live: Live) => void
): Promise<{ live: Live; code: number; left: string[] }> {
  const run = await slowBuild()
  const live = startCli(run.args, cliEnv(run.home, run.tmp), `${PASSWORD}\n`)
  try {
    await live.waitFor(`started-42-${run.nonce}`, 60_000)
    expect(JSON.parse(privateConfig(run.tmp)).auths).toHaveProperty([registry.host])
    const below = descendants(live.child.pid!)
    expect(below.map(p => p.cmdline).join('\n')).toMatch(BUILD_PROCESS)
    const step = (): unknown[] =>
      processes().filter(p => p.cmdline.includes(`-${run.nonce} && for`) && running(p.pid))
    expect(step().length).toBeGreaterThan(0)

    stop(live)
    const code = await live.exited
    // Nothing it started goes on: docker and buildx at once, the build step once the engine has stopped it.
    const left = (): string[] => below.filter(p => running(p.pid)).map(p => `${p.pid} ${p.cmdline}`)
    expect(await eventually(() => left().length === 0, 5_000)).toBe(true)
    expect(left()).toEqual([])
    expect(await eventually(() => step().length === 0, 15_000)).toBe(true)
    return { live, code, left: await readdir(run.tmp) }
  } finally {
    live.child.kill('SIGKILL')
  }
}

const errorLines = (stderr: string): string[] =>
  stderr.split('\n').filter(l => l.startsWith('build-tag-push: error:'))

describe('the CLI stopped from outside', () => {
  it('SIGHUP (its terminal closed) mid-build: docker stopped, the login removed, one error line, exit 129', async () => {
    const { live, code, left } = await stoppedMidBuild(l => l.child.kill('SIGHUP'))
    expect(code).toBe(129)
    expect(errorLines(live.stderr())).toEqual([
      expect.stringMatching(
        /^build-tag-push: error: docker (buildx )?build stopped: the run was cancelled \(SIGHUP\)$/
      )
    ])
    expect(left).toEqual([])
    expect(live.stdout()).toBe('')
  }, 120_000)

  it('stderr closed mid-build (its reader went): docker stopped, the login removed, exit 141', async () => {
    // The build prints a line every 200 ms, so the CLI writes to the closed pipe at once.
    const { live, code, left } = await stoppedMidBuild(l => l.child.stderr!.destroy())
    expect(code).toBe(141)
    expect(left).toEqual([])
    expect(live.stdout()).toBe('')
  }, 120_000)

  it('`2>&1 | head -4`: the CLI stops once head has gone, leaving no private directory', async () => {
    const context = await makeContext({
      Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(6).toString('hex')}\n`
    })
    temps.push(context)
    const [home, tmp] = [await temp('btp-cli-cancel-home-'), await temp('btp-cli-cancel-tmp-')]
    const argv = [CLI, '--context', context, '--image', repo('head'), '--registry', registry.host]
    const script = `printf '%s\\n' "$PW" | "$NODE" "$@" --username ${USERNAME} --password-stdin 2>&1 | head -4; echo "statuses \${PIPESTATUS[*]}" >&2`
    const child = spawn('bash', ['-c', script, 'bash', ...argv], {
      env: { ...cliEnv(home, tmp), PW: PASSWORD, NODE: process.execPath },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const out = { stdout: '', stderr: '' }
    child.stdout.on('data', (b: Buffer) => (out.stdout += b.toString('utf8')))
    child.stderr.on('data', (b: Buffer) => (out.stderr += b.toString('utf8')))
    await new Promise(resolve => child.on('close', resolve))
    expect(out.stdout.split('\n')).toHaveLength(5)
    expect(out.stdout).not.toContain(PASSWORD)
    // node's status: 141, as docker's CLI or a C program dies of SIGPIPE; not 1 from an uncaught EPIPE.
    expect(out.stderr.trim()).toBe('statuses 0 141 0')
    expect(await readdir(tmp)).toEqual([])
  }, 120_000)

  it('stdout closed (`| true`): the run completes and exits 141 without a stack trace', async () => {
    const context = await makeContext({
      Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(6).toString('hex')}\n`
    })
    temps.push(context)
    const [home, tmp] = [await temp('btp-cli-cancel-home-'), await temp('btp-cli-cancel-tmp-')]
    const args = ['--context', context, '--image', repo('stdout'), '--registry', registry.host]
    const live = startCli(
      [...args, '--username', USERNAME, '--password-stdin'],
      cliEnv(home, tmp),
      `${PASSWORD}\n`
    )
    // Closed before the CLI writes anything to it: its one line there, the pushed reference, is the write that fails.
    live.child.stdout!.destroy()
    const code = await live.exited
    expect(code).toBe(141)
    expect(live.stderr()).toMatch(/^Verified: /m)
    expect(live.stderr()).not.toMatch(/EPIPE|^\s+at /m)
    expect(errorLines(live.stderr())).toEqual([])
    expect(await readdir(tmp)).toEqual([])
  }, 120_000)
})
