// The pure parts under the tag rules: PEP 440 versions, `{{…}}` expressions and dates, rule and flavor
// lines, and the sorting of the `tags` input into rules, bare tags and full references.
import { describe, expect, it } from '@jest/globals'
import {
  isPep440Special,
  normalizePep440,
  parsePep440,
  releasePart
} from '../../../src/metadata/rules/pep440.js'
import { dateFormatProblem, formatDate } from '../../../src/metadata/rules/date.js'
import { parseTemplate, render } from '../../../src/metadata/rules/template.js'
import { byPriority, parseFlavor } from '../../../src/metadata/rules/parse.js'
import { classifyTags, parseFullRef } from '../../../src/inputs/tags.js'
import { readMetadataEnv } from '../../../src/metadata/env.js'
import { csvRecords } from '../../../src/inputs/csv.js'
import { InputProblem } from '../../../src/core/problem.js'

describe('PEP 440', () => {
  it.each([
    ['1.2', '1.2', false, [1, 2, 0]],
    ['v1.1.1', '1.1.1', false, [1, 1, 1]],
    ['1.0dev4', '1.0.dev4', true, [1, 0, 0]],
    ['1.1beta2', '1.1b2', true, [1, 1, 0]],
    ['1.1-ALPHA.3', '1.1a3', true, [1, 1, 0]],
    ['1.2.3rc2', '1.2.3rc2', true, [1, 2, 3]],
    ['1.2.3c2', '1.2.3rc2', true, [1, 2, 3]],
    ['1.2.3-preview1', '1.2.3rc1', true, [1, 2, 3]],
    ['1.2post1', '1.2.post1', true, [1, 2, 0]],
    ['1.2-1', '1.2.post1', true, [1, 2, 0]],
    ['1.2.rev', '1.2.post0', true, [1, 2, 0]],
    ['20200110-RC2', '20200110rc2', true, [20200110, 0, 0]],
    ['1!2.0', '1!2.0', false, [2, 0, 0]],
    ['01.002.3', '1.2.3', false, [1, 2, 3]],
    ['1.0+Ubuntu-1_02', '1.0+ubuntu.1.2', false, [1, 0, 0]],
    [' 1.0 ', '1.0', false, [1, 0, 0]],
    ['1.0a1.post2.dev3', '1.0a1.post2.dev3', true, [1, 0, 0]]
  ])('%j → %s (pre/post/dev: %s, release %j)', (text, normal, special, parts) => {
    const v = parsePep440(text)!
    expect(v).toBeDefined()
    expect(normalizePep440(v)).toBe(normal)
    expect(isPep440Special(v)).toBe(special)
    expect([0, 1, 2].map(n => releasePart(v, n))).toEqual(parts)
  })

  it.each([
    'sometag',
    'release1',
    'p1/v1.0.0',
    'v',
    '1.',
    '.1',
    '1.0-',
    '1.0+',
    '1.0beta2beta3',
    'a1.0',
    '1.0 1'
  ])('%j is not a PEP 440 version', text => expect(parsePep440(text)).toBeUndefined())
})

