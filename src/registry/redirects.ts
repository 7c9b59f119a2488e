// One redirect hop, as docker's HTTP client takes it: at most MAX_REDIRECTS, only to http(s), and
// Authorization, or a body holding credentials, never sent on to another origin (a registry sends blob
// reads to its storage). Both the buffered requests (transport.ts) and the streamed ones (stream.ts) follow
// redirects through here.
import { RegistryError, where } from './errors.js'

export const MAX_REDIRECTS = 5

/**
 * The URL a redirect to `location` leads to from `at`, and the headers to send there. `first` is where the
 * request was meant to go; `effective` gives a URL as the transport reaches it (a registry spoken to over
 * plain HTTP); `hops` counts the redirects followed so far.
 */
export function redirectHop(o: {
  method: string
  first: URL
  at: URL
  location: string
  hops: number
  headers: Record<string, string>
  effective: (url: URL) => URL
  status?: number
  /** The body holds a secret, which goes nowhere but the origin it was meant for. */
  secretBody?: boolean
}): { next: URL; headers: Record<string, string> } {
  const detail = o.status === undefined ? undefined : { status: o.status }
  if (o.hops >= MAX_REDIRECTS)
    throw new RegistryError(
      `${o.method} ${where(o.first)}: more than ${MAX_REDIRECTS} redirects`,
      'fatal',
      detail
    )
  let next: URL | undefined
  try {
    next = new URL(o.location, o.effective(o.at))
  } catch {
    // reported below
  }
  if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
    throw new RegistryError(`${o.method} ${where(o.at)} redirected to an unusable location`, 'fatal', detail)
  const home = next.origin === o.effective(o.first).origin
  if (!home && o.secretBody)
    throw new RegistryError(
      `${o.method} ${where(o.at)} redirected to ${next.origin}: what it sends holds credentials, which go to no other origin`,
      'auth',
      detail
    )
  if (home || !('Authorization' in o.headers)) return { next, headers: o.headers }
  const { Authorization: _dropped, ...headers } = o.headers
  void _dropped
  return { next, headers }
}
