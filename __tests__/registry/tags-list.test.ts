import { afterEach, describe, expect, it } from '@jest/globals'
import { MAX_TAGS_READ } from '../../src/registry/bounds.js'
import { listTags } from '../../src/registry/tags-list.js'
import { cleanUp, client, failure, serve, basic, creds, sendError } from '../helpers/stand-in.js'

afterEach(cleanUp)

describe('listTags', () => {
  it('a registry that links on page after page ends at the bound of one listing, naming the list', async () => {
    let page = 0
    const server = await serve((_req, res) => {
      // Slowly (30 ms a page), one tag a page, always a next one: 1000 pages would take half a minute.
      setTimeout(() => {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          Link: `</v2/my/app/tags/list?last=t${++page}>; rel="next"`
        })
        res.end(JSON.stringify({ tags: [`t${page}`] }))
      }, 30)
    })
    const { c } = client(server)
    const err = await failure(listTags(c, 'my/app', { maxMs: 300 }))
    expect(err.message).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/v2\/my\/app\/tags\/list: pages of tags still linking on after 0\.3 s \(\d+ read\), the bound of one listing$/
    )
    expect(server.seen.length).toBeLessThan(20)
  })

  it('follows Link pages to the end', async () => {
    const pages: Record<string, { tags: string[]; link?: string }> = {
      '': { tags: ['a', 'b'], link: '</v2/my/app/tags/list?n=2&last=b>; rel="next"' },
      b: { tags: ['c', 'd'], link: '</v2/my/app/tags/list?n=2&last=d>; rel="next"' },
      d: { tags: ['e'] }
    }
    const server = await serve((req, res) => {
      const page = pages[new URL(req.url, 'http://x').searchParams.get('last') ?? '']
      res.writeHead(200, { 'Content-Type': 'application/json', ...(page.link ? { Link: page.link } : {}) })
      res.end(JSON.stringify({ name: 'my/app', tags: page.tags }))
    })
    const { c } = client(server)
    expect(await listTags(c, 'my/app')).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(server.seen.map(s => s.url)).toEqual([
      '/v2/my/app/tags/list?n=1000',
      '/v2/my/app/tags/list?n=2&last=b',
      '/v2/my/app/tags/list?n=2&last=d'
    ])
  })

  it('a Link to another origin is followed without the credentials, and a page it cannot read fails naming it', async () => {
    let other = 200
    const elsewhere = await serve((_req, res) => {
      res.writeHead(other, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ tags: ['b'] }))
    }, '127.0.0.2')
    const server = await serve((req, res) => {
      if (req.headers.authorization !== basic('u', 'p')) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' })
        return void res.end()
      }
      res.writeHead(200, {
        'Content-Type': 'application/json',
        Link: `<http://127.0.0.2:${elsewhere.port}/v2/my/app/tags/list?last=a>; rel="next"`
      })
      res.end(JSON.stringify({ tags: ['a'] }))
    })
    const { c } = client(server, { credentials: creds('u', 'p') })
    expect(await listTags(c, 'my/app')).toEqual(['a', 'b'])
    expect(elsewhere.seen).toHaveLength(1)
    expect(elsewhere.seen[0].headers.authorization).toBeUndefined()
    other = 401
    const error = await failure(listTags(c, 'my/app'))
    expect(error.message).toMatch(
      new RegExp(
        `^tag list page on another origin .*: GET http://127\\.0\\.0\\.2:${elsewhere.port}/v2/my/app/tags/list failed with HTTP 401`
      )
    )
  })

  it('a Link that cannot be followed fails naming it; a body of null is no tags', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', Link: '<ftp://x/y>; rel="next"' })
      res.end('null')
    })
    const { c } = client(server)
    expect((await failure(listTags(c, 'my/app'))).message).toMatch(
      /Link header names a next page that cannot be read \("ftp:\/\/x\/y"\)/
    )
  })

  it('a later page the registry no longer has fails the listing, rather than end it early', async () => {
    const server = await serve((req, res) => {
      if (req.url.includes('last=')) return sendError(res, 404, 'NAME_UNKNOWN', 'repository name not known')
      res.writeHead(200, {
        'Content-Type': 'application/json',
        Link: '</v2/my/app/tags/list?last=a>; rel="next"'
      })
      res.end(JSON.stringify({ tags: ['a'] }))
    })
    const { c } = client(server)
    expect((await failure(listTags(c, 'my/app'))).message).toMatch(
      /tags\/list failed with HTTP 404 NAME_UNKNOWN/
    )
  })

  it('a repository the registry does not know has no tags; null tags count as none', async () => {
    const server = await serve((req, res) => {
      if (req.url.startsWith('/v2/none/')) {
        res.writeHead(404, { 'Content-Type': 'application/json' })
        res.end('{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}')
        return
      }
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end('{"name":"e","tags":null}')
    })
    const { c } = client(server)
    expect(await listTags(c, 'none')).toEqual([])
    expect(await listTags(c, 'empty')).toEqual([])
  })
})

