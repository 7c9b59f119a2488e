// What a killed main step left running, found by the run's private directory and stopped: real processes
// (node scripts standing in for docker), read through this machine's /proc.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { processesNaming, stopProcessesNaming } from '../../src/docker/orphans.js'
import { KILL_AFTER_MS } from '../../src/docker/cancel.js'

const started: ChildProcess[] = []
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL')
})

/** A process that runs until stopped, naming `dir` in its env or argv; `stubborn` ignores SIGTERM. */
async function leftover(how: { env?: string; arg?: string; stubborn?: boolean }): Promise<ChildProcess> {
  const code = `${how.stubborn ? "process.on('SIGTERM', () => {});" : ''} console.log('up'); setInterval(() => {}, 1000)`
  const child = spawn(process.execPath, ['-e', code, '--', ...(how.arg ? [how.arg] : [])], {
    env: { PATH: process.env.PATH, ...(how.env ? { DOCKER_CONFIG: how.env } : {}) },
    stdio: ['ignore', 'pipe', 'ignore']
  })
  started.push(child)
  await new Promise((resolve, reject) => {
    child.stdout!.once('data', resolve)
    child.once('exit', code => reject(new Error(`the stand-in exited (${code}) before it was up`)))
  })
  return child
}

const exited = (child: ChildProcess): Promise<NodeJS.Signals | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.signalCode)
    : new Promise(resolve => child.once('exit', (_code, signal) => resolve(signal)))

describe('processes a killed main step left running', () => {
  expect(existsSync('/proc/self/environ')).toBe(true)
  const dir = mkdtempSync(join(tmpdir(), 'btp-orphans-'))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('are found by a path inside the run directory, in their environment or their argv', async () => {
    const byEnv = await leftover({ env: join(dir, 'docker-config') })
    const byArg = await leftover({ arg: `--iidfile=${join(dir, 'iid')}` })
    const whole = await leftover({ arg: dir })
    // Another directory whose name starts with this one's is not it.
    const other = await leftover({ env: `${dir}x/docker-config` })
    const found = await processesNaming(dir)
    expect(found).toEqual([byEnv.pid, byArg.pid, whole.pid].sort((a, b) => a! - b!))
    expect(found).not.toContain(other.pid)
    expect(found).not.toContain(process.pid)
  })

  it('are stopped with SIGTERM; one that ignores it gets SIGKILL after KILL_AFTER_MS', async () => {
    const polite = await leftover({ env: join(dir, 'docker-config') })
    const stubborn = await leftover({ env: join(dir, 'tmp'), stubborn: true })
    const bystander = await leftover({ env: join(tmpdir(), 'btp-orphans-elsewhere', 'docker-config') })
    const start = Date.now()
    expect(await stopProcessesNaming(dir)).toBe(2)
    expect(await exited(polite)).toBe('SIGTERM')
    expect(await exited(stubborn)).toBe('SIGKILL')
    expect(Date.now() - start).toBeGreaterThanOrEqual(KILL_AFTER_MS - 100)
    expect(bystander.exitCode === null && bystander.signalCode === null).toBe(true)
    expect(await processesNaming(dir)).toEqual([])
  })

  it('none: nothing is signalled and nothing is waited for', async () => {
    const start = Date.now()
    expect(await stopProcessesNaming(dir)).toBe(0)
    // Less than the wait for a SIGKILL it would have made: reading /proc alone took over 1 s under load.
    expect(Date.now() - start).toBeLessThan(KILL_AFTER_MS - 100)
  })

  it('without /proc (macOS, Windows) none are found', async () => {
    expect(await processesNaming(dir, join(dir, 'no-proc'))).toEqual([])
  })
})
