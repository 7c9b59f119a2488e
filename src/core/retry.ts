// Which registry failures are worth another attempt, and the bounded backoff loop that makes them.
import { messageOf } from './text.js'

export type FailureKind = 'transient' | 'auth' | 'fatal'

/** An error that carries its classification, and optionally the server's Retry-After. */
export class ClassifiedError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    readonly retryAfterMs?: number
  ) {
    super(message)
    this.name = 'ClassifiedError'
  }
}

// Order matters: auth words win over transient ones ("unauthorized ... EOF" is still auth).
const AUTH = [
  /\b401\b/,
  /\b403\b/,
  /unauthori[sz]ed/i,
  /\bdenied\b/i,
  /authentication required/i,
  /name[ _-]invalid/i,
  /incorrect username or password/i,
  /no basic auth credentials/i,
  /forbidden/i
]
const TRANSIENT = [
  /\b5[0-9][0-9]\b/,
  /\b429\b/,
  /toomanyrequests|too many requests/i,
  /timed? ?out|timeout|deadline exceeded/i,
  /connection reset|ECONNRESET/i,
  /connection refused|ECONNREFUSED/i,
  /\bEOF\b/,
  /broken pipe|EPIPE/i,
  // Go's wording when the peer drops a connection mid-request (containerd pushes through an io.Pipe).
  /use of closed network connection|read\/write on closed pipe|server closed idle connection/i,
  /connection aborted|ECONNABORTED|network is unreachable|no route to host/i,
  /ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|socket hang up/i,
  /bad gateway|service unavailable|gateway time-?out|internal server error/i,
  /blob upload unknown|blob upload invalid/i
]

/** What the docker CLI says when no engine answers at DOCKER_HOST. */
export const NO_ENGINE = /Cannot connect to the Docker daemon|error during connect/i
// No docker engine at all: its fallout ("read/write on closed pipe") must not pass for a flaky network.
const FATAL = [NO_ENGINE]

/**
 * A build step that failed: BuildKit's `process "/bin/sh -c …" did not complete successfully` and the classic
 * builder's `The command '/bin/sh -c …' returned a non-zero code`. The quoted command is the user's, and so
 * are any words in it: such a failure is never retried and never taken for an auth problem.
 */
export function buildStepFailed(text: string): boolean {
  // What `/\bprocess ".*" did not complete successfully/` would match, found with one search per line: that
  // pattern, with `.*` between two literals, takes time quadratic in a line that repeats its opening.
  for (const line of text.split(/[\n\r\u2028\u2029]/))
    for (const [open, close] of STEP_FAILED) {
      const at = line.search(open.re)
      if (at >= 0 && line.lastIndexOf(close) >= at + open.length) return true
    }
  return false
}

const STEP_FAILED = [
  [{ re: /\bprocess "/, length: 'process "'.length }, '" did not complete successfully'],
  [{ re: /\bThe command '/, length: "The command '".length }, "' returned a non-zero code"]
] as const

/** Whether an error (or its message) says a build step failed: no hint applies to it. */
export const isBuildStepFailure = (error: unknown): boolean => buildStepFailed(messageOf(error))

/** Classifies free text such as docker's error line or an HTTP error line. */
export function classify(text: string): FailureKind {
  if (buildStepFailed(text)) return 'fatal'
  if (AUTH.some(re => re.test(text))) return 'auth'
  if (FATAL.some(re => re.test(text))) return 'fatal'
  if (TRANSIENT.some(re => re.test(text))) return 'transient'
  return 'fatal'
}

export function kindOf(err: unknown): FailureKind {
  if (err instanceof ClassifiedError) return err.kind
  const code = (err as { code?: unknown })?.code
  if (
    typeof code === 'string' &&
    /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/.test(code)
  )
    return 'transient'
  return classify(messageOf(err))
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) * 1000
  // Only an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also take "-5" or "1.5".
  if (!/^[A-Za-z]{3}, /.test(trimmed)) return undefined
  const at = Date.parse(trimmed)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts: number
  baseMs?: number
  maxMs?: number
  /** Called before each wait with the 1-based number of the attempt that failed. */
  onRetry?: (info: { attempt: number; attempts: number; delayMs: number; error: unknown }) => void
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /**
   * No new attempt starts after this long since the first started (or, with `windowFromFailure`, failed).
   * docker's daemon retries layer uploads on its own for about 50 s; a push still failing after that is not
   * worth round after round.
   */
  maxElapsedMs?: number
  /**
   * The window opens when the first attempt fails, not when it starts: a first attempt that may rightly run
   * long (a build, a push stopped only after its stall window) does not use the window up.
   */
  windowFromFailure?: boolean
  now?: () => number
  /** Once aborted (the step has failed elsewhere), no attempt starts and no wait goes on. */
  signal?: AbortSignal
}

export const DEFAULT_BASE_MS = 1000
export const DEFAULT_MAX_MS = 15000

/** Full-jitter exponential backoff, floored by the server's Retry-After when it gave one. */
export function backoffMs(
  attempt: number,
  { baseMs = DEFAULT_BASE_MS, maxMs = DEFAULT_MAX_MS, random = Math.random }: RetryOptions,
  retryAfterMs?: number
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** (attempt - 1))
  const jittered = Math.round(cap / 2 + (random() * cap) / 2)
  return retryAfterMs === undefined ? jittered : Math.min(Math.max(jittered, retryAfterMs), maxMs * 4)
}

/**
 * The longest retry() runs when each attempt ends within `attemptMs` and no Retry-After stretches a wait:
 * every attempt with the longest wait before it, cut at `maxElapsedMs` (no attempt starts after that).
 */
export function worstRetryMs(
  attemptMs: number,
  opts: Pick<RetryOptions, 'attempts' | 'baseMs' | 'maxMs' | 'maxElapsedMs' | 'windowFromFailure'>
): number {
  let total = attemptMs
  for (let attempt = 1; attempt < opts.attempts; attempt++)
    total += backoffMs(attempt, { ...opts, random: () => 1 }) + attemptMs
  if (opts.maxElapsedMs === undefined) return total
  const windowOpens = opts.windowFromFailure ? attemptMs : 0
  return Math.min(total, windowOpens + opts.maxElapsedMs + attemptMs)
}

const realSleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** Runs `fn` until it succeeds, fails with a non-transient error, or runs out of attempts. */
export async function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const now = opts.now ?? Date.now
  let start = opts.windowFromFailure ? undefined : now()
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) throw aborted(opts.signal)
    try {
      return await fn(attempt)
    } catch (error) {
      if (kindOf(error) !== 'transient') throw error
      start ??= now()
      const retryAfter = error instanceof ClassifiedError ? error.retryAfterMs : undefined
      const delayMs = backoffMs(attempt, opts, retryAfter)
      const outOfTime = opts.maxElapsedMs !== undefined && now() - start + delayMs > opts.maxElapsedMs
      if (attempt >= opts.attempts || outOfTime) throw gaveUp(error, attempt, outOfTime)
      if (opts.signal?.aborted) throw error
      opts.onRetry?.({ attempt, attempts: opts.attempts, delayMs, error })
      await abortable(delayMs, opts.sleep, opts.signal)
    }
  }
}

