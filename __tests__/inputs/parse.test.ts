import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  actionTerm,
  buildxOnlyInputs,
  checkBuilder,
  defaultInputs,
  InputError,
  isRemoteContext,
  parseInputs,
  splitLines,
  renderInputRefs,
  splitList,
  type Inputs
} from '../../src/inputs/parse.js'
import { cliTerm } from '../../src/cli/main.js'
import { loadRegistryAuthParser } from '../../src/inputs/registry-auth.js'

let cwd: string
let bare: string

beforeAll(async () => {
  await loadRegistryAuthParser()
  cwd = mkdtempSync(path.join(tmpdir(), 'btp-inputs-'))
  writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
  mkdirSync(path.join(cwd, 'empty'))
  mkdirSync(path.join(cwd, 'docker'))
  writeFileSync(path.join(cwd, 'docker', 'Dockerfile.prod'), 'FROM scratch\n')
  mkdirSync(path.join(cwd, 'app'))
  writeFileSync(path.join(cwd, 'app', 'Dockerfile'), 'FROM scratch\n')
  bare = mkdtempSync(path.join(tmpdir(), 'btp-inputs-bare-'))
})

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true })
  rmSync(bare, { recursive: true, force: true })
})

const source =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? ''

const parse = (values: Record<string, string>, dir = cwd) =>
  parseInputs(source({ image: 'my/app', ...values }), dir)
const inputs = (values: Record<string, string>, dir = cwd): Inputs => parse(values, dir).inputs

