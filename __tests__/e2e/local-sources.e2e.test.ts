// Local sources end to end (the committed bundle, a real engine, real registries, checked with skopeo):
// build → test → push the tested image by its ID; an OCI layout directory and an OCI archive pushed byte for
// byte without any docker engine; a `docker save` archive; and every bad input failing with one error
// line before anything is pushed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { cp, mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CLI,
  errorLines,
  EXPECTED_BUILDER,
  expectSucceeded,
  runAction,
  type ActionRun
} from '../helpers/action.js'
import {
  BASE_IMAGE,
  dockerOk,
  ensureBaseImage,
  makeContext,
  removeImagesLater,
  requireDocker,
  runCommand
} from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { remoteBuilder, type RemoteBuilder } from '../helpers/buildkit-proxy.js'
import { inspectRaw, tagExists } from '../helpers/skopeo.js'
import { asDocker25ClassicSave } from '../helpers/docker-save-25.js'

let registry: TestRegistry
let work: string
const id = `${process.pid}${randomBytes(3).toString('hex')}`
const image = `local/app-${id}`
const buildx = EXPECTED_BUILDER === 'buildx'
/** The image the first test builds and runs; the rest reuse it. */
let tested = ''

beforeAll(async () => {
  await requireDocker()
  await ensureBaseImage()
  registry = await startRegistry()
  work = await mkdtemp(join(tmpdir(), 'btp-local-'))
}, 120_000)

afterAll(async () => {
  await registry?.stop()
  if (work) await rm(work, { recursive: true, force: true })
  await removeImagesLater(`${image}`)
})

async function skopeoCopy(from: string, to: string): Promise<void> {
  const r = await runCommand('skopeo', [
    'copy',
    '--quiet',
    '--src-tls-verify=false',
    '--src-no-creds',
    from,
    to
  ])
  if (r.code !== 0) throw new Error(`skopeo copy ${from} ${to}: ${r.stderr}`)
}

/** The digest in index.json of an OCI layout directory, for the entry named `ref`. */
async function layoutDigest(dir: string, ref?: string): Promise<string> {
  const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as {
    manifests: { digest: string; annotations?: Record<string, string> }[]
  }
  const entry = ref
    ? index.manifests.find(m => m.annotations?.['org.opencontainers.image.ref.name'] === ref)
    : index.manifests[0]
  return entry!.digest
}

const blobPath = (layout: string, digest: string): string => join(layout, 'blobs', ...digest.split(':'))

async function writeBlob(layout: string, body: Buffer): Promise<{ digest: string; size: number }> {
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`
  await writeFile(blobPath(layout, digest), body)
  return { digest, size: body.length }
}

/** Adds another image to the layout, under `ref`: `change` makes it from the manifest named `one`. */
async function addVariant(
  layout: string,
  ref: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw manifest JSON
  change: (manifest: any) => object | Promise<object>
): Promise<void> {
  const manifest = JSON.parse(await readFile(blobPath(layout, await layoutDigest(layout, 'one')), 'utf8'))
  const { digest, size } = await writeBlob(layout, Buffer.from(JSON.stringify(await change(manifest))))
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8'))
  index.manifests.push({
    mediaType: manifest.mediaType,
    digest,
    size,
    annotations: { 'org.opencontainers.image.ref.name': ref }
  })
  await writeFile(join(layout, 'index.json'), JSON.stringify(index))
}

/** The config digest of what the registry serves for `tag` (of its first image, for an index). */
async function pushedConfigDigest(tag: string): Promise<string> {
  const raw = await inspectRaw(registry.host, `${image}:${tag}`)
  if (raw.json.config) return raw.json.config.digest
  const first = raw.json.manifests.find((m: { platform?: { os?: string } }) => m.platform?.os !== 'unknown')
  return (await inspectRaw(registry.host, `${image}@${first.digest}`)).json.config.digest
}

describe('build → test → push the tested image', () => {
  it('pushes the image it was given by ID: the config digest (classic store) or the digest (containerd) is the ID', async () => {
    const context = await makeContext({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n`,
      'hello.txt': `tested ${id}\n`
    })
    const build = await runAction({
      context,
      image,
      registry: registry.host,
      push: 'false',
      tags: 'built',
      ...(buildx ? { load: 'true' } : {})
    })
    expectSucceeded(build)
    tested = build.outputs.imageid
    expect(tested).toMatch(/^sha256:[a-f0-9]{64}$/)
    expect(await tagExists(registry.host, `${image}:built`)).toBe(false)

    const ran = await dockerOk(['run', '--rm', tested])
    expect(ran.stdout).toContain(`tested ${id}`)

    const push = await runAction({
      image,
      registry: registry.host,
      sources: `docker-daemon:${tested}`,
      tags: 'tested'
    })
    expectSucceeded(push)
    expect(push.log).not.toMatch(/\[command\]docker (?:buildx )?build/)
    expect(push.outputs.imageid).toBe(tested)
    // The export went to the step's private directory, and went with it.
    expect(await readdir(push.runnerTemp)).toEqual([])
    const served = await inspectRaw(registry.host, `${image}:tested`)
    expect(push.outputs.digest).toBe(served.digest)
    if (served.digest === tested) {
      // containerd store: the image ID is the index (or manifest) digest, pushed byte for byte.
      expect(push.log).toContain('pushed byte for byte')
    } else {
      // classic store: a new manifest, and its config is the tested image.
      expect(await pushedConfigDigest('tested')).toBe(tested)
      expect(push.log).toContain('so a new one is written')
      // Its layers compressed as docker push would.
      for (const l of served.json.layers)
        expect(l.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip')
    }
  }, 300_000)
})

