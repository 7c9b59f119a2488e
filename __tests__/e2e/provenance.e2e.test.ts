// The pushed SLSA provenance names this workflow run as its builder, as build-push-action sets it, and
// `provenance` beside a provenance entry in `attests` is one attestation (buildx refuses two). Read back
// from the registry's own API: the index, its attestation manifest, and the in-toto statement blob.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { EXPECTED_BUILDER, expectSucceeded, runAction } from '../helpers/action.js'
import { expectBuildxOnly } from '../helpers/buildx-only.js'
import { remoteBuilder, type RemoteBuilder } from '../helpers/buildkit-proxy.js'
import { ensureBaseImage, makeContext, requireDocker } from '../helpers/docker.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw } from '../helpers/skopeo.js'

const RUN_ENV = {
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_REPOSITORY: 'octo/app',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '3'
}
const RUN_URL = 'https://github.example/octo/app/actions/runs/4242/attempts/3'

interface Descriptor {
  digest: string
  mediaType?: string
  annotations?: Record<string, string>
}

/** The SLSA provenance statement attached to `image:tag`, fetched blob by blob from the registry. */
async function provenanceOf(
  host: string,
  image: string,
  tag: string
): Promise<{ builder?: { id?: string } }> {
  const index = await inspectRaw(host, `${image}:${tag}`)
  const attestation = (index.json.manifests as Descriptor[]).find(
    m => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest'
  )
  if (!attestation) throw new Error(`no attestation manifest in ${JSON.stringify(index.json)}`)
  const manifest = await inspectRaw(host, `${image}@${attestation.digest}`)
  const layer = (manifest.json.layers as Descriptor[]).find(l =>
    l.annotations?.['in-toto.io/predicate-type']?.startsWith('https://slsa.dev/provenance/')
  )
  if (!layer) throw new Error(`no provenance layer in ${JSON.stringify(manifest.json)}`)
  const res = await fetch(`http://${host}/v2/${image}/blobs/${layer.digest}`)
  if (!res.ok) throw new Error(`blob ${layer.digest}: HTTP ${res.status}`)
  return ((await res.json()) as { predicate: { builder?: { id?: string } } }).predicate
}

// On the classic engine these are buildx inputs: input errors before any build, nothing run.
if (EXPECTED_BUILDER === 'classic')
  describe('classic engine: provenance and attests are buildx inputs', () => {
    it.each([
      ['provenance', 'mode=max'],
      ['attests', 'type=provenance,mode=max']
    ])('%s = %j is an input error before any build', (input, value) => expectBuildxOnly(input, value))
  })

if (EXPECTED_BUILDER === 'buildx')
  describe('BuildKit engine: provenance as build-push-action passes it', () => {
    let registry: TestRegistry
    let remote: RemoteBuilder
    let base: string
    let n = 0
    const repo = (): string => `prov/app-${process.pid}-${++n}`
    const fresh = (): string => `FROM ${base}\nRUN echo ${randomBytes(8).toString('hex')} > /id\n`

    beforeAll(async () => {
      await requireDocker()
      base = await ensureBaseImage()
      registry = await startRegistry()
      // A builder that pushes from BuildKit and keeps attestations, as setup-buildx-action's builders do.
      remote = await remoteBuilder(`btp-prov-${process.pid}`, { use: true })
    })
    afterAll(async () => {
      await Promise.all([registry?.stop(), remote?.stop()])
    })
    const run = (inputs: Record<string, string>) =>
      runAction(
        { context: '', registry: registry.host, tags: 'v1', ...inputs },
        {
          env: { DOCKER_CONFIG: remote.userConfig, ...RUN_ENV }
        }
      )

    it('provenance true: the pushed builder.id is the workflow run with its attempt', async () => {
      const image = repo()
      const r = await run({ context: await makeContext({ Dockerfile: fresh() }), image, provenance: 'true' })
      expectSucceeded(r)
      expect((await provenanceOf(registry.host, image, 'v1')).builder?.id).toBe(RUN_URL)
    })

    it('provenance beside a provenance entry in attests: one attestation, provenance wins, builder named', async () => {
      const image = repo()
      const r = await run({
        context: await makeContext({ Dockerfile: fresh() }),
        image,
        provenance: 'mode=max',
        attests: 'type=provenance,mode=min'
      })
      expectSucceeded(r)
      expect(r.log).not.toContain('duplicate attestation')
      const predicate = (await provenanceOf(registry.host, image, 'v1')) as {
        builder?: { id?: string }
        metadata?: { completeness?: { materials?: boolean } }
        buildConfig?: unknown
      }
      expect(predicate.builder?.id).toBe(RUN_URL)
      // mode=max records the build's steps; mode=min does not.
      expect(predicate.buildConfig).toBeDefined()
    })

    it('a provenance entry in attests alone gets the builder too', async () => {
      const image = repo()
      const r = await run({
        context: await makeContext({ Dockerfile: fresh() }),
        image,
        attests: 'type=provenance,mode=min'
      })
      expectSucceeded(r)
      expect((await provenanceOf(registry.host, image, 'v1')).builder?.id).toBe(RUN_URL)
    })
  })
