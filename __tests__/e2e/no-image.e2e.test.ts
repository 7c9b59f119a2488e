// Runs with no `image` or `images`, as build-push-action runs them: a build-only check, files exported, and a
// word in `tags` naming a local image. Nothing names a repository, so nothing is pushed; a run that would push
// with nothing naming where fails on `image` before any build.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { EXPECTED_BUILDER, expectSucceeded, runAction } from '../helpers/action.js'
import { dockerCli, ensureBaseImage, makeContext, removeLater, requireDocker } from '../helpers/docker.js'

let base: string
const made: string[] = []

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
})

afterAll(async () => {
  await removeLater(made)
})

/** A Dockerfile whose result is new each time. */
const fresh = (): string => `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /fresh.txt\n`
const buildCommand = (log: string): string =>
  log.split('\n').find(l => /\[command\]docker (buildx )?build\b/.test(l)) ?? ''
const errors = (log: string): string[] => log.split('\n').filter(l => l.startsWith('::error'))

describe('no image: build-push-action workflows that need no repository', () => {
  it('push: false and nothing else builds untagged: imageid only, every name output empty', async () => {
    const run = await runAction({ context: await makeContext({ Dockerfile: fresh() }), push: 'false' })
    expectSucceeded(run)
    expect(run.outputs.imageid).toMatch(/^sha256:[0-9a-f]{64}$/)
    made.push(run.outputs.imageid)
    expect(buildCommand(run.log)).not.toMatch(/--tag|\s-t\s/)
    expect(run.log).not.toMatch(/\[command\]docker push/)
    for (const name of [
      'digest',
      'image-ref',
      'image-refs',
      'image-name',
      'image-names',
      'tags',
      'tag-names'
    ])
      expect([name, run.outputs[name]]).toEqual([name, ''])
    expect(JSON.parse(run.outputs.json).tags).toEqual([])
    const metadata = JSON.parse(run.outputs.metadata)
    expect(metadata).toMatchObject({ image: '', registry: '', pushed: false, imageid: run.outputs.imageid })
    expect(run.summary).toContain('| Image | _none_ |')
    expect(run.summary).toContain('**Built (not pushed):**\n\n_untagged_')
  })

  it('tags: a word with push: false and load: true is a local image <word>:latest, and a notice says so', async () => {
    const word = `btpbare${process.pid}x${randomBytes(3).toString('hex')}`
    const run = await runAction({
      context: await makeContext({ Dockerfile: fresh() }),
      tags: word,
      push: 'false',
      load: 'true'
    })
    made.push(`${word}:latest`)
    expectSucceeded(run)
    expect(run.log).toContain(
      `::notice::the "tags" input "${word}": with the "image" input empty, each names an image as in build-push-action (docker.io/library/${word}:latest)`
    )
    const local = await dockerCli(['image', 'inspect', '--format', '{{.Id}}', `${word}:latest`])
    expect(local.code).toBe(0)
    expect(run.outputs.tags).toBe(`docker.io/library/${word}:latest`)
    expect(run.outputs['tag-names']).toBe('latest')
    expect(run.outputs.digest).toBe('')
    expect(run.log).not.toMatch(/\[command\]docker push/)
  })

  it('a run that pushes (push left to its default) with nothing naming where: one error on image, no build', async () => {
    const run = await runAction({ context: await makeContext({ Dockerfile: fresh() }) })
    expect(run.code).toBe(1)
    expect(errors(run.log)).toEqual([
      expect.stringMatching(
        /^::error::Invalid input "image": is required: the image is pushed \(the default\); .*set the "push" input to false to build only$/
      )
    ])
    expect(run.log).not.toMatch(/\[command\]docker (buildx )?build/)
  })

  if (EXPECTED_BUILDER === 'buildx')
    it('outputs: type=local with no image writes the files, pushes nothing, and needs no tag', async () => {
      const ctx = await makeContext({
        Dockerfile: 'FROM scratch\nCOPY hello.txt /out/hello.txt\n',
        'hello.txt': 'hi'
      })
      const dest = join(ctx, 'bin')
      const run = await runAction({ context: ctx, outputs: `type=local,dest=${dest}` })
      expectSucceeded(run)
      expect(await readFile(join(dest, 'out', 'hello.txt'), 'utf8')).toBe('hi')
      expect(buildCommand(run.log)).not.toMatch(/--tag/)
      expect(run.outputs.digest).toBe('')
      expect(run.outputs['image-name']).toBe('')
    })
})
