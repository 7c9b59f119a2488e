import { describe, expect, it } from '@jest/globals'
import { credentialsIn, parseRegistryAuth } from '../../src/inputs/registry-auth.js'

describe("parseRegistryAuth: login-action's list", () => {
  it('reads entries with plain and quoted values, comments and blank lines', () => {
    const text = [
      '# two registries',
      '- registry: ghcr.io',
      '  username: octo',
      "  password: 'it''s secret'",
      '',
      '- registry: "localhost:5000"',
      '  username: u # the CI user',
      '  password: "p\\"w"',
      '- username: hub',
      '  password: hubpw'
    ].join('\n')
    expect(parseRegistryAuth(text)).toEqual([
      { registry: 'ghcr.io', username: 'octo', password: "it's secret" },
      { registry: 'localhost:5000', username: 'u', password: 'p"w' },
      { registry: '', username: 'hub', password: 'hubpw' }
    ])
  })

  it.each([
    ['registry: ghcr.io', /list entry/],
    ['- registry: ghcr.io\n  username: u', /no password/],
    ['- registry: ghcr.io\n  password: p', /no username/],
    ['- registry: a\n  token: x', /unknown key "token"/],
    ['- registry: a\n  username: u\n  username: v\n  password: p', /given twice/],
    ["- registry: a\n  username: u\n  password: 'open", /not closed/],
    ['- registry: a\n  username: u\n  password: |', /block scalars/]
  ])('%j is refused', (text, message) => {
    expect(() => parseRegistryAuth(text)).toThrow(message)
  })

  it('never puts a value in an error', () => {
    try {
      parseRegistryAuth("- registry: a\n  username: u\n  password: 'hunter2")
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2')
    }
    expect.assertions(1)
  })
})

describe('credentialsIn: what to mask', () => {
  it('the parsed pairs', () => {
    expect(credentialsIn('- registry: a\n  username: u\n  password: pw1')).toEqual([
      { registry: 'a', username: 'u', password: 'pw1' }
    ])
  })
  it('every password: value, even when the list does not parse', () => {
    expect(credentialsIn("- registry: a\n  password: 'pw2'\n  bogus: 1").map(c => c.password)).toEqual([
      'pw2'
    ])
  })
})

describe('registry-auth: cloud logins', () => {
  it("reads login-action's ecr key (true, false, auto) and needs no username or password for ECR", () => {
    const text = [
      '- registry: 123456789012.dkr.ecr.us-east-2.amazonaws.com',
      '- registry: 127.0.0.1:5000',
      '  ecr: true',
      '- registry: public.ecr.aws',
      '  ecr: auto',
      '  username: AKIA',
      '  password: secret',
      '- registry: 123456789012.dkr.ecr.us-east-2.amazonaws.com:443',
      '  ecr: false',
      '  username: AWS',
      '  password: token'
    ].join('\n')
    expect(parseRegistryAuth(text, { AWS_REGION: 'eu-west-1' })).toEqual([
      {
        registry: '123456789012.dkr.ecr.us-east-2.amazonaws.com',
        username: '',
        password: '',
        cloud: { kind: 'ecr', region: 'us-east-2', registryId: '123456789012' }
      },
      {
        registry: '127.0.0.1:5000',
        username: '',
        password: '',
        ecr: true,
        cloud: { kind: 'ecr', region: 'eu-west-1' }
      },
      {
        registry: 'public.ecr.aws',
        username: 'AKIA',
        password: 'secret',
        cloud: { kind: 'ecr-public', region: 'us-east-1' }
      },
      {
        registry: '123456789012.dkr.ecr.us-east-2.amazonaws.com:443',
        username: 'AWS',
        password: 'token',
        ecr: false
      }
    ])
  })

  it('a Docker Hub entry without a password is an OIDC login when DOCKERHUB_OIDC_CONNECTIONID is set', () => {
    const env = { DOCKERHUB_OIDC_CONNECTIONID: '3fa85f64-5717-4562-b3fc-2c963f66afa6' }
    expect(parseRegistryAuth('- username: octo-org', env)[0].cloud?.kind).toBe('hub-oidc')
    expect(() => parseRegistryAuth('- username: octo-org', {})).toThrow(/no password/)
  })
})
