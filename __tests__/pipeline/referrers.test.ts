// Finding a digest's referrers: the API where the registry answers it, the fallback tag where it does not,
// and what a registry says is checked before anything is copied.
import { registryBoundsFrom } from '../../src/registry/bounds.js'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from '@jest/globals'
import { Copier } from '../../src/pipeline/sources/copy.js'
import { placeReferrers, findReferrers, listReferrers, MAX_REFERRERS } from '../../src/pipeline/referrers.js'
import { cleanUp, client, DIGEST, MANIFEST, MEDIA_TYPE, sendError, serve } from '../helpers/stand-in.js'
import { quietReporter } from '../helpers/reporter.js'

const INDEX = 'application/vnd.oci.image.index.v1+json'
const quiet = quietReporter
const index = (n: number) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: INDEX,
    manifests: Array.from({ length: n }, () => ({
      mediaType: MEDIA_TYPE,
      digest: DIGEST,
      size: MANIFEST.length
    }))
  })
const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`
const SUBJECT = `sha256:${'5'.repeat(64)}`

afterEach(cleanUp)

describe('listReferrers', () => {
  it('the referrers API, where the registry answers it', async () => {
    const server = await serve((req, res) => {
      if (req.url === `/v2/app/referrers/${SUBJECT}`)
        res.writeHead(200, { 'Content-Type': INDEX }).end(index(1))
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const { c } = client(server)
    expect(await listReferrers({ client: c, name: 'app' }, SUBJECT)).toEqual({
      list: [{ mediaType: MEDIA_TYPE, digest: DIGEST, size: MANIFEST.length }],
      via: 'api'
    })
  })

  it('the sha256-<hex> tag where the API is missing; none when neither exists', async () => {
    let tagged = true
    const server = await serve((req, res) => {
      if (tagged && req.url === `/v2/app/manifests/${SUBJECT.replace(':', '-')}`)
        res.writeHead(200, { 'Content-Type': INDEX }).end(index(2))
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const { c } = client(server)
    expect((await listReferrers({ client: c, name: 'app' }, SUBJECT)).list).toHaveLength(2)
    tagged = false
    expect(await listReferrers({ client: c, name: 'app' }, SUBJECT)).toEqual({ list: [], via: 'tag' })
  })

  it("the API's every page, each named by the one before in a Link header", async () => {
    const second = `sha256:${'6'.repeat(64)}`
    const page = (digest: string) =>
      JSON.stringify({
        schemaVersion: 2,
        mediaType: INDEX,
        manifests: [{ mediaType: MEDIA_TYPE, digest, size: 10 }]
      })
    const server = await serve((req, res) => {
      if (req.url === `/v2/app/referrers/${SUBJECT}`)
        res
          .writeHead(200, {
            'Content-Type': INDEX,
            Link: `</v2/app/referrers/${SUBJECT}?page=2>; rel="next"`
          })
          .end(page(DIGEST))
      else if (req.url === `/v2/app/referrers/${SUBJECT}?page=2`)
        res.writeHead(200, { 'Content-Type': INDEX }).end(page(second))
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const { c } = client(server)
    const { list, via } = await listReferrers({ client: c, name: 'app' }, SUBJECT)
    expect(via).toBe('api')
    expect(list.map(d => d.digest)).toEqual([DIGEST, second])
  })

  it('a next page that cannot be read fails the listing, rather than carry over part of it', async () => {
    const server = await serve((req, res) => {
      if (req.url === `/v2/app/referrers/${SUBJECT}`)
        res.writeHead(200, { 'Content-Type': INDEX, Link: '</v2/app/gone>; rel="next"' }).end(index(1))
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const { c } = client(server)
    await expect(listReferrers({ client: c, name: 'app' }, SUBJECT)).rejects.toThrow(
      /GET http:\/\/127\.0\.0\.1:\d+\/v2\/app\/gone failed with HTTP 404/
    )
  })

  it.each([
    ['not an object', 'null', 'entry 0 is not a descriptor object'],
    ['a digest that is no digest', { digest: 42 }, 'entry 0: no media type'],
    [
      'a tag where the digest belongs',
      { mediaType: MEDIA_TYPE, digest: 'latest', size: 10 },
      'entry 0: "latest" is not a digest'
    ],
    ['no size', { mediaType: MEDIA_TYPE, digest: DIGEST }, 'entry 0: size null is not a byte count']
  ])('a list whose entry is %s is refused', async (_what, entry, message) => {
    const server = await serve((_req, res) =>
      res
        .writeHead(200, { 'Content-Type': INDEX })
        .end(JSON.stringify({ manifests: [entry === 'null' ? null : entry] }))
    )
    const { c } = client(server)
    await expect(listReferrers({ client: c, name: 'app' }, SUBJECT)).rejects.toThrow(
      `the referrers of ${SUBJECT} in ${server.host}/app: ${message}`
    )
  })

  it(`more than ${MAX_REFERRERS} referrers: refused before anything is copied`, async () => {
    const server = await serve((req, res) => {
      if (req.url?.includes('/referrers/'))
        res.writeHead(200, { 'Content-Type': INDEX }).end(index(MAX_REFERRERS + 1))
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const { c } = client(server)
    await expect(findReferrers({ client: c, name: 'app' }, SUBJECT)).rejects.toThrow(
      `lists more referrers of ${SUBJECT} than the ${MAX_REFERRERS} a promotion carries over (${MAX_REFERRERS + 1} read)`
    )
    // The list alone: none of the manifests it names was read.
    expect(server.seen.map(r => r.url)).toEqual([`/v2/app/referrers/${SUBJECT}`])
  })

  it(`more than ${MAX_REFERRERS} over several pages: refused while reading, before the next page`, async () => {
    const server = await serve((req, res) => {
      const n = Number(new URL(req.url ?? '', 'http://x').searchParams.get('page') ?? 0)
      res
        .writeHead(200, {
          'Content-Type': INDEX,
          Link: `</v2/app/referrers/${SUBJECT}?page=${n + 1}>; rel="next"`
        })
        .end(index(100))
    })
    const { c } = client(server)
    await expect(listReferrers({ client: c, name: 'app' }, SUBJECT)).rejects.toThrow(
      `lists more referrers of ${SUBJECT} than the ${MAX_REFERRERS} a promotion carries over (300 read)`
    )
    expect(server.seen).toHaveLength(3)
  })
})

describe('placeReferrers', () => {
  it('a target whose referrers route answers 200 with no index is refused, not taken to have the API', async () => {
    const config = Buffer.from('{}')
    const configDigest = sha256(config)
    const referrer = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MEDIA_TYPE,
        config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: configDigest, size: 2 },
        layers: [],
        subject: { mediaType: MEDIA_TYPE, digest: SUBJECT, size: 100 }
      })
    )
    const referrerDigest = sha256(referrer)
    const listing = JSON.stringify({
      schemaVersion: 2,
      mediaType: INDEX,
      manifests: [{ mediaType: MEDIA_TYPE, digest: referrerDigest, size: referrer.length }]
    })
    const source = await serve((req, res) => {
      if (req.url === `/v2/app/referrers/${SUBJECT}`)
        res.writeHead(200, { 'Content-Type': INDEX }).end(listing)
      else if (req.url === `/v2/app/manifests/${referrerDigest}`)
        res
          .writeHead(200, { 'Content-Type': MEDIA_TYPE, 'Docker-Content-Digest': referrerDigest })
          .end(referrer)
      else if (req.url === `/v2/app/blobs/${configDigest}`)
        res.writeHead(200, { 'Content-Length': '2', 'Docker-Content-Digest': configDigest }).end(config)
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const target = await serve((req, res) => {
      if (req.method === 'PUT') res.writeHead(201, { 'Docker-Content-Digest': referrerDigest }).end()
      else if (req.url === `/v2/app/blobs/${configDigest}`)
        res.writeHead(200, { 'Content-Length': '2', 'Docker-Content-Digest': configDigest }).end()
      else if (req.url === `/v2/app/referrers/${SUBJECT}`)
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>welcome</html>')
      else sendError(res, 404, 'NOT_FOUND', 'not found')
    })
    const copier = new Copier({ retries: 1, reporter: quiet, bounds: registryBoundsFrom({}) })
    const src = { client: client(source).c, name: 'app' }
    const found = await findReferrers(src, SUBJECT)
    await expect(placeReferrers(copier, found, { client: client(target).c, name: 'app' })).rejects.toThrow(
      `the referrers of ${SUBJECT} in ${target.host}/app is not JSON`
    )
    // The referrer itself was placed; no fallback index was written over what the target may list.
    expect(target.seen.filter(r => r.method === 'PUT').map(r => r.url)).toEqual([
      `/v2/app/manifests/${referrerDigest}`
    ])
  })
})
