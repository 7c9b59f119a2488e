// The bench runs the post step only where the runner would: this holds its reading of action.yml's post-if.
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { ENV_POST_WANTED } from '../../src/action/state.js'
import { KNOWN_POST_IF, postIfOf, runnerRunsPost } from '../../scripts/post-if.mjs'
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
