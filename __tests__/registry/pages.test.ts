// Paged lists (tags, referrers): the Link header is read as RFC 8288 writes it, and every page is read or
// the listing fails; it is never cut short.
import { afterEach, describe, expect, it } from '@jest/globals'
import { nextLink, pagesOf, type PageOptions } from '../../src/registry/pages.js'
import type { RegistryClient } from '../../src/registry/api.js'
import { cleanUp, client, failure, sendError, serve } from '../helpers/stand-in.js'

afterEach(cleanUp)

describe('nextLink', () => {
  it.each([
    ['</v2/a/tags/list?n=2&last=b>; rel="next"', '/v2/a/tags/list?n=2&last=b'],
    ['<http://x/v2/a/tags/list?last=b>; rel=next', 'http://x/v2/a/tags/list?last=b'],
    ['</p>; rel="prev", </n>; rel="next"', '/n'],
    ['</p>; rel="prev"', undefined],
    ['', undefined],
    [undefined, undefined]
  ])('%s', (header, want) => {
    expect(nextLink(header)).toBe(want)
  })
})

const OPTIONS: PageOptions = {
  what: 'list page',
  many: 'pages of the list',
  accept: 'application/json',
  maxPages: 5,
  firstAnswers: new Set([404])
}

/** The statuses and bodies of every page, as the caller sees them. */
async function read(c: RegistryClient, options = OPTIONS): Promise<string[]> {
  const seen: string[] = []
  for await (const { res } of pagesOf(c, 'app', c.url('app', 'list'), options))
    seen.push(`${res.status} ${res.body.toString('utf8')}`)
  return seen
}

describe('pagesOf', () => {
  it('reads each page the previous one links to, relative or absolute, until none links on', async () => {
    const server = await serve((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? 0)
      const next =
        page === 0
          ? { Link: '</v2/app/list?page=1>; rel="next"' }
          : page === 1
            ? { Link: `<http://127.0.0.1:${server.port}/v2/app/list?page=2>; rel="next"` }
            : {}
      res.writeHead(200, { 'Content-Type': 'application/json', ...next }).end(`[${page}]`)
    })
    const { c } = client(server)
    expect(await read(c)).toEqual(['200 [0]', '200 [1]', '200 [2]'])
    expect(server.seen.map(s => [s.url, s.headers.accept])).toEqual([
      ['/v2/app/list', 'application/json'],
      ['/v2/app/list?page=1', 'application/json'],
      ['/v2/app/list?page=2', 'application/json']
    ])
  })

  it("hands the first page's named answers to the caller, and reads no further", async () => {
    const server = await serve((_req, res) =>
      sendError(res, 404, 'NAME_UNKNOWN', 'repository name not known')
    )
    const { c } = client(server)
    expect(await read(c)).toEqual([expect.stringMatching(/^404 /)])
    expect(server.seen).toHaveLength(1)
  })

  it('a later page that is not there fails the listing: it is not cut short', async () => {
    const server = await serve((req, res) => {
      if (req.url.includes('page=1')) return sendError(res, 404, 'NAME_UNKNOWN', 'gone')
      res.writeHead(200, { Link: '</v2/app/list?page=1>; rel="next"' }).end('[0]')
    })
    const { c } = client(server)
    const error = await failure(read(c))
    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v2\/app\/list failed with HTTP 404 NAME_UNKNOWN: gone/
    )
    expect(server.seen.map(s => s.url)).toEqual(['/v2/app/list', '/v2/app/list?page=1'])
  })

  it('pages that link on forever are refused past the bound, naming the list', async () => {
    const server = await serve((_req, res) =>
      res.writeHead(200, { Link: '</v2/app/list>; rel="next"' }).end('[]')
    )
    const { c } = client(server)
    const error = await failure(read(c))
    expect(error.message).toMatch(/more than 5 pages of the list$/)
    expect(server.seen).toHaveLength(5)
  })
})
