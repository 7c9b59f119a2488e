// A registry that sends blob reads to "storage" on another host:port, as real registries redirect to an
// object store (distribution 2.8 with the filesystem driver never does): a proxy in front of a real
// registry, asking for Basic auth, that answers GET /v2/<name>/blobs/<digest> with a 307 to a storage
// server which serves the bytes from the registry and records every Authorization header it is sent.
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RedirectProxy {
  /** '127.0.0.1:PORT': the registry as the action sees it. */
  host: string
  /** '127.0.0.2:PORT': another host than `host`. */
  storage: string
  /** Requests the proxy was sent: method, path, and the scheme of their Authorization, if any. */
  seen: { method: string; path: string; auth?: string }[]
  /** Requests the storage was sent, with their full Authorization header (should be none). */
  storageSeen: { path: string; authorization?: string }[]
  stop(): Promise<void>
}

const BLOB_GET = /^\/v2\/(.+)\/blobs\/(sha256:[a-f0-9]{64})$/

function listen(server: http.Server, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, address, () => resolve((server.address() as AddressInfo).port))
  })
}

function forward(upstream: string, req: IncomingMessage, res: ServerResponse, path: string): void {
  const headers = { ...req.headers }
  delete headers.authorization
  delete headers.host
  const out = http.request(`http://${upstream}${path}`, { method: req.method, headers }, up => {
    res.writeHead(up.statusCode ?? 502, up.headers)
    up.pipe(res)
  })
  out.on('error', () => res.destroy())
  req.pipe(out)
}

export async function startRedirectProxy(
  upstream: string,
  credentials: { username: string; password: string }
): Promise<RedirectProxy> {
  const seen: RedirectProxy['seen'] = []
  const storageSeen: RedirectProxy['storageSeen'] = []
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`

  const storage = http.createServer((req, res) => {
    storageSeen.push({ path: req.url ?? '', authorization: req.headers.authorization })
    // /storage/<name>/<digest>: the blob, fetched from the registry itself.
    const m = /^\/storage\/(.+)\/(sha256:[a-f0-9]{64})$/.exec(new URL(req.url ?? '/', 'http://x').pathname)
    if (!m) {
      res.writeHead(404).end()
      return
    }
    forward(upstream, req, res, `/v2/${m[1]}/blobs/${m[2]}`)
  })
  const storagePort = await listen(storage, '127.0.0.2')

  const proxy = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const authorization = req.headers.authorization
    seen.push({ method: req.method ?? '', path, auth: authorization?.split(' ')[0] })
    if (authorization !== expected) {
      req.resume()
      res.writeHead(401, {
        'Content-Type': 'application/json',
        'WWW-Authenticate': 'Basic realm="redirect-proxy"',
        'Docker-Distribution-Api-Version': 'registry/2.0'
      })
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}')
      return
    }
    const blob = req.method === 'GET' ? BLOB_GET.exec(path) : null
    if (blob) {
      req.resume()
      res.writeHead(307, { Location: `http://127.0.0.2:${storagePort}/storage/${blob[1]}/${blob[2]}?sig=x` })
      res.end()
      return
    }
    forward(upstream, req, res, req.url ?? '/')
  })
  const port = await listen(proxy, '127.0.0.1')

  const close = (s: http.Server) =>
    new Promise<void>(resolve => {
      s.closeAllConnections()
      s.close(() => resolve())
    })
  return {
    host: `127.0.0.1:${port}`,
    storage: `127.0.0.2:${storagePort}`,
    seen,
    storageSeen,
    stop: async () => {
      await Promise.all([close(proxy), close(storage)])
    }
  }
}
