import { describe, expect, it } from '@jest/globals'
import { descriptorPlatform, manifestSize } from '../../src/pipeline/describe.js'

describe('manifestSize', () => {
  it('adds the config and every layer', () => {
    expect(manifestSize({ config: { size: 779 }, layers: [{ size: 1064331 }, { size: 64019724 }] })).toBe(
      779 + 1064331 + 64019724
    )
  })
  it('is 0 for something that is no image manifest', () => {
    expect(manifestSize({})).toBe(0)
  })
  it('counts only sizes that are byte counts: a string would make the sum a string, and the summary fail', () => {
    const odd = JSON.parse('{"config":{"size":"51"},"layers":[{"size":7},null,{"size":-1},{"size":1.5}]}')
    expect(manifestSize(odd)).toBe(7)
    expect(manifestSize(JSON.parse('{"layers":{"size":7}}'))).toBe(0)
  })
})

describe('descriptorPlatform', () => {
  it.each([
    [{ 'containerimage.descriptor': { platform: { os: 'linux', architecture: 'amd64' } } }, 'linux/amd64'],
    [
      { 'containerimage.descriptor': { platform: { os: 'linux', architecture: 'arm', variant: 'v7' } } },
      'linux/arm/v7'
    ],
    [{ 'containerimage.descriptor': { digest: 'sha256:x' } }, undefined],
    [{}, undefined]
  ])('%j → %s', (metadata, expected) => {
    expect(descriptorPlatform(metadata)).toBe(expected)
  })
})
