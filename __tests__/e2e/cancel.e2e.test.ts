// A cancelled job (the runner's SIGINT, then SIGTERM) in the phases where no build runs: a login, the
// registry preflight, a source registry's answer. Each ends as a cancel during the build does: one error
// line, exit 128 + the signal, and the run's private directory removed, within seconds, not when the
// request's own deadline would have passed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startBlackhole, startFaultProxy } from '../helpers/fault-proxy.js'
import { expectSucceeded, runAction } from '../helpers/action.js'
import { startAction } from '../helpers/processes.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'

let base: string
let registry: TestRegistry
let blackhole: { host: string; stop(): Promise<void> }
const dirs: string[] = []
let n = 0
const repo = (name: string): string => `cancel/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  ;[registry, blackhole] = await Promise.all([startRegistry(), startBlackhole()])
})

afterAll(async () => {
  await Promise.all([registry?.stop(), blackhole?.stop()])
  await Promise.all(dirs.map(d => rm(d, { recursive: true, force: true })))
})

async function cancelled(
  inputs: Record<string, string>,
  signal: 'SIGINT' | 'SIGTERM',
  /** Printed once the phase under test has begun. */
  started: RegExp,
  /** A second signal, sent right after the first (a runner that does not wait). */
  then?: 'SIGTERM'
): Promise<{ code: number; output: string; afterSignalMs: number; left: string[] }> {
  const runnerTemp = await mkdtemp(join(tmpdir(), 'btp-cancel-temp-'))
  dirs.push(runnerTemp)
  // Nothing is built from sources, so they take no context.
  if (!inputs.sources) {
    const context = await makeContext({
      Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(6).toString('hex')}\n`
    })
    dirs.push(context)
    inputs = { context, ...inputs }
  }
  const action = await startAction(inputs, { RUNNER_TEMP: runnerTemp, RUNNER_DEBUG: '1' })
  try {
    await action.waitFor(started, 30_000)
    // Well inside the phase: its requests are out, and nothing will answer them.
    await new Promise(resolve => setTimeout(resolve, 1_500))
    const at = Date.now()
    action.child.kill(signal)
    if (then) action.child.kill(then)
    const code = await action.exited
    return { code, output: action.output(), afterSignalMs: Date.now() - at, left: await readdir(runnerTemp) }
  } finally {
    action.child.kill('SIGKILL')
  }
}

function expectCancelled(
  run: { code: number; output: string; afterSignalMs: number; left: string[] },
  signal: 'SIGINT' | 'SIGTERM',
  /** What was stopped, when the error names it (a docker command). */
  what = ''
): void {
  expect(run.code).toBe(signal === 'SIGINT' ? 130 : 143)
  const errors = errorLines(run.output)
  expect(errors).toEqual([`::error::${what}the run was cancelled (${signal})`])
  // Unwound, not killed by the 5 s fallback, and long before a 10 s request deadline.
  expect(run.afterSignalMs).toBeLessThan(4_000)
  // The private directory (and its DOCKER_CONFIG) is gone without waiting for the post step.
  expect(run.left).toEqual([])
  expect(run.output).not.toMatch(/\[command\]docker (buildx )?build/)
}

