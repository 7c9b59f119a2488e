// The job's OIDC token from the runner's token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL), asked as
// @actions/core's getIDToken asks it, but by us: getIDToken masks whatever the endpoint answers before anyone
// looks at it (a value of "a" would hide every "a" in the log), follows a redirect to another host with the
// request token, and quotes an error answer's body. Here the request token is masked before it is sent, no
// redirect is followed, each attempt is bounded, and the value is handed back unmasked for its user to check.
import { ClassifiedError, retry } from '../../core/retry.js'
import { messageOf } from '../../core/text.js'
import { maskableToken } from '../../log/masks.js'
import type { ProxyChoice } from '../proxy.js'
import { fetchAnswer, said } from './answer.js'

export interface IdTokenRequest extends ProxyChoice {
  audience: string
  /** What the token is asked for, as messages name it ("Docker Hub OIDC login for docker.io"). */
  purpose: string
  attempts: number
  /** The deadline of one request, body included. */
  timeoutMs: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
  /** Masks a value before it is sent anywhere. */
  onSecret: (value: string) => void
  env?: NodeJS.ProcessEnv
  /** Once aborted (the run cancelled), the request and any wait before another end at once. */
  signal?: AbortSignal
}

/** The job's OIDC token: the `value` of the endpoint's answer, as it came (unchecked, unmasked). */
export type IdTokenSource = (req: IdTokenRequest) => Promise<unknown>

// The endpoint answers `{"value": "<JWT>"}`: a few kilobytes.
const MAX_ANSWER_BYTES = 64 * 1024
const SERVICE = "GitHub's OIDC token endpoint"
const PERMISSION = 'the job needs "permissions: id-token: write"'

/** The action's IdTokenSource. */
export const githubIdToken: IdTokenSource = async req => {
  const env = req.env ?? process.env
  const fail = (why: string, kind: 'fatal' | 'auth' = 'fatal') =>
    new ClassifiedError(`${req.purpose}: could not get the job's OIDC token: ${why}`, kind)
  const base = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  for (const [name, value] of [
    ['ACTIONS_ID_TOKEN_REQUEST_URL', base],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', requestToken]
  ])
    if (!value) throw fail(`${name} is not set (${PERMISSION})`)
  let url: URL
  try {
    url = new URL(`${base}&audience=${encodeURIComponent(req.audience)}`)
  } catch {
    throw fail('ACTIONS_ID_TOKEN_REQUEST_URL is not a URL')
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password)
    throw fail('ACTIONS_ID_TOKEN_REQUEST_URL is not an http(s) URL without a user')
  // Masked before it is sent; one that masking would turn against the log is not sent at all.
  if (!maskableToken(requestToken!) || /\s/.test(requestToken!))
    throw fail('ACTIONS_ID_TOKEN_REQUEST_TOKEN is not a token')
  req.onSecret(requestToken!)
  const what = `${SERVICE} (${url.origin}) for the ${req.purpose}`
  const answer = await retry(
    async () => {
      const res = await fetchAnswer(
        url.href,
        { headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' } },
        {
          what,
          timeoutMs: req.timeoutMs,
          maxBytes: MAX_ANSWER_BYTES,
          proxy: req.proxy,
          onWarning: req.onWarning,
          signal: req.signal
        }
      )
      if (res.status === 200) return res.text
      // Only GitHub's own `message`: an error page may echo the request, token and all.
      const words = `HTTP ${res.status}${said(res.text, ['message'])}`
      if (res.status === 401 || res.status === 403)
        throw fail(`${SERVICE} (${url.origin}) refused: ${words} (${PERMISSION})`, 'auth')
      const transient = res.status === 408 || res.status === 429 || res.status >= 500
      throw new ClassifiedError(`${what} failed: ${words}`, transient ? 'transient' : 'fatal')
    },
    {
      attempts: req.attempts,
      sleep: req.sleep,
      signal: req.signal,
      onRetry: info =>
        req.onRetry?.(`${messageOf(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
    }
  )
  try {
    return (JSON.parse(answer) as { value?: unknown } | null)?.value
  } catch {
    throw new ClassifiedError(`${what} answered with something that is not JSON`, 'fatal')
  }
}

// A JWT: three base64url parts. A real one is around a kilobyte; far larger is not one.
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/
const MAX_JWT_CHARS = 16 * 1024

/** The ID token if `value` is one that can be masked and sent; an error naming what is wrong otherwise. */
export function checkedIdToken(value: unknown, purpose: string): string {
  const bad = (why: string) =>
    new ClassifiedError(`${purpose}: the job's OIDC token is unusable: ${why}`, 'fatal')
  if (typeof value !== 'string')
    throw bad(`the answer holds ${value === undefined ? 'no' : 'a non-string'} value`)
  if (value.length > MAX_JWT_CHARS || !JWT.test(value))
    throw bad(`it is not a JWT (three base64url parts, at most ${MAX_JWT_CHARS} characters)`)
  if (!maskableToken(value)) throw bad('it is too short or too much like a digest to be masked')
  return value
}
