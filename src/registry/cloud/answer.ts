// One request to a token service over fetch, bounded as a whole: the deadline covers the body as well as the
// headers, the body is read up to a size, and no redirect is followed. Every failure is one classified line
// naming the service: a timeout or a dropped connection is transient, a redirect or an oversized answer is not.
import { ClassifiedError } from '../../core/retry.js'
import { messageOf, oneLine } from '../../core/text.js'

export interface Answer {
  status: number
  headers: Headers
  text: string
}

export interface AnswerBounds {
  /** The service and what the request is for, as messages name it ("Docker Hub's OIDC exchange (…) for docker.io"). */
  what: string
  /** The deadline of the whole request, body included. */
  timeoutMs: number
  maxBytes: number
}

/** `fetch(url, init)` and its body, within `bounds`; a redirect is refused, not followed. */
export async function fetchAnswer(url: string, init: RequestInit, bounds: AnswerBounds): Promise<Answer> {
  const signal = AbortSignal.timeout(bounds.timeoutMs)
  const seconds = `${bounds.timeoutMs / 1000} s`
  let res: Response
  try {
    res = await fetch(url, { ...init, redirect: 'error', signal })
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    if (/unexpected redirect/i.test(messageOf(cause)))
      throw new ClassifiedError(`${bounds.what} answered with a redirect, which is not followed`, 'fatal')
    throw new ClassifiedError(
      `${bounds.what} could not be reached: ${
        signal.aborted ? `no answer within ${seconds} (timeout)` : oneLine(messageOf(cause ?? error), 200)
      }`,
      'transient'
    )
  }
  let text: string
  try {
    text = await boundedText(res, bounds)
  } catch (error) {
    if (error instanceof ClassifiedError) throw error
    const cause = (error as { cause?: unknown }).cause
    throw new ClassifiedError(
      signal.aborted
        ? `${bounds.what} did not send its whole answer within ${seconds} (timeout)`
        : `${bounds.what} broke off its answer: ${oneLine(messageOf(cause ?? error), 200)}`,
      'transient'
    )
  }
  return { status: res.status, headers: res.headers, text }
}

async function boundedText(res: Response, bounds: AnswerBounds): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > bounds.maxBytes) {
      await reader.cancel().catch(() => {})
      throw new ClassifiedError(`${bounds.what} answered with more than ${bounds.maxBytes} bytes`, 'fatal')
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
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