/** Runs parseInputs expecting an InputError and returns it. */
function failure(values: Record<string, string>, dir = cwd): InputError {
  try {
    parse(values, dir)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error(`expected an InputError for ${JSON.stringify(values)}`)
}

describe('parseInputs defaults', () => {
  it('fills every default from an image alone', () => {
    const { inputs: i, notices } = parse({})
    expect(i).toMatchObject({
      context: '.',
      remoteContext: false,
      file: '',
      image: 'my/app',
      registry: 'docker.io',
      tags: [],
      buildArgs: [],
      labels: [],
      target: '',
      push: true,
      noCache: false,
      pull: false,
      username: '',
      password: '',
      retries: 3,
      platforms: [],
      cacheFrom: [],
      cacheTo: [],
      provenance: '',
      sbom: '',
      secrets: [],
      builder: ''
    })
    expect(notices).toEqual([])
  })

  it('lowercases the image and says so', () => {
    const { inputs: i, notices } = parse({ image: 'Octo-Org/My.App' })
    expect(i.image).toBe('octo-org/my.app')
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain('Octo-Org/My.App')
    expect(notices[0]).toContain('octo-org/my.app')
  })

  it('trims the image', () => {
    expect(inputs({ image: '  my/app  ' }).image).toBe('my/app')
  })
})

// [case, values, input named, text the message must contain]
const bad: [string, Record<string, string>, string, string][] = [
  ['empty image', { image: '' }, 'image', 'required'],
  ['blank image', { image: '   ' }, 'image', 'required'],
  ['image with tag', { image: 'my/app:v1' }, 'image', '"tags"'],
  ['image with digest', { image: `nginx@sha256:${'a'.repeat(64)}` }, 'image', 'digest'],
  ['image with host', { image: 'ghcr.io/my/app' }, 'image', '"registry"'],
  ['image with host:port', { image: 'localhost:5000/app' }, 'image', '"registry"'],
  ['image with localhost', { image: 'localhost/app' }, 'image', '"registry"'],
  ['image with empty component', { image: 'my//app' }, 'image', 'not a valid repository path'],
  ['image with space', { image: 'my app' }, 'image', 'not a valid repository path'],
  ['image with leading dash', { image: '-app' }, 'image', 'not a valid repository path'],
  ['image with trailing slash', { image: 'my/' }, 'image', 'not a valid repository path'],
  ['image too long', { image: 'a'.repeat(250) }, 'image', '255'],
  ['registry with scheme', { registry: 'https://ghcr.io' }, 'registry', 'scheme'],
  ['registry with path', { registry: 'ghcr.io/org' }, 'registry', 'path'],
  ['registry port 0', { registry: 'localhost:0' }, 'registry', 'port 1-65535'],
  ['registry port 65536', { registry: 'localhost:65536' }, 'registry', 'port 1-65535'],
  ['registry non-numeric port', { registry: 'localhost:http' }, 'registry', 'host[:port]'],
  ['registry empty port', { registry: 'ghcr.io:' }, 'registry', 'host[:port]'],
  ['registry underscore', { registry: 'bad_host.com' }, 'registry', 'host[:port]'],
  ['registry leading dash', { registry: '-bad.com' }, 'registry', 'host[:port]'],
  ['tag with leading dash', { tags: '-x' }, 'tags', '"-x"'],
  ['tag with leading dot', { tags: '.x' }, 'tags', '".x"'],
  ['tag of 129 chars', { tags: 'a'.repeat(129) }, 'tags', '1-128'],
  ['tag with space', { tags: 'a b' }, 'tags', '"a b"'],
  ['tag with command substitution', { tags: '$(touch /tmp/x)' }, 'tags', 'touch'],
  ['tag with semicolon', { tags: 'a;b' }, 'tags', '"a;b"'],
  ['tag line with a command', { tags: 'v1\nrm -rf' }, 'tags', '"rm -rf"'],
  ['full reference in tags beside image', { tags: 'my/app:v1' }, 'tags', 'name their own registry and image'],
  ['tag with digest', { tags: 'v1@sha256:abc' }, 'tags', 'has a digest'],
  ['tag with unicode', { tags: 'vé' }, 'tags', 'not a valid tag'],
  ['push yes', { push: 'yes' }, 'push', 'boolean'],
  ['push 1', { push: '1' }, 'push', 'boolean'],
  ['push ture', { push: 'ture' }, 'push', 'boolean'],
  ['no-cache on', { 'no-cache': 'on' }, 'no-cache', 'boolean'],
  ['pull no', { pull: 'no' }, 'pull', 'boolean'],
  ['pull tRUE', { pull: 'tRUE' }, 'pull', 'boolean'],
  ['build-arg without = that is no name', { 'build-args': 'NO-EQUALS' }, 'build-args', 'entry 1'],
  ['build-arg with empty key', { 'build-args': 'A=1\n=x' }, 'build-args', 'entry 2'],
  ['build-arg key with space', { 'build-args': 'MY KEY=x' }, 'build-args', 'whitespace'],
  ['label without =', { labels: 'a=1\nb=2\nc' }, 'labels', 'entry 3'],
  ['label with empty key', { labels: '=v' }, 'labels', 'empty key'],
  ['missing context dir', { context: 'nope' }, 'context', 'not a directory'],
  ['context is a file', { context: 'Dockerfile' }, 'context', 'not a directory'],
  ['context without Dockerfile', { context: 'empty' }, 'file', 'no Dockerfile'],
  ['missing explicit file', { file: 'Dockerfile.missing' }, 'file', 'does not exist'],
  [
    'file relative to context, not cwd',
    { context: 'docker', file: 'Dockerfile.prod' },
    'file',
    'does not exist'
  ],
  ['username without password', { username: 'u' }, 'password', 'together'],
  ['password without username', { password: 'p' }, 'username', 'together'],
  ['retries 0', { retries: '0' }, 'retries', '1 to 10'],
  ['retries 11', { retries: '11' }, 'retries', '1 to 10'],
  ['retries x', { retries: 'x' }, 'retries', '1 to 10'],
  ['retries -1', { retries: '-1' }, 'retries', '1 to 10'],
  ['retries 1.5', { retries: '1.5' }, 'retries', '1 to 10'],
  ['target -x', { target: '-x' }, 'target', 'not a valid name'],
  ['target with space', { target: 'a b' }, 'target', 'not a valid name'],
  ['builder -x', { builder: '--x' }, 'builder', 'not a valid name'],
  ['platform neither an OS nor an architecture', { platforms: 'amd65' }, 'platforms', 'os/arch'],
  ['platform with a flag', { platforms: 'linux/amd64 --push' }, 'platforms', 'os/arch'],
  ['secret with empty id', { secrets: '=v' }, 'secrets', 'entry 1'],
  ['secret without =', { secrets: 'a=1\ntoken' }, 'secrets', 'entry 2'],
  ['secret id with space', { secrets: 'my id=v' }, 'secrets', 'id=value'],
  [
    'a PEM key in secrets points to secret-files',
    { secrets: 'key=-----BEGIN KEY-----\nMIIabc\n-----END KEY-----' },
    'secrets',
    'entry 2 must be id=value'
  ],
  ['secret-files without =', { 'secret-files': 'key' }, 'secret-files', 'id=path'],
  [
    'secret-files naming a missing file',
    { 'secret-files': 'key=/nonexistent/key.pem' },
    'secret-files',
    'is not a file'
  ],
  ['secret id with a quote', { secrets: 'a"b=v' }, 'secrets', 'id=value'],
  ['secret-files id with a space', { 'secret-files': 'my key=Dockerfile' }, 'secret-files', 'id=path'],
  ["metadata-action's context: git", { context: 'git' }, 'context', "metadata-action's context"],
  ["metadata-action's context: workflow", { context: 'workflow' }, 'context', 'no such directory'],
  ['provenance flag', { provenance: '--x' }, 'provenance', 'attestation'],
  ['provenance with space', { provenance: 'mode=max extra' }, 'provenance', 'attestation'],
  ['sbom flag', { sbom: '-x' }, 'sbom', 'attestation'],
  // What buildx refuses only once the build has started ("invalid value 1"), without naming the input.
  [
    'provenance with a boolean among attributes',
    { provenance: '1,mode=max' },
    'provenance',
    '"1" is no key=value'
  ],
  ['provenance that is a YAML 1.1 word', { provenance: 'yes' }, 'provenance', '"yes" is no key=value'],
  ['provenance with an empty field', { provenance: 'mode=max,' }, 'provenance', 'is no key=value'],
  [
    'sbom disabled by a word Go does not read',
    { sbom: 'disabled=yes' },
    'sbom',
    'disabled="yes" is no boolean'
  ],
  ['sbom that is a YAML 1.1 word', { sbom: 'on' }, 'sbom', '"on" is no key=value'],
  ['cache-from flag', { 'cache-from': '--x' }, 'cache-from', 'cache spec'],
  ['cache-from without type', { 'cache-from': 'ref=x' }, 'cache-from', 'cache spec'],
  ['cache-to flag', { 'cache-to': '-type=gha' }, 'cache-to', 'cache spec'],
  [
    'a push by digest to a tagged name',
    { outputs: 'type=image,name=localhost:5000/a:v1,push-by-digest=true,push=true' },
    'outputs',
    'has a tag or digest'
  ],
  ['cache-to shorthand beside key=value', { 'cache-to': 'user/app:cache,mode=max' }, 'cache-to', 'cache spec']
]

describe('parseInputs rejects bad inputs, naming the input', () => {
  it('has at least 20 distinct bad inputs', () => {
    expect(bad.length).toBeGreaterThanOrEqual(20)
  })

  it.each(bad)('%s', (_name, values, input, text) => {
    const err = failure(values)
    expect(err.input).toBe(input)
    expect(err.name).toBe('InputError')
    expect(err.message).toContain(`Invalid input "${input}"`)
    expect(err.message).toContain(text)
  })
})

describe('image and registry', () => {
  it.each([
    ['', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['ghcr.io', 'ghcr.io'],
    [' localhost:5000 ', 'localhost:5000'],
    ['[::1]:5000', '[::1]:5000'],
    ['my-registry.local:443', 'my-registry.local:443']
  ])('registry %j → %s', (registry, expected) => {
    expect(inputs({ registry }).registry).toBe(expected)
  })

  it.each(['nginx', 'my/app', 'a/b/c', 'my_org/my-app', 'a__b/c.d'])('image %s is kept', image => {
    expect(inputs({ image }).image).toBe(image)
  })
})

describe('tags', () => {
  it.each([
    ['v1', ['v1']],
    ['v1,v2', ['v1', 'v2']],
    ['v1\nv2', ['v1', 'v2']],
    ['v1\r\nv2', ['v1', 'v2']],
    [' v1 , v2 \n\n v3 ,', ['v1', 'v2', 'v3']],
    ['v1\nv1,v2,v1', ['v1', 'v2']],
    ['V1,Latest', ['V1', 'Latest']],
    ['_x', ['_x']],
    ['a'.repeat(128), ['a'.repeat(128)]],
    ['', []]
  ])('%j → %j', (tags, expected) => {
    expect(inputs({ tags }).tags).toEqual(expected)
  })
})

describe('booleans', () => {
  const fields: [string, keyof Inputs, boolean][] = [
    ['push', 'push', true],
    ['no-cache', 'noCache', false],
    ['pull', 'pull', false]
  ]
  const values: [string, boolean][] = [
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' true ', true],
    ['false', false],
    ['False', false],
    ['FALSE', false]
  ]
  it.each(fields.flatMap(([name, key]) => values.map(([raw, value]) => [name, key, raw, value] as const)))(
    '%s=%j → %s',
    (name, key, raw, value) => {
      expect(inputs({ [name]: raw })[key]).toBe(value)
    }
  )

  it.each(fields)('%s defaults to %s', (_name, key, fallback) => {
    expect(inputs({})[key]).toBe(fallback)
  })
})

// login-action's `logout: false` leaves the login after the job, so the job's later steps have it: here that
// is keep-login. Its `logout: true` (the default) only says the login is gone when the job ends.
describe("logout (login-action's) and keep-login", () => {
  const login = { registry: 'ghcr.io', username: 'u', password: 'p' }
  it.each([
    [{}, false],
    [{ logout: 'false' }, true],
    [{ logout: 'False' }, true],
    [{ logout: 'true' }, false],
    [{ logout: 'true', 'keep-login': 'true' }, true],
    [{ logout: 'false', 'keep-login': 'true' }, true],
    [{ logout: 'true', 'keep-login': 'false' }, false],
    [{ 'keep-login': 'true' }, true]
  ])('%j keeps the login: %s', (values, kept) => {
    const i = inputs({ ...login, ...values })
    expect(i.keepLogin).toBe(kept)
  })

  it('logout: false beside keep-login: false given outright is an input error naming both', () => {
    const err = failure({ ...login, logout: 'false', 'keep-login': 'false' })
    expect([err.input, err.message]).toEqual([
      'logout',
      'Invalid input "logout": false keeps the logins for the job\'s later steps and the "keep-login" input false drops them after this step: leave one of the two out'
    ])
  })

  it('logout takes a boolean, as login-action reads it', () => {
    const err = failure({ ...login, logout: 'no' })
    expect([err.input, err.message]).toEqual(['logout', expect.stringContaining('"no" is not a boolean')])
  })
})

describe('build-args and labels', () => {
  it.each(['build-args', 'labels'] as const)(
    '%s keeps values with commas and "=" whole, one per line',
    name => {
      const key = name === 'build-args' ? 'buildArgs' : 'labels'
      const raw = 'A=1,2,3\nB=x=y==\r\n\n  C=with spaces inside  \nD='
      expect(inputs({ [name]: raw })[key]).toEqual(['A=1,2,3', 'B=x=y==', 'C=with spaces inside', 'D='])
    }
  )

  const SECRET = 'hunter2-s3cr3t-value'
  it.each([
    ['build-args', `=${SECRET}`],
    ['build-args', `A=1\n=${SECRET}`],
    ['build-args', `ghp_${SECRET}`],
    ['build-args', `MY KEY=${SECRET}`],
    ['labels', `=${SECRET}`],
    ['labels', `${SECRET}`],
    ['labels', `A B=${SECRET}`]
  ])('%s error for %j never echoes the value', (name, raw) => {
    const err = failure({ [name]: raw })
    expect(err.input).toBe(name)
    expect(err.message).not.toContain(SECRET)
  })

  it.each(['build-args', 'labels'] as const)(
    '%s: a key padded with spaces never reaches docker padded',
    name => {
      // docker splits "--build-arg=KEY =v" at "=" and would get the key "KEY ", which matches no ARG.
      const key = name === 'build-args' ? 'buildArgs' : 'labels'
      let lines: string[] | undefined
      try {
        lines = inputs({ [name]: 'KEY =value' })[key]
      } catch (err) {
        expect((err as InputError).input).toBe(name)
      }
      if (lines) for (const line of lines) expect(line.slice(0, line.indexOf('='))).toBe('KEY')
    }
  )
})

describe('context and file', () => {
  it.each([
    [{}, '.', ''],
    [{ context: 'app' }, 'app', ''],
    [{ context: './app/' }, './app/', ''],
    [{ file: 'docker/Dockerfile.prod' }, '.', 'docker/Dockerfile.prod'],
    // `file` is resolved against the working directory, like `docker build -f`.
    [{ context: 'empty', file: 'docker/Dockerfile.prod' }, 'empty', 'docker/Dockerfile.prod']
  ])('%j → context %s, file %j', (values, context, file) => {
    const i = inputs(values)
    expect(i.context).toBe(context)
    expect(i.file).toBe(file)
    expect(i.remoteContext).toBe(false)
  })

  it('accepts an absolute context and file', () => {
    const i = inputs(
      { context: path.join(cwd, 'empty'), file: path.join(cwd, 'docker', 'Dockerfile.prod') },
      bare
    )
    expect(i.context).toBe(path.join(cwd, 'empty'))
  })

  // docker build (the CLI's getDockerfileRelPath) and BuildKit's dockerui fall back to a lowercase name.
  it('takes a context whose only Dockerfile is the lowercase dockerfile, as docker does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'btp-inputs-lower-'))
    try {
      writeFileSync(path.join(dir, 'dockerfile'), 'FROM scratch\n')
      expect(inputs({}, dir).file).toBe('')
      mkdirSync(path.join(dir, 'sub'))
      writeFileSync(path.join(dir, 'sub', 'dockerfile'), 'FROM scratch\n')
      expect(inputs({ context: 'sub' }, dir).context).toBe('sub')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('fails in a directory without a Dockerfile', () => {
    mkdirSync(path.join(bare, 'src'), { recursive: true })
    try {
      expect(failure({}, bare).input).toBe('file')
    } finally {
      rmSync(path.join(bare, 'src'), { recursive: true })
    }
  })

  // An empty workspace with `context` left at `.`: no checkout ran.
  it('in an empty workspace says to check out or to use {{defaultContext}}', () => {
    const err = failure({}, bare)
    expect(err.input).toBe('context')
    expect(err.message).toMatch(/actions\/checkout.*\{\{defaultContext\}\}/)
    // The CLI run in a directory without a Dockerfile: no workflow advice.
    expect(renderInputRefs(err.template, cliTerm)).toBe(
      `no Dockerfile in ${JSON.stringify(bare)}: run it where your Dockerfile is, or pass --context DIR`
    )
    // A context named on purpose keeps the plain rule.
    expect(failure({ context: bare }, bare).input).toBe('file')
  })

  it.each([
    'https://github.com/a/b.git#main:sub',
    'git://127.0.0.1/x',
    'git@github.com:a/b.git',
    'https://example.com/context.tar.gz'
  ])('remote context %s skips the existence checks', context => {
    const i = inputs({ context, file: 'does/not/exist' }, bare)
    expect(i.remoteContext).toBe(true)
    expect(i.context).toBe(context)
    expect(i.file).toBe('does/not/exist')
  })
})

describe('the rest', () => {
  it('accepts username and password together', () => {
    const i = inputs({ username: ' u ', password: 'p w' })
    expect(i.username).toBe('u')
    expect(i.password).toBe('p w')
  })

  it('trims the password as docker trims it, with a notice; a multi-line password keeps its inner lines', () => {
    for (const raw of [' abc ', 'abc\n', 'abc\r\n']) {
      const { inputs: i, notices } = parse({ username: 'u', password: raw })
      expect(i.password).toBe('abc')
      expect(notices.join('\n')).toContain('trimmed')
    }
    const key = '{\n  "type": "service_account"\n}\n'
    expect(inputs({ username: '_json_key', password: key }).password).toBe(key.trim())
  })

  it('a password of only whitespace is no password: the username then has no partner', () => {
    expect(failure({ username: 'u', password: '   ' }).input).toBe('password')
  })

  it('a multi-line secret in secrets is told where it goes instead', () => {
    expect(failure({ secrets: 'key=a\nb' }).message).toContain('"secret-files" and "secret-envs" inputs')
  })

  it('takes secret-files that exist and secret-envs that are set', () => {
    process.env.BTP_TEST_SECRET_ENV = 'x'
    const i = inputs({ 'secret-files': 'key=Dockerfile', 'secret-envs': 'tok = BTP_TEST_SECRET_ENV' })
    expect(i.secretFiles).toEqual(['key=Dockerfile'])
    expect(i.secretEnvs).toEqual(['tok=BTP_TEST_SECRET_ENV'])
  })

  it('keeps a secret value as given, surrounding whitespace included (build-push-action 7.3)', () => {
    expect(inputs({ secrets: 'tok=  s3cret  ' }).secrets).toEqual(['tok=  s3cret  '])
    expect(inputs({ secrets: '"PEM=-----BEGIN-----\nabc\n-----END-----\n"\nb=1\t' }).secrets).toEqual([
      'PEM=-----BEGIN-----\nabc\n-----END-----\n',
      'b=1\t'
    ])
  })

  it.each([
    ['1', 1],
    ['10', 10],
    [' 5 ', 5],
    ['', 3]
  ])('retries %j → %d', (retries, n) => {
    expect(inputs({ retries }).retries).toBe(n)
  })

  it.each([
    [{ target: 'build-stage' }, 'target', 'build-stage'],
    [{ target: ' prod ' }, 'target', 'prod'],
    [{ builder: 'my_builder.1' }, 'builder', 'my_builder.1'],
    [{ platforms: 'linux/amd64,linux/arm64' }, 'platforms', ['linux/amd64', 'linux/arm64']],
    [{ platforms: 'linux/amd64\nlinux/arm/v7' }, 'platforms', ['linux/amd64', 'linux/arm/v7']],
    [{ secrets: 'id=value' }, 'secrets', ['id=value']],
    [{ secrets: 'GITHUB_TOKEN=a,b=c\nnpm.rc=x' }, 'secrets', ['GITHUB_TOKEN=a,b=c', 'npm.rc=x']],
    [{ provenance: 'mode=max' }, 'provenance', 'mode=max'],
    [{ provenance: 'false' }, 'provenance', 'false'],
    [{ sbom: 'true' }, 'sbom', 'true'],
    [{ provenance: '1' }, 'provenance', '1'],
    [{ sbom: 'f' }, 'sbom', 'f'],
    [{ provenance: 'mode=max,disabled=False' }, 'provenance', 'mode=max,disabled=False'],
    [{ 'cache-from': 'type=gha' }, 'cacheFrom', ['type=gha']],
    [
      { 'cache-from': 'type=registry,ref=ghcr.io/a/b:cache\nghcr.io/a/b:c2' },
      'cacheFrom',
      ['type=registry,ref=ghcr.io/a/b:cache', 'ghcr.io/a/b:c2']
    ],
    [{ 'cache-to': 'type=gha,mode=max' }, 'cacheTo', ['type=gha,mode=max']],
    // buildx's shorthand: registry references, no `=` (docker/build-flags.ts's cacheEntries spells it out)
    [{ 'cache-to': 'user/app:cache' }, 'cacheTo', ['user/app:cache']],
    [{ 'cache-from': 'host:5000/a:c1,host:5000/b:c2' }, 'cacheFrom', ['host:5000/a:c1,host:5000/b:c2']]
  ] as [Record<string, string>, keyof Inputs, unknown][])('%j → %s', (values, key, expected) => {
    expect(inputs(values)[key]).toEqual(expected)
  })

  it('never echoes a secret value in a secrets error', () => {
    const err = failure({ secrets: 'ok=1\nbad id=hunter2-secret' })
    expect(err.input).toBe('secrets')
    expect(err.message).not.toContain('hunter2-secret')
  })
})

describe("empty secrets, as build-push-action's parseSecretKvp leaves them out", () => {
  const warned = (values: Record<string, string>): { kept: Partial<Inputs>; warnings: string[] } => {
    const { inputs: i, warnings } = parse(values)
    return { kept: { secrets: i.secrets, secretFiles: i.secretFiles, secretEnvs: i.secretEnvs }, warnings }
  }

  it.each([
    [
      'secrets tok= alone',
      { secrets: 'tok=' },
      { secrets: [] },
      ['"secrets" input: "tok" has an empty value']
    ],
    [
      'secrets tok= among others',
      { secrets: 'a=1\ntok=\nb=2' },
      { secrets: ['a=1', 'b=2'] },
      ['"secrets" input: "tok" has an empty value']
    ],
    // Only an empty value: whitespace is a value, kept as given (build-push-action 7.3).
    ['secrets tok=<space>', { secrets: 'tok= ' }, { secrets: ['tok= '] }, []],
    [
      'secret-files key=',
      { 'secret-files': 'key=' },
      { secretFiles: [] },
      ['"secret-files" input: "key" names no file']
    ],
    [
      'secret-envs tok=',
      { 'secret-envs': 'tok=,b=BTP_TEST_SET' },
      { secretEnvs: ['b=BTP_TEST_SET'] },
      ['"secret-envs" input: "tok" names no variable']
    ],
    // build-push-action passes id=tok,env=NAME whatever NAME holds; BuildKit reads an unset one as empty.
    [
      'secret-envs naming an unset variable',
      { 'secret-envs': 'tok=BTP_SURELY_UNSET_VARIABLE' },
      { secretEnvs: ['tok=BTP_SURELY_UNSET_VARIABLE'] },
      [
        '"secret-envs" input: "tok": the variable BTP_SURELY_UNSET_VARIABLE is not set, so the build gets the secret empty'
      ]
    ],
    [
      'secret-envs naming an empty variable',
      { 'secret-envs': 'tok=BTP_TEST_EMPTY' },
      { secretEnvs: ['tok=BTP_TEST_EMPTY'] },
      ['"secret-envs" input: "tok": the variable BTP_TEST_EMPTY is empty, so the build gets the secret empty']
    ],
    [
      'secret-envs naming a set variable',
      { 'secret-envs': 'tok=BTP_TEST_SET' },
      { secretEnvs: ['tok=BTP_TEST_SET'] },
      []
    ]
  ] as [string, Record<string, string>, Partial<Inputs>, string[]][])(
    '%s',
    (_name, values, kept, warnings) => {
      process.env.BTP_TEST_SET = 'x'
      process.env.BTP_TEST_EMPTY = ''
      try {
        const got = warned(values)
        expect(got.kept).toMatchObject(kept)
        expect(got.warnings).toHaveLength(warnings.length)
        got.warnings.forEach((w, i) => expect(renderInputRefs(w, actionTerm)).toContain(warnings[i]))
      } finally {
        delete process.env.BTP_TEST_SET
        delete process.env.BTP_TEST_EMPTY
      }
    }
  )

  it('an empty secret is a warning, not a notice, and never an error', () => {
    const { notices, warnings } = parse({ secrets: 'tok=' })
    expect(notices).toEqual([])
    expect(warnings).toHaveLength(1)
  })
})

describe('secret ids as buildx and BuildKit take them', () => {
  it.each([
    // BuildKit's own ids for a git host with a port, and what our git-context.ts builds.
    ['GIT_AUTH_TOKEN.git.example.com:8443=abc', ['GIT_AUTH_TOKEN.git.example.com:8443=abc']],
    ['GIT_AUTH_HEADER.example.com:8443=basic x', ['GIT_AUTH_HEADER.example.com:8443=basic x']],
    ['npm/token=abc', ['npm/token=abc']],
    ['ÄPI@key+1=abc', ['ÄPI@key+1=abc']]
  ])('secrets %j', (line, expected) => {
    expect(inputs({ secrets: line }).secrets).toEqual(expected)
  })

  it('secret-files and secret-envs take the same ids', () => {
    process.env.BTP_TEST_SET = 'x'
    try {
      const i = inputs({
        'secret-files': 'GIT_AUTH_TOKEN.host:8443=Dockerfile',
        'secret-envs': 'GIT_AUTH_TOKEN.host:8443=BTP_TEST_SET'
      })
      expect(i.secretFiles).toEqual(['GIT_AUTH_TOKEN.host:8443=Dockerfile'])
      expect(i.secretEnvs).toEqual(['GIT_AUTH_TOKEN.host:8443=BTP_TEST_SET'])
    } finally {
      delete process.env.BTP_TEST_SET
    }
  })
})

describe('buildxOnlyInputs', () => {
  it('is empty for defaults', () => {
    expect(buildxOnlyInputs(inputs({}))).toEqual([])
  })

  it.each([
    [{ platforms: 'linux/amd64' }, ['platforms']],
    [{ 'cache-from': 'type=gha' }, ['cache-from']],
    [{ 'cache-to': 'type=gha' }, ['cache-to']],
    [{ provenance: 'false' }, ['provenance']],
    [{ sbom: 'true' }, ['sbom']],
    [{ secrets: 'a=b' }, ['secrets']],
    [{ builder: 'b' }, ['builder']],
    [{ platforms: 'linux/amd64', builder: 'b', sbom: 'true' }, ['platforms', 'sbom', 'builder']],
    [{ target: 'x', pull: 'true', 'no-cache': 'true', 'build-args': 'A=1', labels: 'l=1' }, []]
  ])('%j → %j', (values, expected) => {
    expect(buildxOnlyInputs(inputs(values))).toEqual(expected)
  })
})

describe('isRemoteContext', () => {
  it.each([
    ['.', false],
    ['app', false],
    ['./https', false],
    ['/abs/path', false],
    ['git/repo', false],
    ['https://github.com/a/b.git#main:sub', true],
    ['https://github.com/a/b.git', true],
    ['http://example.com/context.tar.gz', true],
    ['https://example.com/Dockerfile', true],
    ['git://127.0.0.1/x', true],
    ['git@github.com:a/b.git', true],
    ['github.com/a/b', true],
    // buildx fetches ssh:// contexts (the classic builder looks on disk: checkBuilder refuses them there)
    ['ssh://git@host/x.git', true]
  ])('%s → %s', (context, remote) => {
    expect(isRemoteContext(context)).toBe(remote)
  })
})

describe('splitList', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a', 'b']],
    ['a\nb', ['a', 'b']],
    [' a ,\n b ,, \n', ['a', 'b']],
    ['a,a,b,a', ['a', 'b']],
    ['a\r\nb', ['a', 'b']],
    [',,,', []]
  ])('%j → %j', (raw, expected) => {
    expect(splitList(raw)).toEqual(expected)
  })
})

