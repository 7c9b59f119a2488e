// metadata-action's tag rules, events × rules → tags, on the project's event fixtures (__fixtures__/events):
// the results are the ones metadata-action's documented rules give for these payloads.
import { describe, expect, it } from '@jest/globals'
import { type GitContext } from '../../src/metadata/context.js'
import {
  buildMetadata,
  checkTagged,
  type MetadataFacts,
  commitDateWanted
} from '../../src/metadata/build-metadata.js'
import { readMetadataEnv } from '../../src/metadata/env.js'
import { classifyTags } from '../../src/inputs/tags.js'
import { parseFlavor } from '../../src/metadata/rules/parse.js'
import { applyRules, tagEvent } from '../../src/metadata/tags.js'
import { InputError, renderInputRefs } from '../../src/inputs/parse.js'
import { cliTerm } from '../../src/cli/main.js'
import { eventContext, SHAS } from '../helpers/events.js'

const NOW = new Date('2025-03-15T00:30:00.000Z')

/** The event as @actions/github's Context reads it from the environment the runner sets. */
const event = (name: string): GitContext => eventContext(name)

interface Options {
  flavor?: string[]
  env?: Record<string, string>
  facts?: MetadataFacts
  labels?: string[]
  annotations?: string[]
}

function meta(fixture: string, tags: string[], o: Options = {}) {
  const entries = classifyTags(tags)
  return buildMetadata(
    {
      tags: entries.tags,
      tagRules: entries.rules,
      tagFlavor: parseFlavor(o.flavor ?? []),
      metadataEnv: readMetadataEnv(o.env ?? {}),
      labels: o.labels ?? [],
      annotations: o.annotations ?? []
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
    ['push main', 'push-main', MA_DEFAULT, ['main']],
    ['push main', 'push-main', ['type=edge'], ['edge']],
    ['push main', 'push-main', ['type=edge,branch=develop'], []],
    [
      'push main',
      'push-main',
      ['type=sha', 'type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch'],
      ['main', 'latest', 'sha-4e7d1c9']
    ],
    ['push main', 'push-main', ['type=sha,format=long'], ['sha-4e7d1c9a0b3f62d8e5a17c4b9f0e2d6a83c5b1f7']],
    ['push main', 'push-main', ['type=sha,prefix=,suffix=-x'], ['4e7d1c9-x']],
    ['push main', 'push-main', ["type=raw,value={{date 'YYYYMMDD'}}"], ['20250315']],
    [
      'push main',
      'push-main',
      ["type=raw,value={{commit_date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"],
      ['20250315-000926']
    ],
    ['push main', 'push-main', ['type=raw,value=x,enable=false', 'type=raw,value=y'], ['y']],
    ['push main', 'push-main', ['type=ref,event=branch'], ['main', 'latest'], { flavor: ['latest=true'] }],
    ['push main', 'push-main', ['type=schedule', 'type=ref,event=tag', 'type=ref,event=pr'], []],
    // push to another branch
    ['push develop', 'push-develop', MA_DEFAULT, ['develop']],
    ['push develop', 'push-develop', ['type=edge,branch=develop'], ['edge']],
    [
      'push develop',
      'push-develop',
      ['type=raw,value=x,enable={{is_default_branch}}', 'type=ref,event=branch'],
      ['develop']
    ],
    [
      'push develop',
      'push-develop',
      ['type=ref,event=branch,prefix=br-,suffix=-{{sha}}'],
      ['br-develop-b52f0a6']
    ],
    ['push fix/login#42', 'push-invalid-chars', ['type=ref,event=branch'], ['fix-login-42']],
    ['push fix/login#42', 'push-invalid-chars', ['type=raw,value={{branch}}'], ['fix-login-42']],
    // push of a semver tag
    ['tag v2.4.1', 'push-tag', SEMVER, ['2.4.1', '2.4', '2', 'latest']],
    ['tag v2.4.1', 'push-tag', ['type=semver,pattern={{raw}}'], ['v2.4.1', 'latest']],
    ['tag v2.4.1', 'push-tag', [...SEMVER, 'type=sha'], ['2.4.1', '2.4', '2', 'sha-c8e1f4a', 'latest']],
    ['tag v2.4.1', 'push-tag', MA_DEFAULT, ['v2.4.1', 'latest']],
    [
      'tag v2.4.1',
      'push-tag',
      [
        'type=raw,{{tag}}-{{sha}}-foo',
        'type=raw,{{base_ref}}-foo',
        'type=raw,defbranch-foo,enable={{is_default_branch}}'
      ],
      ['v2.4.1-c8e1f4a-foo', 'main-foo']
    ],
    [
      'tag v2.4.1',
      'push-tag',
      ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'],
      ['2.4.1-dev', 'latest-dev'],
      { flavor: ['suffix=-dev,onlatest=true'] }
    ],
    [
      'tag v2.4.1',
      'push-tag',
      ['type=semver,pattern={{version}}'],
      ['foo-2.4.1-dev', 'foo-latest-dev'],
      { flavor: ['prefix=foo-,onlatest=true', 'suffix=-dev,onlatest=true'] }
    ],
    [
      'tag v2.4.1',
      'push-tag',
      ['type=semver,pattern={{version}}'],
      ['foo-2.4.1', 'latest'],
      { flavor: ['prefix=foo-'] }
    ],
    ['tag v2.4.1', 'push-tag', SEMVER, ['2.4.1', '2.4', '2'], { flavor: ['latest=false'] }],
    // on purpose: the flavor's expressions render on latest too (metadata-action: latest--sha-)
    [
      'tag v2.4.1',
      'push-tag',
      ['type=ref,event=tag'],
      ['v2.4.1-c8e1f4a', 'latest-c8e1f4a'],
      { flavor: ['suffix=-{{sha}},onlatest=true'] }
    ],
    [
      'tag v2.4.1',
      'push-tag',
      ['type=pep440,pattern={{raw}}', 'type=pep440,pattern={{major}}.{{minor}}'],
      ['v2.4.1', '2.4', 'latest']
    ],
    ['tag v2.4.1', 'push-tag', ['type=semver,pattern={{version}},value=v2.3.4'], ['2.3.4', 'latest']],
    // a written value= is read even when it renders empty: no tag then, never the git tag instead
    ...[
      'type=match,pattern=v(\\d+\\.\\d+),group=1',
      'type=semver,pattern={{major}}.{{minor}}',
      'type=pep440,pattern={{major}}.{{minor}}'
    ].map((rule): Row => [
      'tag v2.4.1',
      'push-tag',
      [`${rule},value={{branch}}`, 'type=ref,event=tag'],
      ['v2.4.1', 'latest']
    ]),
    // release event on the same tag
    ['release v2.4.1', 'release', SEMVER, ['2.4.1', '2.4', '2', 'latest']],
    // detached tags (no payload): prereleases, PEP 440, match
    ['tag v2.0.8-beta.67', 'tag:v2.0.8-beta.67', SEMVER, ['2.0.8-beta.67']],
    ['tag v2.0.8-beta.67', 'tag:v2.0.8-beta.67', ['type=semver,pattern={{raw}}'], ['v2.0.8-beta.67']],
    [
      'tag 1.2',
      'tag:1.2',
      ['type=pep440,pattern={{version}}', 'type=pep440,pattern={{major}}.{{minor}}'],
      ['1.2', 'latest']
    ],
    ['tag 1.2', 'tag:1.2', ['type=pep440,pattern={{major}}.{{minor}}.{{patch}}'], ['1.2.0', 'latest']],
    ['tag 1.2', 'tag:1.2', SEMVER, []],
    ['tag 1.1beta2', 'tag:1.1beta2', PEP440, ['1.1b2']],
    ['tag 1.0dev4', 'tag:1.0dev4', PEP440, ['1.0.dev4']],
    ['tag 1.2.3rc2', 'tag:1.2.3rc2', ['type=pep440,pattern={{raw}}', ...PEP440], ['1.2.3rc2']],
    ['tag v1.2.3rc2', 'tag:v1.2.3rc2', PEP440, ['1.2.3rc2']],
    ['tag v1.2.3rc2', 'tag:v1.2.3rc2', ['type=pep440,pattern={{raw}}'], ['v1.2.3rc2']],
    ['tag 1.2post1', 'tag:1.2post1', PEP440, ['1.2.post1']],
    ['tag 20250315-RC2', 'tag:20250315-RC2', ['type=pep440,pattern={{version}}'], ['20250315rc2']],
    ['tag 20250315-RC2', 'tag:20250315-RC2', ['type=match,pattern=\\d{8}'], ['20250315', 'latest']],
    [
      'tag p1/v1.0.0',
      'tag:p1/v1.0.0',
      [
        'type=match,pattern=p1/v(\\d.\\d.\\d),group=1',
        'type=match,pattern=p1/v(\\d.\\d),group=1',
        'type=match,pattern=p1/v(\\d.\\d),group=3',
        'type=ref,event=pr',
        'type=sha'
      ],
      ['1.0.0', '1.0', 'sha-c8e1f4a', 'latest']
    ],
    [
      'tag p1/v1.0.0',
      'tag:p1/v1.0.0',
      [
        'type=match,pattern=p1/v(\\d.\\d.\\d),group=1',
        'type=match,pattern=p1/v(\\d.\\d),group=1,suffix=',
        'type=sha'
      ],
      ['1.0.0-dev', '1.0', 'sha-c8e1f4a-dev', 'latest'],
      { flavor: ['suffix=-dev'] }
    ],
    ['tag p1/v1.0.0', 'tag:p1/v1.0.0', ['type=semver,pattern={{version}}'], []],
    ['tag p1/v1.0.0', 'tag:p1/v1.0.0', ['type=ref,event=tag'], ['p1-v1.0.0', 'latest']],
    ['tag release1', 'tag:release1', ['type=match,"pattern=release(\\d{1,3})",group=1'], ['1', 'latest']],
    ['tag release1', 'tag:release1', ['type=match,pattern=/^RELEASE(\\d)$/i,group=1'], ['1', 'latest']],
    [
      'tag sometag',
      'tag:sometag',
      ['type=ref,event=tag', ...PEP440],
      ['sometag'],
      { flavor: ['latest=false'] }
    ],
    // pull requests: GITHUB_SHA (the merge commit), unless DOCKER_METADATA_PR_HEAD_SHA
    ['pull_request', 'pull-request', MA_DEFAULT, ['pr-27']],
    ['pull_request', 'pull-request', ['type=ref,event=pr', 'type=sha'], ['pr-27', 'sha-e3b9a7d']],
    [
      'pull_request',
      'pull-request',
      ['type=ref,event=pr', 'type=sha'],
      ['pr-27', 'sha-91d4f6b'],
      { env: { DOCKER_METADATA_PR_HEAD_SHA: 'true' } }
    ],
    [
      'pull_request',
      'pull-request',
      ['type=sha'],
      ['sha-e3b9a7d15c'],
      { env: { DOCKER_METADATA_SHORT_SHA_LENGTH: '10' } }
    ],
    [
      'pull_request',
      'pull-request',
      ['type=raw,value=base-{{base_ref}}', 'type=ref,event=branch'],
      ['base-main']
    ],
    ['pull_request', 'pull-request', ['type=ref,event=pr,prefix=pull-'], ['pull-27']],
    ['pull_request_target', 'pull-request-target', MA_DEFAULT, ['pr-27']],
    ['pull_request_target', 'pull-request-target', ['type=sha'], ['sha-4e7d1c9']],
    // schedule and workflow_dispatch
    // a schedule runs on a branch too: type=ref,event=branch adds it after the schedule's tag
    ['schedule', 'schedule', MA_DEFAULT, ['nightly', 'main']],
    ['schedule', 'schedule', ["type=schedule,pattern={{date 'YYYYMMDD'}}"], ['20250315']],
    [
      'schedule',
      'schedule',
      ["type=schedule,pattern={{date 'YYYYMMDD-HHmm' tz='America/New_York'}}"],
      ['20250314-2030']
    ],
    [
      'schedule',
      'schedule',
      ['type=raw,value=nightly-default,enable={{is_default_branch}}'],
      ['nightly-default']
    ],
    // no default branch in a schedule payload: type=edge needs it from the repository (metadata-action asks the API)
    ['schedule', 'schedule', ['type=edge'], []],
    ['schedule', 'schedule', ['type=edge'], ['edge'], { facts: { defaultBranch: 'main' } }],
    ['workflow_dispatch', 'workflow-dispatch', MA_DEFAULT, ['main']],
    [
      'workflow_dispatch',
      'workflow-dispatch',
      ['type=raw,value=latest,enable={{is_default_branch}}', 'type=ref,event=branch', 'type=schedule'],
      ['main', 'latest']
    ],
    // priorities: the highest runs first and its tag is the version
    ['push main', 'push-main', ['type=raw,value=low', 'type=raw,value=high,priority=2000'], ['high', 'low']],
    ['push main', 'push-main', ['type=sha,priority=700', 'type=ref,event=branch'], ['sha-4e7d1c9', 'main']],
    // semver and pep440 read the version from the tag with match= (its first group), for monorepo tags
    [
      'tag app/v1.2.3',
      'tag:app/v1.2.3',
      ['type=semver,pattern={{version}},match=app/v(.*)'],
      ['1.2.3', 'latest']
    ],
    [
      'tag app/v1.2.3',
      'tag:app/v1.2.3',
      [
        'type=semver,pattern={{major}}.{{minor}},match=^app/v(\\d.*)$',
        'type=semver,pattern={{major}},match=app/v(.*)'
      ],
      ['1.2', '1', 'latest']
    ],
    ['tag app/v1.2.3', 'tag:app/v1.2.3', ['type=semver,pattern={{version}}'], []],
    [
      'tag app/1.2.3rc1',
      'tag:app/1.2.3rc1',
      ['type=pep440,pattern={{version}},match=app/(.*)'],
      ['1.2.3rc1']
    ],
    ['tag lib/v2.0.0', 'tag:lib/v2.0.0', ['type=semver,pattern={{version}},match=app/v(.*)'], []],
    // metadata-action reads the whole tag when match= does not match it
    ['tag v3.0.0', 'tag:v3.0.0', ['type=semver,pattern={{version}},match=app/v(.*)'], ['3.0.0', 'latest']],
    // {{is_not_default_branch}} in value, enable, prefix, suffix and flavor
    ['push main', 'push-main', ['type=raw,value=preview,enable={{is_not_default_branch}}'], []],
    [
      'push develop',
      'push-develop',
      ['type=raw,value=preview,enable={{is_not_default_branch}}'],
      ['preview']
    ],
    ['push main', 'push-main', ['type=raw,value=nd-{{is_not_default_branch}}'], ['nd-false']],
    [
      'push develop',
      'push-develop',
      ['type=ref,event=branch,prefix={{is_not_default_branch}}-,suffix=-{{is_not_default_branch}}'],
      ['true-develop-true']
    ],
    [
      'push main',
      'push-main',
      ['type=ref,event=branch'],
      ['main-false'],
      { flavor: ['suffix=-{{is_not_default_branch}}'] }
    ],
    // bare tags join the rules' tags, after them
    ['push main', 'push-main', ['type=ref,event=branch', 'stable, v1'], ['main', 'stable', 'v1']]
  ]
  // A rest parameter: jest would take a fifth named parameter for a done callback on 4-element rows.
  it.each(rows)('%s (%s): %j → %j', (...[, fixture, rules, expected, options]: Row) => {
    expect(meta(fixture, rules, options).tags).toEqual(expected)
  })
})