// The documented recipe (docs/workflows/build-test-push.yml): the tests run the build's tag, a name of the
// run alone, and the push takes the image from the engine by it. Without attestations (provenance: false, or
// a builder that loads a docker tarball) buildx 0.13 writes the config digest to --iidfile, by which the
// containerd store knows no image: the tag finds the image whatever its ID says.
describe('build → test → push by the build tag (the documented recipe)', () => {
  let remote: RemoteBuilder | undefined
  afterAll(async () => {
    await remote?.stop()
  })

  async function recipe(name: string, inputs: Record<string, string> = {}, env?: Record<string, string>) {
    const context = await makeContext({
      Dockerfile: `FROM ${BASE_IMAGE}\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n`,
      'hello.txt': `${name} ${id}\n`
    })
    const build = await runAction(
      {
        context,
        image,
        registry: registry.host,
        push: 'false',
        tags: `test-${name}`,
        ...(buildx ? { load: 'true' } : {}),
        ...inputs
      },
      { env }
    )
    expectSucceeded(build)
    const tag = build.outputs.tags
    expect(tag).toBe(`${registry.host}/${image}:test-${name}`)
    expect((await dockerOk(['run', '--rm', tag])).stdout).toContain(`${name} ${id}`)
    const push = await runAction({
      image,
      registry: registry.host,
      sources: `docker-daemon:${tag}`,
      tags: name
    })
    expectSucceeded(push)
    const served = await inspectRaw(registry.host, `${image}:${name}`)
    expect(push.outputs.digest).toBe(served.digest)
    // The build's imageid names the pushed image: its digest (the containerd store's ID, or an index's) or
    // its config digest (the classic store's ID, or buildx's --iidfile without attestations).
    const config = await pushedConfigDigest(name)
    expect([served.digest, config]).toContain(build.outputs.imageid)
    return { build, push, served, config }
  }

  it('as documented: build with a tag, run it, push it from the engine', async () => {
    const { push, served, config } = await recipe('plain')
    // What was pushed is the engine's image: byte for byte where the store keeps manifests.
    expect([served.digest, config]).toContain(push.outputs.imageid)
  }, 300_000)

  if (buildx) {
    it('provenance: false: imageid is the config digest buildx wrote, and the tag still finds the image', async () => {
      const { build, served, config } = await recipe('noprov', { provenance: 'false' })
      expect(served.json.config).toBeDefined()
      expect(build.outputs.imageid).toBe(config)
    }, 300_000)

    it('a remote-driver builder that loads the image into the engine', async () => {
      remote = await remoteBuilder(`btp-local-${id}`)
      const { build } = await recipe(
        'remote',
        { builder: `btp-local-${id}` },
        { DOCKER_CONFIG: remote.userConfig }
      )
      expect(build.log).toContain(`--builder=btp-local-${id}`)
    }, 300_000)
  }
})

