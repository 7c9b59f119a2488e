// Reading the event: what the payload says is checked like any answer from outside before a tag or a
// label is made of it.
import { describe, expect, it } from '@jest/globals'
import { buildSha, isBranchName, payloadDefaultBranch } from '../../src/metadata/event.js'

const SHA = 'a'.repeat(40)
const HEAD = 'b'.repeat(40)
const pr = (head: unknown) => ({
  eventName: 'pull_request',
  ref: 'refs/pull/7/merge',
  sha: SHA,
  payload: { pull_request: { number: 7, head: { sha: head } } }
})

describe('buildSha', () => {
  it.each([
    ['a SHA-1 head', HEAD, HEAD],
    ['a SHA-256 head', 'c'.repeat(64), 'c'.repeat(64)],
    ['a head with a line break, which would add a line to the labels', `${HEAD}\nx=y`, SHA],
    ['a head that is no commit id', 'main', SHA],
    ['no head', undefined, SHA]
  ])('asked for the head, %s: %s', (_what, head, want) => {
    expect(buildSha(pr(head), true)).toBe(want)
  })

  it('not asked for the head: GITHUB_SHA', () => {
    expect(buildSha(pr(HEAD), false)).toBe(SHA)
  })
})

describe('payloadDefaultBranch', () => {
  it.each([
    ['main', 'main'],
    ['release/1.x', 'release/1.x'],
    ['main\n::error::x', ''],
    ['a..b', ''],
    [42, ''],
    [undefined, '']
  ])('%j → %j', (branch, want) => {
    expect(payloadDefaultBranch({ payload: { repository: { default_branch: branch } } })).toBe(want)
    expect(isBranchName(branch)).toBe(want !== '')
  })
})