/**
 * A repository of `total` tags `t0`, `t1` … in pages of `size`, each linking to the next; every 1000th tag
 * is also named `v1-…`, which the tests glob for.
 */
function manyTags(total: number, size = 1000) {
  const name = (i: number) => (i % 1000 === 7 ? `v1-${i}` : `t${i}`)
  return serve((req, res) => {
    const from = Number(new URL(req.url, 'http://x').searchParams.get('last') ?? 0)
    const to = Math.min(total, from + size)
    const link = to < total ? { Link: `</v2/big/app/tags/list?n=${size}&last=${to}>; rel="next"` } : {}
    res.writeHead(200, { 'Content-Type': 'application/json', ...link })
    res.end(
      JSON.stringify({ name: 'big/app', tags: Array.from({ length: to - from }, (_, k) => name(from + k)) })
    )
  })
}

describe('listTags checks each name', () => {
  const listing = (tags: unknown[]) =>
    serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ name: 'my/app', tags }))
    })

  it.each([
    ['a name with a line break', ['v1', 'v1-x\n::error::hi'], '"v1-x ::error::hi"'],
    ['a path', ['v1-../../manifests/x'], '"v1-../../manifests/x"'],
    ['a name of 300 characters', [`v1-${'a'.repeat(297)}`], `"v1-${'a'.repeat(96)}…"`],
    ['not a string', ['v1', 42], '42'],
    ['null', [null], 'null']
  ])('a kept entry that is %s fails the listing, quoted and cut', async (_what, tags, quoted) => {
    const server = await listing(tags)
    const err = await failure(listTags(client(server).c, 'my/app', { keep: t => t.startsWith('v1') }))
    expect(err.kind).toBe('fatal')
    expect(err.message).toBe(
      `GET http://${server.host}/v2/my/app/tags/list lists ${quoted}, which is not a tag`
    )
  })

  it('a name the pattern does not keep is only compared with it', async () => {
    const server = await listing(['v1', 'other tag', 'v1.2'])
    expect(await listTags(client(server).c, 'my/app', { keep: t => t.startsWith('v1') })).toEqual([
      'v1',
      'v1.2'
    ])
  })
})

describe('listTags while reading: filtered, and capped by the tags read', () => {
  it('keeps only the tags the filter accepts, across every page', async () => {
    const server = await manyTags(50_000)
    const { c } = client(server)
    const kept = await listTags(c, 'big/app', { keep: t => t.startsWith('v1-') })
    expect(kept).toHaveLength(50)
    expect(kept[0]).toBe('v1-7')
    expect(kept.at(-1)).toBe('v1-49007')
    expect(server.seen).toHaveLength(50)
  })

  it('pages of 100 are read too: more than 100 pages is not too many', async () => {
    const server = await manyTags(20_000, 100)
    const { c } = client(server)
    expect(await listTags(c, 'big/app', { keep: t => t.startsWith('v1-') })).toHaveLength(20)
    expect(server.seen).toHaveLength(200)
  })

  it(`fails past ${MAX_TAGS_READ} tags read, matching or not, naming the registry, the repository and the count`, async () => {
    const server = await manyTags(MAX_TAGS_READ + 5000)
    const { c } = client(server)
    const err = await failure(listTags(c, 'big/app', { keep: t => t.startsWith('v1-') }))
    expect(err.message).toBe(
      `${server.host}/big/app has more than ${MAX_TAGS_READ} tags (${MAX_TAGS_READ + 1000} read so far), too many for a glob, which reads every tag (the cap is BTP_MAX_TAGS_READ)`
    )
    expect(err.kind).toBe('fatal')
    // It stops reading at the first page past the cap.
    expect(server.seen).toHaveLength(MAX_TAGS_READ / 1000 + 1)
  }, 30_000)

  it("the cap is the caller's to set; a repository of exactly that many is listed", async () => {
    const server = await manyTags(3000)
    const { c } = client(server)
    expect(await listTags(c, 'big/app', { maxRead: 3000 })).toHaveLength(3000)
    const err = await failure(listTags(c, 'big/app', { maxRead: 2999 }))
    expect(err.message).toContain('more than 2999 tags (3000 read so far)')
  })
})
