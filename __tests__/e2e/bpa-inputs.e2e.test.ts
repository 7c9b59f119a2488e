// build-push-action's inputs where docker, not our parser, decides what they mean: a context whose only
// Dockerfile is the lowercase `dockerfile` (both builders fall back to it), and build secrets with an empty
// value (a fork's pull request), which build-push-action leaves out, so that `required=true` fails the build.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { errorLines, EXPECTED_BUILDER, expectSucceeded, runAction } from '../helpers/action.js'
import { dockerOk, ensureBaseImage, makeContext, removeImages, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectConfig, tagExists } from '../helpers/skopeo.js'

let registry: TestRegistry
let base: string
let n = 0
const repo = (name: string): string => `bpa-inputs/${name}-${process.pid}-${++n}`

beforeAll(async () => {
  await requireDocker()
  base = await ensureBaseImage()
  registry = await startRegistry()
})

afterAll(async () => {
  await registry?.stop()
})

/** One line of the run's `::warning::` lines that holds `text`. */
const warningsWith = (stdout: string, text: string): string[] =>
  stdout.split('\n').filter(l => l.startsWith('::warning') && l.includes(text))

describe(`a context whose only Dockerfile is the lowercase dockerfile (${EXPECTED_BUILDER})`, () => {
  it('builds it, pushes and verifies, as docker build . reads it', async () => {
    const marker = randomBytes(6).toString('hex')
    const context = await makeContext({ dockerfile: `FROM ${base}\nLABEL btp.lower=${marker}\n` })
    const image = repo('lower')
    const run = await runAction({ context, image, registry: registry.host, tags: 'v1' })
    expectSucceeded(run)
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    const config = (await inspectConfig(registry.host, `${image}@${run.outputs.digest}`)) as {
      config?: { Labels?: Record<string, string> }
    }
    expect(config.config?.Labels?.['btp.lower']).toBe(marker)
  })

  it("a failed build's annotation points at that dockerfile's line", async () => {
    const context = await makeContext({ dockerfile: `FROM ${base}\nCOPPY nothing /\n` })
    const image = repo('lower-fails')
    const run = await runAction({ context, image, registry: registry.host, tags: 'v1' })
    expect(run.code).toBe(1)
    const errors = errorLines(run.stdout)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^::error title=Build failed,file=[^,]*\/dockerfile,line=2::/)
    expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
  })
})

if (EXPECTED_BUILDER === 'buildx')
  describe('build secrets with an empty value, as build-push-action passes them', () => {
    it('secrets tok= is left out with one warning naming it: RUN --mount=…,required=true fails the build', async () => {
      const context = await makeContext({
        Dockerfile: `FROM ${base}\nRUN --mount=type=secret,id=tok,required=true echo ${randomBytes(6).toString('hex')}\n`
      })
      const image = repo('empty-secret')
      const run = await runAction({
        context,
        image,
        registry: registry.host,
        tags: 'v1',
        secrets: 'tok=\nother=x'
      })
      expect(run.code).toBe(1)
      expect(warningsWith(run.stdout, '"tok" has an empty value')).toHaveLength(1)
      // Only the other secret reached buildx.
      expect(run.log).toMatch(/--secret=id=other,src=/)
      expect(run.log).not.toMatch(/--secret=id=tok,/)
      const errors = errorLines(run.stdout)
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(/secret tok: not found|secret tok not found/i)
      expect(await tagExists(registry.host, `${image}:v1`)).toBe(false)
    })

    it('secret-envs naming an unset variable gives the secret empty, with a warning, and the build goes on', async () => {
      const context = await makeContext({
        Dockerfile: [
          `FROM ${base}`,
          `RUN --mount=type=secret,id=tok,required=true echo ${randomBytes(6).toString('hex')} && mkdir -p /out \\`,
          '  && sha256sum /run/secrets/tok | cut -d" " -f1 > /out/tok',
          ''
        ].join('\n')
      })
      const image = repo('unset-env')
      const run = await runAction({
        context,
        image,
        registry: registry.host,
        tags: 'v1',
        'secret-envs': 'tok=BTP_SURELY_UNSET_SECRET_VARIABLE'
      })
      expectSucceeded(run)
      expect(warningsWith(run.stdout, 'BTP_SURELY_UNSET_SECRET_VARIABLE is not set')).toHaveLength(1)
      const ref = `${registry.host}/${image}@${run.outputs.digest}`
      await removeImages(`${registry.host}/${image}`)
      await dockerOk(['pull', ref])
      const out = (await dockerOk(['run', '--rm', '--network=none', ref, 'cat', '/out/tok'])).stdout.trim()
      expect(out).toBe(createHash('sha256').update('').digest('hex'))
    })
  })
