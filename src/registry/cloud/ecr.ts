// AWS ECR's login: GetAuthorizationToken through the AWS SDK v3, with the credentials and region of the
// environment (or an access key given as username/password, as login-action takes it). The SDK is imported
// here only, and this module only by a run that has an ECR login. Its requests go through the proxy docker's
// rules choose (proxy.ts), as the registry client's do: the SDK itself reads no proxy variable.
import type http from 'node:http'
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import { ClassifiedError, retry, stoppedWhy } from '../../core/retry.js'
import { messageOf, oneLine } from '../../core/text.js'
import {
  agentProxyOptions,
  proxyFailure,
  proxyRefused,
  proxyToUse,
  type Proxy,
  type ProxyChoice
} from '../proxy.js'

export interface CloudToken {
  username: string
  password: string
  /** Epoch milliseconds after which the token is fetched again; Infinity when the service named no time. */
  expiresAt: number
}

export interface EcrRequest extends ProxyChoice {
  /** The registry the login is for, as the user named it (for messages). */
  registry: string
  public: boolean
  region: string
  registryId?: string
  /** An access key id and its secret; the SDK's default chain (environment, web identity, …) without. */
  accessKey?: { id: string; secret: string }
  /** Attempts for what is transient (a timeout, a 5xx, throttling); a refusal is never asked again. */
  attempts: number
  /** The deadline of one request to the ECR API, its body included. */
  timeoutMs: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (message: string) => void
  /** Once aborted (the run cancelled), the call and any wait before another end at once. */
  signal?: AbortSignal
}

// An authorization token is a few kilobytes of base64("AWS:<password>"); anything far larger is not one.
const MAX_TOKEN_CHARS = 64 * 1024
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
// An answer is the token and a little JSON around it; the SDK reads no more than this of a body.
const MAX_ANSWER_BYTES = 2 * MAX_TOKEN_CHARS

/** The SDK's body reader, stopped past `max` bytes: the SDK would read any answer whole. */
class AnswerTooLarge extends Error {}
const boundedCollector =
  (max: number) =>
  async (stream: unknown): Promise<Uint8Array> => {
    const chunks: Uint8Array[] = []
    let size = 0
    for await (const chunk of stream as AsyncIterable<Uint8Array | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
      size += bytes.length
      if (size > max) {
        ;(stream as { destroy?: () => void }).destroy?.()
        throw new AnswerTooLarge()
      }
      chunks.push(bytes)
    }
    return Buffer.concat(chunks)
  }