describe('splitLines', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a,b', ['a,b']],
    ['a\nb', ['a', 'b']],
    ['a\r\nb\r\n', ['a', 'b']],
    ['  a=1  \n\n  \nb', ['a=1', 'b']],
    ['a\na', ['a', 'a']]
  ])('%j → %j', (raw, expected) => {
    expect(splitLines(raw)).toEqual(expected)
  })
})

describe('tags: rules, full references, flavor and separators', () => {
  const noImage = (values: Record<string, string>) => parseInputs(source(values), cwd)

  it('keeps rules apart from bare tags', () => {
    const i = inputs({ tags: 'type=ref,event=branch\nv1,v2\ntype=sha' })
    expect(i.tags).toEqual(['v1', 'v2'])
    expect(i.tagRules.map(r => r.type)).toEqual(['ref', 'sha'])
    expect(i.tagRefs).toEqual([])
  })

  it('full references stand in for image and registry', () => {
    const { inputs: i } = noImage({ tags: 'ghcr.io/octo/app:1.0\nghcr.io/octo/app:latest' })
    expect(i).toMatchObject({ registry: 'ghcr.io', image: 'octo/app', tags: ['1.0', 'latest'] })
    expect(i.tagRefs).toEqual([{ registry: 'ghcr.io', image: 'octo/app', tags: ['1.0', 'latest'] }])
  })

  it('full references to several images are several targets, each with its own tags', () => {
    const { inputs: i } = noImage({ tags: 'ghcr.io/octo/app:1\ndocker.io/octo/app:1' })
    expect(i.targets).toEqual([
      { registry: 'ghcr.io', image: 'octo/app', tags: ['1'] },
      { registry: 'docker.io', image: 'octo/app', tags: ['1'] }
    ])
    expect([i.registry, i.image, i.tags]).toEqual(['ghcr.io', 'octo/app', ['1']])
  })

  it('full references give each image exactly the tags named for it (build-push-action pushes them as given)', () => {
    const { inputs: i } = noImage({
      tags: 'ghcr.io/octo/app:1,ghcr.io/octo/app:latest\ndocker.io/octo/app:1\nghcr.io/octo/tool:edge'
    })
    expect(i.targets).toEqual([
      { registry: 'ghcr.io', image: 'octo/app', tags: ['1', 'latest'] },
      { registry: 'docker.io', image: 'octo/app', tags: ['1'] },
      { registry: 'ghcr.io', image: 'octo/tool', tags: ['edge'] }
    ])
  })

  it("login-action's registry beside build-push-action's full references to it: the registry they log in to", () => {
    const { inputs: i } = noImage({
      registry: 'ghcr.io',
      username: 'octo',
      password: 'pw',
      tags: 'ghcr.io/octo/app:1\nghcr.io/octo/app:latest'
    })
    expect(i.targets).toEqual([{ registry: 'ghcr.io', image: 'octo/app', tags: ['1', 'latest'] }])
    expect(i.logins).toEqual([{ registry: 'ghcr.io', username: 'octo', password: 'pw' }])
  })

  it('without image, images or full references, a run that pushes needs image (the rest: targets.test.ts)', () => {
    expect(() => noImage({ tags: 'type=sha' })).toThrow(/Invalid input "image": is required.*full references/)
  })

  it.each([
    [
      { image: 'octo/app', tags: 'ghcr.io/octo/app:1' },
      'tags',
      /name their own registry and image: leave the "image" input empty \(the "registry" input may stay if they all go to the registry it names\), or give bare tags \(e.g. "1"\) with the "image" input$/
    ],
    [
      { registry: 'ghcr.io', tags: 'ghcr.io/octo/app:1\ndocker.io/octo/app:1' },
      'tags',
      /"docker.io\/octo\/app:1", which go to "docker.io", not to "ghcr.io" as the "registry" input says/
    ],
    [{ registry: 'quay.io', tags: 'ghcr.io/octo/app:1' }, 'tags', /leave the "registry" input empty/],
    [
      { images: 'ghcr.io/octo/app', tags: 'ghcr.io/octo/app:1' },
      'tags',
      /name their own registry and image: leave the "images" input empty \(.*\), or give bare tags \(e.g. "1"\) with the "images" input$/
    ],
    [{ image: 'my/app', tags: 'type=raw,value=x,enable=maybe' }, 'tags', /enable must be true or false/],
    [{ image: 'my/app', flavor: 'latest=sometimes' }, 'flavor', /latest "sometimes"/]
  ])('%j → an InputError on %s', (values: Record<string, string>, input, message) => {
    let error: unknown
    try {
      noImage(values)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe(input)
    expect((error as InputError).message).toMatch(message)
  })

  it('a bad DOCKER_METADATA_* variable is an input error naming it', () => {
    process.env.DOCKER_METADATA_SHORT_SHA_LENGTH = 'x'
    try {
      expect(() => parse({})).toThrow(
        /Invalid input "DOCKER_METADATA_SHORT_SHA_LENGTH": \(an environment variable\)/
      )
    } finally {
      delete process.env.DOCKER_METADATA_SHORT_SHA_LENGTH
    }
  })

  it.each([
    [
      'index,manifest[linux/amd64,linux/arm64]',
      'a level names one platform, and metadata-action splits the list at every comma; write "index,manifest[linux/amd64],manifest[linux/arm64]"'
    ],
    ['index,manifest;', '"manifest;" is not an annotation level']
  ])('DOCKER_METADATA_ANNOTATIONS_LEVELS=%s is an input error naming it, before any build', (levels, why) => {
    process.env.DOCKER_METADATA_ANNOTATIONS_LEVELS = levels
    try {
      let error: unknown
      try {
        parse({})
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe('DOCKER_METADATA_ANNOTATIONS_LEVELS')
      expect((error as InputError).message).toContain(why)
    } finally {
      delete process.env.DOCKER_METADATA_ANNOTATIONS_LEVELS
    }
  })

  it('push defaults to true, and the inputs say whether it was given (action.yml leaves it unset)', () => {
    expect(inputs({})).toMatchObject({ push: true, pushGiven: false })
    expect(inputs({ push: 'true' })).toMatchObject({ push: true, pushGiven: true })
    expect(inputs({ push: 'false' })).toMatchObject({ push: false, pushGiven: true })
  })

  it('separators are read as given, spaces included; empty means a newline later', () => {
    const i = inputs({ 'sep-tags': ', ', 'sep-labels': ' ', flavor: 'prefix=x-' })
    expect([i.sepTags, i.sepLabels, i.sepAnnotations]).toEqual([', ', ' ', ''])
    expect(i.tagFlavor.prefix.source).toBe('x-')
  })
})

describe('images and registry-auth', () => {
  const AUTH =
    '- registry: ghcr.io\n  username: octo\n  password: pw1\n- registry: localhost:5000\n  username: u\n  password: pw2'
  it('images name every target, the first standing for the run', () => {
    const got = inputs({
      image: '',
      images: 'ghcr.io/octo/app\nlocalhost:5000/octo/app',
      'registry-auth': AUTH
    })
    expect(got.targets).toEqual([
      { registry: 'ghcr.io', image: 'octo/app' },
      { registry: 'localhost:5000', image: 'octo/app' }
    ])
    expect([got.registry, got.image]).toEqual(['ghcr.io', 'octo/app'])
    expect(got.logins.map(l => l.registry)).toEqual(['ghcr.io', 'localhost:5000'])
  })
  it('registry + image is one target, and username/password its login', () => {
    const got = inputs({ registry: 'ghcr.io', username: 'u', password: 'p' })
    expect(got.targets).toEqual([{ registry: 'ghcr.io', image: 'my/app' }])
    expect(got.logins).toEqual([{ registry: 'ghcr.io', username: 'u', password: 'p' }])
  })
  it('images, labels and annotations take comment lines, as metadata-action reads them', () => {
    const got = inputs({
      image: '',
      images: '# the release registry\nghcr.io/octo/app\n#quay.io/octo/app',
      labels: '# who owns it\nteam=core'
    })
    expect(got.targets).toEqual([{ registry: 'ghcr.io', image: 'octo/app' }])
    expect(got.labels).toEqual(['team=core'])
  })
  it("registry beside images is login-action's: one of their registries, whose login it is", () => {
    const got = inputs({
      image: '',
      registry: 'localhost:5000',
      images: 'localhost:5000/a/b',
      username: 'u',
      password: 'p'
    })
    expect(got.logins).toEqual([{ registry: 'localhost:5000', username: 'u', password: 'p' }])
  })
  it('an empty registry in registry-auth is Docker Hub, as login-action takes it', () => {
    const got = inputs({ image: '', images: 'octo/app', 'registry-auth': '- username: u\n  password: p' })
    expect(got.logins[0].registry).toBe('docker.io')
  })
  it.each([
    [{ images: 'ghcr.io/a/b' }, 'images', /either .*images.* or .*image.*, not both/],
    [{ image: '', images: 'ghcr.io/a/b:v1' }, 'images', /tag or digest/],
    [{ image: '', images: 'ghcr.io/a/b\nghcr.io/a/b' }, 'images', /given twice/],
    [{ image: '', images: 'name=ghcr.io/a/b,enable=false' }, 'images', /nothing to push to/],
    [
      { image: '', images: 'ghcr.io/a/b\nquay.io/a/b', username: 'u', password: 'p' },
      'username',
      /registry-auth/
    ],
    [{ username: 'u', password: 'p', 'registry-auth': AUTH }, 'username', /cannot be used together/],
    // The conflict first, naming what is given: not "give username and password together".
    [
      { password: 'p', 'registry-auth': AUTH },
      'password',
      /: the "password" input and the "registry-auth" input cannot be used/
    ],
    [
      { username: 'u', 'registry-auth': AUTH },
      'username',
      /: the "username" input and the "registry-auth" input cannot be used/
    ],
    [{ 'registry-auth': 'registry: x' }, 'registry-auth', /login-action's list/],
    [
      { 'registry-auth': 'registry: ghcr.io\nusername: u\npassword: pw1' },
      'registry-auth',
      /"registry-auth": is a mapping, and a list is expected/
    ],
    [
      {
        'registry-auth':
          '- registry: ghcr.io\n  username: u\n  password: pw1\n- registry: x\n  username: v\n  password: ~'
      },
      'registry-auth',
      /"registry-auth": entry 2 \("x"\) has no password/
    ],
    [{ 'registry-auth': '- registry: a:0\n  username: u\n  password: p' }, 'registry-auth', /entry 1/],
    [
      { 'registry-auth': `${AUTH}\n- registry: ghcr.io\n  username: v\n  password: q` },
      'registry-auth',
      /two entries/
    ],
    [
      { 'registry-auth': `${AUTH}\n- registry: LocalHost:5000\n  username: v\n  password: q` },
      'registry-auth',
      /"localhost:5000" has two entries/
    ],
    [{ image: '' }, 'image', /required/],
    // login-action's registry beside images: a host none of them goes to would get the login elsewhere.
    [
      { image: '', registry: 'quay.io', images: 'localhost:5997/a/b', username: 'u', password: 'pw1' },
      'registry',
      /"quay.io" is not a registry .*images.* pushes to \(localhost:5997\)/
    ],
    // Leaving registry empty would lose the login: the pull login's place is registry-auth.
    [
      {
        image: '',
        registry: 'private.example.com',
        images: 'docker.io/o/app',
        username: 'u',
        password: 'pw1'
      },
      'registry',
      /leave the "registry" input empty, or give its login in the "registry-auth" input/
    ]
  ])('%j is an error of %s', (values, input, message) => {
    const e = failure(values)
    expect(e.input).toBe(input)
    expect(e.message).toMatch(message)
    expect(e.message).not.toMatch(/pw1|pw2/)
  })
})

it("a login for the build's pulls from a registry nothing is pushed to goes in registry-auth", () => {
  const auth = '- registry: private.example.com\n  username: u\n  password: p\n- username: v\n  password: q'
  const got = inputs({ image: '', images: 'docker.io/o/app', 'registry-auth': auth })
  expect(got.logins.map(l => l.registry)).toEqual(['private.example.com', 'docker.io'])
})

it('registry-auth entries may name the registry as docker login takes it: a URL, a /v1/ path', () => {
  const entry = (registry: string, user: string): string =>
    `- registry: ${registry}\n  username: ${user}\n  password: p`
  const auth = [
    entry('https://index.docker.io/v1/', 'hub'),
    entry('https://ghcr.io', 'gh'),
    entry('quay.io/v2/', 'q')
  ]
  const got = inputs({
    image: '',
    images: 'octo/app\nghcr.io/o/app\nquay.io/o/app',
    'registry-auth': auth.join('\n')
  })
  expect(got.logins.map(l => [l.registry, l.username])).toEqual([
    ['docker.io', 'hub'],
    ['ghcr.io', 'gh'],
    ['quay.io', 'q']
  ])
  const ECR_HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
  const ecr = inputs({
    image: '',
    images: `${ECR_HOST}/app`,
    'registry-auth': `- registry: https://${ECR_HOST}`
  })
  expect(ecr.logins[0]).toMatchObject({ registry: ECR_HOST, cloud: { kind: 'ecr' } })
  expect(failure({ 'registry-auth': entry('ghcr.io/octo', 'u') }).message).toMatch(
    /"ghcr.io\/octo" has a path/
  )
})

describe("registry-auth: several entries for one registry (login-action's scope)", () => {
  const pull = '- username: puller\n  password: p1'
  const push = '- username: pusher\n  password: p2\n  scope: octo/app@push'
  const other = '- username: other\n  password: p3\n  scope: octo/else@push'

  it('the entry scoped to the pushed repository is used, with a notice saying so', () => {
    const { inputs: got, notices } = parse({ image: 'octo/app', 'registry-auth': `${pull}\n${push}` })
    expect(got.logins).toEqual([
      { registry: 'docker.io', username: 'pusher', password: 'p2', scope: 'octo/app@push' }
    ])
    expect(notices.join('\n')).toMatch(
      /2 entries for "docker.io"; this step logs in with the one for scope "octo\/app@push"/
    )
  })

  it('else the entry without scope', () => {
    const { inputs: got, notices } = parse({ image: 'octo/app', 'registry-auth': `${pull}\n${other}` })
    expect(got.logins.map(l => l.username)).toEqual(['puller'])
    expect(notices.join('\n')).toMatch(/logs in with the one without scope/)
  })

  it.each([
    [
      `${pull}\n${pull.replace('puller', 'again')}`,
      /"docker.io" has two entries with the same scope \(or none\).*scope: my\/app@push/
    ],
    [`${push}\n${push}`, /has two entries with the same scope/],
    [
      `${other}\n${other.replace('else', 'third')}`,
      /give one entry without scope, or one whose scope is the repository pushed \(octo\/app\)/
    ]
  ])('%j is refused, naming scope', (auth, message) => {
    const e = failure({ image: 'octo/app', 'registry-auth': auth })
    expect(e.input).toBe('registry-auth')
    expect(e.message).toMatch(message)
    expect(e.message).not.toMatch(/p1|p2|p3/)
  })
})

describe('cloud logins: ECR and Docker Hub OIDC', () => {
  const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
  const UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6'
  const saved = { ...process.env }
  const withEnv = <T>(env: Record<string, string>, fn: () => T): T => {
    for (const k of Object.keys(process.env)) if (/^(AWS_|DOCKERHUB_)/.test(k)) delete process.env[k]
    Object.assign(process.env, env)
    try {
      return fn()
    } finally {
      process.env = { ...saved }
    }
  }

  it('an ECR registry logs in through ECR with no username or password', () => {
    const got = withEnv({}, () => inputs({ registry: ECR }))
    expect(got.logins).toEqual([
      {
        registry: ECR,
        username: '',
        password: '',
        cloud: { kind: 'ecr', region: 'eu-west-1', registryId: '123456789012' }
      }
    ])
  })

  it('with username/password as an access key; `ecr: false` makes it an ordinary login', () => {
    const keyed = withEnv({}, () => inputs({ registry: ECR, username: 'AKIA', password: 's' }))
    expect(keyed.logins[0].cloud?.kind).toBe('ecr')
    const plain = withEnv({}, () =>
      inputs({ registry: ECR, ecr: 'false', username: 'AWS', password: 'token' })
    )
    expect(plain.logins).toEqual([{ registry: ECR, username: 'AWS', password: 'token' }])
    expect(withEnv({}, () => inputs({ registry: ECR, ecr: 'false' })).logins).toEqual([])
  })

  it("a FIPS host with username AWS and get-login-password's token is a plain docker login", () => {
    const registry = '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com'
    expect(inputs({ registry, username: 'AWS', password: 'token' }).logins).toEqual([
      { registry, username: 'AWS', password: 'token' }
    ])
  })

  it('AWS_ACCOUNT_IDS, which is not read, gets one warning beside an ECR login', () => {
    const env = { AWS_ACCOUNT_IDS: '210987654321' }
    const { warnings } = withEnv(env, () => parse({ registry: ECR }))
    expect(warnings.filter(w => w.includes('AWS_ACCOUNT_IDS'))).toHaveLength(1)
    expect(warnings.join('\n')).toMatch(/AWS_ACCOUNT_IDS is set and not read/)
    expect(withEnv(env, () => parse({ registry: 'ghcr.io' })).warnings.join('\n')).not.toMatch(
      /AWS_ACCOUNT_IDS/
    )
  })

  it('`ecr` in any casing, as login-action reads it', () => {
    const login = { registry: ECR, username: 'AWS', password: 'token' }
    expect(inputs({ ...login, ecr: 'False' }).logins[0].cloud).toBeUndefined()
    expect(inputs({ ...login, ecr: 'FALSE' }).ecr).toBe('false')
    expect(inputs({ registry: ECR, ecr: 'True' }).logins[0].cloud?.kind).toBe('ecr')
    expect(inputs({ registry: ECR, ecr: 'AUTO' }).ecr).toBe('auto')
  })

  it('`ecr: true` on any registry, the region from AWS_REGION', () => {
    const got = withEnv({ AWS_REGION: 'eu-north-1' }, () =>
      inputs({ registry: '127.0.0.1:5000', ecr: 'true' })
    )
    expect(got.logins[0].cloud).toEqual({ kind: 'ecr', region: 'eu-north-1' })
  })

  it('registry-auth entries: an ECR host, or `ecr: true`, need no username or password', () => {
    const got = withEnv({ AWS_REGION: 'eu-north-1' }, () =>
      inputs({
        image: '',
        images: `${ECR}/app\n127.0.0.1:5000/app`,
        'registry-auth': `- registry: ${ECR}\n- registry: 127.0.0.1:5000\n  ecr: true`
      })
    )
    expect(got.logins.map(l => l.cloud)).toEqual([
      { kind: 'ecr', region: 'eu-west-1', registryId: '123456789012' },
      { kind: 'ecr', region: 'eu-north-1' }
    ])
  })

  it('Docker Hub with a username, no password and DOCKERHUB_OIDC_CONNECTIONID logs in through OIDC', () => {
    const got = withEnv({ DOCKERHUB_OIDC_CONNECTIONID: UUID }, () => inputs({ username: 'octo-org' }))
    expect(got.logins[0]).toMatchObject({
      registry: 'docker.io',
      username: 'octo-org',
      cloud: { kind: 'hub-oidc' }
    })
    // Without the connection id, a username alone is still half a login.
    expect(withEnv({}, () => failure({ username: 'octo-org' })).input).toBe('password')
  })

  it.each([
    [{ DOCKERHUB_OIDC_CONNECTIONID: UUID }],
    [{ DOCKERHUB_OIDC_CONNECTIONID: '' }],
    [{ DOCKERHUB_OIDC_CONNECTIONID: 'nope', DOCKERHUB_OIDC_EXPIREIN: '60' }]
  ])('a job-level %j does not touch a Docker Hub step that logs in nowhere', env => {
    // An earlier login-action step logged in; this step pushes with that login, or builds only.
    expect(withEnv(env, () => inputs({ image: 'octo-org/app' })).logins).toEqual([])
    expect(withEnv(env, () => inputs({ image: '', push: 'false' })).logins).toEqual([])
    const ra = '- registry: ghcr.io\n  username: u\n  password: p'
    const got = withEnv(env, () =>
      inputs({ image: '', images: 'octo-org/app\nghcr.io/o/app', 'registry-auth': ra })
    )
    expect(got.logins.map(l => l.registry)).toEqual(['ghcr.io'])
  })

  it.each([
    [{ registry: '127.0.0.1:5000', ecr: 'true' }, {}, 'ecr', /names no AWS region: set AWS_REGION/],
    [{ registry: ECR, username: 'AKIA' }, {}, 'registry', /give both, or neither/],
    [{ ecr: 'maybe' }, {}, 'ecr', /must be one of auto, true, false/],
    [
      { ecr: 'true', 'registry-auth': '- registry: ghcr.io\n  username: u\n  password: p' },
      {},
      'ecr',
      /each entry its own ecr key/
    ],
    [
      { 'registry-auth': '- registry: ghcr.io\n  ecr: maybe' },
      {},
      'registry-auth',
      /ecr is true, false or auto/
    ],
    [{ 'registry-auth': `- registry: ${ECR}\n  ecr: false` }, {}, 'registry-auth', /no username/],
    [
      { 'registry-auth': '- registry: r.example\n  ecr: true' },
      {},
      'registry-auth',
      /entry 1 \("r.example"\): the host names no AWS region/
    ],
    [{ username: 'org' }, { DOCKERHUB_OIDC_CONNECTIONID: 'nope' }, 'registry', /not a UUID/]
  ])('%j with %j is an error of %s', (values, env, input, message) => {
    const e = withEnv(env, () => failure(values))
    expect(e.input).toBe(input)
    expect(e.message).toMatch(message)
  })
})

describe('checkBuilder', () => {
  it('a buildx input without buildx: setup-buildx-action in a workflow, the plugin on a command line', () => {
    let error: unknown
    try {
      checkBuilder({ ...defaultInputs({ image: 'o/app' }), platforms: ['linux/arm64'] }, false)
    } catch (e) {
      error = e
    }
    expect((error as InputError).message).toMatch(
      /no buildx plugin \(set up buildx, e\.g\. with docker\/setup-buildx-action/
    )
    expect(renderInputRefs((error as InputError).template, cliTerm)).toMatch(
      /^needs docker buildx, and this docker has no buildx plugin \(install the buildx plugin: .*, or drop --platform\)$/
    )
  })

  const ssh = (): Inputs => ({
    ...defaultInputs({ image: 'o/app' }),
    context: 'ssh://git@github.com/o/r.git'
  })
  it('an ssh:// context needs buildx, which fetches it: the classic builder would look for it on disk', () => {
    expect(() => checkBuilder(ssh(), true)).not.toThrow()
    expect(() => checkBuilder(ssh(), false)).toThrow(
      'Invalid input "context": "ssh://git@github.com/o/r.git": the classic builder does not fetch ssh:// contexts (buildx does); write it as git@host:owner/repo.git#ref'
    )
  })
})
