// containerd's normalization (platforms.Parse then Normalize, as buildx applies them), with a fixed host for
// what a lone OS or architecture or `local` leaves out; and the annotation levels that carry platforms.
import { describe, expect, it } from '@jest/globals'
import {
  formatSpecifier,
  hostPlatform,
  parseBuildxPlatform,
  parseSpecifier
} from '../../src/core/platform-spec.js'
import { parseAnnotation, parseLevel } from '../../src/metadata/levels.js'

const ARM_HOST = { os: 'linux', architecture: 'arm', variant: 'v6' }
const canonical = (specifier: string): string => formatSpecifier(parseBuildxPlatform(specifier, ARM_HOST))

describe('one spelling per platform, as buildx sends it', () => {
  it.each([
    ['linux/amd64', 'linux/amd64'],
    ['Linux/AMD64', 'linux/amd64'],
    ['linux/x86_64', 'linux/amd64'],
    ['linux/x86-64/v1', 'linux/amd64'],
    ['linux/amd64/V3', 'linux/amd64/v3'],
    ['linux/aarch64', 'linux/arm64'],
    ['linux/arm64/v8', 'linux/arm64'],
    ['linux/arm64/8', 'linux/arm64'],
    ['linux/arm64/v8.0', 'linux/arm64'],
    ['linux/arm64/9.0', 'linux/arm64/v9'],
    ['linux/arm', 'linux/arm/v7'],
    ['linux/arm/7', 'linux/arm/v7'],
    ['linux/arm/5', 'linux/arm/v5'],
    ['linux/armhf', 'linux/arm/v7'],
    ['linux/armel', 'linux/arm/v6'],
    ['linux/i386', 'linux/386'],
    ['macOS/arm64', 'darwin/arm64'],
    ['windows(10.0.17763)/amd64', 'windows(10.0.17763)/amd64'],
    ['windows(10.0.17763+win32k+a+win32k)/amd64', 'windows(10.0.17763+a+win32k)/amd64'],
    ['windows(10%2B1)/amd64', 'windows(10%2B1)/amd64'],
    // What the host fills in.
    ['linux', 'linux/arm/v6'],
    ['amd64', 'linux/amd64'],
    ['armhf', 'linux/arm/v7'],
    ['local', 'linux/arm/v6'],
    ['Local', 'linux/arm/v6']
  ])('%s → %s', (specifier, expected) => {
    expect(canonical(specifier)).toBe(expected)
  })

  it('knows this machine as buildx does', () => {
    expect(parseBuildxPlatform('local')).toEqual({ ...hostPlatform(), osVersion: '', osFeatures: [] })
  })

  it('leaves `local` to buildx: containerd itself does not know it', () => {
    expect(() => parseSpecifier('local', ARM_HOST)).toThrow('neither a known OS nor a known architecture')
  })
})

describe('annotation levels read their platforms as buildx does', () => {
  it.each([
    ['manifest[linux/amd64]', 'linux/amd64'],
    ['manifest[Linux/x86_64]', 'linux/amd64'],
    ['index-descriptor[linux/armhf]', 'linux/arm/v7']
  ])('%s → %s', (level, platform) => {
    expect(parseLevel(level)?.platform).toBe(platform)
  })

  // buildx 0.13 read these as part of the key, and `local` is no platform there: refused before the build.
  it.each([
    'manifest[local]',
    'manifest[windows(10.0.1)/amd64]',
    'manifest[linux/arm/v7.1]',
    'manifest[foo]'
  ])('%s is not a level', level => {
    expect(parseLevel(level)).toBeUndefined()
    expect(() => parseAnnotation(`${level}:k=v`)).toThrow('is not a level')
  })
})
