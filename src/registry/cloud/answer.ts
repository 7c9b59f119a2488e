// One request to a token service, bounded as a whole: the deadline covers the body as well as the headers, the
// body is read up to a size, and no redirect is followed. It goes through the proxy docker's rules choose
// (proxy.ts), as the registry client's requests do, by node's own agents rather than fetch: fetch would
// apply node's reading of the proxy variables instead (NODE_USE_ENV_PROXY). Every failure is one classified
// line naming the service (and the proxy): a timeout or a dropped connection is transient, a redirect, an
// oversized answer or a proxy's 407 is not.
import http from 'node:http'
import { ClassifiedError, stoppedWhy } from '../../core/retry.js'
import { messageOf, oneLine } from '../../core/text.js'
import {
  agentProxyOptions,
  proxyFailure,
  proxyName,
  proxyRefused,
  proxyToUse,
  type ProxyChoice
} from '../proxy.js'

export interface Answer {
  status: number
  headers: Headers
  text: string
}

export interface AnswerInit {
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

export interface AnswerBounds extends ProxyChoice {
  /** The service and what the request is for, as messages name it ("Docker Hub's OIDC exchange (…) for docker.io"). */
  what: string
  /** The deadline of the whole request, body included. */
  timeoutMs: number
  maxBytes: number
  /** Once aborted (the run cancelled), the request ends at once. */
  signal?: AbortSignal
}

// What fetch's `redirect: 'error'` refuses.
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/** `url` asked once and its body read, within `bounds`; a redirect is refused, not followed. */
export async function fetchAnswer(url: string, init: AnswerInit, bounds: AnswerBounds): Promise<Answer> {
  const target = new URL(url)
  const method = init.method ?? 'GET'
  const { what, signal } = bounds
  const stopped = (s: AbortSignal) => new ClassifiedError(`${what} stopped: ${stoppedWhy(s)}`, 'fatal')
  if (signal?.aborted) throw stopped(signal)
  const proxy = proxyToUse(method, target, bounds.proxy, m => bounds.onWarning?.(m))
  const through = proxy ? ` through ${proxyName(proxy)}` : ''
  const seconds = `${bounds.timeoutMs / 1000} s`
  // TLS is loaded only for an https URL, as the registry client loads it.
  const tls = target.protocol === 'https:' ? (await import('node:https')).default : undefined
  // One agent per request: a token is asked for once or twice a run, and nothing is left open after it.
  const agent = new (tls ?? http).Agent(agentProxyOptions(proxy, !!tls, bounds.timeoutMs))
  const body = init.body === undefined ? undefined : Buffer.from(init.body)
  const headers = { ...init.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }
  try {
    return await new Promise<Answer>((resolve, reject) => {
      let answered = false
      const fail = (error: ClassifiedError) => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', onAbort)
        req.destroy()
        reject(error)
      }
      const onAbort = () => fail(stopped(signal!))
      /** A failure of the request itself: through a proxy in proxy.ts's words, which name the proxy. */
      const unreached = (error: unknown) => {
        if (!proxy)
          return new ClassifiedError(
            `${what} could not be reached: ${oneLine(messageOf(error), 200)}`,
            'transient'
          )
        const failure = proxyFailure(method, target, proxy, error)
        return new ClassifiedError(`${what} could not be reached: ${failure.message}`, failure.kind)
      }
      const timer = setTimeout(
        () =>
          fail(
            new ClassifiedError(
              answered
                ? `${what} did not send its whole answer within ${seconds} (timeout)`
                : `${what} could not be reached${through}: no answer within ${seconds} (timeout)`,
              'transient'
            )
          ),
        bounds.timeoutMs
      )
      const req = (tls ?? http).request(target, { method, headers, agent }, res => {
        answered = true
        const status = res.statusCode ?? 0
        if (proxy && status === 407) {
          const refused = proxyRefused(method, target, proxy, status)
          return fail(new ClassifiedError(`${what} could not be reached: ${refused.message}`, refused.kind))
        }
        if (REDIRECTS.has(status))
          return fail(new ClassifiedError(`${what} answered with a redirect, which is not followed`, 'fatal'))
        const chunks: Buffer[] = []
        let size = 0
        res.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > bounds.maxBytes)
            fail(new ClassifiedError(`${what} answered with more than ${bounds.maxBytes} bytes`, 'fatal'))
          else chunks.push(chunk)
        })
        const brokenOff = (words: string) =>
          fail(new ClassifiedError(`${what} broke off its answer: ${oneLine(words, 200)}`, 'transient'))
        res.on('error', error => brokenOff(messageOf(error)))
        res.on('close', () => {
          if (!res.complete) brokenOff('the connection closed mid-answer')
        })
        res.on('end', () => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          resolve({ status, headers: headersOf(res.headers), text: Buffer.concat(chunks).toString('utf8') })
        })
      })
      req.on('error', error =>
        fail(
          answered
            ? new ClassifiedError(
                `${what} broke off its answer: ${oneLine(messageOf(error), 200)}`,
                'transient'
              )
            : unreached(error)
        )
      )
      if (signal?.aborted) return onAbort()
      signal?.addEventListener('abort', onAbort, { once: true })
      req.end(body)
    })
  } finally {
    agent.destroy()
  }
}

function headersOf(raw: http.IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(raw))
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one)
  return headers
}

/**
 * The service's own words from a JSON error answer, the first of `keys` that holds a string, as
 * `: words`; nothing for any other body. A raw body is never quoted: it may echo what was sent.
 */
export function said(text: string, keys: string[]): string {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return ''
  }
  if (typeof json !== 'object' || json === null) return ''
  for (const key of keys) {
    const value = (json as Record<string, unknown>)[key]
    if (typeof value === 'string' && value.trim()) return `: ${oneLine(value, 300)}`
  }
  return ''
}
