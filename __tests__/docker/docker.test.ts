import { describe, it, expect } from '@jest/globals'
import {
  boundsFrom,
  PUSH_MIN_MS,
  PUSH_MIN_THROUGHPUT,
  PUSH_STALL_MS,
  pushWatch,
  SHORT_DEADLINE_MS
} from '../../src/docker/bounds.js'
import {
  buildArgs,
  displayArgs,
  safeContext,
  withIgnoreError,
  type BuildPlan
} from '../../src/docker/build-flags.js'
import {
  buildxPlugin,
  Docker,
  hasBuildxPlugin,
  PLUGIN_MODE,
  pushedDigests,
  pushReportDigest
} from '../../src/docker/docker.js'
import {
  dockerTreatsAsInsecure,
  insecureByConfig,
  type DaemonRegistryConfig
} from '../../src/docker/daemon.js'
import { DockerError, lastMeaningfulLine } from '../../src/docker/errors.js'
import type { ExecOptions, ExecResult, Runner } from '../../src/docker/exec.js'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeInputs } from '../../__fixtures__/inputs.js'
import type { Inputs } from '../../src/inputs/parse.js'
import { ClassifiedError } from '../../src/core/retry.js'

const SYSTEM_BUILDX = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins'
].some(d => existsSync(join(d, 'docker-buildx')))

const REF = 'localhost:5000/my/app:v1'
const IID = '/w/iid'
const plan = (over: Partial<BuildPlan> = {}): BuildPlan => ({
  refs: [REF],
  iidfile: IID,
  labels: [],
  ...over
})

describe('buildArgs', () => {
  const cases: [string, Partial<Inputs>, Partial<BuildPlan>, boolean, string[]][] = [
    ['classic, minimal', {}, {}, false, ['build', '--force-rm', `--iidfile=${IID}`, `--tag=${REF}`, '.']],
    [
      'classic, everything',
      {
        file: 'docker/Dockerfile',
        target: 'prod',
        buildArgs: ['A=1,2,3', 'B=x=y'],
        pull: true,
        noCache: true,
        context: 'app'
      },
      {
        labels: ['org.opencontainers.image.source=https://github.com/o/r', 'l=a,b'],
        refs: [REF, `${REF}-2`]
      },
      false,
      [
        'build',
        '--force-rm',
        `--iidfile=${IID}`,
        '--file=docker/Dockerfile',
        '--target=prod',
        '--build-arg=A=1,2,3',
        '--build-arg=B=x=y',
        '--label=org.opencontainers.image.source=https://github.com/o/r',
        '--label=l=a,b',
        '--pull',
        '--no-cache',
        `--tag=${REF}`,
        `--tag=${REF}-2`,
        'app'
      ]
    ],
    [
      'classic, context starting with "-"',
      { context: '-x' },
      {},
      false,
      ['build', '--force-rm', `--iidfile=${IID}`, `--tag=${REF}`, './-x']
    ],
    [
      'classic ignores buildx-only inputs',
      {
        builder: 'b',
        platforms: ['linux/amd64'],
        cacheFrom: ['type=gha'],
        cacheTo: ['type=gha'],
        provenance: 'mode=max',
        sbom: 'true'
      },
      { metadataFile: '/w/meta.json', secretFiles: [{ id: 's', path: '/w/s' }], exports: ['--push'] },
      false,
      ['build', '--force-rm', `--iidfile=${IID}`, `--tag=${REF}`, '.']
    ],
    [
      'labels come from the plan, not the inputs',
      { labels: ['user=raw'] },
      { labels: ['merged=1'] },
      false,
      ['build', '--force-rm', `--iidfile=${IID}`, '--label=merged=1', `--tag=${REF}`, '.']
    ],
    ['classic, no tags', {}, { refs: [] }, false, ['build', '--force-rm', `--iidfile=${IID}`, '.']],
    [
      "buildx, minimal: no export flag is the driver's default",
      {},
      {},
      true,
      ['buildx', 'build', `--iidfile=${IID}`, `--tag=${REF}`, '.']
    ],
    [
      'buildx, everything',
      {
        builder: 'b1',
        file: 'Dockerfile.x',
        target: 't',
        buildArgs: ['A=1,2'],
        pull: true,
        noCache: true,
        platforms: ['linux/amd64', 'linux/arm64'],
        cacheFrom: ['type=gha', 'type=registry,ref=ghcr.io/a/b:cache'],
        cacheTo: ['type=gha,mode=max', 'type=registry,ref=ghcr.io/a/b:cache,ignore-error=false'],
        provenance: 'mode=max',
        sbom: 'true',
        context: '-ctx'
      },
      {
        labels: ['l=1'],
        metadataFile: '/w/meta.json',
        secretFiles: [
          { id: 'tok', path: '/w/s/tok' },
          { id: 'npm', path: '/w/s/npm' }
        ],
        exports: ['--push', '--load'],
        refs: [REF, 'localhost:5000/my/app:latest']
      },
      true,
      [
        'buildx',
        'build',
        '--builder=b1',
        `--iidfile=${IID}`,
        '--file=Dockerfile.x',
        '--target=t',
        '--build-arg=A=1,2',
        '--label=l=1',
        '--pull',
        '--no-cache',
        '--metadata-file=/w/meta.json',
        '--platform=linux/amd64,linux/arm64',
        '--cache-from=type=gha',
        '--cache-from=type=registry,ref=ghcr.io/a/b:cache',
        '--cache-to=type=gha,mode=max,ignore-error=true',
        '--cache-to=type=registry,ref=ghcr.io/a/b:cache,ignore-error=false',
        '--provenance=mode=max',
        '--sbom=true',
        '--secret=id=tok,src=/w/s/tok',
        '--secret=id=npm,src=/w/s/npm',
        '--push',
        '--load',
        `--tag=${REF}`,
        '--tag=localhost:5000/my/app:latest',
        './-ctx'
      ]
    ],
    [
      "buildx's shorthand cache spec (a reference, no `=`) spelled out as a registry cache, each reference its own",
      {
        cacheFrom: ['user/app:cache', 'localhost:5000/a:c1,localhost:5000/b:c2'],
        cacheTo: ['localhost:5000/x:c']
      },
      {},
      true,
      [
        'buildx',
        'build',
        `--iidfile=${IID}`,
        '--cache-from=type=registry,ref=user/app:cache',
        '--cache-from=type=registry,ref=localhost:5000/a:c1',
        '--cache-from=type=registry,ref=localhost:5000/b:c2',
        '--cache-to=type=registry,ref=localhost:5000/x:c,ignore-error=true',
        `--tag=${REF}`,
        '.'
      ]
    ],
    [
      'buildx loads when asked to',
      { provenance: 'false' },
      { exports: ['--load'] },
      true,
      ['buildx', 'build', `--iidfile=${IID}`, '--provenance=false', '--load', `--tag=${REF}`, '.']
    ],
    [
      'buildx keeps a multi-platform build that is not pushed in the cache',
      { platforms: ['linux/amd64', 'linux/arm64'] },
      { exports: [] },
      true,
      ['buildx', 'build', `--iidfile=${IID}`, '--platform=linux/amd64,linux/arm64', `--tag=${REF}`, '.']
    ],
    [
      'buildx sets the automatic annotations, one flag per level, values with commas and spaces whole',
      {},
      {
        annotations: [
          'manifest:org.opencontainers.image.description=A, b c',
          'index:org.opencontainers.image.description=A, b c'
        ]
      },
      true,
      [
        'buildx',
        'build',
        `--iidfile=${IID}`,
        '--annotation=manifest:org.opencontainers.image.description=A, b c',
        '--annotation=index:org.opencontainers.image.description=A, b c',

        `--tag=${REF}`,
        '.'
      ]
    ],
    [
      'the classic builder has no annotations',
      {},
      { annotations: ['manifest:org.opencontainers.image.title=t'] },
      false,
      ['build', '--force-rm', `--iidfile=${IID}`, `--tag=${REF}`, '.']
    ],
    [
      'buildx passes a remote context through',
      { context: 'https://github.com/a/b.git#main:sub', remoteContext: true },
      {},
      true,
      ['buildx', 'build', `--iidfile=${IID}`, `--tag=${REF}`, 'https://github.com/a/b.git#main:sub']
    ]
  ]

  it.each(cases)('%s', (_name, inputs, p, buildx, expected) => {
    expect(buildArgs(makeInputs(inputs), plan(p), buildx)).toEqual(expected)
  })

  it('defaults to the classic builder', () => {
    expect(buildArgs(makeInputs(), plan())[0]).toBe('build')
  })
})

