// metadata-action's tag rules, events × rules → tags, on the shared fixtures of real event payloads (the
// ones metadata-action's own tests use): the results are the ones metadata-action gives for them.
import { describe, expect, it } from '@jest/globals'
import * as github from '@actions/github'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fromActionsContext, type GitContext } from '../../src/metadata/context.js'
import { buildMetadata, checkTagged, type MetadataFacts } from '../../src/metadata/build-metadata.js'
import { readMetadataEnv } from '../../src/metadata/env.js'
import { classifyTags } from '../../src/inputs/tags.js'
import { parseFlavor } from '../../src/metadata/rules/parse.js'
import { applyRules, tagEvent } from '../../src/metadata/tags.js'
import { InputError } from '../../src/inputs/parse.js'

const EVENTS = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'gh-events')
const NOW = new Date('2020-01-10T00:30:00.000Z')

function fixtureEnv(name: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of readFileSync(path.join(EVENTS, `${name}.env`), 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    // `#GITHUB_EVENT_PATH=…` lines stay out: those fixtures are tags pushed without a payload (detached).
    if (eq > 0 && !line.startsWith('#')) env[line.slice(0, eq)] = line.slice(eq + 1)
  }
  const json = path.join(EVENTS, `${name}.json`)
  if (env.GITHUB_EVENT_PATH) env.GITHUB_EVENT_PATH = json
  return env
}

/** The event as @actions/github's Context reads it from the environment the runner sets. */
function event(name: string): GitContext {
  const env = fixtureEnv(name)
  const saved = { ...process.env }
  try {
    for (const key of Object.keys(process.env)) if (key.startsWith('GITHUB_')) delete process.env[key]
    Object.assign(process.env, env)
    const Context = github.context.constructor as new () => typeof github.context
    return fromActionsContext(new Context(), process.env)
  } finally {
    process.env = saved
  }
}

interface Options {
  flavor?: string[]
  env?: Record<string, string>
  facts?: MetadataFacts
}

function meta(fixture: string, tags: string[], o: Options = {}) {
  const entries = classifyTags(tags)
  return buildMetadata(
    {
      tags: entries.tags,
      tagRules: entries.rules,
      tagFlavor: parseFlavor(o.flavor ?? []),
      metadataEnv: readMetadataEnv(o.env ?? {}),
      labels: []
    },
    event(fixture),
    NOW,
    o.facts
  )
}

const MA_DEFAULT = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr']
const SEMVER = [
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}'
]
const PEP440 = [
  'type=pep440,pattern={{version}}',
  'type=pep440,pattern={{major}}.{{minor}}',
  'type=pep440,pattern={{major}}'
]

type Row = [string, string, string[], string[], Options?]

