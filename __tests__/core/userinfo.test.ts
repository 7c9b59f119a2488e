// A URL's userinfo split as Go's net/url and WHATWG URL split it: at the authority's last '@'. Pure, so tables.
import { describe, expect, it } from '@jest/globals'
import { authorityOf, replaceUserinfo, splitUserinfo, urlAuthorities } from '../../src/core/userinfo.js'

const DIGEST = 'sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1'

describe('urlAuthorities', () => {
  it.each([
    ['https://u:p@host/r.git', [{ scheme: 'https', userinfo: 'u:p', host: 'host', rest: '/r.git' }]],
    [
      'https://deploy:Secr3t@Pass99@git.example.com:8443/o/r.git#main',
      [
        {
          scheme: 'https',
          userinfo: 'deploy:Secr3t@Pass99',
          host: 'git.example.com:8443',
          rest: '/o/r.git#main'
        }
      ]
    ],
    ['HTTP://proxy:3128', [{ scheme: 'HTTP', host: 'proxy:3128', rest: '' }]],
    // A '@' in the path is not in the authority.
    ['https://host/a@b', [{ scheme: 'https', host: 'host', rest: '/a@b' }]],
    // A digest after the '@' is a pinned image, not a host.
    [
      `docker-image://alpine:latest@${DIGEST}`,
      [{ scheme: 'docker-image', host: `alpine:latest@${DIGEST}`, rest: '' }]
    ],
    [
      `a=docker-image://node:20@${DIGEST},b=ssh://git:pw@h/r`,
      [
        { scheme: 'docker-image', host: `node:20@${DIGEST},b=ssh:`, rest: `//git:pw@h/r` },
        { scheme: 'ssh', userinfo: 'git:pw', host: 'h', rest: '/r' }
      ]
    ],
    ['.', []]
  ])('%s', (text, expected) => {
    expect(urlAuthorities(text).map(({ index: _index, ...a }) => a)).toEqual(expected)
  })
})

describe('authorityOf', () => {
  it('reads a URL at the start of the text only', () => {
    expect(authorityOf('https://a:b@c@d/x')).toEqual({
      scheme: 'https',
      index: 8,
      userinfo: 'a:b@c',
      host: 'd',
      rest: '/x'
    })
    expect(authorityOf('x=https://a@b/')).toBeUndefined()
  })
})

describe('splitUserinfo', () => {
  it.each([
    ['u:p:q', { user: 'u', password: 'p:q' }],
    ['u:', { user: 'u', password: '' }],
    ['token', { user: 'token' }]
  ])('%s', (userinfo, expected) => expect(splitUserinfo(userinfo)).toEqual(expected))
})

describe('replaceUserinfo', () => {
  it.each([
    ['x=https://u:p@ss@host/r a=http://v:w@h2', 'x=https://***@host/r a=http://***@h2'],
    ['ssh://git:pw@h/r', 'ssh://git:pw@h/r'],
    [`docker-image://alpine:latest@${DIGEST}`, `docker-image://alpine:latest@${DIGEST}`]
  ])('%s → %s', (text, expected) => expect(replaceUserinfo(text, '***', /^https?$/i)).toBe(expected))
})
