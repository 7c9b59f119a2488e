import { describe, it, expect, jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  autoTags,
  loadGitContext,
  mergeLabels,
  ociLabels,
  parseSemver,
  sanitizeTag,
  type GitContext
} from '../src/context.js'
import { isValidTag } from '../src/reference.js'
import { eventEnv, libraryContext } from './helpers/events.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98'
const NOW = new Date('2025-01-02T03:04:05.678Z')

function ctx(over: Partial<GitContext> = {}): GitContext {
  return {
    actions: true,
    eventName: 'push',
    ref: 'refs/heads/main',
    sha: SHA,
    serverUrl: 'https://github.com',
    repository: 'octo/app',
    payload: { repository: { default_branch: 'main' } },
    ...over
  }
}

const prPayload = (n: number) => ({
  number: n,
  pull_request: { number: n, head: { sha: HEAD } },
  repository: { default_branch: 'main' }
})

describe('the git context through @actions/github', () => {
  it('reads a push to the default branch: event, ref, sha, repository, server and payload', () => {
    const env = eventEnv('push-main')
    const c = libraryContext(env)
    expect(c).toMatchObject({
      actions: true,
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: env.GITHUB_SHA,
      serverUrl: 'https://github.com',
      repository: 'acme/widget'
    })
    expect(c.payload.repository.default_branch).toBe('main')
    expect(autoTags(c)).toEqual(['latest', 'main', `sha-${env.GITHUB_SHA.slice(0, 7)}`])
  })

  it('reads a pull request payload: its number and GITHUB_SHA (the merge commit) decide the tags', () => {
    const env = eventEnv('pull-request')
    const c = libraryContext(env)
    // GITHUB_SHA, the merge commit the build contains, not the PR head (metadata-action's rule)
    expect(c.payload.pull_request.head.sha).not.toBe(env.GITHUB_SHA)
    expect(autoTags(c)).toEqual([`pr-${c.payload.pull_request.number}`, `sha-${env.GITHUB_SHA.slice(0, 7)}`])
  })

  it('trims a GHES server URL, and names the repository from the payload without GITHUB_REPOSITORY', () => {
    const c = libraryContext({
      GITHUB_SERVER_URL: 'https://ghe.example.com/',
      GITHUB_EVENT_PATH: eventEnv('push-main').GITHUB_EVENT_PATH
    })
    expect(c.serverUrl).toBe('https://ghe.example.com')
    expect(c.repository).toBe('acme/widget')
  })

  it('is not in Actions without GITHUB_ACTIONS=true, and has defaults without any variable', () => {
    expect(libraryContext({})).toEqual({
      actions: false,
      eventName: '',
      ref: '',
      sha: '',
      serverUrl: 'https://github.com',
      repository: '',
      payload: {}
    })
  })

  it('falls back to the environment, with a warning, when the event file is not JSON', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'btp-event-'))
    const bad = path.join(dir, 'event.json')
    writeFileSync(bad, '{not json')
    const env = {
      GITHUB_ACTIONS: 'true',
      GITHUB_REF: 'refs/heads/dev',
      GITHUB_SHA: SHA,
      GITHUB_EVENT_PATH: bad
    }
    const warnings: string[] = []
    // A fresh module instance, so that the library's context is built from this environment.
    const c = await withEnv(env, () => loadGitContext(m => warnings.push(m), process.env))
    expect(c).toMatchObject({ actions: true, ref: 'refs/heads/dev', sha: SHA, payload: {} })
    expect(warnings.join('\n')).toMatch(/event payload/)
  })
})

async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env }
  try {
    Object.assign(process.env, env)
    jest.resetModules()
    return await fn()
  } finally {
    process.env = saved
  }
}

