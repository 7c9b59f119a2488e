// Stand-in registries for the registry client's unit tests: in-process HTTP(S) servers that record
// what they were sent, and a client wired to them that records its retries instead of sleeping.
import http from 'node:http'
import https from 'node:https'
import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { expect } from '@jest/globals'
import { RegistryClient, RegistryError, type RegistryClientOptions } from '../../src/registry/api.js'

export const MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] })
)
export const MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json'
export const DIGEST = 'sha256:' + createHash('sha256').update(MANIFEST).digest('hex')

export interface Seen {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

type Handler = (req: Seen, res: http.ServerResponse, server: TestServer) => void

export interface TestServer {
  port: number
  host: string
  seen: Seen[]
  connections: number
  close(): Promise<void>
}

/** Servers and clients to close after each test: call from afterEach. */
const cleanups: (() => Promise<void> | void)[] = []
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn)
}
export async function cleanUp(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!()
}

export async function serve(
  handler: Handler,
  bind = '127.0.0.1',
  tls?: https.ServerOptions
): Promise<TestServer> {
  const seen: Seen[] = []
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const entry = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) }
      seen.push(entry)
      handler(entry, res, self)
    })
  }
  const server = tls ? https.createServer(tls, listener) : http.createServer(listener)
  server.on('connection', () => self.connections++)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, bind, resolve)
  })
  const port = (server.address() as AddressInfo).port
  const self: TestServer = {
    port,
    host: bind.includes(':') ? `[${bind}]:${port}` : `${bind}:${port}`,
    seen,
    connections: 0,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
  onCleanup(() => self.close())
  return self
}

export function client(server: { host: string }, opts: Partial<RegistryClientOptions> = {}) {
  const delays: number[] = []
  const retries: string[] = []
  const c = new RegistryClient({
    registry: server.host,
    sleep: async ms => {
      delays.push(ms)
    },
    onRetry: m => retries.push(m),
    ...opts
  })
  onCleanup(() => c.close())
  return { c, delays, retries }
}

export function sendManifest(res: http.ServerResponse, headers: Record<string, string> = {}) {
  res.writeHead(200, { 'Content-Type': MEDIA_TYPE, 'Docker-Content-Digest': DIGEST, ...headers })
  res.end(MANIFEST)
}

export function sendError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  headers = {}
) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers })
  res.end(JSON.stringify({ errors: [{ code, message, detail: null }] }))
}

export const basic = (user: string, pass: string) =>
  `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
export const creds = (username: string, password: string) => async () => ({ username, password })

/** The error `promise` rejects with, checked to be of `kind` (a RegistryError unless told). */
export async function failure<E extends Error = RegistryError>(
  promise: Promise<unknown>,
  kind: abstract new (...args: never[]) => E = RegistryError as unknown as abstract new (
    ...args: never[]
  ) => E
): Promise<E> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(kind)
    return err as E
  }
  throw new Error('expected a rejection')
}

/** A registry behind a token server on the same port, as distribution's token spec has it. */
export function bearerRegistry(
  opts: { user?: string; pass?: string; tokenKey?: string; realmHost?: (port: number) => string } = {}
) {
  return serve((req, res, self) => {
    const url = new URL(req.url, 'http://x')
    if (url.pathname === '/token') {
      if (opts.user && req.headers.authorization !== basic(opts.user, opts.pass ?? '')) {
        res.writeHead(401, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ details: 'incorrect username or password' }))
      }
      res.writeHead(200, { 'Content-Type': 'application/json' })
      const scope = url.searchParams.get('scope')
      return res.end(JSON.stringify({ [opts.tokenKey ?? 'token']: `tok|${scope}`, expires_in: 300 }))
    }
    const scope = `repository:a/b:${req.method === 'PUT' ? 'pull,push' : 'pull'}`
    if (
      req.headers.authorization !== `Bearer tok|${scope}` &&
      req.headers.authorization !== `Bearer tok|repository:a/b:pull,push`
    ) {
      res.writeHead(401, {
        'WWW-Authenticate': `Bearer realm="http://${opts.realmHost?.(self.port) ?? self.host}/token",service="x",scope="${scope}"`
      })
      return res.end()
    }
    if (req.method === 'PUT') {
      res.writeHead(201, { 'Docker-Content-Digest': DIGEST })
      return res.end()
    }
    return sendManifest(res)
  })
}

// A registry that is not loopback by name, so the client starts with HTTPS: 0.0.0.0 reaches the
// 127.0.0.1 listener on Linux. Whether docker holds it insecure is what the `insecure` option answers.
export const viaAnyAddress = (server: TestServer) => ({ host: `0.0.0.0:${server.port}` })
