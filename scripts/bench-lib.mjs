// What every section of `npm run bench` shares: timing a process, the statistics, a docker-registry of its
// own on a free port, and running the bundled action as the runner runs it (its command files, then its
// post step wherever action.yml's post-if has the runner start it).
import { spawn } from 'node:child_process'
import { randomFillSync } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCommandFile, postIfOf, runnerRunsPost, stateEnv } from './runner.mjs'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const POST_IF = postIfOf(path.join(root, 'action.yml'))

/** Runs a command to its end: its exit code, wall time and output. */
export function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint()
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (err += d))
    child.on('error', reject)
    child.on('close', code => resolve({ code, ms: Number(process.hrtime.bigint() - start) / 1e6, out, err }))
  })
}

export const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
export const round1 = x => Math.round(x * 10) / 10
export const ratio = (a, b) => Math.round((a / b) * 1000) / 1000
export const pass = (value, target) => (value <= target ? 'yes' : 'NO')

/** Round `i` of a comparison: A then B, or B then A in odd rounds, so neither side always runs first. */
export async function inTurn(i, a, b) {
  if (i % 2 === 0) return [await a(), await b()]
  const rb = await b()
  return [await a(), rb]
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

/** The hosts of the registries startRegistry started: what the bench pushed is under them. */
export const startedRegistries = new Set()

/** The last bytes each started registry logged (errors only), by host: what a failed bench prints. */
const registryLogs = new Map()
const LOG_TAIL = 16 * 1024

/** Each started registry's log tail, for a bench that failed: a 500 from it says why only there. */
export const registryLogTails = () =>
  [...registryLogs].filter(([, log]) => log.trim()).map(([host, log]) => `--- ${host} ---\n${log.trim()}`)

/** A docker-registry storing under `dir`, on a free loopback port: `{ host, stop }`. */
export async function startRegistry(dir) {
  const port = await freePort()
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n  secret: bench\n`
  )
  const host = `127.0.0.1:${port}`
  registryLogs.set(host, '')
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  child.stderr.on('data', d => registryLogs.set(host, (registryLogs.get(host) + d).slice(-LOG_TAIL)))
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://${host}/v2/`)).ok) {
        startedRegistries.add(host)
        return { host, stop: () => child.kill() }
      }
    } catch {
      await new Promise(r => setTimeout(r, 100))
    }
  }
  child.kill()
  throw new Error('docker-registry did not start (apt-get install docker-registry, or pass --registry)')
}

/**
 * A context at `dir` whose only layer is `mb` MB of fresh random bytes: never cached, never pushed. Written
 * a MiB at a time from one buffer: a layer-sized buffer stays in the bench's memory until a collection, and
 * each process the bench then starts (the action, the raw commands) takes longer to fork from it.
 */
export function freshContext(dir, mb) {
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\nCOPY blob /blob\n')
  const chunk = Buffer.alloc(1024 * 1024)
  const fd = openSync(path.join(dir, 'blob'), 'w')
  try {
    for (let left = Math.round(mb * chunk.length); left > 0; left -= chunk.length)
      writeSync(fd, randomFillSync(chunk), 0, Math.min(left, chunk.length))
  } finally {
    closeSync(fd)
  }
  return dir
}

/**
 * The action run as the runner runs it, in `dir` (its command files and RUNNER_TEMP): the main step, then
 * the post step where action.yml's post-if has the runner start it after a successful job, with what the
 * main step exported and saved. `ms` is both steps' wall time, `ownMs` that minus the docker processes the
 * action waited for (its `metadata.durations.docker`). A failed step throws.
 */
export async function runAsRunner({ node, action, env, dir }) {
  mkdirSync(path.join(dir, 'temp'), { recursive: true })
  const files = {
    GITHUB_OUTPUT: path.join(dir, 'out'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_ENV: path.join(dir, 'env')
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const stepEnv = { ...env, ...files, RUNNER_TEMP: path.join(dir, 'temp') }
  const main = await run(node, [action], stepEnv)
  if (main.code !== 0) throw new Error(`action failed:\n${main.out}\n${main.err}`)
  const exported = parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8'))
  const postRuns = runnerRunsPost(POST_IF, { jobSucceeded: true, env: exported })
  let post = { ms: 0 }
  if (postRuns) {
    const state = parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8'))
    post = await run(node, [action], { ...stepEnv, ...exported, ...stateEnv(state) })
    if (post.code !== 0) throw new Error(`post step failed:\n${post.out}\n${post.err}`)
  }
  const outputs = parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'))
  const metadata = JSON.parse(outputs.metadata)
  const ms = main.ms + post.ms
  return {
    ms,
    ownMs: ms - (metadata.durations?.docker ?? 0),
    outputs,
    metadata,
    nodeStarts: postRuns ? 2 : 1
  }
}
