import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { hasBlob, pushStream, startUpload, streamBlob } from '../../src/registry/blobs.js'
import { basic, cleanUp, client, creds, failure, serve } from '../helpers/stand-in.js'

afterEach(cleanUp)

const BLOB = Buffer.alloc(300_000, 7)
const DIGEST = `sha256:${createHash('sha256').update(BLOB).digest('hex')}`

describe('startUpload', () => {
  it('a mount the registry makes (201) uploads nothing; one it does not (202) gives the upload session', async () => {
    let mounts = true
    const server = await serve((req, res) => {
      if (req.method === 'POST' && mounts) return void res.writeHead(201).end()
      res.writeHead(202, { Location: '/v2/dst/blobs/uploads/abc?_state=s' }).end()
    })
    const { c } = client(server)
    expect(await startUpload(c, 'dst', { digest: DIGEST, from: 'src/app' })).toBe('mounted')
    expect(server.seen[0].url).toBe(
      `/v2/dst/blobs/uploads/?mount=${encodeURIComponent(DIGEST)}&from=src%2Fapp`
    )
    mounts = false
    const session = await startUpload(c, 'dst', { digest: DIGEST, from: 'src/app' })
    expect(String(session)).toBe(`http://${server.host}/v2/dst/blobs/uploads/abc?_state=s`)
  })

  it.each([
    ['another scheme', 'ftp://storage.example/upload'],
    ['no URL at all', 'http://[oops/upload']
  ])("an upload Location with %s fails as the registry's fault, naming it", async (_what, location) => {
    const server = await serve((_req, res) => void res.writeHead(202, { Location: location }).end())
    const { c } = client(server)
    const err = await failure(startUpload(c, 'dst'))
    expect(err.kind).toBe('fatal')
    expect(err.message).toBe(
      `blob upload POST http://${server.host}/v2/dst/blobs/uploads/: its Location names an upload that cannot be reached (${JSON.stringify(location)})`
    )
  })

  it('a Bearer registry is asked for one token with push on the target and pull on the mount source', async () => {
    const server = await serve((req, res) => {
      const url = new URL(req.url, 'http://x')
      if (url.pathname === '/token') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return void res.end(JSON.stringify({ token: `t-${url.searchParams.getAll('scope').join('+')}` }))
      }
      if (!req.headers.authorization) {
        res.writeHead(401, {
          'WWW-Authenticate': `Bearer realm="http://${req.headers.host}/token",service="s"`
        })
        return void res.end()
      }
      res.writeHead(201).end()
    })
    const { c } = client(server)
    expect(await startUpload(c, 'dst', { digest: DIGEST, from: 'src/app' })).toBe('mounted')
    const token = server.seen.find(s => s.url.startsWith('/token'))!
    expect(new URL(token.url, 'http://x').searchParams.getAll('scope')).toEqual([
      'repository:dst:pull,push',
      'repository:src/app:pull'
    ])
  })
})

