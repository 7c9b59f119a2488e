// The post step after a killed main: what main left running is stopped before its directory is removed,
// so that nothing writes there again. A node script stands in for the orphaned buildx, which recreates
// DOCKER_CONFIG/buildx/refs/… as it goes.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { post } from '../../src/action/post.js'
import { STATE_WORKDIR } from '../../src/action/state.js'

const KEY = `STATE_${STATE_WORKDIR}`
const started: ChildProcess[] = []
const dirs: string[] = []
afterEach(() => {
  delete process.env[KEY]
  for (const child of started.splice(0)) child.kill('SIGKILL')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('post after a killed main', () => {
  it('stops what main left running, then removes the directory, which stays gone', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'build-tag-push-'))
    dirs.push(workDir)
    const config = join(workDir, 'docker-config')
    mkdirSync(config)
    // Writes into the directory every 20 ms, making it again when it is gone, as buildx's state does.
    const code = `const fs = require('fs'); const p = require('path')
      const refs = p.join(process.env.DOCKER_CONFIG, 'buildx', 'refs')
      setInterval(() => { fs.mkdirSync(refs, { recursive: true }); fs.writeFileSync(p.join(refs, 'x'), 'ref') }, 20)
      console.log('up')`
    const orphan = spawn(process.execPath, ['-e', code], {
      env: { PATH: process.env.PATH, DOCKER_CONFIG: config },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    started.push(orphan)
    await new Promise((resolve, reject) => {
      orphan.stdout!.once('data', resolve)
      orphan.once('exit', c => reject(new Error(`the stand-in exited (${c}) before it was up`)))
    })
    process.env[KEY] = workDir
    await post()
    await new Promise(r => setTimeout(r, 300))
    expect(orphan.signalCode).toBe('SIGTERM')
    expect(existsSync(workDir)).toBe(false)
  })

  it('with the directory gone (main ended by itself), looks for nothing', async () => {
    process.env[KEY] = join(tmpdir(), 'build-tag-push-gone-4d1f')
    await expect(post()).resolves.toBeUndefined()
  })
})
