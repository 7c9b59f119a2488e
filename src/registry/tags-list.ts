// GET /v2/<name>/tags/list, every page: distribution pages by `n` and `last`, and names the next page in a
// `Link: <…>; rel="next"` header.

import type { RegistryClient } from './api.js'
import { oneLine } from '../text.js'
import { headerValue, RegistryError, where } from './errors.js'

const PAGE = 1000
/** A repository with more tags than this is not listed whole: the glob would be unreliable anyway. */
const MAX_PAGES = 100

/** The `rel="next"` target of a Link header, or undefined. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2])) return m[1]
  }
  return undefined
}

const FOREIGN_PAGE = 'tag list page on another origin (followed from a Link header, without credentials):'

/** The next page's URL: the list is never cut short silently, so a Link that cannot be followed fails. */
function nextPage(link: string, base: URL): URL {
  let next: URL | undefined
  try {
    next = new URL(link, base)
  } catch {
    // reported below
  }
  if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
    throw new RegistryError(
      `GET ${where(base)}: its Link header names a next page that cannot be read (${JSON.stringify(oneLine(link, 200))})`,
      'fatal'
    )
  return next
}

/** Every tag of `repo`, in the registry's order; a repository that does not exist has none. */
export async function listTags(client: RegistryClient, repo: string): Promise<string[]> {
  const tags: string[] = []
  const first = client.url(repo, 'tags/list')
  first.searchParams.set('n', String(PAGE))
  let url: URL | undefined = first
  for (let page = 0; url; page++) {
    if (page === MAX_PAGES)
      throw new RegistryError(`${where(first)}: more than ${MAX_PAGES} pages of tags`, 'fatal')
    // A page on another origin (a proxy that writes absolute links) is read as redirects are followed:
    // without our credentials, which are for this registry only.
    const foreign = url.origin !== client.transport.effective(first).origin
    const accept = { Accept: 'application/json' }
    const res = foreign
      ? await client.transport.send('GET', url, accept)
      : await client.auth.request('GET', url, repo, 'pull', accept)
    if (res.status === 404 && !foreign) return tags
    if (res.status !== 200)
      throw client.transport.httpError('GET', url, res, 'fatal', foreign ? FOREIGN_PAGE : '')
    let body: { tags?: unknown }
    try {
      body = JSON.parse(res.body.toString('utf8')) as { tags?: unknown }
    } catch {
      throw new RegistryError(`GET ${where(url)} returned a body that is not JSON`, 'fatal')
    }
    if (Array.isArray(body?.tags))
      for (const t of body.tags as unknown[]) if (typeof t === 'string') tags.push(t)
    const next = nextLink(headerValue(res.headers.link))
    url = next === undefined ? undefined : nextPage(next, client.transport.effective(url))
  }
  return tags
}
