// A `sources` promotion keeps what was attached to the digest after its push (actions/attest's bundles,
// cosign's signatures): the referrers come along, found through the OCI referrers API where the source
// registry has it, otherwise through the `sha256-<hex>` fallback index, and cosign's `.sig` tag too.
// distribution 2.8 has no referrers API: the API side is a proxy in front of it that answers it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { expectSucceeded, runAction } from '../helpers/action.js'
import { requireDocker } from '../helpers/docker.js'
import {
  attachReferrer,
  cosignSignatures,
  cosignTag,
  pushBlob,
  putManifest,
  startReferrersProxy,
  type Descriptor,
  type ReferrersProxy
} from '../helpers/referrers.js'
import { startRegistry, type TestRegistry } from '../helpers/registry.js'
import { inspectRaw, tagExists, type Creds } from '../helpers/skopeo.js'

const AUTH: Creds = { username: 'promoter', password: `pw-${randomBytes(8).toString('hex')}` }
const id = `${process.pid}${randomBytes(3).toString('hex')}`

let source: TestRegistry
let production: TestRegistry
let apiUpstream: TestRegistry
let signedAtTarget: TestRegistry
let api: ReferrersProxy

beforeAll(async () => {
  await requireDocker()
  ;[source, production, apiUpstream, signedAtTarget] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: AUTH }),
    startRegistry(),
    startRegistry()
  ])
  api = await startReferrersProxy(apiUpstream.host)
})

afterAll(async () => {
  await api?.stop()
  await Promise.all([source?.stop(), production?.stop(), apiUpstream?.stop(), signedAtTarget?.stop()])
})

/** A small single-platform image pushed straight to `host`; its manifest's descriptor. */
async function pushImage(host: string, repo: string, tag: string): Promise<Descriptor> {
  const config = await pushBlob(
    host,
    repo,
    Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] }, id })
    )
  )
  const body = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { ...config, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: []
    })
  )
  return putManifest(host, repo, tag, body, 'application/vnd.oci.image.manifest.v1+json')
}

const digestsOf = (index: { manifests: { digest: string }[] }): string[] => index.manifests.map(m => m.digest)

describe('promotion keeps the referrers', () => {
  it('from a registry without the referrers API: the fallback index and the cosign tag are carried over', async () => {
    const repo = `src/app-${id}`
    const image = await pushImage(source.host, repo, 'v1')
    const bundle = await attachReferrer(source.host, repo, image, { fallback: true })
    const signature = await cosignTag(source.host, repo, image.digest)
    const fallback = image.digest.replace(':', '-')

    const r = await runAction({
      sources: `${source.host}/${repo}:v1`,
      registry: production.host,
      image: `prod/app-${id}`,
      tags: 'v1',
      username: AUTH.username,
      password: AUTH.password
    })
    expectSucceeded(r)
    expect(r.outputs.digest).toBe(image.digest)
    expect(r.log).toMatch(
      new RegExp(
        `Referrers of ${image.digest} carried over .*: 1 \\(found through the ${fallback} tag\\), and cosign's ${fallback}\\.sig`
      )
    )

    const prod = `prod/app-${id}`
    // The artifact itself, byte for byte, still naming the promoted digest as its subject.
    const carried = await inspectRaw(production.host, `${prod}@${bundle.digest}`, AUTH)
    expect(carried.digest).toBe(bundle.digest)
    expect(carried.json.subject.digest).toBe(image.digest)
    // Listed where tools look on a registry without the API.
    const index = await inspectRaw(production.host, `${prod}:${fallback}`, AUTH)
    expect(digestsOf(index.json)).toEqual([bundle.digest])
    expect((await inspectRaw(production.host, `${prod}:${fallback}.sig`, AUTH)).digest).toBe(signature.digest)
  })

  it('from a registry with the referrers API: what the API lists, on every page, is carried over, and listed in the target’s fallback index', async () => {
    const repo = `api/app-${id}`
    const image = await pushImage(api.host, repo, 'v1')
    // Through the API only: no fallback tag exists in the source. Two referrers: two pages.
    const bundle = await attachReferrer(api.host, repo, image, { fallback: false })
    const sbom = await attachReferrer(api.host, repo, image, {
      fallback: false,
      artifactType: 'application/spdx+json'
    })
    const fallback = image.digest.replace(':', '-')
    expect(await tagExists(api.host, `${repo}:${fallback}`)).toBe(false)

    const r = await runAction({
      sources: `${api.host}/${repo}:v1`,
      registry: production.host,
      image: `prod/api-${id}`,
      tags: 'v1',
      username: AUTH.username,
      password: AUTH.password
    })
    expectSucceeded(r)
    expect(api.asked).toContain(`${repo}@${image.digest}`)
    expect(r.log).toContain('(found through the referrers API)')
    const prod = `prod/api-${id}`
    for (const referrer of [bundle, sbom])
      expect(
        (await inspectRaw(production.host, `${prod}@${referrer.digest}`, AUTH)).json.subject.digest
      ).toBe(image.digest)
    expect(digestsOf((await inspectRaw(production.host, `${prod}:${fallback}`, AUTH)).json)).toEqual([
      bundle.digest,
      sbom.digest
    ])
  })

  it('to a registry with the referrers API: the referrer is pushed and the registry lists it; no fallback tag is written', async () => {
    const repo = `src/to-api-${id}`
    const image = await pushImage(source.host, repo, 'v1')
    const bundle = await attachReferrer(source.host, repo, image, { fallback: true })
    const target = `prod/to-api-${id}`

    const r = await runAction({
      sources: `${source.host}/${repo}:v1`,
      registry: api.host,
      image: target,
      tags: 'v1'
    })
    expectSucceeded(r)
    const listed = (await (
      await fetch(`http://${api.host}/v2/${target}/referrers/${image.digest}`)
    ).json()) as {
      manifests: { digest: string }[]
    }
    expect(digestsOf(listed)).toEqual([bundle.digest])
    expect(await tagExists(api.host, `${target}:${image.digest.replace(':', '-')}`)).toBe(false)
  })
})

