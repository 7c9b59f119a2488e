import { describe, expect, it } from '@jest/globals'
import { httpError, redact } from '../../src/registry/errors.js'

describe('redact', () => {
  it.each([
    [
      'a raw request dump',
      'GET /v2/ HTTP/1.1\r\nAuthorization: Bearer eyJ.abc\r\n',
      'Authorization: Bearer ***'
    ],
    ['a Go header map', 'map[Accept:[*/*] Authorization:[Basic Zm9vOmJhcg==]]', 'Authorization:[Basic ***]'],
    ['JSON', '{"authorization": "Bearer t0k"}', '"authorization": "Bearer ***"'],
    ['a proxy header', 'Proxy-Authorization: Basic Zm9v', 'Proxy-Authorization: Basic ***'],
    ['a header without a scheme', 'authorization=abc123', 'authorization=***'],
    ['a bare credential', 'token Bearer eyJhbGciOi.x rejected', 'token Bearer *** rejected']
  ])('strips the credential from %s', (_what, text, expected) => {
    const out = redact(text)
    expect(out).toContain(expected)
    expect(out).not.toMatch(/eyJ|Zm9v|t0k|abc123/)
  })

  it('leaves plain words after a scheme name alone', () => {
    expect(redact('Basic authentication required; bearer tokens only')).toBe(
      'Basic authentication required; bearer tokens only'
    )
  })

  it('replaces every secret given, also URL-encoded, the longest first', () => {
    expect(redact('refresh_token=a%2Fb%3D and a/b= and a/b=c', ['a/b=', 'a/b=c'])).toBe(
      'refresh_token=*** and *** and ***'
    )
  })
})

describe('httpError', () => {
  it('redacts the body before cutting it to one line, so no prefix of a secret survives', () => {
    const secret = 'S'.repeat(40)
    const body = Buffer.from(`${'x'.repeat(280)} ${secret}`)
    const err = httpError(
      'GET',
      new URL('http://r/v2/'),
      { status: 500, headers: {}, body },
      'transient',
      '',
      [secret]
    )
    expect(err.message).not.toContain('SSSS')
    expect(err.message).toContain('***')
  })
})