describe('sanitizeTag', () => {
  it.each([
    ['feature/Login_page', 'feature-Login_page'],
    ['-leading', 'leading'],
    ['.hidden', 'hidden'],
    ['--..-x', 'x'],
    ['a b@c#d', 'a-b-c-d'],
    ['1.2.3+build.5', '1.2.3-build.5'],
    ['ünïcode', 'n-code'],
    ['', ''],
    ['---', ''],
    ['/', ''],
    ['x'.repeat(200), 'x'.repeat(128)]
  ])('%s → %s', (input, out) => {
    expect(sanitizeTag(input)).toBe(out)
  })
})

describe('parseSemver', () => {
  it.each([
    ['1.2.3', { major: 1, minor: 2, patch: 3 }],
    ['v1.2.3', { major: 1, minor: 2, patch: 3 }],
    ['v0.0.0', { major: 0, minor: 0, patch: 0 }],
    ['v10.20.30-rc.1', { major: 10, minor: 20, patch: 30, prerelease: 'rc.1' }],
    ['1.2.3+build.5', { major: 1, minor: 2, patch: 3, build: 'build.5' }],
    ['1.2.3-alpha.0+sha.abc', { major: 1, minor: 2, patch: 3, prerelease: 'alpha.0', build: 'sha.abc' }],
    ['1.2.3-0a', { major: 1, minor: 2, patch: 3, prerelease: '0a' }]
  ])('%s', (input, out) => {
    expect(parseSemver(input)).toEqual(out)
  })

  it.each([
    'v1.2',
    '1',
    'vv1.2.3',
    'V1.2.3',
    '01.2.3',
    '1.02.3',
    '1.2.03',
    '1.2.3-01',
    '1.2.3-',
    '1.2.3+',
    '1.2.3-rc..1',
    ' 1.2.3',
    '1.2.3.4',
    'release/2024',
    '99999999999999999999.0.0'
  ])('rejects %s', input => {
    expect(parseSemver(input)).toBeUndefined()
  })
})