describe('streamBlob', () => {
  it('follows a 307 to storage without Authorization, streams the bytes into the PUT with the digest', async () => {
    const storage = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(BLOB.length) })
      res.end(BLOB)
    }, '127.0.0.2')
    const src = await serve((req, res) => {
      if (req.headers.authorization !== basic('u', 'p')) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' })
        return void res.end()
      }
      if (req.method === 'HEAD') return void res.writeHead(200).end()
      res.writeHead(307, { Location: `http://127.0.0.2:${storage.port}/b?sig=1` }).end()
    })
    // The storage answers on 127.0.0.2 too: another host, same machine.
    const dst = await serve((req, res) => {
      if (req.method === 'POST')
        return void res.writeHead(202, { Location: '/v2/dst/blobs/uploads/u1' }).end()
      res.writeHead(201).end()
    })
    const source = client(src, { credentials: creds('u', 'p') }).c
    const target = client(dst).c
    await hasBlob(source, 'src/app', DIGEST) // the manifests' reads establish the credentials first
    const upload = await startUpload(target, 'dst')
    expect(upload).not.toBe('mounted')
    const moved = await streamBlob(
      source,
      'src/app',
      target,
      'dst',
      { digest: DIGEST, size: BLOB.length },
      upload as URL
    )
    expect(moved).toBe(BLOB.length)
    expect(storage.seen).toHaveLength(1)
    expect(storage.seen[0].headers.authorization).toBeUndefined()
    expect(src.seen.at(-1)!.headers.authorization).toBe(basic('u', 'p'))
    const put = dst.seen.find(s => s.method === 'PUT')!
    expect(put.url).toBe(`/v2/dst/blobs/uploads/u1?digest=${encodeURIComponent(DIGEST)}`)
    expect(put.body.equals(BLOB)).toBe(true)
    expect(put.headers['content-length']).toBe(String(BLOB.length))
  })

  it('a 503 from the upload is transient (the caller retries), a 401 an auth failure naming the target', async () => {
    let status = 503
    const src = await serve((_req, res) => res.writeHead(200).end(BLOB))
    const dst = await serve((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end('{"errors":[{"code":"UNAVAILABLE","message":"try later"}]}')
    })
    const [source, target] = [client(src).c, client(dst).c]
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    const blob = { digest: DIGEST, size: BLOB.length }
    expect((await failure(streamBlob(source, 's', target, 'dst', blob, at))).kind).toBe('transient')
    status = 401
    const denied = await failure(streamBlob(source, 's', target, 'dst', blob, at))
    expect(denied.kind).toBe('auth')
    expect(denied.message).toContain(`lack push access to dst`)
  })

  it('a source that drips (a byte every 20 ms, never idle) is cut at the ceiling: transient, naming both ends', async () => {
    let closed = 0
    const src = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(BLOB.length) })
      let sent = 0
      const timer = setInterval(() => res.write(BLOB.subarray(sent, ++sent)), 20)
      res.on('close', () => {
        clearInterval(timer)
        closed++
      })
    })
    const dst = await serve((_req, res) => res.writeHead(201).end())
    const [source, target] = [client(src).c, client(dst).c]
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    const started = Date.now()
    const err = await failure(
      streamBlob(source, 's/app', target, 'dst', { digest: DIGEST, size: BLOB.length }, at, 600)
    )
    expect(Date.now() - started).toBeLessThan(3000)
    expect(err.kind).toBe('transient')
    expect(err.message).toBe(
      `copy of ${DIGEST} (${BLOB.length} bytes) from ${src.host}/s/app to ${dst.host}/dst not done after 0.6 s ` +
        "(a blob stream's bound grows with its size at 1 MiB/s): the transfer is too slow"
    )
    // The source's response was let go, and the target never got a whole body to store.
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(closed).toBe(1)
    expect(dst.seen.filter(s => s.method === 'PUT')).toEqual([])
  })
})

