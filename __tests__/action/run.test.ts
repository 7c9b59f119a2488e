import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { postHasWork } from '../../src/action/run.js'
import { STATE_KEPT_LOGIN, STATE_WORKDIR } from '../../src/action/state.js'

const keys = [`STATE_${STATE_WORKDIR}`, `STATE_${STATE_KEPT_LOGIN}`]
afterEach(() => keys.forEach(k => delete process.env[k]))

describe('postHasWork: the post step loads nothing when there is nothing to undo', () => {
  it('no state at all (main never got that far)', () => {
    expect(postHasWork()).toBe(false)
  })
  it('a private directory the main step already removed', () => {
    process.env[`STATE_${STATE_WORKDIR}`] = path.join(tmpdir(), 'btp-run-test-gone-7f3a')
    expect(postHasWork()).toBe(false)
  })
  it('a private directory still there (main was killed)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'btp-run-test-'))
    try {
      process.env[`STATE_${STATE_WORKDIR}`] = dir
      expect(postHasWork()).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  it('a kept login, whatever the directory', () => {
    process.env[`STATE_${STATE_KEPT_LOGIN}`] = '{"config":"/x/config.json","undo":"/x/undo"}'
    expect(postHasWork()).toBe(true)
  })
})
