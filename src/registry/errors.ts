// How a failed registry interaction reads: one class for every layer, and the registry's own words.

import http from 'node:http'
import { ClassifiedError, parseRetryAfter, type FailureKind } from '../retry.js'
import { oneLine } from '../text.js'

/** A failed registry interaction; `kind` drives retry() through ClassifiedError. */
export class RegistryError extends ClassifiedError {
  /** HTTP status, when the registry answered. */
  readonly status?: number
  /** First `errors[].code` of the registry's JSON body, or the system error code (ECONNREFUSED, ...). */
  readonly code?: string

  constructor(
    message: string,
    kind: FailureKind,
    details: { status?: number; code?: string; retryAfterMs?: number } = {}
  ) {
    super(message, kind, details.retryAfterMs)
    this.name = 'RegistryError'
    this.status = details.status
    this.code = details.code
  }
}

/** A URL as errors name it: no query, which may carry a scope or an account. */
export function where(url: URL): string {
  return `${url.origin}${url.pathname}`
}

export function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

/** The registry's own words from a distribution error body, or a token server's `details`/`error`. */
function errorBodyMessage(body: Buffer): { code?: string; message?: string } {
  const text = body.toString('utf8').trim()
  if (text === '') return {}
  try {
    const json = JSON.parse(text) as {
      errors?: { code?: unknown; message?: unknown; detail?: unknown }[]
      details?: unknown
      error?: unknown
      error_description?: unknown
      message?: unknown
    }
    const first = Array.isArray(json.errors) ? json.errors[0] : undefined
    if (first) {
      const code = typeof first.code === 'string' ? first.code : undefined
      const message = typeof first.message === 'string' ? first.message : undefined
      return { code, message }
    }
    for (const value of [json.details, json.error_description, json.message, json.error]) {
      if (typeof value === 'string' && value !== '') return { message: value }
    }
    return {}
  } catch {
    // Proxies answer with HTML pages; their markup is noise in a one-line error.
    return /^</.test(text) ? {} : { message: text }
  }
}

/** An HTTP answer as an error: the method, where, the status and the registry's explanation. */
export function httpError(
  method: string,
  url: URL,
  res: { status: number; headers: http.IncomingHttpHeaders; body: Buffer },
  kind: FailureKind,
  what = ''
): RegistryError {
  const { code, message } = errorBodyMessage(res.body)
  const text = oneLine(message ?? http.STATUS_CODES[res.status] ?? '', 300)
  const prefix = what ? `${what} ` : ''
  return new RegistryError(
    `${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`,
    kind,
    { status: res.status, code, retryAfterMs: parseRetryAfter(headerValue(res.headers['retry-after'])) }
  )
}
