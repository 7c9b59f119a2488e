import { actionTerm, renderInputRefs } from '../../src/core/input-ref.js'
import { describe, it, expect } from '@jest/globals'
import {
  DOCKER_HUB,
  HOST_RULE,
  LENGTH_RULE,
  PATH_RULE,
  TAG_RULE,
  hostProblem,
  imageProblem,
  isDockerHub,
  isLoopbackRegistry,
  isValidDigest,
  isValidTag,
  looksLikeHost,
  loginServerHost,
  nameLengthProblem,
  normalizeRegistry,
  pathProblem,
  registryProblem,
  remotePath,
  repository,
  splitHostPort,
  tagProblem
} from '../../src/core/reference.js'

// The oracle: github.com/distribution/reference v0.6 regexp.go, transcribed production by production,
// and the parts of normalize.go/reference.go (splitDockerDomain, Parse) that decide what docker accepts.
// Where the grammar comment in reference.go and regexp.go differ (separator `[-]*` vs `[-]+`, digest
// separator `[+.-_]` vs `[-_+.]`), regexp.go is what runs.
const docker = (() => {
  const alphanumeric = '[a-z0-9]+'
  const separator = '(?:[._]|__|[-]+)'
  const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`
  const remoteName = `${pathComponent}(?:/${pathComponent})*`
  const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
  const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`
  const ipv6address = '\\[(?:[a-fA-F0-9:]+)\\]'
  const domainAndPort = `(?:${domainName}|${ipv6address})(?::[0-9]+)?`
  const tag = '[\\w][\\w.-]{0,127}'
  const digest = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}'
  const anchored = (re: string): RegExp => new RegExp(`^${re}$`)
  const anchoredName = anchored(`(?:(${domainAndPort})/)?(${remoteName})`)
  const reference = anchored(`(${`(?:${domainAndPort}/)?${remoteName}`})(?::(${tag}))?(?:@(${digest}))?`)

  /** ParseNormalizedNamed: the domain and path docker reads from a name, or undefined when it refuses it. */
  function parseNormalizedNamed(s: string): { domain: string; path: string } | undefined {
    if (/^[a-f0-9]{64}$/.test(s)) return undefined
    // splitDockerDomain
    let domain: string
    let remainder: string
    const slash = s.indexOf('/')
    const maybeDomain = slash < 0 ? '' : s.slice(0, slash)
    if (slash < 0) [domain, remainder] = ['docker.io', `library/${s}`]
    else if (maybeDomain === 'localhost') [domain, remainder] = [maybeDomain, s.slice(slash + 1)]
    else if (maybeDomain === 'index.docker.io') [domain, remainder] = ['docker.io', s.slice(slash + 1)]
    else if (/[.:]/.test(maybeDomain)) [domain, remainder] = [maybeDomain, s.slice(slash + 1)]
    else if (maybeDomain.toLowerCase() !== maybeDomain)
      [domain, remainder] = [maybeDomain, s.slice(slash + 1)]
    else [domain, remainder] = ['docker.io', s]
    if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`
    const remote = remainder.split(':')[0]
    if (remote.toLowerCase() !== remote) return undefined
    // Parse
    const m = reference.exec(`${domain}/${remainder}`)
    if (!m) return undefined
    const name = anchoredName.exec(m[1])!
    if (name[2].length > 255) return undefined
    return { domain: name[1] ?? '', path: name[2] }
  }

  return {
    tag: anchored(tag),
    path: anchored(remoteName),
    host: anchored(domainAndPort),
    digest: anchored(digest),
    parseNormalizedNamed
  }
})()

type Kind = 'tag' | 'path' | 'host' | 'digest'

const check: Record<Kind, (value: string) => string | undefined> = {
  tag: tagProblem,
  path: pathProblem,
  host: hostProblem,
  digest: d => (isValidDigest(d) ? undefined : 'invalid digest')
}

/** Long values in test titles: `a×250` instead of 250 a's. */
const short = (s: string): string =>
  JSON.stringify(s.replace(/(.)\1{19,}/g, (run, c: string) => `${c}×${run.length}`))
const rows = (table: [string, string, string | undefined][]) =>
  table.map(([image, registry, reason]) => ({
    image,
    registry,
    reason,
    shown: short(image),
    where: short(registry),
    why: reason === undefined ? 'valid' : short(reason)
  }))

const hex = (n: number): string => 'a1b2c3d4e5f60789'.repeat(Math.ceil(n / 16)).slice(0, n)

// [kind, value, valid]
const grammar: [Kind, string, boolean][] = [
  // tag := /[\w][\w.-]{0,127}/
  ['tag', 'latest', true],
  ['tag', 'v1.2.3', true],
  ['tag', '1.0_beta-2', true],
  ['tag', 'a'.repeat(128), true],
  ['tag', 'a'.repeat(129), false],
  ['tag', '-x', false],
  ['tag', '.x', false],
  ['tag', '_x', true],
  ['tag', '_', true],
  ['tag', '0', true],
  ['tag', 'a.', true],
  ['tag', 'a-', true],
  ['tag', 'a..--__', true],
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
  ['tag', 'a+b', false],
  ['tag', '$(id)', false],
  // path := path-component ['/' path-component]*; separator := [_.] | __ | [-]+
  ['path', 'nginx', true],
  ['path', 'my/nginx', true],
  ['path', 'a/b/c/d', true],
  ['path', '0/1', true],
  ['path', 'a__b', true],
  ['path', 'a---b', true],
  ['path', 'a.b', true],
  ['path', 'a_b', true],
  ['path', 'a-b.c_d__e', true],
  ['path', 'a.b.c', true],
  ['path', 'a_b_c', true],
  ['path', 'a__b__c', true],
  ['path', 'localhost', true],
  ['path', 'my.project/app', true],
  ['path', 'example.com/proj/app', true],
  ['path', 'a___b', false],
  ['path', 'a..b', false],
  ['path', 'a._b', false],
  ['path', 'a.-b', false],
  ['path', 'a-.b', false],
  ['path', 'a-_b', false],
  ['path', 'a__-b', false],
  ['path', '..dots/x', false],
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
  ['path', '[::1]', false],
  // host := domain-name | IPv4address | [ IPv6address ], then [':' port-number]
  ['host', 'localhost', true],
  ['host', 'localhost:5000', true],
  ['host', 'ghcr.io', true],
  ['host', 'registry.example.com', true],
  ['host', 'Registry.Example.COM', true],
  ['host', 'my-registry.local:443', true],
  ['host', 'xn--bcher-kva.example', true],
  ['host', 'a--b.io', true],
  ['host', 'myhost', true],
  ['host', '127.0.0.1:5000', true],
  ['host', '1.2.3.4', true],
  ['host', '0', true],
  ['host', '[::1]', true],
  ['host', '[::1]:5000', true],
  ['host', '[::]', true],
  ['host', '[2001:db8::1]', true],
  ['host', '[2001:DB8:0:0:0:0:0:1]:443', true],
  ['host', '[fe80::1%eth0]', false],
  ['host', '[fe80::1%eth0]:5000', false],
  ['host', '[fe80::1%25eth0]', false],
  ['host', '[::ffff:1.2.3.4]', false],
  ['host', '[::ffff:1.2.3.4]:5000', false],
  ['host', '[64:ff9b::192.0.2.33]', false],
  ['host', 'a:1', true],
  ['host', 'a:65535', true],
  ['host', 'localhost:05000', true],
  ['host', 'localhost:0', false],
  ['host', 'localhost:65536', false],
  ['host', 'localhost:123456', false],
  ['host', '[::1]:0', false],
  ['host', '[::1]:65536', false],
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
  ['host', '[::1]:', false],
  ['host', '[zz::1]:5000', false],
  ['host', '[]', false],
  ['host', '::1', false],
  ['host', '', false],
  // digest := algorithm ":" hex; algorithm components [A-Za-z][A-Za-z0-9]* joined by [-_+.]; 32+ hex
  ['digest', `sha256:${hex(64)}`, true],
  ['digest', `sha256:${hex(32)}`, true],
  ['digest', `sha256:${hex(31)}`, false],
  ['digest', `sha512:${hex(128)}`, true],
  ['digest', `sha256:${hex(64).toUpperCase()}`, true],
  ['digest', `SHA256:${hex(64)}`, true],
  ['digest', `sha256+b64:${hex(64)}`, true],
  ['digest', `multihash+base58:${hex(40)}`, true],
  ['digest', `sha-x_y.z:${hex(32)}`, true],
  ['digest', `256:${hex(64)}`, false],
  ['digest', `sha256+:${hex(64)}`, false],
  ['digest', `sha256+1:${hex(64)}`, false],
  ['digest', `:${hex(64)}`, false],
  ['digest', `sha256:${'g'.repeat(64)}`, false],
  ['digest', `sha256:${hex(63)}=`, false],
  ['digest', 'sha256', false],
  ['digest', hex(64), false]
]

/** Where we refuse what docker's grammar takes, on purpose: ports must be 1-65535. */
const DELIBERATE = new Set(['localhost:0', 'localhost:65536', 'localhost:123456', '[::1]:0', '[::1]:65536'])

/** As the action words it. */
const words = (s: string | undefined): string | undefined => s && renderInputRefs(s, actionTerm)

describe('reference grammar', () => {
  it('has a table of at least 40 cases', () => {
    expect(grammar.length).toBeGreaterThanOrEqual(40)
  })

  it.each(grammar)('%s %j valid=%s', (kind, value, valid) => {
    const problem = check[kind](value)
    if (valid) expect(problem).toBeUndefined()
    else expect(typeof problem).toBe('string')
  })

  it.each(grammar)('%s %j: docker v0.6 agrees (valid=%s), ports aside', (kind, value, valid) => {
    expect(docker[kind].test(value)).toBe(DELIBERATE.has(value) ? true : valid)
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
    expect(hostProblem('localhost:0')).toBe(`port 0 is outside 1-65535; ${HOST_RULE}`)
    expect(HOST_RULE).toContain('port 1-65535')
    expect(HOST_RULE).toContain('host[:port]')
  })

  it('names what docker does not take in an IPv6 host, and how to write it instead', () => {
    expect(hostProblem('[fe80::1%eth0]:5000')).toBe(
      `"%eth0" is an IPv6 zone, which docker does not accept; ${HOST_RULE}`
    )
    expect(hostProblem('[::ffff:1.2.3.4]')).toBe(
      `[::ffff:1.2.3.4] embeds an IPv4 address, which docker does not accept; write it in hex, [::ffff:102:304]; ${HOST_RULE}`
    )
    expect(hostProblem('[64:ff9b::192.0.2.33]')).toContain('write it in hex, [64:ff9b::c000:221]')
    expect(hostProblem('[::ffff:1.2.3.400]')).toBe(HOST_RULE)
  })
})

describe('registryProblem', () => {
  // [registry input (trimmed, before normalizing), what the reason must say, or undefined when usable]
  it.each([
    ['docker.io', undefined],
    ['index.docker.io', undefined],
    ['ghcr.io', undefined],
    ['localhost', undefined],
    ['localhost:5000', undefined],
    ['127.0.0.1:5000', undefined],
    ['[::1]:5000', undefined],
    ['[2001:db8::1]', undefined],
    ['myhost:443', undefined],
    ['Registry.Example.COM', undefined],
    ['https://ghcr.io', 'has a scheme; give host[:port] only, e.g. ghcr.io'],
    ['oci+http://ghcr.io', 'has a scheme'],
    ['ghcr.io/org', 'has a path; put the path in the "image" input'],
    ['localhost:0', 'is not valid: port 0 is outside 1-65535; a registry is host[:port]'],
    ['localhost:http', `is not valid: ${HOST_RULE}`],
    ['bad_host.com', `is not valid: ${HOST_RULE}`],
    ['[fe80::1%eth0]:5000', 'is not valid: "%eth0" is an IPv6 zone'],
    ['[::ffff:1.2.3.4]', 'write it in hex, [::ffff:102:304]'],
    // docker reads a bare `myhost/app` as docker.io/myhost/app: the push would go to Docker Hub.
    [
      'myhost',
      'has no "." and no ":port" and is not "localhost", so docker would read "myhost/<image>" as a Docker Hub repository; give the port (e.g. "myhost:443") or the full host name'
    ],
    ['MyHost', 'Docker Hub repository'],
    ['LOCALHOST', 'unless written "localhost" in lowercase'],
    ['', 'is empty']
  ])('%j → %j', (registry, reason) => {
    const problem = words(registryProblem(registry))
    if (reason === undefined) expect(problem).toBeUndefined()
    else expect(problem).toContain(reason)
  })

  it('is undefined exactly where docker reads the registry as the host of "<registry>/app"', () => {
    for (const registry of ['ghcr.io', 'localhost', 'localhost:5000', '[::1]:5000', 'myhost:443', 'a.b'])
      expect(docker.parseNormalizedNamed(`${registry}/app`)?.domain).toBe(registry)
    // v0.6 takes an uppercase first component as a host; dockerd 20.10 does not, so neither do we.
    for (const registry of ['myhost', 'registry'])
      expect(docker.parseNormalizedNamed(`${registry}/app`)?.domain).toBe('docker.io')
  })
})

describe('imageProblem', () => {
  const HUB_HOST = (host: string): string =>
    `starts with a registry host; put ${JSON.stringify(host)} in the "registry" input`
  const OTHER_HOST = (host: string, registry: string): string =>
    `starts with a registry host ${JSON.stringify(host)}, but the registry is ${JSON.stringify(registry)}; ` +
    'give the host in the "registry" input and only the repository path in the "image" input'
  const BAD_PATH = `is not a valid repository path: ${PATH_RULE}`
  const TAG = 'contains a tag; put tags in the "tags" input'
  const path = (n: number): string => `e2e/${'a'.repeat(n - 4)}`

  // [image (trimmed), registry (normalized), the whole reason, or undefined when valid once lowercased]
  const table: [string, string, string | undefined][] = [
    // A dotted first component is a path component under any registry but Docker Hub.
    ['my.project/app', 'ghcr.io', undefined],
    ['my.project/app', '127.0.0.1:5000', undefined],
    ['example.com/proj/app', 'gcr.io', undefined],
    ['example.com/proj/app', 'us-docker.pkg.dev', undefined],
    ['localhost/app', 'ghcr.io', undefined],
    ['a.b.c/d', 'localhost:5000', undefined],
    // The registry's own host again (metadata-action's `images` form pasted into `image`).
    [
      'ghcr.io/octo/app',
      'ghcr.io',
      'starts with the registry\'s host "ghcr.io" (the registry is "ghcr.io"); give only the repository path in the "image" input, e.g. "octo/app"'
    ],
    [
      'GHCR.io/octo/app',
      'ghcr.io',
      'starts with the registry\'s host "GHCR.io" (the registry is "ghcr.io"); give only the repository path in the "image" input, e.g. "octo/app"'
    ],
    [
      'localhost/a',
      'localhost:5000',
      'starts with the registry\'s host "localhost" (the registry is "localhost:5000"); give only the repository path in the "image" input, e.g. "a"'
    ],
    ['ghcr.io', 'ghcr.io', undefined],
    ['octo/ghcr.io', 'ghcr.io', undefined],
    // On Docker Hub, a first component with a "." or ":" or that is "localhost" is a host.
    ['ghcr.io/my/app', 'docker.io', HUB_HOST('ghcr.io')],
    ['my.project/app', 'docker.io', HUB_HOST('my.project')],
    ['localhost/app', 'docker.io', HUB_HOST('localhost')],
    ['LocalHost/app', 'docker.io', HUB_HOST('LocalHost')],
    ['localhost:5000/app', 'docker.io', HUB_HOST('localhost:5000')],
    ['127.0.0.1:5000/my/app', 'docker.io', HUB_HOST('127.0.0.1:5000')],
    ['[::1]:5000/app', 'docker.io', HUB_HOST('[::1]:5000')],
    // An IPv6 address is a host, never a tag.
    ['[2001:db8::1]', 'docker.io', HUB_HOST('[2001:db8::1]')],
    ['[2001:db8::1]:5000', 'docker.io', HUB_HOST('[2001:db8::1]:5000')],
    ['[2001:db8::1]/app', 'ghcr.io', OTHER_HOST('[2001:db8::1]', 'ghcr.io')],
    // host:port before a "/" is a host under any registry: a path has no ":".
    ['localhost:5000/app', 'ghcr.io', OTHER_HOST('localhost:5000', 'ghcr.io')],
    [
      '[fe80::1%eth0]/app',
      'docker.io',
      `starts with "[fe80::1%eth0]", a registry host but not a valid one ("%eth0" is an IPv6 zone, which docker does not accept; ${HOST_RULE}); a registry goes in the "registry" input`
    ],
    [
      'localhost:99999/app',
      'docker.io',
      `starts with "localhost:99999", a registry host but not a valid one (port 99999 is outside 1-65535; ${HOST_RULE}); a registry goes in the "registry" input`
    ],
    [
      'a:b/c',
      'docker.io',
      `starts with "a:b", a registry host but not a valid one (${HOST_RULE}); a registry goes in the "registry" input`
    ],
    // Not a host, not a path component: the path rule, not "starts with a registry host".
    ['..dots/x', 'docker.io', BAD_PATH],
    ['..dots/x', 'ghcr.io', BAD_PATH],
    ['a..b/c', 'docker.io', BAD_PATH],
    ['-a.b/c', 'docker.io', BAD_PATH],
    // Dotted but no valid host (an "_"): docker too takes it as a Docker Hub path.
    ['my_org.x/app', 'docker.io', undefined],
    // A single component is a name, even with a "." (docker.io/library/a.b).
    ['a.b', 'docker.io', undefined],
    ['localhost', 'docker.io', undefined],
    // Tags and digests belong elsewhere.
    ['my/app:v1', 'docker.io', TAG],
    ['my/app:v1', 'ghcr.io', TAG],
    ['localhost:5000', 'docker.io', TAG],
    ['my.project/app:v1', 'ghcr.io', TAG],
    [`nginx@sha256:${hex(64)}`, 'docker.io', 'contains a digest; image is the repository path only'],
    ['nginx@x', 'ghcr.io', 'contains a digest; image is the repository path only'],
    // Paths, judged once lowercased.
    ['nginx', 'docker.io', undefined],
    ['my_org/my-app', 'docker.io', undefined],
    ['a__b/c.d', 'docker.io', undefined],
    ['Octo-Org/My.App', 'docker.io', undefined],
    ['My.Project/App', 'ghcr.io', undefined],
    ['my//app', 'docker.io', BAD_PATH],
    ['my app', 'docker.io', BAD_PATH],
    ['-app', 'docker.io', BAD_PATH],
    ['my/', 'docker.io', BAD_PATH],
    ['/app', 'ghcr.io', BAD_PATH],
    ['a___b', 'ghcr.io', BAD_PATH],
    ['ñ', 'ghcr.io', BAD_PATH],
    ['', 'docker.io', 'is empty; give the repository path, e.g. "my/app"'],
    // The 255 limit is on the path after the host, with Docker Hub's "library/".
    [path(250), '127.0.0.1:5000', undefined],
    [path(255), '127.0.0.1:5000', undefined],
    [path(255), `${'r'.repeat(200)}.example.com:65535`, undefined],
    [path(255), 'docker.io', undefined],
    [
      path(256),
      'ghcr.io',
      `is too long: the repository path is 256 characters long; docker allows a repository path of at most 255 characters`
    ],
    ['a'.repeat(247), 'docker.io', undefined],
    [
      'a'.repeat(248),
      'docker.io',
      `is too long: the repository path is 256 characters long (with the "library/" Docker Hub adds); ${LENGTH_RULE}`
    ],
    ['a'.repeat(250), 'docker.io', 'is too long: the repository path is 258 characters long'],
    ['a'.repeat(255), 'ghcr.io', undefined]
  ]

  it.each(rows(table))('$shown under $where → $why', ({ image, registry, reason }) => {
    const problem = words(imageProblem(image, registry))
    if (reason === undefined) expect(problem).toBeUndefined()
    else if (problem === undefined || problem === reason) expect(problem).toBe(reason)
    else expect(problem.startsWith(reason)).toBe(true)
  })

  it.each(rows(table.filter(([, , reason]) => reason === undefined)))(
    'docker v0.6 reads $shown under $where as that registry and that path',
    ({ image, registry }) => {
      const lower = image.toLowerCase()
      expect(docker.parseNormalizedNamed(repository(registry, lower))).toEqual({
        domain: registry,
        path: remotePath(registry, lower)
      })
    }
  )

  it.each(rows(table.filter(([, , reason]) => reason === BAD_PATH || reason?.startsWith('is too long'))))(
    'docker v0.6 refuses $shown under $where too',
    ({ image, registry }) => {
      expect(docker.parseNormalizedNamed(repository(registry, image.toLowerCase()))).toBeUndefined()
    }
  )
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
    ['mirror.docker.io', 'mirror.docker.io', false],
    // A host name has no case; docker's config keys do: one spelling for the login and the image.
    ['LocalHost:5000', 'localhost:5000', false],
    ['MyReg.AzureCR.io', 'myreg.azurecr.io', false]
  ])('%s → %s (hub=%s)', (input, normalized, hub) => {
    expect(normalizeRegistry(input)).toBe(normalized)
    expect(isDockerHub(input)).toBe(hub)
  })

  it('exports docker.io as the hub name', () => {
    expect(DOCKER_HUB).toBe('docker.io')
  })
})

describe('loginServerHost: a server address as docker login takes it', () => {
  it.each([
    ['https://index.docker.io/v1/', 'index.docker.io'],
    ['https://ghcr.io', 'ghcr.io'],
    ['HTTP://localhost:5000/v2/', 'localhost:5000'],
    ['https://ghcr.io/octo', 'ghcr.io'],
    ['index.docker.io/v1/', 'index.docker.io'],
    ['ghcr.io/v2', 'ghcr.io'],
    ['ghcr.io/', 'ghcr.io'],
    ['ghcr.io', 'ghcr.io'],
    ['', ''],
    // A path that is not the API's stays, for registryProblem to refuse.
    ['ghcr.io/octo', 'ghcr.io/octo'],
    ['ftp://ghcr.io', 'ftp://ghcr.io']
  ])('%j → %j', (address, host) => {
    expect(loginServerHost(address)).toBe(host)
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
    ['gcr.io', 'example.com/proj/app', 'example.com/proj/app', 'gcr.io/example.com/proj/app'],
    ['localhost:5000', 'nginx', 'nginx', 'localhost:5000/nginx'],
    ['[::1]:5000', 'my/app', 'my/app', '[::1]:5000/my/app']
  ])('%s + %s → %s, %s', (registry, path, remote, repo) => {
    expect(remotePath(registry, path)).toBe(remote)
    expect(repository(registry, path)).toBe(repo)
  })
})

describe('nameLengthProblem: the repository path alone, as docker v0.6 counts it', () => {
  // [registry, path, the length docker counts]; the host never counts, Docker Hub's "library/" does.
  it.each([
    ['ghcr.io', 'a'.repeat(255), 255],
    ['ghcr.io', 'a'.repeat(256), 256],
    ['127.0.0.1:5000', `e2e/${'a'.repeat(246)}`, 250],
    [`${'r'.repeat(240)}.io`, 'a'.repeat(255), 255],
    ['docker.io', 'a'.repeat(247), 255],
    ['docker.io', 'a'.repeat(248), 256],
    ['docker.io', `my/${'a'.repeat(252)}`, 255],
    ['docker.io', `my/${'a'.repeat(253)}`, 256],
    ['docker.io', 'my/app', 6]
  ])('%s + path %# → %d characters counted', (registry, path, length) => {
    const problem = nameLengthProblem(registry, path)
    if (length <= 255) expect(problem).toBeUndefined()
    else expect(problem).toContain(`the repository path is ${length} characters long`)
    expect(problem === undefined).toBe(docker.parseNormalizedNamed(repository(registry, path)) !== undefined)
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
