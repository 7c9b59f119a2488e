import { describe, it, expect } from '@jest/globals'
import {
  backoffMs,
  classify,
  ClassifiedError,
  DEFAULT_BASE_MS,
  isBuildStepFailure,
  DEFAULT_MAX_MS,
  kindOf,
  parseRetryAfter,
  retry,
  type FailureKind
} from '../../src/core/retry.js'
import { cpuMs } from '../helpers/cpu-time.js'

describe('classify', () => {
  it.each([
    ['received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    ['received unexpected HTTP status: 502 Bad Gateway', 'transient'],
    ['500 Internal Server Error', 'transient'],
    ['gateway timeout', 'transient'],
    ['toomanyrequests: You have reached your pull rate limit', 'transient'],
    ['429 Too Many Requests', 'transient'],
    ['dial tcp 10.0.0.1:443: i/o timeout', 'transient'],
    ['net/http: TLS handshake timeout', 'transient'],
    ['context deadline exceeded', 'transient'],
    ['read tcp 10.0.0.1:5000: read: connection reset by peer', 'transient'],
    ['dial tcp 127.0.0.1:5000: connect: connection refused', 'transient'],
    ['Patch "https://x/v2/a/blobs/uploads/1": EOF', 'transient'],
    ['unexpected EOF', 'transient'],
    ['write tcp 10.0.0.1:443: write: broken pipe', 'transient'],
    ['socket hang up', 'transient'],
    // Seen from the containerd engine when a blob upload was reset mid-request.
    [
      'failed commit on ref "layer-sha256:f5": failed to do request: Put "http://127.0.0.1:34819/v2/a/blobs/uploads/4c": readfrom tcp 127.0.0.1:52576->127.0.0.1:34819: write tcp 127.0.0.1:52576->127.0.0.1:34819: use of closed network connection',
      'transient'
    ],
    ['failed to copy: io: read/write on closed pipe', 'transient'],
    // …but not when it is the fallout of having no engine at all.
    [
      'level=error msg="Can\'t close tar writer: io: read/write on closed pipe"\nCannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?',
      'fatal'
    ],
    ['http: server closed idle connection', 'transient'],
    ['dial tcp 10.0.0.9:443: connect: no route to host', 'transient'],
    ['dial tcp 10.0.0.9:443: connect: network is unreachable', 'transient'],
    ['read: connection aborted', 'transient'],
    ['blob upload unknown: blob upload unknown to registry', 'transient'],
    ['401 Unauthorized', 'auth'],
    ['403 Forbidden', 'auth'],
    ['denied: requested access to the resource is denied', 'auth'],
    ['unauthorized: authentication required', 'auth'],
    ['unauthorised', 'auth'],
    ['Error response from daemon: incorrect username or password', 'auth'],
    ['name invalid: repository name not known to registry', 'auth'],
    ['NAME_INVALID', 'auth'],
    ['unauthorized: authentication required (then EOF)', 'auth'],
    ['denied: 503 Service Unavailable', 'auth'],
    ['401 after i/o timeout', 'auth'],
    ['toomanyrequests but forbidden', 'auth'],
    ['manifest unknown', 'fatal'],
    ['manifest unknown: manifest unknown', 'fatal'],
    ['failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1', 'fatal'],
    // A failed build step is the user's, whatever words its command holds.
    [
      'failed to solve: process "/bin/sh -c echo connection refused; exit 1" did not complete successfully: exit code: 1',
      'fatal'
    ],
    [
      'failed to solve: process "/bin/sh -c curl -f https://x/ || echo 503 unauthorized denied" did not complete successfully: exit code: 22',
      'fatal'
    ],
    ['failed to solve: process "false" did not complete successfully: exit code: 1', 'fatal'],
    ["The command '/bin/sh -c echo permission denied; exit 1' returned a non-zero code: 1", 'fatal'],
    ["The command '/bin/sh -c echo i/o timeout 502 EOF' returned a non-zero code: 7", 'fatal'],
    ["The command 'false' returned a non-zero code: 1", 'fatal'],
    // …but a push from inside the build that failed on the network is not a build step.
    [
      'failed to solve: failed to push 127.0.0.1:5000/a:v1: failed to do request: Put "http://127.0.0.1:5000/v2/a/blobs/uploads/x": EOF',
      'transient'
    ],
    ['', 'fatal'],
    [`digest sha256:${'5'.repeat(64)} not found`, 'fatal'],
    ['Get "https://localhost:5000/v2/": http: server gave HTTP response to HTTPS client', 'fatal']
  ] as [string, FailureKind][])('%j → %s', (text, kind) => {
    expect(classify(text)).toBe(kind)
  })
})

describe('isBuildStepFailure', () => {
  it.each([
    [
      'docker buildx build failed (exit 1): failed to solve: process "/bin/sh -c x" did not complete successfully: exit code: 1',
      true
    ],
    ["docker build failed (exit 2): The command '/bin/sh -c x' returned a non-zero code: 2", true],
    ['docker push failed (exit 1): denied: requested access to the resource is denied', false],
    ['docker build failed (exit 1): Cannot connect to the Docker daemon at unix:///x.sock', false],
    ['process "/bin/sh -c echo \\"a\\" && false" did not complete successfully: exit code: 1', true],
    ["The command '/bin/sh -c echo 'a' && false' returned a non-zero code: 1", true],
    ['process "" did not complete successfully', true],
    ['a process "x\nwrapped" did not complete successfully', false],
    ['reprocess "x" did not complete successfully', false],
    ['" did not complete successfully: process "x"', false]
  ])('%j → %p', (message, expected) => {
    expect(isBuildStepFailure(new Error(message))).toBe(expected)
    expect(isBuildStepFailure(message)).toBe(expected)
  })

  // A step's own words can make the line: `/process ".*" did not complete/` took about 2.6 s on 144 KB of
  // a repeated opening (quadratic). The bound is far above what one pass takes.
  it('takes time linear in the line, whatever it repeats', () => {
    const ms = cpuMs(() => {
      expect(isBuildStepFailure('process "'.repeat(50_000))).toBe(false)
      expect(isBuildStepFailure("The command '".repeat(40_000))).toBe(false)
      expect(isBuildStepFailure(`${'process "'.repeat(50_000)}" did not complete successfully`)).toBe(true)
    })
    expect(ms).toBeLessThan(1000)
  })
})

describe('kindOf', () => {
  it.each([
    [new ClassifiedError('manifest unknown', 'transient'), 'transient'],
    [new ClassifiedError('503', 'fatal'), 'fatal'],
    [Object.assign(new Error('boom'), { code: 'ECONNRESET' }), 'transient'],
    [Object.assign(new Error('boom'), { code: 'ETIMEDOUT' }), 'transient'],
    [Object.assign(new Error('boom'), { code: 'ENOENT' }), 'fatal'],
    [new Error('connection reset by peer'), 'transient'],
    [new Error('unauthorized'), 'auth'],
    ['a plain string with 502', 'transient'],
    [undefined, 'fatal'],
    [null, 'fatal']
  ] as [unknown, FailureKind][])('%p → %s', (err, kind) => {
    expect(kindOf(err)).toBe(kind)
  })
})

describe('parseRetryAfter', () => {
  const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')
  it.each([
    ['120', 120000],
    [' 5 ', 5000],
    ['0', 0],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30000],
    ['Wed, 21 Oct 2015 07:30:00 GMT', 120000],
    ['Wed, 21 Oct 2015 07:27:00 GMT', 0],
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['12abc', undefined],
    ['0x10', undefined],
    // Neither delay-seconds (1*DIGIT) nor an HTTP-date: must not be read as a date by a lenient parser.
    ['-5', undefined],
    ['1.5', undefined]
  ])('%j → %p', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected)
  })
})

