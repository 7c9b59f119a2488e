// Docker Hub's login through GitHub's OIDC token, as login-action does it: the job's ID token (audience:
// Docker's identity service) is exchanged (RFC 8693) for a short-lived Hub token under an OIDC connection.
import { ClassifiedError, parseRetryAfter, retry } from '../../core/retry.js'
import { messageOf, oneLine } from '../../core/text.js'
import type { CloudLogin } from './detect.js'
import type { CloudToken } from './ecr.js'

/** The job's OIDC token for an audience: `core.getIDToken` in the action. */
export type IdTokenSource = (audience: string) => Promise<string>

export interface HubOidcRequest {
  registry: string
  username: string
  settings: Extract<CloudLogin, { kind: 'hub-oidc' }>
  idToken: IdTokenSource
  attempts: number
  /** The deadline of one request to the exchange (and to GitHub's token endpoint). */
  timeoutMs: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
  /** Masks a value before it is sent anywhere. */
  onSecret: (value: string) => void
}

// An answer holding a token is small; a larger one is not read to its end.
const MAX_ANSWER_BYTES = 64 * 1024
const SERVICE = "Docker Hub's OIDC exchange"

export async function hubOidcToken(req: HubOidcRequest): Promise<CloudToken> {
  const { settings } = req
  let idToken: string
  try {
    idToken = await withDeadline(req.idToken(settings.audience), req.timeoutMs, 'the GitHub OIDC token')
  } catch (error) {
    throw new ClassifiedError(
      `Docker Hub OIDC login for ${req.registry}: could not get the job's OIDC token (the job needs "permissions: id-token: write"): ${oneLine(messageOf(error), 300)}`,
      'fatal'
    )
  }
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
    onRetry: info =>
      req.onRetry?.(`${messageOf(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
  })
  const token = (answer as { access_token?: unknown } | null)?.access_token
  if (typeof token !== 'string' || !/^[\x21-\x7e]{1,8192}$/.test(token))
    throw new ClassifiedError(`${SERVICE} gave no usable token for ${req.registry}`, 'fatal')
  return { username: req.username, password: token, expiresAt: started + settings.expiresIn * 1000 }
}

/** One POST to the exchange: the parsed answer, or an error classified for retry() (a refusal is final). */
async function exchange(req: HubOidcRequest, body: string): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(req.settings.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(req.timeoutMs)
    })
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause
    throw new ClassifiedError(
      `${SERVICE} (${origin(req)}) for ${req.registry} could not be reached: ${oneLine(messageOf(cause ?? error), 200)}`,
      'transient'
    )
  }
  const text = await boundedText(res)
  if (res.ok) {
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new ClassifiedError(
        `${SERVICE} for ${req.registry} answered with something that is not JSON`,
        'fatal'
      )
    }
  }
  const transient = res.status === 429 || res.status >= 500
  throw new ClassifiedError(
    `${SERVICE} refused the login for ${req.registry}: HTTP ${res.status}${said(text)}`,
    transient ? 'transient' : 'auth',
    transient ? parseRetryAfter(res.headers.get('retry-after')) : undefined
  )
}

const origin = (req: HubOidcRequest): string => new URL(req.settings.endpoint).origin

/** The service's own words from an OAuth error answer (`error_description`, `message`, `error`). */
function said(text: string): string {
  let words = ''
  try {
    const json = JSON.parse(text) as Record<string, unknown>
    for (const key of ['error_description', 'message', 'detail', 'error'])
      if (typeof json[key] === 'string' && json[key]) {
        words = json[key] as string
        break
      }
  } catch {
    words = /^\s*</.test(text) ? '' : text
  }
  words = oneLine(words, 300)
  return words ? `: ${words}` : ''
}

async function boundedText(res: Response): Promise<string> {
  if (!res.body) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel()
      throw new ClassifiedError(`${SERVICE} answered with more than ${MAX_ANSWER_BYTES} bytes`, 'fatal')
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not come within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}
