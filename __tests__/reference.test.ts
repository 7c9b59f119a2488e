import { describe, it, expect } from '@jest/globals'
import {
  DOCKER_HUB,
  HOST_RULE,
  PATH_RULE,
  TAG_RULE,
  hostProblem,
  isDockerHub,
  isLoopbackRegistry,
  isValidTag,
  looksLikeHost,
  nameLengthProblem,
  normalizeRegistry,
  pathProblem,
  remotePath,
  repository,
  splitHostPort,
  tagProblem
} from '../src/reference.js'

type Kind = 'tag' | 'path' | 'host'

const check: Record<Kind, (value: string) => string | undefined> = {
  tag: tagProblem,
  path: pathProblem,
  host: hostProblem
}

// [kind, value, valid]
const grammar: [Kind, string, boolean][] = [
  // tags
  ['tag', 'latest', true],
  ['tag', 'v1.2.3', true],
  ['tag', '1.0_beta-2', true],
  ['tag', 'a'.repeat(128), true],
  ['tag', 'a'.repeat(129), false],
  ['tag', '-x', false],
  ['tag', '.x', false],
  ['tag', '_x', true],
  ['tag', 'V1-RC', true],
  ['tag', 'x', true],
  ['tag', 'a:b', false],
  ['tag', 'a b', false],
  ['tag', ' v1', false],
  ['tag', '', false],
  ['tag', 'ünïcode', false],
  ['tag', 'v1\n', false],
  ['tag', 'a/b', false],
  ['tag', 'a@b', false],
  ['tag', 'a;b', false],
  ['tag', '$(id)', false],
  // path components
  ['path', 'nginx', true],
  ['path', 'my/nginx', true],
  ['path', 'a/b/c/d', true],
  ['path', '0/1', true],
  ['path', 'a__b', true],
  ['path', 'a---b', true],
  ['path', 'a.b', true],
  ['path', 'a_b', true],
  ['path', 'a-b.c_d__e', true],
  ['path', 'a___b', false],
  ['path', 'a..b', false],
  ['path', 'a._b', false],
  ['path', '-a', false],
  ['path', 'a-', false],
  ['path', '.a', false],
  ['path', '_a', false],
  ['path', 'My/app', false],
  ['path', 'my/App', false],
  ['path', 'a//b', false],
  ['path', 'a/', false],
  ['path', '/a', false],
  ['path', '', false],
  ['path', 'a b', false],
  ['path', 'ñ', false],
  ['path', 'a:b', false],
  // hosts
  ['host', 'localhost', true],
  ['host', 'localhost:5000', true],
  ['host', 'ghcr.io', true],
  ['host', 'registry.example.com', true],
  ['host', 'Registry.Example.COM', true],
  ['host', 'my-registry.local:443', true],
  ['host', '127.0.0.1:5000', true],
  ['host', '[::1]', true],
  ['host', '[::1]:5000', true],
  ['host', '[fe80::1%eth0]', true],
  ['host', '[fe80::1%eth0]:5000', true],
  ['host', 'a:1', true],
  ['host', 'a:65535', true],
  ['host', 'localhost:0', false],
  ['host', 'localhost:65536', false],
  ['host', 'localhost:123456', false],
  ['host', 'localhost:80a', false],
  ['host', 'host:', false],
  ['host', ':5000', false],
  ['host', '-bad.com', false],
  ['host', 'bad-.com', false],
  ['host', 'a_b.com', false],
  ['host', 'a..com', false],
  ['host', '.a.com', false],
  ['host', 'a.com.', false],
  ['host', 'ex ample.com', false],
  ['host', 'münchen.de', false],
  ['host', 'a:b:c', false],
  ['host', '[::1', false],
  ['host', '[::1]5000', false],
  ['host', '[zz::1]:5000', false],
  ['host', '[]', false],
  ['host', '', false]
]

describe('reference grammar', () => {
  it('has a table of at least 40 cases', () => {
    expect(grammar.length).toBeGreaterThanOrEqual(40)
  })

  it.each(grammar)('%s %j valid=%s', (kind, value, valid) => {
    const problem = check[kind](value)
    if (valid) expect(problem).toBeUndefined()
    else expect(typeof problem).toBe('string')
  })

  it.each(grammar.filter(([kind]) => kind === 'tag'))(
    'isValidTag agrees with tagProblem for %s %j',
    (_k, value, valid) => {
      expect(isValidTag(value)).toBe(valid)
    }
  )

  it('explains each kind of problem with its rule', () => {
    expect(tagProblem('-x')).toBe(TAG_RULE)
    expect(pathProblem('A')).toBe(PATH_RULE)
    expect(pathProblem('')).toBe('it is empty')
    expect(hostProblem('a_b.com')).toBe(HOST_RULE)
    expect(hostProblem('localhost:0')).toBe(HOST_RULE)
  })
})