describe('safeContext', () => {
  it.each([
    ['.', '.'],
    ['-x', './-x'],
    ['--push', './--push'],
    ['a-b', 'a-b'],
    ['/abs', '/abs']
  ])('%s → %s', (input, expected) => {
    expect(safeContext(input)).toBe(expected)
  })
})

describe('withIgnoreError', () => {
  it.each([
    ['type=gha', 'type=gha,ignore-error=true'],
    ['type=gha,mode=max', 'type=gha,mode=max,ignore-error=true'],
    ['type=registry,ref=ghcr.io/a/b:cache', 'type=registry,ref=ghcr.io/a/b:cache,ignore-error=true'],
    ['type=gha,ignore-error=false', 'type=gha,ignore-error=false'],
    ['type=gha,ignore-error=true', 'type=gha,ignore-error=true'],
    ['ignore-error=false,type=gha', 'ignore-error=false,type=gha']
  ])('%s → %s', (spec, expected) => {
    expect(withIgnoreError(spec)).toBe(expected)
  })
})

describe('displayArgs', () => {
  it.each([
    [['build', '--tag=x:v1', '.'], 'docker build --tag=x:v1 .'],
    [['build', '--build-arg=TOKEN=s3cret,with=eq', '.'], 'docker build --build-arg=TOKEN=*** .'],
    [['build', '--label=owner=team-a', '.'], 'docker build --label=owner=team-a .'],
    [['build', '--build-arg=MULTI=line1\nline2-s3cret', '.'], 'docker build --build-arg=MULTI=*** .'],
    [['build', '--build-arg=EMPTY=', '.'], 'docker build --build-arg=EMPTY=*** .'],
    [
      [
        'buildx',
        'build',
        '--build-arg=A=s3cret',
        '--label=b=visible',
        '--cache-to=type=gha,ignore-error=true',
        '-'
      ],
      'docker buildx build --build-arg=A=*** --label=b=visible --cache-to=type=gha,ignore-error=true -'
    ],
    // A git context's token.
    [
      ['buildx', 'build', '--tag=x:v1', 'https://x-access-token:s3cret@github.com/o/r.git#main:sub'],
      'docker buildx build --tag=x:v1 https://***@github.com/o/r.git#main:sub'
    ],
    [['build', 'https://s3cret@github.com/o/r.git'], 'docker build https://***@github.com/o/r.git'],
    [['build', 'HTTP://u:s3cret%40x@host:8080/r.git'], 'docker build HTTP://***@host:8080/r.git'],
    [['build', 'https://u:s3cret@Pass99@host/r.git'], 'docker build https://***@host/r.git'],
    // No userinfo, or not an http(s) URL: as it is.
    [['build', 'https://github.com/o/r.git#main'], 'docker build https://github.com/o/r.git#main'],
    [['build', 'git@github.com:o/r.git'], 'docker build git@github.com:o/r.git'],
    [
      ['build', '--label=org.opencontainers.image.source=https://github.com/o/r', '.'],
      'docker build --label=org.opencontainers.image.source=https://github.com/o/r .'
    ]
  ])('%j → %s', (args, expected) => {
    const shown = displayArgs(args)
    expect(shown).toBe(expected)
    expect(shown).not.toContain('s3cret')
  })
})