describe('events × rules → tags, as metadata-action makes them', () => {
  const rows: Row[] = [
    // push to the default branch
    ['push master', 'event_push_master', MA_DEFAULT, ['master']],
    ['push master', 'event_push_master', ['type=edge'], ['edge']],
    ['push master', 'event_push_master', ['type=edge,branch=dev'], []],
    [
      'push master',
      'event_push_master',
      ['type=sha', 'type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch'],
      ['master', 'latest', 'sha-2665741']
    ],
    [
      'push master',
      'event_push_master',
      ['type=sha,format=long'],
      ['sha-266574110acf203503badf966df2ea24b5d732d7']
    ],
    ['push master', 'event_push_master', ['type=sha,prefix=,suffix=-x'], ['2665741-x']],
    ['push master', 'event_push_master', ["type=raw,value={{date 'YYYYMMDD'}}"], ['20200110']],
    [
      'push master',
      'event_push_master',
      ["type=raw,value={{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"],
      ['20220419-180439']
    ],
    ['push master', 'event_push_master', ['type=raw,value=x,enable=false', 'type=raw,value=y'], ['y']],
    [
      'push master',
      'event_push_master',
      ['type=ref,event=branch'],
      ['master', 'latest'],
      { flavor: ['latest=true'] }
    ],
    ['push master', 'event_push_master', ['type=schedule', 'type=ref,event=tag', 'type=ref,event=pr'], []],
    // push to another branch
    ['push dev', 'event_push_dev', MA_DEFAULT, ['dev']],
    ['push dev', 'event_push_dev', ['type=edge,branch=dev'], ['edge']],
    [
      'push dev',
      'event_push_dev',
      ['type=raw,value=x,enable={{is_default_branch}}', 'type=ref,event=branch'],
      ['dev']
    ],
    ['push dev', 'event_push_dev', ['type=ref,event=branch,prefix=br-,suffix=-{{sha}}'], ['br-dev-860c190']],
    ['push my/feature#1245', 'event_push_invalidchars', ['type=ref,event=branch'], ['my-feature-1245']],
    ['push my/feature#1245', 'event_push_invalidchars', ['type=raw,value={{branch}}'], ['my-feature-1245']],
    // push of a semver tag
    ['tag v1.1.1', 'event_tag_v1.1.1', SEMVER, ['1.1.1', '1.1', '1', 'latest']],
    ['tag v1.1.1', 'event_tag_v1.1.1', ['type=semver,pattern={{raw}}'], ['v1.1.1', 'latest']],
    [
      'tag v1.1.1',
      'event_tag_v1.1.1',
      [...SEMVER, 'type=sha'],
      ['1.1.1', '1.1', '1', 'sha-860c190', 'latest']
    ],
    ['tag v1.1.1', 'event_tag_v1.1.1', MA_DEFAULT, ['v1.1.1', 'latest']],
    [
      'tag v1.1.1',
      'event_tag_v1.1.1',
      [
        'type=raw,{{tag}}-{{sha}}-foo',
        'type=raw,{{base_ref}}-foo',
        'type=raw,defbranch-foo,enable={{is_default_branch}}'
      ],
      ['v1.1.1-860c190-foo', 'master-foo']
    ],
    [
      'tag v1.1.1',
      'event_tag_v1.1.1',
      ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'],
      ['1.1.1-dev', 'latest-dev'],
      { flavor: ['suffix=-dev,onlatest=true'] }
    ],
    [
      'tag v1.1.1',
      'event_tag_v1.1.1',
      ['type=semver,pattern={{version}}'],
      ['foo-1.1.1-dev', 'foo-latest-dev'],
      { flavor: ['prefix=foo-,onlatest=true', 'suffix=-dev,onlatest=true'] }
    ],
    [
      'tag v1.1.1',
      'event_tag_v1.1.1',
      ['type=semver,pattern={{version}}'],
      ['foo-1.1.1', 'latest'],
      { flavor: ['prefix=foo-'] }
    ],
    ['tag v1.1.1', 'event_tag_v1.1.1', SEMVER, ['1.1.1', '1.1', '1'], { flavor: ['latest=false'] }],
    [
      'tag v1.1.1',
      'event_tag_v1.1.1',
      ['type=pep440,pattern={{raw}}', 'type=pep440,pattern={{major}}.{{minor}}'],
      ['v1.1.1', '1.1', 'latest']
    ],
    ['tag v1.1.1', 'event_tag_v1.1.1', ['type=semver,pattern={{version}},value=v2.3.4'], ['2.3.4', 'latest']],
    // release event on the same tag
    ['release v1.1.1', 'event_release_created', SEMVER, ['1.1.1', '1.1', '1', 'latest']],
    // detached tags (no payload): prereleases, PEP 440, match
    ['tag v2.0.8-beta.67', 'event_tag_v2.0.8-beta.67', SEMVER, ['2.0.8-beta.67']],
    ['tag v2.0.8-beta.67', 'event_tag_v2.0.8-beta.67', ['type=semver,pattern={{raw}}'], ['v2.0.8-beta.67']],
    [
      'tag 1.2',
      'event_tag_1.2',
      ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}'],
      ['1.2', 'latest']
    ],
    ['tag 1.2', 'event_tag_1.2', ['type=pep440,pattern={{major}}.{{minor}}.{{patch}}'], ['1.2.0', 'latest']],
    ['tag 1.2', 'event_tag_1.2', SEMVER, []],
    ['tag 1.1beta2', 'event_tag_1.1beta2', PEP440, ['1.1b2']],
    ['tag 1.0dev4', 'event_tag_1.0dev4', PEP440, ['1.0.dev4']],
    ['tag 1.2.3rc2', 'event_tag_1.2.3rc2', ['type=pep440,pattern={{raw}}', ...PEP440], ['1.2.3rc2']],
    ['tag v1.2.3rc2', 'event_tag_v1.2.3rc2', PEP440, ['1.2.3rc2']],
    ['tag v1.2.3rc2', 'event_tag_v1.2.3rc2', ['type=pep440,pattern={{raw}}'], ['v1.2.3rc2']],
    ['tag 1.2post1', 'event_tag_1.2post1', PEP440, ['1.2.post1']],
    ['tag 20200110-RC2', 'event_tag_20200110-RC2', ['type=pep440,pattern={{version}}'], ['20200110rc2']],
    ['tag 20200110-RC2', 'event_tag_20200110-RC2', ['type=match,pattern=\\d{8}'], ['20200110', 'latest']],
    [
      'tag p1/v1.0.0',
      'event_tag_p1-v1.0.0',
      [
        'type=match,pattern=p1/v(\\d.\\d.\\d),group=1',
        'type=match,pattern=p1/v(\\d.\\d),group=1',
        'type=match,pattern=p1/v(\\d.\\d),group=3',
        'type=ref,event=pr',
        'type=sha'
      ],
      ['1.0.0', '1.0', 'sha-860c190', 'latest']
    ],
    [
      'tag p1/v1.0.0',
      'event_tag_p1-v1.0.0',
      [
        'type=match,pattern=p1/v(\\d.\\d.\\d),group=1',
        'type=match,pattern=p1/v(\\d.\\d),group=1,suffix=',
        'type=sha'
      ],
      ['1.0.0-dev', '1.0', 'sha-860c190-dev', 'latest'],
      { flavor: ['suffix=-dev'] }
    ],
    ['tag p1/v1.0.0', 'event_tag_p1-v1.0.0', ['type=semver,pattern={{version}}'], []],
    ['tag p1/v1.0.0', 'event_tag_p1-v1.0.0', ['type=ref,event=tag'], ['p1-v1.0.0', 'latest']],
    [
      'tag release1',
      'event_tag_release1',
      ['type=match,"pattern=release(\\d{1,3})",group=1'],
      ['1', 'latest']
    ],
    ['tag release1', 'event_tag_release1', ['type=match,pattern=/^RELEASE(\\d)$/i,group=1'], ['1', 'latest']],
    [
      'tag sometag',
      'event_tag_sometag',
      ['type=ref,event=tag', ...PEP440],
      ['sometag'],
      { flavor: ['latest=false'] }
    ],
    // pull requests: GITHUB_SHA (the merge commit), unless DOCKER_METADATA_PR_HEAD_SHA
    ['pull_request', 'event_pull_request', MA_DEFAULT, ['pr-15']],
    ['pull_request', 'event_pull_request', ['type=ref,event=pr', 'type=sha'], ['pr-15', 'sha-a9c8c58']],
    [
      'pull_request',
      'event_pull_request',
      ['type=ref,event=pr', 'type=sha'],
      ['pr-15', 'sha-3370e22'],
      { env: { DOCKER_METADATA_PR_HEAD_SHA: 'true' } }
    ],
    [
      'pull_request',
      'event_pull_request',
      ['type=sha'],
      ['sha-a9c8c5828b'],
      { env: { DOCKER_METADATA_SHORT_SHA_LENGTH: '10' } }
    ],
    [
      'pull_request',
      'event_pull_request',
      ['type=raw,value=base-{{base_ref}}', 'type=ref,event=branch'],
      ['base-master']
    ],
    ['pull_request', 'event_pull_request', ['type=ref,event=pr,prefix=pull-'], ['pull-15']],
    ['pull_request_target', 'event_pull_request_target', MA_DEFAULT, ['pr-15']],
    ['pull_request_target', 'event_pull_request_target', ['type=sha'], ['sha-2665741']],
    // schedule and workflow_dispatch
    // a schedule runs on a branch too: type=ref,event=branch adds it after the schedule's tag
    ['schedule', 'event_schedule', MA_DEFAULT, ['nightly', 'master']],
    ['schedule', 'event_schedule', ["type=schedule,pattern={{date 'YYYYMMDD'}}"], ['20200110']],
    [
      'schedule',
      'event_schedule',
      ["type=schedule,pattern={{date 'YYYYMMDD-HHmm' tz='America/New_York'}}"],
      ['20200109-1930']
    ],
    [
      'schedule',
      'event_schedule',
      ['type=raw,value=nightly-default,enable={{is_default_branch}}'],
      ['nightly-default']
    ],
    // no default branch in a schedule payload: type=edge needs it from the repository (metadata-action asks the API)
    ['schedule', 'event_schedule', ['type=edge'], []],
    ['schedule', 'event_schedule', ['type=edge'], ['edge'], { facts: { defaultBranch: 'master' } }],
    ['workflow_dispatch', 'event_workflow_dispatch', MA_DEFAULT, ['master']],
    [
      'workflow_dispatch',
      'event_workflow_dispatch',
      ['type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch', 'type=schedule'],
      ['master', 'latest']
    ],
    // priorities: the highest runs first and its tag is the version
    [
      'push master',
      'event_push_master',
      ['type=raw,value=low', 'type=raw,value=high,priority=2000'],
      ['high', 'low']
    ],
    [
      'push master',
      'event_push_master',
      ['type=sha,priority=700', 'type=ref,event=branch'],
      ['sha-2665741', 'master']
    ],
    // bare tags join the rules' tags, after them
    ['push master', 'event_push_master', ['type=ref,event=branch', 'stable, v1'], ['master', 'stable', 'v1']]
  ]
  // A rest parameter: jest would take a fifth named parameter for a done callback on 4-element rows.
  it.each(rows)('%s (%s): %j → %j', (...[, fixture, rules, expected, options]: Row) => {
    expect(meta(fixture, rules, options).tags).toEqual(expected)
  })
})

