// GET /v2/<name>/tags/list, every page: distribution pages by `n` and `last`, and names the next page in a
// `Link: <…>; rel="next"` header.

import type { RegistryClient } from './api.js'
import { MAX_TAGS_READ } from './bounds.js'
import { oneLine } from '../core/text.js'
import { headerValue, RegistryError, where } from './errors.js'

const PAGE = 1000
/** Pages of tags read at most, for registries that page in hundreds (or send empty pages that link on). */
const MAX_PAGES = 1000

export interface ListOptions {
  /** Which tags to keep: the rest are counted and dropped as each page is read. Default: every tag. */
  keep?: (tag: string) => boolean
  /** Tags read (kept or not) before the listing fails. Default MAX_TAGS_READ. */
  maxRead?: number
}

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

/**
 * The tags of `repo` that `keep` accepts, in the registry's order; a repository that does not exist has
 * none. Only those are held, so a repository of millions of tags costs one page of memory, not all of them.
 */
export async function listTags(
  client: RegistryClient,
  repo: string,
  { keep = () => true, maxRead = MAX_TAGS_READ }: ListOptions = {}
): Promise<string[]> {
  const tags: string[] = []
  let read = 0
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
    const listed: unknown[] = Array.isArray(body?.tags) ? body.tags : []
    read += listed.length
    if (read > maxRead)
      throw new RegistryError(
        `${client.registry}/${repo} has more than ${maxRead} tags (${read} read so far), too many for a glob, which reads every tag (the cap is BTP_MAX_TAGS_READ)`,
        'fatal'
      )
    for (const t of listed) if (typeof t === 'string' && keep(t)) tags.push(t)
    const next = nextLink(headerValue(res.headers.link))
    url = next === undefined ? undefined : nextPage(next, client.transport.effective(url))
  }
  return tags
}