describe('the version', () => {
  it.each([
    ['push-tag', SEMVER, '2.4.1'],
    ['push-tag', ['type=semver,pattern={{version}}', 'v9'], '2.4.1'],
    ['push-main', ['type=sha', 'type=ref,event=branch'], 'main'],
    // metadata-action's version is the first rule's tag, latest too, and its label says so.
    ['push-main', ['type=raw,value=latest', 'type=sha'], 'latest'],
    ['pull-request', MA_DEFAULT, 'pr-27'],
    ['schedule', MA_DEFAULT, 'nightly'],
    // rules that tag nothing here: the first bare tag that is not latest
    ['push-main', ['type=ref,event=tag', 'latest', 'v7'], 'v7'],
    ['push-main', ['type=ref,event=tag'], ''],
    [
      'push-tag',
      ['type=match,pattern=v(\\d+\\.\\d+),group=1,value={{branch}}', 'type=ref,event=tag'],
      'v2.4.1'
    ],
    ['push-tag', ['type=semver,pattern={{major}}.{{minor}},value={{branch}}', 'type=ref,event=tag'], 'v2.4.1']
  ])('%s %j → %j (output and label)', (fixture, rules, expected) => {
    const m = meta(fixture, rules)
    expect(m.version).toBe(expected)
    const label = m.labels.find(l => l.startsWith('org.opencontainers.image.version='))
    expect(label).toBe(expected ? `org.opencontainers.image.version=${expected}` : undefined)
  })

  it('revision label follows the same sha rule as the sha tag', () => {
    const revision = (env: Record<string, string>) =>
      meta('pull-request', ['type=sha'], { env }).labels.find(l => l.includes('.revision='))
    expect(revision({})).toBe('org.opencontainers.image.revision=e3b9a7d15c2f08e4b6a1d9c3f7e5b0a2d8c4f691')
    expect(revision({ DOCKER_METADATA_PR_HEAD_SHA: 'true' })).toBe(
      'org.opencontainers.image.revision=91d4f6b2e8a03c7d5f1b9e2a6c4d0f8b3e7a5c29'
    )
  })

  it('an empty tags input keeps the automatic set, with the merge commit on pull requests', () => {
    expect(meta('pull-request', []).tags).toEqual(['pr-27', 'sha-e3b9a7d'])
    expect(meta('pull-request', [], { env: { DOCKER_METADATA_PR_HEAD_SHA: 'true' } }).tags).toEqual([
      'pr-27',
      'sha-91d4f6b'
    ])
    expect(meta('push-main', []).tags).toEqual(['latest', 'main', 'sha-4e7d1c9'])
  })
})

