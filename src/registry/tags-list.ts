// GET /v2/<name>/tags/list, every page: distribution pages by `n` and `last`, and names the next page in a
// `Link: <…>; rel="next"` header.

import type { RegistryClient } from './api.js'
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

/** Every tag of `repo`, in the registry's order; a repository that does not exist has none. */
export async function listTags(client: RegistryClient, repo: string): Promise<string[]> {
  const tags: string[] = []
  const first = client.url(repo, 'tags/list')
  first.searchParams.set('n', String(PAGE))
  let url: URL | undefined = first
  for (let page = 0; url; page++) {
    if (page === MAX_PAGES)
      throw new RegistryError(`${where(first)}: more than ${MAX_PAGES} pages of tags`, 'fatal')
    const res = await client.auth.request('GET', url, repo, 'pull', { Accept: 'application/json' })
    if (res.status === 404) return tags
    if (res.status !== 200) throw client.transport.httpError('GET', url, res, 'fatal')
    let body: { tags?: unknown }
    try {
      body = JSON.parse(res.body.toString('utf8')) as { tags?: unknown }
    } catch {
      throw new RegistryError(`GET ${where(url)} returned a body that is not JSON`, 'fatal')
    }
    if (Array.isArray(body.tags)) for (const t of body.tags) if (typeof t === 'string') tags.push(t)
    const next = nextLink(headerValue(res.headers.link))
    const following: URL | undefined = next ? new URL(next, client.transport.effective(url)) : undefined
    // Only on the same registry: a Link elsewhere would carry our credentials away.
    url = following && following.origin === client.transport.effective(first).origin ? following : undefined
  }
  return tags
}