/** One GetAuthorizationToken call; the username and password it hands out, checked before use. */
export async function ecrToken(req: EcrRequest): Promise<CloudToken> {
  const service = req.public ? 'AWS ECR Public' : 'AWS ECR'
  const config = {
    region: req.region,
    // Retries are ours: each attempt is bounded as a whole, which the SDK's own retries are not.
    maxAttempts: 1,
    streamCollector: boundedCollector(MAX_ANSWER_BYTES),
    requestHandler: await proxiedHandler(req),
    ...(req.accessKey
      ? { credentials: { accessKeyId: req.accessKey.id, secretAccessKey: req.accessKey.secret } }
      : {})
  }
  // One client for every attempt: a clock skew it corrects holds for the next.
  let send: (signal: AbortSignal) => Promise<EcrData | undefined>
  let destroy: () => void
  if (req.public) {
    const { ECRPUBLICClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr-public')
    const client = new ECRPUBLICClient(config)
    send = async abortSignal =>
      (await client.send(new GetAuthorizationTokenCommand({}), { abortSignal })).authorizationData
    destroy = () => client.destroy()
  } else {
    const { ECRClient, GetAuthorizationTokenCommand } = await import('@aws-sdk/client-ecr')
    const client = new ECRClient(config)
    const input = req.registryId ? { registryIds: [req.registryId] } : {}
    send = async abortSignal =>
      (await client.send(new GetAuthorizationTokenCommand(input), { abortSignal })).authorizationData?.[0]
    destroy = () => client.destroy()
  }
  try {
    const data = await retry(() => attempt(send, req, service), {
      attempts: req.attempts,
      sleep: req.sleep,
      signal: req.signal,
      onRetry: info =>
        req.onRetry?.(`${messageOf(info.error)}; retrying in ${(info.delayMs / 1000).toFixed(1)} s`)
    })
    return tokenOf(service, req.registry, data)
  } finally {
    destroy()
  }
}

type Handle = NodeHttpHandler['handle']

/**
 * The SDK's HTTP handler, choosing for each request the proxy docker's rules give its URL (the endpoint is
 * the SDK's to resolve: the region's, FIPS, dual-stack or AWS_ENDPOINT_URL_ECR's), each way with its own
 * agents. A proxy's failure is one line naming it, a 407 (a plain-HTTP endpoint's) included.
 */
async function proxiedHandler(req: EcrRequest) {
  const [{ NodeHttpHandler }, http, https] = await Promise.all([
    import('@smithy/node-http-handler'),
    import('node:http'),
    import('node:https')
  ])
  const handlers = new Map<string, NodeHttpHandler>()
  const handlerOf = (proxy: Proxy | undefined): NodeHttpHandler => {
    const key = proxy?.url.href ?? ''
    let made = handlers.get(key)
    if (!made) {
      const agent = <A extends http.Agent>(Agent: new (o: http.AgentOptions) => A, tls: boolean) =>
        new Agent({ keepAlive: true, ...agentProxyOptions(proxy, tls, req.timeoutMs) })
      made = new NodeHttpHandler({
        httpAgent: agent(http.default.Agent, false),
        httpsAgent: agent(https.default.Agent, true)
      })
      handlers.set(key, made)
    }
    return made
  }
  let warned = false
  const handle: Handle = async (request, options) => {
    const port = request.port ? `:${request.port}` : ''
    const url = new URL(`${request.protocol}//${request.hostname}${port}${request.path}`)
    const method = request.method
    const proxy = proxyToUse(method, url, req.proxy, message => {
      if (!warned) req.onWarning?.(message)
      warned = true
    })
    let out: Awaited<ReturnType<Handle>>
    try {
      out = await handlerOf(proxy).handle(request, options)
    } catch (error) {
      throw proxy && !options?.abortSignal?.aborted ? proxyFailure(method, url, proxy, error) : error
    }
    if (proxy && out.response.statusCode === 407) throw proxyRefused(method, url, proxy, 407)
    return out
  }
  return {
    handle,
    destroy: () => handlers.forEach(h => h.destroy()),
    // Asked only by SDK extensions that change the handler's settings; none is used.
    updateHttpClientConfig: () => {},
    httpHandlerConfigs: () => ({})
  }
}

type EcrData = { authorizationToken?: string; expiresAt?: Date }

/**
 * One call within the deadline, body included: the SDK's own timeouts end once the headers are in, and
 * the abort signal reaches the body's read. The race ends the attempt even where the signal goes unheard
 * (a credential provider's own request).
 */
async function attempt(
  send: (signal: AbortSignal) => Promise<EcrData | undefined>,
  req: EcrRequest,
  service: string
): Promise<EcrData | undefined> {
  const controller = new AbortController()
  const timedOut = new ClassifiedError(
    `${service} gave no login for ${req.registry}: no AWS credentials and answer within ${req.timeoutMs / 1000} s (timeout; the credentials come first, from the environment, a web identity or the instance)`,
    'transient'
  )
  let timer: NodeJS.Timeout | undefined
  let stop: (() => void) | undefined
  // Ended by the deadline, or by a cancel, whichever comes first; the SDK's request is aborted either way.
  let ended: ClassifiedError | undefined
  const end = new Promise<never>((_, reject) => {
    const endWith = (error: ClassifiedError) => {
      ended ??= error
      controller.abort()
      reject(ended)
    }
    timer = setTimeout(() => endWith(timedOut), req.timeoutMs)
    const cancelled = req.signal
    if (!cancelled) return
    stop = () =>
      endWith(
        new ClassifiedError(`${service} login for ${req.registry} stopped: ${stoppedWhy(cancelled)}`, 'fatal')
      )
    if (cancelled.aborted) stop()
    else cancelled.addEventListener('abort', stop, { once: true })
  })
  try {
    return await Promise.race([
      send(controller.signal).catch((error: unknown) => {
        throw ended ?? awsError(service, req.registry, error)
      }),
      end
    ])
  } finally {
    clearTimeout(timer)
    if (stop) req.signal?.removeEventListener('abort', stop)
  }
}

const NETWORK = /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/
const THROTTLING = /^(Throttling|ThrottlingException|TooManyRequestsException|RequestLimitExceeded)$/

/** The SDK's failure as one line: the service's own message and error name, or what the answer was. */
function awsError(service: string, registry: string, error: unknown): ClassifiedError {
  const e = error as {
    name?: unknown
    message?: unknown
    code?: unknown
    $fault?: unknown
    $response?: unknown
    $metadata?: { httpStatusCode?: unknown; clockSkewCorrected?: unknown }
  }
  const head = `${service} gave no login for ${registry}`
  // A proxy's failure (the handler's), already one line naming the proxy and the endpoint.
  if (error instanceof ClassifiedError) return new ClassifiedError(`${head}: ${error.message}`, error.kind)
  if (error instanceof AnswerTooLarge)
    return new ClassifiedError(`${head}: it answered with more than ${MAX_ANSWER_BYTES} bytes`, 'fatal')
  const status = typeof e?.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined
  const transientStatus = status !== undefined && (status === 429 || status >= 500)
  if (typeof e?.code === 'string' && NETWORK.test(e.code))
    return new ClassifiedError(
      `${head}: ${oneLine(typeof e.message === 'string' ? e.message : e.code, 200)} (${e.code})`,
      'transient'
    )
  const name = typeof e?.name === 'string' && /^[A-Za-z]+$/.test(e.name) ? e.name : ''
  // An answer that is no AWS error in JSON (a proxy's HTML page, a redirect): the SDK's parse error or its
  // "UnknownError" says nothing; the status does.
  if (status !== undefined && e?.$response && (e.$fault === undefined || name === 'Unknown'))
    return new ClassifiedError(
      `${head}: HTTP ${status}, not an AWS JSON answer`,
      transientStatus ? 'transient' : 'fatal'
    )
  const message = oneLine(typeof e?.message === 'string' ? e.message : String(error), 400)
  const named = name && name !== 'Error' ? ` (${status !== undefined ? `HTTP ${status}, ` : ''}${name})` : ''
  // Throttling, a 5xx, or a clock the SDK has just corrected is worth another attempt; any other refusal
  // is final, and a client fault (a key or a permission) is an auth failure.
  const kind =
    transientStatus || THROTTLING.test(name) || e?.$metadata?.clockSkewCorrected === true
      ? 'transient'
      : e?.$fault === 'client'
        ? 'auth'
        : 'fatal'
  return new ClassifiedError(`${head}: ${message}${named}`, kind)
}

function tokenOf(service: string, registry: string, data: EcrData | undefined): CloudToken {
  const bad = (why: string) =>
    new ClassifiedError(`${service} gave no usable login for ${registry}: ${why}`, 'fatal')
  const token = data?.authorizationToken
  if (typeof token !== 'string' || !token) throw bad('the answer holds no authorization token')
  if (token.length > MAX_TOKEN_CHARS || !BASE64.test(token))
    throw bad('the authorization token is not base64 of a username and password')
  const decoded = Buffer.from(token, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0 || colon === decoded.length - 1 || /[\r\n]/.test(decoded))
    throw bad('the authorization token is not base64 of a username and password')
  const expires = data?.expiresAt instanceof Date ? data.expiresAt.getTime() : NaN
  return {
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
    expiresAt: Number.isNaN(expires) ? Infinity : expires
  }
}
