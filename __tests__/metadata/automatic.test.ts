// The automatic set for an empty `tags` input, over every event fixture: the tags, the version and the
// OCI labels. A golden table: the automatic tags are a contract, so any change to them shows here.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { GitContext } from '../../src/metadata/context.js'
import { buildMetadata } from '../../src/metadata/build-metadata.js'
import { automaticTags } from '../../src/metadata/automatic.js'
import { readMetadataEnv } from '../../src/metadata/env.js'
import { isValidTag } from '../../src/core/reference.js'
import { parseFlavor } from '../../src/metadata/rules/parse.js'
import { fitTag, sanitize, tagEvent } from '../../src/metadata/tags.js'
import { eventEnv, libraryContext, SHAS } from '../helpers/events.js'

const NOW = new Date('2025-03-15T00:30:00.000Z')
const RUN_TIME = '2025-03-15T00:30:00Z'

function automatic(fixture: string, env: Record<string, string> = {}, runner: Record<string, string> = {}) {
  return buildMetadata(
    {
      tags: [],
      tagRules: [],
      tagFlavor: parseFlavor([]),
      metadataEnv: readMetadataEnv(env),
      labels: [],
      annotations: []
    },
    libraryContext({ ...eventEnv(fixture), ...runner }),
    NOW
  )
}

type Golden = [string, Record<string, string>, string[], string, string, string]
const PR_HEAD = { DOCKER_METADATA_PR_HEAD_SHA: 'true' }

describe('the automatic tags, version and labels for each event', () => {
  const rows: Golden[] = [
    // fixture, env, tags, version, revision, created
    ['push-main', {}, ['latest', 'main', 'sha-4e7d1c9'], 'main', SHAS.main, '2025-03-14T15:09:26Z'],
    ['push-develop', {}, ['develop', 'sha-b52f0a6'], 'develop', SHAS.develop, '2025-03-13T09:41:07Z'],
    [
      'push-invalid-chars',
      {},
      ['fix-login-42', 'sha-7a0c3e5'],
      'fix-login-42',
      SHAS.fix,
      '2025-03-13T02:15:53Z'
    ],
    [
      'push-tag',
      {},
      ['2.4.1', '2.4', '2', 'latest', 'sha-c8e1f4a'],
      '2.4.1',
      SHAS.tag,
      '2025-03-15T08:20:30Z'
    ],
    ['release', {}, ['2.4.1', '2.4', '2', 'latest', 'sha-c8e1f4a'], '2.4.1', SHAS.tag, RUN_TIME],
    ['pull-request', {}, ['pr-27', 'sha-e3b9a7d'], 'pr-27', SHAS.prMerge, RUN_TIME],
    ['pull-request', PR_HEAD, ['pr-27', 'sha-91d4f6b'], 'pr-27', SHAS.prHead, RUN_TIME],
    ['pull-request-target', {}, ['pr-27', 'sha-4e7d1c9'], 'pr-27', SHAS.main, RUN_TIME],
    ['pull-request-target', PR_HEAD, ['pr-27', 'sha-91d4f6b'], 'pr-27', SHAS.prHead, RUN_TIME],
    // GitHub's schedule payload names no default branch: the branch tag, no latest
    ['schedule', {}, ['main', 'sha-4e7d1c9'], 'main', SHAS.main, RUN_TIME],
    ['workflow-dispatch', {}, ['latest', 'main', 'sha-4e7d1c9'], 'main', SHAS.main, RUN_TIME],
    ['tag:v1.2.3', {}, ['1.2.3', '1.2', '1', 'latest', 'sha-c8e1f4a'], '1.2.3', SHAS.tag, RUN_TIME],
    ['tag:0.3.1', {}, ['0.3.1', '0.3', '0', 'latest', 'sha-c8e1f4a'], '0.3.1', SHAS.tag, RUN_TIME],
    ['tag:1.2', {}, ['1.2', 'sha-c8e1f4a'], '1.2', SHAS.tag, RUN_TIME],
    ['tag:v2.0.8-beta.67', {}, ['2.0.8-beta.67', 'sha-c8e1f4a'], '2.0.8-beta.67', SHAS.tag, RUN_TIME],
    [
      'tag:v1.2.3+build.5',
      {},
      ['1.2.3-build.5', '1.2', '1', 'latest', 'sha-c8e1f4a'],
      '1.2.3-build.5',
      SHAS.tag,
      RUN_TIME
    ],
    ['tag:p1/v1.0.0', {}, ['p1-v1.0.0', 'sha-c8e1f4a'], 'p1-v1.0.0', SHAS.tag, RUN_TIME],
    ['tag:release1', {}, ['release1', 'sha-c8e1f4a'], 'release1', SHAS.tag, RUN_TIME],
    ['tag:latest', {}, ['latest', 'sha-c8e1f4a'], '', SHAS.tag, RUN_TIME]
  ]
  it.each(rows)('%s %j → %j, version %j', (fixture, env, tags, version, revision, created) => {
    const m = automatic(fixture, env)
    expect(m.tags).toEqual(tags)
    expect(m.version).toBe(version)
    expect(m.labels).toEqual(
      [
        'org.opencontainers.image.source=https://github.com/acme/widget',
        `org.opencontainers.image.revision=${revision}`,
        `org.opencontainers.image.created=${created}`,
        version ? `org.opencontainers.image.version=${version}` : ''
      ].filter(Boolean)
    )
  })

  it('the sha tag follows DOCKER_METADATA_SHORT_SHA_LENGTH, as type=sha does', () => {
    expect(automatic('push-main', { DOCKER_METADATA_SHORT_SHA_LENGTH: '10' }).tags).toEqual([
      'latest',
      'main',
      'sha-4e7d1c9a0b'
    ])
  })

  it("a schedule run (its payload names no default branch) on the API's default branch gets latest", () => {
    const m = buildMetadata(
      {
        tags: [],
        tagRules: [],
        tagFlavor: parseFlavor([]),
        metadataEnv: readMetadataEnv({}),
        labels: [],
        annotations: []
      },
      libraryContext(eventEnv('schedule')),
      NOW,
      { defaultBranch: 'main' }
    )
    expect(m.tags).toEqual(['latest', 'main', 'sha-4e7d1c9'])
    expect(m.version).toBe('main')
  })

  it('outside Actions: latest, and only the created label', () => {
    const m = automatic('push-tag', {}, { GITHUB_ACTIONS: '' })
    expect(m.tags).toEqual(['latest'])
    expect(m.version).toBe('')
    expect(m.labels).toEqual([`org.opencontainers.image.created=${RUN_TIME}`])
  })

  it('a run with no ref and no sha: latest', () => {
    const m = automatic('workflow-dispatch', {}, { GITHUB_REF: '', GITHUB_SHA: '', GITHUB_EVENT_PATH: '' })
    expect(m.tags).toEqual(['latest'])
  })
})