describe('the version', () => {
  it.each([
    ['event_tag_v1.1.1', SEMVER, '1.1.1'],
    ['event_tag_v1.1.1', ['type=semver,pattern={{version}}', 'v9'], '1.1.1'],
    ['event_push_master', ['type=sha', 'type=ref,event=branch'], 'master'],
    ['event_pull_request', MA_DEFAULT, 'pr-15'],
    ['event_schedule', MA_DEFAULT, 'nightly'],
    // rules that tag nothing here: the first bare tag that is not latest
    ['event_push_master', ['type=ref,event=tag', 'latest', 'v7'], 'v7'],
    ['event_push_master', ['type=ref,event=tag'], '']
  ])('%s %j → %j (output and label)', (fixture, rules, expected) => {
    const m = meta(fixture, rules)
    expect(m.version).toBe(expected)
    const label = m.labels.find(l => l.startsWith('org.opencontainers.image.version='))
    expect(label).toBe(expected ? `org.opencontainers.image.version=${expected}` : undefined)
  })

  it('revision label follows the same sha rule as the sha tag', () => {
    const revision = (env: Record<string, string>) =>
      meta('event_pull_request', ['type=sha'], { env }).labels.find(l => l.includes('.revision='))
    expect(revision({})).toBe('org.opencontainers.image.revision=a9c8c5828b91be19d9728548b24759e352367ef1')
    expect(revision({ DOCKER_METADATA_PR_HEAD_SHA: 'true' })).toBe(
      'org.opencontainers.image.revision=3370e228f2209994d57af4427fe64e71bb79ac96'
    )
  })

  it('an empty tags input keeps the automatic set, with the merge commit on pull requests', () => {
    expect(meta('event_pull_request', []).tags).toEqual(['pr-15', 'sha-a9c8c58'])
    expect(meta('event_pull_request', [], { env: { DOCKER_METADATA_PR_HEAD_SHA: 'true' } }).tags).toEqual([
      'pr-15',
      'sha-3370e22'
    ])
    expect(meta('event_push_master', []).tags).toEqual(['latest', 'master', 'sha-2665741'])
  })
})

