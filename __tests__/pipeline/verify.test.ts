// verifyByDigest: a push by digest (push-by-digest=true) is verified at name@digest on every target, never
// under a tag (buildx made none).
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import {
  checkManifests,
  READ_BACK,
  servedAfterPush,
  verifyByDigest,
  verifyTargets,
  VerificationError
} from '../../src/pipeline/verify.js'
import { RegistryError } from '../../src/registry/errors.js'
import type { Target } from '../../src/pipeline/plan.js'
import type { Manifest, RegistryClient } from '../../src/registry/api.js'
import { quietReporter } from '../helpers/reporter.js'
import { cancelAtFirstWait } from '../helpers/cancel.js'

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`
const CONFIG = `sha256:${'c'.repeat(64)}`
const body = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: CONFIG, size: 2 },
    layers: []
  })
)
const DIGEST = sha(body)
const target = (registry: string, name: string): Target => ({
  registry,
  repository: `${registry}/${name}`,
  name,
  tags: [],
  refs: []
})

/** A registry client that serves `served` by digest only, and records what was asked of it. */
function client(served: Manifest | undefined, asked: string[]): RegistryClient {
  return {
    getManifest: async (repo: string, reference: string) => {
      asked.push(`${repo}@${reference}`)
      if (!served || reference !== served.digest) throw new Error(`GET ${repo} ${reference}: 404`)
      return served
    }
  } as unknown as RegistryClient
}

const manifest: Manifest = { digest: DIGEST, mediaType: 'application/vnd.oci.image.manifest.v1+json', body }
const built = { identity: [DIGEST, CONFIG], metadata: { 'containerimage.digest': DIGEST } }

describe('verifyByDigest', () => {
  it('every target serves the digest buildx names, asked for by digest only: that digest, at each repository', async () => {
    const asked: string[] = []
    const clients = new Map([
      ['localhost:5000', client(manifest, asked)],
      ['127.0.0.1:5001', client(manifest, asked)]
    ])
    const targets = [target('localhost:5000', 'o/a'), target('127.0.0.1:5001', 'o/b')]
    const verified = await verifyByDigest(targets, clients, { digests: [DIGEST] }, built, quietReporter)
    expect(verified.digest).toBe(DIGEST)
    expect(verified.repositories).toEqual(['localhost:5000/o/a', '127.0.0.1:5001/o/b'])
    expect(asked.sort()).toEqual([`o/a@${DIGEST}`, `o/b@${DIGEST}`])
    expect(verified.described?.platform).toBeUndefined()
  })

  it('a target that does not serve it fails the run', async () => {
    const clients = new Map([
      ['localhost:5000', client(manifest, [])],
      ['127.0.0.1:5001', client(undefined, [])]
    ])
    const targets = [target('localhost:5000', 'o/a'), target('127.0.0.1:5001', 'o/b')]
    await expect(
      verifyByDigest(targets, clients, { digests: [DIGEST] }, built, quietReporter)
    ).rejects.toThrow(/o\/b .*404/)
  })

  it("without buildx's containerimage.digest there is nothing to verify: a VerificationError", async () => {
    const clients = new Map([['localhost:5000', client(manifest, [])]])
    const error = await verifyByDigest(
      [target('localhost:5000', 'o/a')],
      clients,
      { digests: [] },
      built,
      quietReporter
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(VerificationError)
    expect((error as Error).message).toMatch(/containerimage\.digest/)
  })

  it('a manifest that is not the image this run built is refused', async () => {
    const clients = new Map([['localhost:5000', client(manifest, [])]])
    const other = { identity: [`sha256:${'e'.repeat(64)}`], metadata: {} }
    await expect(
      verifyByDigest([target('localhost:5000', 'o/a')], clients, { digests: [DIGEST] }, other, quietReporter)
    ).rejects.toThrow(/not the image this run built/)
  })
})

describe('checkManifests', () => {
  it('a tag that serves another digest than was pushed names what this run pushed, not who (docker, buildx or a sources copy)', () => {
    const other: Manifest = { ...manifest, body: Buffer.from('{}'), digest: sha(Buffer.from('{}')) }
    expect(() => checkManifests(['v1'], [other], [DIGEST], [DIGEST])).toThrow(
      `tag v1 serves ${other.digest}, but this run pushed ${DIGEST}; another push moved the tag, or the registry serves other content`
    )
  })
})

describe('servedAfterPush: a registry that reads its writes back late', () => {
  const gone = () =>
    new RegistryError('GET http://r/v2/o/a/manifests/v1 failed with HTTP 404 MANIFEST_UNKNOWN', 'fatal', {
      status: 404,
      code: 'MANIFEST_UNKNOWN'
    })
  /** A client that answers each read with the next of `answers`: an error thrown, else the manifest. */
  function answering(answers: (Error | undefined)[]) {
    let reads = 0
    return {
      reads: () => reads,
      client: {
        getManifest: async () => {
          const answer = answers[Math.min(reads++, answers.length - 1)]
          if (answer) throw answer
          return manifest
        }
      }
    }
  }

  it('asks again for a manifest missing right after the push, and takes it once served', async () => {
    const waits: number[] = []
    const { client, reads } = answering([gone(), gone(), undefined])
    const sleep = async (ms: number) => void waits.push(ms)
    expect(await servedAfterPush(client, 'o/a', 'v1', { sleep })).toBe(manifest)
    expect(reads()).toBe(3)
    expect(waits).toHaveLength(2)
    for (const ms of waits) expect(ms).toBeLessThanOrEqual(READ_BACK.maxMs)
  })

  it("still missing after its reads: the registry's 404, final, saying it asked again", async () => {
    const { client, reads } = answering([gone()])
    const error = await servedAfterPush(client, 'o/a', 'v1', { sleep: async () => {} }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as RegistryError).status).toBe(404)
    expect((error as RegistryError).kind).toBe('fatal')
    expect((error as Error).message).toBe(
      `GET http://r/v2/o/a/manifests/v1 failed with HTTP 404 MANIFEST_UNKNOWN (asked ${READ_BACK.attempts} times after the push)`
    )
    expect(reads()).toBe(READ_BACK.attempts)
  })

  it('verifying the tags pushed: a tag served only on the second read is verified', async () => {
    const { client, reads } = answering([gone(), undefined])
    const tagged = { ...target('localhost:5000', 'o/a'), tags: ['v1'], refs: ['localhost:5000/o/a:v1'] }
    const clients = new Map([['localhost:5000', client as unknown as RegistryClient]])
    const verified = await verifyTargets(
      [tagged],
      clients,
      { digests: [DIGEST], image: {} },
      built,
      quietReporter
    )
    expect(verified.digest).toBe(DIGEST)
    expect(reads()).toBe(2)
  })

  it('any other answer is final at once', async () => {
    const refused = new RegistryError('GET …: HTTP 401', 'auth', { status: 401 })
    const { client, reads } = answering([refused])
    await expect(servedAfterPush(client, 'o/a', 'v1', { sleep: async () => {} })).rejects.toBe(refused)
    expect(reads()).toBe(1)
  })

  it('a cancel ends the reads, not the wait for the registry', async () => {
    const cancel = cancelAtFirstWait()
    const { client, reads } = answering([gone()])
    const pending = servedAfterPush(client, 'o/a', 'v1', { sleep: cancel.sleep, signal: cancel.signal })
    await expect(pending).rejects.toThrow('the run was cancelled (SIGINT)')
    expect(reads()).toBe(1)
  })
})
