import { describe, it, expect, jest } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadGitContext, mergeLabels, type GitContext } from '../../src/metadata/context.js'
import { buildMetadata } from '../../src/metadata/build-metadata.js'
import { DEFAULT_METADATA_ENV } from '../../src/metadata/env.js'
import { DEFAULT_FLAVOR } from '../../src/metadata/rules/parse.js'
import { eventEnv, libraryContext } from '../helpers/events.js'

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

/** The build's metadata for bare `tags` (none: the automatic set). */
const metadataOf = (c: GitContext, tags: string[] = [], now = NOW) =>
  buildMetadata(
    {
      tags,
      tagRules: [],
      tagFlavor: DEFAULT_FLAVOR,
      metadataEnv: DEFAULT_METADATA_ENV,
      labels: [],
      annotations: []
    },
    c,
    now
  )
const autoTags = (c: GitContext): string[] => metadataOf(c).tags

/** The OCI labels as an object. */
function labelsOf(c: GitContext, tags: string[] = [], now = NOW): Record<string, string> {
  return Object.fromEntries(
    metadataOf(c, tags, now).labels.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  )
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

describe('the OCI labels', () => {
  const version = (over: Partial<GitContext>) =>
    labelsOf(ctx(over), [], NOW)['org.opencontainers.image.version']

  it('sets source, revision, created and version', () => {
    expect(labelsOf(ctx({ ref: 'refs/tags/v1.2.3' }), [], NOW)).toEqual({
      'org.opencontainers.image.source': 'https://github.com/octo/app',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.created': '2025-01-02T03:04:05Z',
      'org.opencontainers.image.version': '1.2.3'
    })
  })

  it('builds source from a GHES server URL', () => {
    const l = labelsOf(ctx({ serverUrl: 'https://ghe.example.com' }), [], NOW)
    expect(l['org.opencontainers.image.source']).toBe('https://ghe.example.com/octo/app')
  })

  it('takes created from head_commit.timestamp, normalized to UTC', () => {
    const payload = {
      repository: { default_branch: 'main' },
      head_commit: { id: SHA, timestamp: '2024-05-01T12:34:56+02:00' }
    }
    const l = labelsOf(ctx({ payload }), [], NOW)
    expect(l['org.opencontainers.image.created']).toBe('2024-05-01T10:34:56Z')
    // the same commit built later gets the same label
    expect(labelsOf(ctx({ payload }), [], new Date())).toEqual(l)
  })

  it('falls back to now without a usable head_commit timestamp', () => {
    const created = (payload: Record<string, unknown>) =>
      labelsOf(ctx({ payload }), [], NOW)['org.opencontainers.image.created']
    expect(created({})).toBe('2025-01-02T03:04:05Z')
    expect(created({ head_commit: { timestamp: 'yesterday' } })).toBe('2025-01-02T03:04:05Z')
    expect(created({ head_commit: { id: 'other', timestamp: '2024-05-01T12:34:56Z' } })).toBe(
      '2025-01-02T03:04:05Z'
    )
    expect(created({ head_commit: { timestamp: '2024-05-01T12:34:56.250Z' } })).toBe('2024-05-01T12:34:56Z')
  })

  it('uses GITHUB_SHA (the merge commit), not the PR head, for revision on pull requests', () => {
    const c = ctx({ eventName: 'pull_request', ref: 'refs/pull/42/merge', payload: prPayload(42) })
    const l = labelsOf(c)
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
      labelsOf(ctx({ ref: 'refs/tags/v1.2.3' }), tags)['org.opencontainers.image.version']
    expect(l(['latest', 'stable', '1.0'])).toBe('stable')
    expect(l(['latest'])).toBeUndefined()
  })

  it('outside Actions sets only created', () => {
    expect(labelsOf(ctx({ actions: false }))).toEqual({
      'org.opencontainers.image.created': '2025-01-02T03:04:05Z'
    })
    expect(labelsOf(ctx({ actions: false }), ['1.0'])).toEqual({
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
