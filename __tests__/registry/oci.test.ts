import { describe, expect, it } from '@jest/globals'
import {
  contentDigest,
  digestProblem,
  OCI_INDEX,
  OCI_MANIFEST,
  OciError,
  parseManifest
} from '../../src/registry/oci.js'

const D256 = `sha256:${'a'.repeat(64)}`
const D512 = `sha512:${'b'.repeat(128)}`
const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: D256, size: 3 }
const config = { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D256, size: 2 }
const child = {
  mediaType: OCI_MANIFEST,
  digest: D512,
  size: 9,
  platform: { os: 'linux', architecture: 'arm64' }
}
const body = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v))

describe('digestProblem', () => {
  it.each([
    [D256, undefined],
    [D512, undefined],
    [undefined, 'no digest'],
    ['', 'no digest'],
    ['sha256', '"sha256" is not a digest'],
    [
      `md5:${'0'.repeat(32)}`,
      'digest algorithm "md5" is not supported (only sha256 and sha512 can be verified)'
    ],
    [`sha256:${'a'.repeat(63)}`, `"sha256:${'a'.repeat(63)}" is not a valid sha256 digest`],
    [`sha512:${'a'.repeat(64)}`, `"sha512:${'a'.repeat(64)}" is not a valid sha512 digest`]
  ])('%s', (digest, want) => {
    expect(digestProblem(digest)).toBe(want)
  })

  it('contentDigest hashes in the digest’s own algorithm', () => {
    expect(contentDigest(D512, Buffer.from(''))).toMatch(/^sha512:cf83e1357eefb8bd/)
    expect(contentDigest(D256, Buffer.from(''))).toMatch(/^sha256:e3b0c44298fc1c14/)
  })
})

describe('parseManifest', () => {
  it('an image manifest and an index, with fields it does not read kept', () => {
    const image = parseManifest(body({ schemaVersion: 2, config, layers: [layer] }), OCI_MANIFEST)
    expect(image).toEqual({ kind: 'image', config, layers: [layer] })
    const index = parseManifest(
      body({ mediaType: OCI_INDEX, manifests: [{ ...child, artifactType: 'x/y' }] }),
      OCI_INDEX
    )
    expect(index).toEqual({ kind: 'index', manifests: [{ ...child, artifactType: 'x/y' }] })
  })

  it.each([
    ['null', OCI_MANIFEST, 'the manifest is not a JSON object'],
    ['<html>', OCI_MANIFEST, 'the manifest is not JSON'],
    [{ config, layers: 5 }, OCI_MANIFEST, 'the manifest has no list of layers'],
    [{ layers: [] }, OCI_MANIFEST, 'config is not a descriptor object'],
    [{ manifests: {} }, OCI_INDEX, 'the index has no list of manifests'],
    [{ manifests: [{ ...child, digest: undefined }] }, OCI_INDEX, 'manifests[0]: no digest'],
    [{ manifests: [{ ...child, size: -1 }] }, OCI_INDEX, 'manifests[0]: size -1 is not a byte count'],
    [{ manifests: [{ ...child, size: '9' }] }, OCI_INDEX, 'manifests[0]: size "9" is not a byte count'],
    [
      { manifests: [{ ...child, mediaType: `${OCI_MANIFEST}\nX: 1` }] },
      OCI_INDEX,
      `manifests[0]: media type "${OCI_MANIFEST}\\nX: 1" is not a valid media type`
    ],
    [
      { manifests: [{ ...child, platform: { os: 'linux' } }] },
      OCI_INDEX,
      'manifests[0]: platform architecture is missing'
    ],
    [
      { manifests: [{ ...child, platform: { os: 'linux', architecture: 'a\nb' } }] },
      OCI_INDEX,
      'manifests[0]: platform architecture is not a plain string'
    ],
    [
      { manifests: [{ ...child, annotations: { a: 1 } }] },
      OCI_INDEX,
      'manifests[0]: annotations are not a map of strings'
    ],
    [
      { config, layers: [{ ...layer, urls: 'http://x' }] },
      OCI_MANIFEST,
      'layers[0]: urls is not a list of strings'
    ],
    [
      { mediaType: OCI_INDEX, config, layers: [] },
      OCI_MANIFEST,
      `the manifest says it is "${OCI_INDEX}", but was served as ${OCI_MANIFEST}`
    ],
    [{}, 'application/json', 'media type "application/json" is not an image manifest or index'],
    [{}, 'text/x\n', 'media type "text/x\\n" is not a valid media type']
  ])('%j as %s: %s', (manifest, mediaType, message) => {
    expect(() => parseManifest(body(manifest), mediaType)).toThrow(new OciError(message))
  })

  it('an empty optional platform field is allowed; an empty os is not', () => {
    const variant = { ...child, platform: { os: 'linux', architecture: 'arm', variant: '' } }
    expect(parseManifest(body({ manifests: [variant] }), OCI_INDEX).kind).toBe('index')
    const noOs = { ...child, platform: { os: '', architecture: 'arm' } }
    expect(() => parseManifest(body({ manifests: [noOs] }), OCI_INDEX)).toThrow(
      'platform os is not a plain string'
    )
  })
})
