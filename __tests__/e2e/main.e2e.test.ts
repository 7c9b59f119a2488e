// The action end to end: the committed bundle, a real docker engine, a real registry, and skopeo as the
// independent witness of what the registry holds.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { errorLines, expectSucceeded, EXPECTED_BUILDER, runAction } from '../helpers/action.js'
import {
  dockerCli,
  dockerOk,
  ensureBaseImage,
  makeContext,
  removeImages,
  requireDocker
} from '../helpers/docker.js'
import {
  lanAddress,
  makeCertificates,
  startRegistry,
  type TestRegistry,
  servedManifest
} from '../helpers/registry.js'
import { inspectRaw, listTags, tagExists } from '../helpers/skopeo.js'

let registry: TestRegistry
let base: string
let n = 0
/** A fresh repository per test, so tests never see each other's tags. */
const repo = (name: string): string => `e2e/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

const SIMPLE = (b: string): string => `FROM ${b}\nRUN echo built > /built.txt\nCMD ["cat", "/built.txt"]\n`

/** The action on a fresh SIMPLE context: the common case of the registry-facing tests below. */
const pushSimple = async (registry: string, image: string, tags: string, env?: NodeJS.ProcessEnv) =>
  runAction(
    { context: await makeContext({ Dockerfile: SIMPLE(base) }), image, registry, tags },
    env ? { env } : {}
  )

describe('build, tag, push, verify', () => {
  it('a job summary that cannot be written is a warning: the step that pushed still succeeds', async () => {
    const image = repo('nosummary')
    const run = await pushSimple(registry.host, image, 'v1', {
      GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary'
    })
    expectSucceeded(run)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    expect(run.log).toMatch(/^::warning::could not write the job summary: .*nonexistent/m)
    expect(errorLines(run.stdout)).toEqual([])
  })

  it('DOCKER_BUILD_SUMMARY=false writes no job summary, as build-push-action writes none', async () => {
    const image = repo('summaryoff')
    const run = await pushSimple(registry.host, image, 'v1', { DOCKER_BUILD_SUMMARY: 'false' })
    expectSucceeded(run)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
    expect(run.summary).toBe('')
  })

  it('pushes one tag, outputs the registry content digest, and the image can be pulled back by digest', async () => {
    const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
    const image = repo('one')
    const run = await runAction({ context: ctx, image, registry: registry.host, tags: 'v1' })
    expectSucceeded(run)
    const remote = await inspectRaw(registry.host, `${image}:v1`)
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(run.outputs.digest).toBe(remote.digest)
    expect(run.outputs['image-ref']).toBe(`${registry.host}/${image}@${remote.digest}`)
    expect(run.outputs.tags).toBe(`${registry.host}/${image}:v1`)
    const local = await dockerOk(['image', 'inspect', '--format', '{{.Id}}', `${registry.host}/${image}:v1`])
    expect(run.outputs.imageid).toBe(local.stdout.trim())
    const metadata = JSON.parse(run.outputs.metadata)
    expect(metadata).toMatchObject({
      digest: remote.digest,
      'image-ref': run.outputs['image-ref'],
      pushed: true,
      builder: EXPECTED_BUILDER
    })
    expect(Object.keys(metadata.durations)).toEqual(expect.arrayContaining(['build', 'push', 'verify']))
    expect(run.summary).toContain(remote.digest)
    expect(run.log).toContain('::group::Build')
    expect(run.log).toContain('::group::Verify')
    // core.isDebug(): debug lines only when the run asks for them.
    expect(run.log).not.toContain('::debug::')

    // Gone locally, back by digest from the registry, and it runs.
    await removeImages(`${registry.host}/${image}`)
    await dockerOk(['pull', run.outputs['image-ref']])
    const out = await dockerOk(['run', '--rm', run.outputs['image-ref']])
    expect(out.stdout.trim()).toBe('built')
  })

  it('pushes several tags that all serve the same digest', async () => {
    const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
    const image = repo('multi')
    const run = await runAction({
      context: ctx,
      image,
      registry: registry.host,
      tags: 'v1.2.3, v1.2\nlatest'
    })
    expectSucceeded(run)
    expect((await listTags(registry.host, image)).sort()).toEqual(['latest', 'v1.2', 'v1.2.3'])
    for (const tag of ['v1.2.3', 'v1.2', 'latest'])
      expect((await inspectRaw(registry.host, `${image}:${tag}`)).digest).toBe(run.outputs.digest)
    expect(run.outputs.tags.split('\n')).toEqual(
      ['v1.2.3', 'v1.2', 'latest'].map(t => `${registry.host}/${image}:${t}`)
    )
    // One docker push; the other tags went up as manifests through the registry API.
    expect(run.log.match(/\[command\]docker push/g)).toHaveLength(1)
    expect(run.log).toMatch(/Tagged v1.2, latest on \S+ through the registry API/)
    // build, push, inspect: the count does not grow with the number of tags.
    const { counts } = JSON.parse(run.outputs.metadata)
    expect(counts.docker).toBe(3)
    // One GET per tag verifies them all, over the connections the push already opened.
    expect(counts.verification).toBe(3)
  })

  it('defaults to latest and lowercases the image with a notice', async () => {
    const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
    const image = repo('lower')
    const run = await runAction({
      context: ctx,
      image: image.replace('lower', 'LoWeR'),
      registry: registry.host
    })
    expectSucceeded(run)
    expect(run.log).toMatch(/::notice::image ".*LoWeR.*" was lowercased/)
    expect(await listTags(registry.host, image)).toEqual(['latest'])
  })

  it('honours file, target, build-args, labels and .dockerignore, checked inside the pulled image', async () => {
    const ctx = await makeContext({
      'docker/Custom.Dockerfile': [
        `FROM ${base} AS first`,
        'ARG GREETING',
        'ARG LIST',
        'COPY . /ctx',
        'RUN echo "$GREETING" > /greeting && echo "$LIST" > /list',
        'FROM first AS second',
        'RUN echo second > /stage',
        'FROM first AS third',
        'RUN echo third > /stage',
        ''
      ].join('\n'),
      'kept.txt': 'kept',
      'secret.txt': 'must not be sent',
      'logs/a.log': 'ignored',
      '.dockerignore': 'secret.txt\nlogs\n'
    })
    const image = repo('options')
    const run = await runAction(
      {
        context: ctx,
        file: join(ctx, 'docker', 'Custom.Dockerfile'),
        image,
        registry: registry.host,
        tags: 'opts',
        target: 'second',
        'build-args': 'GREETING=hello, world = ok\nLIST=a,b,c',
        labels: 'com.example.team=core, infra\ncom.example.note=a=b'
      },
      { cwd: ctx }
    )
    expectSucceeded(run)
    await removeImages(`${registry.host}/${image}`)
    const ref = run.outputs['image-ref']
    await dockerOk(['pull', ref])
    const sh = (cmd: string) => dockerOk(['run', '--rm', '--entrypoint', 'sh', ref, '-c', cmd])
    expect((await sh('cat /greeting')).stdout.trim()).toBe('hello, world = ok')
    expect((await sh('cat /list')).stdout.trim()).toBe('a,b,c')
    expect((await sh('cat /stage')).stdout.trim()).toBe('second')
    expect((await sh('cat /ctx/kept.txt')).stdout.trim()).toBe('kept')
    expect((await sh('ls /ctx')).stdout.split('\n')).not.toContain('secret.txt')
    expect((await sh('ls /ctx')).stdout.split('\n')).not.toContain('logs')
    const labels = JSON.parse(
      (await dockerOk(['image', 'inspect', '--format', '{{json .Config.Labels}}', ref])).stdout
    ) as Record<string, string>
    expect(labels['com.example.team']).toBe('core, infra')
    expect(labels['com.example.note']).toBe('a=b')
    expect(labels['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    // Our own command line hides build-arg values (BuildKit's step names may still expand them:
    // build-args are not for secrets, the `secrets` input is).
    expect(run.log).toContain('--build-arg=GREETING=***')
    expect(run.log).not.toContain('--build-arg=GREETING=hello')
  })

  it('with push: false builds and tags locally, outputs no digest, and pushes nothing', async () => {
    const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
    const image = repo('nopush')
    const run = await runAction({
      context: ctx,
      image,
      registry: registry.host,
      tags: 'local',
      push: 'false'
    })
    expectSucceeded(run)
    expect(run.outputs.digest).toBe('')
    expect(run.outputs['image-ref']).toBe('')
    expect(run.outputs.imageid).toMatch(/^sha256:/)
    expect(run.outputs.tags).toBe(`${registry.host}/${image}:local`)
    await dockerOk(['image', 'inspect', `${registry.host}/${image}:local`])
    expect(await tagExists(registry.host, `${image}:local`)).toBe(false)
    expect(run.log).not.toContain('[command]docker push')
  })

  it('a failing build ends in one error line, pushes nothing and leaves no container behind', async () => {
    // The step's own words, so that its container (the classic builder keeps it by default) can be found.
    const step = `echo about to fail ${randomUUID()} && exit 3`
    const ctx = await makeContext({ Dockerfile: `FROM ${base}\nRUN ${step}\n` })
    const image = repo('fails')
    const run = await runAction({ context: ctx, image, registry: registry.host, tags: 'x' })
    expect(run.code).toBe(1)
    const containers = await dockerOk(['ps', '--all', '--no-trunc', '--format', '{{.ID}} {{.Command}}'])
    expect(containers.stdout.split('\n').filter(line => line.includes(step))).toEqual([])
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(
      /docker (buildx )?build failed \(exit \d+\): .*(returned a non-zero code: 3|exit code: 3)/
    )
    expect(run.outputs.digest ?? '').toBe('')
    expect(run.log).not.toContain('[command]docker push')
    expect(await tagExists(registry.host, `${image}:x`)).toBe(false)
  })

  it('removes its private directory from RUNNER_TEMP', async () => {
    const ctx = await makeContext({ Dockerfile: SIMPLE(base) })
    const run = await runAction({
      context: ctx,
      image: repo('clean'),
      registry: registry.host,
      push: 'false'
    })
    expectSucceeded(run)
    expect(run.state.workDir).toContain(run.runnerTemp)
    expect(existsSync(run.state.workDir)).toBe(false)
  })
})

describe('a registry on the IPv6 loopback, [::1]:PORT', () => {
  let v6: TestRegistry
  beforeAll(async () => {
    v6 = await startRegistry({ address: '::1' })
  })
  afterAll(async () => {
    await v6?.stop()
  })

  const served = (image: string, tag: string) => servedManifest(v6.host, image, tag)

  it('pushes and verifies where the engine takes IPv6 references, and otherwise says why it cannot', async () => {
    // What this engine's own reference parser says, asked without the action.
    const probe = await dockerCli(['tag', base, `${v6.host}/probe/ipv6:1`])
    const engineTakesIPv6 = probe.code === 0
    if (!engineTakesIPv6) expect(probe.stderr).toMatch(/invalid reference format/)

    const image = repo('ipv6')
    const run = await pushSimple(v6.host, image, 'v1,v2')
    if (engineTakesIPv6) {
      expectSucceeded(run)
      const [one, two] = [await served(image, 'v1'), await served(image, 'v2')]
      expect(one.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(two.digest).toBe(one.digest)
      expect(run.outputs.digest).toBe(one.digest)
      expect(run.outputs['image-ref']).toBe(`${v6.host}/${image}@${one.digest}`)
    } else {
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('invalid reference format')
      expect(errors[0]).toContain('does not accept an IPv6 address')
      expect(run.outputs.digest ?? '').toBe('')
      expect((await served(image, 'v1')).status).toBe(404)
    }
  })
})

describe('a plain-HTTP registry on a non-loopback address', () => {
  let lan: TestRegistry
  beforeAll(async () => {
    lan = await startRegistry({ address: lanAddress() })
  })
  afterAll(async () => {
    await lan?.stop()
  })

  it('is verified over HTTP where docker holds it insecure, and otherwise fails before the build, saying why', async () => {
    // Whether this engine pushes there over plain HTTP, asked of docker itself.
    await dockerOk(['tag', base, `${lan.host}/probe/insecure:1`])
    const probe = await dockerCli(['push', `${lan.host}/probe/insecure:1`])
    const insecure = probe.code === 0
    if (!insecure) expect(probe.stderr).toContain('server gave HTTP response to HTTPS client')

    const image = repo('insecure')
    const run = await pushSimple(lan.host, image, 'v1,v2')
    if (insecure) {
      expectSucceeded(run)
      expect(run.log).toContain(`${lan.host} is an insecure registry for this docker engine`)
      const remote = await inspectRaw(lan.host, `${image}:v1`)
      expect(run.outputs.digest).toBe(remote.digest)
      expect((await inspectRaw(lan.host, `${image}:v2`)).digest).toBe(remote.digest)
    } else {
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain(`https://${lan.host}/v2/`)
      expect(errors[0]).toContain('answers plain HTTP')
      expect(errors[0]).toContain('insecure-registries')
      expect(run.log).not.toMatch(/^\[command\]docker (buildx )?build/m)
      expect(await tagExists(lan.host, `${image}:v1`)).toBe(false)
    }
  })
})

