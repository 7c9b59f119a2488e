import { afterEach, describe, expect, it } from '@jest/globals'
import { MANIFEST_ACCEPT, manifestDigest } from '../../src/registry/api.js'
import {
  cleanUp,
  client,
  DIGEST,
  failure,
  MANIFEST,
  MEDIA_TYPE,
  bearerRegistry,
  sendError,
  sendManifest,
  serve
} from '../helpers/stand-in.js'

afterEach(cleanUp)

describe('manifestDigest', () => {
  it('is sha256 of the exact bytes', () => {
    expect(manifestDigest(Buffer.from('hello\n'))).toBe(
      'sha256:5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03'
    )
    expect(manifestDigest(Buffer.alloc(0))).toBe(
      'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    )
  })
})

describe('MANIFEST_ACCEPT', () => {
  it('lists the docker and OCI manifest and index types', () => {
    expect(MANIFEST_ACCEPT).toHaveLength(4)
    expect(MANIFEST_ACCEPT).toContain('application/vnd.oci.image.index.v1+json')
  })
})

describe('RegistryClient', () => {
  it('fetches a manifest anonymously with the manifest Accept types', async () => {
    const server = await serve((_req, res) => sendManifest(res))
    const { c } = client(server)
    expect(c.baseUrl).toBe(`http://${server.host}`)
    const m = await c.getManifest('a/b', 'v1')
    expect(m).toEqual({ digest: DIGEST, mediaType: MEDIA_TYPE, body: MANIFEST, headerDigest: DIGEST })
    expect(server.seen[0].url).toBe('/v2/a/b/manifests/v1')
    expect(server.seen[0].headers.accept).toBe(MANIFEST_ACCEPT.join(', '))
    expect(server.seen[0].headers.authorization).toBeUndefined()
    expect(c.requestCount).toBe(1)
  })

  it('uses the body digest even when Docker-Content-Digest lies', async () => {
    const lie = 'sha256:' + '0'.repeat(64)
    const server = await serve((_req, res) => sendManifest(res, { 'Docker-Content-Digest': lie }))
    const m = await client(server).c.getManifest('a/b', 'v1')
    expect(m.digest).toBe(DIGEST)
    expect(m.headerDigest).toBe(lie)
  })

  it('rejects content that does not match the digest it was fetched by', async () => {
    const wanted = 'sha256:' + 'a'.repeat(64)
    const server = await serve((_req, res) => sendManifest(res))
    const err = await failure(client(server).c.getManifest('a/b', wanted))
    expect(err.kind).toBe('fatal')
    expect(err.message).toContain(DIGEST)
  })

  it('putManifest sends the body with its Content-Type under a push-scoped token', async () => {
    const server = await bearerRegistry()
    const { c } = client(server)
    const digest = await c.putManifest('a/b', 'extra', MANIFEST, MEDIA_TYPE)
    expect(digest).toBe(DIGEST)
    const put = server.seen.filter(s => s.method === 'PUT').at(-1)!
    expect(put.url).toBe('/v2/a/b/manifests/extra')
    expect(put.headers['content-type']).toBe(MEDIA_TYPE)
    expect(put.body.equals(MANIFEST)).toBe(true)
    expect(put.headers.authorization).toBe('Bearer tok|repository:a/b:pull,push')
    const token = server.seen.find(s => s.url.startsWith('/token'))!
    expect(new URL(token.url, 'http://x').searchParams.get('scope')).toBe('repository:a/b:pull,push')
    // A pull after a push reuses the push token.
    const before = c.requestCount
    await c.getManifest('a/b', 'extra')
    expect(c.requestCount).toBe(before + 1)
  })

  it('fails a 404 as fatal with MANIFEST_UNKNOWN and no retries', async () => {
    const server = await serve((_req, res) => sendError(res, 404, 'MANIFEST_UNKNOWN', 'manifest unknown'))
    const { c } = client(server)
    const err = await failure(c.getManifest('a/b', 'nope'))
    expect(err).toMatchObject({ kind: 'fatal', status: 404, code: 'MANIFEST_UNKNOWN' })
    expect(err.message).toContain('manifest unknown')
    expect(c.requestCount).toBe(1)
  })

  it('refuses repositories and references outside the grammar without a request', async () => {
    const { c } = client({ host: '127.0.0.1:9' })
    await expect(c.getManifest('../etc', 'v1')).rejects.toMatchObject({ kind: 'fatal' })
    await expect(c.getManifest('a/b', 'v1/../../x')).rejects.toMatchObject({ kind: 'fatal' })
    expect(c.requestCount).toBe(0)
  })

  it('falls back to the mediaType in the body when Content-Type is generic', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
      res.end(MANIFEST)
    })
    const m = await client(server).c.getManifest('a/b', 'v1')
    expect(m.mediaType).toBe(MEDIA_TYPE)
    expect(m.headerDigest).toBeUndefined()
  })
})
