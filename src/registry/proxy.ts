// Which proxy a registry request goes through, by the rules of Go's ProxyFromEnvironment
// (golang.org/x/net/http/httpproxy), which dockerd and the docker CLI follow, so that our requests take the
// way docker's do: HTTPS_PROXY for https URLs and HTTP_PROXY for http ones (the uppercase name first),
// NO_PROXY's hosts, domains, IPs and CIDRs, and never a proxy for localhost or a loopback IP. Node's own
// reading (`proxyEnv`) differs on all of these, so it is handed only the proxy chosen here.

import { BlockList, isIP } from 'node:net'
import { domainToASCII } from 'node:url'
import { kindOf, type FailureKind } from '../core/retry.js'
import { messageOf, oneLine } from '../core/text.js'
import { urlSecrets } from '../log/masks.js'
import { redact, RegistryError, where } from './errors.js'

export interface Proxy {
  /** As given, credentials included: for the agent only, never for a message. */
  url: URL
  /** The variable that named it (`HTTPS_PROXY`, `https_proxy`, …). */
  variable: string
}

interface DomainMatch {
  /** `.example.com`: a name ending in it matches. */
  suffix: string
  /** Whether `example.com` itself matches too (NO_PROXY said `example.com`, not `.example.com`). */
  exact: boolean
  /** '' for any port. */
  port: string
}

interface IpMatch {
  ips: BlockList
  port: string
}

export interface ProxyRules {
  http?: Proxy
  https?: Proxy
  /** NO_PROXY read once; `all` for `*`. */
  bypass: 'all' | { ips: IpMatch[]; domains: DomainMatch[] }
}

/** How a request finds its proxy: the environment's rules, and who is told when this node cannot use one. */
export interface ProxyChoice {
  /** The environment's proxies, read by docker's rules (proxyRules); a direct connection without. */
  proxy?: ProxyRules
  /** Told when a proxy applies that this node cannot use, so the request goes directly. */
  onWarning?: (message: string) => void
}

const NONE: ProxyRules = { bypass: { ips: [], domains: [] } }

/** The first of `names` set to something, as Go's getEnvAny reads them. */
function firstSet(env: NodeJS.ProcessEnv, names: string[]): { name: string; value: string } | undefined {
  for (const name of names) {
    const value = env[name]
    if (value) return { name, value }
  }
  return undefined
}

/**
 * A proxy variable's value as Go reads it: a URL, or `host[:port]` with `http://` assumed. A value that
 * parses as neither is ignored, as Go ignores it. A scheme other than http(s) is kept, to be refused
 * where it would be used (proxyFor's caller), rather than read as a host name.
 */