const LEGACY = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            Install the buildx component to build images with BuildKit:
            https://docs.docker.com/go/buildx/
`
const LEGACY_DISABLED = `DEPRECATED: The legacy builder is deprecated and will be removed in a future release.
            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0
            environment-variable.
`

describe('lastMeaningfulLine', () => {
  it.each([
    ['', ''],
    ['\n\n', ''],
    ['just one line', 'just one line'],
    [
      '#5 [2/2] RUN false\n#5 ERROR: process "/bin/sh -c false" did not complete successfully: exit code: 1\n------\n > [2/2] RUN false:\n------\nERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n',
      'failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1'
    ],
    [
      'The push refers to repository [localhost:5000/my/app]\nreceived unexpected HTTP status: 503 Service Unavailable\n',
      'received unexpected HTTP status: 503 Service Unavailable'
    ],
    [
      'The push refers to repository [docker.io/my/app]\ndenied: requested access to the resource is denied\n',
      'denied: requested access to the resource is denied'
    ],
    ['error: something broke\nsome trailing chatter\n', 'error: something broke'],
    ['line one\r\nunauthorized: authentication required\r\n', 'unauthorized: authentication required'],
    [
      `${LEGACY}COPY failed: file not found in build context or excluded by .dockerignore: stat dist: file does not exist\n`,
      'COPY failed: file not found in build context or excluded by .dockerignore: stat dist: file does not exist'
    ],
    [
      `${LEGACY}The command '/bin/sh -c false' returned a non-zero code: 1\n`,
      "The command '/bin/sh -c false' returned a non-zero code: 1"
    ],
    [
      `${LEGACY_DISABLED}The command '/bin/sh -c false' returned a non-zero code: 1\n`,
      "The command '/bin/sh -c false' returned a non-zero code: 1"
    ],
    // No engine: the classic builder logs its tar fallout after... or before the sentence that matters.
    [
      `${LEGACY}time="2026-11-27T02:56:26Z" level=error msg="Can't add file /c/Dockerfile to tar: io: read/write on closed pipe"\ntime="2026-11-27T02:56:26Z" level=error msg="Can't close tar writer: io: read/write on closed pipe"\nCannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?\n`,
      'Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?'
    ],
    [
      'ERROR: Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?\n',
      'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?'
    ],
    [
      'docker: Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?\n',
      'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?'
    ],
    // BuildKit: stderr is the whole build log; what a step printed is not docker's error.
    [
      '#5 [2/2] RUN echo connection refused; exit 1\n#5 0.105 connection refused\n#5 ERROR: process "/bin/sh -c echo connection refused; exit 1" did not complete successfully: exit code: 1\n------\n > [2/2] RUN echo connection refused; exit 1:\n0.105 connection refused\n------\nERROR: failed to solve: process "/bin/sh -c echo connection refused; exit 1" did not complete successfully: exit code: 1\n',
      'failed to solve: process "/bin/sh -c echo connection refused; exit 1" did not complete successfully: exit code: 1'
    ],
    // A step that prints the no-engine sentence is still only a step.
    [
      '#5 [2/2] RUN echo Cannot connect to the Docker daemon\n#5 0.1 Cannot connect to the Docker daemon\nERROR: failed to solve: process "/bin/sh -c echo Cannot connect to the Docker daemon" did not complete successfully: exit code: 1\n',
      'failed to solve: process "/bin/sh -c echo Cannot connect to the Docker daemon" did not complete successfully: exit code: 1'
    ],
    // Without buildx's closing line, the log's error words still do not count.
    ['#5 [2/2] RUN x\n#5 0.1 error: denied\nsomething ended\n', 'something ended'],
    // The deprecation notice alone says nothing about what went wrong.
    [LEGACY, ''],
    [LEGACY_DISABLED, '']
  ])('%j → %j', (text, expected) => {
    expect(lastMeaningfulLine(text)).toBe(expected)
  })

  it('a DockerError shows the line cut to 1000 characters, and is classified on all of it', () => {
    const line = `ERROR: ${'word '.repeat(1000)} unauthorized: authentication required`
    const error = new DockerError('push', 1, `${line}\n`)
    expect(error.message).toBe(`docker push failed (exit 1): ${'word '.repeat(199)}word…`)
    expect(error.kind).toBe('auth')
  })

  it('no engine: any command says what to do (a source inspected as well as a build), a build step quoting it not', () => {
    const said = 'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?'
    for (const command of ['image inspect', 'save', 'build'])
      expect(new DockerError(command, 1, `${said}\n`).message).toBe(
        `docker ${command} failed (exit 1): ${said} (no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine)`
      )
    const step =
      '#5 0.1 Cannot connect to the Docker daemon\nERROR: failed to solve: process "/bin/sh -c echo Cannot connect to the Docker daemon" did not complete successfully: exit code: 1\n'
    expect(new DockerError('buildx build', 1, step).message).not.toContain('no docker engine answers')
  })

  it('the cut drops the word it would split: the runner masks a secret whole, never its head', () => {
    const token = `ghs_${'a1'.repeat(20)}`
    const url = `http://x-access-token:${token}@git.example.com/r.git`
    for (const at of [960, 990, 999, 1000]) {
      const line = `ERROR: ${'y'.repeat(at - 1)} ${url} failed`
      const message = new DockerError('buildx build', 1, line).message
      const shown = message.slice(message.indexOf(': ') + 2)
      expect(shown.length).toBeLessThanOrEqual(1000)
      expect(shown).not.toMatch(/x-access|ghs_/)
    }
    expect(new DockerError('push', 1, `ERROR: ${'z'.repeat(2000)}`).message).toBe(
      'docker push failed (exit 1): …'
    )
  })
})

