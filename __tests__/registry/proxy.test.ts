// The proxy a request goes through, by Go's ProxyFromEnvironment (what dockerd and the docker CLI use), and
// the one-line failures naming it.
import { describe, expect, it } from '@jest/globals'
import { kindOf } from '../../src/core/retry.js'
import {
  agentProxyOptions,
  nodeCanProxy,
  proxyFailure,
  proxyFor,
  proxyRefused,
  proxyRules,
  proxyToUse,
  unusableProxy
} from '../../src/registry/proxy.js'

const P = 'http://proxy.corp:3128'
const Q = 'http://other.corp:8080'

/** Where a request to `url` goes under `env`: the proxy's URL, or 'direct'. */
const via = (env: NodeJS.ProcessEnv, url: string): string => {
  const proxy = proxyFor(new URL(url), proxyRules(env))
  return proxy ? `${proxy.url.href} ${proxy.variable}` : 'direct'
}

describe('proxyFor: which proxy, by docker’s (Go’s) rules', () => {
  it.each<[string, NodeJS.ProcessEnv, string, string]>([
    ['no variables', {}, 'https://ghcr.io/v2/', 'direct'],
    ['HTTPS_PROXY for https', { HTTPS_PROXY: P }, 'https://ghcr.io/v2/', `${P}/ HTTPS_PROXY`],
    ['https_proxy for https', { https_proxy: P }, 'https://ghcr.io/v2/', `${P}/ https_proxy`],
    [
      'uppercase first, as Go reads them',
      { HTTPS_PROXY: P, https_proxy: Q },
      'https://ghcr.io/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    [
      'an empty uppercase one is not set',
      { HTTPS_PROXY: '', https_proxy: Q },
      'https://ghcr.io/v2/',
      `${Q}/ https_proxy`
    ],
    ['HTTP_PROXY is not for https', { HTTP_PROXY: P }, 'https://ghcr.io/v2/', 'direct'],
    [
      'HTTP_PROXY for http',
      { HTTP_PROXY: P, HTTPS_PROXY: Q },
      'http://registry.lan:5000/v2/',
      `${P}/ HTTP_PROXY`
    ],
    ['http_proxy for http', { http_proxy: P }, 'http://registry.lan:5000/v2/', `${P}/ http_proxy`],
    [
      'host:port is read as http://',
      { HTTPS_PROXY: 'proxy.corp:3128' },
      'https://ghcr.io/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    [
      'an IP:port too',
      { HTTPS_PROXY: '10.0.0.1:3128' },
      'https://ghcr.io/v2/',
      'http://10.0.0.1:3128/ HTTPS_PROXY'
    ],
    // Loopback is never proxied, whatever NO_PROXY says (Go's useProxy).
    ['localhost', { HTTP_PROXY: P, HTTPS_PROXY: P }, 'http://localhost:5000/v2/', 'direct'],
    ['127.0.0.1', { HTTP_PROXY: P }, 'http://127.0.0.1:5000/v2/', 'direct'],
    ['all of 127/8', { HTTPS_PROXY: P }, 'https://127.1.2.3:5000/v2/', 'direct'],
    ['::1', { HTTP_PROXY: P }, 'http://[::1]:5000/v2/', 'direct'],
    ['::ffff:127.0.0.1', { HTTP_PROXY: P }, 'http://[::ffff:127.0.0.1]:5000/v2/', 'direct'],
    [
      'a name under localhost is not loopback',
      { HTTPS_PROXY: P },
      'https://app.localhost/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    // NO_PROXY
    ['NO_PROXY *', { HTTPS_PROXY: P, NO_PROXY: '*' }, 'https://ghcr.io/v2/', 'direct'],
    ['* among others', { HTTPS_PROXY: P, NO_PROXY: 'a.example, *' }, 'https://ghcr.io/v2/', 'direct'],
    ['no_proxy', { HTTPS_PROXY: P, no_proxy: 'ghcr.io' }, 'https://ghcr.io/v2/', 'direct'],
    [
      'NO_PROXY first',
      { HTTPS_PROXY: P, NO_PROXY: 'a.example', no_proxy: 'ghcr.io' },
      'https://ghcr.io/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    ['a host', { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io' }, 'https://ghcr.io/v2/', 'direct'],
    [
      'a host, any case, spaces',
      { HTTPS_PROXY: P, NO_PROXY: ' x.org , GHCR.IO ' },
      'https://ghcr.io/v2/',
      'direct'
    ],
    [
      'a domain covers its subdomains',
      { HTTPS_PROXY: P, NO_PROXY: 'corp.example' },
      'https://reg.corp.example/v2/',
      'direct'
    ],
    [
      'but not a name that merely ends alike',
      { HTTPS_PROXY: P, NO_PROXY: 'corp.example' },
      'https://evilcorp.example/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    [
      '.domain: subdomains',
      { HTTPS_PROXY: P, NO_PROXY: '.corp.example' },
      'https://reg.corp.example/v2/',
      'direct'
    ],
    [
      '.domain: not the domain itself',
      { HTTPS_PROXY: P, NO_PROXY: '.corp.example' },
      'https://corp.example/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    [
      '*.domain: as .domain',
      { HTTPS_PROXY: P, NO_PROXY: '*.corp.example' },
      'https://reg.corp.example/v2/',
      'direct'
    ],
    [
      'host:port, that port',
      { HTTPS_PROXY: P, NO_PROXY: 'reg.lan:5000' },
      'https://reg.lan:5000/v2/',
      'direct'
    ],
    [
      'host:port, another port',
      { HTTPS_PROXY: P, NO_PROXY: 'reg.lan:5000' },
      'https://reg.lan:5001/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    [
      'host:443 matches https without a port',
      { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io:443' },
      'https://ghcr.io/v2/',
      'direct'
    ],
    [
      'host:80 does not',
      { HTTPS_PROXY: P, NO_PROXY: 'ghcr.io:80' },
      'https://ghcr.io/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    ['an IP', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3' }, 'https://10.1.2.3:5000/v2/', 'direct'],
    ['an IP:port', { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3:5000' }, 'https://10.1.2.3:5000/v2/', 'direct'],
    [
      'an IP, another port',
      { HTTPS_PROXY: P, NO_PROXY: '10.1.2.3:5001' },
      'https://10.1.2.3:5000/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    ['a CIDR', { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' }, 'https://10.1.2.3:5000/v2/', 'direct'],
    [
      'outside the CIDR',
      { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' },
      'https://11.1.2.3:5000/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    ['an IPv6', { HTTPS_PROXY: P, NO_PROXY: 'fd00::5' }, 'https://[fd00::5]:5000/v2/', 'direct'],
    ['[IPv6]:port', { HTTPS_PROXY: P, NO_PROXY: '[fd00::5]:5000' }, 'https://[fd00::5]:5000/v2/', 'direct'],
    ['an IPv6 CIDR', { HTTPS_PROXY: P, NO_PROXY: 'fd00::/8' }, 'https://[fd00::5]:5000/v2/', 'direct'],
    [
      'a CIDR is no domain',
      { HTTPS_PROXY: P, NO_PROXY: '10.0.0.0/8' },
      'https://reg.lan/v2/',
      `${P}/ HTTPS_PROXY`
    ],
    [
      'a Unicode domain matches its punycode host',
      { HTTPS_PROXY: P, NO_PROXY: 'bücher.example' },
      'https://reg.bücher.example/v2/',
      'direct'
    ],
    [
      'malformed entries are skipped',
      { HTTPS_PROXY: P, NO_PROXY: ':5000,,ghcr.io' },
      'https://ghcr.io/v2/',
      'direct'
    ],
    ['NO_PROXY alone proxies nothing', { NO_PROXY: 'x' }, 'https://ghcr.io/v2/', 'direct']
  ])('%s', (_name, env, url, expected) => {
    expect(via(env, url)).toBe(expected)
  })

  it('keeps the credentials of the proxy URL for the agent, and a SOCKS proxy to be refused where it applies', () => {
    const proxy = proxyFor(
      new URL('https://ghcr.io/v2/'),
      proxyRules({ HTTPS_PROXY: 'http://u:p%40ss@proxy:3128' })
    )
    expect(proxy?.url.username).toBe('u')
    expect(proxy?.url.password).toBe('p%40ss')
    const socks = proxyFor(
      new URL('https://ghcr.io/v2/'),
      proxyRules({ HTTPS_PROXY: 'socks5://u:pw@proxy:1080' })
    )
    const refused = unusableProxy('GET', new URL('https://ghcr.io/v2/'), socks!)
    expect(refused?.message).toBe(
      'GET https://ghcr.io/v2/: the proxy socks5://proxy:1080 (HTTPS_PROXY) is a socks5 proxy, which the registry client cannot use: give an http:// or https:// proxy, or list the registry in NO_PROXY'
    )
    expect(kindOf(refused)).toBe('fatal')
    expect(unusableProxy('GET', new URL('https://ghcr.io/v2/'), proxy!)).toBeUndefined()
  })
})

describe('a proxy’s failures: one line naming the proxy (never its credentials) and the registry', () => {
  const url = new URL('https://registry.corp:5000/v2/')
  const secret = proxyFor(url, proxyRules({ HTTPS_PROXY: 'http://me:s3cr%40t@proxy.corp:3128' }))!
  const bare = proxyFor(url, proxyRules({ https_proxy: 'http://proxy.corp:3128' }))!

  it.each<[string, unknown, typeof secret, string, string]>([
    [
      'a 407 to CONNECT, credentials given: final',
      Object.assign(new Error('Failed to establish tunnel'), { code: 'ERR_PROXY_TUNNEL', statusCode: 407 }),
      secret,
      'GET https://registry.corp:5000/v2/ failed: the proxy http://proxy.corp:3128 (HTTPS_PROXY) refused the credentials in HTTPS_PROXY (HTTP 407)',
      'fatal'
    ],
    [
      'a 407 without credentials: says where they go',
      Object.assign(new Error('x'), { code: 'ERR_PROXY_TUNNEL', statusCode: 407 }),
      bare,
      'GET https://registry.corp:5000/v2/ failed: the proxy http://proxy.corp:3128 (https_proxy) asks for credentials (HTTP 407): give them in https_proxy as http://user:password@host:port',
      'fatal'
    ],
    [
      'a 502 to CONNECT: transient',
      Object.assign(new Error('x'), { code: 'ERR_PROXY_TUNNEL', statusCode: 502 }),
      secret,
      'GET https://registry.corp:5000/v2/ failed: the proxy http://proxy.corp:3128 (HTTPS_PROXY) refused the request with HTTP 502',
      'transient'
    ],
    [
      'a 403 to CONNECT: final',
      Object.assign(new Error('x'), { code: 'ERR_PROXY_TUNNEL', statusCode: 403 }),
      secret,
      'GET https://registry.corp:5000/v2/ failed: the proxy http://proxy.corp:3128 (HTTPS_PROXY) refused the request with HTTP 403',
      'fatal'
    ],
    [
      'an unreachable proxy: transient, in node’s words',
      Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:3128'), { code: 'ECONNREFUSED' }),
      secret,
      'GET https://registry.corp:5000/v2/ failed through the proxy http://proxy.corp:3128 (HTTPS_PROXY): connect ECONNREFUSED 10.0.0.1:3128',
      'transient'
    ],
    [
      'a tunnel that timed out: transient',
      Object.assign(new Error('Connection to establish proxy tunnel timed out after 15000ms'), {
        code: 'ERR_PROXY_TUNNEL'
      }),
      secret,
      'GET https://registry.corp:5000/v2/ failed through the proxy http://proxy.corp:3128 (HTTPS_PROXY): Connection to establish proxy tunnel timed out after 15000ms',
      'transient'
    ],
    [
      'words that quote the proxy URL lose its userinfo',
      new Error('Invalid proxy URL: http://me:s3cr%40t@proxy.corp:3128'),
      secret,
      'GET https://registry.corp:5000/v2/ failed through the proxy http://proxy.corp:3128 (HTTPS_PROXY): Invalid proxy URL: http://***@proxy.corp:3128',
      'fatal'
    ]
  ])('%s', (_name, err, proxy, message, kind) => {
    const error = proxyFailure('GET', url, proxy, err)
    expect(error.message).toBe(message)
    expect(kindOf(error)).toBe(kind)
    expect(error.message).not.toMatch(/s3cr/)
  })

  it('a 407 from a forward proxy (plain HTTP) reads the same', () => {
    const http = new URL('http://registry.lan/v2/')
    const proxy = proxyFor(http, proxyRules({ HTTP_PROXY: 'http://proxy.corp:3128' }))!
    const error = proxyRefused('HEAD', http, proxy, 407)
    expect(error.message).toBe(
      'HEAD http://registry.lan/v2/ failed: the proxy http://proxy.corp:3128 (HTTP_PROXY) asks for credentials (HTTP 407): give them in HTTP_PROXY as http://user:password@host:port'
    )
  })
})

describe('nodeCanProxy', () => {
  it.each([
    ['20.20.2', false],
    ['22.20.0', false],
    ['22.21.0', true],
    ['23.11.0', false],
    ['24.4.1', false],
    ['24.5.0', true],
    ['24.21.0', true],
    ['25.0.0', true]
  ])('node %s: %s', (version, can) => {
    expect(nodeCanProxy(version)).toBe(can)
  })
})

describe("proxyToUse: the proxy node's agents are given", () => {
  const rules = proxyRules({ HTTPS_PROXY: 'http://user:pw@proxy.corp:3128', NO_PROXY: '10.0.0.0/8' })
  const use = (url: string, version = '24.21.0') => {
    const warnings: string[] = []
    const proxy = proxyToUse('POST', new URL(url), rules, m => warnings.push(m), version)
    return { proxy: proxy?.url.href, warnings }
  }

  it("is proxyFor's choice on a node that can proxy, with no warning", () => {
    expect(use('https://api.ecr.eu-west-1.amazonaws.com/')).toEqual({
      proxy: 'http://user:pw@proxy.corp:3128/',
      warnings: []
    })
    expect(use('https://10.1.2.3/')).toEqual({ proxy: undefined, warnings: [] })
    expect(use('https://127.0.0.1:8443/')).toEqual({ proxy: undefined, warnings: [] })
    expect(proxyToUse('GET', new URL('https://ghcr.io/'), undefined, () => {})).toBeUndefined()
  })

  it('is none on a node that cannot proxy, after a warning naming the proxy (without credentials) and the host', () => {
    expect(use('https://api.ecr.eu-west-1.amazonaws.com/', '20.20.2')).toEqual({
      proxy: undefined,
      warnings: [
        'the proxy http://proxy.corp:3128 (HTTPS_PROXY) applies to api.ecr.eu-west-1.amazonaws.com, but node 20.20.2 cannot send requests through a proxy (node 24.5 or later can): connecting directly'
      ]
    })
  })

  it('refuses a proxy node cannot speak before any request', () => {
    const socks = proxyRules({ HTTPS_PROXY: 'socks5://proxy.corp:1080' })
    expect(() => proxyToUse('GET', new URL('https://ghcr.io/v2/'), socks, () => {})).toThrow(
      /GET https:\/\/ghcr.io\/v2\/: the proxy socks5:\/\/proxy.corp:1080 \(HTTPS_PROXY\) is a socks5 proxy/
    )
  })
})

describe('agentProxyOptions', () => {
  const proxy = proxyFor(
    new URL('https://ghcr.io/'),
    proxyRules({ HTTPS_PROXY: 'http://u:p@proxy.corp:3128' })
  )

  it('gives node only the chosen proxy, under the variable for the connection, with the tunnel bounded', () => {
    expect(agentProxyOptions(proxy, true, 5000)).toEqual({
      proxyEnv: { HTTPS_PROXY: 'http://u:p@proxy.corp:3128/' },
      timeout: 5000
    })
    expect(agentProxyOptions(proxy, false, 5000)).toEqual({
      proxyEnv: { HTTP_PROXY: 'http://u:p@proxy.corp:3128/' },
      timeout: 5000
    })
  })

  it("keeps a direct connection direct: an empty proxyEnv, so node's own reading of the environment never applies", () => {
    expect(agentProxyOptions(undefined, true, 5000)).toEqual({ proxyEnv: {} })
  })
})