describe('streamBlob from a source that does not serve what the descriptor says', () => {
  const blob = { digest: DIGEST, size: BLOB.length }
  const target = () =>
    serve((req, res) => {
      if (req.method === 'PUT') return void res.writeHead(201).end()
      res.writeHead(404).end()
    })

  it('more bytes than the size: refused naming the source, the PUT never completes, its socket is not reused', async () => {
    let extra = true
    const src = await serve((_req, res) => {
      res.writeHead(200) // chunked: only counting finds the extra bytes
      res.write(BLOB)
      setTimeout(
        () => res.end(extra ? Buffer.from('PUT /v2/x/manifests/smuggled HTTP/1.1\r\n\r\n') : undefined),
        20
      )
    })
    const dst = await target()
    const [source, sink] = [client(src).c, client(dst).c]
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    const error = await failure(streamBlob(source, 'src/app', sink, 'dst', blob, at))
    expect(error.message).toBe(
      `source ${src.host}/src/app: blob ${DIGEST} is served with more bytes than its descriptor's size (${BLOB.length})`
    )
    expect(error.kind).toBe('fatal')
    expect(dst.seen.filter(s => s.method === 'PUT')).toEqual([])
    extra = false
    expect(await streamBlob(source, 'src/app', sink, 'dst', blob, at)).toBe(BLOB.length)
    expect(dst.seen.filter(s => s.method === 'PUT').map(s => s.body.length)).toEqual([BLOB.length])
    expect(dst.connections).toBe(2)
  })

  it('a blob the source no longer has (gone since its manifest was read): fatal, naming the source and the blob, nothing sent', async () => {
    const src = await serve((_req, res) => {
      res
        .writeHead(404, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'BLOB_UNKNOWN', message: 'blob unknown to registry' }] }))
    })
    const dst = await target()
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    const error = await failure(streamBlob(client(src).c, 'src/app', client(dst).c, 'dst', blob, at))
    expect(error.message).toMatch(
      new RegExp(
        `^source ${src.host}/src/app: blob ${DIGEST}: GET .*/v2/src/app/blobs/${DIGEST} failed with HTTP 404`
      )
    )
    expect(error.message).toContain('blob unknown to registry')
    expect(error.kind).toBe('fatal')
    expect(dst.connections).toBe(0)
  })

  it('a declared length other than the size is refused before anything is sent', async () => {
    const src = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(BLOB.length + 5) })
      res.end(Buffer.concat([BLOB, Buffer.from('extra')]))
    })
    const dst = await target()
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    const error = await failure(streamBlob(client(src).c, 'src/app', client(dst).c, 'dst', blob, at))
    expect(error.message).toMatch(/is served with 300005 bytes, but its descriptor's size is 300000$/)
    expect(dst.connections).toBe(0)
  })
})

describe('pushStream: a blob from disk, checked and bounded as one from a registry', () => {
  const blob = { digest: DIGEST, size: BLOB.length }
  const target = () =>
    serve((req, res) => {
      if (req.method === 'PUT') return void res.writeHead(201).end()
      res.writeHead(404).end()
    })

  it('other bytes than the checked ones (the file changed since): fatal, naming the file, no PUT completes', async () => {
    const dst = await target()
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    const changed = Buffer.from(BLOB)
    changed[100] = 8
    const error = await failure(
      pushStream(() => Readable.from([changed]), '/tmp/layout: blobs/x', client(dst).c, 'dst', blob, at)
    )
    expect(error.message).toMatch(
      /^\/tmp\/layout: blobs\/x has other content \(its digest is sha256:[a-f0-9]{64}\)$/
    )
    expect(error.kind).toBe('fatal')
    expect(dst.seen.filter(s => s.method === 'PUT')).toEqual([])
    expect(await pushStream(() => Readable.from([BLOB]), 'f', client(dst).c, 'dst', blob, at)).toBe(
      BLOB.length
    )
    expect(dst.seen.filter(s => s.method === 'PUT').map(s => s.body.length)).toEqual([BLOB.length])
  })

  it('a read that trickles is cut at the ceiling: transient, naming the file and the target', async () => {
    const dst = await target()
    const at = new URL(`http://${dst.host}/v2/dst/blobs/uploads/u1`)
    let destroyed = false
    const slow = () =>
      new Readable({
        read() {
          setTimeout(() => this.push(BLOB.subarray(0, 1)), 20)
        },
        destroy(error, done) {
          destroyed = true
          done(error)
        }
      })
    const started = Date.now()
    const error = await failure(pushStream(slow, '/tmp/a.tar: blobs/x', client(dst).c, 'dst', blob, at, 600))
    expect(Date.now() - started).toBeLessThan(3000)
    expect(error.kind).toBe('transient')
    expect(error.message).toContain(`from /tmp/a.tar: blobs/x to ${dst.host}/dst not done after 0.6 s`)
    expect(destroyed).toBe(true)
    expect(dst.seen.filter(s => s.method === 'PUT')).toEqual([])
  })
})
