// Load: ten runs of the action at once against one registry, as parallel jobs on one self-hosted runner
// would. Each pushes its own image under its own tags; skopeo checks every digest afterwards.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { expectSucceeded, runAction } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, listTags } from '../helpers/skopeo.js'

const RUNS = 10
let registry: TestRegistry
let base: string

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

describe(`${RUNS} runs of the action at once`, () => {
  it('all succeed, and every tag serves the digest its run output', async () => {
    const jobs = Array.from({ length: RUNS }, (_, i) => ({
      image: `load/app-${process.pid}-${i}`,
      tags: [`v${i}`, `run-${i}`, 'latest']
    }))
    const runs = await Promise.all(
      jobs.map(async (job, i) =>
        runAction({
          context: await makeContext({
            Dockerfile: `FROM ${base}\nRUN echo ${i}-${Date.now()} > /id\nCMD ["cat", "/id"]\n`
          }),
          image: job.image,
          registry: registry.host,
          tags: job.tags.join(',')
        })
      )
    )
    runs.forEach(expectSucceeded)
    const digests = new Set<string>()
    for (const [i, job] of jobs.entries()) {
      const run = runs[i]
      expect((await listTags(registry.host, job.image)).sort()).toEqual([...job.tags].sort())
      for (const tag of job.tags)
        expect((await inspectRaw(registry.host, `${job.image}:${tag}`)).digest).toBe(run.outputs.digest)
      expect(run.outputs['image-ref']).toBe(`${registry.host}/${job.image}@${run.outputs.digest}`)
      digests.add(run.outputs.digest)
    }
    // Ten different images: no run reported another's digest.
    expect(digests.size).toBe(RUNS)
  }, 240_000)
})
