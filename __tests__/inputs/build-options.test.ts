// The new build options' rules, as parseInputs applies them: each bad value is one InputError
// naming the input, before any build; good values come through as buildx takes them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import {
  actionTerm,
  buildxOnlyInputs,
  InputError,
  parseInputs,
  renderInputRefs,
  type Inputs
} from '../../src/inputs/parse.js'
import { dockerfilePath } from '../../src/inputs/build-options.js'

let cwd: string
beforeAll(() => {
  cwd = mkdtempSync(path.join(tmpdir(), 'btp-options-'))
  writeFileSync(path.join(cwd, 'Dockerfile'), 'FROM scratch\n')
  mkdirSync(path.join(cwd, 'assets'))
  writeFileSync(path.join(cwd, 'id_key'), 'not really a key\n')
})
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

const parse = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}): Inputs => {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    return parseInputs(name => ({ image: 'my/app', ...values })[name] ?? '', cwd).inputs
  } finally {
    for (const k of Object.keys(env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
  }
}

function failure(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): InputError {
  try {
    parse(values, env)
  } catch (err) {
    expect(err).toBeInstanceOf(InputError)
    return err as InputError
  }
  throw new Error(`expected an InputError for ${JSON.stringify(values)}`)
}

describe('good values come through as buildx takes them', () => {
  const cases: [string, Record<string, string>, Partial<Inputs>][] = [
    [
      'add-hosts, both separators',
      { 'add-hosts': 'a.local:10.0.0.1,b:::1\nc=192.168.1.1' },
      { addHosts: ['a.local:10.0.0.1', 'b:::1', 'c=192.168.1.1'] }
    ],
    [
      'add-hosts host-gateway and [v6]',
      { 'add-hosts': 'gw:host-gateway\nv6:[fe80::1]' },
      { addHosts: ['gw:host-gateway', 'v6:[fe80::1]'] }
    ],
    // docker checks the IP and only that the host is non-empty and has no ":" (opts.ValidateExtraHost).
    [
      'add-hosts host with an underscore',
      { 'add-hosts': 'my_db:10.1.2.3' },
      { addHosts: ['my_db:10.1.2.3'] }
    ],
    [
      'add-hosts host=ip with an underscore',
      { 'add-hosts': 'my_db=10.1.2.3' },
      { addHosts: ['my_db=10.1.2.3'] }
    ],
    ['add-hosts host ending in a dot', { 'add-hosts': 'db.:10.0.0.1' }, { addHosts: ['db.:10.0.0.1'] }],
    ['add-hosts host=[v6]', { 'add-hosts': 'v6=[::1]' }, { addHosts: ['v6=[::1]'] }],
    ['add-hosts host=host-gateway', { 'add-hosts': 'gw=host-gateway' }, { addHosts: ['gw=host-gateway'] }],
    // One argv element, --add-host=--x:…: nothing to read as a flag.
    ['add-hosts host starting with -', { 'add-hosts': '--x:1.2.3.4' }, { addHosts: ['--x:1.2.3.4'] }],
    // buildx's --call grammar: name[,format=…][,ignorestatus=bool].
    [
      'call check,ignorestatus=true',
      { call: 'check,ignorestatus=true' },
      { call: 'check,ignorestatus=true' }
    ],
    ['call outline,format=json', { call: 'outline,format=json' }, { call: 'outline,format=json' }],
    ['call targets,format=json', { call: 'targets,format=json' }, { call: 'targets,format=json' }],
    [
      'call check,ignorestatus=1,format=json',
      { call: 'check,ignorestatus=1,format=json' },
      { call: 'check,ignorestatus=1,format=json' }
    ],
    ['network', { network: 'host' }, { network: 'host' }],
    ['shm-size units', { 'shm-size': '128m' }, { shmSize: '128m' }],
    ['shm-size bytes', { 'shm-size': '67108864' }, { shmSize: '67108864' }],
    ['shm-size GiB', { 'shm-size': '1GiB' }, { shmSize: '1GiB' }],
    [
      'ulimit soft:hard, one per line',
      { ulimit: 'nofile=1024:2048\nnproc=-1' },
      { ulimit: ['nofile=1024:2048', 'nproc=-1'] }
    ],
    ['ulimit unlimited hard', { ulimit: 'memlock=64:-1' }, { ulimit: ['memlock=64:-1'] }],
    ['cgroup-parent', { 'cgroup-parent': '/actions/job' }, { cgroupParent: '/actions/job' }],
    [
      'allow list',
      { allow: 'network.host,security.insecure' },
      { allow: ['network.host', 'security.insecure'] }
    ],
    [
      'build-contexts of every kind',
      {
        'build-contexts':
          'assets=./assets\nbase=docker-image://alpine:3.20\nlayout=oci-layout:///tmp/l@sha256:abc\nsrc=https://github.com/o/r.git#main\nalpine:3.20=docker-image://busybox'
      },
      {
        buildContexts: [
          'assets=./assets',
          'base=docker-image://alpine:3.20',
          'layout=oci-layout:///tmp/l@sha256:abc',
          'src=https://github.com/o/r.git#main',
          'alpine:3.20=docker-image://busybox'
        ]
      }
    ],
    [
      'ssh with two key files, quoted beside another entry to keep its comma (as build-push-action reads it)',
      { ssh: '"key=id_key,id_key",other=id_key' },
      { ssh: ['key=id_key,id_key', 'other=id_key'] }
    ],
    ['ssh default with an agent', { ssh: 'default' }, { ssh: ['default'] }],
    [
      'annotations with levels, commas kept',
      {
        annotations:
          'org.opencontainers.image.title=a, b\nindex:k=v\nmanifest[linux/amd64]:k=v\nmanifest-descriptor:k=v'
      },
      {
        annotations: [
          'org.opencontainers.image.title=a, b',
          'index:k=v',
          'manifest[linux/amd64]:k=v',
          'manifest-descriptor:k=v'
        ]
      }
    ],
    [
      "annotations naming several levels, and a key with a colon after its level, as buildx's",
      {
        annotations:
          'index,manifest:org.opencontainers.image.description=a, b\nindex,manifest[Linux/x86_64]:k=v\nmanifest:com.example:x=1'
      },
      {
        annotations: [
          'index,manifest:org.opencontainers.image.description=a, b',
          'index,manifest[Linux/x86_64]:k=v',
          'manifest:com.example:x=1'
        ]
      }
    ],
    [
      'attests',
      { attests: 'type=sbom\ntype=provenance,mode=max' },
      { attests: ['type=sbom', 'type=provenance,mode=max'] }
    ],
    ['no-cache-filters', { 'no-cache-filters': 'deps,test' }, { noCacheFilters: ['deps', 'test'] }],
    ['call', { call: 'check' }, { call: 'check' }],
    ['github-token trimmed', { 'github-token': '  ghs_abc  ' }, { githubToken: 'ghs_abc' }],
    [
      'secret-envs, comma-separated as build-push-action reads them',
      { 'secret-envs': 'a=HOME,b=PATH' },
      { secretEnvs: ['a=HOME', 'b=PATH'] }
    ],
    [
      'secrets: a quoted entry keeps its commas',
      { secrets: '"github_token=a,b"' },
      { secrets: ['github_token=a,b'] }
    ],
    [
      'secrets: a quoted multi-line value',
      { secrets: '"key=line1\nline2"\nother=x' },
      { secrets: ['key=line1\nline2', 'other=x'] }
    ],
    [
      'build-args: a quoted value with a doubled quote',
      { 'build-args': '"A=say ""hi"", then go"' },
      { buildArgs: ['A=say "hi", then go'] }
    ],
    [
      // docker's --build-arg NAME: the value from the build's environment (pipeline/build-env.ts)
      'build-args: a NAME alone is kept, as docker reads it',
      { 'build-args': 'A=1\n  DOCKER_METADATA_OUTPUT_VERSION  \nhttp_proxy' },
      { buildArgs: ['A=1', 'DOCKER_METADATA_OUTPUT_VERSION', 'http_proxy'] }
    ],
    ['tags: a quote inside a field is ordinary', { tags: 'v1,v2' }, { tags: ['v1', 'v2'] }]
  ]
  it.each(cases)('%s', (_name, values, expected) => {
    expect(parse(values, { SSH_AUTH_SOCK: '/tmp/agent.sock' })).toMatchObject(expected)
  })
})

describe('bad values are one InputError naming the input', () => {
  const bad: [string, Record<string, string>, string, string | RegExp][] = [
    ['add-hosts without ip', { 'add-hosts': 'db' }, 'add-hosts', 'host:ip'],
    ['add-hosts bad ip', { 'add-hosts': 'db:10.0.0.300' }, 'add-hosts', 'valid IP'],
    ['add-hosts empty host', { 'add-hosts': ':10.0.0.1' }, 'add-hosts', 'host:ip'],
    ['add-hosts empty host=', { 'add-hosts': '=10.0.0.1' }, 'add-hosts', 'host:ip'],
    ['add-hosts host with ":" before "="', { 'add-hosts': 'a:b=10.0.0.1' }, 'add-hosts', 'host:ip'],
    ['add-hosts host-gateway misspelt', { 'add-hosts': 'gw:host_gateway' }, 'add-hosts', 'valid IP'],
    ['network flag', { network: '--privileged' }, 'network', 'network mode'],
    ['network with space', { network: 'host x' }, 'network', 'network mode'],
    ['shm-size no number', { 'shm-size': 'big' }, 'shm-size', 'not a size'],
    ['shm-size unknown unit', { 'shm-size': '10x' }, 'shm-size', 'not a size'],
    ['shm-size zero', { 'shm-size': '0' }, 'shm-size', 'not a size'],
    ['ulimit without =', { ulimit: 'nofile' }, 'ulimit', 'name=soft[:hard]'],
    ['ulimit unknown name', { ulimit: 'files=10' }, 'ulimit', 'not a ulimit name'],
    ['ulimit soft above hard', { ulimit: 'nofile=2048:1024' }, 'ulimit', 'soft limit is above'],
    ['ulimit not a number', { ulimit: 'nofile=many' }, 'ulimit', 'name=soft[:hard]'],
    ['cgroup-parent flag', { 'cgroup-parent': '-x' }, 'cgroup-parent', 'cgroup path'],
    ['allow unknown', { allow: 'network.host,root' }, 'allow', 'not an entitlement'],
    ['build-contexts without =', { 'build-contexts': 'assets' }, 'build-contexts', 'name=path'],
    [
      'build-contexts unknown scheme',
      { 'build-contexts': 'x=s3://bucket/x' },
      'build-contexts',
      'unknown scheme'
    ],
    ['build-contexts missing path', { 'build-contexts': 'x=./nope' }, 'build-contexts', 'does not exist'],
    ['build-contexts flag value', { 'build-contexts': 'x=--y' }, 'build-contexts', 'name=path'],
    ['ssh bad id', { ssh: 'my key' }, 'ssh', 'default or id=path'],
    ['ssh missing key', { ssh: 'key=/no/such/key' }, 'ssh', 'does not exist'],
    ['annotations unknown level', { annotations: 'image:k=v' }, 'annotations', 'level'],
    ['annotations without =', { annotations: 'just-a-key' }, 'annotations', 'key=value'],
    [
      'annotations with a platform list in one level',
      { annotations: 'index,manifest[linux/amd64,linux/arm64]:k=v' },
      'annotations',
      'a level names one platform, and buildx reads every comma before the key as one between levels; write "index,manifest[linux/amd64],manifest[linux/arm64]:k=…"'
    ],
    [
      'annotations with a colon in a key without a level',
      { annotations: 'foo:bar=1' },
      'annotations',
      '"foo" is not a level'
    ],
    [
      'annotations naming an unknown level among several',
      { annotations: 'index,image:k=v' },
      'annotations',
      '"image" is not a level'
    ],
    ['labels unclosed expression', { labels: 'k={{branch' }, 'labels', 'not closed'],
    // A mistake in an expression of ours names the input, and says how to keep the braces instead.
    [
      'labels date without a format',
      { labels: 'k={{date}}' },
      'labels',
      "{{date}} needs a quoted format, e.g. {{date 'YYYYMMDD'}} (to keep a {{ as written, write \\{{)"
    ],
    [
      'annotations sha with an argument',
      { annotations: "manifest:k={{sha 'x'}}" },
      'annotations',
      '{{sha}} takes no arguments (to keep a {{ as written, write \\{{)'
    ],
    // a NAME alone is a variable's name, or the rest of a value split by mistake, which is not echoed
    [
      'build-args bare line that is no name',
      { 'build-args': 'A=1\nHTTP PROXY' },
      'build-args',
      'entry 2 has no "=" and is no variable name: each entry is KEY=VALUE, or a NAME alone for the environment\'s value'
    ],
    ['labels bare key', { labels: 'a=1\nb' }, 'labels', 'entry 2 has no "=": each entry must be KEY=VALUE'],
    ['attests without type', { attests: 'mode=max' }, 'attests', 'type=sbom'],
    ['no-cache-filters flag', { 'no-cache-filters': '--all' }, 'no-cache-filters', 'stage name'],
    ['call unknown', { call: 'lint' }, 'call', 'build, check, outline, targets'],
    ['call with two names', { call: 'check,outline' }, 'call', 'build, check, outline, targets'],
    [
      'call ignorestatus not a boolean',
      { call: 'check,ignorestatus=maybe' },
      'call',
      'ignorestatus="maybe" is no boolean'
    ],
    [
      'call unknown field',
      { call: 'check,level=warn' },
      'call',
      '"level=warn" is none of format=, ignorestatus='
    ],
    ['github-token with a space', { 'github-token': 'ghs_a ghs_b' }, 'github-token', 'whitespace'],
    ['an unclosed quote', { secrets: '"key=abc' }, 'secrets', 'not closed'],
    ['an unclosed quote in a list', { tags: 'v1,"v2' }, 'tags', 'not closed']
  ]
  it.each(bad)('%s', (_name, values, input, text) => {
    const err = failure(values)
    expect(err.input).toBe(input)
    expect(err.message).toContain(`"${input}"`)
    if (typeof text === 'string') expect(err.message).toContain(text)
    else expect(err.message).toMatch(text)
  })

  it('ssh default without an agent says how to get one', () => {
    const saved = process.env.SSH_AUTH_SOCK
    delete process.env.SSH_AUTH_SOCK
    try {
      const err = failure({ ssh: 'default' })
      expect([err.input, err.message]).toEqual(['ssh', expect.stringContaining('SSH_AUTH_SOCK is not set')])
    } finally {
      if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved
    }
  })

  it('never echoes a quoted secret value in a CSV error', () => {
    const err = failure({ secrets: 'a=1\n"key=hunter2-secret' })
    expect(err.message).not.toContain('hunter2')
  })
})

describe('which need buildx', () => {
  it('the classic builder takes add-hosts, network, shm-size, ulimit and cgroup-parent', () => {
    const i = parse({
      'add-hosts': 'a:10.0.0.1',
      network: 'host',
      'shm-size': '64m',
      ulimit: 'nofile=100',
      'cgroup-parent': 'x'
    })
    expect(buildxOnlyInputs(i)).toEqual([])
  })

  it('the rest are buildx-only; github-token (always set in Actions) is not', () => {
    const i = parse(
      {
        allow: 'network.host',
        'build-contexts': 'a=./assets',
        ssh: 'default',
        'github-token': 'ghs_x',
        annotations: 'k=v',
        attests: 'type=sbom',
        'no-cache-filters': 'a',
        call: 'check'
      },
      { SSH_AUTH_SOCK: '/tmp/agent.sock' }
    )
    expect(buildxOnlyInputs(i)).toEqual([
      'allow',
      'build-contexts',
      'ssh',
      'annotations',
      'attests',
      'no-cache-filters',
      'call'
    ])
  })
})

describe('{{defaultContext}}', () => {
  it.each(['{{defaultContext}}', '{{defaultContext}}:docker/app', '{{ defaultContext }}'])(
    '%s is a remote context: nothing local is checked',
    context => {
      const i = parse({ context, file: 'does/not/exist' })
      expect([i.context, i.remoteContext]).toEqual([context, true])
    }
  )
})

// build-push-action passes labels and annotations as written; what metadata-action's labels output hands on
// may carry a repository description with a template of another tool in it.
describe('labels and annotations: a {{…}} that is no expression of ours', () => {
  const description = 'org.opencontainers.image.description=Render {{ name }} with {{ .Values.image }}'
  const fromMeta = ['org.opencontainers.image.title=widget', description, 'org.example.ref={{branch}}']

  it.each([
    ['labels', fromMeta.join('\n'), fromMeta],
    ['annotations', `manifest:${description}`, [`manifest:${description}`]]
  ])(
    '%s: kept as written, with one notice that names the input and lists the expressions',
    (input, raw, out) => {
      const parsed = parseInputs(name => ({ image: 'my/app', [input]: raw })[name] ?? '', cwd)
      expect(parsed.inputs[input as 'labels' | 'annotations']).toEqual(out)
      expect(parsed.notices.map(n => renderInputRefs(n, actionTerm))).toEqual([
        `the "${input}" input keeps {{ name }}, {{ .Values.image }} as written: not an expression of this action's, which are {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}}`
      ])
    }
  )

  it.each([
    ['a misspelt name', 'k={{brnch}}', '{{brnch}}'],
    ["a name of the tag rules' patterns only", "k={{version 'x'}}", "{{version 'x'}}"],
    ['a block', 'k={{#if branch}}x{{/if}}', '{{#if branch}}, {{/if}}'],
    ['braces never closed', 'k={{ name', '{{']
  ])('%s is text too: %s', (_why, line, kept) => {
    const parsed = parseInputs(name => ({ image: 'my/app', labels: line })[name] ?? '', cwd)
    expect(parsed.inputs.labels).toEqual([line])
    expect(parsed.notices).toEqual([expect.stringContaining(` keeps ${kept} as written`)])
  })
})

// What the failure's "where in the Dockerfile" annotation names (pipeline/build.ts): the file docker read.
describe('dockerfilePath: the Dockerfile a local build reads', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'btp-dockerfile-'))
    for (const [sub, names] of [
      ['upper', ['Dockerfile']],
      ['lower', ['dockerfile']],
      ['both', ['Dockerfile', 'dockerfile']],
      ['none', []]
    ] as const) {
      mkdirSync(path.join(dir, sub))
      for (const name of names) writeFileSync(path.join(dir, sub, name), 'FROM scratch\n')
    }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each([
    ['upper', '', 'upper/Dockerfile'],
    ['lower', '', 'lower/dockerfile'],
    // Where both exist (a case-sensitive file system), docker reads Dockerfile.
    ['both', '', 'both/Dockerfile'],
    ['none', '', 'none/Dockerfile'],
    ['lower', 'other/Dockerfile.prod', 'other/Dockerfile.prod']
  ])('context %s, file %j → %s', (context, file, expected) => {
    expect(dockerfilePath(context, file, dir)).toBe(expected)
  })
})
