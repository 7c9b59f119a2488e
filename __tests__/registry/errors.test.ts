import { describe, expect, it } from '@jest/globals'
import { httpError, redact } from '../../src/registry/errors.js'
import { cpuMs } from '../helpers/cpu-time.js'

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

  it("a secret as a form writes it (RFC 3986: !'()* encoded too) is replaced as well", () => {
    expect(redact('password=Sup3r-S3cret%21&x=1 Sup3r-S3cret! Sup3r-S3cret!', ['Sup3r-S3cret!'])).toBe(
      'password=***&x=1 *** ***'
    )
  })

  it('leaves plain words after a scheme name alone', () => {
    expect(redact('Basic authentication required; bearer tokens only')).toBe(
      'Basic authentication required; bearer tokens only'
    )
  })

  // A registry's error body is up to 16 MiB. Matching it must take time in proportion to its length: a
  // regular expression whose quantifiers compete took about 13 s here for these 100 KiB (quadratic), with
  // the process blocked and no deadline able to fire. The bound below is 100 times what the match takes.
  it.each([
    ['whitespace after a colon', `authorization:${' '.repeat(100_000)},`],
    ['whitespace after a bracket', `Authorization:[${' '.repeat(100_000)},`],
    ['a long word with no end', `Authorization: ${'a'.repeat(100_000)}`],
    ['a scheme and a long run of whitespace', `bearer${' '.repeat(100_000)}!`]
  ])('takes time linear in the text: %s', (_what, text) => {
    const ms = cpuMs(() => {
      redact(text)
    })
    expect(ms).toBeLessThan(1000)
  })

  it('replaces every secret given, also URL-encoded, the longest first', () => {
    expect(redact('refresh_token=a%2Fb%3D and a/b= and a/b=c', ['a/b=', 'a/b=c'])).toBe(
      'refresh_token=*** and *** and ***'
    )
  })
})

describe('httpError', () => {
  it("cuts the registry's error code to one short line, as its message", () => {
    const body = Buffer.from(
      JSON.stringify({ errors: [{ code: `DENIED\n::add-mask::sha256\n${'X'.repeat(500)}`, message: 'no' }] })
    )
    const err = httpError('GET', new URL('http://r/v2/'), { status: 403, headers: {}, body }, 'fatal')
    expect(err.message).not.toContain('\n')
    expect(err.code).toBe(`DENIED ::add-mask::sha256 ${'X'.repeat(33)}…`)
    expect(err.message).toBe(`GET http://r/v2/ failed with HTTP 403 ${err.code}: no`)
  })

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
