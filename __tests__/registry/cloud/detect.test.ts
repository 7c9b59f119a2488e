import { describe, expect, it } from '@jest/globals'
import { cloudLoginOf, ecrHost } from '../../../src/registry/cloud/detect.js'

const UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6'

describe('ecrHost: every form of an ECR host', () => {
  it.each([
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      { public: false, account: '123456789012', region: 'eu-west-1', fips: false }
    ],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
      { public: false, account: '123456789012', region: 'us-gov-west-1', fips: true }
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      { public: false, account: '123456789012', region: 'cn-north-1', fips: false }
    ],
    [
      '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu',
      { public: false, account: '123456789012', region: 'eusc-de-east-1', fips: false }
    ],
    [
      '123456789012.dkr-ecr.ap-south-2.on.aws',
      { public: false, account: '123456789012', region: 'ap-south-2', fips: false }
    ],
    [
      '123456789012.dkr-ecr-fips.us-east-1.on.aws',
      { public: false, account: '123456789012', region: 'us-east-1', fips: true }
    ],
    [
      '123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM',
      { public: false, account: '123456789012', region: 'eu-west-1', fips: false }
    ],
    ['public.ecr.aws', { public: true }],
    ['ecr-public.aws.com', { public: true }]
  ])('%s is ECR', (host, expected) => {
    expect(ecrHost(host)).toEqual(expected)
  })

  it.each([
    'ghcr.io',
    'docker.io',
    '12345678901.dkr.ecr.eu-west-1.amazonaws.com', // 11 digits
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com.evil.example',
    'evil.example/123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com:443',
    'x.amazonaws.com',
    'public.ecr.aws.evil.example',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.org',
    '127.0.0.1:5000'
  ])('%s is not', host => {
    expect(ecrHost(host)).toBeUndefined()
  })
})

