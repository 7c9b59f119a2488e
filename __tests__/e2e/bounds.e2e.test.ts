// No step runs past a bound: a registry that takes the upload and then stalls ends the push (stall window,
// ceiling), the retries stay within their window, and a cancelled job takes its docker processes with it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { errorLines, runAction, type ActionRun } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js'
import {
  BUILD_PROCESS,
  descendants,
  eventually,
  processes,
  running,
  startAction
} from '../helpers/processes.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'

let registry: TestRegistry
let base: string
const proxies: FaultProxy[] = []
const figures: string[] = []
let n = 0
const repo = (name: string): string => `bounds/${name}-${process.pid}-${++n}`

/**
 * One layer, of its own, so that every run really uploads a blob, and only one: on dockerd 20.10 each
 * stalled upload holds one of the engine's few upload slots for as long as it lasts.
 */
const stallContext = (): Promise<string> =>
  makeContext({ Dockerfile: 'FROM scratch\nCOPY id /id\n', id: randomBytes(16).toString('hex') })

const dockerPushes = (run: ActionRun): number =>
  run.log.split('\n').filter(l => l.startsWith('[command]docker push')).length
const retryWarnings = (run: ActionRun): string[] =>
  run.log.split('\n').filter(l => l.startsWith('::warning::') && /retrying/.test(l))

interface StalledRun {
  run: ActionRun
  ms: number
  proxy: FaultProxy
  /** Stalled uploads the engine had dropped by itself when the run ended. */
  dropped: number
}

async function stallingProxy(): Promise<FaultProxy> {
  const p = await startFaultProxy(registry.host, { kind: 'stall', match: 'blob-upload' })
  proxies.push(p)
  return p
}

async function stalledRun(env: Record<string, string>): Promise<StalledRun> {
  const proxy = await stallingProxy()
  const context = await stallContext()
  const start = Date.now()
  const run = await runAction({ context, image: repo('stall'), registry: proxy.host, tags: 'v1' }, { env })
  const ms = Date.now() - start
  const dropped = proxy.stalls.filter(s => s.closedAt !== undefined).length
  // What the engine kept is let go now, not at the end of the file (see releaseStalls).
  proxy.releaseStalls()
  return { run, ms, proxy, dropped }
}

/** One error line, exit 1, no digest. */
function failure(run: ActionRun): string {
  expect(run.code).toBe(1)
  const errors = errorLines(run.stdout)
  expect(errors).toHaveLength(1)
  expect(run.outputs.digest ?? '').toBe('')
  return errors[0]
}

let defaultsRun: Promise<StalledRun>

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
  // At the default bounds the stall costs two minutes of waiting: it runs beside the other tests.
  defaultsRun = stalledRun({})
  defaultsRun.catch(() => {}) // reported by its own test
})

afterAll(async () => {
  await Promise.all(proxies.map(p => p.stop()))
  await registry?.stop()
  if (figures.length) console.log(`bounds:\n${figures.join('\n')}`)
})

describe('a registry that takes the upload and stalls', () => {
  it('the push is stopped after the stall window, retried within the window, and fails with one error', async () => {
    const { run, ms, proxy, dropped } = await stalledRun({
      BTP_PUSH_STALL_MS: '3000',
      BTP_PUSH_MIN_MS: '60000'
    })
    const error = failure(run)
    expect(error).toMatch(/docker push stalled: no progress for 3 s/)
    expect(error).toContain(proxy.host)
    expect(error).toMatch(/after 3 attempts/)
    expect(dockerPushes(run)).toBe(3)
    const warnings = retryWarnings(run)
    expect(warnings).toHaveLength(2)
    for (const w of warnings) expect(w).toMatch(/push stalled: no progress for 3 s/)
    expect(proxy.stalls.length).toBeGreaterThanOrEqual(1)
    // Three stalls of 3 s, two short backoffs, the build: well under the 45 s retry window.
    expect(ms).toBeLessThan(45_000)
    // Whether the engine drops the stalled upload once its CLI is gone is the engine's business: dockerd
    // 20.10 keeps it, and the next attempt joins it, making no new upload. Denied, it lets go at once.
    expect(await eventually(() => proxy.stalls.every(s => s.closedAt !== undefined), 10_000)).toBe(true)
    figures.push(
      `stall window 3 s: ${dockerPushes(run)} push attempts, ${proxy.stalls.length} stalled upload(s) (${dropped} dropped by the engine), failed in ${ms} ms`
    )
  }, 120_000)

  it('a push that never stalls long enough still ends at its ceiling', async () => {
    const { run, ms, proxy } = await stalledRun({ BTP_PUSH_STALL_MS: '600000', BTP_PUSH_MIN_MS: '4000' })
    const error = failure(run)
    expect(error).toMatch(/docker push timed out after 4 s/)
    expect(error).toContain(proxy.host)
    expect(dockerPushes(run)).toBe(3)
    expect(ms).toBeLessThan(45_000)
    figures.push(`ceiling 4 s: ${dockerPushes(run)} push attempts, failed in ${ms} ms`)
  }, 120_000)

  it('at the default bounds, a small image fails within 4 minutes, saying the push stalled, after a retry', async () => {
    const { run, ms } = await defaultsRun
    const error = failure(run)
    expect(error).toMatch(/docker push (stalled: no progress for \d+ s|timed out after \d+ s)/)
    // The first push is stopped after 60 s of silence, beyond the 45 s window: the window opens when it
    // fails, so it is retried once (the second also runs past the window).
    expect(dockerPushes(run)).toBe(2)
    expect(error).toMatch(/gave up after 2 attempt\(s\)/)
    expect(ms).toBeLessThan(4 * 60_000)
    figures.push(`default bounds: ${dockerPushes(run)} push attempt(s), failed in ${ms} ms: ${error}`)
  }, 300_000)
})

describe('a cancelled job', () => {
  it('SIGINT stops the docker processes below the action, and it exits 130', async () => {
    const nonce = randomBytes(8).toString('hex')
    const context = await makeContext({
      // The step's first words are computed, so that seeing them means the step runs (not its echo).
      Dockerfile: `FROM ${base}\nRUN echo started-$((40+2))-${nonce} && sleep 30 && echo slept-$((40+2))-${nonce}\n`
    })
    const action = await startAction({ context, image: repo('cancel'), registry: registry.host, tags: 'v1' })
    try {
      // The build step is running: docker printed what it echoed first.
      await action.waitFor(`started-42-${nonce}`, 60_000)
      const pid = action.child.pid!
      const below = descendants(pid)
      expect(below.map(p => p.cmdline).join('\n')).toMatch(BUILD_PROCESS)
      const step = () => processes().filter(p => p.cmdline.includes(`-${nonce} && sleep`) && running(p.pid))
      expect(step().length).toBeGreaterThan(0)

      action.child.kill('SIGINT')
      expect(await action.exited).toBe(130)
      const left = (): string[] => below.filter(p => running(p.pid)).map(p => `${p.pid} ${p.cmdline}`)
      expect(await eventually(() => left().length === 0, 5_000)).toBe(true)
      expect(left()).toEqual([])
      // The engine stopped the step as well: its shell is gone long before its 30 s sleep would end.
      expect(await eventually(() => step().length === 0, 15_000)).toBe(true)
      expect(action.output()).not.toContain(`slept-42-${nonce}`)
    } finally {
      action.child.kill('SIGKILL')
    }
  }, 120_000)
})
