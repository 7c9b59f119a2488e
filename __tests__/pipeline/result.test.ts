// One Result whatever path ran: a build kept local, a build pushed and verified, an evaluation, sources.
import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import type { Manifest } from '../../src/registry/api.js'
import { resultOf } from '../../src/pipeline/result.js'
import { metadata } from '../../src/action/summary.js'
import { makeInputs } from '../../__fixtures__/inputs.js'

const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const digestOf = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`

const manifest = (mediaType: string, body: object): Manifest => {
  const text = JSON.stringify(body)
  return { digest: digestOf(text), mediaType, body: Buffer.from(text) }
}

const AMD = digestOf('amd64')
const ARM = digestOf('arm64')
const index = manifest(DOCKER_LIST, {
  schemaVersion: 2,
  mediaType: DOCKER_LIST,
  manifests: [
    { mediaType: OCI_MANIFEST, digest: AMD, size: 1, platform: { os: 'linux', architecture: 'amd64' } },
    { mediaType: OCI_MANIFEST, digest: ARM, size: 1, platform: { os: 'linux', architecture: 'arm64' } }
  ]
})
const single = manifest(OCI_MANIFEST, { schemaVersion: 2, config: { size: 10 }, layers: [{ size: 5 }] })
const durations = { copy: 12, verify: 3 }

describe('resultOf', () => {
  it('an evaluation: nothing pushed, nothing built', () => {
    expect(resultOf({ refs: [], builder: 'buildx', durations, iid: '' })).toEqual({
      digest: '',
      imageRef: '',
      imageRefs: [],
      imageid: '',
      tags: [],
      platformDigests: {},
      size: 0,
      buildx: {},
      builder: 'buildx',
      durations
    })
  })

  it('a classic build pushed: the local image gives its ID, size and platform', () => {
    const image = { id: 'sha256:local', repoDigests: [], size: 42, platform: 'linux/amd64' }
    const result = resultOf({
      refs: ['localhost:5000/app:v1'],
      builder: 'classic',
      durations,
      iid: 'sha256:iid',
      image,
      verified: { repository: 'localhost:5000/app', digest: single.digest, manifest: single }
    })
    expect(result).toEqual({
      digest: single.digest,
      imageRef: `localhost:5000/app@${single.digest}`,
      imageRefs: [`localhost:5000/app@${single.digest}`],
      imageid: 'sha256:local',
      tags: ['localhost:5000/app:v1'],
      platformDigests: { 'linux/amd64': single.digest },
      size: 42,
      buildx: {},
      builder: 'classic',
      durations
    })
  })

  it('a buildx build pushed straight from BuildKit: what the registry serves describes it', () => {
    const result = resultOf({
      refs: ['localhost:5000/app:v1'],
      builder: 'buildx',
      durations,
      iid: 'sha256:config',
      metadata: { 'containerimage.digest': index.digest },
      verified: {
        repository: 'localhost:5000/app',
        repositories: ['localhost:5000/app', 'localhost:5001/app'],
        digest: index.digest,
        manifest: index,
        described: { size: 7 }
      }
    })
    expect(result).toMatchObject({
      imageRefs: [`localhost:5000/app@${index.digest}`, `localhost:5001/app@${index.digest}`],
      imageid: 'sha256:config',
      platformDigests: { 'linux/amd64': AMD, 'linux/arm64': ARM },
      size: 7,
      buildx: { 'containerimage.digest': index.digest }
    })
  })

  it('sources: every target, no builder, the platforms as the run knows them, the image ID given', () => {
    const known = { 'linux/arm64': ARM }
    const result = resultOf({
      refs: ['localhost:5000/app:v1', 'localhost:5000/app:latest', 'localhost:5001/prod/app:v1'],
      builder: 'none',
      durations,
      iid: 'sha256:imageid',
      verified: {
        repository: 'localhost:5000/app',
        repositories: ['localhost:5000/app', 'localhost:5001/prod/app'],
        digest: index.digest,
        manifest: index,
        platformDigests: known
      }
    })
    expect(result).toEqual({
      digest: index.digest,
      imageRef: `localhost:5000/app@${index.digest}`,
      imageRefs: [`localhost:5000/app@${index.digest}`, `localhost:5001/prod/app@${index.digest}`],
      imageid: 'sha256:imageid',
      tags: ['localhost:5000/app:v1', 'localhost:5000/app:latest', 'localhost:5001/prod/app:v1'],
      platformDigests: known,
      size: 0,
      buildx: {},
      builder: 'none',
      durations
    })
  })

  it('sources merged from registries: no image ID', () => {
    const result = resultOf({
      refs: ['localhost:5000/app:v1'],
      builder: 'none',
      durations,
      iid: '',
      verified: {
        repository: 'localhost:5000/app',
        digest: index.digest,
        manifest: index,
        platformDigests: {}
      }
    })
    expect(result.imageid).toBe('')
    expect(result.platformDigests).toEqual({})
  })
})

// buildx's docker driver on the classic image store: a single-platform build is loaded and pushed with
// `docker push`, which writes a new manifest. buildx's metadata file is the --load build's, whose
// `containerimage.digest` is the image ID (values from a run of dockerd 20.10 and buildx 0.13.1); a step
// reading fromJSON(metadata)['containerimage.digest'], as with build-push-action, needs what was pushed.
describe("buildx's metadata after docker pushed a loaded image", () => {
  const IMAGE_ID = 'sha256:fc87198265f5d2e2e4db10be019ae7bbe8442ec6631cf16254c098a856b69fda'
  const loaded = {
    'buildx.build.ref': 'default/default/x',
    'containerimage.config.digest': IMAGE_ID,
    'containerimage.digest': IMAGE_ID,
    'containerimage.descriptor': {
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      digest: IMAGE_ID,
      size: 525,
      platform: { architecture: 'amd64', os: 'linux' }
    },
    'image.name': 'localhost:5000/app:v1'
  }
  const outcome = {
    refs: ['localhost:5000/app:v1'],
    builder: 'buildx',
    durations,
    iid: IMAGE_ID,
    metadata: loaded,
    verified: { repository: 'localhost:5000/app', digest: single.digest, manifest: single }
  }

  it('containerimage.digest and its descriptor are the pushed manifest; the rest is buildx’s', () => {
    expect(resultOf(outcome).buildx).toEqual({
      ...loaded,
      'containerimage.digest': single.digest,
      'containerimage.descriptor': {
        mediaType: OCI_MANIFEST,
        digest: single.digest,
        size: single.body.length,
        platform: { architecture: 'amd64', os: 'linux' }
      }
    })
  })

  it('the metadata output carries the pushed digest', () => {
    const result = { ...resultOf(outcome), counts: { docker: 3, registry: 2, verification: 1 } }
    const m = metadata(makeInputs({ registry: 'localhost:5000', image: 'app' }), result)
    expect(m['containerimage.digest']).toBe(single.digest)
    expect(m['containerimage.config.digest']).toBe(IMAGE_ID)
    expect(m.imageid).toBe(IMAGE_ID)
  })

  it('nothing pushed: buildx’s metadata as it wrote it', () => {
    expect(resultOf({ ...outcome, verified: undefined }).buildx).toEqual(loaded)
  })

  it('buildx pushed: its digest is the one served, and its metadata stays as written', () => {
    const pushed = {
      'containerimage.digest': index.digest,
      'containerimage.descriptor': { digest: index.digest, mediaType: DOCKER_LIST, size: index.body.length }
    }
    const result = resultOf({
      ...outcome,
      metadata: pushed,
      verified: { repository: 'localhost:5000/app', digest: index.digest, manifest: index }
    })
    expect(result.buildx).toEqual(pushed)
  })
})