describe('autoTags', () => {
  const long = 'b'.repeat(200)
  it.each<[string, Partial<GitContext>, string[]]>([
    ['semver tag', { ref: 'refs/tags/v1.2.3' }, ['1.2.3', '1.2', '1', 'latest', 'sha-0123456']],
    ['v-less semver tag', { ref: 'refs/tags/1.2.3' }, ['1.2.3', '1.2', '1', 'latest', 'sha-0123456']],
    ['major zero', { ref: 'refs/tags/v0.3.1' }, ['0.3.1', '0.3', '0', 'latest', 'sha-0123456']],
    [
      'build metadata',
      { ref: 'refs/tags/v1.2.3+build.5' },
      ['1.2.3-build.5', '1.2', '1', 'latest', 'sha-0123456']
    ],
    ['prerelease', { ref: 'refs/tags/v1.2.3-rc.1' }, ['1.2.3-rc.1', 'sha-0123456']],
    ['prerelease with build', { ref: 'refs/tags/v1.2.3-rc.1+b.7' }, ['1.2.3-rc.1-b.7', 'sha-0123456']],
    ['default branch', { ref: 'refs/heads/main' }, ['latest', 'main', 'sha-0123456']],
    [
      'default branch from payload',
      { ref: 'refs/heads/trunk', payload: { repository: { default_branch: 'trunk' } } },
      ['latest', 'trunk', 'sha-0123456']
    ],
    [
      'missing default_branch → not default',
      { ref: 'refs/heads/main', payload: {} },
      ['main', 'sha-0123456']
    ],
    ['other branch', { ref: 'refs/heads/feature/Login_page' }, ['feature-Login_page', 'sha-0123456']],
    ['branch with leading -', { ref: 'refs/heads/-Fix/UI' }, ['Fix-UI', 'sha-0123456']],
    ['branch sanitized to nothing', { ref: 'refs/heads/---' }, ['sha-0123456']],
    ['200-char branch', { ref: `refs/heads/${long}` }, ['b'.repeat(128), 'sha-0123456']],
    [
      'pull_request',
      { eventName: 'pull_request', ref: 'refs/pull/42/merge', payload: prPayload(42) },
      ['pr-42', 'sha-0123456']
    ],
    [
      'pull_request number from the ref',
      { eventName: 'pull_request', ref: 'refs/pull/17/merge', payload: {} },
      ['pr-17', 'sha-0123456']
    ],
    [
      'pull_request_target (ref is the base branch)',
      { eventName: 'pull_request_target', ref: 'refs/heads/main', payload: prPayload(9) },
      ['pr-9', 'sha-0123456']
    ],
    [
      'pull_request_target without a number never gets latest',
      { eventName: 'pull_request_target', ref: 'refs/heads/main' },
      ['sha-0123456']
    ],
    [
      'other event on a refs/pull ref',
      { eventName: 'pull_request_review', ref: 'refs/pull/5/merge', payload: prPayload(5) },
      ['pr-5', 'sha-0123456']
    ],
    ['non-semver tag', { ref: 'refs/tags/release/2024' }, ['release-2024', 'sha-0123456']],
    ['partial version is not semver', { ref: 'refs/tags/v1.2' }, ['v1.2', 'sha-0123456']],
    ['workflow_dispatch on main', { eventName: 'workflow_dispatch' }, ['latest', 'main', 'sha-0123456']],
    ['schedule on a branch', { eventName: 'schedule', ref: 'refs/heads/dev' }, ['dev', 'sha-0123456']],
    [
      'release event on a tag',
      { eventName: 'release', ref: 'refs/tags/v2.0.0' },
      ['2.0.0', '2.0', '2', 'latest', 'sha-0123456']
    ],
    ['unknown ref', { eventName: 'workflow_dispatch', ref: '' }, ['sha-0123456']],
    ['nothing derivable', { ref: '', sha: '' }, ['latest']],
    [
      'default branch named latest is deduped',
      {
        ref: 'refs/heads/latest',
        payload: { repository: { default_branch: 'latest' } }
      },
      ['latest', 'sha-0123456']
    ],
    ['outside Actions', { actions: false, ref: 'refs/tags/v1.2.3' }, ['latest']]
  ])('%s', (_name, over, tags) => {
    const out = autoTags(ctx(over))
    expect(out).toEqual(tags)
    expect(out.every(isValidTag)).toBe(true)
    expect(new Set(out).size).toBe(out.length)
  })
})