describe('OCI layouts: byte for byte, with no docker engine at all', () => {
  let layout: string

  beforeAll(async () => {
    expect(tested).not.toBe('')
    layout = join(work, 'layout')
    await skopeoCopy(`docker://${registry.host}/${image}:tested`, `oci:${layout}:one`)
    // A second image beside it: the same manifest with an annotation, so other bytes.
    await addVariant(layout, 'two', m => ({ ...m, annotations: { variant: 'two' } }))
    // And one for another platform: its config says arm64.
    await addVariant(layout, 'arm64', async m => {
      const config = JSON.parse(await readFile(blobPath(layout, m.config.digest), 'utf8'))
      const digest = await writeBlob(
        layout,
        Buffer.from(JSON.stringify({ ...config, architecture: 'arm64' }))
      )
      return { ...m, config: { ...m.config, digest: digest.digest, size: digest.size } }
    })
  }, 120_000)

  /** Runs the action with an engine that cannot answer; metadata says how many docker processes ran. */
  const withoutEngine = (inputs: Record<string, string>) =>
    runAction(inputs, { env: { DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}` } })
  const dockerProcesses = (run: ActionRun) => JSON.parse(run.outputs.metadata).counts.docker

  it('an oci: directory, by its reference', async () => {
    const run = await withoutEngine({
      image,
      registry: registry.host,
      sources: `oci:${layout}:one`,
      tags: 'from-oci'
    })
    expectSucceeded(run)
    const served = await inspectRaw(registry.host, `${image}:from-oci`)
    expect(served.digest).toBe(await layoutDigest(layout, 'one'))
    expect(run.outputs.digest).toBe(served.digest)
    expect(served.body.equals(await readFile(join(layout, 'blobs', ...served.digest.split(':'))))).toBe(true)
    expect(run.outputs.imageid).toBe(served.json.config.digest)
    expect(run.outputs['image-ref']).toBe(`${registry.host}/${image}@${served.digest}`)
    expect(run.outputs['image-refs']).toBe(`${registry.host}/${image}@${served.digest}`)
    expect(run.outputs.tags).toBe(`${registry.host}/${image}:from-oci`)
    expect(JSON.parse(run.outputs['platform-digests'])).toEqual({ 'linux/amd64': served.digest })
    expect(dockerProcesses(run)).toBe(0)
  }, 120_000)

  it('several local sources merge into one index, each platform manifest as it is', async () => {
    const run = await withoutEngine({
      image,
      registry: registry.host,
      sources: `oci:${layout}:one\noci:${layout}:arm64`,
      tags: 'merged'
    })
    expectSucceeded(run)
    const served = await inspectRaw(registry.host, `${image}:merged`)
    expect(run.outputs.digest).toBe(served.digest)
    expect(JSON.parse(run.outputs['platform-digests'])).toEqual({
      'linux/amd64': await layoutDigest(layout, 'one'),
      'linux/arm64': await layoutDigest(layout, 'arm64')
    })
    for (const m of served.json.manifests)
      expect((await inspectRaw(registry.host, `${image}@${m.digest}`)).digest).toBe(m.digest)
    expect(dockerProcesses(run)).toBe(0)
  }, 120_000)

  it('the CLI takes the same (--source), and names the flag when a line is bad', async () => {
    const env = { PATH: process.env.PATH, HOME: work, DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}` }
    const cli = (...args: string[]) =>
      runCommand(process.execPath, [CLI, '--registry', registry.host, '--image', image, '--json', ...args], {
        env
      })
    const ok = await cli('--source', `oci:${layout}:two`, '--tag', 'from-cli')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout).digest).toBe(await layoutDigest(layout, 'two'))
    expect((await inspectRaw(registry.host, `${image}:from-cli`)).digest).toBe(
      await layoutDigest(layout, 'two')
    )
    const bad = await cli('--source', `oci:${layout}`, '--tag', 'bad-cli')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toContain(`invalid --source: "oci:${layout}": ${layout} holds 3 images`)
    expect(await tagExists(registry.host, `${image}:bad-cli`)).toBe(false)
  }, 120_000)

  it('logs in with the docker CLI alone: a registry that asks for credentials, and still no engine', async () => {
    const creds = { username: 'pusher', password: `pw-${randomBytes(8).toString('hex')}` }
    const locked = await startRegistry({ auth: creds })
    try {
      const run = await withoutEngine({
        image,
        registry: locked.host,
        username: creds.username,
        password: creds.password,
        sources: `oci:${layout}:one`,
        tags: 'with-login'
      })
      expectSucceeded(run)
      // Masked first (the ::add-mask:: lines), never shown.
      const shown = run.log.split('\n').filter(l => !l.startsWith('::add-mask::'))
      expect(shown.join('\n')).not.toContain(creds.password)
      expect((await inspectRaw(locked.host, `${image}:with-login`, creds)).digest).toBe(
        await layoutDigest(layout, 'one')
      )
    } finally {
      await locked.stop()
    }
  }, 120_000)

  it('streams a large layer from disk: memory stays far below the layer size', async () => {
    const big = join(work, 'big')
    await mkdir(join(big, 'blobs', 'sha256'), { recursive: true })
    // The process itself (node and the bundle) takes about 90 MB whatever the layer size.
    const layerSize = 320 * 1024 * 1024
    const hash = createHash('sha256')
    const tmp = join(big, 'layer.tmp')
    const fh = await open(tmp, 'w')
    for (let at = 0; at < layerSize; at += 16 * 1024 * 1024) {
      const chunk = randomBytes(16 * 1024 * 1024)
      hash.update(chunk)
      await fh.write(chunk)
    }
    await fh.close()
    const layerDigest = `sha256:${hash.digest('hex')}`
    await rename(tmp, blobPath(big, layerDigest))
    const config = await writeBlob(
      big,
      Buffer.from(
        JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [] } })
      )
    )
    const manifest = await writeBlob(
      big,
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
          layers: [
            { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: layerSize }
          ]
        })
      )
    )
    await writeFile(join(big, 'oci-layout'), '{"imageLayoutVersion":"1.0.0"}')
    await writeFile(
      join(big, 'index.json'),
      JSON.stringify({
        schemaVersion: 2,
        manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }]
      })
    )
    // The peak resident memory of the whole process, told as it exits.
    const hook =
      'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss=${process.resourceUsage().maxRSS}\\n`))'
    const run = await runCommand(
      process.execPath,
      [
        '--import',
        hook,
        CLI,
        '--registry',
        registry.host,
        '--image',
        image,
        '--source',
        `oci:${big}`,
        '--tag',
        'big'
      ],
      { env: { PATH: process.env.PATH, HOME: work, DOCKER_HOST: `unix://${join(work, 'no-engine.sock')}` } }
    )
    expect(run.code).toBe(0)
    const maxRssKb = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1])
    expect(maxRssKb * 1024).toBeLessThan(layerSize / 2)
    expect((await inspectRaw(registry.host, `${image}:big`)).digest).toBe(manifest.digest)
    await rm(big, { recursive: true, force: true })
  }, 300_000)

  it('an oci-archive: (a buildx OCI export on BuildKit, a tar of the layout otherwise)', async () => {
    const archive = join(work, 'image.tar')
    if (buildx) {
      const context = await makeContext({
        Dockerfile: 'FROM scratch\nCOPY a.txt /a.txt\n',
        'a.txt': `archive ${id}\n`
      })
      await dockerOk(['buildx', 'build', '--output', `type=oci,dest=${archive}`, context])
    } else {
      await skopeoCopy(`docker://${registry.host}/${image}:tested`, `oci-archive:${archive}`)
    }
    const extracted = join(work, 'extracted')
    await runCommand('mkdir', ['-p', extracted])
    await runCommand('tar', ['-xf', archive, '-C', extracted])
    const run = await withoutEngine({
      image,
      registry: registry.host,
      sources: `oci-archive:${archive}`,
      tags: 'from-archive'
    })
    expectSucceeded(run)
    const served = await inspectRaw(registry.host, `${image}:from-archive`)
    expect(served.digest).toBe(await layoutDigest(extracted))
    expect(served.body.equals(await readFile(join(extracted, 'blobs', ...served.digest.split(':'))))).toBe(
      true
    )
    expect(run.outputs.digest).toBe(served.digest)
    expect(dockerProcesses(run)).toBe(0)
  }, 180_000)

  it('a docker save archive', async () => {
    const archive = join(work, 'saved.tar')
    await dockerOk(['tag', tested, `${image}:saved`])
    await dockerOk(['save', '--output', archive, `${image}:saved`])
    const run = await withoutEngine({
      image,
      registry: registry.host,
      sources: `docker-archive:${archive}:${image}:saved`,
      tags: 'from-save'
    })
    expectSucceeded(run)
    const served = await inspectRaw(registry.host, `${image}:from-save`)
    if (served.digest !== tested) expect(await pushedConfigDigest('from-save')).toBe(tested)
    expect(dockerProcesses(run)).toBe(0)
  }, 180_000)

  it('a docker save archive as docker 25 and later write it on the classic store: its uncompressed layers pushed gzip-compressed', async () => {
    const archive = join(work, 'saved-25.tar')
    const extracted = join(work, 'saved-25')
    const rewritten = join(work, 'saved-25-layout')
    await mkdir(extracted, { recursive: true })
    await dockerOk(['tag', tested, `${image}:saved-25`])
    await dockerOk(['save', '--output', archive, `${image}:saved-25`])
    await runCommand('tar', ['-xf', archive, '-C', extracted])
    await asDocker25ClassicSave(extracted, rewritten)
    await runCommand('tar', ['-cf', archive, '-C', rewritten, '.'])
    const run = await withoutEngine({
      image,
      registry: registry.host,
      sources: `docker-archive:${archive}:${image}:saved-25`,
      tags: 'from-save-25'
    })
    expectSucceeded(run)
    const served = await inspectRaw(registry.host, `${image}:from-save-25`)
    const [entry] = JSON.parse(await readFile(join(rewritten, 'manifest.json'), 'utf8')) as {
      Config: string
    }[]
    expect(served.json.config.digest).toBe(`sha256:${entry.Config.split('/').pop()}`)
    expect(served.json.layers.length).toBeGreaterThan(0)
    for (const layer of served.json.layers as { mediaType: string; digest: string }[]) {
      expect(layer.mediaType).toBe('application/vnd.oci.image.layer.v1.tar+gzip')
      const blob = Buffer.from(
        await (await fetch(`http://${registry.host}/v2/${image}/blobs/${layer.digest}`)).arrayBuffer()
      )
      expect(blob.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]))
    }
  }, 180_000)
})