describe('backoffMs', () => {
  const high = { attempts: 10, random: () => 1 }
  const low = { attempts: 10, random: () => 0 }

  it.each([
    [1, 1000, 500],
    [2, 2000, 1000],
    [3, 4000, 2000],
    [4, 8000, 4000],
    [5, 15000, 7500],
    [6, 15000, 7500],
    [20, 15000, 7500]
  ])('attempt %d: between %d and %d with the default base and cap', (attempt, max, min) => {
    expect(backoffMs(attempt, high)).toBe(max)
    expect(backoffMs(attempt, low)).toBe(min)
  })

  it('uses the exported defaults', () => {
    expect(DEFAULT_BASE_MS).toBe(1000)
    expect(DEFAULT_MAX_MS).toBe(15000)
  })

  it('grows with the attempt and never exceeds the cap', () => {
    for (const r of [0, 0.25, 0.5, 0.999]) {
      const delays = [1, 2, 3, 4, 5, 6, 7, 8].map(a => backoffMs(a, { attempts: 8, random: () => r }))
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1])
      expect(delays[0]).toBeLessThan(delays[3])
      for (const d of delays) expect(d).toBeLessThanOrEqual(DEFAULT_MAX_MS)
    }
  })

  it.each([
    [{ baseMs: 100, maxMs: 300 }, 1, 100],
    [{ baseMs: 100, maxMs: 300 }, 2, 200],
    [{ baseMs: 100, maxMs: 300 }, 3, 300],
    [{ baseMs: 100, maxMs: 300 }, 9, 300]
  ])('custom %j, attempt %d → %d', (opts, attempt, expected) => {
    expect(backoffMs(attempt, { attempts: 10, random: () => 1, ...opts })).toBe(expected)
  })

  it.each([
    [1, 10000, 10000],
    [1, 100, 500],
    [3, 0, 2000],
    [1, 59000, 59000],
    [1, 1e9, 60000]
  ])(
    'attempt %d with Retry-After %d ms → %d (floored by it, capped at 4× max)',
    (attempt, retryAfter, expected) => {
      expect(backoffMs(attempt, low, retryAfter)).toBe(expected)
    }
  )
})