describe('expressions in labels and annotations, rendered as metadata-action renders its custom ones', () => {
  it('a label and an annotation take the global expressions; lines without one stay as given', () => {
    const m = meta('push-main', ['type=ref,event=branch'], {
      labels: [
        "org.opencontainers.image.created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}",
        'org.opencontainers.image.vendor={{branch}}-{{sha}}',
        'plain=a {b} }}'
      ],
      annotations: ['index:org.example.ref={{branch}}', "org.example.day={{date 'YYYYMMDD'}}"]
    })
    const labels = Object.fromEntries(
      m.labels.map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
    )
    expect(labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(labels['org.opencontainers.image.vendor']).toBe('main-4e7d1c9')
    expect(labels.plain).toBe('a {b} }}')
    expect(m.userAnnotations).toEqual(['index:org.example.ref=main', 'org.example.day=20250315'])
    // what the image carries, for the annotations output
    expect(m.annotations).toContain('org.example.day=20250315')
    expect(m.annotations).toContain('index:org.example.ref=main')
    expect(m.annotations).toContain('org.opencontainers.image.vendor=main-4e7d1c9')
  })

  it("a {{…}} that names none of them stays as written beside one that does (metadata-action's labels output, passed on)", () => {
    const m = meta('push-main', ['type=ref,event=branch'], {
      labels: ['org.opencontainers.image.description=Render {{ name }} for {{branch}}, {{{ .Values }}}'],
      annotations: ['manifest:org.example.note={{ name }} \\{{sha}}']
    })
    expect(m.labels).toContain(
      'org.opencontainers.image.description=Render {{ name }} for main, {{{ .Values }}}'
    )
    expect(m.userAnnotations).toEqual(['manifest:org.example.note={{ name }} {{sha}}'])
  })
})

describe('warnings and failures', () => {
  it('warns as metadata-action does about a tag that is no semver or a pattern that does not match', () => {
    expect(meta('tag:1.2', SEMVER).warnings).toContain(
      '1.2 is not a valid semver. More info: https://semver.org/'
    )
    expect(meta('tag:p1/v1.0.0', ['type=match,pattern=p1/v(\\d.\\d),group=3']).warnings).toEqual([
      'Group 3 does not exist for p1/v(\\d.\\d) pattern.'
    ])
  })

  it('warns as metadata-action does about a written value= that renders empty', () => {
    expect(meta('push-tag', ['type=semver,pattern={{version}},value={{branch}}']).warnings).toEqual([
      ' is not a valid semver. More info: https://semver.org/'
    ])
    expect(meta('push-tag', ['type=match,pattern=v(\\d+),group=1,value={{branch}}']).warnings).toEqual([
      'v(\\d+) does not match .'
    ])
    // on a branch too: the rule is read, not skipped
    expect(meta('push-main', ['type=semver,pattern={{version}},value={{tag}}']).warnings).toEqual([
      ' is not a valid semver. More info: https://semver.org/'
    ])
  })

  it('match= warns as metadata-action does when it does not match, and needs a group', () => {
    expect(meta('tag:lib/v2.0.0', ['type=semver,pattern={{version}},match=app/v(.*)']).warnings).toEqual([
      'app/v(.*) does not match lib/v2.0.0.',
      'lib-v2.0.0 is not a valid semver. More info: https://semver.org/'
    ])
    expect(() => classifyTags(['type=semver,pattern={{version}},match=app/v'])).toThrow(
      /match "app\/v" has no group; its first group is the version/
    )
    expect(() => classifyTags(['type=semver,pattern={{version}},match=app/v(['])).toThrow(
      /match "app\/v\(\[" is not a regular expression/
    )
  })

  it('an enable expression that is neither true nor false is an input error of tags', () => {
    expect(() => meta('push-main', ['type=raw,value=x,enable={{branch}}'])).toThrow(InputError)
    expect(() => meta('push-main', ['type=raw,value=x,enable={{branch}}'])).toThrow(
      /^Invalid input "tags": rule "type=raw,value=x,enable=\{\{branch\}\}": enable gave "main"/
    )
  })

  it('a tag docker would refuse (from the rule or the flavor) is an input error of tags, naming the rule', () => {
    expect(() => meta('push-main', ['type=raw,value=-x'])).toThrow(InputError)
    expect(() => meta('push-main', ['type=raw,value=-x'])).toThrow(
      /^Invalid input "tags": rule "type=raw,value=-x" made "-x"/
    )
    expect(() => meta('push-main', ['type=raw,value=x'], { flavor: ['prefix=-'] })).toThrow(
      /^Invalid input "tags": rule "type=raw,value=x" made "-x"/
    )
  })

  it('rules that tag nothing: an input error when pushing, an untagged build otherwise', () => {
    const m = meta('push-main', ['type=ref,event=tag', 'type=ref,event=pr'])
    expect(m.tags).toEqual([])
    const rules = classifyTags(['type=ref,event=tag', 'type=ref,event=pr']).rules
    const ctx = event('push-main')
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
    expect((error as InputError).message).toContain('push on refs/heads/main')
  })

  it("outside GitHub Actions, says which of GitHub's variables the rules read instead of offering type=sha", () => {
    const rules = classifyTags(['type=sha']).rules
    const none: GitContext = { ...event('push-main'), actions: false, eventName: '', ref: '', sha: '' }
    const m = { ...meta('push-main', ['type=sha']), tags: [] }
    let error: unknown
    try {
      checkTagged({ push: true, tagRules: rules }, m, none)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    const said = renderInputRefs((error as InputError).template, cliTerm)
    expect(said).toContain('"type=sha"; outside GitHub Actions the rules read the event from its variables')
    expect(said).toContain('GITHUB_SHA=$(git rev-parse HEAD)')
    expect(said).toContain('GITHUB_REF=refs/tags/v1.2.3')
    expect(said).toContain('or give a plain tag in --tag, or pass --no-push to build untagged')
    expect(said).not.toContain('e.g. type=sha')
  })
})

describe('tagEvent', () => {
  it('reads the commit date from the pushed commits, else from head_commit, else the run time', () => {
    const settings = { prHeadSha: false, shortShaLength: 7 }
    expect(tagEvent(event('push-main'), settings, NOW).commitDate.toISOString()).toBe(
      '2025-03-14T15:09:26.000Z'
    )
    expect(tagEvent(event('push-tag'), settings, NOW).commitDate.toISOString()).toBe(
      '2025-03-15T08:20:30.000Z'
    )
    expect(tagEvent(event('schedule'), settings, NOW).commitDate).toBe(NOW)
  })

  it("without a timestamp in the event, {{commit_date}} is the API's date for the commit; the event's wins", () => {
    const API = new Date('2025-03-10T11:12:13Z')
    const rule = ["type=raw,value={{commit_date 'YYYYMMDD-HHmmss'}}"]
    expect(meta('schedule', rule, { facts: { commitDate: API } }).tags).toEqual(['20250310-111213'])
    expect(meta('pull-request', rule, { facts: { commitDate: API } }).tags).toEqual(['20250310-111213'])
    expect(meta('schedule', rule).tags).toEqual(['20250315-003000'])
    expect(meta('push-main', rule, { facts: { commitDate: API } }).tags).toEqual(['20250314-150926'])
  })

  it('the API is asked for the commit date only when a rule or the flavor uses it and the event has none', () => {
    const wanted = (
      fixture: string,
      tags: string[],
      flavor: string[] = [],
      env: Record<string, string> = {},
      labels: string[] = [],
      annotations: string[] = []
    ) =>
      commitDateWanted(
        {
          tagRules: classifyTags(tags).rules,
          tagFlavor: parseFlavor(flavor),
          metadataEnv: readMetadataEnv(env),
          labels,
          annotations
        },
        event(fixture)
      )
    const dated = ["type=raw,value={{commit_date 'YYYYMMDD'}}"]
    expect(wanted('schedule', dated)).toBe(SHAS.main)
    expect(wanted('pull-request', dated)).toBe(SHAS.prMerge)
    expect(wanted('pull-request', dated, [], { DOCKER_METADATA_PR_HEAD_SHA: 'true' })).toBe(SHAS.prHead)
    expect(wanted('schedule', ["type=schedule,pattern={{commit_date 'YYYY'}}"])).toBe(SHAS.main)
    expect(wanted('schedule', ['type=sha'], ["suffix=-{{commit_date 'YYYY'}}"])).toBe(SHAS.main)
    expect(wanted('schedule', ["type=raw,value={{date 'YYYYMMDD'}}", 'type=sha'])).toBe('')
    expect(wanted('push-main', dated)).toBe('')
    // in labels and annotations too, as metadata-action renders them
    const label = ["org.opencontainers.image.created={{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}"]
    expect(wanted('schedule', ['type=sha'], [], {}, label)).toBe(SHAS.main)
    expect(wanted('schedule', ['type=sha'], [], {}, [], [`index:${label[0]}`])).toBe(SHAS.main)
    expect(wanted('schedule', ['type=sha'], [], {}, ['a={{branch}}'], ['b={{date "YYYY"}}'])).toBe('')
  })

  it('rewrites pull_request_target to the PR ref, as metadata-action does', () => {
    const ev = tagEvent(event('pull-request-target'), { prHeadSha: false, shortShaLength: 7 }, NOW)
    expect(ev.ref).toBe('refs/pull/27/merge')
    expect(applyRules(classifyTags(['type=ref,event=branch']).rules, undefined, ev).tags).toEqual([])
  })
})
