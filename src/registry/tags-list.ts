// GET /v2/<name>/tags/list, every page: distribution pages by `n` and `last`, and names the next page in a
// `Link` header (pages.ts).

import type { RegistryClient } from './api.js'
import { LIST_MS, MAX_TAGS_READ } from './bounds.js'
import { pagesOf } from './pages.js'
import { isValidTag } from '../core/reference.js'
import { oneLine } from '../core/text.js'
import { RegistryError, where } from './errors.js'

const PAGE = 1000
/** Pages of tags read at most, for registries that page in hundreds (or send empty pages that link on). */
const MAX_PAGES = 1000
/** The first page's answer for a repository the registry does not know: it has no tags. */
const NO_REPOSITORY = new Set([404])

export interface ListOptions {
  /** Which tags to keep: the rest are counted and dropped as each page is read. Default: every tag. */
  keep?: (tag: string) => boolean
  /** Tags read (kept or not) before the listing fails. Default MAX_TAGS_READ. */
  maxRead?: number
  /** How long the listing, every page, may take. Default LIST_MS. */
  maxMs?: number
}

/**
 * The tags of `repo` that `keep` accepts, in the registry's order; a repository that does not exist has
 * none. Only those are held, so a repository of millions of tags costs one page of memory, not all of them.
 */
export async function listTags(
  client: RegistryClient,
  repo: string,
  { keep = () => true, maxRead = MAX_TAGS_READ, maxMs = LIST_MS }: ListOptions = {}
): Promise<string[]> {
  const tags: string[] = []
  let read = 0
  const first = client.url(repo, 'tags/list')
  first.searchParams.set('n', String(PAGE))
  for await (const { url, res } of pagesOf(client, repo, first, {
    what: 'tag list page',
    many: 'pages of tags',
    accept: 'application/json',
    maxPages: MAX_PAGES,
    maxMs,
    firstAnswers: NO_REPOSITORY
  })) {
    if (res.status === 404) return tags
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
    // A list with anything but names in it is malformed; a name kept becomes a request path and a tag in
    // outputs and messages, so it must be a tag (one that is not kept is only compared with the pattern).
    for (const t of listed) {
      if (typeof t !== 'string') throw notATag(url, t)
      if (!keep(t)) continue
      if (!isValidTag(t)) throw notATag(url, oneLine(t, 100))
      tags.push(t)
    }
  }
  return tags
}

const notATag = (url: URL, entry: unknown): RegistryError =>
  new RegistryError(
    `GET ${where(url)} lists ${JSON.stringify(entry ?? null).slice(0, 120)}, which is not a tag`,
    'fatal'
  )