describe('cloudLoginOf', () => {
  const entry = (over: Partial<{ registry: string; username: string; password: string; ecr: boolean }>) => ({
    registry: 'ghcr.io',
    username: '',
    password: '',
    ...over
  })

  it('takes an ECR host with or without an access key, its region from the host', () => {
    const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    const want = { kind: 'ecr', region: 'eu-west-1', registryId: '123456789012' }
    expect(cloudLoginOf(entry({ registry }), { AWS_REGION: 'us-east-2' })).toEqual(want)
    expect(cloudLoginOf(entry({ registry, username: 'AKIA', password: 's' }), {})).toEqual(want)
  })

  it('ecr: true on any host takes the region from AWS_REGION, then AWS_DEFAULT_REGION, and names no account', () => {
    expect(
      cloudLoginOf(entry({ registry: '127.0.0.1:5000', ecr: true }), { AWS_REGION: 'eu-central-1' })
    ).toEqual({
      kind: 'ecr',
      region: 'eu-central-1'
    })
    expect(
      cloudLoginOf(entry({ registry: 'r.example', ecr: true }), { AWS_DEFAULT_REGION: 'ca-central-1' })
    ).toEqual({
      kind: 'ecr',
      region: 'ca-central-1'
    })
    expect(() => cloudLoginOf(entry({ registry: 'r.example', ecr: true }), {})).toThrow(
      /names no AWS region: set AWS_REGION/
    )
  })

  it('ECR Public asks us-east-1, where its API is', () => {
    expect(cloudLoginOf(entry({ registry: 'public.ecr.aws' }), { AWS_REGION: 'eu-west-1' })).toEqual({
      kind: 'ecr-public',
      region: 'us-east-1'
    })
  })

  it('ecr: false turns detection off: the entry is an ordinary login', () => {
    const registry = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    expect(cloudLoginOf(entry({ registry, ecr: false, username: 'u', password: 'p' }), {})).toBeUndefined()
  })

  it('on a FIPS host, which login-action does not take for ECR, a password given is an ordinary login', () => {
    for (const registry of [
      '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com',
      '123456789012.dkr-ecr-fips.us-east-1.on.aws'
    ]) {
      const token = entry({ registry, username: 'AWS', password: 'token' })
      expect(cloudLoginOf(token, {})).toBeUndefined()
      // Without a password, or with ecr: true, it is still ECR through the SDK.
      expect(cloudLoginOf(entry({ registry }), {})?.kind).toBe('ecr')
      expect(cloudLoginOf({ ...token, ecr: true }, {})?.kind).toBe('ecr')
    }
    // login-action's own hosts keep the access key reading.
    const key = entry({
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      username: 'AKIA',
      password: 's'
    })
    expect(cloudLoginOf(key, {})?.kind).toBe('ecr')
  })

  it('an access key id without its secret (or the reverse) is refused', () => {
    const registry = 'public.ecr.aws'
    expect(() => cloudLoginOf(entry({ registry, username: 'AKIA' }), {})).toThrow(/give both, or neither/)
    expect(() => cloudLoginOf(entry({ registry, password: 's' }), {})).toThrow(/give both, or neither/)
  })

  it('Docker Hub with a username, no password and DOCKERHUB_OIDC_CONNECTIONID is an OIDC login', () => {
    const env = { DOCKERHUB_OIDC_CONNECTIONID: UUID }
    for (const registry of ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'dhi.io'])
      expect(cloudLoginOf(entry({ registry, username: 'org' }), env)).toEqual({
        kind: 'hub-oidc',
        connectionId: UUID,
        expiresIn: 300,
        audience: 'https://identity.docker.com',
        endpoint: 'https://identity.docker.com/oauth/token'
      })
    expect(
      cloudLoginOf(entry({ registry: 'registry-1-stage.docker.io', username: 'org' }), env)
    ).toMatchObject({
      audience: 'https://identity-stage.docker.com',
      endpoint: 'https://identity-stage.docker.com/oauth/token'
    })
  })

  it("the exchange's base URL is DOCKERHUB_OIDC_ENDPOINT_URL when set; the audience stays Docker's", () => {
    const env = {
      DOCKERHUB_OIDC_CONNECTIONID: UUID,
      DOCKERHUB_OIDC_ENDPOINT_URL: 'http://127.0.0.1:8080/base/',
      DOCKERHUB_OIDC_EXPIREIN: '3600'
    }
    expect(cloudLoginOf(entry({ registry: 'docker.io', username: 'org' }), env)).toMatchObject({
      expiresIn: 3600,
      audience: 'https://identity.docker.com',
      endpoint: 'http://127.0.0.1:8080/base/oauth/token'
    })
  })

  it.each([
    [{ DOCKERHUB_OIDC_CONNECTIONID: 'not-a-uuid' }, 'org', /not a UUID/],
    [{ DOCKERHUB_OIDC_CONNECTIONID: UUID, DOCKERHUB_OIDC_EXPIREIN: '299' }, 'org', /from 300 to 3600/],
    [{ DOCKERHUB_OIDC_CONNECTIONID: UUID, DOCKERHUB_OIDC_EXPIREIN: '1e3' }, 'org', /from 300 to 3600/],
    [{ DOCKERHUB_OIDC_CONNECTIONID: UUID, DOCKERHUB_OIDC_ENDPOINT_URL: 'ftp://x' }, 'org', /http\(s\) URL/],
    [
      { DOCKERHUB_OIDC_CONNECTIONID: UUID, DOCKERHUB_OIDC_ENDPOINT_URL: 'https://u:p@x' },
      'org',
      /without credentials/
    ]
  ])('Hub OIDC settings %j are checked', (env, username, message) => {
    expect(() => cloudLoginOf(entry({ registry: 'docker.io', username }), env)).toThrow(message)
  })

  it('a password, another registry, or no connection id keeps an ordinary login', () => {
    const env = { DOCKERHUB_OIDC_CONNECTIONID: UUID }
    expect(cloudLoginOf(entry({ registry: 'docker.io', username: 'u', password: 'p' }), env)).toBeUndefined()
    expect(cloudLoginOf(entry({ registry: 'ghcr.io', username: 'u' }), env)).toBeUndefined()
    expect(cloudLoginOf(entry({ registry: 'docker.io', username: 'u' }), {})).toBeUndefined()
  })

  it('no username asks for no login: the variable, valid or not, is not read', () => {
    for (const env of [
      { DOCKERHUB_OIDC_CONNECTIONID: UUID },
      { DOCKERHUB_OIDC_CONNECTIONID: '' },
      { DOCKERHUB_OIDC_CONNECTIONID: 'not-a-uuid', DOCKERHUB_OIDC_EXPIREIN: '60' }
    ])
      for (const registry of ['docker.io', 'registry-1.docker.io', 'dhi.io'])
        expect(cloudLoginOf(entry({ registry }), env)).toBeUndefined()
  })
})
