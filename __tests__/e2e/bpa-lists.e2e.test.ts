// List inputs read as build-push-action reads them, checked where they land: a `secrets` value keeps its
// final newline in RUN --mount=type=secret (BPA 7.3), and quoted fields in `outputs` reach buildx's own CSV
// reader (a `dest=` holding commas stays one path).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPECTED_BUILDER, expectSucceeded, runAction } from '../helpers/action.js'
import { expectBuildxOnly } from '../helpers/buildx-only.js'
import { remoteBuilder, type RemoteBuilder } from '../helpers/buildkit-proxy.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'

// On the classic engine these are buildx inputs: input errors before any build, nothing run.
if (EXPECTED_BUILDER === 'classic')
  describe('classic engine: outputs and secrets are buildx inputs', () => {
    it.each([
      ['outputs', 'type=image,"name=a:1,a:2",push-by-digest=true'],
      ['secrets', 'key=value  ']
    ])('%s = %j is an input error before any build', (input, value) => expectBuildxOnly(input, value))
  })

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine: list inputs as build-push-action reads them', () => {
    let registry: TestRegistry
    let remote: RemoteBuilder
    let base: string
    let n = 0
    const repo = (): string => `lists/app-${process.pid}-${++n}`

    beforeAll(async () => {
      await requireDocker()
      base = await ensureBaseImage()
      registry = await startRegistry()
      // A builder of setup-buildx-action's kind: BuildKit itself reads the output's name= list.
      remote = await remoteBuilder(`btp-lists-${process.pid}`, { use: true })
    })
    afterAll(async () => {
      await Promise.all([registry?.stop(), remote?.stop()])
    })

    it('a secrets value keeps its trailing newline and spaces, byte for byte', async () => {
      const pem = `-----BEGIN KEY-----\n${randomBytes(12).toString('hex')}\n-----END KEY-----\n`
      const spaced = `tok-${randomBytes(6).toString('hex')}  `
      const sum = (s: string): string => createHash('sha256').update(s).digest('hex')
      const check = (id: string, value: string): string =>
        `test "$(sha256sum /run/secrets/${id} | cut -d ' ' -f 1)" = "${sum(value)}"`
      const context = await makeContext({
        Dockerfile: [
          `FROM ${base}`,
          `RUN --mount=type=secret,id=pem --mount=type=secret,id=sp ${check('pem', pem)} && ${check('sp', spaced)} && echo ok > /proof`,
          ''
        ].join('\n')
      })
      const run = await runAction({
        context,
        image: repo(),
        registry: registry.host,
        push: 'false',
        secrets: `"pem=${pem}"\nsp=${spaced}`
      })
      expectSucceeded(run)
    })

    it('quoted fields in outputs reach buildx whole: a dest= with commas in it is one directory', async () => {
      const out = join(await mkdtemp(join(tmpdir(), 'btp-lists-')), 'out,with,commas')
      const marker = randomBytes(8).toString('hex')
      const run = await runAction(
        {
          context: await makeContext({ Dockerfile: `FROM ${base}\nRUN echo ${marker} > /marker\n` }),
          image: repo(),
          registry: registry.host,
          outputs: `type=local,"dest=${out}"`
        },
        { env: { DOCKER_CONFIG: remote.userConfig } }
      )
      expectSucceeded(run)
      expect(run.log).toContain(`--output=type=local,"dest=${out}"`)
      expect((await readFile(join(out, 'marker'), 'utf8')).trim()).toBe(marker)
    })
  })