describe('cancelled before any build', () => {
  it('during a login (docker login to a registry that never answers): SIGINT', async () => {
    const run = await cancelled(
      {
        images: `${registry.host}/${repo('login')}`,
        'registry-auth': `- registry: ${blackhole.host}\n  username: u\n  password: p-${randomBytes(6).toString('hex')}\n`,
        tags: 'v1'
      },
      'SIGINT',
      /tags: v1/
    )
    expectCancelled(run, 'SIGINT', 'docker login stopped: ')
    expect(run.output).not.toContain(`Logged in to ${blackhole.host}`)
  }, 60_000)

  it('SIGINT and at once SIGTERM during a login: no time to unwind, yet the private directory (the login) is gone', async () => {
    const run = await cancelled(
      {
        images: `${registry.host}/${repo('twice')}`,
        'registry-auth': `- registry: ${blackhole.host}\n  username: u\n  password: p-${randomBytes(6).toString('hex')}\n`,
        tags: 'v1'
      },
      'SIGINT',
      /tags: v1/,
      'SIGTERM'
    )
    // Exited as a signal says: the two arrive together, and which node handles first is not fixed.
    expect([130, 143]).toContain(run.code)
    expect(run.left).toEqual([])
  }, 60_000)

  it('while waiting to retry a login (a registry answering 503): SIGINT, the wait ends at once', async () => {
    const busy = await startFaultProxy(registry.host, { kind: 'status', status: 503 })
    try {
      const run = await cancelled(
        {
          images: `${registry.host}/${repo('login-wait')}`,
          'registry-auth': `- registry: ${busy.host}\n  username: u\n  password: p-${randomBytes(6).toString('hex')}\n`,
          tags: 'v1',
          retries: '10'
        },
        'SIGINT',
        // The fourth attempt failed: its wait (4 to 8 s) is under way when the signal comes 1.5 s later.
        /login to \S+ failed \(attempt 4 of 10\)/
      )
      expectCancelled(run, 'SIGINT')
      // Not ended by a fifth docker login stopped as it started, after the wait.
      expect(run.output).not.toMatch(/failed \(attempt 5 of 10\)/)
    } finally {
      await busy.stop()
    }
  }, 60_000)

  it('during the preflight of a target that never answers: SIGTERM', async () => {
    const image = repo('preflight')
    const run = await cancelled({ image, registry: blackhole.host, tags: 'v1' }, 'SIGTERM', /tags: v1/)
    expectCancelled(run, 'SIGTERM')
  }, 60_000)

  it('while a source registry keeps its answer (the resolve before a copy): SIGINT, nothing pushed', async () => {
    const image = repo('source')
    const run = await cancelled(
      { image, registry: registry.host, sources: `${blackhole.host}/src/app:v1`, tags: 'v1' },
      'SIGINT',
      /tags: v1/
    )
    expectCancelled(run, 'SIGINT')
    expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
  }, 60_000)

  it('during a copy whose source stalls a layer: SIGINT, nothing pushed', async () => {
    const from = repo('copy-from')
    const built = await runAction({
      context: await makeContext({
        Dockerfile: `FROM ${base}\nRUN head -c 200000 /dev/urandom > /blob\n`
      }),
      image: from,
      registry: registry.host,
      tags: 'v1'
    })
    expectSucceeded(built)
    // The source, through a proxy that takes the GETs of its layers and never answers them.
    // On BuildKit the source is an index: its children's layers.
    const top = (await inspectRaw(registry.host, `${from}:v1`)).json
    const manifests = top.manifests
      ? await Promise.all(
          top.manifests.map(
            async (m: { digest: string }) => (await inspectRaw(registry.host, `${from}@${m.digest}`)).json
          )
        )
      : [top]
    const layers: string[] = manifests.flatMap(m => (m.layers ?? []).map((l: { digest: string }) => l.digest))
    expect(layers.length).toBeGreaterThan(0)
    const proxy = await startFaultProxy(registry.host, {
      kind: 'stall',
      match: (method, path) => method === 'GET' && layers.some(d => path.endsWith(`/blobs/${d}`))
    })
    try {
      const target = await startRegistry()
      try {
        const image = repo('copy-to')
        const run = await cancelled(
          { image, registry: target.host, sources: `${proxy.host}/${from}:v1`, tags: 'v1' },
          'SIGINT',
          /Promoting /
        )
        expect(proxy.stalls.length).toBeGreaterThan(0)
        expectCancelled(run, 'SIGINT')
        expect(await tagExists(target.host, `${image}:v1`)).toBe(false)
      } finally {
        await target.stop()
      }
    } finally {
      await proxy.stop()
    }
  }, 90_000)
})