describe('pushedDigests', () => {
  const D1 = `sha256:${'1'.repeat(64)}`
  const D2 = `sha256:${'2'.repeat(64)}`
  it.each([
    [[`localhost:5000/my/app@${D1}`], 'localhost:5000/my/app', [D1]],
    [[`localhost:5000/my/app@${D1}`, `localhost:5000/other@${D2}`], 'localhost:5000/my/app', [D1]],
    [[`localhost:5000/my/app@${D1}`, `localhost:5000/my/app@${D2}`], 'localhost:5000/my/app', [D1, D2]],
    // The containerd store repeats a digest once per tag.
    [[`localhost:5000/my/app@${D1}`, `localhost:5000/my/app@${D1}`], 'localhost:5000/my/app', [D1]],
    [[`nginx@${D1}`], 'docker.io/library/nginx', [D1]],
    [[`docker.io/library/nginx@${D1}`], 'docker.io/library/nginx', [D1]],
    [[`my/app@${D1}`], 'docker.io/my/app', [D1]],
    [[`my/app@${D1}`, `nginx@${D2}`], 'docker.io/my/app', [D1]],
    [[`ghcr.io/my/app@${D1}`], 'localhost:5000/my/app', []],
    [[`my/app@${D1}`], 'ghcr.io/my/app', []],
    [[`localhost:5000/my/app:v1`], 'localhost:5000/my/app', []],
    [[], 'docker.io/library/nginx', []]
  ])('%j for %s → %j', (repoDigests, repo, expected) => {
    expect(pushedDigests(repoDigests, repo)).toEqual(expected)
  })
})

interface Call {
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
  options: ExecOptions
}

/** A runner that records every call and answers from `respond`. */
function fakeRunner(respond: (args: string[]) => Partial<ExecResult> = () => ({})): {
  runner: Runner
  calls: Call[]
} {
  const calls: Call[] = []
  const runner: Runner = async (command, args, env, options) => {
    calls.push({ command, args, env, options })
    return { exitCode: 0, stdout: '', stderr: '', ...respond(args) }
  }
  return { runner, calls }
}

