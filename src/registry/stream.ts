// Requests whose bodies are layers: the response (or the request body) is a stream, never a buffer, so a
// blob goes from one registry to another without being held in memory. Beside transport.ts, which buffers
// every answer (manifests, tokens, errors) and retries; the caller of these retries the whole transfer.

import http, { type IncomingMessage } from 'node:http'
import type { Readable } from 'node:stream'
import { type FailureKind } from '../core/retry.js'
import { headerValue, type RegistryError } from './errors.js'
import { proxyRefused } from './proxy.js'
import { redirectHop } from './redirects.js'
import { boundConnection } from './connection.js'
import { USER_AGENT, type Response, type Transport } from './transport.js'

// As transport.ts follows them: docker's client, at most 5 hops.
const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** An error answer is read for its message, never more than this. */
const ERROR_BODY_BYTES = 64 * 1024

export interface Streamed {
  res: IncomingMessage
  /** Where the answer came from, after redirects. */
  at: URL
}

/**
 * A GET whose body is read by the caller: redirects are followed (a registry sends blob reads to its
 * storage), and Authorization goes only to the origin it was meant for, never to the storage host.
 */
export async function openRead(
  transport: Transport,
  url: URL,
  headers: Record<string, string>,
  /** Ends the exchange (and the body being read) when aborted: a ceiling over the whole transfer. */
  signal?: AbortSignal
): Promise<Streamed> {
  let at = url
  let sent = headers
  for (let hops = 0; ; hops++) {
    const res = await once(transport, 'GET', at, sent, undefined, signal)
    const location = headerValue(res.headers.location)
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return { res, at }
    res.resume()
    ;({ next: at, headers: sent } = redirectHop({
      method: 'GET',
      first: url,
      at,
      location,
      hops,
      headers: sent,
      effective: u => transport.effective(u)
    }))
  }
}

/** A PUT (or PATCH) whose body is `body`, `length` bytes; the answer is buffered, being small. */
export async function sendStream(
  transport: Transport,
  method: 'PUT' | 'PATCH',
  url: URL,
  headers: Record<string, string>,
  body: Readable,
  length: number,
  signal?: AbortSignal
): Promise<Response> {
  const res = await once(
    transport,
    method,
    url,
    { ...headers, 'Content-Length': String(length) },
    body,
    signal
  )
  return { status: res.statusCode ?? 0, headers: res.headers, body: await readSmall(res) }
}

/** A streamed answer that is not what the caller wanted, as a RegistryError classified by its status. */
export async function streamError(
  transport: Transport,
  method: string,
  { res, at }: Streamed
): Promise<RegistryError> {
  const response = { status: res.statusCode ?? 0, headers: res.headers, body: await readSmall(res) }
  return transport.httpError(method, at, response, statusKind(response.status))
}

/** 408, 429 and 5xx are worth another attempt, 401 and 403 are auth failures, the rest are final. */
export function statusKind(status: number): FailureKind {
  if (status === 408 || status === 429 || status >= 500) return 'transient'
  if (status === 401 || status === 403) return 'auth'
  return 'fatal'
}

async function readSmall(res: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of res as AsyncIterable<Buffer>) {
      if (size < ERROR_BODY_BYTES) chunks.push(chunk)
      size += chunk.length
    }
  } catch {
    // what arrived is enough for a message
  }
  return Buffer.concat(chunks).subarray(0, ERROR_BODY_BYTES)
}

/**
 * One exchange, resolved with the response head. The deadline is for inactivity: a 128 MB layer may
 * rightly take longer than one request's deadline in all, but not a silence that long.
 */
async function once(
  transport: Transport,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body?: Readable,
  ceiling?: AbortSignal
): Promise<IncomingMessage> {
  transport.requestCount++
  const target = transport.effective(url)
  const tls = target.protocol === 'http:' ? undefined : (await import('node:https')).default
  const agent = await transport.agentFor(target, tls, method, true)
  const signal = ceiling ? AbortSignal.any([transport.closed.signal, ceiling]) : transport.closed.signal
  return new Promise<IncomingMessage>((resolve, reject) => {
    let settled = false
    const fail = (err: unknown) => {
      body?.destroy()
      if (settled) return
      settled = true
      reject(transport.networkError(method, target, err))
    }
    const req = (tls ?? http).request(
      target,
      { method, headers: { 'User-Agent': USER_AGENT, ...headers }, agent, signal },
      res => {
        const proxy = res.statusCode === 407 ? transport.proxyOf(target) : undefined
        if (proxy) {
          res.resume()
          fail(proxyRefused(method, target, proxy, 407))
          return
        }
        settled = true
        // A body still being sent when the registry has answered (an early 4xx/5xx) is of no more use.
        if (body && !body.readableEnded) body.destroy()
        res.setTimeout(transport.timeoutMs, () =>
          res.destroy(
            Object.assign(new Error(`stalled for ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })
          )
        )
        resolve(res)
      }
    )
    boundConnection(req, agent, transport.timeoutMs, fail)
    req.setTimeout(transport.timeoutMs, () =>
      req.destroy(
        Object.assign(new Error(`timed out after ${transport.timeoutMs} ms`), { code: 'ETIMEDOUT' })
      )
    )
    // A body other than its Content-Length would desync the connection: node refuses it, and a request
    // that failed mid-body is destroyed (fail), so its socket never goes back to the pool.
    Object.assign(req, { strictContentLength: true }) // on every OutgoingMessage; typed only on ServerResponse
    req.on('error', fail)
    if (!body) return void req.end()
    body.on('error', err => {
      req.destroy(err)
      fail(err)
    })
    body.pipe(req)
  })
}
