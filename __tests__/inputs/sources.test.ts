import { describe, expect, it } from '@jest/globals'
import { defaultInputs, InputError, parseInputs } from '../../src/inputs/parse.js'
import { parseSource } from '../../src/inputs/sources.js'
import { problemOf } from '../helpers/problem.js'

const D = `sha256:${'a'.repeat(64)}`

describe('parseSource: each line on registry localhost:5000, image my/app', () => {
  const cases: [string, object][] = [
    ['v1', { registry: 'localhost:5000', name: 'my/app', tag: 'v1' }],
    [D, { registry: 'localhost:5000', name: 'my/app', digest: D }],
    ['build-1-*', { registry: 'localhost:5000', name: 'my/app', prefix: 'build-1-' }],
    ['*', { registry: 'localhost:5000', name: 'my/app', prefix: '' }],
    ['other/app:v2', { registry: 'localhost:5000', name: 'other/app', tag: 'v2' }],
    ['app:v2', { registry: 'localhost:5000', name: 'app', tag: 'v2' }],
    [`other/app@${D}`, { registry: 'localhost:5000', name: 'other/app', digest: D }],
    // As docker takes it: the digest decides.
    [`other/app:v2@${D}`, { registry: 'localhost:5000', name: 'other/app', digest: D }],
    [`127.0.0.1:5001/o/app:v1@${D}`, { registry: '127.0.0.1:5001', name: 'o/app', digest: D }],
    ['other/app:rc-*', { registry: 'localhost:5000', name: 'other/app', prefix: 'rc-' }],
    ['other/app*', { registry: 'localhost:5000', name: 'other/app', prefix: '' }],
    ['ghcr.io/o/app:v1', { registry: 'ghcr.io', name: 'o/app', tag: 'v1' }],
    ['127.0.0.1:5001/o/app:v1', { registry: '127.0.0.1:5001', name: 'o/app', tag: 'v1' }],
    ['[::1]:5001/o/app:v1', { registry: '[::1]:5001', name: 'o/app', tag: 'v1' }],
    ['localhost/o/app:v1', { registry: 'localhost', name: 'o/app', tag: 'v1' }],
    ['index.docker.io/nginx:1', { registry: 'docker.io', name: 'library/nginx', tag: '1' }],
    [`docker.io/o/app@${D}`, { registry: 'docker.io', name: 'o/app', digest: D }]
  ]
  it.each(cases)('%s', (line, want) => {
    expect(parseSource(line, 'localhost:5000', 'my/app')).toEqual({ line, ...want })
  })

  it('on Docker Hub a one-component image gets library/', () => {
    expect(parseSource('v1', 'docker.io', 'nginx')).toMatchObject({ name: 'library/nginx', tag: 'v1' })
    expect(parseSource('nginx:1', 'docker.io', 'x/y')).toMatchObject({ name: 'library/nginx', tag: '1' })
  })

  const bad: [string, RegExp][] = [
    ['my/app', /names no tag or digest/],
    ['bu*ild', /"\*" may only end a line/],
    [`my/app@${D}*`, /a digest cannot end in "\*"/],
    ['my/app@sha256:xyz', /is not a digest/],
    ['My/App:v1', /is not a repository path/],
    ['-v1', /a tag is 1-128 characters/],
    ['.rc*', /cannot begin a tag/],
    ['my/app:bad tag', /a tag is 1-128/],
    [`my/app:-v1@${D}`, /a tag is 1-128/],
    ['exa_mple.com:99999/o/app:v1', /registry/]
  ]
  it.each(bad)('%s is refused', (line, why) => {
    const got = problemOf(() => parseSource(line, 'localhost:5000', 'my/app'))
    expect(got).toMatch(why)
    expect(got).toContain(JSON.stringify(line))
  })
})

describe('parseSource: local images, by transport', () => {
  const ID = `sha256:${'b'.repeat(64)}`
  const cases: [string, object][] = [
    [`docker-daemon:${ID}`, { transport: 'docker-daemon', path: ID }],
    ['docker-daemon:my/app:tested', { transport: 'docker-daemon', path: 'my/app:tested' }],
    ['oci:./out/layout', { transport: 'oci', path: './out/layout' }],
    ['oci:/srv/layout:v1', { transport: 'oci', path: '/srv/layout', reference: 'v1' }],
    ['oci-archive:image.tar', { transport: 'oci-archive', path: 'image.tar' }],
    [
      'docker-archive:saved.tar:my/app:1',
      { transport: 'docker-archive', path: 'saved.tar', reference: 'my/app:1' }
    ]
  ]
  it.each(cases)('%s', (line, want) => {
    expect(parseSource(line, 'localhost:5000', 'my/app')).toEqual({ line, ...want })
  })

  const bad: [string, string][] = [
    ['dir:/tmp/x', 'unknown transport "dir"'],
    ['docker://ghcr.io/o/app:1', 'unknown transport "docker"'],
    ['containers-storage:./x', 'unknown transport "containers-storage"'],
    ['oci:', 'names no directory after "oci:"'],
    ['oci-archive::v1', 'names no file after "oci-archive:"'],
    ['oci:/x:', '"" is not an image reference'],
    ['oci:/x:bad ref', '"bad ref" is not an image reference'],
    ['docker-daemon:', 'is not an image reference or a sha256:<64 hex> image ID'],
    ['docker-daemon:--help', '"--help" is not an image reference'],
    ['docker-daemon:sha256:abc', '"sha256:abc" is not an image reference or a sha256:<64 hex> image ID']
  ]
  it.each(bad)('%s is refused', (line, why) => {
    const got = problemOf(() => parseSource(line, 'localhost:5000', 'my/app'))
    expect(got).toContain(JSON.stringify(line))
    expect(got).toContain(why)
  })

  it('a registry reference that only looks like one stays a registry reference', () => {
    expect(parseSource('docker:24-dind', 'docker.io', 'x')).toMatchObject({
      name: 'library/docker',
      tag: '24-dind'
    })
    expect(parseSource('dir:v1', 'localhost:5000', 'x')).toMatchObject({ name: 'dir', tag: 'v1' })
  })
})

