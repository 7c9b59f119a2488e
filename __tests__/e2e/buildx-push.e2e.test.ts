// The push straight from BuildKit: on a builder of its own (here the remote driver) every tag is
// pushed by the build itself (no `docker push`), `imageid` is the config digest, `metadata` carries buildx's
// own keys. On the docker driver one platform still goes load + docker push (see plan.ts). `load` and
// `outputs` decide what else happens. The classic engine keeps `docker push` (checked below too).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EXPECTED_BUILDER, expectSucceeded, runAction } from '../helpers/action.js'
import { remoteBuilder, type RemoteBuilder } from '../helpers/buildkit-proxy.js'
import { dockerCli, ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, listTags, tagExists } from '../helpers/skopeo.js'

let registry: TestRegistry
let base: string
let n = 0
const repo = (name: string): string => `bp/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

/** A Dockerfile whose result is new each time: nothing of it is in the registry or the engine yet. */
const fresh = (b: string): string => `FROM ${b}\nRUN echo ${randomBytes(8).toString('hex')} > /fresh.txt\n`
const pushCommands = (log: string): string[] =>
  log.split('\n').filter(l => /\[command\]docker push\b/.test(l))

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine, a remote-driver builder: the build pushes, nothing else does', () => {
    // setup-buildx-action's builders (docker-container, remote, kubernetes) push from BuildKit; the remote
    // driver is the one that runs here without images from Docker Hub.
    let remote: RemoteBuilder
    const NAME = 'btp-push-remote'
    beforeAll(async () => {
      // Chosen with `docker buildx use`, as setup-buildx-action does: no builder input needed.
      remote = await remoteBuilder(NAME, { use: true })
    })
    afterAll(async () => {
      await remote?.stop()
    })
    const onRemote = (inputs: Record<string, string>) =>
      runAction(inputs, { env: { DOCKER_CONFIG: remote.userConfig } })

    it('every tag pushed by one build: no docker push, one docker process, config digest as imageid, buildx keys in metadata', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('direct')
      const run = await onRemote({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1,v2,v3',
        provenance: 'false'
      })
      expectSucceeded(run)
      expect(run.log).toContain(`building with "${NAME}" instance using remote driver`)
      expect(remote.proxy.connections).toBeGreaterThan(0)
      expect(pushCommands(run.log)).toEqual([])
      expect(run.log).toMatch(/\[command\]docker buildx build .*--push/)
      const served = await Promise.all(
        ['v1', 'v2', 'v3'].map(t => inspectRaw(registry.host, `${image}:${t}`))
      )
      for (const s of served) expect(s.digest).toBe(run.outputs.digest)
      const manifest = served[0].json
      expect(run.outputs.imageid).toBe(manifest.config.digest)
      const metadata = JSON.parse(run.outputs.metadata)
      expect(metadata.counts.docker).toBe(1)
      expect(metadata['containerimage.digest']).toBe(run.outputs.digest)
      expect(metadata['containerimage.config.digest']).toBe(manifest.config.digest)
      expect(metadata['image.name']).toBe(
        ['v1', 'v2', 'v3'].map(t => `${registry.host}/${image}:${t}`).join(',')
      )
      expect(metadata['buildx.build.ref']).toMatch(/\S/)
      // The size is what the registry stores: the config and the compressed layers.
      const bytes =
        manifest.config.size + manifest.layers.reduce((sum: number, l: { size: number }) => sum + l.size, 0)
      expect(metadata.size).toBe(bytes)
      expect(JSON.parse(run.outputs['platform-digests'])).toEqual({ 'linux/amd64': run.outputs.digest })
    })

    it("cache-to in buildx's shorthand (a reference, no '='): the cache is exported there and the build verified", async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('cache-shorthand')
      const run = await onRemote({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        'cache-to': `${registry.host}/${image}:buildcache`
      })
      expectSucceeded(run)
      expect(run.log).toContain(
        `--cache-to=type=registry,ref=${registry.host}/${image}:buildcache,ignore-error=true`
      )
      expect(run.log.split('\n').filter(l => l.startsWith('::warning::'))).toEqual([])
      expect(await tagExists(registry.host, `${image}:buildcache`)).toBe(true)
      expect((await inspectRaw(registry.host, `${image}:v1`)).digest).toBe(run.outputs.digest)
    })

    // docker's recipe, "Distribute build across multiple runners": each leg runs build-push-action with
    // `tags: <bare name>`, its platform and this output, and hands `digest` to a merge job.
    it("docker's multi-runner recipe: push-by-digest pushes name@digest and no tag, digest is it, and sources merges the legs", async () => {
      const image = repo('by-digest')
      const name = `${registry.host}/${image}`
      const legs = []
      for (const platform of ['linux/amd64', 'linux/arm64']) {
        const ctx = await makeContext({
          Dockerfile: 'FROM scratch\nCOPY leg.txt /leg.txt\n',
          'leg.txt': `${platform} ${randomBytes(8).toString('hex')}`
        })
        const run = await onRemote({
          context: ctx,
          tags: name,
          platforms: platform,
          outputs: 'type=image,push-by-digest=true,name-canonical=true,push=true'
        })
        expectSucceeded(run)
        expect(run.log).toMatch(new RegExp(`\\[command\\]docker buildx build .*--tag=${name} `))
        const served = await inspectRaw(registry.host, `${image}@${run.outputs.digest}`)
        expect(served.digest).toBe(run.outputs.digest)
        expect(run.outputs['image-ref']).toBe(`${name}@${run.outputs.digest}`)
        expect(JSON.parse(run.outputs.metadata)['containerimage.digest']).toBe(run.outputs.digest)
        // Nothing tagged, and nothing claimed: no `latest` in the registry or in the outputs.
        expect(await listTags(registry.host, image).catch(() => [])).toEqual([])
        expect(run.outputs.tags).toBe('')
        expect(run.summary).toContain(`**Pushed by digest, no tag:**`)
        legs.push(run.outputs.digest)
      }
      const merged = await runAction({
        image,
        registry: registry.host,
        sources: legs.join('\n'),
        tags: 'v1'
      })
      expectSucceeded(merged)
      const index = await inspectRaw(registry.host, `${image}:v1`)
      expect(index.digest).toBe(merged.outputs.digest)
      const platforms = index.json.manifests
        .filter((m: { platform: { os: string } }) => m.platform.os === 'linux')
        .map((m: { platform: { architecture: string } }) => m.platform.architecture)
      expect(platforms.sort()).toEqual(['amd64', 'arm64'])
      expect(await listTags(registry.host, image)).toEqual(['v1'])
    })

    // docker's own page ("Multi-platform image with GitHub Actions") gives the name in the output alone.
    it("the recipe as docker's page writes it, name= in the output and no image or tags: pushed by digest there", async () => {
      const image = repo('by-digest-name')
      const name = `${registry.host}/${image}`
      const run = await onRemote({
        context: await makeContext({ Dockerfile: fresh(base) }),
        platforms: 'linux/amd64',
        outputs: `type=image,name=${name},push-by-digest=true,name-canonical=true,push=true`
      })
      expectSucceeded(run)
      expect(run.log).not.toMatch(/\[command\]docker buildx build .*--tag/)
      expect((await inspectRaw(registry.host, `${image}@${run.outputs.digest}`)).digest).toBe(
        run.outputs.digest
      )
      expect(run.outputs['image-ref']).toBe(`${name}@${run.outputs.digest}`)
      expect(run.outputs['image-name']).toBe(name)
      expect(JSON.parse(run.outputs.metadata)).toMatchObject({ image, registry: registry.host })
      expect(await listTags(registry.host, image).catch(() => [])).toEqual([])
      expect(run.outputs.tags).toBe('')
    })

    it('with default attestations the index is verified and the size comes from its platform manifest', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('attested')
      const run = await onRemote({ context: ctx, image, registry: registry.host, tags: 'a,b' })
      expectSucceeded(run)
      expect(pushCommands(run.log)).toEqual([])
      const index = await inspectRaw(registry.host, `${image}:a`)
      expect(index.digest).toBe(run.outputs.digest)
      expect((await inspectRaw(registry.host, `${image}:b`)).digest).toBe(run.outputs.digest)
      const platform = index.json.manifests.find(
        (m: { platform: { os: string } }) => m.platform.os === 'linux'
      )
      const child = await inspectRaw(registry.host, `${image}@${platform.digest}`)
      const metadata = JSON.parse(run.outputs.metadata)
      expect(metadata.size).toBe(
        child.json.config.size + child.json.layers.reduce((s: number, l: { size: number }) => s + l.size, 0)
      )
      expect(JSON.parse(run.outputs['platform-digests'])).toEqual({ 'linux/amd64': platform.digest })
    })
  })

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine, docker driver: load, outputs, and a push the engine cannot mix up', () => {
    it('one platform goes the classic way (load, docker push by ID): the docker driver names results by tag', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('docker-driver')
      const run = await runAction({ context: ctx, image, registry: registry.host, tags: 'v1,v2' })
      expectSucceeded(run)
      expect(run.log).toMatch(/\[command\]docker buildx build .*--load/)
      expect(pushCommands(run.log)).toHaveLength(1)
      expect((await inspectRaw(registry.host, `${image}:v2`)).digest).toBe(run.outputs.digest)
      expect(JSON.parse(run.outputs.metadata)['containerimage.digest']).toMatch(/^sha256:/)
    })

    it('push-by-digest, which this driver does not implement, is an input error of outputs before any build', async () => {
      const image = repo('docker-driver-by-digest')
      const run = await runAction({
        context: await makeContext({ Dockerfile: fresh(base) }),
        tags: `${registry.host}/${image}`,
        outputs: 'type=image,push-by-digest=true,name-canonical=true,push=true'
      })
      expect(run.code).not.toBe(0)
      const errors = run.log.split('\n').filter(l => l.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/outputs.*push-by-digest/)
      expect(run.log).not.toMatch(/\[command\]docker buildx build/)
    })

    // buildx would run two exporters of one name, which the containerd store refuses at times ("already
    // exists", about one raw run in five): the build loads once and docker pushes it by ID.
    it.each([
      ['type=docker beside push: true', { outputs: 'type=docker', push: 'true' }],
      ['type=registry beside load: true', { outputs: 'type=registry', load: 'true' }]
    ])('%s: loaded once, pushed by docker push, verified, and in the local store', async (_what, given) => {
      for (let i = 0; i < 3; i++) {
        const image = repo('load-and-push')
        const run = await runAction({
          context: await makeContext({ Dockerfile: fresh(base) }),
          image,
          registry: registry.host,
          tags: 'v1',
          ...given
        })
        expectSucceeded(run)
        const command = run.log.split('\n').find(l => /\[command\]docker buildx build/.test(l)) ?? ''
        expect(command).toMatch(/ --load /)
        expect(command).not.toMatch(/--output|--push/)
        expect(pushCommands(run.log)).toHaveLength(1)
        expect((await inspectRaw(registry.host, `${image}:v1`)).digest).toBe(run.outputs.digest)
        const local = await dockerCli(['image', 'inspect', `${registry.host}/${image}:v1`])
        expect(local.code).toBe(0)
      }
    })

    it('outputs: type=local writes the files, pushes nothing and outputs no digest', async () => {
      const ctx = await makeContext({
        Dockerfile: `FROM scratch\nCOPY hello.txt /out/hello.txt\n`,
        'hello.txt': 'hi'
      })
      const image = repo('local-out')
      const dest = join(ctx, 'exported')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        outputs: `type=local,dest=${dest}`
      })
      expectSucceeded(run)
      expect(await readFile(join(dest, 'out', 'hello.txt'), 'utf8')).toBe('hi')
      expect(run.outputs.digest).toBe('')
      expect(run.outputs['image-ref']).toBe('')
      expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
    })

    it("push: true given outright beside outputs pushes too, as build-push-action's --push does; verified", async () => {
      const ctx = await makeContext({
        Dockerfile: `FROM scratch\nCOPY hello.txt /out/hello.txt\n`,
        'hello.txt': randomBytes(8).toString('hex')
      })
      const image = repo('local-out-push')
      const dest = join(ctx, 'exported')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        push: 'true',
        outputs: `type=local,dest=${dest}`
      })
      expectSucceeded(run)
      expect(await readFile(join(dest, 'out', 'hello.txt'), 'utf8')).toMatch(/^[0-9a-f]{16}$/)
      expect(run.log).toMatch(/\[command\]docker buildx build .*--output=type=local,dest=\S+ --push/)
      expect(run.outputs.digest).toMatch(/^sha256:/)
      expect((await inspectRaw(registry.host, `${image}:v1`)).digest).toBe(run.outputs.digest)
    })

    it('load: true with push: false puts the image in the local store, pushes nothing', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('loaded')
      const ref = `${registry.host}/${image}:v1`
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        push: 'false',
        load: 'true'
      })
      expectSucceeded(run)
      expect(run.log).toMatch(/\[command\]docker buildx build .*--load/)
      expect(run.log).not.toMatch(/\[command\]docker buildx build .*--push/)
      const local = await dockerCli(['image', 'inspect', '--format', '{{.Id}}', ref])
      expect(local.code).toBe(0)
      expect(run.outputs.digest).toBe('')
      expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
    })

    it('outputs: type=registry pushes even with push: false, and the digest is verified', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('registry-out')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1',
        push: 'false',
        outputs: 'type=registry'
      })
      expectSucceeded(run)
      expect(run.outputs.digest).toMatch(/^sha256:/)
      expect((await inspectRaw(registry.host, `${image}:v1`)).digest).toBe(run.outputs.digest)
    })
  })
else
  describe('classic engine: docker push, then the registry API for the other tags', () => {
    it('pushes the first tag with docker push, and load is a no-op (the image is always local)', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const image = repo('classic')
      const run = await runAction({
        context: ctx,
        image,
        registry: registry.host,
        tags: 'v1,v2',
        load: 'true'
      })
      expectSucceeded(run)
      expect(pushCommands(run.log)).toHaveLength(1)
      expect((await inspectRaw(registry.host, `${image}:v2`)).digest).toBe(run.outputs.digest)
      expect(JSON.parse(run.outputs.metadata)['containerimage.digest']).toBeUndefined()
    })

    it('outputs needs buildx: an input error before any build', async () => {
      const ctx = await makeContext({ Dockerfile: fresh(base) })
      const run = await runAction({
        context: ctx,
        image: repo('refused'),
        registry: registry.host,
        outputs: 'type=local,dest=x'
      })
      expect(run.code).toBe(1)
      expect(run.log).toContain('Invalid input "outputs"')
      expect(run.log).not.toContain('[command]docker')
    })
  })
