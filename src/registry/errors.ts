// How a failed registry interaction reads: one class for every layer, and the registry's own words.

import http from 'node:http'
import { ClassifiedError, parseRetryAfter, type FailureKind } from '../core/retry.js'
import { oneLine } from '../core/text.js'

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

// An Authorization header in any dump a server may echo (raw HTTP, JSON, Go's map[...]), scheme kept;
// and a bare credential after Basic/Bearer, told from a plain word by a digit or punctuation. Both run on
// whatever a server sent, so no two quantifiers may compete for the same characters: the whitespace after
// the colon is matched once (`\s*` then `(?:\[\s*)?`, not `\s*\[?\s*`), or a long run of it takes time
// quadratic in its length, with the whole process blocked.
const AUTHORIZATION_HEADER =
  /\b((?:proxy-)?authorization["']?\s*[:=]\s*(?:\[\s*)?["']?)(?:([A-Za-z]+)\s+)?[^\s"',;\]}]+/gi
const SCHEME_CREDENTIAL = /\b(basic|bearer)\s+(?=[A-Za-z0-9._~+/-]*[0-9._~+/=])[A-Za-z0-9._~+/-]+=*/gi

/** RFC 3986's encoding, as URLSearchParams writes a form: encodeURIComponent leaves !'()* alone. */
const strictlyEncoded = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** `text` without anything that looks like an Authorization header, nor any of `secrets`. */
export function redact(text: string, secrets: Iterable<string> = []): string {
  let out = text
    .replace(
      AUTHORIZATION_HEADER,
      (_all, lead: string, scheme?: string) => `${lead}${scheme ? `${scheme} ` : ''}***`
    )
    .replace(SCHEME_CREDENTIAL, '$1 ***')
  // Longest first, so a secret containing another is replaced whole; URL-encoded too, as a form echoes it.
  const forms = [...secrets]
    .flatMap(s => [s, encodeURIComponent(s), strictlyEncoded(s)])
    .filter(s => s !== '')
  for (const secret of forms.sort((a, b) => b.length - a.length)) out = out.split(secret).join('***')
  return out
}

/**
 * An HTTP answer as an error: the method, where, the status and the registry's explanation, which is
 * redacted before it is cut to one line, so that no part of a secret survives the cut.
 */
export function httpError(
  method: string,
  url: URL,
  res: { status: number; headers: http.IncomingHttpHeaders; body: Buffer },
  kind: FailureKind,
  what = '',
  secrets: Iterable<string> = []
): RegistryError {
  const body = errorBodyMessage(res.body)
  // A code is a short identifier (BLOB_UNKNOWN); whatever else a server puts there is cut like its message.
  const code = body.code === undefined ? undefined : oneLine(redact(body.code, secrets), 60)
  const message = body.message === undefined ? undefined : redact(body.message, secrets)
  const text = oneLine(message ?? http.STATUS_CODES[res.status] ?? '', 300)
  const prefix = what ? `${what} ` : ''
  return new RegistryError(
    `${prefix}${method} ${where(url)} failed with HTTP ${res.status}${code ? ` ${code}` : ''}${text ? `: ${text}` : ''}`,
    kind,
    { status: res.status, code, retryAfterMs: parseRetryAfter(headerValue(res.headers['retry-after'])) }
  )
}

/** Whether a registry answered 404: no such tag, manifest or blob there. */
export const isMissing = (error: unknown): error is RegistryError =>
  error instanceof RegistryError && error.status === 404

/** What `read` gives, or undefined where the registry has no such thing (404); any other failure stands. */
export async function orMissing<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}