describe('Docker', () => {
  const env = { DOCKER_CONFIG: '/w/config' }

  it('logs in with the password on stdin only', async () => {
    const password = 'p@ss w0rd-secret'
    const { runner, calls } = fakeRunner()
    await new Docker(runner, env).login('ghcr.io', 'u', password)
    expect(calls).toHaveLength(1)
    expect(calls[0].command).toBe('docker')
    expect(calls[0].args).toEqual(['login', '--username=u', '--password-stdin', 'ghcr.io'])
    expect(calls[0].args.join(' ')).not.toContain(password)
    expect(calls[0].options.input?.toString('utf8')).toBe(password)
    expect(calls[0].env).toBe(env)
  })

  it('logs in to Docker Hub without a host', async () => {
    const { runner, calls } = fakeRunner()
    await new Docker(runner, env).login(undefined, 'hubuser', 'pw')
    expect(calls[0].args).toEqual(['login', '--username=hubuser', '--password-stdin'])
  })

  it.each([
    ['push', 'received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    ['push', 'unauthorized: authentication required', 'auth'],
    ['push', 'denied: requested access to the resource is denied', 'auth'],
    ['push', 'net/http: TLS handshake timeout', 'transient'],
    ['push', 'manifest invalid: manifest invalid', 'fatal'],
    ['login', 'Error response from daemon: Get "https://ghcr.io/v2/": denied: denied', 'auth']
  ] as const)('%s failing with %j is a DockerError of kind %s', async (command, stderr, kind) => {
    const { runner } = fakeRunner(() => ({ exitCode: 1, stderr: `some progress\n${stderr}\n` }))
    const docker = new Docker(runner, env)
    const run = command === 'push' ? docker.push(REF) : docker.login('ghcr.io', 'u', 'p')
    const err = (await run.then(
      () => undefined,
      e => e
    )) as DockerError
    expect(err).toBeInstanceOf(DockerError)
    expect(err).toBeInstanceOf(ClassifiedError)
    expect(err.kind).toBe(kind)
    expect(err.command).toBe(command)
    expect(err.exitCode).toBe(1)
    expect(err.message).toBe(`docker ${command} failed (exit 1): ${stderr}`)
  })

  it('names "buildx build" in a failed buildx build and omits an empty detail', async () => {
    const { runner } = fakeRunner(() => ({ exitCode: 2, stderr: '' }))
    const err = (await new Docker(runner, env).build(['buildx', 'build', '.']).catch(e => e)) as DockerError
    expect(err.command).toBe('buildx build')
    expect(err.message).toBe('docker buildx build failed (exit 2)')
  })

  it('builds streaming, showing the args with secrets hidden', async () => {
    const { runner, calls } = fakeRunner()
    const args = ['build', '--build-arg=TOKEN=s3cret', `--tag=${REF}`, '.']
    await new Docker(runner, env).build(args)
    expect(calls[0].args).toEqual(args)
    expect(calls[0].options.stream).toBe(true)
    expect(calls[0].options.display).toBe(`docker build --build-arg=TOKEN=*** --tag=${REF} .`)
  })

  it('pushes one ref, streaming', async () => {
    const { runner, calls } = fakeRunner()
    await new Docker(runner, env).push(REF)
    expect(calls[0].args).toEqual(['push', REF])
    expect(calls[0].options.stream).toBe(true)
  })

  it.each([
    [
      '{"Id":"sha256:abc","RepoDigests":["localhost:5000/my/app@sha256:def"],"Size":1234}\n',
      { id: 'sha256:abc', repoDigests: ['localhost:5000/my/app@sha256:def'], size: 1234, platform: '' }
    ],
    ['{"Id":"sha256:abc"}', { id: 'sha256:abc', repoDigests: [], size: 0, platform: '' }],
    [
      '{"Id":"sha256:abc","RepoDigests":null,"Size":7}',
      { id: 'sha256:abc', repoDigests: [], size: 7, platform: '' }
    ],
    [
      '{"Id":"sha256:abc","Size":7,"Os":"linux","Architecture":"arm","Variant":"v7"}',
      { id: 'sha256:abc', repoDigests: [], size: 7, platform: 'linux/arm/v7' }
    ],
    // What is not what it should be counts as absent: a size that is no byte count would leave a push
    // without bounds (NaN), a digest that is no string would fail the comparison later.
    [
      '{"Id":"sha256:abc","Size":{},"RepoDigests":["r/a@sha256:d",5,null]}',
      { id: 'sha256:abc', repoDigests: ['r/a@sha256:d'], size: 0, platform: '' }
    ],
    [
      '{"Id":"sha256:abc","Size":-3,"RepoDigests":"r/a@sha256:d","Os":7}',
      { id: 'sha256:abc', repoDigests: [], size: 0, platform: '' }
    ],
    ['{"Id":"sha256:abc","Size":"12"}', { id: 'sha256:abc', repoDigests: [], size: 0, platform: '' }]
  ])('inspect parses %s', async (stdout, expected) => {
    const { runner, calls } = fakeRunner(() => ({ stdout }))
    expect(await new Docker(runner, env).inspect('sha256:abc')).toEqual(expected)
    expect(calls[0].args).toEqual(['image', 'inspect', '--format', '{{json .}}', 'sha256:abc'])
  })

  it.each([
    ['inspect', 'image inspect', ''],
    ['inspect', 'image inspect', 'null'],
    ['inspect', 'image inspect', '["sha256:abc"]'],
    ['inspect', 'image inspect', `{"Id":"sha256:${'a'.repeat(64)}"`],
    ['registryConfig', 'info', 'WARNING: something\n{}'],
    ['registryConfig', 'info', '"text"']
  ] as const)(
    '%s: output that is no JSON object fails, naming the command (%j)',
    async (call, command, stdout) => {
      const { runner } = fakeRunner(() => ({ stdout }))
      const docker = new Docker(runner, env)
      const result = call === 'inspect' ? docker.inspect('x') : docker.registryConfig()
      await expect(result).rejects.toThrow(new RegExp(`^docker ${command} printed no JSON object: "`))
    }
  )

  it('counts every docker process, failed ones included', async () => {
    let n = 0
    const { runner } = fakeRunner(() => ({ exitCode: n++ === 1 ? 1 : 0 }))
    const docker = new Docker(runner, env)
    expect(docker.calls).toBe(0)
    await docker.push(REF)
    await expect(docker.push(REF)).rejects.toBeInstanceOf(DockerError)
    await docker.inspect('x').catch(() => undefined)
    expect(docker.calls).toBe(3)
  })

  it.each([
    ['a plugin in the config dir', true, undefined, true],
    ['no plugin anywhere', false, undefined, false],
    ['a plugin but DOCKER_BUILDKIT=0', true, '0', false]
  ])('hasBuildxPlugin: %s', (_name, plugin, buildkit, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'btp-plugins-'))
    if (plugin) {
      mkdirSync(join(dir, 'cli-plugins'))
      writeFileSync(join(dir, 'cli-plugins', 'docker-buildx'), '')
    }
    const found = hasBuildxPlugin(dir, { DOCKER_BUILDKIT: buildkit })
    // The machine may have buildx installed system-wide; only a plugin we placed must be found.
    if (expected) expect(found).toBe(true)
    else if (plugin || !SYSTEM_BUILDX) expect(found).toBe(false)
    rmSync(dir, { recursive: true, force: true })
  })

  it('hasBuildxPlugin honours cliPluginsExtraDirs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btp-plugins-'))
    const extra = join(dir, 'extra')
    mkdirSync(extra)
    writeFileSync(join(extra, 'docker-buildx'), '')
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: [extra] }))
    expect(hasBuildxPlugin(dir, {})).toBe(true)
    rmSync(dir, { recursive: true, force: true })
  })

  it('buildxPlugin picks the one docker runs: cliPluginsExtraDirs before the config dir, in their order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'btp-plugins-'))
    const [first, second, own] = ['first', 'second', 'cli-plugins'].map(name => join(dir, name))
    for (const d of [second, own]) {
      mkdirSync(d)
      writeFileSync(join(d, 'docker-buildx'), '')
    }
    const config = (dirs: unknown): void =>
      writeFileSync(join(dir, 'config.json'), JSON.stringify({ cliPluginsExtraDirs: dirs }))
    config([first, second])
    expect(buildxPlugin(dir, {})).toBe(join(second, 'docker-buildx'))
    config([first])
    expect(buildxPlugin(dir, {})).toBe(join(own, 'docker-buildx'))
    // Not a list of paths: read as none, as before, rather than spread letter by letter.
    config('/nowhere')
    expect(buildxPlugin(dir, {})).toBe(join(own, 'docker-buildx'))
    rmSync(dir, { recursive: true, force: true })
  })

  it('runs buildx commands through the plugin, as docker would run it, and the rest through docker', async () => {
    const { runner, calls } = fakeRunner(args =>
      args[0] === 'buildx' ? { stdout: 'github.com/docker/buildx v0.13.1 abc\n' } : {}
    )
    const docker = new Docker(runner, { DOCKER_CONFIG: '/w/config' }, '/plugins/docker-buildx')
    expect(await docker.buildxVersion()).toBe('0.13.1')
    await docker.build(['buildx', 'build', '--push', '.'], { env: { DOCKER_CONFIG: '/w/config', X: '1' } })
    await docker.push(REF)
    expect(calls.map(c => [c.command, c.args.slice(0, 2)])).toEqual([
      ['/plugins/docker-buildx', ['buildx', 'version']],
      ['/plugins/docker-buildx', ['buildx', 'build']],
      ['docker', ['push', REF]]
    ])
    // docker's own arguments and the variable docker sets for its plugins; the build keeps its environment.
    expect(calls[0].env).toEqual({ DOCKER_CONFIG: '/w/config', ...PLUGIN_MODE })
    expect(calls[1].env).toEqual({ DOCKER_CONFIG: '/w/config', X: '1', ...PLUGIN_MODE })
    expect(calls[2].env).toEqual({ DOCKER_CONFIG: '/w/config' })
    // The log shows the command as the user would type it.
    expect(calls[1].options.display).toBe('docker buildx build --push .')
    expect(docker.calls).toBe(3)
  })
})