/** A wait or an attempt that `signal` stopped: a cancel says so alone, as the run's error line. */
function aborted(signal: AbortSignal): Error {
  const why = stoppedWhy(signal)
  return new ClassifiedError(CANCELLED.test(why) ? why : `stopped: ${why}`, 'fatal')
}
const CANCELLED = /^the run was cancelled \(/

/**
 * Why an aborted `signal` stopped the work, for its error line: its Error's message, a cancel's signal
 * (`runCancelled` aborts with the signal's name), or the step having ended elsewhere.
 */
export function stoppedWhy(signal: AbortSignal): string {
  const reason: unknown = signal.reason
  if (reason instanceof Error) return reason.message
  if (typeof reason === 'string' && /^SIG[A-Z]+$/.test(reason)) return `the run was cancelled (${reason})`
  return 'the step has ended'
}

/**
 * A wait that ends at once when `signal` aborts. The real timer is cleared then, so a failed step's process
 * is not kept alive by a backoff nobody waits for.
 */
function abortable(
  ms: number,
  sleep: ((ms: number) => Promise<void>) | undefined,
  signal?: AbortSignal
): Promise<void> {
  if (!signal) return (sleep ?? realSleep)(ms)
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined
    const stop = () => {
      clearTimeout(timer)
      reject(aborted(signal))
    }
    signal.addEventListener('abort', stop, { once: true })
    const done = () => {
      signal.removeEventListener('abort', stop)
      resolve()
    }
    if (sleep) sleep(ms).then(done, reject)
    else timer = setTimeout(done, ms)
  })
}

/**
 * The last transient error, told how long we tried, so the one error line tells the whole story. The error
 * it got is never changed (a DOMException's message is read-only, and the error may be shared): a copy of
 * the same class when the message is the error's own, so callers still tell a RegistryError or a DockerError
 * by its class and fields; otherwise a ClassifiedError of the same kind. Either has the error as its cause.
 */
function gaveUp(error: unknown, attempt: number, outOfTime: boolean): unknown {
  if (attempt === 1 && !outOfTime) return error
  const told = `${messageOf(error)}${
    outOfTime
      ? ` (gave up after ${attempt} attempt(s): no time left for another)`
      : ` (after ${attempt} attempts)`
  }`
  const own = typeof error === 'object' && error !== null && Object.getOwnPropertyDescriptor(error, 'message')
  if (error instanceof Error && own && 'value' in own && typeof own.value === 'string') {
    const copy = Object.create(
      Object.getPrototypeOf(error) as object,
      Object.getOwnPropertyDescriptors(error)
    ) as Error
    Object.defineProperty(copy, 'message', { ...own, value: told, writable: true })
    Object.defineProperty(copy, 'cause', { value: error, writable: true, configurable: true })
    // A copy is no native error, so V8 gives it no stack: the original's frames, under the new message.
    const frames = (error.stack ?? '').split('\n').slice(1).join('\n')
    Object.defineProperty(copy, 'stack', {
      value: `${error.name}: ${told}${frames ? `\n${frames}` : ''}`,
      writable: true,
      configurable: true
    })
    return copy
  }
  const copy = new ClassifiedError(
    told,
    kindOf(error),
    error instanceof ClassifiedError ? error.retryAfterMs : undefined
  )
  copy.cause = error
  return copy
}