describe('retry', () => {
  function recorder() {
    const sleeps: number[] = []
    const retries: { attempt: number; attempts: number; delayMs: number; error: unknown }[] = []
    return {
      sleeps,
      retries,
      opts: (attempts: number) => ({
        attempts,
        random: () => 0,
        sleep: async (ms: number) => {
          sleeps.push(ms)
        },
        onRetry: (info: { attempt: number; attempts: number; delayMs: number; error: unknown }) =>
          retries.push(info)
      })
    }
  }

  it('succeeds after transient failures, calling onRetry before each wait', async () => {
    const r = recorder()
    const seen: number[] = []
    const errors = [new ClassifiedError('503', 'transient'), new Error('connection reset by peer')]
    const result = await retry(async attempt => {
      seen.push(attempt)
      if (attempt <= errors.length) throw errors[attempt - 1]
      return 'ok'
    }, r.opts(5))
    expect(result).toBe('ok')
    expect(seen).toEqual([1, 2, 3])
    expect(r.retries.map(i => [i.attempt, i.attempts, i.error])).toEqual([
      [1, 5, errors[0]],
      [2, 5, errors[1]]
    ])
    expect(r.sleeps).toEqual([500, 1000])
    expect(r.retries.map(i => i.delayMs)).toEqual(r.sleeps)
  })

  it.each([
    ['auth', new ClassifiedError('unauthorized', 'auth')],
    ['fatal', new ClassifiedError('whatever 503', 'fatal')],
    ['classified by message', new Error('denied: requested access to the resource is denied')],
    ['unknown', new Error('manifest unknown')]
  ])('stops immediately on a non-transient error (%s)', async (_name, error) => {
    const r = recorder()
    let calls = 0
    await expect(
      retry(async () => {
        calls++
        throw error
      }, r.opts(5))
    ).rejects.toBe(error)
    expect(calls).toBe(1)
    expect(r.sleeps).toEqual([])
    expect(r.retries).toEqual([])
  })

  it.each([1, 2, 3, 10])('stops after %d attempts and rethrows the last error, saying so', async attempts => {
    const r = recorder()
    let calls = 0
    let last: Error | undefined
    const failure = retry(async attempt => {
      calls++
      last = new ClassifiedError(`503 #${attempt}`, 'transient')
      throw last
    }, r.opts(attempts))
    const expected = attempts === 1 ? '503 #1' : `503 #${attempts} (after ${attempts} attempts)`
    await expect(failure).rejects.toMatchObject({ message: expected, kind: 'transient' })
    if (attempts === 1) await expect(failure).rejects.toBe(last)
    else await expect(failure).rejects.toMatchObject({ cause: last })
    // The error it got is told as it was: the account of the attempts is on a copy.
    expect(last!.message).toBe(`503 #${attempts}`)
    expect(calls).toBe(attempts)
    expect(r.sleeps).toHaveLength(attempts - 1)
  })

  it('gives up on an error whose message is read-only (a timeout DOMException) with one line of its own', async () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    const failure = retry(async () => {
      throw timeout
    }, recorder().opts(2))
    await expect(failure).rejects.toBeInstanceOf(ClassifiedError)
    await expect(failure).rejects.toMatchObject({
      message: 'The operation was aborted due to timeout (after 2 attempts)',
      kind: 'transient',
      cause: timeout
    })
    expect(timeout.message).toBe('The operation was aborted due to timeout')
  })

  it('gives up on an error of a class of its own with a copy of that class, its fields and kind kept', async () => {
    class StatusError extends ClassifiedError {
      constructor(
        message: string,
        readonly status: number
      ) {
        super(message, 'transient', 1000)
        this.name = 'StatusError'
      }
    }
    const last = new StatusError('HTTP 503 from the registry', 503)
    const failure = retry(async () => {
      throw last
    }, recorder().opts(3))
    await expect(failure).rejects.toBeInstanceOf(StatusError)
    await expect(failure).rejects.toMatchObject({
      message: 'HTTP 503 from the registry (after 3 attempts)',
      status: 503,
      kind: 'transient',
      retryAfterMs: 1000,
      name: 'StatusError',
      cause: last
    })
    expect(last.message).toBe('HTTP 503 from the registry')
    // The copy keeps the original's frames under its own message, for whoever debugs it.
    const stack = ((await failure.catch((e: unknown) => e)) as Error).stack ?? ''
    expect(stack.split('\n')[0]).toBe('StatusError: HTTP 503 from the registry (after 3 attempts)')
    expect(stack.split('\n').slice(1)).toEqual((last.stack ?? '').split('\n').slice(1))
    expect(stack.split('\n').length).toBeGreaterThan(1)
  })

  it('starts no attempt after maxElapsedMs, however many attempts are left', async () => {
    let clock = 0
    let calls = 0
    const failure = retry(
      async () => {
        calls++
        clock += 50_000 // the attempt itself took 50 s, as a push does when dockerd retried on its own
        throw new ClassifiedError('connection reset by peer', 'transient')
      },
      { attempts: 3, maxElapsedMs: 45_000, now: () => clock, sleep: async () => undefined, random: () => 0 }
    )
    await expect(failure).rejects.toMatchObject({
      message: 'connection reset by peer (gave up after 1 attempt(s): no time left for another)'
    })
    expect(calls).toBe(1)
  })

  it('with windowFromFailure, the window opens when the first attempt fails, however long it ran', async () => {
    let clock = 0
    const started: number[] = []
    const failure = retry(
      async () => {
        started.push(clock)
        clock += 60_000 // a push stopped after its stall window
        throw new ClassifiedError('docker push stalled: no progress for 60 s', 'transient')
      },
      {
        attempts: 5,
        maxElapsedMs: 45_000,
        windowFromFailure: true,
        now: () => clock,
        sleep: async () => undefined,
        random: () => 0
      }
    )
    // The second starts right after the first failed; the third would start 60 s after it: out of the window.
    await expect(failure).rejects.toMatchObject({
      message:
        'docker push stalled: no progress for 60 s (gave up after 2 attempt(s): no time left for another)'
    })
    expect(started).toEqual([0, 60_000])
  })

  it("waits at least the server's Retry-After", async () => {
    const r = recorder()
    let calls = 0
    await retry(async () => {
      if (calls++ === 0) throw new ClassifiedError('429 toomanyrequests', 'transient', 7000)
      return 1
    }, r.opts(3))
    expect(r.sleeps).toEqual([7000])
  })

  it('returns the first result without sleeping', async () => {
    const r = recorder()
    expect(await retry(async () => 42, r.opts(3))).toBe(42)
    expect(r.sleeps).toEqual([])
    expect(r.retries).toEqual([])
  })
})

describe('retry with an abort signal', () => {
  it('stops waiting at once when aborted, and starts no attempt after', async () => {
    const controller = new AbortController()
    let attempts = 0
    const start = Date.now()
    const pending = retry(
      async () => {
        attempts++
        throw new ClassifiedError('503 Service Unavailable', 'transient')
      },
      { attempts: 10, baseMs: 60_000, maxMs: 60_000, signal: controller.signal }
    )
    setTimeout(() => controller.abort(new Error('the step failed')), 50)
    await expect(pending).rejects.toThrow(/stopped: the step failed/)
    expect(attempts).toBe(1)
    expect(Date.now() - start).toBeLessThan(2000)
  })

  it('an aborted signal lets no attempt start', async () => {
    const controller = new AbortController()
    controller.abort()
    let called = false
    await expect(
      retry(
        async () => {
          called = true
        },
        { attempts: 3, signal: controller.signal }
      )
    ).rejects.toThrow(/stopped/)
    expect(called).toBe(false)
  })
})
