// The automatic set for an empty `tags` input, over every event fixture: the tags, the version and the
// OCI labels. A golden table: the automatic tags are a contract, so any change to them shows here.
import { describe, expect, it } from '@jest/globals'
import { buildMetadata } from '../src/metadata.js'
import { readMetadataEnv } from '../src/metadata-env.js'
import { parseFlavor } from '../src/tag-rules.js'
import { eventEnv, libraryContext, SHAS } from './helpers/events.js'

const NOW = new Date('2025-03-15T00:30:00.000Z')
const RUN_TIME = '2025-03-15T00:30:00Z'

function automatic(fixture: string, env: Record<string, string> = {}, runner: Record<string, string> = {}) {
  return buildMetadata(
    { tags: [], tagRules: [], tagFlavor: parseFlavor([]), metadataEnv: readMetadataEnv(env), labels: [] },
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