describe('dates (moment format, IANA zones)', () => {
  const T = new Date('2020-01-10T00:30:05.123Z') // a Friday
  it.each([
    ['YYYYMMDD', 'UTC', '20200110'],
    ['YYYYMMDD-HHmmss', 'UTC', '20200110-003005'],
    ['YYYYMMDD-hhmmss', 'Asia/Tokyo', '20200110-093005'],
    ['YYYY-MM-DD HH:mm', 'America/New_York', '2020-01-09 19:30'],
    ['YY.M.D H:m:s', 'UTC', '20.1.10 0:30:5'],
    ['h A, k a', 'UTC', '12 AM, 24 am'],
    ['MMM MMMM Do ddd dddd dd d E', 'UTC', 'Jan January 10th Fri Friday Fr 5 5'],
    ['DDD DDDD Q W WW GGGG', 'UTC', '10 010 1 2 02 2020'],
    ['S SS SSS SSSS', 'UTC', '1 12 123 1230'],
    ['Z ZZ', 'Asia/Kolkata', '+05:30 +0530'],
    ['Z', 'America/New_York', '-05:00'],
    ['X x', 'UTC', '1578616205 1578616205123'],
    ['[week] W [of] YYYY', 'UTC', 'week 2 of 2020'],
    ['YYYY_MM_DD-T', 'UTC', '2020_01_10-T']
  ])('%j in %s → %j', (format, tz, expected) => {
    expect(formatDate(T, format, tz)).toBe(expected)
  })

  it('ISO week-year differs from the calendar year around new year', () => {
    expect(formatDate(new Date('2021-01-01T12:00:00Z'), 'GGGG-[W]WW', 'UTC')).toBe('2020-W53')
  })

  // moment's year tokens are zero-filled to their length: GGGGG and YYYYY to 5 digits, YYYYYY to 6 with a sign.
  it.each([
    ['GGGGG', '02020'],
    ['GGGGG-[W]WW', '02020-W53'],
    ['GGG', '20G'],
    ['YYYYY', '02021'],
    ['YYYYYY', '+002021']
  ])('%j → %j', (format, expected) => {
    expect(formatDate(new Date('2021-01-01T12:00:00Z'), format, 'UTC')).toBe(expected)
    expect(dateFormatProblem(format)).toBeUndefined()
  })

  it('ggggg is the locale week-year, which moment reads from its locale: not supported, as gggg', () => {
    expect(dateFormatProblem('ggggg')).toMatch(/the format token "ggggg" is not supported/)
  })
})

describe('expressions', () => {
  const values = {
    branch: 'feature/x',
    tag: '',
    sha: '860c190',
    date: new Date('2020-01-10T00:30:00Z'),
    version: '1.2.3'
  }
  it.each([
    ['global', 'plain', 'plain'],
    ['global', '{{branch}}-{{sha}}', 'feature/x-860c190'],
    ['global', '{{ branch }}', 'feature/x'],
    ['global', "{{date 'YYYYMMDD'}}", '20200110'],
    ['global', '{{date "YYYY" tz="Asia/Tokyo"}}', '2020'],
    ['global', "{{date 'YYYY-MM-DD[T]HH' tz='Asia/Tokyo'}}", '2020-01-10T09'],
    ['global', '{{tag}}', ''],
    ['global', 'a{{! a comment }}b', 'ab'],
    ['global', '\\{{branch}}', '{{branch}}'],
    ['version', 'v{{version}}', 'v1.2.3']
  ] as const)('%s %j → %j', (scope, source, expected) => {
    expect(render(parseTemplate(source, scope), values)).toBe(expected)
  })

  it('escapes HTML as Handlebars does, unless triple-stashed', () => {
    const v = { branch: 'a&b=c' }
    expect(render(parseTemplate('{{branch}}', 'global'), v)).toBe('a&amp;b&#x3D;c')
    expect(render(parseTemplate('{{{branch}}}', 'global'), v)).toBe('a&b=c')
  })

  it.each([
    ['global', '{{version}}', /\{\{version\}\} is not available in value/],
    ['version', '{{branch}}', /\{\{branch\}\} is not available in type=semver/],
    ['schedule', '{{sha}}', /\{\{sha\}\} is not available in type=schedule/],
    ['global', '{{brnach}}', /\{\{brnach\}\} is not available/],
    ['global', '{{branch', /not closed/],
    ['global', '{{date}}', /needs a quoted format/],
    ['global', "{{date 'YYYY' zone='UTC'}}", /unknown zone attribute/],
    ['global', "{{date 'YYYY' tz='Mars/Olympus'}}", /"Mars\/Olympus" is not a time zone/],
    ['global', "{{date 'wo'}}", /format token "wo" is not supported/],
    ['global', "{{branch 'x'}}", /takes no arguments/],
    ['global', '{{#if branch}}x{{/if}}', /blocks/],
    ['global', '{{~branch}}', /whitespace control/]
  ] as const)('%s %j is refused', (scope, source, message) => {
    expect(() => parseTemplate(source, scope)).toThrow(InputProblem)
    expect(() => parseTemplate(source, scope)).toThrow(message)
  })
})

