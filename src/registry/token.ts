// The token endpoint of a Bearer registry: distribution's token spec, and OAuth2 for identity tokens.

import { isLoopbackRegistry } from '../core/reference.js'
import { oneLine } from '../core/text.js'
import type { Challenge, Credentials } from './challenge.js'
import { maskableToken } from '../log/masks.js'
import { RegistryError, where } from './errors.js'
import { USER_AGENT, type Transport } from './transport.js'

// Refresh a bit early so a token does not expire between being read from the cache and being used.
const TOKEN_EXPIRY_MARGIN_MS = 10000

export interface Token {
  header: string
  expiresAt: number
}

export function basicHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

function isIdentityToken(credentials: Credentials): boolean {
  return credentials.username === '<token>'
}

/** One token for `scope`, as the challenge's realm hands it out; a refusal is an auth error with its status. */
export async function requestToken(
  transport: Transport,
  challenge: Challenge,
  scope: string,
  credentials: Credentials | undefined
): Promise<Token> {
  const { registry } = transport
  const { realm, service } = challenge.params
  let url: URL
  try {
    url = new URL(realm)
  } catch {
    throw new RegistryError(`${registry} sent an invalid token realm "${oneLine(realm, 100)}"`, 'auth')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RegistryError(`${registry} sent an unsupported token realm ${url.origin}`, 'auth')

  // The registry's own origin is plain HTTP only when it is loopback or docker holds it insecure. Another
  // loopback port is this machine's only for a registry on this machine: a remote registry naming one would
  // have the credentials sent in the clear to whatever listens there.
  const ownHost = url.origin === transport.baseUrl
  const local = isLoopbackRegistry(url.host) && isLoopbackRegistry(registry)
  if (credentials && url.protocol === 'http:' && !local && !ownHost) {
    throw new RegistryError(
      `refusing to send credentials for ${registry} over plain HTTP to token realm ${url.origin}`,
      'auth'
    )
  }
  const headers: Record<string, string> = { Accept: 'application/json' }
  let method = 'GET'
  let body: Buffer | undefined
  if (credentials && isIdentityToken(credentials)) {
    // Identity tokens are OAuth2 refresh tokens, exchanged by POST (what docker does after `docker login`).
    method = 'POST'
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.password })
    form.set('client_id', USER_AGENT)
    if (service) form.set('service', service)
    form.set('scope', scope)
    body = Buffer.from(form.toString())
    headers['Content-Type'] = 'application/x-www-form-urlencoded'
    headers['Content-Length'] = String(body.length)
  } else {
    if (service) url.searchParams.set('service', service)
    // Several scopes (a cross-repository mount) go as several `scope` parameters, as docker sends them.
    for (const one of scope.split(' ')) url.searchParams.append('scope', one)
    if (credentials) {
      url.searchParams.set('account', credentials.username)
      headers.Authorization = basicHeader(credentials)
    }
  }

  // An identity token in the body goes to the realm alone; a redirect elsewhere (or to plain HTTP) is refused.
  const res = await transport.send(method, url, headers, body, body !== undefined)
  if (res.status === 401 || res.status === 403)
    throw transport.httpError(method, url, res, 'auth', 'token request')
  if (res.status !== 200) throw transport.httpError(method, url, res, 'fatal', 'token request')
  let json: { token?: unknown; access_token?: unknown; refresh_token?: unknown; expires_in?: unknown }
  try {
    json = JSON.parse(res.body.toString('utf8'))
  } catch {
    throw new RegistryError(`token request ${method} ${where(url)} returned a body that is not JSON`, 'fatal')
  }
  // Masked before anything else can see them, the refresh token too though we never use it; a value that
  // would hide digests or names in the log and the outputs is only kept out of our messages.
  for (const value of [json.token, json.access_token, json.refresh_token])
    if (typeof value === 'string') transport.secret(value, maskableToken(value))
  const token =
    typeof json.token === 'string' && json.token !== ''
      ? json.token
      : typeof json.access_token === 'string'
        ? json.access_token
        : ''
  if (token === '') throw new RegistryError(`token request ${method} ${where(url)} returned no token`, 'auth')
  // The spec's default lifetime is 60 s when expires_in is absent.
  const lifetimeMs =
    (typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 60) * 1000
  return {
    header: `Bearer ${token}`,
    expiresAt: Date.now() + Math.max(lifetimeMs - TOKEN_EXPIRY_MARGIN_MS, lifetimeMs / 2)
  }
}