describe('ociLabels', () => {
  const version = (over: Partial<GitContext>) =>
    ociLabels(ctx(over), [], false, NOW)['org.opencontainers.image.version']

  it('sets source, revision, created and version', () => {
    expect(ociLabels(ctx({ ref: 'refs/tags/v1.2.3' }), [], false, NOW)).toEqual({
      'org.opencontainers.image.source': 'https://github.com/octo/app',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.created': '2025-01-02T03:04:05Z',
      'org.opencontainers.image.version': '1.2.3'
    })
  })

  it('builds source from a GHES server URL', () => {
    const l = ociLabels(ctx({ serverUrl: 'https://ghe.example.com' }), [], false, NOW)
    expect(l['org.opencontainers.image.source']).toBe('https://ghe.example.com/octo/app')
  })

  it('takes created from head_commit.timestamp, normalized to UTC', () => {
    const payload = {
      repository: { default_branch: 'main' },
      head_commit: { id: SHA, timestamp: '2024-05-01T12:34:56+02:00' }
    }
    const l = ociLabels(ctx({ payload }), [], false, NOW)
    expect(l['org.opencontainers.image.created']).toBe('2024-05-01T10:34:56Z')
    // the same commit built later gets the same label
    expect(ociLabels(ctx({ payload }), [], false, new Date())).toEqual(l)
  })

  it('falls back to now without a usable head_commit timestamp', () => {
    const created = (payload: Record<string, unknown>) =>
      ociLabels(ctx({ payload }), [], false, NOW)['org.opencontainers.image.created']
    expect(created({})).toBe('2025-01-02T03:04:05Z')
    expect(created({ head_commit: { timestamp: 'yesterday' } })).toBe('2025-01-02T03:04:05Z')
    expect(created({ head_commit: { id: 'other', timestamp: '2024-05-01T12:34:56Z' } })).toBe(
      '2025-01-02T03:04:05Z'
    )
    expect(created({ head_commit: { timestamp: '2024-05-01T12:34:56.250Z' } })).toBe('2024-05-01T12:34:56Z')
  })

  it('uses GITHUB_SHA (the merge commit), not the PR head, for revision on pull requests', () => {
    const c = ctx({ eventName: 'pull_request', ref: 'refs/pull/42/merge', payload: prPayload(42) })
    const l = ociLabels(c, autoTags(c), false, NOW)
    expect(l['org.opencontainers.image.revision']).toBe(SHA)
    expect(l['org.opencontainers.image.version']).toBe('pr-42')
    expect(l['org.opencontainers.image.created']).toBe('2025-01-02T03:04:05Z')
  })

  it('version is the most specific automatic tag, never latest', () => {
    expect(version({ ref: 'refs/heads/main' })).toBe('main')
    expect(version({ ref: 'refs/heads/feature/Login_page' })).toBe('feature-Login_page')
    expect(version({ ref: 'refs/tags/v1.2.3-rc.1' })).toBe('1.2.3-rc.1')
    expect(version({ ref: 'refs/tags/v1.2.3+build.5' })).toBe('1.2.3-build.5')
    expect(version({ ref: 'refs/tags/release/2024' })).toBe('release-2024')
    expect(
      version({ ref: 'refs/heads/latest', payload: { repository: { default_branch: 'latest' } } })
    ).toBeUndefined()
    expect(version({ ref: 'refs/tags/latest' })).toBeUndefined()
    expect(version({ ref: '' })).toBeUndefined()
    expect(version({ ref: 'refs/heads/---' })).toBeUndefined()
  })

  it('version is the first explicit tag that is not latest', () => {
    const l = (tags: string[]) =>
      ociLabels(ctx({ ref: 'refs/tags/v1.2.3' }), tags, true, NOW)['org.opencontainers.image.version']
    expect(l(['latest', 'stable', '1.0'])).toBe('stable')
    expect(l(['latest'])).toBeUndefined()
    expect(l([])).toBeUndefined()
  })

  it('outside Actions sets only created', () => {
    expect(ociLabels(ctx({ actions: false }), ['latest'], false, NOW)).toEqual({
      'org.opencontainers.image.created': '2025-01-02T03:04:05Z'
    })
    expect(ociLabels(ctx({ actions: false }), ['1.0'], true, NOW)).toEqual({
      'org.opencontainers.image.created': '2025-01-02T03:04:05Z'
    })
  })
})

describe('mergeLabels', () => {
  const auto = {
    'org.opencontainers.image.source': 'https://github.com/octo/app',
    'org.opencontainers.image.created': '2025-01-02T03:04:05Z'
  }

  it('lets user keys win, in place, and appends the rest in order', () => {
    expect(
      mergeLabels(auto, ['team=core', 'org.opencontainers.image.source=https://example.com/x', 'a=b=c'])
    ).toEqual([
      'org.opencontainers.image.source=https://example.com/x',
      'org.opencontainers.image.created=2025-01-02T03:04:05Z',
      'team=core',
      'a=b=c'
    ])
  })

  it('skips blank lines, trims keys, keeps empty values and the last of repeated keys', () => {
    expect(mergeLabels({}, ['', '  ', ' k = v', 'flag', 'x=1', 'x=2', '=nokey'])).toEqual([
      'k= v',
      'flag=',
      'x=2'
    ])
  })

  it('returns the automatic labels unchanged without user labels', () => {
    expect(mergeLabels(auto, [])).toEqual([
      'org.opencontainers.image.source=https://github.com/octo/app',
      'org.opencontainers.image.created=2025-01-02T03:04:05Z'
    ])
  })
})
