// ECR's GetAuthorizationToken through the real AWS SDK against hostile stand-ins on 127.0.0.1 (the SDK's own
// endpoint override): a body that trickles after its headers, an oversized body, HTML error pages, a redirect,
// a 5xx. Each attempt ends within its deadline, and each failure is one line naming ECR and the registry.
import { afterEach, beforeEach, expect, it } from '@jest/globals'
import type http from 'node:http'
import { ClassifiedError } from '../../../src/core/retry.js'
import { ecrToken, type EcrRequest } from '../../../src/registry/cloud/ecr.js'
import { cleanUp, failure as rejected, serve, type Seen } from '../../helpers/stand-in.js'
import { awsEnv } from '../../helpers/cloud.js'
import { cancelAtFirstWait } from '../../helpers/cancel.js'

const saved = { ...process.env }
const PASSWORD = 'ecr-password-0123456789abcdef'
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')

const answer = (
  res: http.ServerResponse,
  status: number,
  body: string,
  type = 'application/x-amz-json-1.1'
) => {
  res.writeHead(status, { 'Content-Type': type })
  res.end(body)
}
const login = (res: http.ServerResponse) =>
  answer(
    res,
    200,
    JSON.stringify({
      authorizationData: [{ authorizationToken: TOKEN, expiresAt: Date.now() / 1000 + 3600 }]
    })
  )

async function setUp(handler: (req: Seen, res: http.ServerResponse) => void, timeoutMs = 400) {
  const api = await serve(handler)
  Object.assign(
    process.env,
    awsEnv(
      { url: `http://${api.host}` },
      { AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENT00000', AWS_SECRET_ACCESS_KEY: 's' }
    )
  )
  const retries: string[] = []
  const req: EcrRequest = {
    registry: '127.0.0.1:5000',
    public: false,
    region: 'eu-west-1',
    attempts: 2,
    timeoutMs,
    sleep: async () => {},
    onRetry: m => retries.push(m)
  }
  return { api, req, retries }
}

/** The ClassifiedError `promise` rejects with. */
const failure = (promise: Promise<unknown>): Promise<ClassifiedError> => rejected(promise, ClassifiedError)

beforeEach(() => {
  for (const k of Object.keys(process.env)) if (/^AWS_/.test(k)) delete process.env[k]
})
afterEach(async () => {
  process.env = { ...saved }
  await cleanUp()
})

it('an answer that sends its headers and then trickles its body ends at the deadline of each attempt', async () => {
  // Each attempt's deadline covers the SDK's own start as well: 1 s lets the second attempt reach the
  // stand-in on a loaded machine (0.4 s did not always), and is still ten of the trickle's writes.
  const { api, req, retries } = await setUp((_q, res) => {
    res.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.1' })
    const timer = setInterval(() => res.write(' '), 100)
    res.on('close', () => clearInterval(timer))
  }, 1000)
  const started = Date.now()
  const error = await failure(ecrToken(req))
  expect(error.message).toBe(
    'AWS ECR gave no login for 127.0.0.1:5000: no AWS credentials and answer within 1 s (timeout; the credentials come first, from the environment, a web identity or the instance) (after 2 attempts)'
  )
  expect(error.kind).toBe('transient')
  expect(api.seen).toHaveLength(2)
  expect(retries).toHaveLength(1)
  expect(Date.now() - started).toBeLessThan(5000)
})

it('an answer larger than a login is not read to its end', async () => {
  const { api, req } = await setUp((_q, res) => answer(res, 200, ' '.repeat(1024 * 1024)))
  const error = await failure(ecrToken(req))
  expect(error.message).toBe(
    'AWS ECR gave no login for 127.0.0.1:5000: it answered with more than 131072 bytes'
  )
  expect(error.kind).toBe('fatal')
  expect(api.seen).toHaveLength(1)
})

it.each([
  [503, 'transient', 2],
  [429, 'transient', 2],
  [401, 'fatal', 1],
  [403, 'fatal', 1]
])('an HTML page with HTTP %d says so in one line (%s, asked %d time(s))', async (status, kind, calls) => {
  const { api, req } = await setUp((_q, res) =>
    answer(res, status, '<html><body>Nope</body></html>', 'text/html')
  )
  const error = await failure(ecrToken(req))
  expect(error.message).toBe(
    `AWS ECR gave no login for 127.0.0.1:5000: HTTP ${status}, not an AWS JSON answer${calls > 1 ? ` (after ${calls} attempts)` : ''}`
  )
  expect(error.kind).toBe(kind)
  expect(api.seen).toHaveLength(calls)
})

it('a redirect says so, and is not retried', async () => {
  const { api, req } = await setUp((_q, res) => {
    res.writeHead(307, { Location: 'http://127.0.0.1:9/' }).end()
  })
  const error = await failure(ecrToken(req))
  expect(error.message).toBe('AWS ECR gave no login for 127.0.0.1:5000: HTTP 307, not an AWS JSON answer')
  expect(error.kind).toBe('fatal')
  expect(api.seen).toHaveLength(1)
})

it("a service error in AWS's JSON with a 5xx is retried, then the login is used", async () => {
  let n = 0
  const { api, req, retries } = await setUp((_q, res) =>
    n++ === 0
      ? answer(res, 500, JSON.stringify({ __type: 'ServerException', message: 'internal failure' }))
      : login(res)
  )
  expect((await ecrToken(req)).password).toBe(PASSWORD)
  expect(api.seen).toHaveLength(2)
  expect(retries).toEqual([
    expect.stringMatching(
      /^AWS ECR gave no login for 127\.0\.0\.1:5000: internal failure \(HTTP 500, ServerException\); retrying in /
    )
  ])
})

it('a cancel ends a call the service has not answered, at once, with the cancel as its error', async () => {
  const { api, req } = await setUp(() => {}, 30_000)
  const controller = new AbortController()
  const cancelled = (async () => {
    while (api.seen.length === 0) await new Promise(r => setTimeout(r, 10))
    controller.abort('SIGINT')
  })()
  const started = Date.now()
  const error = await failure(ecrToken({ ...req, signal: controller.signal }))
  await cancelled
  expect(error.message).toBe('AWS ECR login for 127.0.0.1:5000 stopped: the run was cancelled (SIGINT)')
  expect(error.kind).toBe('fatal')
  expect(api.seen).toHaveLength(1)
  expect(Date.now() - started).toBeLessThan(3000)
})

it('a cancel ends the wait before another call, with the cancel as its error', async () => {
  const { api, req } = await setUp((_q, res) =>
    answer(res, 503, JSON.stringify({ __type: 'ServerException', message: 'busy' }))
  )
  const cancel = cancelAtFirstWait()
  const error = await failure(ecrToken({ ...req, attempts: 5, signal: cancel.signal, sleep: cancel.sleep }))
  expect(cancel.waits).toHaveLength(1)
  expect(error.message).toBe('the run was cancelled (SIGINT)')
  expect(api.seen).toHaveLength(1)
})