describe('failures of a build step are never transient, nor auth', () => {
  const BUILDKIT = (step: string, code = 1): string =>
    `#5 [2/2] RUN ${step}\n#5 0.1 ${step}\n#5 ERROR: process "/bin/sh -c ${step}" did not complete successfully: exit code: ${code}\n------\n > [2/2] RUN ${step}:\n------\nERROR: failed to solve: process "/bin/sh -c ${step}" did not complete successfully: exit code: ${code}\n`
  const CLASSIC = (step: string, code = 1): string =>
    `${LEGACY}The command '/bin/sh -c ${step}' returned a non-zero code: ${code}\n`
  it.each([
    ['buildx build', BUILDKIT('echo connection refused; exit 1')],
    ['buildx build', BUILDKIT('echo permission denied; exit 1')],
    ['buildx build', BUILDKIT('echo 503 unauthorized EOF; exit 3', 3)],
    ['build', CLASSIC('echo connection refused; exit 1')],
    ['build', CLASSIC('echo permission denied; exit 1')],
    ['build', CLASSIC('echo 401 i/o timeout; exit 9', 9)]
  ])('%s: %j is fatal', async (command, stderr) => {
    const { runner } = fakeRunner(() => ({ exitCode: 1, stderr }))
    const args = command === 'build' ? ['build', '.'] : ['buildx', 'build', '.']
    const err = (await new Docker(runner, {}).build(args).catch(e => e)) as DockerError
    expect(err).toBeInstanceOf(DockerError)
    expect(err.kind).toBe('fatal')
    expect(err.message).toMatch(/did not complete successfully|returned a non-zero code/)
  })

  it('a push from inside the build that failed on the network is still transient', async () => {
    const stderr =
      '#9 pushing layers\n#9 ERROR: failed to push\nERROR: failed to solve: failed to push 127.0.0.1:5000/a:v1: failed to do request: Put "http://127.0.0.1:5000/v2/a/blobs/uploads/x": EOF\n'
    const { runner } = fakeRunner(() => ({ exitCode: 1, stderr }))
    const err = (await new Docker(runner, {}).build(['buildx', 'build', '.']).catch(e => e)) as DockerError
    expect(err.kind).toBe('transient')
  })
})