const SHA = '0123456789abcdef0123456789abcdef01234567'
const HEAD = 'fedcba9876543210fedcba9876543210fedcba98'
const SETTINGS = { prHeadSha: false, shortShaLength: 7 }

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

describe('the automatic set on hand-made contexts', () => {
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
    // the semver grammar (the semver package's): what it refuses is an ordinary tag name
    ['V is not v', { ref: 'refs/tags/V1.2.3' }, ['V1.2.3', 'sha-0123456']],
    ['leading zero', { ref: 'refs/tags/v01.2.3' }, ['v01.2.3', 'sha-0123456']],
    ['prerelease with a leading zero', { ref: 'refs/tags/1.2.3-01' }, ['1.2.3-01', 'sha-0123456']],
    ['four numbers', { ref: 'refs/tags/1.2.3.4' }, ['1.2.3.4', 'sha-0123456']],
    [
      'beyond a safe integer',
      { ref: 'refs/tags/99999999999999999999.0.0' },
      ['99999999999999999999.0.0', 'sha-0123456']
    ],
    ['outside Actions', { actions: false, ref: 'refs/tags/v1.2.3' }, ['latest']]
  ])('%s', (_name, over, tags) => {
    const out = automaticTags(tagEvent(ctx(over), SETTINGS, NOW), ctx(over).actions).tags
    expect(out).toEqual(tags)
    expect(out.every(isValidTag)).toBe(true)
    expect(new Set(out).size).toBe(out.length)
  })
})

describe("an automatic tag's name: sanitized as metadata-action does, then fitted to docker's grammar", () => {
  it.each([
    ['feature/Login_page', 'feature-Login_page'],
    ['-leading', 'leading'],
    ['.hidden', 'hidden'],
    ['--..-x', 'x'],
    ['a b@c#d', 'a-b-c-d'],
    // a run of characters a tag cannot hold is one `-`, as in metadata-action
    ['a  b//c', 'a-b-c'],
    ['1.2.3+build.5', '1.2.3-build.5'],
    ['ünïcode', 'n-code'],
    ['', ''],
    ['---', ''],
    ['/', ''],
    ['x'.repeat(200), 'x'.repeat(128)]
  ])('%s → %s', (input, out) => {
    expect(fitTag(sanitize(input))).toBe(out)
  })
})

describe("the docs' tables of the automatic tags say which commit a pull request's sha tag names", () => {
  // pull_request_target runs on the base branch: GITHUB_SHA is its last commit, never a merge commit.
  const row = (file: string, event: RegExp): string =>
    readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      .split('\n')
      .find(line => event.test(line))!
  it.each(['README.md', 'docs/reference.md'])('%s', file => {
    expect(automatic('pull-request-target').labels).toContain(
      `org.opencontainers.image.revision=${SHAS.main}`
    )
    const target = row(file, /^\| pull_request_target #N /)
    expect(target).toContain('base branch')
    expect(target).not.toContain('merge commit')
    expect(row(file, /^\| pull_request #N /)).toContain('merge commit')
  })
})