describe("cosign's tags in a target that has its own", () => {
  it('a repeat promotion adds the source’s new signatures after the target’s, and drops none signed at the target', async () => {
    const repo = `src/signed-${id}`
    const prod = `prod/signed-${id}`
    const image = await pushImage(source.host, repo, 'v1')
    const sig = `${image.digest.replace(':', '-')}.sig`
    const promote = async (tag: string) => {
      const r = await runAction({
        sources: `${source.host}/${repo}:v1`,
        registry: signedAtTarget.host,
        image: prod,
        tags: tag
      })
      expectSucceeded(r)
      return r
    }
    await cosignSignatures(source.host, repo, image.digest, ['staging'])
    await promote('v1')
    // Signed again at the target, as cosign appends: staging's layer, then prod's.
    await cosignSignatures(signedAtTarget.host, prod, image.digest, ['staging', 'prod'])
    // And signed again at the source meanwhile.
    await cosignSignatures(source.host, repo, image.digest, ['staging', 'staging-2'])
    const fromSource = (await inspectRaw(source.host, `${repo}:${sig}`)).json

    await promote('v2')
    const merged = await inspectRaw(signedAtTarget.host, `${prod}:${sig}`)
    const payloads = (merged.json.layers as { annotations: Record<string, string> }[]).map(
      l => l.annotations['dev.cosignproject.cosign/signature']
    )
    expect(payloads).toEqual(['sig-of-staging', 'sig-of-prod', 'sig-of-staging-2'])
    // The new layer is the source's, byte for byte, and its blob is in the target; the config pairs a
    // diff_id and a history entry with each layer, as cosign's append leaves it.
    expect(merged.json.layers[2]).toEqual(fromSource.layers[1])
    const blob = await fetch(`http://${signedAtTarget.host}/v2/${prod}/blobs/${merged.json.layers[2].digest}`)
    expect(blob.status).toBe(200)
    const config = (await (
      await fetch(`http://${signedAtTarget.host}/v2/${prod}/blobs/${merged.json.config.digest}`)
    ).json()) as { rootfs: { diff_ids: string[] }; history: unknown[] }
    expect(config.rootfs.diff_ids).toEqual(merged.json.layers.map((l: Descriptor) => l.digest))
    expect(config.history).toHaveLength(3)

    // A target that holds every signature of the source's is left as it is.
    await promote('v3')
    expect((await inspectRaw(signedAtTarget.host, `${prod}:${sig}`)).digest).toBe(merged.digest)
  }, 120_000)
})