describe('bounds', () => {
  it('defaults, and positive integers from the environment', () => {
    expect(boundsFrom({})).toEqual({
      shortMs: SHORT_DEADLINE_MS,
      pushStallMs: PUSH_STALL_MS,
      pushMinMs: PUSH_MIN_MS
    })
    expect(
      boundsFrom({ BTP_SHORT_DEADLINE_MS: '500', BTP_PUSH_STALL_MS: ' 3000 ', BTP_PUSH_MIN_MS: '9000' })
    ).toEqual({ shortMs: 500, pushStallMs: 3000, pushMinMs: 9000 })
    for (const bad of ['', '0', '-5', '1.5', '3s', 'abc'])
      expect(boundsFrom({ BTP_PUSH_STALL_MS: bad }).pushStallMs).toBe(PUSH_STALL_MS)
  })

  it.each([
    [0, PUSH_STALL_MS, PUSH_MIN_MS],
    [10 * 1024 * 1024, PUSH_STALL_MS, PUSH_MIN_MS],
    // 100 MiB at 1 MiB/s: the stall window grows first (a layer that size uploads in silence).
    [100 * PUSH_MIN_THROUGHPUT, 100_000, PUSH_MIN_MS],
    // 1 GiB: both are the time the whole image takes at the minimum throughput.
    [1024 * PUSH_MIN_THROUGHPUT, 1_024_000, 1_024_000]
  ])('pushWatch for %d bytes: stall %d ms, ceiling %d ms', (size, stallMs, ceilingMs) => {
    expect(pushWatch(boundsFrom({}), size)).toEqual({ stallMs, ceilingMs })
  })

  it('the short commands get the fixed deadline; build none', async () => {
    const { runner, calls } = fakeRunner(a =>
      a[0] === 'image' ? { stdout: '{"Id":"sha256:a"}' } : a[0] === 'info' ? { stdout: '{}' } : {}
    )
    const docker = new Docker(runner, { BTP_SHORT_DEADLINE_MS: '1234' })
    await docker.inspect('x')
    await docker.registryConfig()
    await docker.login('h', 'u', 'p')
    await docker.build(['build', '.'])
    expect(calls.map(c => c.options.deadlineMs)).toEqual([1234, 1234, 1234, undefined])
    expect(calls.map(c => c.options.watch)).toEqual([undefined, undefined, undefined, undefined])
    expect(calls[2].options.input?.toString()).toBe('p')
  })

  it('a push is watched; the size, once known, grows its bounds', async () => {
    let size!: (n: number) => void
    const sizing = new Promise<number>(resolve => (size = resolve))
    const seen: unknown[] = []
    const runner: Runner = async (_c, _a, _e, options) => {
      seen.push(options.watch?.())
      size(2048 * PUSH_MIN_THROUGHPUT)
      await sizing
      await new Promise(r => setImmediate(r))
      seen.push(options.watch?.())
      return { exitCode: 0, stdout: '', stderr: '' }
    }
    await new Docker(runner, { BTP_PUSH_STALL_MS: '5000', BTP_PUSH_MIN_MS: '7000' }).push(REF, sizing)
    expect(seen).toEqual([
      { stallMs: 5000, ceilingMs: 7000 },
      { stallMs: 2_048_000, ceilingMs: 2_048_000 }
    ])
    const fixed: unknown[] = []
    const runner2: Runner = async (_c, _a, _e, options) => {
      fixed.push(options.watch?.())
      return { exitCode: 0, stdout: '', stderr: '' }
    }
    await new Docker(runner2, {}).push(REF, 300 * PUSH_MIN_THROUGHPUT)
    await new Docker(runner2, {}).push(REF, Promise.reject(new Error('inspect failed')))
    await new Docker(runner2, {}).push(REF, NaN)
    expect(fixed).toEqual([
      { stallMs: 300_000, ceilingMs: 300_000 },
      { stallMs: PUSH_STALL_MS, ceilingMs: PUSH_MIN_MS },
      { stallMs: PUSH_STALL_MS, ceilingMs: PUSH_MIN_MS }
    ])
  })

  it.each([
    [
      'push',
      { reason: 'stall', afterMs: 60_000 },
      `docker push stalled: no progress for 60 s on ${REF}`,
      'transient'
    ],
    [
      'push, its layers queued',
      { reason: 'stall', afterMs: 60_000 },
      `docker push stalled: no progress for 60 s on ${REF} (2 of its layers were still waiting for an upload slot: another push on this docker engine may hold them)`,
      'transient'
    ],
    [
      'push',
      { reason: 'ceiling', afterMs: 4_500 },
      `docker push timed out after 4.5 s on ${REF}`,
      'transient'
    ],
    [
      'push',
      { reason: 'signal', signal: 'SIGINT' },
      'docker push stopped: the run was cancelled (SIGINT)',
      'fatal'
    ],
    [
      'inspect',
      { reason: 'deadline', afterMs: 60_000 },
      'docker image inspect timed out after 60 s',
      'transient'
    ],
    [
      'build',
      { reason: 'signal', signal: 'SIGTERM' },
      'docker build stopped: the run was cancelled (SIGTERM)',
      'fatal'
    ]
  ] as const)('%s stopped by %j: %s (%s)', async (what, stopped, message, kind) => {
    // As dockerd prints a push whose uploads wait behind another push's (the last status of each layer counts).
    const stdout = what.includes('queued')
      ? 'The push refers to repository [x]\naaaaaaaaaaaa: Preparing\nbbbbbbbbbbbb: Preparing\ncccccccccccc: Preparing\naaaaaaaaaaaa: Waiting\nbbbbbbbbbbbb: Waiting\ncccccccccccc: Waiting\ncccccccccccc: Pushed\n'
      : ''
    const { runner } = fakeRunner(() => ({ exitCode: 143, stdout, stderr: 'context canceled\n', stopped }))
    const docker = new Docker(runner, {})
    const run = what.startsWith('push')
      ? docker.push(REF)
      : what === 'inspect'
        ? docker.inspect('x')
        : docker.build(['build', '.'])
    const err = (await run.then(
      () => undefined,
      e => e
    )) as DockerError
    expect(err).toBeInstanceOf(DockerError)
    expect(err.message).toBe(message)
    expect(err.kind).toBe(kind)
  })
})

