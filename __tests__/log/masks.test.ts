import { describe, expect, it } from '@jest/globals'
import { credentialSecrets, proxySecrets, urlSecrets, valueSecrets } from '../../src/log/masks.js'

const DIGEST = 'sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1'

describe('urlSecrets', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64')
  it.each([
    [
      'https://x-access-token:tok123@github.com/o/r.git#main:sub',
      ['tok123', 'x-access-token:tok123', b64('x-access-token:tok123')]
    ],
    ['https://ghp_tok123@github.com/o/r.git', ['ghp_tok123']],
    // A user name alone is a token only when long enough to be one (maskableToken): `git` names a user.
    ['https://git@github.com/o/r.git', []],
    ['https://deploy@git.example.com/o/r.git', []],
    // The userinfo ends at the authority's last `@`, as Go and WHATWG parse it: the password whole.
    [
      'https://deploy:Secr3t@Pass99@git.example.com/o/r.git',
      ['Secr3t@Pass99', 'deploy:Secr3t@Pass99', b64('deploy:Secr3t@Pass99')]
    ],
    // A pinned image's digest is no host: `latest`, `20`, `3.19` are tags, not passwords.
    [`base=docker-image://alpine:latest@${DIGEST}`, []],
    [`node=docker-image://node:20@${DIGEST}`, []],
    [
      `docker-image://alpine:3.19@${DIGEST},x=docker-image://u:pw-9@host/app`,
      ['pw-9', 'u:pw-9', b64('u:pw-9')]
    ],
    [`docker-image://u:pw-9@host/app@${DIGEST}`, ['pw-9', 'u:pw-9', b64('u:pw-9')]],
    ['https://u:p%40ss@host/r.git', ['p%40ss', 'p@ss', 'u:p%40ss', 'u:p@ss', b64('u:p@ss')]],
    ['https://github.com/o/r.git', []],
    ['git@github.com:o/r.git', []],
    ['ssh://git@github.com/o/r.git', []],
    // any scheme's password, wherever in the value (an input error quotes the value whole)
    ['x=ssh://git:pw-9@github.com/o/r.git', ['pw-9', 'git:pw-9', b64('git:pw-9')]],
    ['docker-image://u:pw-9@host/app', ['pw-9', 'u:pw-9', b64('u:pw-9')]],
    ['.', []],
    ['https://u:@host/r.git', []]
  ])('%s → %j', (value, expected) => {
    expect(urlSecrets(value)).toEqual(expected)
  })
})

describe('valueSecrets and credentialSecrets', () => {
  it('a multi-line value is masked whole and line by line, short lines left out', () => {
    const key = '{\n  "type": "service_account",\n  "id": "k3y1d"\n}'
    expect(valueSecrets(key)).toEqual([key, '"type": "service_account",', '"id": "k3y1d"'])
  })

  it('a password adds the base64 forms docker writes and sends; whitespace alone masks nothing', () => {
    expect(credentialSecrets('u', 'pw')).toEqual([
      'pw',
      Buffer.from('u:pw').toString('base64'),
      Buffer.from('pw').toString('base64')
    ])
    expect(credentialSecrets('u', '   ')).toEqual([])
    expect(valueSecrets('')).toEqual([])
  })
})

describe('proxySecrets', () => {
  const b64 = (s: string): string => Buffer.from(s).toString('base64')
  it('masks the userinfo of every proxy variable, in any case, a value without a scheme read as http://', () => {
    const found = proxySecrets({
      HTTPS_PROXY: 'http://me:pw-1@proxy:3128',
      http_proxy: 'me:pw-2@proxy:3128',
      Https_Proxy: 'https://token-333@proxy:3129',
      NO_PROXY: 'http://not:a-proxy@x',
      OTHER: 'http://u:pw-4@host',
      HTTP_PROXY: ''
    })
    expect(found).toEqual(
      expect.arrayContaining([
        'pw-1',
        'me:pw-1',
        b64('me:pw-1'),
        'pw-2',
        'me:pw-2',
        b64('me:pw-2'),
        'token-333'
      ])
    )
    expect(found).not.toContain('a-proxy')
    expect(found).not.toContain('pw-4')
  })

  it("masks a password holding an unencoded '@' whole, never its head alone", () => {
    const found = proxySecrets({ HTTPS_PROXY: 'http://user:p@ss@proxy.example:3128' })
    expect(found).toEqual(['p@ss', 'user:p@ss', b64('user:p@ss')])
  })

  it('finds nothing in a proxy without credentials', () => {
    expect(proxySecrets({ HTTPS_PROXY: 'http://proxy:3128', https_proxy: 'proxy:3128' })).toEqual([])
  })
})