describe('a registry with a private CA that also demands client certificates, set up in /etc/docker/certs.d', () => {
  let secure: TestRegistry
  let certs: string
  let trustDir: string
  beforeAll(async () => {
    const address = lanAddress()
    certs = await mkdtemp(join(tmpdir(), 'btp-ca-'))
    const tls = await makeCertificates(certs, address)
    secure = await startRegistry({ address, tls: { ...tls, clientCas: [tls.ca] } })
    // Where dockerd looks for this registry's CA and client pair; the action must use the same files.
    trustDir = join('/etc/docker/certs.d', secure.host)
    await mkdir(trustDir, { recursive: true })
    await copyFile(tls.ca, join(trustDir, 'ca.crt'))
    await copyFile(tls.client.cert, join(trustDir, 'client.cert'))
    await copyFile(tls.client.key, join(trustDir, 'client.key'))
  })
  afterAll(async () => {
    if (trustDir) await rm(trustDir, { recursive: true, force: true })
    await secure?.stop()
    if (certs) await rm(certs, { recursive: true, force: true })
  })

  it('docker pushes and the action verifies over TLS, trusting the same CA and showing the same client certificate', async () => {
    const image = repo('private-ca')
    const run = await pushSimple(secure.host, image, 'v1,v2')
    expectSucceeded(run)
    // Trusted through certs.d, not waved through as an insecure registry.
    expect(run.log).not.toContain('is an insecure registry')
    const remote = await inspectRaw(secure.host, `${image}:v1`)
    expect(run.outputs.digest).toBe(remote.digest)
    expect((await inspectRaw(secure.host, `${image}:v2`)).digest).toBe(remote.digest)
  })
})

