// Full references in `tags`, as build-push-action takes them: each image gets exactly the tags named for it,
// and every registry serves the one digest (read back with skopeo, independently of our own client).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { expectSucceeded, runAction } from '../helpers/action.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, listTags } from '../helpers/skopeo.js'

let one: TestRegistry
let two: TestRegistry
let base: string

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  ;[one, two] = await Promise.all([startRegistry(), startRegistry()])
})

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()])
})

describe('full references with a different tag set per image', () => {
  it('pushes exactly the references given, and each registry serves the one digest', async () => {
    const app = `refs/app-${process.pid}`
    const tool = `refs/tool-${process.pid}`
    const run = await runAction({
      context: await makeContext({
        Dockerfile: `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`
      }),
      tags: [
        `${one.host}/${app}:1`,
        `${one.host}/${app}:latest`,
        `${two.host}/${app}:1`,
        `${two.host}/${tool}:edge`
      ].join('\n')
    })
    expectSucceeded(run)
    const digest = run.outputs.digest
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect((await listTags(one.host, app)).sort()).toEqual(['1', 'latest'])
    expect(await listTags(two.host, app)).toEqual(['1'])
    expect(await listTags(two.host, tool)).toEqual(['edge'])
    for (const [host, ref] of [
      [one.host, `${app}:1`],
      [one.host, `${app}:latest`],
      [two.host, `${app}:1`],
      [two.host, `${tool}:edge`]
    ])
      expect((await inspectRaw(host, ref)).digest).toBe(digest)
    expect(run.outputs.tags.split('\n')).toEqual([
      `${one.host}/${app}:1`,
      `${one.host}/${app}:latest`,
      `${two.host}/${app}:1`,
      `${two.host}/${tool}:edge`
    ])
  })
})