describe('parseInputs with sources', () => {
  const base = { image: 'my/app', registry: 'localhost:5000', sources: 'build-1-*' }
  const parse = (over: Record<string, string>) => {
    const all: Record<string, string> = { ...base, ...over }
    // The context is not checked with sources: this directory has no Dockerfile.
    return parseInputs(name => all[name] ?? '', '/nonexistent-dir')
  }
  const error = (over: Record<string, string>): InputError => {
    try {
      parse(over)
    } catch (e) {
      expect(e).toBeInstanceOf(InputError)
      return e as InputError
    }
    throw new Error('expected an InputError')
  }

  it('needs no context or Dockerfile, and keeps the lines as given', () => {
    expect(parse({ sources: 'v1\nother/app:v2\n\n' }).inputs.sources).toEqual(['v1', 'other/app:v2'])
  })

  it('defaults (as action.yml gives them) are not conflicts', () => {
    const defaults = defaultInputs({ image: 'my/app' })
    expect(() => parse({ context: '.', push: 'true', 'no-cache': 'false', retries: '3' })).not.toThrow()
    expect(defaults.sources).toEqual([])
  })

  it.each([
    [
      'platforms',
      'linux/amd64',
      /cannot be used with the "sources" input: nothing is built, and each source/
    ],
    ['context', 'sub', /build inputs must keep their defaults/],
    ['file', 'Dockerfile.x', /build inputs must keep their defaults/],
    ['build-args', 'A=1', /build inputs must keep their defaults/],
    ['labels', 'a=b', /build inputs must keep their defaults/],
    ['target', 'final', /build inputs must keep their defaults/],
    ['no-cache', 'true', /build inputs must keep their defaults/],
    ['pull', 'true', /build inputs must keep their defaults/],
    ['load', 'true', /build inputs must keep their defaults/],
    ['add-hosts', 'db:10.0.0.1', /build inputs must keep their defaults/],
    ['network', 'host', /build inputs must keep their defaults/],
    ['shm-size', '1g', /build inputs must keep their defaults/],
    ['ulimit', 'nofile=1024:2048', /build inputs must keep their defaults/],
    ['cgroup-parent', '/x', /build inputs must keep their defaults/],
    ['provenance', 'false', /build inputs must keep their defaults/],
    [
      'sbom',
      'generator=my/scanner',
      /nothing is built: only true \(write the SBOM files the pushed image carries\) or false$/
    ],
    ['attests', 'type=sbom', /build inputs must keep their defaults/],
    ['cache-from', 'type=gha', /build inputs must keep their defaults/],
    ['builder', 'b1', /build inputs must keep their defaults/],
    [
      'push',
      'false',
      /the "sources" input always pushes \(the sources are put in the registry\): set the "push" input to true$/
    ]
  ])('with %s = %j: an InputError naming it', (input, value, why) => {
    const e = error({ [input]: value })
    expect(e.input).toBe(input)
    expect(e.message).toMatch(new RegExp(`^Invalid input "${input}": `))
    expect(e.message).toMatch(why)
  })

  it('sbom: true or false asks for the SBOM files of what is pushed, or not', () => {
    expect(parse({ sbom: 'true' }).inputs.sbom).toBe('true')
    expect(parse({ sbom: 'false' }).inputs.sbom).toBe('false')
  })

  it('a local file or directory that is not there is an InputError before any registry is asked', () => {
    const e = error({ sources: 'oci:./no-such-layout' })
    expect(e.input).toBe('sources')
    expect(e.message).toContain('"oci:./no-such-layout": "./no-such-layout": no such directory')
    expect(error({ sources: 'oci-archive:package.json/x.tar' }).message).toContain('no such file')
    // A file where a directory goes (and the other way round) is not there either.
    expect(error({ sources: 'oci:package.json' }).message).toContain('"package.json": no such directory')
  })

  it('a line outside the grammar is an InputError naming sources and the line', () => {
    const e = error({ sources: 'v1\nMy/App:v1' })
    expect(e.input).toBe('sources')
    expect(e.message).toContain('"My/App:v1"')
  })

  it('a bad annotation is an InputError naming annotations', () => {
    expect(error({ annotations: 'novalue' }).input).toBe('annotations')
  })

  it('index annotations go with sources (on the merged index); other levels are an InputError before anything runs', () => {
    expect(
      parse({ annotations: 'index:org.example.note=merged\norg.example.b=2' }).inputs.annotations
    ).toEqual(['index:org.example.note=merged', 'org.example.b=2'])
    const e = error({ annotations: 'manifest:org.example.note=x' })
    expect(e.input).toBe('annotations')
    expect(e.message).toContain('only index annotations apply')
  })

  it('a line naming several levels goes with sources only when each is the index', () => {
    expect(parse({ annotations: 'index,index:org.example.note=merged' }).inputs.annotations).toEqual([
      'index,index:org.example.note=merged'
    ])
    const e = error({ annotations: 'index,manifest:org.example.note=x' })
    expect([e.input, e.message]).toEqual([
      'annotations',
      expect.stringContaining('only index annotations apply')
    ])
  })

  it('a line starting with "#" is a comment', () => {
    expect(parse({ sources: '# the legs\nbuild-1-*\n#build-2-*' }).inputs.sources).toEqual(['build-1-*'])
  })
})