describe('rule lines', () => {
  const rule = (line: string) => classifyTags([line]).rules[0]

  it('fills in metadata-action defaults', () => {
    expect(rule('type=sha')).toMatchObject({ type: 'sha', priority: 100, format: 'short' })
    expect(rule('type=sha').prefix?.source).toBe('sha-')
    expect(rule('type=ref,event=pr').prefix?.source).toBe('pr-')
    expect(rule('type=ref,event=branch').prefix).toBeUndefined()
    expect(rule('type=schedule').pattern?.source).toBe('nightly')
    expect(rule('type=match,pattern=x')).toMatchObject({ priority: 800, match: { group: 0 } })
    expect(rule('type=edge')).toMatchObject({ priority: 700, branch: '' })
    expect(rule('type=raw,value=x,priority=5').priority).toBe(5)
    expect(rule('type=raw,value=x').enable.source).toBe('true')
  })

  it('reads keys case-insensitively, trims fields, splits at the first "=" and takes a bare field as the value', () => {
    expect(rule(' TYPE = raw , VALUE = a=b ').value?.source).toBe('a=b')
    expect(rule('type=raw,foo').value?.source).toBe('foo')
  })

  it('keeps a quoted field whole, commas and all', () => {
    const r = rule('type=match,"pattern=v(\\d{1,3}),x",group=1')
    expect(r.match?.pattern).toBe('v(\\d{1,3}),x')
    expect(csvRecords('type=match,"pattern=a""b"')).toEqual([['type=match', 'pattern=a"b']])
  })

  it.each([
    ['type=foo', /type "foo" must be one of schedule, semver/],
    ['type=semver', /type=semver needs a pattern attribute/],
    ['type=pep440,value=1.0', /needs a pattern/],
    ['type=match,group=1', /needs a pattern/],
    ['type=match,pattern=(x', /is not a regular expression/],
    ['type=match,pattern=x,group=one', /group "one" is not a group number/],
    ['type=ref', /needs a event attribute/],
    ['type=ref,event=push', /event "push" must be one of branch, tag, pr/],
    ['type=raw', /needs a value attribute/],
    ['type=sha,format=medium', /format "medium" must be one of short, long/],
    ['type=raw,value=x,enable=yes', /enable must be true or false/],
    ['type=raw,value=x,priority=high', /priority "high" is not a number/],
    ['type=ref,event=branch,pattern={{version}}', /type=ref takes no pattern attribute/],
    ['type=raw,value=x,evnt=tag', /type=raw takes no evnt attribute/],
    ['type=raw,value={{version}}', /\{\{version\}\} is not available/],
    ['type=raw,"value=x', /quoted entry is not closed/]
  ])('%j is an error naming the rule', (line, message) => {
    expect(() => classifyTags([line])).toThrow(InputProblem)
    expect(() => classifyTags([line])).toThrow(message)
    if (!/not closed/.test(String(message))) expect(() => classifyTags([line])).toThrow(`rule "${line}"`)
  })

  it('orders rules by priority, highest first, ties in input order', () => {
    const rules = classifyTags([
      'type=sha',
      'type=raw,value=a',
      'type=semver,pattern={{version}}',
      'type=raw,value=b',
      'type=schedule'
    ]).rules
    expect(byPriority(rules).map(r => r.source)).toEqual([
      'type=schedule',
      'type=semver,pattern={{version}}',
      'type=raw,value=a',
      'type=raw,value=b',
      'type=sha'
    ])
  })
})