describe('bad input: one error line naming sources, before anything is pushed', () => {
  async function failsWith(source: string, tag: string, expected: string): Promise<void> {
    const run = await runAction({ image, registry: registry.host, sources: source, tags: tag })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Invalid input "sources"')
    expect(errors[0]).toContain(expected)
    expect(await tagExists(registry.host, `${image}:${tag}`)).toBe(false)
  }

  it('a missing directory or file', async () => {
    await failsWith(`oci:${work}/missing`, 'bad-dir', `"${work}/missing": no such directory`)
    await failsWith(`oci-archive:${work}/missing.tar`, 'bad-file', `"${work}/missing.tar": no such file`)
  }, 60_000)

  it('an unknown transport', async () => {
    await failsWith(`dir:${work}/layout`, 'bad-transport', 'unknown transport "dir"')
  }, 60_000)

  it('a layout holding several images, and no reference', async () => {
    await failsWith(`oci:${work}/layout`, 'bad-several', 'holds 3 images; name one as')
    await failsWith(`oci:${work}/layout:three`, 'bad-name', 'holds no image named "three"')
  }, 60_000)

  it('an image the engine does not have', async () => {
    const missing = `sha256:${randomBytes(32).toString('hex')}`
    await failsWith(
      `docker-daemon:${missing}`,
      'bad-image',
      `the docker engine has no image "${missing.slice(7, 19)}"`
    )
  }, 60_000)

  it('a layout blob that does not match its digest', async () => {
    const bad = join(work, 'corrupt')
    await cp(join(work, 'layout'), bad, { recursive: true })
    const manifest = JSON.parse(
      await readFile(join(bad, 'blobs', ...(await layoutDigest(bad, 'one')).split(':')), 'utf8')
    ) as { layers: { digest: string }[] }
    const layer = join(bad, 'blobs', ...manifest.layers[0].digest.split(':'))
    const fh = await open(layer, 'r+')
    await fh.write(Buffer.from('XX'), 0, 2, 10)
    await fh.close()
    const expected = `blobs/${manifest.layers[0].digest.replace(':', '/')} has other content (its digest is sha256:`
    // A repository that has the layer already: nothing of it is sent, and the file is checked all the same.
    await failsWith(`oci:${bad}:one`, 'bad-blob', expected)
    // One that does not: the layer is checked as it is sent, and its upload never completes.
    const fresh = `${image}-fresh`
    const run = await runAction({
      image: fresh,
      registry: registry.host,
      sources: `oci:${bad}:one`,
      tags: 'v1'
    })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('Invalid input "sources"')
    expect(errors[0]).toContain(expected)
    expect(await tagExists(registry.host, `${fresh}:v1`)).toBe(false)
  }, 60_000)
})
