// The registry API's paged lists (tags, referrers): a page names the next in a `Link: <…>; rel="next"`
// header, which is followed until none is left. A list is never cut short silently: a next page that cannot
// be read, or one past the bound, fails the listing.
import type { RegistryClient } from './api.js'
import { now } from '../core/clock.js'
import { formatSeconds } from '../core/bounds.js'
import { oneLine } from '../core/text.js'
import { headerValue, RegistryError, where } from './errors.js'
import type { Response } from './transport.js'

/** The `rel="next"` target of a Link header, or undefined. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2])) return m[1]
  }
  return undefined
}

/** The next page's URL, relative to the page that named it; only HTTP(S). */
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

export interface PageOptions {
  /** What one page is, in messages: `tag list page`. */
  what: string
  /** What the list is, in the message for too many pages: `pages of tags`. */
  many: string
  accept: string
  maxPages: number
  /** No page is asked for once this long has passed since the first (a bound on the whole list). */
  maxMs?: number
  /** Answers to the first request other than 200 that the caller reads itself (a list that does not exist). */
  firstAnswers?: ReadonlySet<number>
}

/**
 * Every page of the list at `first`, in order: each a 200 answer, except that the first request may end the
 * list with one of `firstAnswers`. Pages on another origin (a proxy that writes absolute links) are read as
 * redirects are followed: without our credentials, which are for this registry only.
 */
export async function* pagesOf(
  client: RegistryClient,
  repo: string,
  first: URL,
  options: PageOptions
): AsyncGenerator<{ url: URL; res: Response }> {
  const headers = { Accept: options.accept }
  let url: URL | undefined = first
  const start = now()
  for (let page = 0; url; page++) {
    if (page === options.maxPages)
      throw new RegistryError(`${where(first)}: more than ${options.maxPages} ${options.many}`, 'fatal')
    if (options.maxMs !== undefined && now() - start > options.maxMs)
      throw new RegistryError(
        `${where(first)}: ${options.many} still linking on after ${formatSeconds(options.maxMs)} s (${page} read), the bound of one listing`,
        'fatal'
      )
    const foreign = url.origin !== client.transport.effective(first).origin
    const res = foreign
      ? await client.transport.send('GET', url, headers)
      : await client.auth.request('GET', url, repo, 'pull', headers)
    if (res.status !== 200) {
      if (page === 0 && options.firstAnswers?.has(res.status)) return yield { url, res }
      const context = foreign
        ? `${options.what} on another origin (followed from a Link header, without credentials):`
        : ''
      throw client.transport.httpError('GET', url, res, 'fatal', context)
    }
    yield { url, res }
    const next = nextLink(headerValue(res.headers.link))
    url = next === undefined ? undefined : nextPage(next, client.transport.effective(url))
  }
}
