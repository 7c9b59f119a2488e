// When SBOM attestations are looked for, and how their files are named.
import { describe, expect, it } from '@jest/globals'
import { asksForSbom, sbomFileName } from '../../src/pipeline/sbom.js'

describe('asksForSbom', () => {
  it.each([
    [{ sbom: '', attests: [] }, false],
    [{ sbom: 'false', attests: [] }, false],
    [{ sbom: 'true', attests: [] }, true],
    [{ sbom: 'generator=my/scanner', attests: [] }, true],
    [{ sbom: '', attests: ['type=provenance,mode=max'] }, false],
    [{ sbom: '', attests: ['type=sbom'] }, true],
    [{ sbom: '', attests: ['type=sbom,generator=my/scanner'] }, true],
    [{ sbom: '', attests: ['type=sbom,disabled=true'] }, false],
    [{ sbom: '', attests: ['generator=x,type=sbom'] }, true]
  ])('%j → %s', (inputs, expected) => {
    expect(asksForSbom(inputs)).toBe(expected)
  })
})

describe('sbomFileName', () => {
  it.each([
    ['linux/amd64', 'linux-amd64.spdx.json'],
    ['linux/arm/v7', 'linux-arm-v7.spdx.json'],
    ['../../etc/x', '..-..-etc-x.spdx.json']
  ])('%s → %s', (platform, name) => {
    expect(sbomFileName(platform)).toBe(name)
  })
})