describe('warnings and failures', () => {
  it('warns as metadata-action does about a tag that is no semver or a pattern that does not match', () => {
    expect(meta('event_tag_1.2', SEMVER).warnings).toContain(
      '1.2 is not a valid semver. More info: https://semver.org/'
    )
    expect(meta('event_tag_p1-v1.0.0', ['type=match,pattern=p1/v(\\d.\\d),group=3']).warnings).toEqual([
      'Group 3 does not exist for p1/v(\\d.\\d) pattern.'
    ])
  })

  it('an enable expression that is neither true nor false fails', () => {
    expect(() => meta('event_push_master', ['type=raw,value=x,enable={{branch}}'])).toThrow(
      /enable gave "master"/
    )
  })

  it('a tag docker would refuse fails, naming the rule', () => {
    expect(() => meta('event_push_master', ['type=raw,value=-x'])).toThrow(/type=raw,value=-x.*"-x"/)
  })

  it('rules that tag nothing: an input error when pushing, an untagged build otherwise', () => {
    const m = meta('event_push_master', ['type=ref,event=tag', 'type=ref,event=pr'])
    expect(m.tags).toEqual([])
    const rules = classifyTags(['type=ref,event=tag', 'type=ref,event=pr']).rules
    const ctx = event('event_push_master')
    expect(() => checkTagged({ push: false, tagRules: rules }, m, ctx)).not.toThrow()
    let error: unknown
    try {
      checkTagged({ push: true, tagRules: rules }, m, ctx)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('tags')
    expect((error as InputError).message).toContain('"type=ref,event=tag", "type=ref,event=pr"')
    expect((error as InputError).message).toContain('push on refs/heads/master')
  })
})

describe('tagEvent', () => {
  it('reads the commit date from the pushed commits, else from head_commit, else the run time', () => {
    const settings = { prHeadSha: false, shortShaLength: 7 }
    expect(tagEvent(event('event_push_master'), settings, NOW).commitDate.toISOString()).toBe(
      '2022-04-19T09:04:39.000Z'
    )
    expect(tagEvent(event('event_tag_v1.1.1'), settings, NOW).commitDate.toISOString()).toBe(
      '2022-04-19T09:39:35.000Z'
    )
    expect(tagEvent(event('event_schedule'), settings, NOW).commitDate).toBe(NOW)
  })

  it('rewrites pull_request_target to the PR ref, as metadata-action does', () => {
    const ev = tagEvent(event('event_pull_request_target'), { prHeadSha: false, shortShaLength: 7 }, NOW)
    expect(ev.ref).toBe('refs/pull/15/merge')
    expect(applyRules(classifyTags(['type=ref,event=branch']).rules, undefined, ev).tags).toEqual([])
  })
})
