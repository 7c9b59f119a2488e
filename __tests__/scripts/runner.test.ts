// The bench runs the post step only where the runner would: this holds its reading of action.yml's post-if,
// and which node it starts the action with.
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENV_POST_WANTED } from '../../src/action/state.js'
import { KNOWN_POST_IF, postIfOf, runnerNode, runnerRunsPost } from '../../scripts/runner.mjs'
import { ROOT } from '../helpers/action.js'

describe("the runner's decision on post-if, as the bench takes it", () => {
  const postIf = postIfOf(join(ROOT, 'action.yml'))

  it("is action.yml's expression, on the variable keep-login exports", () => {
    expect(postIf).toBe(KNOWN_POST_IF)
    expect(KNOWN_POST_IF).toBe(`!success() || env.${ENV_POST_WANTED} == 'true'`)
  })
  it('a successful job with no kept login: no post step, so no second node start', () => {
    expect(runnerRunsPost(postIf, { jobSucceeded: true, env: {} })).toBe(false)
    expect(runnerRunsPost(postIf, { jobSucceeded: true, env: { [ENV_POST_WANTED]: 'false' } })).toBe(false)
  })
  it('a kept login, or a failed or cancelled job: the post step runs', () => {
    expect(runnerRunsPost(postIf, { jobSucceeded: true, env: { [ENV_POST_WANTED]: 'true' } })).toBe(true)
    expect(runnerRunsPost(postIf, { jobSucceeded: false, env: {} })).toBe(true)
  })
  it('refuses an expression it was not taught, rather than guess', () => {
    expect(() => runnerRunsPost('always()', { jobSucceeded: true, env: {} })).toThrow(/post-if/)
  })
})

describe("the runner's node", () => {
  it('is node 24 of the `node` dev dependency where it is installed, and the fallback where not', () => {
    const root = mkdtempSync(join(tmpdir(), 'btp-runner-node-'))
    try {
      expect(runnerNode(root, '/usr/bin/node')).toBe('/usr/bin/node')
      mkdirSync(join(root, 'node_modules', 'node', 'bin'), { recursive: true })
      writeFileSync(join(root, 'node_modules', 'node', 'bin', 'node'), '')
      expect(runnerNode(root, '/usr/bin/node')).toBe(join(root, 'node_modules', 'node', 'bin', 'node'))
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it("is node 24 in this repository, as action.yml's runs.using says", () => {
    const version = spawnSync(runnerNode(ROOT), ['-p', 'process.versions.node'], { encoding: 'utf8' })
    expect(version.stdout.trim()).toMatch(/^24\./)
  })
})