describe('the tags input: rules, bare tags and full references', () => {
  it('sorts lines: type= lines are rules, # lines comments, the rest bare tags, comma-separated', () => {
    const e = classifyTags(['type=sha', '# a comment', 'v1, latest', 'v1', 'type=raw,value=x,priority=1'])
    expect(e.rules.map(r => r.source)).toEqual(['type=sha', 'type=raw,value=x,priority=1'])
    expect(e.tags).toEqual(['v1', 'latest'])
    expect(e.refs).toEqual([])
  })

  it('groups full references by image, one per line or comma-separated', () => {
    const e = classifyTags([
      'ghcr.io/octo/app:1.0, ghcr.io/octo/app:latest',
      'localhost:5000/x/y',
      'octo/app:2',
      'nginx:1'
    ])
    expect(e.refs).toEqual([
      { registry: 'ghcr.io', image: 'octo/app', tags: ['1.0', 'latest'] },
      { registry: 'localhost:5000', image: 'x/y', tags: ['latest'] },
      { registry: 'docker.io', image: 'octo/app', tags: ['2'] },
      { registry: 'docker.io', image: 'nginx', tags: ['1'] }
    ])
    expect(e.tags).toEqual([])
  })

  it.each([
    ['ghcr.io/octo/app:1.0', { registry: 'ghcr.io', image: 'octo/app', tag: '1.0' }],
    ['index.docker.io/library/nginx:1', { registry: 'docker.io', image: 'nginx', tag: '1' }],
    ['[::1]:5000/a/b:c', { registry: '[::1]:5000', image: 'a/b', tag: 'c' }],
    ['my.registry:443/team/app', { registry: 'my.registry:443', image: 'team/app', tag: 'latest' }]
  ])('%s → %j', (text, expected) => {
    expect(parseFullRef(text)).toEqual(expected)
  })

  it.each([
    ['ghcr.io/Octo/app:1', /not a valid reference: path components are lowercase/],
    ['ghcr.io/octo/app:-1', /invalid tag/],
    ['ghcr.io/octo/app@sha256:' + 'a'.repeat(64), /has a digest/],
    ['ghcr.io/octo/app:1, v2', /cannot be mixed with bare tags/],
    ['ghcr.io/octo/app:1\ntype=sha', /cannot be mixed with rules/],
    ['value=x', /is not a tag; a rule line starts with type=/],
    ['{{branch}}', /is not a tag; a rule line starts with type=/],
    ['vé', /is not a valid tag/]
  ])('%j is refused', (text, message) => {
    expect(() => classifyTags(text.split('\n'))).toThrow(message)
  })
})

describe('flavor', () => {
  it('reads latest, prefix and suffix with their onlatest forms', () => {
    const f = parseFlavor(['latest=false', 'prefix=p-,onlatest=true', 'suffix=-s'])
    expect(f).toMatchObject({ latest: 'false', prefixLatest: true, suffixLatest: false })
    expect([f.prefix.source, f.suffix.source]).toEqual(['p-', '-s'])
    expect(parseFlavor([])).toMatchObject({ latest: 'auto', prefixLatest: false, suffixLatest: false })
    expect(parseFlavor(['# latest=maybe', 'latest=true']).latest).toBe('true')
  })

  it.each([
    ['latest=maybe', /latest "maybe" must be one of auto, true, false/],
    ['prefix', /every entry is key=value/],
    ['onlatest=true', /onlatest follows a prefix or suffix/],
    ['prefix=x,onlatest=yes', /onlatest "yes" must be one of true, false/],
    ['colour=blue', /unknown flavor entry "colour"/],
    ['prefix={{version}}', /\{\{version\}\} is not available/]
  ])('%j is refused', (line, message) => {
    expect(() => parseFlavor([line])).toThrow(InputProblem)
    expect(() => parseFlavor([line])).toThrow(message)
  })
})

describe('DOCKER_METADATA_* variables', () => {
  it('defaults: merge commit, 7 characters, no annotation levels named (each use has its own default)', () => {
    expect(readMetadataEnv({})).toEqual({
      prHeadSha: false,
      shortShaLength: 7,
      annotationLevels: [],
      setOutputEnv: true
    })
  })

  it('reads them', () => {
    expect(
      readMetadataEnv({
        DOCKER_METADATA_PR_HEAD_SHA: 'True',
        DOCKER_METADATA_SHORT_SHA_LENGTH: '12',
        DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest, Index,index-descriptor,manifest[linux/amd64]',
        DOCKER_METADATA_SET_OUTPUT_ENV: 'false'
      })
    ).toEqual({
      prHeadSha: true,
      shortShaLength: 12,
      annotationLevels: ['manifest', 'index', 'index-descriptor', 'manifest[linux/amd64]'],
      setOutputEnv: false
    })
  })

  it.each([
    ['DOCKER_METADATA_PR_HEAD_SHA', 'yes'],
    ['DOCKER_METADATA_SET_OUTPUT_ENV', 'yes'],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', 'seven'],
    ['DOCKER_METADATA_SHORT_SHA_LENGTH', '0'],
    ['DOCKER_METADATA_ANNOTATIONS_LEVELS', 'manifest,layer']
  ])('%s=%j is an error naming the variable', (variable, value) => {
    let error: unknown
    try {
      readMetadataEnv({ [variable]: value })
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputProblem)
    expect((error as InputProblem).subject).toBe(variable)
  })
})
