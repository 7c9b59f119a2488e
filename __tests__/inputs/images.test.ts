import { describe, expect, it } from '@jest/globals'
import { parseImages, splitImage } from '../../src/inputs/images.js'

describe('parseImages: metadata-action image lines', () => {
  it.each([
    [['ghcr.io/octo/app'], [{ registry: 'ghcr.io', image: 'octo/app' }]],
    [['octo/app'], [{ registry: 'docker.io', image: 'octo/app' }]],
    [['docker.io/octo/app'], [{ registry: 'docker.io', image: 'octo/app' }]],
    [['localhost:5000/a/b'], [{ registry: 'localhost:5000', image: 'a/b' }]],
    [['name=ghcr.io/octo/App'], [{ registry: 'ghcr.io', image: 'octo/app' }]],
    [['name=ghcr.io/octo/app,enable=false', 'quay.io/o/a'], [{ registry: 'quay.io', image: 'o/a' }]],
    [['"name=ghcr.io/o/a",enable=true'], [{ registry: 'ghcr.io', image: 'o/a' }]],
    // a bare name followed by attributes, as metadata-action reads it
    [['ghcr.io/o/app,enable=false', 'octo/app'], [{ registry: 'docker.io', image: 'octo/app' }]],
    [['ghcr.io/o/app,enable=true'], [{ registry: 'ghcr.io', image: 'o/app' }]],
    [['enable=true,ghcr.io/o/app'], [{ registry: 'ghcr.io', image: 'o/app' }]],
    // metadata-action's older form: one line of comma-separated names
    [
      ['octo/app, ghcr.io/octo/app'],
      [
        { registry: 'docker.io', image: 'octo/app' },
        { registry: 'ghcr.io', image: 'octo/app' }
      ]
    ]
  ])('%j', (lines, expected) => {
    expect(parseImages(lines)).toEqual(expected)
  })

  it.each([
    ['ghcr.io/octo/app:v1', /tag or digest/],
    ['ghcr.io/octo/app@sha256:abc', /tag or digest/],
    ['name=ghcr.io/o/a,enable=maybe', /enable must be true or false/],
    ['name=ghcr.io/o/a,color=red', /unknown attribute "color"/],
    ['enable=true', /names no image/],
    ['ghcr.io/o/a,ghcr.io/o/b,enable=true', /"ghcr.io\/o\/b" is a second name/],
    ['ghcr.io/Bad Name', /^"ghcr.io\/Bad Name": "bad name" is not a valid repository path/],
    ['example.com:99999/a', /registry/],
    // A control character is escaped, never written to the log as it is (an ANSI colour).
    ['ghcr.io/a/b,\u001b[31m=1', /unknown attribute "\\u001b\[31m"/]
  ])('%s is refused', (line, message) => {
    expect(() => parseImages([line])).toThrow(message)
  })
})

describe('splitImage', () => {
  it('keeps a bracketed IPv6 host', () => {
    expect(splitImage('[::1]:5000/a')).toEqual({ registry: '[::1]:5000', image: 'a' })
  })
})