describe('normalizeRegistry / isDockerHub', () => {
  it.each([
    ['docker.io', 'docker.io', true],
    ['index.docker.io', 'docker.io', true],
    ['registry-1.docker.io', 'docker.io', true],
    ['registry.hub.docker.com', 'docker.io', true],
    ['Index.Docker.IO', 'docker.io', true],
    ['ghcr.io', 'ghcr.io', false],
    ['localhost:5000', 'localhost:5000', false],
    ['docker.io:443', 'docker.io:443', false],
    ['mirror.docker.io', 'mirror.docker.io', false]
  ])('%s → %s (hub=%s)', (input, normalized, hub) => {
    expect(normalizeRegistry(input)).toBe(normalized)
    expect(isDockerHub(input)).toBe(hub)
  })

  it('exports docker.io as the hub name', () => {
    expect(DOCKER_HUB).toBe('docker.io')
  })
})

describe('remotePath / repository', () => {
  it.each([
    ['docker.io', 'nginx', 'library/nginx', 'docker.io/library/nginx'],
    ['index.docker.io', 'nginx', 'library/nginx', 'docker.io/library/nginx'],
    ['docker.io', 'my/app', 'my/app', 'docker.io/my/app'],
    ['docker.io', 'library/nginx', 'library/nginx', 'docker.io/library/nginx'],
    ['ghcr.io', 'a', 'a', 'ghcr.io/a'],
    ['ghcr.io', 'org/a/b', 'org/a/b', 'ghcr.io/org/a/b'],
    ['localhost:5000', 'nginx', 'nginx', 'localhost:5000/nginx'],
    ['[::1]:5000', 'my/app', 'my/app', '[::1]:5000/my/app']
  ])('%s + %s → %s, %s', (registry, path, remote, repo) => {
    expect(remotePath(registry, path)).toBe(remote)
    expect(repository(registry, path)).toBe(repo)
  })
})

describe('nameLengthProblem', () => {
  // 'ghcr.io/' is 8 characters, 'docker.io/library/' is 18.
  it.each([
    ['ghcr.io', 'a'.repeat(247), 255],
    ['ghcr.io', 'a'.repeat(248), 256],
    ['docker.io', 'a'.repeat(237), 255],
    ['docker.io', 'a'.repeat(238), 256],
    ['docker.io', 'my/app', 16]
  ])('%s + %d chars → full length %d', (registry, path, length) => {
    const problem = nameLengthProblem(registry, path)
    if (length <= 255) expect(problem).toBeUndefined()
    else {
      expect(problem).toContain(String(length))
      expect(problem).toContain('255')
    }
  })
})

describe('isLoopbackRegistry', () => {
  it.each([
    ['localhost', true],
    ['localhost:5000', true],
    ['LOCALHOST:5000', true],
    ['127.0.0.1', true],
    ['127.0.0.1:5000', true],
    ['127.1.2.3:80', true],
    ['[::1]', true],
    ['[::1]:5000', true],
    ['ghcr.io', false],
    ['docker.io', false],
    ['localhost.evil.com', false],
    ['localhost.evil.com:5000', false],
    ['127.0.0.1.nip.io', false],
    ['mylocalhost:5000', false],
    ['10.0.0.1:5000', false],
    ['0.0.0.0:5000', false],
    ['[::2]:5000', false],
    ['[fe80::1]:5000', false]
  ])('%s → %s', (registry, loopback) => {
    expect(isLoopbackRegistry(registry)).toBe(loopback)
  })
})

describe('splitHostPort', () => {
  it.each([
    ['localhost:5000', 'localhost', '5000'],
    ['172.31.213.1:5000', '172.31.213.1', '5000'],
    ['[::1]:5000', '::1', '5000'],
    ['[::1]', '::1', ''],
    ['ghcr.io', 'ghcr.io', '']
  ])('%s → %s %s', (registry, host, port) => {
    expect(splitHostPort(registry)).toEqual({ host, port })
  })
})

describe('looksLikeHost', () => {
  it.each([
    ['ghcr.io', true],
    ['localhost', true],
    ['localhost:5000', true],
    ['myhost:5000', true],
    ['registry.local', true],
    ['my', false],
    ['library', false],
    ['my-org', false],
    ['my_org', false]
  ])('%s → %s', (component, host) => {
    expect(looksLikeHost(component)).toBe(host)
  })
})
