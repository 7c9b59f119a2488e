import { afterEach, describe, expect, it } from '@jest/globals'
import { listTags, nextLink } from '../../src/registry/tags-list.js'
import { basic, cleanUp, client, creds, failure, serve } from '../helpers/stand-in.js'

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

describe('listTags', () => {
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