function parseProxy(variable: string, value: string): Proxy | undefined {
  const text = value.trim()
  try {
    return { url: new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`), variable }
  } catch {
    return undefined
  }
}

/** `host:port` or `[v6]:port` split as Go's net.SplitHostPort does; undefined without a port. */
function splitHostPort(entry: string): { host: string; port: string } | undefined {
  if (entry.startsWith('[')) {
    const m = /^\[([^\]]*)\]:([^:]*)$/.exec(entry)
    return m ? { host: m[1], port: m[2] } : undefined
  }
  const colon = entry.indexOf(':')
  if (colon < 0 || entry.indexOf(':', colon + 1) >= 0) return undefined
  return { host: entry.slice(0, colon), port: entry.slice(colon + 1) }
}

const family = (ip: string): 'ipv4' | 'ipv6' => (isIP(ip) === 6 ? 'ipv6' : 'ipv4')

/** NO_PROXY as httpproxy's config.init reads it: best effort, malformed entries skipped. */
function bypassList(value: string): ProxyRules['bypass'] {
  const ips: IpMatch[] = []
  const domains: DomainMatch[] = []
  for (const raw of value.split(',')) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return 'all'
    const cidr = /^([^/]+)\/([0-9]{1,3})$/.exec(entry)
    if (cidr && isIP(cidr[1]) && Number(cidr[2]) <= (isIP(cidr[1]) === 6 ? 128 : 32)) {
      const list = new BlockList()
      list.addSubnet(cidr[1], Number(cidr[2]), family(cidr[1]))
      ips.push({ ips: list, port: '' })
      continue
    }
    const split = splitHostPort(entry)
    if (split && !split.host) continue
    let host = split?.host ?? entry
    const port = split?.port ?? ''
    if (isIP(host)) {
      const list = new BlockList()
      list.addAddress(host, family(host))
      ips.push({ ips: list, port })
      continue
    }
    if (host.startsWith('*.')) host = host.slice(1)
    const exact = !host.startsWith('.')
    const suffix = exact ? `.${host}` : host
    // A Unicode name matches the punycode URL hosts carry.
    domains.push({
      suffix: /^[\x20-\x7e]*$/.test(suffix) ? suffix : domainToASCII(suffix) || suffix,
      exact,
      port
    })
  }
  return { ips, domains }
}

/** The proxy variables of `env`, read once per run. */
export function proxyRules(env: NodeJS.ProcessEnv): ProxyRules {
  const https = firstSet(env, ['HTTPS_PROXY', 'https_proxy'])
  const http = firstSet(env, ['HTTP_PROXY', 'http_proxy'])
  if (!https && !http) return NONE
  return {
    https: https && parseProxy(https.name, https.value),
    http: http && parseProxy(http.name, http.value),
    bypass: bypassList(firstSet(env, ['NO_PROXY', 'no_proxy'])?.value ?? '')
  }
}

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')
// ::ffff:127.0.0.1 as URLs write it: Go's IsLoopback sees the IPv4 inside.
LOOPBACK.addSubnet('::ffff:7f00:0', 104, 'ipv6')

/** The proxy a request to `url` goes through, or undefined for a direct connection. */
export function proxyFor(url: URL, rules: ProxyRules): Proxy | undefined {
  const proxy = url.protocol === 'https:' ? rules.https : url.protocol === 'http:' ? rules.http : undefined
  if (!proxy) return undefined
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  if (host === 'localhost') return undefined
  const ip = isIP(host) ? host : undefined
  if (ip && LOOPBACK.check(ip, family(ip))) return undefined
  const { bypass } = rules
  if (bypass === 'all') return undefined
  const portMatches = (wanted: string): boolean => wanted === '' || wanted === port
  if (ip && bypass.ips.some(m => m.ips.check(ip, family(ip)) && portMatches(m.port))) return undefined
  const named = bypass.domains.some(
    m => (host.endsWith(m.suffix) || (m.exact && host === m.suffix.slice(1))) && portMatches(m.port)
  )
  return named ? undefined : proxy
}

/** How messages name a proxy: where it is and which variable said so, never its credentials. */
export const proxyName = (proxy: Proxy): string =>
  `the proxy ${proxy.url.protocol}//${proxy.url.host} (${proxy.variable})`

/** Whether this node's http and https agents can send through a proxy (`proxyEnv`: 24.5+, 22.21+). */
export function nodeCanProxy(version = process.versions.node): boolean {
  const [major, minor] = version.split('.').map(Number)
  return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21)
}

/**
 * The proxy a request to `url` is sent through by node's agents: `proxyFor`'s choice, refused when node
 * cannot speak its scheme, and none (a direct connection, after `onWarning`) when this node cannot proxy.
 */
export function proxyToUse(
  method: string,
  url: URL,
  rules: ProxyRules | undefined,
  onWarning: (message: string) => void,
  version = process.versions.node
): Proxy | undefined {
  const proxy = rules && proxyFor(url, rules)
  if (!proxy) return undefined
  const unusable = unusableProxy(method, url, proxy)
  if (unusable) throw unusable
  if (nodeCanProxy(version)) return proxy
  onWarning(
    `${proxyName(proxy)} applies to ${url.host}, but node ${version} cannot send requests through a proxy (node 24.5 or later can): connecting directly`
  )
  return undefined
}

/** What an http(s) agent is given to send through `proxy`, or directly when there is none. */
export function agentProxyOptions(
  proxy: Proxy | undefined,
  tls: boolean,
  timeoutMs: number
): { proxyEnv: Record<string, string>; timeout?: number } {
  // Only the proxy chosen by docker's rules: an empty proxyEnv keeps node from applying its own reading of
  // the environment (NODE_USE_ENV_PROXY) to a connection those rules keep direct.
  if (!proxy) return { proxyEnv: {} }
  return {
    proxyEnv: { [tls ? 'HTTPS_PROXY' : 'HTTP_PROXY']: proxy.url.href },
    // A proxy that takes the connection and never answers CONNECT gives the request no socket, so a
    // deadline that starts with the socket never starts: the agent's timeout bounds the tunnel.
    timeout: timeoutMs
  }
}

/** A proxy whose scheme node's agents cannot speak (socks5://…): refused before any request. */
export function unusableProxy(method: string, url: URL, proxy: Proxy): RegistryError | undefined {
  if (proxy.url.protocol === 'http:' || proxy.url.protocol === 'https:') return undefined
  return new RegistryError(
    `${method} ${where(url)}: ${proxyName(proxy)} is a ${proxy.url.protocol.slice(0, -1)} proxy, which the registry client cannot use: give an http:// or https:// proxy, or list the registry in NO_PROXY`,
    'fatal'
  )
}

/** 407 is final (the credentials will not change between attempts); a proxy's 5xx, 408 or 429 is not. */
function statusKind(status: number): FailureKind {
  return status === 408 || status === 429 || status >= 500 ? 'transient' : 'fatal'
}

/**
 * A proxy's refusal (an answer to CONNECT, or a 407 to a plain-HTTP request) as one line naming the proxy
 * and the registry's URL.
 */
export function proxyRefused(method: string, url: URL, proxy: Proxy, status: number): RegistryError {
  const what =
    status === 407
      ? proxy.url.username || proxy.url.password
        ? `refused the credentials in ${proxy.variable} (HTTP 407)`
        : `asks for credentials (HTTP 407): give them in ${proxy.variable} as http://user:password@host:port`
      : `refused the request with HTTP ${status}`
  return new RegistryError(
    `${method} ${where(url)} failed: ${proxyName(proxy)} ${what}`,
    statusKind(status),
    {
      status,
      code: 'PROXY'
    }
  )
}

/** A request through `proxy` that failed: a refused tunnel by its status, anything else with node's words. */
export function proxyFailure(method: string, url: URL, proxy: Proxy, err: unknown): RegistryError {
  const status = (err as { statusCode?: unknown })?.statusCode
  if ((err as { code?: unknown })?.code === 'ERR_PROXY_TUNNEL' && typeof status === 'number')
    return proxyRefused(method, url, proxy, status)
  const code = (err as { code?: unknown })?.code
  // Node's words name the proxy's address at most, but a URL in them is cleared of its userinfo all the same.
  const said = oneLine(redact(messageOf(err), urlSecrets(proxy.url.href)), 300)
  return new RegistryError(
    `${method} ${where(url)} failed through ${proxyName(proxy)}: ${said}`,
    kindOf(err),
    {
      code: typeof code === 'string' ? code : undefined
    }
  )
}

/**
 * A registry's answer to a plain-HTTP request sent through `proxy`, which forwards it rather than tunnel
 * it: a 5xx may be the proxy's own (a 502 when it cannot reach the registry), so the line names it too.
 */
export const forwardedBy = (error: RegistryError, proxy: Proxy): RegistryError =>
  new RegistryError(`${error.message} (through ${proxyName(proxy)})`, error.kind, {
    status: error.status,
    code: error.code,
    retryAfterMs: error.retryAfterMs
  })
