// Docker Hub's login through GitHub's OIDC token, as login-action does it: the job's ID token (audience:
// Docker's identity service) is exchanged (RFC 8693) for a short-lived Hub token under an OIDC connection.
import { ClassifiedError, parseRetryAfter, retry } from '../../core/retry.js'
import { messageOf } from '../../core/text.js'
import type { ProxyChoice } from '../proxy.js'
import { fetchAnswer, said } from './answer.js'
import type { CloudLogin } from './detect.js'
import type { CloudToken } from './ecr.js'
import { checkedIdToken, type IdTokenSource } from './github-oidc.js'

export interface HubOidcRequest extends ProxyChoice {
  registry: string
  username: string
  settings: Extract<CloudLogin, { kind: 'hub-oidc' }>
  idToken: IdTokenSource
  attempts: number
  /** The deadline of one request to the exchange (and to GitHub's token endpoint), body included. */
  timeoutMs: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
  /** Masks a value before it is sent anywhere. */
  onSecret: (value: string) => void
  /** Once aborted (the run cancelled), the requests and any wait before another end at once. */
  signal?: AbortSignal
}

// An answer holding a token is small; a larger one is not read to its end.
const MAX_ANSWER_BYTES = 64 * 1024
const SERVICE = "Docker Hub's OIDC exchange"

export async function hubOidcToken(req: HubOidcRequest): Promise<CloudToken> {
  const { settings } = req
  const purpose = `Docker Hub OIDC login for ${req.registry}`
  const onRetry = (info: { error: unknown; delayMs: number }) =>
    req.onRetry?.(`${messageOf(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
  // Checked before it is masked: masking a value such as `a` or `sha256` would hide it all over the log.
  const idToken = checkedIdToken(
    await req.idToken({
      audience: settings.audience,
      purpose,
      attempts: req.attempts,
      timeoutMs: req.timeoutMs,
      sleep: req.sleep,
      onRetry: req.onRetry,
      onSecret: req.onSecret,
      proxy: req.proxy,
      onWarning: req.onWarning,
      signal: req.signal
    }),
    purpose
  )
  req.onSecret(idToken)
  const body = new URLSearchParams({
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    subject_token_type: 'urn:ietf:params:oauth:token-type:id_token',
    subject_token: idToken,
    connection_id: settings.connectionId,
    expires_in: String(settings.expiresIn)
  }).toString()
  const started = Date.now()
  const answer = await retry(() => exchange(req, body), {
    attempts: req.attempts,
    sleep: req.sleep,
    signal: req.signal,
    onRetry
  })
  const token = (answer as { access_token?: unknown } | null)?.access_token
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,8192}$/.test(token))
    throw new ClassifiedError(`${SERVICE} gave no usable token for ${req.registry}`, 'fatal')
  return { username: req.username, password: token, expiresAt: started + settings.expiresIn * 1000 }
}

/** One POST to the exchange: the parsed answer, or an error classified for retry() (a refusal is final). */
async function exchange(req: HubOidcRequest, body: string): Promise<unknown> {
  const res = await fetchAnswer(
    req.settings.endpoint,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body
    },
    {
      what: `${SERVICE} (${new URL(req.settings.endpoint).origin}) for ${req.registry}`,
      timeoutMs: req.timeoutMs,
      maxBytes: MAX_ANSWER_BYTES,
      proxy: req.proxy,
      onWarning: req.onWarning,
      signal: req.signal
    }
  )
  if (res.status >= 200 && res.status < 300) {
    try {
      return JSON.parse(res.text) as unknown
    } catch {
      throw new ClassifiedError(
        `${SERVICE} for ${req.registry} answered with something that is not JSON`,
        'fatal'
      )
    }
  }
  const transient = res.status === 429 || res.status >= 500
  // The service's own words from an OAuth error answer; never its raw body, which may echo the form sent.
  const words = said(res.text, ['error_description', 'message', 'detail', 'error'])
  throw new ClassifiedError(
    `${SERVICE} refused the login for ${req.registry}: HTTP ${res.status}${words}`,
    transient ? 'transient' : 'auth',
    transient ? parseRetryAfter(res.headers.get('retry-after')) : undefined
  )
}
