// {{defaultContext}} and the git fetch's credentials as build secrets. Pure, so tables.
import { describe, expect, it } from '@jest/globals'
import type { GitContext } from '../../src/metadata/context.js'
import {
  defaultGitContext,
  expandDefaultContext,
  gitSources,
  isHttpGitUrl
} from '../../src/docker/git-context.js'
import { InputError } from '../../src/inputs/parse.js'

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
const ctx = (over: Partial<GitContext>): GitContext => ({
  actions: true,
  eventName: 'push',
  ref: 'refs/heads/main',
  sha: SHA,
  serverUrl: 'https://github.com',
  repository: 'o/r',
  payload: {},
  ...over
})

describe('defaultGitContext (as @docker/actions-toolkit builds it)', () => {
  it.each([
    ['a branch push: the commit', {}, {}, `https://github.com/o/r.git#${SHA}`],
    ['a tag: the commit', { ref: 'refs/tags/v1.0.0' }, {}, `https://github.com/o/r.git#${SHA}`],
    ['a short ref: the commit', { ref: 'main' }, {}, `https://github.com/o/r.git#${SHA}`],
    [
      'a pull request: its merge ref',
      { ref: 'refs/pull/15/merge', eventName: 'pull_request' },
      {},
      'https://github.com/o/r.git#refs/pull/15/merge'
    ],
    [
      'a pull request with DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: its head',
      { ref: 'refs/pull/15/merge' },
      { DOCKER_DEFAULT_GIT_CONTEXT_PR_HEAD_REF: 'true' },
      'https://github.com/o/r.git#refs/pull/15/head'
    ],
    [
      'no sha: the ref',
      { sha: '', ref: 'refs/heads/main' },
      {},
      'https://github.com/o/r.git#refs/heads/main'
    ],
    [
      'GitHub Enterprise',
      { serverUrl: 'https://ghe.example.com' },
      {},
      `https://ghe.example.com/o/r.git#${SHA}`
    ]
  ])('%s', (_name, over, env, url) => {
    expect(defaultGitContext(ctx(over), env)).toBe(url)
  })
})

describe('expandDefaultContext', () => {
  const URL = 'https://github.com/o/r.git#abc'
  it.each([
    ['{{defaultContext}}', URL],
    ['{{ defaultContext }}', URL],
    ['{{defaultContext}}:docker/app', `${URL}:docker/app`],
    ['.', '.'],
    ['https://github.com/x/y.git', 'https://github.com/x/y.git']
  ])('%s → %s', (value, expected) => expect(expandDefaultContext(value, URL, 'context')).toBe(expected))

  it('outside a repository run is an input error naming the input', () => {
    expect(() => expandDefaultContext('{{defaultContext}}', undefined, 'build-contexts')).toThrow(InputError)
    expect(() => expandDefaultContext('{{defaultContext}}', undefined, 'build-contexts')).toThrow(
      /"build-contexts".*GITHUB_REPOSITORY/
    )
  })
})

describe('isHttpGitUrl', () => {
  it.each([
    ['https://github.com/o/r.git#main', undefined, true],
    ['https://u:p@git.example.com:8443/o/r.git', undefined, true],
    ['https://u:p@ss@github.com/o/r', 'github.com', true],
    ['https://github.com@evil.example/o/r', 'github.com', false],
    ['https://github.com/o/r', 'github.com', true],
    ['https://example.com/context.tar.gz', 'github.com', false],
    ['git@github.com:o/r.git', 'github.com', false],
    ['./dir', 'github.com', false]
  ])('%s (GitHub host %s) → %s', (url, host, expected) => expect(isHttpGitUrl(url, host)).toBe(expected))
})