describe('failures that only docker can find end in one clear error, with nothing pushed', () => {
  it('a Dockerfile with a syntax error', async () => {
    const image = repo('syntax')
    const run = await runAction({
      context: await makeContext({ Dockerfile: `FROM ${base}\nCOPPY . /app\n` }),
      image,
      registry: registry.host,
      tags: 'v1'
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/docker (buildx )?build failed \(exit \d+\): .*unknown instruction: COPPY/i)
    // The annotation points at the Dockerfile line that the builder named.
    expect(errors[0]).toMatch(/^::error title=Build failed,file=[^,]*Dockerfile,line=2::/)
    expect(run.log).not.toContain('[command]docker push')
    expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
  })

  it('a docker engine that is not running: says so, with no stack trace', async () => {
    const image = repo('noengine')
    const run = await pushSimple(registry.host, image, 'v1', {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock'
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Cannot connect to the Docker daemon at unix:///nonexistent/docker.sock')
    expect(errors[0]).toContain(
      'no docker engine answers: start dockerd, or point DOCKER_HOST at a running engine'
    )
    expect(run.log).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m)
    expect(run.log).not.toContain('::warning::') // not retried as if the network were flaky
    expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
  })
})

describe('bad input is rejected before any build, with nothing pushed', () => {
  let ctx: string
  const marker = '/tmp/btp-injected'
  beforeAll(async () => {
    ctx = await makeContext({ Dockerfile: SIMPLE(base), 'other/Dockerfile': SIMPLE(base) })
    await mkdir(join(ctx, 'nodockerfile'))
    await writeFile(join(ctx, 'nodockerfile', 'README'), 'no Dockerfile here')
  })

  // [input set, its bad value, the input the error must name (default: the same)]
  const cases: [string, string, string?][] = [
    ['tags', 'Bad Tag'],
    ['tags', '-leading'],
    ['tags', '.leading'],
    ['tags', 'x'.repeat(129)],
    ['tags', `$(touch ${marker})`],
    ['tags', `v1;touch ${marker}`],
    ['tags', `v1\n$(touch ${marker})`],
    // a full reference, which names its own image: beside the image input, an error naming tags
    ['tags', 'my/app:v1'],
    ['image', 'My/App:v1'],
    ['image', 'my/app@sha256:' + 'a'.repeat(64)],
    // Under a registry other than Docker Hub, ghcr.io/owner/app is a valid path (reference.e2e pushes one).
    ['image', 'localhost:5000/app'],
    ['image', 'my//app'],
    ['image', '-rf'],
    ['image', `app$(touch ${marker})`],
    ['image', ''],
    ['registry', 'https://ghcr.io'],
    ['registry', 'ghcr.io/owner'],
    ['registry', 'localhost:99999'],
    ['registry', 'bad_host.io'],
    ['registry', `host;touch ${marker}`],
    ['push', 'yes'],
    ['no-cache', '1'],
    ['pull', 'maybe'],
    ['build-args', '=value'],
    ['build-args', 'NO VALUE'],
    ['labels', ' =x'],
    ['context', '/does/not/exist'],
    ['context', '--help'],
    ['file', '/does/not/exist/Dockerfile'],
    ['retries', '0'],
    ['retries', 'many'],
    ['target', '--output=/tmp'],
    ['password', 'only-a-password', 'username'],
    ['username', 'only-a-user', 'password']
  ]

  it.each(cases)('%s = %j', async (input, value, named = input) => {
    const inputs: Record<string, string> = { context: ctx, image: 'e2e/badinput', registry: registry.host }
    inputs[input] = value
    const run = await runAction(inputs)
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Invalid input "${named}"`)
    expect(run.log).not.toContain('[command]docker')
    expect(existsSync(marker)).toBe(false)
  })

  it('missing Dockerfile in the context', async () => {
    const run = await runAction({
      context: join(ctx, 'nodockerfile'),
      image: 'e2e/badinput',
      registry: registry.host
    })
    expect(run.code).toBe(1)
    expect(errorLines(run.stdout)[0]).toContain('Invalid input "file": no Dockerfile in context')
  })

  it('a context that is a file, not a directory', async () => {
    const run = await runAction({
      context: join(ctx, 'Dockerfile'),
      image: 'e2e/badinput',
      registry: registry.host
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Invalid input "context"')
    expect(errors[0]).toMatch(/not a directory/)
    expect(run.log).not.toContain('[command]docker')
  })

  it('never echoes a build-arg value in an error', async () => {
    const run = await runAction({
      context: ctx,
      image: 'e2e/badinput',
      registry: registry.host,
      'build-args': 'GOOD=fine\n =s3cr3t-value'
    })
    expect(run.code).toBe(1)
    expect(run.log).not.toContain('s3cr3t-value')
  })

  afterAll(async () => {
    // Nothing reached the registry from any of the cases above.
    expect(await tagExists(registry.host, 'e2e/badinput:latest')).toBe(false)
    expect((await dockerCli(['image', 'inspect', `${registry.host}/e2e/badinput:latest`])).code).not.toBe(0)
  })
})