describe('pushReportDigest', () => {
  const D = `sha256:${'a'.repeat(64)}`
  it.each([
    [
      'localhost:5000/my/app:v1',
      `The push refers to repository [localhost:5000/my/app]\nv1: digest: ${D} size: 943\n`,
      D
    ],
    ['localhost:5000/my/app:v1.2', `v1.2: digest: ${D} size: 1\n`, D],
    // Another tag's line, a regex-looking tag, or no line at all: nothing.
    ['localhost:5000/my/app:v1', `v2: digest: ${D} size: 943\n`, ''],
    ['localhost:5000/my/app:v1', `v1x1: digest: ${D} size: 943\n`, ''],
    ['localhost:5000/my/app:v.1', `vx1: digest: ${D} size: 943\n`, ''],
    ['localhost:5000/my/app:v1', 'v1: Pushed\n', '']
  ])('%s in %j → %j', (ref, stdout, expected) => {
    expect(pushReportDigest(stdout, ref)).toBe(expected)
  })
})

describe("insecure registries, by dockerd's rule", () => {
  // What `docker info --format '{{json .RegistryConfig}}'` printed with insecure-registries set.
  const config: DaemonRegistryConfig = {
    IndexConfigs: {
      'docker.io': { Secure: true },
      'lan-registry:5000': { Secure: false },
      'pinned.example:443': { Secure: true }
    },
    InsecureRegistryCIDRs: ['127.0.0.0/8', '172.31.213.0/24', 'fd00:1::/64']
  }

  it.each([
    ['a listed name', 'lan-registry:5000', [], true],
    ['a listed name that is secure, whatever its address', 'pinned.example:443', ['172.31.213.9'], false],
    ['an address in an insecure CIDR', '172.31.213.1:5000', ['172.31.213.1'], true],
    ['a name resolving into an insecure CIDR', 'builder.lan:5000', ['10.0.0.1', '172.31.213.7'], true],
    ['an address outside every CIDR', '172.17.0.1:5000', ['172.17.0.1'], false],
    ['an IPv6 address in an insecure CIDR', '[fd00:1::5]:5000', ['fd00:1::5'], true],
    ['an IPv6 address outside', '[fd00:2::5]:5000', ['fd00:2::5'], false],
    ['a name that does not resolve', 'nowhere.invalid:5000', [], false],
    ['docker.io', 'docker.io', ['1.2.3.4'], false]
  ])('%s: %s → %p', (_what, registry, addresses, expected) => {
    expect(insecureByConfig(config, registry, addresses)).toBe(expected)
  })

  it('tolerates the nulls docker prints for empty settings', () => {
    expect(insecureByConfig({ IndexConfigs: null, InsecureRegistryCIDRs: null }, 'x:1', ['127.0.0.1'])).toBe(
      false
    )
  })

  it.each([
    [
      'IndexConfigs of another type',
      { IndexConfigs: 'lan:5000', InsecureRegistryCIDRs: ['127.0.0.0/8'] },
      true
    ],
    [
      'an entry of another type',
      { IndexConfigs: { 'x:1': 'insecure' }, InsecureRegistryCIDRs: ['127.0.0.0/8'] },
      true
    ],
    ['CIDRs that are no list', { InsecureRegistryCIDRs: '127.0.0.0/8' }, false],
    ['a CIDR that is no string', { InsecureRegistryCIDRs: [7, { a: 1 }, '127.0.0.0/8'] }, true],
    ['a prefix out of range', { InsecureRegistryCIDRs: ['127.0.0.0/33', 'fd00::/129'] }, false],
    [
      'a prefix that is no number',
      { InsecureRegistryCIDRs: ['127.0.0.0/x', '127.0.0.0/', '127.0.0.0'] },
      false
    ]
  ])('reads an answer of another shape as unset, without throwing: %s', (_what, odd, expected) => {
    expect(insecureByConfig(odd as unknown as DaemonRegistryConfig, 'x:1', ['127.0.0.1'])).toBe(expected)
  })

  it('asks docker info for the registry config and applies it to a literal address', async () => {
    const { runner, calls } = fakeRunner(() => ({ stdout: JSON.stringify(config) + '\n' }))
    const docker = new Docker(runner, {})
    expect(await dockerTreatsAsInsecure(docker, '172.31.213.1:5000')).toBe(true)
    expect(await dockerTreatsAsInsecure(docker, '[fd00:2::5]:5000')).toBe(false)
    expect(calls.map(c => c.args)).toEqual([
      ['info', '--format', '{{json .RegistryConfig}}'],
      ['info', '--format', '{{json .RegistryConfig}}']
    ])
  })

  it('resolves a host name the way the daemon would', async () => {
    const { runner } = fakeRunner(() => ({ stdout: JSON.stringify(config) }))
    // localhost resolves to 127.0.0.1 (and perhaps ::1); 127.0.0.0/8 is insecure by default.
    expect(await dockerTreatsAsInsecure(new Docker(runner, {}), 'localhost:5000')).toBe(true)
  })
})

describe('lastMeaningfulLine keeps a sentence that goes on over several lines', () => {
  it('a failed git clone: the host, the reason and the exit status, not "unable to connect to 127.0.0.1:"', () => {
    const stderr = [
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
      '            Install the buildx component to build images with BuildKit:',
      '',
      "unable to prepare context: unable to 'git clone' to temporary context directory: error fetching: fatal: unable to connect to 127.0.0.1:",
      '127.0.0.1[0: 127.0.0.1]: errno=Connection refused',
      '',
      ': exit status 128'
    ].join('\n')
    expect(lastMeaningfulLine(stderr)).toBe(
      "unable to prepare context: unable to 'git clone' to temporary context directory: error fetching: fatal: unable to connect to 127.0.0.1: 127.0.0.1[0: 127.0.0.1]: errno=Connection refused: exit status 128"
    )
  })

  it('a line that ends a sentence stays alone', () => {
    expect(lastMeaningfulLine('step 1\nError: denied\nnext: thing')).toBe('Error: denied')
  })
})