describe('gitSources', () => {
  const base = { context: '.', buildContexts: [] as string[], githubToken: '', secrets: [] as string[] }
  const gh = {
    buildx: true,
    serverUrl: 'https://github.com',
    defaultContext: 'https://github.com/o/r.git#abc'
  }
  const basic = (s: string): string => `basic ${Buffer.from(s).toString('base64')}`
  it.each([
    [
      'a local context: nothing to do',
      { githubToken: 'ghs_t' },
      gh,
      { context: '.', buildContexts: [], secrets: [] }
    ],
    [
      '{{defaultContext}} with the token: GIT_AUTH_TOKEN.<github host>',
      { context: '{{defaultContext}}:app', githubToken: 'ghs_t' },
      gh,
      {
        context: 'https://github.com/o/r.git#abc:app',
        buildContexts: [],
        secrets: [{ key: 'GIT_AUTH_TOKEN.github.com', value: 'ghs_t' }]
      }
    ],
    [
      'a named context on the GitHub host gets the token too',
      {
        buildContexts: ['lib=https://github.com/o/lib.git#v1', 'img=docker-image://alpine'],
        githubToken: 'ghs_t'
      },
      gh,
      {
        context: '.',
        buildContexts: ['lib=https://github.com/o/lib.git#v1', 'img=docker-image://alpine'],
        secrets: [{ key: 'GIT_AUTH_TOKEN.github.com', value: 'ghs_t' }]
      }
    ],
    [
      'another host gets no GitHub token',
      { context: 'https://gitlab.com/o/r.git', githubToken: 'ghs_t' },
      gh,
      { context: 'https://gitlab.com/o/r.git', buildContexts: [], secrets: [] }
    ],
    [
      'GitHub Enterprise: the token for its host',
      { context: '{{defaultContext}}', githubToken: 'ghs_t' },
      {
        buildx: true,
        serverUrl: 'https://ghe.example.com',
        defaultContext: 'https://ghe.example.com/o/r.git#abc'
      },
      {
        context: 'https://ghe.example.com/o/r.git#abc',
        buildContexts: [],
        secrets: [{ key: 'GIT_AUTH_TOKEN.ghe.example.com', value: 'ghs_t' }]
      }
    ],
    [
      "the user's own GIT_AUTH_TOKEN wins",
      { context: '{{defaultContext}}', githubToken: 'ghs_t', secrets: ['GIT_AUTH_TOKEN=mine'] },
      gh,
      { context: 'https://github.com/o/r.git#abc', buildContexts: [], secrets: [] }
    ],
    [
      'userinfo x-access-token:<token> leaves the URL for GIT_AUTH_TOKEN.<host>',
      { context: 'https://x-access-token:ghs_u@github.com/o/r.git#main:sub', githubToken: 'ghs_t' },
      gh,
      {
        context: 'https://github.com/o/r.git#main:sub',
        buildContexts: [],
        secrets: [{ key: 'GIT_AUTH_TOKEN.github.com', value: 'ghs_u' }]
      }
    ],
    [
      'any other userinfo becomes the Basic header it would have sent, port kept in the host',
      { context: 'https://bob:p%40ss@git.example.com:8443/r.git#main' },
      gh,
      {
        context: 'https://git.example.com:8443/r.git#main',
        buildContexts: [],
        secrets: [{ key: 'GIT_AUTH_HEADER.git.example.com:8443', value: basic('bob:p@ss') }]
      }
    ],
    [
      "a password with an unencoded '@' leaves the URL whole: the host is after the last '@'",
      { context: 'https://deploy:Secr3t@Pass99@git.example.com/o/r.git' },
      gh,
      {
        context: 'https://git.example.com/o/r.git',
        buildContexts: [],
        secrets: [{ key: 'GIT_AUTH_HEADER.git.example.com', value: basic('deploy:Secr3t@Pass99') }]
      }
    ],
    [
      'a pinned image context is no git URL and keeps its digest',
      { buildContexts: ['base=docker-image://alpine:latest@sha256:' + 'a'.repeat(64)] },
      gh,
      {
        context: '.',
        buildContexts: ['base=docker-image://alpine:latest@sha256:' + 'a'.repeat(64)],
        secrets: []
      }
    ],
    [
      'plain http keeps its userinfo (BuildKit sends no secret over http)',
      { context: 'http://x-access-token:tok@127.0.0.1:8080/r.git#main' },
      gh,
      { context: 'http://x-access-token:tok@127.0.0.1:8080/r.git#main', buildContexts: [], secrets: [] }
    ],
    [
      'classic: the URL as written, no secrets (docker clones it itself)',
      { context: 'https://x-access-token:ghs_u@github.com/o/r.git', githubToken: 'ghs_t' },
      { ...gh, buildx: false },
      { context: 'https://x-access-token:ghs_u@github.com/o/r.git', buildContexts: [], secrets: [] }
    ],
    [
      'classic still resolves {{defaultContext}}',
      { context: '{{defaultContext}}', githubToken: 'ghs_t' },
      { ...gh, buildx: false },
      { context: 'https://github.com/o/r.git#abc', buildContexts: [], secrets: [] }
    ]
  ])('%s', (_name, over, opts, expected) => {
    expect(gitSources({ ...base, ...over }, opts)).toEqual(expected)
  })
})
