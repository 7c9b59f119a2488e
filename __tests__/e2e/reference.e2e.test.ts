// Names that docker's reference grammar (distribution/reference v0.6) accepts and the action used to
// refuse, pushed for real: the committed bundle, the engine under test, a local registry, and the
// registry's own answer as the witness.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { errorLines, expectSucceeded, runAction } from '../helpers/action.js'
import { dockerCli, ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry, servedManifest } from '../helpers/registry.js'
import { inspectRaw, listTags } from '../helpers/skopeo.js'

let registry: TestRegistry
let base: string
const unique = `${process.pid}-${Date.now().toString(36)}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

const SIMPLE = (b: string): string => `FROM ${b}\nRUN echo ${unique} > /built.txt\n`

const push = async (image: string, tags: string) =>
  runAction({
    context: await makeContext({ Dockerfile: SIMPLE(base) }),
    image,
    registry: registry.host,
    tags
  })

/** skopeo 1.9's reference parser still counts `host/path` against 255, so fetch reads the long name. */
const served = (image: string, tag: string) => servedManifest(registry.host, image, tag)

describe('docker reference grammar, end to end', () => {
  it('pushes an image whose first path component has a dot under a non-Docker-Hub registry', async () => {
    const image = `my.project/app-${unique}`
    const run = await push(image, 'v1')
    expectSucceeded(run)
    expect(await listTags(registry.host, image)).toEqual(['v1'])
    const remote = await inspectRaw(registry.host, `${image}:v1`)
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(run.outputs.digest).toBe(remote.digest)
    expect(run.outputs['image-ref']).toBe(`${registry.host}/${image}@${remote.digest}`)
  })

  it('pushes a GCR-style domain-scoped path (example.com/proj/app) the same way', async () => {
    const image = `example.com/proj/app-${unique}`
    const run = await push(image, 'v1')
    expectSucceeded(run)
    expect(run.outputs.digest).toBe((await inspectRaw(registry.host, `${image}:v1`)).digest)
  })

  it('pushes a 250-character path whose host/path is over 255 where the engine takes it, and otherwise says why not', async () => {
    const prefix = `e2e/long-${unique}/`
    const image = prefix + 'a'.repeat(250 - prefix.length)
    expect(image).toHaveLength(250)
    expect(`${registry.host}/${image}`.length).toBeGreaterThan(255)

    // What this engine's own reference parser says, asked without the action.
    const probe = await dockerCli(['tag', base, `${registry.host}/${image}:probe`])
    const engineTakesIt = probe.code === 0
    if (!engineTakesIt) expect(probe.stderr).toContain('repository name must not be more than 255 characters')

    const run = await push(image, 'v1,v2')
    if (engineTakesIt) {
      expectSucceeded(run)
      const [one, two] = [await served(image, 'v1'), await served(image, 'v2')]
      expect(one.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(two.digest).toBe(one.digest)
      expect(run.outputs.digest).toBe(one.digest)
      expect(run.outputs['image-ref']).toBe(`${registry.host}/${image}@${one.digest}`)
    } else {
      // The input is valid by docker's current grammar; an older engine refuses it itself, and says so.
      expect(run.code).toBe(1)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toContain('repository name must not be more than 255 characters')
      expect(run.outputs.digest ?? '').toBe('')
      expect((await served(image, 'v1')).status).toBe(404)
    }
  })
})
