// The ledger's lock taken by several processes at once, as jobs sharing one docker config take it, and the
// files it writes whole.
import { testDir } from '../helpers/temp.js'
import { describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'
import { runnerNode } from '../../scripts/runner.mjs'
import { LOCK_STALE_MS, PID_SPACE, ledgerDir, withLock, writePrivate } from '../../src/action/login-ledger.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const quiet = { warning: () => {} }
/** A pid that is surely gone: a child that has exited. */
const gonePid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number
const lockOf = (config: string): string => `${ledgerDir(config)}.lock`

/** The most holders a lock's log shows at once. */
function mostAtOnce(log: string): number {
  let inside = 0
  let most = 0
  for (const line of log.split('\n')) {
    if (line.startsWith('enter')) most = Math.max(most, ++inside)
    if (line.startsWith('exit')) inside--
  }
  return most
}

describe('the keep-login lock', () => {
  it('a lock of a dead process, judged abandoned by several processes at once, is taken by one at a time', async () => {
    const config = join(await testDir('btp-ledger-race-'), 'config.json')
    // The lock of a step of this host killed while holding it.
    await writeFile(lockOf(config), `${hostname()} ${gonePid()} x ${PID_SPACE}\n`)
    // Each finds the lock abandoned within the first 60 ms, and removes what is there 60, 110, 160 ms on: by
    // then the first has taken the lock again, and holds it for 200 ms.
    const children = [60, 110, 160].map(delay => {
      const child = spawn(
        runnerNode(ROOT),
        [
          join(ROOT, '__fixtures__', 'lock-holder.mjs'),
          join(ROOT, 'src', 'action', 'login-ledger.ts'),
          config,
          '200',
          String(delay)
        ],
        { stdio: ['pipe', 'pipe', 'pipe'] }
      )
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      const ready = new Promise<void>(go => child.stdout.once('data', () => go()))
      const exited = new Promise<{ code: number | null; stderr: string }>(done =>
        child.on('exit', code => done({ code, stderr }))
      )
      return { child, ready, exited }
    })
    await Promise.all(children.map(c => c.ready))
    const startAt = String(Date.now() + 50)
    for (const { child } of children) child.stdin.end(startAt)
    const results = await Promise.all(children.map(c => c.exited))
    expect(results.filter(r => r.code !== 0)).toEqual([])
    const log = await readFile(`${config}.log`, 'utf8')
    expect({
      entered: log.split('\n').filter(l => l.startsWith('enter')).length,
      warned: log.includes('warn')
    }).toEqual({
      entered: 3,
      warned: false
    })
    expect({ mostAtOnce: mostAtOnce(log), log }).toEqual({ mostAtOnce: 1, log })
    expect(existsSync(lockOf(config))).toBe(false)
  })

  it("a lock of another pid namespace (a container's, with this host's name) is not judged by its pid: taken once stale", async () => {
    const config = join(await testDir('btp-ledger-ns-'), 'config.json')
    const lock = lockOf(config)
    await writeFile(lock, `${hostname()} ${gonePid()} x another/pid:[1]\n`)
    let ran = false
    const taken = withLock(config, quiet, async () => {
      ran = true
    })
    await new Promise(r => setTimeout(r, 400))
    expect({ ran, locked: existsSync(lock) }).toEqual({ ran: false, locked: true })
    const old = new Date(Date.now() - LOCK_STALE_MS - 1000)
    await utimes(lock, old, old)
    await taken
    expect(ran).toBe(true)
    expect(existsSync(lock)).toBe(false)
  })
})

describe('writePrivate', () => {
  it('writers sharing a pid (two hosts, two containers) use their own copies: each write lands whole', async () => {
    const file = join(await testDir('btp-ledger-write-'), 'config.json')
    const texts = Array.from({ length: 16 }, (_, i) => `{"writer":${i}}`)
    const results = await Promise.allSettled(texts.map(t => writePrivate(file, t)))
    expect(results.filter(r => r.status === 'rejected').length).toBe(0)
    expect(texts).toContain(await readFile(file, 'utf8'))
    expect(await readdir(join(file, '..'))).toEqual(['config.json'])
  })

  it('the file is readable by its owner only, whatever a copy left by a killed step allowed', async () => {
    const dir = await testDir('btp-ledger-write-')
    const file = join(dir, 'config.json')
    const left = `${file}.build-tag-push-${process.pid}`
    await writeFile(left, 'left by a killed step', { mode: 0o644 })
    await writePrivate(file, 'secret')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readFile(file, 'utf8')).toBe('secret')
  })
})
