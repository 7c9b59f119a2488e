// A corporate proxy as a stand-in on 127.0.0.1: CONNECT tunnels for HTTPS and absolute-URI requests for plain
// HTTP, optionally asking for Basic credentials (407 without the right ones). Names under `.proxy.test`, which
// no resolver knows, are reached at `upstream` (the same port): only a client that goes through the proxy
// can reach a registry by such a name. Every request it was sent is recorded.
import http from 'node:http'
import net, { type AddressInfo } from 'node:net'

export const PROXIED_DOMAIN = 'proxy.test'

export interface ProxySeen {
  /** `CONNECT` or the forwarded request's method. */
  method: string
  /** `host:port` for CONNECT, the absolute URI otherwise. */
  target: string
  /** The Proxy-Authorization header, if any. */
  auth?: string
  /** What the proxy answered: 200 for an open tunnel, 407 for a refusal. */
  status: number
}

export interface ConnectProxy {
  /** `http://127.0.0.1:PORT`, without credentials. */
  url: string
  port: number
  seen: ProxySeen[]
  stop(): Promise<void>
}

/** Where a name is reached: a `.proxy.test` name at `upstream`, any other as it is. */
function resolve(host: string, upstream: string): string {
  return host === PROXIED_DOMAIN || host.endsWith(`.${PROXIED_DOMAIN}`) ? upstream : host
}

/** `host:port` of a CONNECT target (`[v6]:port` too). */
function hostPort(target: string): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target)
  return m ? { host: m[1], port: Number(m[2]) } : { host: target, port: 443 }
}

export async function startConnectProxy(
  opts: {
    upstream?: string
    credentials?: { username: string; password: string }
    /** Answers CONNECT with 200, then sends nothing and forwards nothing: a tunnel that never opens. */
    stall?: boolean
  } = {}
): Promise<ConnectProxy> {
  const upstream = opts.upstream ?? '127.0.0.1'
  const expected =
    opts.credentials &&
    `Basic ${Buffer.from(`${opts.credentials.username}:${opts.credentials.password}`).toString('base64')}`
  const seen: ProxySeen[] = []
  const allowed = (auth: string | undefined): boolean => !expected || auth === expected
  const REFUSAL = 'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="btp"\r\n'

  const server = http.createServer((req, res) => {
    const auth = req.headers['proxy-authorization']
    const status = allowed(auth) ? 200 : 407
    seen.push({ method: req.method ?? '', target: req.url ?? '', auth, status })
    if (status === 407) {
      res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="btp"' }).end()
      return
    }
    const target = new URL(req.url ?? '/')
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    delete headers['proxy-connection']
    const out = http.request(
      {
        host: resolve(target.hostname, upstream),
        port: target.port || 80,
        path: `${target.pathname}${target.search}`,
        method: req.method,
        headers
      },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    out.on('error', () => res.destroy())
    req.pipe(out)
  })
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization']
    const status = allowed(auth) ? 200 : 407
    seen.push({ method: 'CONNECT', target: req.url ?? '', auth, status })
    client.on('error', () => client.destroy())
    if (status === 407) {
      client.end(`${REFUSAL}Content-Length: 0\r\n\r\n`)
      return
    }
    if (opts.stall) {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      return
    }
    const { host, port } = hostPort(req.url ?? '')
    const up = net.connect(port, resolve(host, upstream), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      up.write(head)
      up.pipe(client)
      client.pipe(up)
    })
    up.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n'))
  })
  const sockets = new Set<net.Socket>()
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', ok)
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    stop: () =>
      new Promise<void>(done => {
        for (const s of sockets) s.destroy()
        server.close(() => done())
      })
  }
}
