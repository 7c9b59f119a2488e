import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mergeIndex, platformOfConfig, type Part } from '../../../src/pipeline/sources/merge.js'
import { DOCKER_LIST, OCI_INDEX } from '../../../src/registry/oci.js'
import { InputProblem } from '../../../src/core/problem.js'
import { MAX_INDEX_ENTRIES } from '../../../src/registry/bounds.js'

const OCI_M = 'application/vnd.oci.image.manifest.v1+json'
const DOCKER_M = 'application/vnd.docker.distribution.manifest.v2+json'
const digest = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`

function single(source: string, mediaType: string, arch: string, variant?: string): Part {
  const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, arch, variant }))
  return {
    source,
    manifest: { digest: digest(body.toString()), mediaType, body },
    platform: { os: 'linux', architecture: arch, ...(variant ? { variant } : {}) }
  }
}

/** An index as BuildKit pushes it with attestations: the image, then its attestation manifest. */
function attested(source: string, arch: string) {
  const image = {
    mediaType: OCI_M,
    digest: digest(`img-${arch}`),
    size: 500,
    platform: { os: 'linux', architecture: arch }
  }
  const att = {
    mediaType: OCI_M,
    digest: digest(`att-${arch}`),
    size: 300,
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: {
      'vnd.docker.reference.digest': image.digest,
      'vnd.docker.reference.type': 'attestation-manifest'
    }
  }
  const body = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: [image, att] })
  )
  const part: Part = { source, manifest: { digest: digest(body.toString()), mediaType: OCI_INDEX, body } }
  return { part, image, att }
}

const none = { user: {}, automatic: {} }
const parse = (b: Buffer) => JSON.parse(b.toString('utf8'))

describe('mergeIndex', () => {
  it('an attested index and a plain manifest: OCI, images first, the attestation kept with its annotations', () => {
    const a = attested('build-1-amd64', 'amd64')
    const b = single('build-1-arm64', OCI_M, 'arm64')
    const out = mergeIndex([a.part, b], none)
    expect(out.mediaType).toBe(OCI_INDEX)
    const index = parse(out.body)
    expect(index.mediaType).toBe(OCI_INDEX)
    expect(index.manifests).toEqual([
      a.image,
      { mediaType: OCI_M, digest: b.manifest.digest, size: b.manifest.body.length, platform: b.platform },
      a.att
    ])
    expect(out.platformDigests).toEqual({ 'linux/amd64': a.image.digest, 'linux/arm64': b.manifest.digest })
  })

  it('Docker manifests only: a Docker manifest list, without the automatic annotations it cannot hold', () => {
    const out = mergeIndex([single('a', DOCKER_M, 'amd64'), single('b', DOCKER_M, 'arm', 'v7')], {
      user: {},
      automatic: { 'org.opencontainers.image.created': '2026-01-01T00:00:00Z' }
    })
    expect(out.mediaType).toBe(DOCKER_LIST)
    const index = parse(out.body)
    expect(index.mediaType).toBe(DOCKER_LIST)
    expect(index.annotations).toBeUndefined()
    expect(out.annotations).toEqual({})
    expect(Object.keys(out.platformDigests)).toEqual(['linux/amd64', 'linux/arm/v7'])
  })

  it('one OCI part makes the whole index OCI; index annotations: automatic ones, then the user’s winning', () => {
    const out = mergeIndex([single('a', DOCKER_M, 'amd64'), single('b', OCI_M, 'arm64')], {
      user: { 'org.opencontainers.image.title': 'mine', x: '1' },
      automatic: { 'org.opencontainers.image.title': 'auto', 'org.opencontainers.image.created': 'T' }
    })
    expect(out.mediaType).toBe(OCI_INDEX)
    expect(parse(out.body).annotations).toEqual({
      'org.opencontainers.image.title': 'mine',
      'org.opencontainers.image.created': 'T',
      x: '1'
    })
  })

  it('user annotations on Docker-only parts ask for an OCI index (a manifest list has no annotations)', () => {
    const out = mergeIndex([single('a', DOCKER_M, 'amd64'), single('b', DOCKER_M, 'arm64')], {
      user: { k: 'v' },
      automatic: {}
    })
    expect(out.mediaType).toBe(OCI_INDEX)
    expect(parse(out.body).annotations).toEqual({ k: 'v' })
    expect(out.annotations).toEqual({ k: 'v' })
  })

  it('two sources with the same platform: an error naming both', () => {
    const a = attested('build-1-amd64', 'amd64')
    expect(() => mergeIndex([a.part, single('other:v1', OCI_M, 'amd64')], none)).toThrow(InputProblem)
    expect(() => mergeIndex([a.part, single('other:v1', OCI_M, 'amd64')], none)).toThrow(
      '"build-1-amd64" and "other:v1" both hold linux/amd64'
    )
  })

  it('variants are platforms of their own', () => {
    const out = mergeIndex([single('a', OCI_M, 'arm', 'v6'), single('b', OCI_M, 'arm', 'v7')], none)
    expect(Object.keys(out.platformDigests)).toEqual(['linux/arm/v6', 'linux/arm/v7'])
  })

  it('Windows images of two releases: both in platform-digests, named with their os.version as containerd formats it', () => {
    const windows = (source: string, osVersion: string): Part => {
      const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_M, osVersion }))
      return {
        source,
        manifest: { digest: digest(body.toString()), mediaType: OCI_M, body },
        platform: { os: 'windows', architecture: 'amd64', 'os.version': osVersion }
      }
    }
    const ltsc2019 = windows('ltsc2019', '10.0.17763.5696')
    const ltsc2022 = windows('ltsc2022', '10.0.20348.2402')
    const out = mergeIndex([ltsc2019, ltsc2022, single('linux', OCI_M, 'amd64')], none)
    expect(out.platformDigests).toEqual({
      'windows(10.0.17763.5696)/amd64': ltsc2019.manifest.digest,
      'windows(10.0.20348.2402)/amd64': ltsc2022.manifest.digest,
      'linux/amd64': expect.any(String)
    })
    expect(() =>
      mergeIndex(
        [ltsc2019, { ...ltsc2019, source: 'again', manifest: { ...ltsc2019.manifest, digest: digest('x') } }],
        none
      )
    ).toThrow('"ltsc2019" and "again" both hold windows(10.0.17763.5696)/amd64')
  })

  it('the same manifest through two sources is there once', () => {
    const a = single('a', OCI_M, 'amd64')
    const out = mergeIndex([a, { ...a, source: 'again' }], none)
    expect(parse(out.body).manifests).toHaveLength(1)
  })

  it('a single manifest whose config names no platform is an error naming it', () => {
    const p = single('odd', OCI_M, 'amd64')
    delete p.platform
    expect(() => mergeIndex([p, single('b', OCI_M, 'arm64')], none)).toThrow(
      '"odd": its image config names no platform (its "os" and "architecture" must be strings without control characters)'
    )
  })

  it('an index entry without a platform field is an error naming the source, the entry and the field', () => {
    const a = attested('multi', 'amd64')
    const index = parse(a.part.manifest.body)
    delete index.manifests[0].platform
    const body = Buffer.from(JSON.stringify(index))
    const part: Part = {
      source: 'multi',
      manifest: { digest: digest(body.toString()), mediaType: OCI_INDEX, body }
    }
    expect(() => mergeIndex([part, single('b', OCI_M, 'arm64')], none)).toThrow(
      `"multi": its index entry ${a.image.digest} names no platform (the entry has no "platform" field)`
    )
  })
})

describe('platformOfConfig', () => {
  it.each([
    ['{"os":"linux","architecture":"amd64"}', { os: 'linux', architecture: 'amd64' }],
    [
      '{"os":"linux","architecture":"arm","variant":"v7"}',
      { os: 'linux', architecture: 'arm', variant: 'v7' }
    ],
    [
      '{"os":"windows","architecture":"amd64","os.version":"10.0.1"}',
      { os: 'windows', architecture: 'amd64', 'os.version': '10.0.1' }
    ],
    ['{"architecture":"amd64"}', undefined],
    ['{"os":"","architecture":"amd64"}', undefined],
    ['{"os":"linux\\n::error::x","architecture":"amd64"}', undefined],
    ['{"os":"linux","architecture":"arm","variant":"v7\\u001b[31m"}', undefined],
    ['not json', undefined]
  ])('%s', (config, want) => {
    expect(platformOfConfig(Buffer.from(config))).toEqual(want)
  })
})

describe('mergeIndex bounds', () => {
  it(`refuses to write an index of more than ${MAX_INDEX_ENTRIES} manifests`, () => {
    const parts = Array.from({ length: MAX_INDEX_ENTRIES + 1 }, (_, i) =>
      single(`s${i}`, OCI_M, 'amd64', `v${i}`)
    )
    expect(() => mergeIndex(parts, { user: {}, automatic: {} })).toThrow(
      new InputProblem(
        `the sources hold ${MAX_INDEX_ENTRIES + 1} manifests, more than the ${MAX_INDEX_ENTRIES} one index may list`
      )
    )
    expect(() => mergeIndex(parts.slice(1), { user: {}, automatic: {} })).not.toThrow()
  })
})
